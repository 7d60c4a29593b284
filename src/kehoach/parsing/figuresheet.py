"""Reading a filled entry sheet (XLSX or CSV) into :class:`FigureEntry` rows. Pure: no database.

Every problem of the file is collected, each with where it is ("Trang tính “Nhập liệu”,
dòng 9, cột H (Giá trị)"; "Tệp “x.csv”, dòng 9, …" for a CSV), so a refused file lists
all its errors at once. Plan-level checks (does the key exist, is the period locked …)
belong to the services; this reader checks the cells.

Decisions:

- The header row is the first row (of the first 50) with a "Mã chỉ tiêu" cell. Headers
  are matched on core.text.fold (case, spacing and tone style do not matter, a few
  aliases are known: core.entrysheet). "Mã chỉ tiêu", "Mã đơn vị" and "Kỳ" are required;
  an unknown or repeated header is a problem; an empty header cell is ignored.
- An XLSX is read with its cached values (``data_only``): a formula gives the value Excel
  last computed. Every visible sheet with a header row is read; the hidden sheet
  "kehoach" gives the plan reference and the period code. Above the header, rows whose
  first cell is a metadata label ("Mã kế hoạch", "Mã kỳ") give them too (the CSV way).
- Numbers: a number cell is read through its 15 significant digits (what Excel shows and
  keeps), so 97.5 is 97,5 and a computed 0.1 + 0.2 is 0,3; a cell formatted as a
  percentage (Excel turns a typed "97,5%" into 0.975) is multiplied by 100. Text is read
  as Vietnamese notation ("97,5", "1.246,7", "1.246" = 1246), "97.5" is 97,5 (a dot
  followed by other than three digits is a decimal point), a trailing "%" is dropped.
- A row with nothing in value, numerator, denominator, grade and rank is skipped (a
  template row left empty); a row with any of them must name a key and a unit. An empty
  period cell takes the sheet's period when the file names one.
- Numerator and denominator go together; a rank is a whole number from 1; a grade must be
  one of core.targets.GRADE_SCALES (matched in any case or tone style, stored in its
  canonical spelling); "Ước cả năm" takes "x" (or "có", "1") or nothing.
- The same key, unit, period and kind (actual or estimate) twice in one file is a problem.
- A row with a cell problem gives no entry, so the plan-level checks of the services do not
  see it (its key or unit is checked once its cells are right).
- CSV: UTF-8 with or without a BOM (Windows-1258, what Excel's plain "CSV" writes on a
  Vietnamese Windows, is accepted when the bytes are not UTF-8); the delimiter is the one
  of ";", ",", tab that splits the header row into known columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from kehoach.core.entries import FigureEntry, Problem
from kehoach.core.entrysheet import (
    COLUMNS,
    FIGURE_COLUMNS,
    META_SHEET_NAME,
    REQUIRED,
    Column,
    Meta,
    cell_location,
    column_for_header,
    file_container,
    meta_for_label,
    sheet_container,
)
from kehoach.core.numbers import NumberFormatError, normalize_decimal, parse_vn_number
from kehoach.core.periods import PeriodError, parse_period
from kehoach.core.targets import GRADE_SCALES
from kehoach.core.text import fold, nfc
from kehoach.parsing.readers import ReadError

HEADER_SEARCH_ROWS = 50
EXCEL_DIGITS = 15
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
_DELIMITERS = (";", ",", "\t")
_YES = frozenset({"x", "có", "co", "1", "ước", "uoc", "true", "yes", "đúng"})
_NO = frozenset({"", "0", "không", "khong", "false", "no"})
_GRADES: dict[str, str] = {" ".join(fold(g).split()): g for scale in GRADE_SCALES for g in scale}
_GRADE_LIST = "; ".join(", ".join(scale) for scale in GRADE_SCALES)


@dataclass(frozen=True)
class Cell:
    """A cell's value as the reader sees it, and whether it is formatted as a percentage."""

    value: object
    percent: bool = False


@dataclass(frozen=True)
class RowPlace:
    """Where a row of the file is: its container ("Trang tính “…”"), row, and column indexes."""

    container: str
    row: int
    columns: dict[Column, int]

    def location(self, column: Column | None = None) -> str:
        if column is None or column not in self.columns:
            return cell_location(self.container, self.row)
        return cell_location(self.container, self.row, self.columns[column], column.header)


