"""Rebuild paragraphs from the positioned lines of a PDF.

Pure functions on :class:`Line` and :class:`TableItem`; :mod:`.pdf` fills them from
pdfplumber. The rules, in order, for the line ``b`` that follows line ``a``:

* a new paragraph starts when ``b`` opens with a list label or an article ("1.", "1.1.",
  "a)", "(1)", "-", "+", "Điều 2."), when ``a`` or ``b`` is written in capitals, after a
  vertical gap larger than the usual line pitch, or when ``a`` ends a sentence and is
  short or ``b`` is indented (first-line indent); a short line followed by a capital
  letter also ends a paragraph;
* otherwise ``b`` continues ``a``, joined by a space (Vietnamese needs no de-hyphenation).

Running headers and footers (the same line, digits aside, at the top or bottom of
several pages) and page numbers ("- 2 -", "2", "Trang 2", "2/5") are dropped. Lines
split by a wide gap into a left and a right part (the letterhead "HỘI ĐỒNG NHÂN DÂN …
CỘNG HÒA XÃ HỘI …", the signature block) are read column by column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

_LABEL = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.(?=\s)|\d{1,2}\)|[a-zđ]\)|\(\d{1,2}\)|[IVXLC]+\.(?=\s)|[-+•–—*]\s|"
    r"(?:Điều|Chương|Mục|Phần|Phụ lục)\s+[\dIVXLC]+)"
)
_DASHES = "-+–—"
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:!?…]$")
_CLOSERS = "\"'”’»)]"
_MARGIN_ZONE = 0.08  # share of the page height at the top and at the bottom


@dataclass
class Fragment:
    text: str
    x0: float
    x1: float


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    fragments: list[Fragment] = field(default_factory=list)

    @property
    def split(self) -> bool:
        return len(self.fragments) > 1


@dataclass
class TableItem:
    text: str  # rows joined by "\n", cells by " | "
    top: float
    bottom: float
    page: int


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[TableItem] = field(default_factory=list)


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def drop_running_lines(pages: list[Page]) -> None:
    """Remove page numbers and headers/footers repeated on several pages (in place)."""

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", " ".join(line.text.split())).casefold()

    def zone(page: Page, line: Line) -> str | None:
        if line.top < page.height * _MARGIN_ZONE:
            return "top"
        if line.bottom > page.height * (1 - _MARGIN_ZONE):
            return "bottom"
        return None

    seen: Counter[tuple[str, str]] = Counter()
    for page in pages:
        keys = {(z, key(line)) for line in page.lines if (z := zone(page, line))}
        seen.update(keys)
    for page in pages:
        ordered = sorted(page.lines, key=lambda ln: ln.top)
        edges = {id(ordered[0]), id(ordered[-1])} if ordered else set()
        kept = []
        for line in page.lines:
            where = zone(page, line)
            if (where or id(line) in edges) and _PAGE_NUMBER.match(line.text):
                continue
            if where and len(pages) > 1 and seen[(where, key(line))] >= 2:
                continue
            kept.append(line)
        page.lines = kept


@dataclass
class _Metrics:
    left: float
    right: float
    pitch: float


def _metrics(pages: list[Page]) -> _Metrics:
    lines = [ln for p in pages for ln in p.lines if not ln.split]
    long_lines = [ln for ln in lines if len(ln.text) >= 20] or lines
    if not long_lines:
        return _Metrics(0.0, 0.0, 12.0)
    lefts = sorted(ln.x0 for ln in long_lines)
    rights = sorted(ln.x1 for ln in long_lines)
    pitches = []
    for page in pages:
        ordered = sorted(page.lines, key=lambda ln: ln.top)
        for a, b in pairwise(ordered):
            step = b.top - a.top
            if 0 < step < 3 * max(a.size, 1.0):
                pitches.append(step)
    size = median(ln.size for ln in long_lines)
    # Line spacing inside a paragraph is the most common and the smallest step; paragraph
    # gaps are larger. With few lines, do not trust more than 1.5 times the font size.
    pitches.sort()
    pitch = pitches[len(pitches) // 4] if len(pitches) >= 4 else min([*pitches, 1.5 * size])
    return _Metrics(left=lefts[len(lefts) // 10], right=rights[(len(rights) * 9) // 10], pitch=pitch)


def compose(pages: list[Page]) -> str:
    """Pages -> text: paragraphs and tables separated by blank lines."""
    drop_running_lines(pages)
    metrics = _metrics(pages)
    blocks: list[str] = []
    current: list[str] = []
    previous: Line | None = None

    def flush() -> None:
        nonlocal previous
        if current:
            blocks.append(" ".join(current))
            current.clear()
        previous = None

    for page in pages:
        items: list[Line | TableItem] = [*page.lines, *page.tables]
        items.sort(key=lambda item: item.top)
        i = 0
        while i < len(items):
            item = items[i]
            if isinstance(item, TableItem):
                flush()
                blocks.append(item.text)
                i += 1
                continue
            if item.split:
                flush()
                group, i = _column_group(items, i, page, metrics)
                blocks += group
                continue
            if previous is not None and _starts_paragraph(previous, item, metrics):
                flush()
            current.append(item.text)
            previous = item
            i += 1
    flush()
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


def _starts_paragraph(a: Line, b: Line, m: _Metrics) -> bool:
    width = max(m.right - m.left, 1.0)
    short = a.x1 < m.right - 0.12 * width
    indented = b.x0 > m.left + 0.8 * max(b.size, 1.0)
    ends_sentence = bool(_SENTENCE_END.search(a.text.rstrip(_CLOSERS)))
    label = _LABEL.match(b.text)
    if label:
        after = b.text[label.end() :].lstrip()[:1]
        # "kinh tế - xã hội" wrapped before the dash is not a bullet
        wrapped_dash = b.text[0] in _DASHES and after.islower() and not (ends_sentence or short)
        # "(1) …; (2) …" runs inside one paragraph: a full line before "(2)" continues it
        restarts = b.text.startswith("(1)") or short or indented or a.text.endswith(":")
        inline_run = b.text.startswith("(") and not restarts
        if not (wrapped_dash or inline_run):
            return True
    if is_caps(a.text) or is_caps(b.text):
        return True
    if a.page == b.page and b.top - a.top > 1.2 * m.pitch:
        return True
    first = b.text.lstrip(_CLOSERS + "“‘(")[:1]
    if ends_sentence and (short or indented):
        return True
    if ends_sentence and a.page != b.page and first.isupper():
        return True  # across a page break there is no gap to look at: a full stop ends it
    return short and first.isupper()


def _column_group(items: list[Line | TableItem], start: int, page: Page, m: _Metrics) -> tuple[list[str], int]:
    """Lines split into a left and a right part, and single lines that continue a column.

    The columns are divided at the middle of the first line's widest gap. Returns the
    blocks (each column's lines joined by "\\n", a new block after a vertical gap) and the
    index of the first item after the group.
    """
    first = items[start]
    assert isinstance(first, Line)
    gaps = [(b.x0 - a.x1, (a.x1 + b.x0) / 2) for a, b in pairwise(first.fragments)]
    boundary = max(gaps)[1]
    placed: list[tuple[float, bool, str]] = []  # (top, on the right?, text)
    i = start
    last_top = first.top
    while i < len(items):
        item = items[i]
        if isinstance(item, TableItem):
            break
        step = item.top - last_top
        slack = 2 * item.size
        has_left = any(not right for _, right, _ in placed)
        has_right = any(right for _, right, _ in placed)
        if item.split and step <= 2.5 * m.pitch:
            placed += [(item.top, (f.x0 + f.x1) / 2 >= boundary, f.text) for f in item.fragments]
        elif item.split or step > 1.2 * m.pitch:
            break
        elif item.x1 <= boundary + slack and has_left and item.x0 >= m.left - slack:
            placed.append((item.top, False, item.text))
        elif item.x0 >= boundary - slack and has_right:
            placed.append((item.top, True, item.text))
        else:
            break
        last_top = item.top
        i += 1
    return _bands(placed, m), i


def _bands(placed: list[tuple[float, bool, str]], m: _Metrics) -> list[str]:
    """Rows of a two-column block, cut at vertical gaps; each row's left part, then its right."""
    bands: list[list[tuple[float, bool, str]]] = []
    last: float | None = None
    for entry in sorted(placed, key=lambda e: e[0]):
        if last is None or entry[0] - last > 1.2 * m.pitch:
            bands.append([])
        bands[-1].append(entry)
        last = entry[0]
    blocks = []
    for band in bands:
        for side in (False, True):
            lines = [text for _, right, text in band if right == side]
            if lines:
                blocks.append("\n".join(lines))
    return blocks
