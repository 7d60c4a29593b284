"""Reading a units CSV: ``code, name, level, parent_code, valid_from[, valid_to]``.

UTF-8 with or without a byte order mark; comma, semicolon or tab separated (whichever the
header uses); headers in English as above or in Vietnamese (mã, tên, cấp, mã cấp trên,
hiệu lực từ, hiệu lực đến), any case. Levels are Vietnamese words or codes in any tone
style and case (core.unitlevels.parse_level). Dates are ISO (2025-07-01) or Vietnamese
(01/07/2025). Empty lines are skipped. Every bad cell is reported with its line and column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kehoach.core.entries import Problem
from kehoach.core.text import fold
from kehoach.core.unitlevels import UnitError, UnitLevel, parse_level
from kehoach.core.units import OrgUnit
from kehoach.services.files import read_text_file

COLUMNS = ("code", "name", "level", "parent_code", "valid_from", "valid_to")
REQUIRED = ("code", "name", "level")
_ALIASES = {
    "mã": "code",
    "mã đơn vị": "code",
    "tên": "name",
    "tên đơn vị": "name",
    "cấp": "level",
    "cấp đơn vị": "level",
    "cấp trên": "parent_code",
    "mã cấp trên": "parent_code",
    "mã đơn vị cấp trên": "parent_code",
    "hiệu lực từ": "valid_from",
    "từ ngày": "valid_from",
    "hiệu lực đến": "valid_to",
    "đến ngày": "valid_to",
}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _header_key(text: str) -> str:
    return " ".join(fold(text).replace("_", " ").split())


_KNOWN = {_header_key(name): name for name in COLUMNS} | {_header_key(k): v for k, v in _ALIASES.items()}


def parse_date(text: str) -> date:
    """ "2025-07-01" or "01/07/2025" (also 1/7/2025, 01-07-2025, 01.07.2025)."""
    raw = text.strip()
    iso, vn = _ISO_DATE.match(raw), _VN_DATE.match(raw)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if vn:
            return date(int(vn.group(3)), int(vn.group(2)), int(vn.group(1)))
    except ValueError:
        pass
    raise ValueError(f"ngày '{text}' không hợp lệ (ví dụ đúng: 2025-07-01 hoặc 01/07/2025)")


@dataclass(frozen=True)
class UnitLine:
    """One unit version as read, with where it was read."""

    unit: OrgUnit
    location: str  # "dòng 4"
    closes: bool  # an end date (valid_to) was given


@dataclass
class UnitsFile:
    lines: list[UnitLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # column -> header as written

    def cell(self, line: str, column: str) -> str:
        """ "dòng 4, cột parent_code" (the column as the file names it)."""
        return f"{line}, cột {self.headers.get(column, column)}"


def _delimiter(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_units_text(text: str) -> UnitsFile:
    """Units from CSV text; problems are collected, never raised."""
    result = UnitsFile()
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    columns: list[str | None] = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        where = f"dòng {rows.line_num}"
        if not columns:
            columns = _read_header(row, where, result)
            if result.problems:
                return result
            continue
        _read_row(row, columns, where, result)
    if not columns:
        result.problems.append(Problem("tệp không có dòng tiêu đề (code, name, level, parent_code, valid_from)"))
    _check_duplicates(result)
    return result


def _read_header(row: list[str], where: str, result: UnitsFile) -> list[str | None]:
    columns: list[str | None] = []
    for cell in row:
        name = _KNOWN.get(_header_key(cell))
        if name is None:
            result.problems.append(
                Problem(
                    f"không nhận ra cột '{cell.strip()}' (các cột dùng được: {', '.join(COLUMNS)})",
                    f"{where}, cột {cell.strip()}",
                )
            )
        elif name in result.headers:
            result.problems.append(Problem(f"cột {name} có hai lần", f"{where}, cột {cell.strip()}"))
        else:
            result.headers[name] = cell.strip()
        columns.append(name)
    missing = [name for name in REQUIRED if name not in result.headers]
    if missing:
        result.problems.append(Problem(f"thiếu cột {', '.join(missing)}", where))
    return columns


def _read_row(row: list[str], columns: list[str | None], where: str, result: UnitsFile) -> None:
    if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
        result.problems.append(Problem(f"có {len(row)} ô, nhiều hơn {len(columns)} cột của dòng tiêu đề", where))
        return
    cells = {name: cell.strip() for name, cell in zip(columns, row, strict=False) if name is not None}
    problems: list[Problem] = []

    def need(column: str, what: str) -> str:
        value = cells.get(column, "")
        if not value:
            problems.append(Problem(f"thiếu {what}", result.cell(where, column)))
        return value

    code, name = need("code", "mã đơn vị"), need("name", "tên đơn vị")
    if code and any(c.isspace() for c in code):
        problems.append(Problem(f"mã đơn vị '{code}' có dấu cách", result.cell(where, "code")))
    level: UnitLevel | None = None
    level_text = need("level", "cấp đơn vị (tỉnh, xã, phường, khóm, ấp …)")
    if level_text:
        try:
            level = parse_level(level_text)
        except UnitError as exc:
            problems.append(Problem(str(exc), result.cell(where, "level")))
    dates: dict[str, date | None] = {}
    for column in ("valid_from", "valid_to"):
        text = cells.get(column, "")
        dates[column] = None
        if text:
            try:
                dates[column] = parse_date(text)
            except ValueError as exc:
                problems.append(Problem(str(exc), result.cell(where, column)))
    since, until = dates["valid_from"], dates["valid_to"]
    if since and until and until < since:
        problems.append(Problem("ngày hết hiệu lực trước ngày bắt đầu hiệu lực", result.cell(where, "valid_to")))
    parent = cells.get("parent_code") or None
    if parent is not None and parent == code:
        problems.append(Problem("đơn vị không thể là cấp trên của chính nó", result.cell(where, "parent_code")))
    if problems or level is None:
        result.problems.extend(problems)
        return
    result.lines.append(UnitLine(OrgUnit(code, name, level, parent, since, until), where, until is not None))


def _check_duplicates(result: UnitsFile) -> None:
    seen: dict[tuple[str, date | None], str] = {}
    for line in result.lines:
        key = (line.unit.code, line.unit.valid_from)
        if key in seen:
            since = "không ghi ngày bắt đầu" if key[1] is None else f"cùng ngày bắt đầu {key[1].isoformat()}"
            result.problems.append(
                Problem(f"đơn vị {key[0]} ({since}) đã có ở {seen[key]}", result.cell(line.location, "code"))
            )
        else:
            seen[key] = line.location


def read_units_csv(path: Path | str) -> UnitsFile:
    return read_units_text(read_text_file(Path(path)))
