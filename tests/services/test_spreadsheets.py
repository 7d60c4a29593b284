"""The spreadsheet round trip through the services: template → filled by an officer → load."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text

from kehoach.core import OrgUnit, UnitLevel
from kehoach.core.accounts import Actor, Role
from kehoach.core.entries import EntryProblems
from kehoach.core.entrysheet import COLUMNS, SHEET_NAME, Column
from kehoach.reports.entryform import FIRST_DATA_ROW
from kehoach.services import (
    InputError,
    NotFoundError,
    PermissionDenied,
    add_units,
    approve,
    evaluate_plan,
    history,
    import_plan_json,
    record,
    submit,
)
from kehoach.services.spreadsheets import load_file, make_template, problem_column
from kehoach.storage import Database

WARD = "99001"
KHOM = [f"99001-0{i}" for i in range(1, 6)]
SHEET = "Trang tính “Nhập liệu”"
KHOM_HEAD = Actor("lan", Role.KHOM_HEAD, KHOM[0], user_id=7)
OFFICER = Actor("binh", Role.WARD_OFFICER, WARD, user_id=8)


@pytest.fixture
def plan_id(db: Database, seed_plan_json: Path) -> int:
    add_units(
        db,
        [OrgUnit(WARD, "Phường 1", UnitLevel.XA)]
        + [OrgUnit(code, f"Khóm {i}", UnitLevel.KHOM, WARD) for i, code in enumerate(KHOM, start=1)],
    )
    return import_plan_json(db, seed_plan_json, unit_code=WARD).plan_id


def counts(database_url: str) -> tuple[int, int, int]:
    """Rows in observations, revisions and approval states: what a refused file must not change."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return tuple(  # type: ignore[return-value]
                connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("observations", "observation_revisions", "period_statuses")
            )
    finally:
        engine.dispose()


