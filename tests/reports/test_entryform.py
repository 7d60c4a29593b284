from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from kehoach.core.entries import EntryForm, EntryKind, EntryRow, FigureEntry
from kehoach.core.entrysheet import COLUMNS, META_SHEET_NAME, SHEET_NAME, Column
from kehoach.reports.entryform import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    fits_number_cell,
    number_format,
    write_entry_form_xlsx,
)


def _column(column: Column) -> int:
    return COLUMNS.index(column) + 1


@pytest.fixture
def written(entry_form: EntryForm, tmp_path: Path) -> Path:
    path = tmp_path / "bieu.xlsx"
    write_entry_form_xlsx(entry_form, path)
    return path


def _sheet(path: Path) -> Worksheet:
    sheet = load_workbook(path)[SHEET_NAME]
    assert isinstance(sheet, Worksheet)
    return sheet


def test_the_title_block_names_the_plan_unit_and_period(written: Path) -> None:
    sheet = _sheet(written)
    assert "BIỂU NHẬP SỐ LIỆU" in str(sheet["A1"].value)
    labels = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(2, 6)}
    assert labels["Kế hoạch"].startswith("Nghị quyết 74/NQ-HĐND")
    assert labels["Đơn vị"] == "Phường 1"
    assert labels["Kỳ báo cáo"] == "6 tháng đầu năm 2024 (2024-H1)"
    assert "dấu phẩy" in labels["Hướng dẫn"] and "kehoach load" in labels["Hướng dẫn"]


def test_the_header_row_has_every_column_in_order(written: Path) -> None:
    sheet = _sheet(written)
    headers = [sheet.cell(HEADER_ROW, i).value for i in range(1, len(COLUMNS) + 1)]
    assert headers == [
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Chỉ tiêu NQ",
        "ĐVT",
        "Mã đơn vị",
        "Đơn vị",
        "Kỳ",
        "Giá trị",
        "Tử số",
        "Mẫu số",
        "Xếp loại",
        "Thứ hạng",
        "Ước cả năm (x)",
        "Ghi chú",
    ]
    assert sheet.freeze_panes == f"C{FIRST_DATA_ROW}"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width


def test_one_row_per_entry_row_with_current_values_prefilled(written: Path) -> None:
    sheet = _sheet(written)
    first = FIRST_DATA_ROW
    assert [sheet.cell(first + i, 1).value for i in range(4)] == ["4.1", "5.2", "11.1", "T1.1.1"]
    assert sheet.cell(first, _column(Column.UNIT_CODE)).value == "99001-01"
    assert sheet.cell(first, _column(Column.PERIOD)).value == "2024-H1"
    assert sheet.cell(first, _column(Column.NUMERATOR)).value == 1170
    assert sheet.cell(first, _column(Column.DENOMINATOR)).value == 1200
    assert sheet.cell(first + 1, _column(Column.VALUE)).value is None
    assert sheet.cell(first + 2, _column(Column.GRADE)).value == "Tốt"
    assert sheet.cell(first + 2, _column(Column.NOTE)).value == "theo đánh giá quý II"
    assert sheet.cell(first + 3, _column(Column.RANK)).value == 4
    assert sheet.cell(first + 4, 1).value is None


def test_the_sheet_is_protected_with_only_the_entry_cells_a_row_needs_unlocked(written: Path) -> None:
    sheet = _sheet(written)
    assert sheet.protection.sheet
    first = FIRST_DATA_ROW

    def unlocked(row: int) -> set[Column]:
        return {c for c in COLUMNS if not sheet.cell(row, _column(c)).protection.locked}

    assert unlocked(HEADER_ROW) == set()
    assert unlocked(first) == {Column.VALUE, Column.NUMERATOR, Column.DENOMINATOR, Column.ESTIMATE, Column.NOTE}
    assert unlocked(first + 1) == {Column.VALUE, Column.ESTIMATE, Column.NOTE}
    assert unlocked(first + 2) == {Column.GRADE, Column.ESTIMATE, Column.NOTE}
    assert unlocked(first + 3) == set()  # the approved period


