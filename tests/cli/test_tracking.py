"""The tracking commands through CliRunner: units, import --unit, record, history, approval, status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kehoach.cli.app import app

runner = CliRunner()

UNITS = """code,name,level,parent_code,valid_from
99001,Phường 1,phường,,2020-01-01
99001-01,Khóm 1,khóm,99001,2020-01-01
99001-02,Khóm 2,khóm,99001,2020-01-01
"""


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def one_line_error(result: Result, *fragments: str) -> str:
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


@pytest.fixture
def plan(use_database: str, tmp_path: Path, seed_plan_json: Path) -> str:
    """Phường 1 and two khóm, and the seed plan owned by the ward."""
    units = tmp_path / "don-vi.csv"
    units.write_text(UNITS, encoding="utf-8")
    ok("units", "import", str(units))
    out = ok("import", str(seed_plan_json), "--unit", "99001")
    assert "Đơn vị của kế hoạch: Phường 1 (99001)" in out
    return "1"


def test_units_import_and_list(use_database: str, tmp_path: Path) -> None:
    path = tmp_path / "don-vi.csv"
    path.write_text(UNITS, encoding="utf-8")
    assert ok("units", "import", str(path)).strip() == (
        "Đã nhập don-vi.csv: 3 đơn vị mới, 0 đơn vị được sửa, 0 đơn vị hết hiệu lực, 0 đơn vị không đổi."
    )
    assert "không có gì thay đổi" in ok("units", "import", str(path))
    listed = ok("units", "list")
    for expected in ("Các đơn vị còn hiệu lực", "99001-02", "  Khóm 2", "Phường 1", "01/01/2020 – nay"):
        assert expected in listed
    assert "Chưa có đơn vị nào" not in ok("units", "list", "--on", "01/06/2024")
    assert "Chưa có đơn vị nào" in ok("units", "list", "--on", "2019-12-31")
    assert "Các đơn vị và lịch sử hiệu lực" in ok("units", "list", "--all")
    one_line_error(run("units", "list", "--on", "32/13/2024"), "ngày '32/13/2024' không hợp lệ")


def test_a_bad_units_file_is_one_line_naming_every_row(use_database: str, tmp_path: Path) -> None:
    path = tmp_path / "loi.csv"
    path.write_text("code,name,level,parent_code\nA,Xã A,xã,\nB,,khóm,A\nC,Khóm C,abc,A\n", encoding="utf-8")
    line = one_line_error(run("units", "import", str(path)), "Tệp loi.csv có 2 lỗi")
    assert "dòng 3, cột name: thiếu tên đơn vị" in line
    assert "dòng 4, cột level: không nhận ra cấp đơn vị 'abc'" in line
    assert "Chưa có đơn vị nào" in ok("units", "list")


def test_import_without_a_unit_makes_one_up(use_database: str, seed_plan_json: Path) -> None:
    out = ok("import", str(seed_plan_json))
    assert out.splitlines()[1] == (
        "Đơn vị của kế hoạch: Phường 1 (phuong-1) — đơn vị mới, đặt theo tên nơi ban hành (đổi bằng lệnh kehoach settings)"
    )
    one_line_error(run("import", str(seed_plan_json), "--unit", "nope", "--cutoff", "abc"), "không nhận ra cách chốt")


def test_import_an_unknown_unit(use_database: str, seed_plan_json: Path) -> None:
    one_line_error(run("import", str(seed_plan_json), "--unit", "nope"), "không có đơn vị mã 'nope'")
    assert "Chưa có kế hoạch nào" in ok("plans")


def test_record_and_history(plan: str) -> None:
    assert ok(
        "record", plan, "5.2", "--unit", "99001-01", "--period", "2024-01", "12", "--note", "sổ tháng 1"
    ).strip() == ("Đã ghi số liệu chỉ tiêu 5.2, đơn vị 99001-01, kỳ 2024-01.")
    assert "không đổi, không ghi thêm" in ok("record", plan, "5.2", "-u", "99001-01", "-p", "2024-01", "12,0")
    assert "Đã sửa số liệu" in ok(
        "record", plan, "5.2", "-u", "99001-01", "-p", "2024-01", "13", "--reason", "đếm lại", "--by", "Chị Lan"
    )
    ok("record", plan, "4.1", "-u", "99001-01", "-p", "2024-01", "97,5")
    assert "Đã sửa" in ok("record", plan, "4.1", "-u", "99001-01", "-p", "2024-01", "97.6")
    ok("record", plan, "4.1", "-u", "99001-02", "-p", "2024-01", "--numerator", "451", "--denominator", "460")
    ok("record", plan, "11.1", "-u", "99001", "-p", "2024-06", "--grade", "tốt")
    ok("record", plan, "T1.1.1", "-u", "99001", "-p", "2024-06", "--rank", "2")
    ok("record", plan, "5.2", "-u", "99001", "-p", "2024", "300", "--estimate")
    shown = ok("history", plan, "5.2", "--unit", "99001-01", "--period", "2024-01")
    for expected in (
        "Số liệu chỉ tiêu 5.2: Giới thiệu việc làm",
        "Đơn vị: Khóm 1 (99001-01); kỳ: Tháng 1 năm 2024 (2024-01)",
        "Trạng thái kỳ: Đang nhập",
        "Nhập mới",
        "Sửa",
        "12 lao động",
        "13 lao động",
        "Chị Lan",
        "đếm lại",
        "sổ tháng 1",
        "kehoach record",
        "Hiện tại: 13 lao động",
    ):
        assert expected in shown, expected
    assert "97,6%" in ok("history", plan, "4.1", "-u", "99001-01", "-p", "2024-01")
    assert "98,04% (451/460)" in ok("history", plan, "4.1", "-u", "99001-02", "-p", "2024-01")
    assert "Số ước chỉ tiêu 5.2" in ok("history", plan, "5.2", "-u", "99001", "-p", "2024", "--estimate")
    assert "Chưa có số liệu nào được ghi" in ok("history", plan, "5.3", "-u", "99001-02", "-p", "2024-01")
    cleared = ok("record", plan, "5.2", "-u", "99001-01", "-p", "2024-01", "--clear", "--reason", "nhầm")
    assert "Đã xóa số liệu" in cleared
    assert "Xóa số liệu" in ok("history", plan, "5.2", "-u", "99001-01", "-p", "2024-01")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("5.2", "-u", "99001-01", "-p", "2024-01", "12,5,5"), "giá trị: '12,5,5' không phải là số hợp lệ"),
        (("5.2", "-u", "99001-01", "-p", "2024-01"), "chưa nhập số liệu"),
        (("5.2", "-p", "2024-01", "3"), "cần --unit MÃ và --period KỲ"),
        (("4.1", "-u", "99001-01", "-p", "2024-01", "101"), "tỷ lệ 101% lớn hơn 100%"),
        (
            ("4.1", "-u", "99001-01", "-p", "2024-01", "--numerator", "5", "--denominator", "4"),
            "tử số 5 lớn hơn mẫu số 4",
        ),
        (("5.2", "-u", "nope", "-p", "2024-01", "3"), "không có đơn vị mã 'nope'"),
        (("5.9", "-u", "99001-01", "-p", "2024-01", "3"), "không có chỉ tiêu mã '5.9'"),
        (("5.2", "-u", "99001-01", "-p", "2024-1a", "3"), "kỳ báo cáo '2024-1a' không hợp lệ"),
        (("5.2", "-u", "99001-01", "-p", "2024-01", "3", "--clear"), "--clear không đi kèm giá trị"),
    ],
)
def test_record_errors_are_one_line(plan: str, args: tuple[str, ...], fragment: str) -> None:
    one_line_error(run("record", plan, *args), fragment)


def test_submit_approve_lock_reopen(plan: str) -> None:
    ok("record", plan, "5.2", "-u", "99001-01", "-p", "2024-06", "12")
    assert ok("submit", plan, "--unit", "99001", "--period", "2024-06").strip() == (
        "Kỳ Tháng 6 năm 2024 của đơn vị Phường 1 (99001), kế hoạch số 1: Đã nộp."
    )
    assert "Đã duyệt (khóa sổ)" in ok("approve", plan, "-u", "99001", "-p", "2024-06", "--by", "Chủ tịch")
    one_line_error(
        run("record", plan, "5.2", "-u", "99001-01", "-p", "2024-06", "14"),
        "số liệu kỳ Tháng 6 năm 2024 của đơn vị Khóm 1 (99001-01) đã được duyệt, đã khóa sổ",
    )
    one_line_error(run("reopen", plan, "-u", "99001", "-p", "2024-06"), "cần ghi lý do")
    one_line_error(run("approve", plan, "-u", "99001", "-p", "2024-06"), "đã được duyệt rồi")
    assert "Đã mở lại" in ok("reopen", plan, "-u", "99001", "-p", "2024-06", "--reason", "Khóm 1 báo lại")
    assert "Đã sửa" in ok("record", plan, "5.2", "-u", "99001-01", "-p", "2024-06", "14")
    shown = ok("history", plan, "5.2", "-u", "99001", "-p", "2024-06")
    for expected in ("Nộp, duyệt, mở lại", "Chủ tịch", "Khóm 1 báo lại", "Trạng thái kỳ: Đã mở lại"):
        assert expected in shown


def test_status_table(plan: str) -> None:
    for unit, value in (("99001-01", "100"), ("99001-02", "50")):
        ok("record", plan, "5.2", "-u", unit, "-p", "2024-01", value)
    ok("record", plan, "4.1", "-u", "99001-01", "-p", "2024-03", "--numerator", "90", "--denominator", "100")
    ok("record", plan, "11.1", "-u", "99001", "-p", "2024-03", "--grade", "Khá")
    out = ok("status", plan, "--period", "2024-Q1")
    for expected in (
        "Kế hoạch số 1: Nghị quyết 74/NQ-HĐND",
        "Đơn vị: Phường 1 (99001); kỳ: Quý I năm 2024",
        "Thực hiện quý I năm 2024",
        "≥ 275 lao động",
        "150 lao động",  # January, Khóm 1 and Khóm 2
        "600 lao động",  # 150 × 12 / 3
        "54,5%",  # TH/KH: 150 / 275
        "Đúng tiến độ",
        "Có nguy cơ không đạt",  # 90% < 97,5% and "Khá" < "Tốt"
        "Chưa có số liệu",
        "2/2",
        "1/2",
    ):
        assert expected in out, expected
    month = ok("status", plan, "--period", "2024-02", "--unit", "99001-01")
    assert "Lũy kế 2 tháng đầu năm 2024" in month and "Đơn vị: Khóm 1 (99001-01)" in month


def test_status_json(plan: str) -> None:
    ok("record", plan, "5.2", "-u", "99001-01", "-p", "2024-01", "100")
    ok("record", plan, "4.1", "-u", "99001-01", "-p", "2024-01", "--numerator", "90", "--denominator", "100")
    result = run("status", plan, "--period", "2024-01", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert list(data) == ["plan", "unit", "period", "targets"]
    assert (data["plan"], data["unit"], data["period"]) == (1, "99001", "2024-01")
    keys = ["key", "name", "comparator", "target", "unit_of_measure", "actual", "numerator", "denominator"]
    keys += ["projected", "status", "achievement_pct", "coverage"]
    assert all(list(t) == keys for t in data["targets"])
    assert len(data["targets"]) == 25
    jobs = next(t for t in data["targets"] if t["key"] == "5.2")
    assert jobs == {
        "key": "5.2",
        "name": "Giới thiệu việc làm",
        "comparator": ">=",
        "target": 275,
        "unit_of_measure": "lao động",
        "actual": 100,
        "numerator": None,
        "denominator": None,
        "projected": 1200,
        "status": "on_track",
        "achievement_pct": 36.36,
        "coverage": {"reported": 1, "expected": 2},
    }
    insurance = next(t for t in data["targets"] if t["key"] == "4.1")
    assert (insurance["actual"], insurance["numerator"], insurance["denominator"]) == (90, 90, 100)
    assert insurance["status"] == "at_risk" and insurance["target"] == 97.5
    assert '"achievement_pct": 36.36,' in result.stdout  # a plain JSON number, written exactly
    assert {t["status"] for t in data["targets"]} <= {"exceeded", "met", "not_met", "no_data", "on_track", "at_risk"}


def test_status_errors(plan: str) -> None:
    one_line_error(run("status", plan), "cần --period KỲ")
    one_line_error(run("status", plan, "--period", "2024-Q9"), "kỳ báo cáo '2024-Q9' không hợp lệ")
    one_line_error(run("status", "7", "--period", "2024-01"), "không có kế hoạch số 7")


def test_target_list_and_set(plan: str) -> None:
    listed = ok("target", "list", plan)
    assert "5.2" in listed and "sum: cộng các đơn vị" in listed and "cumulative: lũy kế các kỳ" in listed
    assert ok("target", "set", plan, "5.2", "--over-units", "ratio", "--over-time", "latest").strip() == (
        "Chỉ tiêu 5.2 (Giới thiệu việc làm): theo đơn vị ratio (tỷ lệ (cộng tử số, mẫu số)), "
        "theo thời gian latest (số mới nhất)."
    )
    one_line_error(run("target", "set", plan, "5.2", "--over-units", "mean"), "'mean' không hợp lệ")
    one_line_error(run("target", "set", plan, "9.9", "--over-time", "latest"), "không có chỉ tiêu mã '9.9'")


def test_settings(plan: str) -> None:
    shown = ok("settings", plan)
    assert "Đơn vị: Phường 1 (99001)" in shown and "nd09 — Chốt số liệu ngày 14" in shown
    assert "calendar — Theo tháng dương lịch" in ok("settings", plan, "--cutoff", "calendar")
    assert "calendar" in ok("settings", "74/NQ-HĐND")
