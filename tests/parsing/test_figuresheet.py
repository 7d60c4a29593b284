from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from kehoach.core.entries import EntryForm, EntryKind, EntryRow, FigureEntry
from kehoach.core.entrysheet import COLUMNS, SHEET_NAME, Column
from kehoach.parsing import ReadError
from kehoach.parsing.figuresheet import read_csv_bytes, read_csv_text, read_figure_file
from kehoach.reports import write_entry_form_csv, write_entry_form_xlsx
from kehoach.reports.entryform import FIRST_DATA_ROW

GRADES = ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu")
HEADER = ";".join(c.header for c in COLUMNS)
SHEET = "Trang tính “Nhập liệu”"


def _col(column: Column) -> int:
    return COLUMNS.index(column) + 1


def _form(rows: int = 6) -> EntryForm:
    """Rows 8.. of the written sheet: value, ratio, grade, rank rows for khóm/phường."""
    kinds = [
        ("5.2", EntryKind.VALUE, "99001-01", ()),
        ("4.1", EntryKind.RATIO, "99001-01", ()),
        ("11.1", EntryKind.GRADE, "99001", GRADES),
        ("T1.1.1", EntryKind.RANK, "99001", ()),
        ("5.2", EntryKind.VALUE, "99001-02", ()),
        ("4.1", EntryKind.RATIO, "99001-02", ()),
    ][:rows]
    return EntryForm(
        plan_ref="1",
        plan_title="Nghị quyết 74/NQ-HĐND",
        owner_unit="Phường 1",
        period_code="2024-H1",
        period_label="6 tháng đầu năm 2024",
        rows=[EntryRow(key, key, key, None, kind, unit, unit, grades=grades) for key, kind, unit, grades in kinds],
    )


def _fill(
    path: Path, cells: dict[tuple[int, Column], object], formats: dict[tuple[int, Column], str] | None = None
) -> None:
    """Type into the written template like an officer: ``(data row index, column) -> value``."""
    workbook = load_workbook(path)
    sheet = workbook[SHEET_NAME]
    for (row, column), value in cells.items():
        cell = sheet.cell(FIRST_DATA_ROW + row, _col(column))
        cell.value = value
        if formats and (row, column) in formats:
            cell.number_format = formats[(row, column)]
    workbook.save(path)


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "bieu.xlsx"
    write_entry_form_xlsx(_form(), path)
    return path


# XLSX -------------------------------------------------------------------------------------


def test_an_untouched_template_has_no_entries_and_no_problems(template: Path) -> None:
    sheet = read_figure_file(template)
    assert sheet.entries == [] and sheet.problems == []
    assert sheet.plan_ref == "1" and sheet.period_code == "2024-H1"
    assert sheet.sheets_read == [SHEET_NAME]


def test_numbers_text_numbers_grades_and_ranks_are_read(template: Path) -> None:
    _fill(
        template,
        {
            (0, Column.VALUE): 97.5,
            (0, Column.NOTE): "  số liệu   tháng 6 ",
            (1, Column.NUMERATOR): "1.246,7",
            (1, Column.DENOMINATOR): "1.300",
            (1, Column.VALUE): "95.9",
            (2, Column.GRADE): "tốt",
            (3, Column.RANK): 3.0,
            (4, Column.VALUE): "97,5",
            (4, Column.ESTIMATE): "X",
            (5, Column.VALUE): 0.975,
        },
        formats={(5, Column.VALUE): "0.0%"},
    )
    sheet = read_figure_file(template)
    assert sheet.problems == []
    got = {(e.target_key, e.unit_code, e.estimate): e for e in sheet.entries}
    first = got[("5.2", "99001-01", False)]
    assert first.value == Decimal("97.5") and first.period_code == "2024-H1"
    assert first.note == "số liệu tháng 6"
    assert first.location == f"{SHEET}, dòng {FIRST_DATA_ROW}"
    ratio = got[("4.1", "99001-01", False)]
    assert (ratio.value, ratio.numerator, ratio.denominator) == (Decimal("95.9"), Decimal("1246.7"), Decimal(1300))
    assert got[("11.1", "99001", False)].grade == "Tốt"
    assert got[("T1.1.1", "99001", False)].rank == 3
    assert got[("5.2", "99001-02", True)].value == Decimal("97.5")
    assert got[("4.1", "99001-02", False)].value == Decimal("97.5")  # typed "97,5%": Excel stored 0.975


