"""``kehoach template``, ``kehoach load`` and ``kehoach demo`` through Typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from kehoach.cli.app import app
from kehoach.core import OrgUnit, UnitLevel
from kehoach.core.entrysheet import COLUMNS, SHEET_NAME, Column
from kehoach.reports.entryform import FIRST_DATA_ROW
from kehoach.services import add_units, import_plan_json, open_database

runner = CliRunner()
KHOM = [f"99001-0{i}" for i in range(1, 6)]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.fixture
def ward_plan(use_database: str, seed_plan_json: Path) -> str:
    with open_database(use_database) as db:
        add_units(
            db,
            [OrgUnit("99001", "Phường 1", UnitLevel.XA)]
            + [OrgUnit(code, f"Khóm {i}", UnitLevel.KHOM, "99001") for i, code in enumerate(KHOM, start=1)],
        )
        return str(import_plan_json(db, seed_plan_json, unit_code="99001").plan_id)


def _fill(path: Path, cells: dict[tuple[str, str, Column], object]) -> None:
    workbook = load_workbook(path)
    sheet = workbook[SHEET_NAME]
    rows = {(sheet.cell(r, 1).value, sheet.cell(r, 5).value): r for r in range(FIRST_DATA_ROW, sheet.max_row + 1)}
    for (key, unit, column), value in cells.items():
        sheet.cell(rows[(key, unit)], COLUMNS.index(column) + 1).value = value
    workbook.save(path)


def test_template_then_load_then_load_again(ward_plan: str, tmp_path: Path) -> None:
    path = tmp_path / "bieu thang 7.xlsx"
    written = run("template", ward_plan, "--period", "2024-07", "-o", str(path))
    assert written.exit_code == 0, written.stderr
    assert written.stdout.startswith(f"Đã ghi biểu nhập số liệu Tháng 7 năm 2024 ra {path}: 97 dòng.")
    assert "kehoach load" in written.stdout
    _fill(path, {("5.2", KHOM[0], Column.VALUE): "12", ("4.1", KHOM[0], Column.VALUE): "97,6"})
    loaded = run("load", str(path), "--by", "Trần Thị B")
    assert loaded.exit_code == 0, loaded.stderr
    assert loaded.stdout.startswith(f"Đã nạp {path} vào kế hoạch số {ward_plan}: 2 số liệu mới, 0 số liệu sửa đổi")
    shown = run("history", ward_plan, "5.2", "--unit", KHOM[0], "--period", "2024-07")
    assert "Trần Thị B" in shown.stdout
    again = run("load", str(path))
    assert again.exit_code == 0
    assert "không có gì thay đổi" in again.stdout


def test_a_file_with_errors_lists_every_error_and_exits_non_zero(ward_plan: str, tmp_path: Path) -> None:
    path = tmp_path / "bieu.xlsx"
    assert run("template", ward_plan, "--period", "2024-06", "--unit", KHOM[0], "-o", str(path)).exit_code == 0
    _fill(
        path,
        {
            ("5.2", KHOM[0], Column.VALUE): "nhiều",
            ("4.1", KHOM[0], Column.NUMERATOR): 500,
            ("4.1", KHOM[0], Column.DENOMINATOR): 400,
            ("5.1", KHOM[0], Column.VALUE): 1,
        },
    )
    refused = run("load", str(path))
    assert refused.exit_code == 1
    assert refused.stdout == ""
    lines = refused.stderr.splitlines()
    assert lines[0] == f"Lỗi: {path} có 2 lỗi, không ghi số liệu nào vào cơ sở dữ liệu:"
    assert lines[1].startswith("  - Trang tính “Nhập liệu”, dòng ") and "cột I (Tử số)" in lines[1]
    assert "cột H (Giá trị): “nhiều” không phải là số" in lines[2]
    assert len(lines) == 3 and "Traceback" not in refused.stderr
    history = run("history", ward_plan, "5.1", "--unit", KHOM[0], "--period", "2024-06")
    assert "Trần" not in history.stdout  # nothing was recorded


def test_a_csv_template_and_a_csv_without_a_plan(ward_plan: str, tmp_path: Path) -> None:
    path = tmp_path / "bieu.csv"
    assert run("template", ward_plan, "-p", "2024-Q3", "-u", KHOM[1], "-o", str(path)).exit_code == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    plain = tmp_path / "tu-soan.csv"
    plain.write_text(f"Mã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị\n5.2;{KHOM[1]};2024-08;3\n", encoding="utf-8")
    missing = run("load", str(plain))
    assert missing.exit_code == 1 and "--plan" in missing.stderr
    assert run("load", str(plain), "--plan", ward_plan).exit_code == 0


def test_errors_before_reading_are_one_line(ward_plan: str, tmp_path: Path) -> None:
    bad = run("template", ward_plan, "--period", "2024-06", "-o", str(tmp_path / "bieu.ods"))
    assert bad.exit_code == 1 and bad.stderr.startswith("Lỗi: bieu.ods") and len(bad.stderr.splitlines()) == 1
    unknown = run("template", "42", "--period", "2024-06", "-o", str(tmp_path / "bieu.xlsx"))
    assert unknown.exit_code == 1 and len(unknown.stderr.splitlines()) == 1
    absent = run("load", str(tmp_path / "khong-co.xlsx"))
    assert absent.exit_code == 1 and len(absent.stderr.splitlines()) == 1


def test_the_demo_shows_a_mixed_status_and_builds_once(use_database: str) -> None:
    first = run("demo")
    assert first.exit_code == 0, first.stderr
    out = first.stdout
    assert out.startswith("Đã nhập kế hoạch số 1 từ nq-74-2023-phuong-1.txt")
    assert "Đơn vị mẫu: Phường 1 (99001) và 5 khóm" in out
    assert "Khóm 1 (99001-01): Đã duyệt" in out and "Khóm 2 (99001-02): Đã nộp" in out
    for label in ("Đúng tiến độ", "Có nguy cơ không đạt", "Chưa có số liệu"):
        assert label in out
    again = run("demo")
    assert again.exit_code == 0
    assert again.stdout.startswith("Văn bản đã có trong cơ sở dữ liệu (kế hoạch số 1), không nhập lại")
    assert "đã có đủ" in again.stdout and "6 đơn vị đã có" in again.stdout