@dataclass
class FigureSheet:
    """What a file holds: its entries (with ``location``), its problems, and what it says of itself."""

    name: str
    entries: list[FigureEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    plan_ref: str | None = None
    period_code: str | None = None
    sheets_read: list[str] = field(default_factory=list)
    places: dict[str, RowPlace] = field(default_factory=dict)  # entry.location -> its place

    def location(self, entry: FigureEntry, column: Column | None = None) -> str | None:
        """Where ``entry`` (or one of its cells) is in the file."""
        if entry.location is None:
            return None
        place = self.places.get(entry.location)
        return entry.location if place is None else place.location(column)


def read_figure_file(path: Path | str) -> FigureSheet:
    """Read an XLSX (``.xlsx``, ``.xlsm``) or CSV (``.csv``, ``.txt``) entry sheet."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise ReadError(f"{p.name}: chỉ đọc được tệp .xlsx hoặc .csv")
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(f"{p}: không tìm thấy tệp") from exc
    except IsADirectoryError as exc:
        raise ReadError(f"{p}: là một thư mục, không phải tệp") from exc
    except PermissionError as exc:
        raise ReadError(f"{p}: không có quyền đọc tệp") from exc
    except OSError as exc:
        raise ReadError(f"{p}: không đọc được tệp") from exc
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(io.BytesIO(data), p.name)
    return read_csv_bytes(data, p.name)


# XLSX -----------------------------------------------------------------------------------


def read_xlsx(source: Path | str | IO[bytes], name: str) -> FigureSheet:
    from openpyxl import load_workbook  # imported here: reading a CSV needs no openpyxl

    data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source.read()
    try:
        # Cached values, and the formulas behind them: a formula never computed (a file
        # written by a program, not saved by Excel) has no cached value and must not read
        # as an empty cell.
        workbook = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, ValueError … for a bad file
        raise ReadError(f"{name}: không phải tệp Excel (.xlsx) đọc được") from exc
    result = FigureSheet(name)
    meta: dict[Meta, str] = {}
    tables: list[tuple[str, list[tuple[int, list[Cell]]]]] = []
    for sheet, formula_sheet in zip(workbook.worksheets, formulas.worksheets, strict=True):
        rows = [
            (number, [_xlsx_cell(c, f) for c, f in zip(cells, formula_cells, strict=True)])
            for number, (cells, formula_cells) in enumerate(
                zip(sheet.iter_rows(), formula_sheet.iter_rows(), strict=True), start=1
            )
        ]
        if sheet.title == META_SHEET_NAME:
            meta.update(_meta_rows(rows))
        elif sheet.sheet_state == "visible":
            tables.append((sheet.title, rows))
    result.plan_ref, result.period_code = meta.get(Meta.PLAN), meta.get(Meta.PERIOD)
    for title, rows in tables:
        if _Table(result, sheet_container(title)).read(rows, require_header=False):
            result.sheets_read.append(title)
    if not result.sheets_read:
        result.problems.append(
            Problem("không tìm thấy trang tính nào có dòng tiêu đề với cột “Mã chỉ tiêu”", f"Tệp “{name}”")
        )
    return result


def _xlsx_cell(cell: Any, formula: Any) -> Cell:
    number_format = getattr(cell, "number_format", None) or ""
    value = cell.value
    if value is None and isinstance(formula.value, str) and formula.value.startswith("="):
        value = formula.value  # reported as a formula never computed
    return Cell(value, "%" in number_format)


# CSV ------------------------------------------------------------------------------------


def read_csv_bytes(data: bytes, name: str) -> FigureSheet:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1258", errors="replace")
    return read_csv_text(nfc(text), name)


def read_csv_text(text: str, name: str) -> FigureSheet:
    result = FigureSheet(name)
    rows = _split_csv(text.lstrip("\ufeff"))
    meta = _meta_rows(rows)
    result.plan_ref, result.period_code = meta.get(Meta.PLAN), meta.get(Meta.PERIOD)
    if _Table(result, file_container(name)).read(rows, require_header=True):
        result.sheets_read.append(name)
    return result


def _split_csv(text: str) -> list[tuple[int, list[Cell]]]:
    best: list[list[str]] | None = None
    for delimiter in _DELIMITERS:
        parsed = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        if best is None:
            best = parsed
        if any(_is_header([Cell(v) for v in row]) for row in parsed[:HEADER_SEARCH_ROWS]):
            best = parsed
            break
    assert best is not None
    # csv counts lines inside quoted fields too; a row number is the record's ordinal
    return [(number, [Cell(v) for v in row]) for number, row in enumerate(best, start=1)]


# Shared ---------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    """A cell as text: None when empty; numbers written plainly ("5.1", "99001")."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "x" if value else None
    if isinstance(value, float):
        decimal = _decimal_of_float(value)
        text = format(decimal, "f") if decimal is not None else str(value)
    elif isinstance(value, (int, Decimal)):
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
    elif isinstance(value, (datetime, date, time)):
        text = value.isoformat()
    else:
        text = str(value)
    text = nfc(" ".join(text.split()))
    return text or None


def _decimal_of_float(value: float) -> Decimal | None:
    """What a number cell shows: the float through 15 significant digits (97.5 → 97.5, 0.1+0.2 → 0.3)."""
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return normalize_decimal(Decimal(format(value, f".{EXCEL_DIGITS}g")))


def _meta_rows(rows: Iterable[tuple[int, list[Cell]]]) -> dict[Meta, str]:
    """Metadata from "label | value" rows above the header (or in the hidden sheet)."""
    meta: dict[Meta, str] = {}
    for _, cells in rows:
        if _is_header(cells):
            break
        if len(cells) < 2:
            continue
        label, value = _text(cells[0].value), _text(cells[1].value)
        key = meta_for_label(label) if label else None
        if key is not None and value is not None and key not in meta:
            meta[key] = value
    return meta


def _is_header(cells: list[Cell]) -> bool:
    return any(isinstance(c.value, str) and column_for_header(c.value) is Column.KEY for c in cells)


class _Table:
    """Reads one table (a sheet, or the CSV) into the shared result."""

    def __init__(self, result: FigureSheet, container: str) -> None:
        self.result = result
        self.container = container
        self.columns: dict[Column, int] = {}
        self.seen: dict[tuple[str, str, str, bool], int] = {}

    def problem(self, message: str, row: int, column: Column | None = None) -> None:
        index = self.columns.get(column) if column is not None else None
        header = column.header if column is not None and index is not None else None
        self.result.problems.append(Problem(message, cell_location(self.container, row, index, header)))

    def read(self, rows: list[tuple[int, list[Cell]]], *, require_header: bool) -> bool:
        """Read the rows; False when there is no header row."""
        header_at = next(
            (i for i, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]) if _is_header(cells)),
            None,
        )
        if header_at is None:
            if require_header:
                self.result.problems.append(Problem("không tìm thấy dòng tiêu đề có cột “Mã chỉ tiêu”", self.container))
            return False
        number, cells = rows[header_at]
        if not self._header(number, cells):
            return True
        for row_number, row_cells in rows[header_at + 1 :]:
            self._row(row_number, row_cells)
        return True

    def _header(self, number: int, cells: list[Cell]) -> bool:
        """Map the header; False when a required column is missing (rows cannot be read)."""
        for index, cell in enumerate(cells, start=1):
            text = _text(cell.value)
            if text is None:
                continue
            column = column_for_header(text)
            where = cell_location(self.container, number, index)
            if column is None:
                known = ", ".join(c.header for c in COLUMNS)
                self.result.problems.append(
                    Problem(f"cột “{text}” không thuộc biểu mẫu (các cột được nhận: {known})", where)
                )
            elif column in self.columns:
                self.result.problems.append(Problem(f"cột “{column.header}” xuất hiện hai lần", where))
            else:
                self.columns[column] = index
        missing = [c for c in COLUMNS if c in REQUIRED and c not in self.columns]
        for column in missing:
            self.result.problems.append(Problem(f"thiếu cột “{column.header}”", cell_location(self.container, number)))
        return not missing

    def _cell(self, cells: list[Cell], column: Column) -> Cell:
        index = self.columns.get(column)
        if index is None or index > len(cells):
            return Cell(None)
        return cells[index - 1]

    def _row(self, number: int, cells: list[Cell]) -> None:
        raw = {column: self._cell(cells, column) for column in self.columns}
        if all(_text(raw[c].value) is None for c in FIGURE_COLUMNS if c in raw):
            return
        before = len(self.result.problems)
        key = self._required_text(raw, Column.KEY, number, "thiếu mã chỉ tiêu")
        unit = self._required_text(raw, Column.UNIT_CODE, number, "thiếu mã đơn vị")
        period = self._period(raw[Column.PERIOD], number)
        value = self._number(raw, Column.VALUE, number)
        numerator = self._number(raw, Column.NUMERATOR, number)
        denominator = self._number(raw, Column.DENOMINATOR, number)
        if (
            numerator is not None
            and denominator is None
            and _text(raw.get(Column.DENOMINATOR, Cell(None)).value) is None
        ):
            self.problem("có tử số nhưng thiếu mẫu số", number, Column.DENOMINATOR)
        if denominator is not None and numerator is None and _text(raw.get(Column.NUMERATOR, Cell(None)).value) is None:
            self.problem("có mẫu số nhưng thiếu tử số", number, Column.NUMERATOR)
        grade = self._grade(raw, number)
        rank = self._rank(raw, number)
        estimate = self._estimate(raw, number)
        note = _text(raw[Column.NOTE].value) if Column.NOTE in raw else None
        if len(self.result.problems) > before or key is None or unit is None or period is None:
            return
        identity = (key, unit, period, estimate)
        if identity in self.seen:
            kind = "ước cả năm" if estimate else "thực hiện"
            self.problem(
                f"trùng số liệu {kind} của chỉ tiêu {key}, đơn vị {unit}, kỳ {period} ở dòng {self.seen[identity]}",
                number,
                Column.KEY,
            )
            return
        self.seen[identity] = number
        place = RowPlace(self.container, number, dict(self.columns))
        location = place.location()
        self.result.places[location] = place
        self.result.entries.append(
            FigureEntry(
                target_key=key,
                unit_code=unit,
                period_code=period,
                value=value,
                numerator=numerator,
                denominator=denominator,
                grade=grade,
                rank=rank,
                estimate=estimate,
                note=note,
                location=location,
            )
        )

    def _required_text(self, raw: dict[Column, Cell], column: Column, number: int, message: str) -> str | None:
        text = _text(raw[column].value)
        if text is None:
            self.problem(message, number, column)
        return text

    def _period(self, cell: Cell, number: int) -> str | None:
        value = cell.value
        if isinstance(value, (datetime, date)) and value.day == 1:  # Excel made "2024-01" a date
            return f"{value.year}-{value.month:02d}"
        text = _text(value) or self.result.period_code
        if text is None:
            self.problem("thiếu kỳ báo cáo (ví dụ: 2024-H1)", number, Column.PERIOD)
            return None
        try:
            return parse_period(text).code
        except PeriodError as exc:
            self.problem(str(exc), number, Column.PERIOD)
            return None

    def _number(self, raw: dict[Column, Cell], column: Column, number: int) -> Decimal | None:
        if column not in raw:
            return None
        cell = raw[column]
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        parsed = _parse_number(cell)
        if isinstance(parsed, str):
            self.problem(parsed, number, column)
            return None
        return parsed

    def _grade(self, raw: dict[Column, Cell], number: int) -> str | None:
        text = _text(raw[Column.GRADE].value) if Column.GRADE in raw else None
        if text is None:
            return None
        grade = _GRADES.get(" ".join(fold(text).split()))
        if grade is None:
            self.problem(f"không nhận ra xếp loại “{text}” (dùng một trong: {_GRADE_LIST})", number, Column.GRADE)
        return grade

    def _rank(self, raw: dict[Column, Cell], number: int) -> int | None:
        if Column.RANK not in raw:
            return None
        cell = raw[Column.RANK]
        if _text(cell.value) is None:
            return None
        parsed = _parse_number(Cell(cell.value))
        if isinstance(parsed, Decimal) and parsed == parsed.to_integral_value() and parsed >= 1:
            return int(parsed)
        shown = _text(cell.value)
        self.problem(f"thứ hạng “{shown}” phải là số nguyên từ 1 trở lên", number, Column.RANK)
        return None

    def _estimate(self, raw: dict[Column, Cell], number: int) -> bool:
        if Column.ESTIMATE not in raw:
            return False
        value = raw[Column.ESTIMATE].value
        if isinstance(value, bool):
            return value
        text = fold(_text(value) or "")
        if text in _YES:
            return True
        if text not in _NO:
            self.problem(
                f"cột ước cả năm chỉ nhận “x” hoặc để trống, không nhận “{_text(value)}”", number, Column.ESTIMATE
            )
        return False