def test_rows_of_an_approved_period_are_grey_with_a_note(written: Path) -> None:
    sheet = _sheet(written)
    locked_row = FIRST_DATA_ROW + 3
    fills = {sheet.cell(locked_row, i).fill.fgColor.rgb for i in range(1, len(COLUMNS) + 1)}
    assert fills == {"00BFBFBF"}
    comment = sheet.cell(locked_row, 1).comment
    assert comment is not None and "Kỳ đã được duyệt" in comment.text
    assert sheet.cell(FIRST_DATA_ROW, 1).comment is None


def test_data_validation_guards_numbers_grades_and_ranks(written: Path) -> None:
    sheet = _sheet(written)
    rules = {(dv.type, dv.formula1): (dv, str(dv.sqref)) for dv in sheet.data_validations.dataValidation}
    first = FIRST_DATA_ROW
    decimal, cells = rules[("decimal", "0")]
    assert decimal.operator == "greaterThanOrEqual" and decimal.errorStyle == "warning"
    assert set(cells.split()) == {f"H{first}", f"I{first}", f"J{first}", f"H{first + 1}"}
    _, cells = rules[("list", '"Xuất sắc,Tốt,Khá,Trung bình,Yếu"')]
    assert cells == f"K{first + 2}"
    assert ("list", '"x"') in rules
    assert ("whole", "1") not in rules  # the only rank row is locked


def test_the_hidden_sheet_carries_the_plan_and_period(written: Path) -> None:
    meta = load_workbook(written)[META_SHEET_NAME]
    assert meta.sheet_state == "hidden"
    values = {meta.cell(r, 1).value: meta.cell(r, 2).value for r in range(1, 4)}
    assert values == {"format": "kehoach.entryform/1", "plan": "3", "period": "2024-H1"}


def test_a_rank_row_gets_a_whole_number_rule(tmp_path: Path) -> None:
    form = EntryForm(
        "1",
        "NQ",
        "Phường 1",
        "2024-01",
        "Tháng 1 năm 2024",
        [EntryRow("T1.1.1", "T1.1", "top 03", None, EntryKind.RANK, "P", "P")],
    )
    path = tmp_path / "rank.xlsx"
    write_entry_form_xlsx(form, path)
    sheet = _sheet(path)
    kinds = {(dv.type, dv.formula1, str(dv.sqref)) for dv in sheet.data_validations.dataValidation}
    assert ("whole", "1", f"L{FIRST_DATA_ROW}") in kinds


@pytest.mark.parametrize(
    ("value", "fits", "shown"),
    [
        (Decimal("97.5"), True, "#,##0.0"),
        (Decimal("1246.695"), True, "#,##0.000"),
        (Decimal("100"), True, "#,##0"),
        (Decimal("1E+2"), True, "#,##0"),
        (Decimal("0.30"), True, "#,##0.0"),
        (Decimal("123456789012345"), True, "#,##0"),
        (Decimal("1234567890123456"), False, "#,##0"),
        (Decimal("0.1234567890123456"), False, "#,##0.0000000000000000"),
    ],
)
def test_numbers_longer_than_excel_keeps_are_written_as_text(value: Decimal, fits: bool, shown: str) -> None:
    assert fits_number_cell(value) is fits
    assert number_format(value) == shown


def test_a_long_number_is_written_as_vietnamese_text(tmp_path: Path) -> None:
    long = Decimal("123456789012345678.25")
    form = EntryForm(
        "1",
        "NQ",
        "Phường 1",
        "2024",
        "Năm 2024",
        [
            EntryRow(
                "5.1",
                "5",
                "8 lao động",
                "lao động",
                EntryKind.VALUE,
                "P",
                "P",
                current=FigureEntry("5.1", "P", "2024", value=long),
            )
        ],
    )
    path = tmp_path / "long.xlsx"
    write_entry_form_xlsx(form, path)
    assert _sheet(path).cell(FIRST_DATA_ROW, _column(Column.VALUE)).value == "123.456.789.012.345.678,25"