@pytest.mark.parametrize(
    ("typed", "grade"),
    [
        ("TỐT", "Tốt"),
        ("  khá ", "Khá"),
        ("Hoàn thành tốt", "Hoàn thành tốt"),
        ("hoàn thành xuất sắc", "Hoàn thành xuất sắc"),
        ("không đạt", "Không đạt"),
        ("ĐẠT", "Đạt"),
        ("trung  bình", "Trung bình"),
    ],
)
def test_grades_match_in_any_case_spacing_or_tone_style(template: Path, typed: str, grade: str) -> None:
    _fill(template, {(2, Column.GRADE): typed})
    assert [e.grade for e in read_figure_file(template).entries] == [grade]


def test_a_computed_cell_reads_as_excel_shows_it(template: Path) -> None:
    _fill(template, {(0, Column.VALUE): 0.1 + 0.2, (4, Column.VALUE): 1246.695})
    values = [e.value for e in read_figure_file(template).entries]
    assert values == [Decimal("0.3"), Decimal("1246.695")]
    assert all("E" not in str(v) for v in values)


def test_every_cell_problem_is_reported_with_sheet_row_and_column(template: Path) -> None:
    _fill(
        template,
        {
            (0, Column.VALUE): "chín mươi",
            (1, Column.NUMERATOR): 12,
            (2, Column.GRADE): "Rất tốt",
            (3, Column.RANK): 2.5,
            (4, Column.VALUE): 5,
            (4, Column.PERIOD): "2024-H3",
            (5, Column.DENOMINATOR): "100",
            (5, Column.ESTIMATE): "có lẽ",
        },
    )
    sheet = read_figure_file(template)
    row = FIRST_DATA_ROW
    found = {(p.location, p.message.split(" (")[0]) for p in sheet.problems}
    assert found == {
        (f"{SHEET}, dòng {row}, cột H (Giá trị)", "“chín mươi” không phải là số"),
        (f"{SHEET}, dòng {row + 1}, cột J (Mẫu số)", "có tử số nhưng thiếu mẫu số"),
        (f"{SHEET}, dòng {row + 2}, cột K (Xếp loại)", "không nhận ra xếp loại “Rất tốt”"),
        (f"{SHEET}, dòng {row + 3}, cột L (Thứ hạng)", "thứ hạng “2.5” phải là số nguyên từ 1 trở lên"),
        (f"{SHEET}, dòng {row + 4}, cột G (Kỳ)", "kỳ báo cáo '2024-H3' không hợp lệ"),
        (f"{SHEET}, dòng {row + 5}, cột I (Tử số)", "có mẫu số nhưng thiếu tử số"),
        (
            f"{SHEET}, dòng {row + 5}, cột M (Ước cả năm (x))",
            "cột ước cả năm chỉ nhận “x” hoặc để trống, không nhận “có lẽ”",
        ),
    }
    assert sheet.entries == []  # a row with a problem gives no entry


@pytest.mark.parametrize("rank", [0, -1, "ba", "1,5"])
def test_a_rank_must_be_a_whole_number_from_one(template: Path, rank: object) -> None:
    _fill(template, {(3, Column.RANK): rank})
    sheet = read_figure_file(template)
    assert [p.location for p in sheet.problems] == [f"{SHEET}, dòng {FIRST_DATA_ROW + 3}, cột L (Thứ hạng)"]


def test_a_date_in_a_number_cell_is_a_problem_and_a_month_in_the_period_cell_is_a_period(template: Path) -> None:
    _fill(
        template,
        {
            (0, Column.VALUE): dt.datetime(2024, 5, 9),
            (4, Column.VALUE): 3,
            (4, Column.PERIOD): dt.datetime(2024, 3, 1),
        },
    )
    sheet = read_figure_file(template)
    assert [p.message.startswith("ô chứa ngày tháng") for p in sheet.problems] == [True]
    assert [e.period_code for e in sheet.entries] == ["2024-03"]


def test_a_formula_never_computed_is_not_read_as_an_empty_cell(template: Path) -> None:
    _fill(template, {(0, Column.VALUE): "=2+3"})
    sheet = read_figure_file(template)
    assert [p.location for p in sheet.problems] == [f"{SHEET}, dòng {FIRST_DATA_ROW}, cột H (Giá trị)"]
    assert "công thức" in sheet.problems[0].message


