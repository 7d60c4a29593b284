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
_DIGITS = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")


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


def split_row(text: str, start: int) -> Row:
    """Cells of one " | " line, with absolute offsets; outer empty cells of "| a | b |" dropped."""
    cells: list[Cell] = []
    pos = 0
    for part in text.split("|"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        a = start + pos + lead
        cells.append(Cell(a, a + len(stripped), stripped))
        pos += len(part) + 1
    if cells and not cells[0].text and text.lstrip().startswith("|"):
        cells = cells[1:]
    if cells and not cells[-1].text and text.rstrip().endswith("|"):
        cells = cells[:-1]
    return Row(start, start + len(text), cells)


_RESULT_HEADER = ("ước", "thực hiện", "th ", "so sánh", "cùng kỳ", "tăng giảm", "ghi chú", "đánh giá", "tỷ lệ %", "th/")
_PLAN_HEADER = ("kế hoạch", "kh", "chỉ tiêu", "mục tiêu", "nghị quyết", "nq", "dự kiến")


def is_header(row: Row) -> bool:
    texts = [fold(c.text) for c in row.cells]
    joined = " | ".join(texts)
    return ("chỉ tiêu" in joined or "nội dung" in joined) and any(
        w in joined for w in ("đơn vị", "đvt", "kế hoạch", "kh ", "stt", "tt")
    )


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
        t = texts[i]
        if any(w in t for w in _RESULT_HEADER):
            continue
        if any(re.search(rf"(?<![a-zà-ỹđ]){re.escape(w)}(?![a-zà-ỹđ])", t) for w in _PLAN_HEADER) and (
            year is None or year in t or not re.search(r"\d{4}", t)
        ):
            plan = i
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