def _blank(raw: dict[Column, Cell], column: Column) -> bool:
    cell = raw.get(column)
    return cell is None or _text(cell.value) is None


def _parse_number(cell: Cell) -> Decimal | str:
    """The cell's number, or a Vietnamese message saying why there is none."""
    value = cell.value
    if isinstance(value, bool):
        return "ô chứa giá trị đúng/sai, không phải số"
    if isinstance(value, (datetime, date, time)):
        return "ô chứa ngày tháng, không phải số (hãy định dạng ô là số hoặc văn bản)"
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        number = normalize_decimal(value)
    elif isinstance(value, float):
        converted = _decimal_of_float(value)
        if converted is None:
            return "ô không chứa số hữu hạn"
        number = converted
    else:
        text = " ".join(str(value).split())
        if text.startswith("="):
            return f"“{text}” là công thức chưa được tính (hãy mở và lưu tệp bằng Excel hoặc nhập số)"
        stripped = text[:-1].rstrip() if text.endswith("%") else text
        try:
            return parse_vn_number(stripped, allow_dot_decimal=True)
        except NumberFormatError:
            return f"“{text}” không phải là số (ví dụ đúng: 97,5 hoặc 1.246,7)"
    if cell.percent:
        number = normalize_decimal(number * 100)
    return number