def test_the_same_figure_twice_is_a_problem(tmp_path: Path) -> None:
    text = f"{HEADER}\n5.2;;;;K1;;2024-01;3\n5.2;;;;K1;;2024-01;4\n5.2;;;;K1;;2024-01;5;;;;;x\n"
    sheet = read_csv_text(text, "a.csv")
    assert len(sheet.entries) == 2
    assert [p.location for p in sheet.problems] == ["Tệp “a.csv”, dòng 3, cột A (Mã chỉ tiêu)"]
    assert "dòng 2" in sheet.problems[0].message


def test_a_row_with_a_figure_needs_a_key_and_a_unit() -> None:
    sheet = read_csv_text(f"{HEADER}\n;;;;;;2024-01;3\n", "a.csv")
    assert [p.location for p in sheet.problems] == [
        "Tệp “a.csv”, dòng 2, cột A (Mã chỉ tiêu)",
        "Tệp “a.csv”, dòng 2, cột E (Mã đơn vị)",
    ]


def test_header_problems_are_reported_and_rows_still_read_when_possible() -> None:
    text = "Mã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị;Giá trị;Thành tích\n5.2;K1;2024-01;3;;\n"
    sheet = read_csv_text(text, "a.csv")
    assert [(p.location, p.message.split(" (")[0]) for p in sheet.problems] == [
        ("Tệp “a.csv”, dòng 1, cột E", "cột “Giá trị” xuất hiện hai lần"),
        ("Tệp “a.csv”, dòng 1, cột F", "cột “Thành tích” không thuộc biểu mẫu"),
    ]
    assert [e.value for e in sheet.entries] == [Decimal(3)]


def test_a_missing_required_column_is_reported() -> None:
    sheet = read_csv_text("Mã chỉ tiêu;Giá trị\n5.2;3\n", "a.csv")
    assert [str(p) for p in sheet.problems] == [
        "Tệp “a.csv”, dòng 1: thiếu cột “Mã đơn vị”",
        "Tệp “a.csv”, dòng 1: thiếu cột “Kỳ”",
    ]
    assert sheet.entries == []


def test_a_file_without_a_header_row() -> None:
    sheet = read_csv_text("a;b\n1;2\n", "a.csv")
    assert [str(p) for p in sheet.problems] == ["Tệp “a.csv”: không tìm thấy dòng tiêu đề có cột “Mã chỉ tiêu”"]


def test_headers_are_matched_in_any_case_and_with_aliases() -> None:
    text = 'MÃ CHỈ TIÊU,mã đơn vị,Kỳ báo cáo,Giá trị thực hiện,Ước\n5.2,K1,2024-q1,"1.246,5",x\n'
    sheet = read_csv_text(text, "a.csv")
    assert sheet.problems == []
    assert sheet.entries[0] == FigureEntry(
        "5.2", "K1", "2024-Q1", value=Decimal("1246.5"), estimate=True, location="Tệp “a.csv”, dòng 2"
    )


def test_the_period_cell_may_be_left_to_the_file_period() -> None:
    text = f"Mã kế hoạch;4\nMã kỳ;2024-Q2\n\n{HEADER}\n5.2;;;;K1;;;7\n"
    sheet = read_csv_text(text, "a.csv")
    assert sheet.plan_ref == "4"
    assert [e.period_code for e in sheet.entries] == ["2024-Q2"]


def test_unknown_suffix_and_broken_xlsx_are_read_errors(tmp_path: Path) -> None:
    other = tmp_path / "a.ods"
    other.write_bytes(b"x")
    with pytest.raises(ReadError, match=r"\.xlsx hoặc \.csv"):
        read_figure_file(other)
    broken = tmp_path / "a.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ReadError, match="không phải tệp Excel"):
        read_figure_file(broken)
    with pytest.raises(ReadError, match="không tìm thấy tệp"):
        read_figure_file(tmp_path / "missing.csv")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(ReadError, match="là một thư mục"):
        read_figure_file(tmp_path / "folder.csv")


def test_a_workbook_without_a_header_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    Workbook().save(path)
    assert [str(p) for p in read_figure_file(path).problems] == [
        "Tệp “blank.xlsx”: không tìm thấy trang tính nào có dòng tiêu đề với cột “Mã chỉ tiêu”"
    ]


