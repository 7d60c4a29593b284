"""The entry form (biểu nhập số liệu) as an XLSX workbook officers fill in Excel or LibreOffice.

Layout (core.entrysheet holds the columns): sheet "Nhập liệu" with a title block (plan,
owner unit, period, instructions), the header row, then one row per :class:`EntryRow`
with what is already recorded pre-filled; a hidden sheet "kehoach" with the format, the
plan reference and the period code, so ``kehoach load`` knows the plan.

Decisions:

- The sheet is protected without a password (a guard against slips, not security): the
  header, the title and the identity columns are locked; the entry columns a row's kind
  needs (value; numerator and denominator; grade; rank) plus "Ước cả năm (x)" and
  "Ghi chú" are unlocked. Cells a row does not use are shaded and locked. Rows of an
  approved period are fully locked, grey, with the note "Kỳ đã được duyệt".
- Data validation: decimal ≥ 0 for value, numerator and denominator, and the list of
  allowed grades, with the *warning* style: Excel asks, and an officer whose Excel does
  not read "97,5" as a number can keep it as text — the reader accepts Vietnamese text
  numbers. Rank: whole number ≥ 1 (stop style).
- Numbers: a Decimal with at most 15 significant digits is written as a number cell
  (Excel keeps 15 digits, so it reads back exactly); a longer one is written as
  Vietnamese text ("1.246,6951234567891") so no digit is lost. Number formats are
  "#,##0" or "#,##0.0…" with the value's own places; Excel and LibreOffice show them
  with the reader's locale separators (1.246,695 in Vietnamese).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kehoach.core.entries import EntryForm, EntryKind, EntryRow, FigureEntry
from kehoach.core.entrysheet import (
    COLUMNS,
    ESTIMATE_MARK,
    FORMAT,
    LOCKED_NOTE,
    META_LABELS,
    META_SHEET_NAME,
    SHEET_NAME,
    Column,
    Meta,
    column_letter,
)
from kehoach.core.numbers import format_vn_number, normalize_decimal

TITLE = "BIỂU NHẬP SỐ LIỆU THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI"
INSTRUCTIONS = (
    "Nhập số liệu vào các ô trắng. Chỉ tiêu tỷ lệ: nhập Tử số và Mẫu số (hoặc Giá trị %). "
    "Xếp loại: chọn trong danh sách. Thứ hạng: số nguyên từ 1. Số thập phân dùng dấu phẩy "
    "(97,5; 1.246,7). Đánh “x” ở cột “Ước cả năm (x)” nếu số liệu là ước thực hiện cả năm. "
    "Ô để trống không xóa số liệu đã có. Các dòng tô xám thuộc kỳ đã được duyệt, không sửa được. "
    "Không thêm, xóa hay đổi tên cột. "
    "Nạp lại bằng lệnh: kehoach load TÊN_TỆP.xlsx"
)
HEADER_ROW = 7  # the title block takes rows 1-5, row 6 is blank
FIRST_DATA_ROW = HEADER_ROW + 1
EXCEL_DIGITS = 15  # significant digits Excel keeps in a number cell
LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_ROW_LINES = 5  # a long indicator text is cut there (the whole text is in the cell)

WIDTHS: dict[Column, float] = {
    Column.KEY: 11,
    Column.INDICATOR: 42,
    Column.TARGET_TEXT: 46,
    Column.UNIT_OF_MEASURE: 11,
    Column.UNIT_CODE: 12,
    Column.UNIT_NAME: 16,
    Column.PERIOD: 10,
    Column.VALUE: 13,
    Column.NUMERATOR: 13,
    Column.DENOMINATOR: 13,
    Column.GRADE: 16,
    Column.RANK: 10,
    Column.ESTIMATE: 10,
    Column.NOTE: 32,
}
# The entry columns a row of each kind uses (besides estimate and note).
KIND_COLUMNS: dict[EntryKind, frozenset[Column]] = {
    EntryKind.VALUE: frozenset({Column.VALUE}),
    EntryKind.RATIO: frozenset({Column.VALUE, Column.NUMERATOR, Column.DENOMINATOR}),
    EntryKind.GRADE: frozenset({Column.GRADE}),
    EntryKind.RANK: frozenset({Column.RANK}),
}
FIGURE_ENTRY_COLUMNS = (Column.VALUE, Column.NUMERATOR, Column.DENOMINATOR, Column.GRADE, Column.RANK)

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_IDENTITY_FILL = PatternFill("solid", fgColor="F2F2F2")
_UNUSED_FILL = PatternFill("solid", fgColor="E7E6E6")
_LOCKED_FILL = PatternFill("solid", fgColor="BFBFBF")
_ENTRY_FILL = PatternFill("solid", fgColor="FFFFFF")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_LOCKED = Protection(locked=True)
_UNLOCKED = Protection(locked=False)


def fits_number_cell(value: Decimal) -> bool:
    """True when ``value`` survives a number cell exactly (at most 15 significant digits)."""
    value = normalize_decimal(value)
    if value.is_zero():
        return True
    digits = len(value.as_tuple().digits)
    return digits <= EXCEL_DIGITS and -300 < value.adjusted() < 300


def number_format(value: Decimal) -> str:
    """ "#,##0" for a whole number, "#,##0.00" for one with two places …"""
    exponent = normalize_decimal(value).as_tuple().exponent
    assert isinstance(exponent, int)
    places = max(-exponent, 0)
    return "#,##0" + ("." + "0" * places if places else "")


def _put_number(cell: Any, value: Decimal) -> None:
    if fits_number_cell(value):
        cell.value = normalize_decimal(value)
        cell.number_format = number_format(value)
    else:
        cell.value = format_vn_number(value)
        cell.number_format = "@"


def entry_form_workbook(form: EntryForm) -> Workbook:
    """The workbook of ``form``: the entry sheet and the hidden metadata sheet."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET_NAME
    _title_block(sheet, form)
    _header(sheet)
    validations = _Validations(sheet)
    for offset, row in enumerate(form.rows):
        _row(sheet, FIRST_DATA_ROW + offset, row, form.period_code, validations)
    validations.attach()
    last_row = max(FIRST_DATA_ROW, FIRST_DATA_ROW + len(form.rows) - 1)
    last_column = column_letter(len(COLUMNS))
    sheet.freeze_panes = f"C{FIRST_DATA_ROW}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{last_row}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False  # people may widen columns
    protection.formatRows = False
    protection.autoFilter = False  # and filter by unit
    protection.sort = True
    _meta_sheet(workbook, form)
    return workbook


