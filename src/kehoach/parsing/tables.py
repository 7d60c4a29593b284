"""Indicator tables: "STT | Chỉ tiêu | Đơn vị tính | … | Kế hoạch năm N" rows → indicators.

Only the plan column holds targets: columns of last year's results or estimates ("Ước thực
hiện năm 2024", "Thực hiện 2023") are left alone. Rows whose STT is a Roman numeral or a
capital letter are group headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.core.text import fold

_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]{1,5}|[A-ZĐ])\.?$")
_DIGITS = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[-+*•–]|[a-zđ][.)]?|\(\d{1,2}\))$")


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Row:
    start: int
    end: int
    cells: list[Cell]


@dataclass
class TableLayout:
    stt: int | None
    name: int
    unit: int | None
    plan: int
    stretch: int | None = None  # a "Phấn đấu" column beside the plan: a second, higher target


_GAP = re.compile(r" {2,}|\t")


def split_row(text: str, start: int, columns: list[int] | None = None) -> Row:
    """Cells of one table line with absolute offsets: "a | b | c" (outer empty cells of
    "| a | b |" dropped), tab-separated cells, or columns aligned with spaces — then each
    piece goes to the column (start positions from the header) it begins under."""
    if "|" in text:
        return Row(start, start + len(text), _split_on(text, start, "|", strip_outer=True))
    if "\t" in text:
        return Row(start, start + len(text), _split_on(text, start, "\t", strip_outer=False))
    pieces = _pieces(text, start)
    if columns is None:
        return Row(start, start + len(text), pieces)
    cells = [Cell(start + c, start + c, "") for c in columns]
    for piece in pieces:
        offset = piece.start - start
        index = max((i for i, c in enumerate(columns) if c <= offset + 2), default=0)
        if cells[index].text:
            cells[index] = Cell(cells[index].start, piece.end, text[cells[index].start - start : piece.end - start])
        else:
            cells[index] = piece
    return Row(start, start + len(text), cells)


def column_starts(header: str) -> list[int]:
    """Where each cell of an aligned header line begins."""
    return [piece.start for piece in _pieces(header, 0)]


def _pieces(text: str, start: int) -> list[Cell]:
    cells = []
    pos = 0
    for m in _GAP.finditer(text):
        part = text[pos : m.start()]
        if part.strip():
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(start + pos + lead, start + m.start(), part.strip()))
        pos = m.end()
    part = text[pos:]
    if part.strip():
        lead = len(part) - len(part.lstrip())
        cells.append(Cell(start + pos + lead, start + pos + lead + len(part.strip()), part.strip()))
    return cells


def _split_on(text: str, start: int, sep: str, strip_outer: bool) -> list[Cell]:
    cells: list[Cell] = []
    pos = 0
    for part in text.split(sep):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        a = start + pos + lead
        cells.append(Cell(a, a + len(stripped), stripped))
        pos += len(part) + 1
    # "| a | b |" (Markdown): the outer pipes are borders; " | a | b" is an empty first cell
    bordered = strip_outer and text.lstrip().startswith(sep) and text.rstrip().endswith(sep)
    if bordered and cells and not cells[0].text:
        cells = cells[1:]
    if bordered and cells and not cells[-1].text:
        cells = cells[:-1]
    return cells


_RESULT_HEADER = ("ước", "thực hiện", "th ", "so sánh", "cùng kỳ", "tăng giảm", "ghi chú", "đánh giá", "tỷ lệ %", "th/")
_PLAN_HEADER = ("kế hoạch", "kh", "chỉ tiêu", "mục tiêu", "nghị quyết", "nq", "dự kiến")


_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?(?:\s*=.*)?$|^[A-Z]$")


def merge_header(header: Row, rows: list[Row]) -> tuple[Row, int]:
    """A header spread over several rows (merged cells flattened: "Kế hoạch năm 2026 |" over
    "Chỉ tiêu giao | Phấn đấu") as one row of joined column titles, and how many rows it used.
    A row of column numbers ("(1) | (2) | (3)=(2)/(1)") is part of the header too."""
    texts = [c.text for c in header.cells]
    used = 0
    for row in rows[:3]:
        cells = [c.text for c in row.cells]
        numbering = all(not t or _COLUMN_NUMBERS.match(t) for t in cells)
        sub_header = len(cells) >= 2 and not cells[0] and not (cells[1] if len(cells) > 1 else "")
        if not (numbering or sub_header):
            break
        used += 1
        if numbering:
            continue
        carried = ""
        for i in range(max(len(texts), len(cells))):
            top = texts[i] if i < len(texts) else ""
            carried = top or carried  # an empty top cell sits under the merged title to its left
            below = cells[i] if i < len(cells) else ""
            if below:
                joined = f"{carried} {below}".strip()
                if i < len(texts):
                    texts[i] = joined
                else:
                    texts.append(joined)
    merged = [Cell(c.start, c.end, texts[i]) for i, c in enumerate(header.cells)]
    for i in range(len(header.cells), len(texts)):
        merged.append(Cell(header.end, header.end, texts[i]))
    return Row(header.start, header.end, merged), used


def is_header(row: Row) -> bool:
    texts = [fold(c.text) for c in row.cells]
    joined = " | ".join(texts)
    return ("chỉ tiêu" in joined or "nội dung" in joined) and any(
        w in joined for w in ("đơn vị", "đvt", "kế hoạch", "kh ", "stt", "tt")
    )


def _plan_like(text: str, year: str | None) -> bool:
    if any(w in text for w in _RESULT_HEADER):
        return False
    named = any(re.search(rf"(?<![a-zà-ỹđ]){re.escape(w)}(?![a-zà-ỹđ])", text) for w in _PLAN_HEADER)
    return named and (year is None or year in text or not re.search(r"\d{4}", text))


def layout(header: Row | None, width: int, plan_year: int | None) -> TableLayout | None:
    if header is None:
        if width >= 4:
            return TableLayout(stt=0, name=1, unit=2, plan=width - 1)
        if width == 3:
            return TableLayout(stt=None, name=0, unit=1, plan=2)
        return TableLayout(stt=None, name=0, unit=None, plan=width - 1)
    texts = [fold(c.text) for c in header.cells]
    stt = next((i for i, t in enumerate(texts) if t.strip(". ") in ("stt", "tt", "số tt", "số thứ tự")), None)
    name = next(
        (i for i, t in enumerate(texts) if "chỉ tiêu" in t or "nội dung" in t or "tên" in t), 1 if stt == 0 else 0
    )
    unit = next((i for i, t in enumerate(texts) if "đơn vị" in t or "đvt" in t), None)
    candidates = [i for i in range(len(texts)) if i not in (stt, name, unit)]
    plan = None
    year = str(plan_year) if plan_year else None
    years = {y for t in texts for y in re.findall(r"(?:19|20)\d\d", t)}
    if year and years and year not in years:
        return None  # every column is about another year: an evaluation table
    for i in candidates:
        if _plan_like(texts[i], year):
            plan = i
    stretch = next((i for i in candidates if "phấn đấu" in texts[i]), None)
    if plan is not None and stretch is not None:
        main = [i for i in candidates if i != stretch and i < stretch and _plan_like(texts[i], year)]
        if main:
            return TableLayout(stt=stt, name=name, unit=unit, plan=main[-1], stretch=stretch)
    if plan is None:
        usable = [i for i in candidates if not any(w in texts[i] for w in _RESULT_HEADER)]
        if year:
            with_year = [i for i in usable if year in texts[i]]
            if with_year:
                plan = with_year[-1]
        if plan is None:
            plan = usable[-1] if usable else (candidates[-1] if candidates else width - 1)
    return TableLayout(stt=stt, name=name, unit=unit, plan=plan)


def row_kind(row: Row, lay: TableLayout) -> str:
    """ "group" (I, II, A …), "indicator" (numbered or named row with a plan cell) or "other"."""

    def cell(i: int | None) -> str:
        return row.cells[i].text if i is not None and i < len(row.cells) else ""

    stt = cell(lay.stt)
    plan = cell(lay.plan)
    if lay.stt is not None and _ROMAN_OR_LETTER.match(stt) and not plan:
        return "group"
    if not plan and cell(lay.name) and not cell(lay.unit):
        return "group"
    if plan and cell(lay.name) and (lay.stt is None or _DIGITS.match(stt) or not stt):
        return "indicator"
    return "other"