def test_every_visible_sheet_with_a_header_is_read(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Khóm 1"
    first.append(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"])
    first.append(["5.2", "K1", "2024-01", 3])
    second = workbook.create_sheet("Khóm 2")
    second.append(["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị"])
    second.append(["5.2", "K2", "2024-01", "x"])
    workbook.create_sheet("Ghi chú").append(["không có bảng"])
    workbook.save(path)
    sheet = read_figure_file(path)
    assert sheet.sheets_read == ["Khóm 1", "Khóm 2"]
    assert [e.unit_code for e in sheet.entries] == ["K1"]
    assert [p.location for p in sheet.problems] == ["Trang tính “Khóm 2”, dòng 2, cột D (Giá trị)"]


def test_cell_locations_of_an_entry(template: Path) -> None:
    _fill(template, {(1, Column.NUMERATOR): 5, (1, Column.DENOMINATOR): 4})
    sheet = read_figure_file(template)
    entry = sheet.entries[0]
    assert sheet.location(entry, Column.NUMERATOR) == f"{SHEET}, dòng {FIRST_DATA_ROW + 1}, cột I (Tử số)"
    assert sheet.location(entry) == f"{SHEET}, dòng {FIRST_DATA_ROW + 1}"


# CSV --------------------------------------------------------------------------------------


def test_the_csv_template_round_trips(tmp_path: Path) -> None:
    form = _form()
    current = FigureEntry(
        "4.1", "99001-01", "2024-H1", Decimal("97.5"), Decimal("1246.695"), Decimal("1280"), note="a;b"
    )
    rows = list(form.rows)
    rows[1] = EntryRow("4.1", "4", "4", "%", EntryKind.RATIO, "99001-01", "Khóm 1", current=current)
    path = tmp_path / "bieu.csv"
    write_entry_form_csv(EntryForm(form.plan_ref, "NQ", "P", "2024-H1", "6 tháng", rows), path)
    sheet = read_figure_file(path)
    assert sheet.problems == [] and sheet.plan_ref == "1" and sheet.period_code == "2024-H1"
    assert sheet.entries == [FigureEntry(**{**current.__dict__, "location": "Tệp “bieu.csv”, dòng 9"})]


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_delimiters(delimiter: str) -> None:
    header = delimiter.join(c.header for c in COLUMNS)
    row = delimiter.join(["5.2", "", "", "", "K1", "", "2024-01", '"97,5"'])
    sheet = read_csv_text(f"{header}\r\n{row}\r\n", "a.csv")
    assert sheet.problems == []
    assert [e.value for e in sheet.entries] == [Decimal("97.5")]


def _windows_1258(text: str) -> bytes:
    """What Windows writes: letters with their vowel marks precomposed, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_csv_encodings() -> None:
    text = f"{HEADER}\n11.1;;;;P1;;2024;;;;Khá\n"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), _windows_1258(text)):
        sheet = read_csv_bytes(data, "a.csv")
        assert sheet.problems == []
        assert [e.grade for e in sheet.entries] == ["Khá"]


def test_empty_rows_are_ignored() -> None:
    text = f"{HEADER}\n;;;;;;;\n5.2;;;;K1;;2024-01;;;;;;;chỉ ghi chú\n\n5.2;;;;K2;;2024-01;0\n"
    sheet = read_csv_text(text, "a.csv")
    assert sheet.problems == []
    assert [(e.unit_code, e.value) for e in sheet.entries] == [("K2", Decimal(0))]


# Property: any Decimal written into the template comes back exactly ------------------------

decimals = st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e20"), max_value=Decimal("1e20"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=decimals, numerator=decimals, denominator=decimals)
def test_any_decimal_written_into_the_template_comes_back_exactly(
    tmp_path: Path, value: Decimal, numerator: Decimal, denominator: Decimal
) -> None:
    current = FigureEntry("4.1", "K1", "2024-01", value, numerator, denominator)
    row = EntryRow("4.1", "4", "4", "%", EntryKind.RATIO, "K1", "Khóm 1", current=current)
    form = EntryForm("1", "NQ", "P", "2024-01", "Tháng 1 năm 2024", [row])
    for suffix, write in ((".xlsx", write_entry_form_xlsx), (".csv", write_entry_form_csv)):
        path = tmp_path / f"p{suffix}"
        write(form, path)
        (entry,) = read_figure_file(path).entries
        assert (entry.value, entry.numerator, entry.denominator) == (value, numerator, denominator)