def write_entry_form_xlsx(form: EntryForm, target: Path | str | IO[bytes]) -> None:
    """Write ``form`` as an XLSX file (a path or a binary stream)."""
    entry_form_workbook(form).save(target)


def _title_block(sheet: Worksheet, form: EntryForm) -> None:
    last = column_letter(len(COLUMNS))
    sheet["A1"] = TITLE
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.merge_cells(f"A1:{last}1")
    lines = (
        ("Kế hoạch", form.plan_title),
        ("Đơn vị", form.owner_unit),
        ("Kỳ báo cáo", f"{form.period_label} ({form.period_code})"),
        ("Hướng dẫn", INSTRUCTIONS),
    )
    merged_width = sum(WIDTHS[c] for c in COLUMNS[1:])
    for row, (label, text) in enumerate(lines, start=2):
        head = sheet.cell(row, 1, label)
        head.font = Font(bold=True)
        head.alignment = _WRAP_TOP
        cell = sheet.cell(row, 2, text)
        cell.alignment = _WRAP_TOP
        sheet.merge_cells(f"B{row}:{last}{row}")
        sheet.row_dimensions[row].height = LINE_HEIGHT * _lines(text, merged_width, limit=8)


def _header(sheet: Worksheet) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, index, column.header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.protection = _LOCKED
        sheet.column_dimensions[column_letter(index)].width = WIDTHS[column]
    sheet.row_dimensions[HEADER_ROW].height = 32


def _identity(row: EntryRow, period_code: str) -> dict[Column, str | None]:
    return {
        Column.KEY: row.target_key,
        Column.INDICATOR: row.indicator,
        Column.TARGET_TEXT: row.target_text,
        Column.UNIT_OF_MEASURE: row.unit_of_measure,
        Column.UNIT_CODE: row.unit_code,
        Column.UNIT_NAME: row.unit_name,
        Column.PERIOD: period_code,
    }