class Template:
    """A written template, edited cell by cell as an officer would (protection aside)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.workbook = load_workbook(path)
        self.sheet = self.workbook[SHEET_NAME]

    def row(self, key: str, unit: str) -> int:
        for number in range(FIRST_DATA_ROW, self.sheet.max_row + 1):
            if self.sheet.cell(number, 1).value == key and self.sheet.cell(number, 5).value == unit:
                return number
        raise KeyError((key, unit))

    def put(self, key: str, unit: str, column: Column, value: object) -> int:
        number = self.row(key, unit)
        self.sheet.cell(number, COLUMNS.index(column) + 1).value = value
        return number

    def save(self) -> Path:
        self.workbook.save(self.path)
        return self.path


def test_the_template_has_a_row_per_target_and_reporting_unit(db: Database, plan_id: int, tmp_path: Path) -> None:
    form = make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.xlsx")
    template = Template(tmp_path / "bieu.xlsx")
    assert template.sheet.max_row == FIRST_DATA_ROW + len(form.rows) - 1
    assert template.row("4.1", KHOM[4]) > template.row("4.1", KHOM[0])  # ratios: every khóm
    template.row("1.1", WARD)  # the budget: the ward
    with pytest.raises(KeyError):
        template.row("1.1", KHOM[0])
    only = make_template(db, plan_id, "2024-06", KHOM[1], tmp_path / "khom2.xlsx")
    assert {row.unit_code for row in only.rows} == {KHOM[1]}


def test_a_filled_template_loads_and_the_evaluation_sees_it(
    db: Database, plan_id: int, tmp_path: Path, database_url: str
) -> None:
    make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.xlsx")
    template = Template(tmp_path / "bieu.xlsx")
    template.put("1.1", WARD, Column.VALUE, 52.3)
    template.put("4.1", KHOM[0], Column.NUMERATOR, "1.215")
    template.put("4.1", KHOM[0], Column.DENOMINATOR, 1236)
    template.put("4.1", KHOM[1], Column.VALUE, "97,5")
    template.put("5.2", KHOM[0], Column.VALUE, 31)
    template.put("5.2", KHOM[1], Column.VALUE, "27")
    template.put("5.2", KHOM[2], Column.VALUE, 33.0)
    template.put("6.1", KHOM[0], Column.GRADE, "đạt")
    template.put("6.3", WARD, Column.GRADE, "ĐẠT")
    template.put("6.3", WARD, Column.NOTE, "Tự đánh giá tháng 6")
    template.put("T1.1.1", WARD, Column.RANK, 4)
    template.put("1.1", WARD, Column.ESTIMATE, None)
    result = load_file(db, template.save(), who="Nguyễn Văn A")
    assert (result.plan_id, result.read, result.created, result.changed, result.unchanged) == (plan_id, 9, 9, 0, 0)
    assert counts(database_url)[:2] == (9, 9)

    found = {e.key: e for e in evaluate_plan(db, plan_id, "2024-06")}
    assert found["1.1"].actual.value == Decimal("52.3")
    assert found["5.2"].actual.value == Decimal(91)
    assert found["5.2"].coverage.text == "3/5"
    assert (found["4.1"].actual.numerator, found["4.1"].actual.denominator) == (Decimal(1215), Decimal(1236))
    assert found["T1.1.1"].actual.rank == 4
    assert found["6.3"].actual.grade == "Đạt"
    (revision,) = history(db, plan_id, "6.3", WARD, "2024-06")
    assert revision.who == "Nguyễn Văn A"
    assert revision.new is not None and revision.new.note == "Tự đánh giá tháng 6"
    assert revision.new.source == "tệp bieu.xlsx"


def test_loading_the_same_file_again_changes_nothing(
    db: Database, plan_id: int, tmp_path: Path, database_url: str
) -> None:
    make_template(db, plan_id, "2024-Q2", None, tmp_path / "bieu.xlsx")
    template = Template(tmp_path / "bieu.xlsx")
    template.put("5.2", KHOM[0], Column.VALUE, "12")
    template.put("4.1", KHOM[0], Column.VALUE, 97.5)
    path = template.save()
    assert load_file(db, path, who="A").written == 2
    before = counts(database_url)
    again = load_file(db, path, who="B")
    assert (again.written, again.unchanged) == (0, 2)
    assert counts(database_url) == before


def test_a_new_template_is_prefilled_and_reloads_unchanged_even_where_locked(
    db: Database, plan_id: int, tmp_path: Path, database_url: str
) -> None:
    record(db, plan_id, "5.2", KHOM[0], "2024-06", value=Decimal("8"), note="đợt 1", who="A")
    record(db, plan_id, "5.2", KHOM[1], "2024-06", value=Decimal("1246.695"), who="A")
    submit(db, plan_id, KHOM[0], "2024-06", who="A")
    approve(db, plan_id, KHOM[0], "2024-06", who="Chủ tịch")
    form = make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.xlsx")
    assert {row.unit_code for row in form.rows if row.locked} == {KHOM[0]}
    template = Template(tmp_path / "bieu.xlsx")
    number = template.row("5.2", KHOM[0])
    assert template.sheet.cell(number, COLUMNS.index(Column.VALUE) + 1).value == 8
    before = counts(database_url)
    result = load_file(db, tmp_path / "bieu.xlsx", who="B")
    assert (result.read, result.written, result.unchanged) == (2, 0, 2)
    assert counts(database_url) == before


def test_a_file_with_errors_is_refused_with_every_error_and_nothing_changes(
    db: Database, plan_id: int, tmp_path: Path, database_url: str
) -> None:
    submit(db, plan_id, KHOM[2], "2024-06", who="A")
    approve(db, plan_id, KHOM[2], "2024-06", who="Chủ tịch")
    record(db, plan_id, "5.1", KHOM[4], "2024-06", value=Decimal(1), who="A")
    make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.xlsx")
    template = Template(tmp_path / "bieu.xlsx")
    good = template.put("5.1", KHOM[0], Column.VALUE, 2)  # fine, but the file is refused as a whole
    text_row = template.put("5.2", KHOM[0], Column.VALUE, "mười")
    template.put("4.1", KHOM[1], Column.NUMERATOR, 1300)
    over_row = template.put("4.1", KHOM[1], Column.DENOMINATOR, 1200)
    share_row = template.put("4.1", KHOM[3], Column.VALUE, "101,5")
    locked_row = template.put("5.2", KHOM[2], Column.VALUE, 7)
    key_row = template.put("5.3", KHOM[0], Column.VALUE, 3)
    template.sheet.cell(key_row, 1).value = "99.9"
    unit_row = template.put("5.3", KHOM[1], Column.VALUE, 4)
    template.sheet.cell(unit_row, 5).value = "99001-09"
    grade_row = template.put("6.1", KHOM[0], Column.GRADE, "Rất tốt")
    template.save()
    before = counts(database_url)

    with pytest.raises(EntryProblems) as refused:
        load_file(db, template.path, who="A")

    assert counts(database_url) == before
    located = [(p.location, p.message) for p in refused.value.problems]
    assert [where for where, _ in located] == [
        f"{SHEET}, dòng {over_row}, cột I (Tử số)",
        f"{SHEET}, dòng {share_row}, cột H (Giá trị)",
        f"{SHEET}, dòng {text_row}, cột H (Giá trị)",
        f"{SHEET}, dòng {locked_row}, cột G (Kỳ)",
        f"{SHEET}, dòng {key_row}, cột A (Mã chỉ tiêu)",
        f"{SHEET}, dòng {unit_row}, cột E (Mã đơn vị)",
        f"{SHEET}, dòng {grade_row}, cột K (Xếp loại)",
    ]
    messages = dict(located)
    assert "tử số 1.300 lớn hơn mẫu số 1.200" in messages[located[0][0]]
    assert "tỷ lệ 101,5% lớn hơn 100%" in messages[located[1][0]]
    assert "“mười” không phải là số" in messages[located[2][0]]
    assert "đã được duyệt" in messages[located[3][0]]
    assert "'99.9'" in messages[located[4][0]]
    assert "99001-09" in messages[located[5][0]]
    assert "Rất tốt" in messages[located[6][0]]
    assert good not in {int(where.split("dòng ")[1].split(",")[0]) for where, _ in located}
    assert str(refused.value).startswith("Tệp bieu.xlsx có 7 lỗi, không ghi gì vào cơ sở dữ liệu")


def test_a_file_with_only_cell_errors_writes_nothing_either(
    db: Database, plan_id: int, tmp_path: Path, database_url: str
) -> None:
    make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.xlsx")
    template = Template(tmp_path / "bieu.xlsx")
    template.put("5.1", KHOM[0], Column.VALUE, 2)
    template.put("5.2", KHOM[0], Column.VALUE, "hai")
    template.save()
    with pytest.raises(EntryProblems) as refused:
        load_file(db, template.path, who="A")
    assert len(refused.value.problems) == 1
    assert counts(database_url) == (0, 0, 0)


def test_the_csv_round_trip(db: Database, plan_id: int, tmp_path: Path, database_url: str) -> None:
    record(db, plan_id, "5.2", KHOM[0], "2024-H1", value=Decimal("146"), who="A")
    make_template(db, plan_id, "2024-H1", None, tmp_path / "bieu.csv")
    raw = (tmp_path / "bieu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert ";146;" in next(line for line in lines if line.startswith("5.2;") and KHOM[0] in line)
    filled = []
    for line in lines:
        cells = line.split(";")
        if len(cells) > 8 and cells[0] == "4.1" and cells[4] == KHOM[2]:
            cells[8], cells[9] = "1.135", "1.175"
        if len(cells) > 8 and cells[0] == "1.1" and cells[4] == WARD:
            cells[7], cells[12] = "103,2", "x"
        filled.append(";".join(cells))
    (tmp_path / "bieu.csv").write_text("\r\n".join(filled), encoding="utf-8-sig", newline="")
    result = load_file(db, tmp_path / "bieu.csv", who="A")
    assert (result.created, result.unchanged) == (2, 1)
    found = {e.key: e for e in evaluate_plan(db, plan_id, "2024-H1")}
    assert found["4.1"].actual.numerator == Decimal(1135)
    assert found["1.1"].estimate.value == Decimal("103.2")
    assert load_file(db, tmp_path / "bieu.csv", who="A").written == 0


def test_a_file_must_name_its_plan_or_be_told(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = tmp_path / "tu-soan.csv"
    path.write_text("Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị\n5.2,99001-01,2024-05,6\n", encoding="utf-8")
    with pytest.raises(InputError, match="không ghi mã kế hoạch"):
        load_file(db, path, who="A")
    assert load_file(db, path, who="A", plan_ref=plan_id).created == 1


def test_unknown_plans_and_unreadable_files(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = tmp_path / "bieu.csv"
    path.write_text("Mã kế hoạch;42\nMã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị\n5.2;99001-01;2024-05;6\n", encoding="utf-8")
    with pytest.raises(NotFoundError, match="42"):
        load_file(db, path, who="A")
    broken = tmp_path / "bieu.xlsx"
    broken.write_bytes(b"PK not really")
    with pytest.raises(InputError, match="không phải tệp Excel"):
        load_file(db, broken, who="A")
    with pytest.raises(InputError, match=r"\.xlsx hoặc \.csv"):
        load_file(db, tmp_path / "bieu.ods", who="A")
    with pytest.raises(InputError, match=r"\.xlsx \(Excel\) hoặc \.csv"):
        make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.pdf")
    with pytest.raises(InputError):
        make_template(db, plan_id, "2024-06", None, tmp_path / "missing-dir" / "bieu.xlsx")


@pytest.mark.parametrize(
    ("message", "column"),
    [
        ("kế hoạch số 1 không có chỉ tiêu mã '9.9'", Column.KEY),
        ("không có đơn vị mã '99001-09'", Column.UNIT_CODE),
        ("đơn vị Khóm 1 (99001-01) không có hiệu lực trong kỳ Tháng 6 năm 2024", Column.UNIT_CODE),
        ("kỳ 2023-06 không thuộc năm kế hoạch 2024", Column.PERIOD),
        ("số liệu kỳ Tháng 6 năm 2024 của đơn vị Khóm 3 (99001-03) đã được duyệt, đã khóa sổ", Column.PERIOD),
        ("tử số 1.300 lớn hơn mẫu số 1.200", Column.NUMERATOR),
        ("có tử số nhưng thiếu mẫu số", Column.DENOMINATOR),
        ("có mẫu số nhưng thiếu tử số", Column.NUMERATOR),
        ("mẫu số bằng 0 nhưng tử số là 3", Column.DENOMINATOR),
        ("mẫu số -1 không được âm", Column.DENOMINATOR),
        ("giá trị 34% không khớp với tử số/mẫu số 1/3 (= 33,33%)", Column.VALUE),
        ("tỷ lệ 101,5% lớn hơn 100%", Column.VALUE),
        ("thứ hạng 16 vượt quá tổng số 15 đơn vị xếp hạng", Column.RANK),
        ("không nhận ra mức đánh giá 'Rất tốt'", Column.GRADE),
        ("chỉ tiêu định lượng không nhận mức đánh giá 'Tốt', cần một số", Column.GRADE),
        ("điều gì đó khác", None),
    ],
)
def test_plan_problems_are_placed_in_their_column(message: str, column: Column | None) -> None:
    assert problem_column(message) is column


def test_a_khom_head_cannot_load_rows_of_another_khom(
    db: Database, plan_id: int, tmp_path: Path, database_url: str
) -> None:
    record(db, plan_id, "5.1", KHOM[2], "2024-06", value=Decimal(4), who="A")
    make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.xlsx")
    template = Template(tmp_path / "bieu.xlsx")
    template.put("5.2", KHOM[0], Column.VALUE, 6)  # their own khóm: fine
    other = template.put("5.2", KHOM[1], Column.VALUE, 9)
    same = template.row("5.1", KHOM[2])  # prefilled, equal to what is stored: still not theirs
    path = template.save()
    before = counts(database_url)

    with pytest.raises(EntryProblems) as refused:
        load_file(db, path, who="ai đó", actor=KHOM_HEAD)

    assert counts(database_url) == before
    assert [(p.location, p.message) for p in refused.value.problems] == [
        (
            f"{SHEET}, dòng {row}, cột E (Mã đơn vị)",
            f"Tài khoản lan (Trưởng khóm) không có quyền nhập số liệu tại Khóm {n} ({KHOM[n - 1]})",
        )
        for row, n in sorted([(other, 2), (same, 3)])
    ]

    result = load_file(db, path, who="ai đó", actor=OFFICER)  # the ward officer: every khóm is theirs
    assert (result.created, result.unchanged) == (2, 1)
    (revision,) = history(db, plan_id, "5.2", KHOM[1], "2024-06")
    assert revision.who == "binh"  # the account, not the name it typed


def test_a_khom_head_gets_and_loads_their_own_rows(db: Database, plan_id: int, tmp_path: Path) -> None:
    form = make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.xlsx", actor=KHOM_HEAD)
    assert {row.unit_code for row in form.rows} == {KHOM[0]}
    template = Template(tmp_path / "bieu.xlsx")
    template.put("5.2", KHOM[0], Column.VALUE, 6)
    assert load_file(db, template.save(), actor=KHOM_HEAD).created == 1
    (revision,) = history(db, plan_id, "5.2", KHOM[0], "2024-06")
    assert revision.who == "lan"


def test_a_plan_out_of_sight_is_refused(db: Database, plan_id: int, tmp_path: Path) -> None:
    add_units(db, [OrgUnit("99002", "Phường 2", UnitLevel.XA)])
    stranger = Actor("em", Role.WARD_OFFICER, "99002", user_id=9)
    make_template(db, plan_id, "2024-06", None, tmp_path / "bieu.xlsx")
    with pytest.raises(PermissionDenied):
        make_template(db, plan_id, "2024-06", None, tmp_path / "bieu2.xlsx", actor=stranger)
    template = Template(tmp_path / "bieu.xlsx")
    template.put("5.2", KHOM[0], Column.VALUE, 6)
    with pytest.raises(PermissionDenied):
        load_file(db, template.save(), actor=stranger)
