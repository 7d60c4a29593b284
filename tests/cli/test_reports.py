"""kehoach report, report --all-units, narrative set|show, report-settings, draft-resolution."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner, Result

from kehoach.cli.app import app
from kehoach.core.planjson import plan_to_json
from kehoach.services import add_units, import_plan_json, open_database
from tests.services.conftest import WARD_UNITS, small_plan

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture
def plans(use_database: str) -> tuple[int, int]:
    """The small plan of Phường Mẫu (P9) and the same plan for the province (T9)."""
    with open_database(use_database) as db:
        add_units(db, WARD_UNITS)
        ward = import_plan_json(db, plan_to_json(small_plan()), unit_code="P9").plan_id
        plan = small_plan()
        plan.document.number = "10/NQ-HĐND"
        province = import_plan_json(db, plan_to_json(plan), unit_code="T9").plan_id
    return ward, province


def run(*args: str, stdin: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=stdin)


def ok(*args: str, stdin: str | None = None) -> str:
    result = run(*args, stdin=stdin)
    assert result.exit_code == 0, result.stderr + result.stdout
    return result.stdout


def test_report_docx_and_xlsx(plans: tuple[int, int], tmp_path: Path) -> None:
    out = ok("report", str(plans[0]), "--period", "2024-H1", "-o", str(tmp_path / "bc.docx"))
    assert f"Đã ghi {tmp_path / 'bc.docx'} (Word," in out and "phụ lục 7 chỉ tiêu" in out
    assert Document(str(tmp_path / "bc.docx")).paragraphs
    ok("report", str(plans[0]), "--period", "2024-H1", "--format", "xlsx", "-o", str(tmp_path / "pl.xlsx"))
    assert (tmp_path / "pl.xlsx").stat().st_size > 4000


def test_report_with_a_number_and_a_date(plans: tuple[int, int], tmp_path: Path) -> None:
    ok(
        "report",
        str(plans[0]),
        "-p",
        "2024-H1",
        "--number",
        "7",
        "--date",
        "20/06/2024",
        "-o",
        str(tmp_path / "bc.docx"),
    )
    header = Document(str(tmp_path / "bc.docx")).tables[0]
    assert header.rows[1].cells[0].text == "Số: 07/BC-UBND"
    assert header.rows[1].cells[1].text == "Mẫu, ngày 20 tháng 6 năm 2024"  # a proper name: no "Phường"


def test_report_errors_are_one_line(plans: tuple[int, int]) -> None:
    result = run("report", str(plans[0]), "--period", "2024-H1", "--format", "odt")
    assert result.exit_code == 1 and result.stderr.startswith("Lỗi: định dạng 'odt' không có")
    result = run("report", str(plans[0]), "--format", "docx")
    assert result.exit_code == 1 and "cần --period" in result.stderr


def test_all_units_writes_a_folder_with_progress(plans: tuple[int, int], tmp_path: Path) -> None:
    out = ok("report", str(plans[1]), "-p", "2024-H1", "--all-units", "-o", str(tmp_path / "xa"), "--workers", "1")
    assert sorted(p.name for p in (tmp_path / "xa").iterdir()) == ["bao-cao-P9-2024-H1.docx", "bao-cao-X8-2024-H1.docx"]
    assert f"Đã ghi 2 báo cáo vào thư mục {tmp_path / 'xa'}" in out


def test_narrative_set_from_a_file_and_stdin_then_show(plans: tuple[int, int], tmp_path: Path) -> None:
    text = tmp_path / "huong.txt"
    text.write_text("Tăng thu ngân sách.\nGiảm hộ nghèo.\n", encoding="utf-8")
    out = ok("narrative", "set", str(plans[0]), str(text), "-p", "2024-H1", "--section", "phuong-huong", "--by", "Lan")
    assert "Đã ghi mục “Phương hướng, nhiệm vụ kỳ tới” (Phường Mẫu, 6 tháng đầu năm 2024), lần sửa 1." in out
    ok("narrative", "set", str(plans[0]), "-", "-p", "2024-H1", "-s", "han-che:kinh-te", stdin="Thu chậm [quý I].\n")
    assert (
        ok("narrative", "show", str(plans[0]), "-p", "2024-H1", "-s", "phuong-huong")
        == "Tăng thu ngân sách.\nGiảm hộ nghèo.\n"
    )
    listing = ok("narrative", "show", str(plans[0]), "-p", "2024-H1")
    assert "han-che:kinh-te" in listing and "Thu chậm [quý I]." in listing and "(chưa viết)" in listing
    history = ok("narrative", "show", str(plans[0]), "-p", "2024-H1", "-s", "phuong-huong", "--history")
    assert "Lan" in history


def test_narrative_errors(plans: tuple[int, int], tmp_path: Path) -> None:
    result = run(
        "narrative", "set", str(plans[0]), str(tmp_path / "khong-co.txt"), "-p", "2024-H1", "-s", "phuong-huong"
    )
    assert result.exit_code == 1 and "không tìm thấy tệp" in result.stderr
    result = run("narrative", "set", str(plans[0]), "-", "-p", "2024-H1", "-s", "tong-ket", stdin="x")
    assert result.exit_code == 1 and "không có mục 'tong-ket'" in result.stderr


def test_report_settings_show_and_change(plans: tuple[int, int]) -> None:
    shown = ok("report-settings", str(plans[0]))
    assert "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" in shown and "mặc định" in shown
    changed = ok(
        "report-settings", str(plans[0]),
        "--signature", "TM. ỦY BAN NHÂN DÂN", "--signature", "KT. CHỦ TỊCH", "--signature", "PHÓ CHỦ TỊCH",
        "--signer", "Nguyễn Văn A", "--recipient", "Thường trực HĐND phường", "--recipient", "Lưu: VT, VP",
    )  # fmt: skip
    assert "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in changed and "Nguyễn Văn A" in changed
    reset = ok("report-settings", str(plans[0]), "--reset", "signer")
    assert "Nguyễn Văn A" not in reset
    result = run("report-settings", str(plans[0]), "--reset", "chu-ky")
    assert result.exit_code == 1 and "không có mục chu_ky" in result.stderr


def test_draft_resolution(plans: tuple[int, int], tmp_path: Path) -> None:
    out = ok("draft-resolution", str(plans[0]), "--year", "2025", "-o", str(tmp_path / "nq.docx"))
    assert "Đã ghi dự thảo nghị quyết năm 2025" in out and "để trống" in out
    document = Document(str(tmp_path / "nq.docx"))
    assert document.paragraphs[0].text == "DỰ THẢO"
    result = run("draft-resolution", str(plans[0]), "--year", "2025", "--format", "xlsx")
    assert result.exit_code == 1 and "docx hoặc pdf" in result.stderr