def _row(sheet: Worksheet, number: int, row: EntryRow, period_code: str, validations: _Validations) -> None:
    used = KIND_COLUMNS[row.kind] | {Column.ESTIMATE, Column.NOTE}
    identity = _identity(row, period_code)
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(number, index)
        cell.border = _BORDER
        cell.alignment = _WRAP_TOP
        if column in identity:
            cell.value = identity[column]
            cell.number_format = "@"  # "5.1" stays a key, "2024-01" a period
            cell.fill = _LOCKED_FILL if row.locked else _IDENTITY_FILL
            cell.protection = _LOCKED
            continue
        _prefill(cell, column, row.current)
        if row.locked:
            cell.fill = _LOCKED_FILL
            cell.protection = _LOCKED
        elif column in used:
            cell.fill = _ENTRY_FILL
            cell.protection = _UNLOCKED
            validations.add(column, row, cell.coordinate)
        else:
            cell.fill = _UNUSED_FILL
            cell.protection = _LOCKED
    lines = max(_lines(identity[c] or "", WIDTHS[c]) for c in (Column.INDICATOR, Column.TARGET_TEXT, Column.UNIT_NAME))
    if row.current is not None and row.current.note:
        lines = max(lines, _lines(row.current.note, WIDTHS[Column.NOTE]))
    sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    if row.locked:
        first = sheet.cell(number, 1)
        first.comment = Comment(f"{LOCKED_NOTE}: dòng này không sửa được.", "kehoach")


def _lines(text: str, width: float, limit: int = MAX_ROW_LINES) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide (wrapped), at most ``limit``.

    Spreadsheets do not grow a row for wrapped text written by a program, so the writer sets
    the height; about 1,25 characters of 11 pt text fit in one unit of column width.
    """
    per_line = max(int(width * 1.25), 1)
    lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
    return min(max(lines, 1), limit)


def _prefill(cell: Any, column: Column, current: FigureEntry | None) -> None:
    if current is None:
        return
    if column in (Column.VALUE, Column.NUMERATOR, Column.DENOMINATOR):
        number = getattr(current, column.value)
        if number is not None:
            _put_number(cell, number)
    elif column is Column.GRADE and current.grade is not None:
        cell.value = current.grade
    elif column is Column.RANK and current.rank is not None:
        cell.value = current.rank
        cell.number_format = "0"
    elif column is Column.ESTIMATE and current.estimate:
        cell.value = ESTIMATE_MARK
    elif column is Column.NOTE and current.note:
        cell.value = current.note


class _Validations:
    """Data validation rules, filled with cell ranges row by row and attached at the end."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.decimal = DataValidation(
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Số không hợp lệ",
            error="Cần một số không âm, ví dụ 97,5 hoặc 1.246,7. Chọn Yes/Có để giữ số đã gõ dạng chữ.",
        )
        self.rank = DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="1",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle="Thứ hạng không hợp lệ",
            error="Thứ hạng là số nguyên từ 1 trở lên.",
        )
        self.estimate = DataValidation(
            type="list",
            formula1=f'"{ESTIMATE_MARK}"',
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Ước cả năm",
            error="Đánh “x” nếu số liệu là ước thực hiện cả năm, để trống nếu là số thực hiện.",
        )
        self.grades: dict[tuple[str, ...], DataValidation] = {}

    def add(self, column: Column, row: EntryRow, coordinate: str) -> None:
        if column in (Column.VALUE, Column.NUMERATOR, Column.DENOMINATOR):
            self.decimal.add(coordinate)
        elif column is Column.RANK:
            self.rank.add(coordinate)
        elif column is Column.ESTIMATE:
            self.estimate.add(coordinate)
        elif column is Column.GRADE and row.grades:
            self._grade(row.grades).add(coordinate)

    def _grade(self, grades: tuple[str, ...]) -> DataValidation:
        found = self.grades.get(grades)
        if found is None:
            found = DataValidation(
                type="list",
                formula1='"' + ",".join(grades) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle="Xếp loại không hợp lệ",
                error="Chọn một mức trong danh sách: " + ", ".join(grades) + ".",
            )
            self.grades[grades] = found
        return found

    def attach(self) -> None:
        for validation in (self.decimal, self.rank, self.estimate, *self.grades.values()):
            if validation.sqref.ranges:
                self.sheet.add_data_validation(validation)


def _meta_sheet(workbook: Workbook, form: EntryForm) -> None:
    meta = workbook.create_sheet(META_SHEET_NAME)
    values = {
        Meta.FORMAT: FORMAT,
        Meta.PLAN: form.plan_ref,
        Meta.PERIOD: form.period_code,
    }
    for row, (key, value) in enumerate(values.items(), start=1):
        meta.cell(row, 1, key.value)
        meta.cell(row, 2, value).number_format = "@"
        meta.cell(row, 3, META_LABELS[key])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
