""".pdf files with a text layer (pdfplumber): positioned lines -> paragraphs.

pdfplumber gives the words with their boxes; words are grouped into lines here and
lines into paragraphs by :mod:`.layout`. Ruled tables found by pdfplumber's table
finder are rendered in place as " | " rows and their words kept out of the running
text. A PDF without any text (a scan) is refused with a message asking for OCR.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from statistics import median
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from kehoach.parsing.readers.layout import Fragment, Line, Page, TableItem, compose
from kehoach.parsing.readers.legacy import convert_legacy_text
from kehoach.parsing.readers.normalize import finalize, is_blank
from kehoach.parsing.readers.source import ReadError, SourceText

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})
_SCAN = "tệp PDF không có lớp văn bản (bản quét), cần nhận dạng chữ (OCR) trước"


def read_pdf(data: bytes, filename: str) -> SourceText:
    notes: list[str] = []
    try:
        with _quiet_pdfminer(), pdfplumber.open(io.BytesIO(data)) as document:
            pages = [_page(page, index + 1) for index, page in enumerate(document.pages)]
            unreadable = sum(_cid_count(page) for page in document.pages)
    except Exception as error:  # pdfminer raises many kinds for a damaged file
        if _is_password_error(error):
            raise ReadError(filename, "tệp PDF được bảo vệ bằng mật khẩu, không đọc được") from None
        raise ReadError(filename, "tệp PDF bị hỏng, không đọc được") from None
    text_pages = [p for p in pages if p.lines or p.tables]
    if not text_pages:
        raise ReadError(filename, _SCAN)
    total_chars = sum(len(line.text) for p in pages for line in p.lines)
    if unreadable > 0.1 * max(total_chars, 1):
        raise ReadError(
            filename, "tệp PDF dùng phông chữ không có bảng mã Unicode, không lấy được chữ; cần nhận dạng chữ (OCR)"
        )
    missing = [str(p.number) for p in pages if not (p.lines or p.tables)]
    if missing:
        notes.append(f"Trang {', '.join(missing)} không có lớp văn bản (bản quét), nội dung chưa được đọc")
    text = compose(pages)
    if is_blank(text):
        raise ReadError(filename, _SCAN)
    converted = convert_legacy_text(text, filename)
    notes += [note for note in (converted.note, converted.warning) if note]
    return SourceText(finalize(converted.text), "pdf", converted.encoding, notes)


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs repairs of damaged files in English; the reader reports in its own words."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _is_password_error(error: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors: look through the wrapper and the chain."""
    seen: list[BaseException] = [error]
    while seen:
        current = seen.pop()
        if isinstance(current, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        seen += [a for a in current.args if isinstance(a, BaseException)]
        seen += [e for e in (current.__cause__, current.__context__) if e is not None]
    return False


def _cid_count(page: Any) -> int:
    return sum(1 for c in page.chars if str(c.get("text", "")).startswith("(cid:"))


def _page(page: Any, number: int) -> Page:
    tables = []
    boxes = []
    for table in page.find_tables():
        text = _table_text(table)
        if text:
            x0, top, x1, bottom = table.bbox
            boxes.append((x0, top, x1, bottom))
            tables.append(TableItem(text, top, bottom, number))
    words = [
        w
        for w in page.extract_words(extra_attrs=["size"])
        if str(w["text"]).strip() and not any(_inside(w, box) for box in boxes)
    ]
    return Page(number, float(page.width), float(page.height), _lines(words, number), tables)


def _inside(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


def _lines(words: list[dict[str, Any]], page: int) -> list[Line]:
    """Group words by their vertical middle, then split each line at wide gaps."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        if rows:
            last = rows[-1]
            last_middle = median((w["top"] + w["bottom"]) / 2 for w in last)
            height = max(w["bottom"] - w["top"] for w in last)
            if abs(middle - last_middle) <= 0.4 * height:
                last.append(word)
                continue
        rows.append([word])
    return [_line(sorted(row, key=lambda w: w["x0"]), page) for row in rows]


def _line(words: list[dict[str, Any]], page: int) -> Line:
    size = float(median(float(w.get("size") or (w["bottom"] - w["top"])) for w in words))
    fragments: list[list[dict[str, Any]]] = [[words[0]]]
    for previous, word in pairwise(words):
        if word["x0"] - previous["x1"] > max(3 * size, 24.0):
            fragments.append([])
        fragments[-1].append(word)
    parts = [
        Fragment(_clean(" ".join(str(w["text"]) for w in group)), float(group[0]["x0"]), float(group[-1]["x1"]))
        for group in fragments
    ]
    return Line(
        text=" ".join(p.text for p in parts),
        x0=parts[0].x0,
        x1=parts[-1].x1,
        top=float(min(w["top"] for w in words)),
        bottom=float(max(w["bottom"] for w in words)),
        size=size,
        page=page,
        fragments=parts,
    )


def _clean(text: str) -> str:
    return text.translate(_LIGATURES)


def _table_text(table: Any) -> str:
    """Rows of a ruled table as " | " lines; a merged cell appears once."""
    rows = table.extract()
    boxes = [row.cells for row in table.rows]
    columns: dict[int, tuple[float, float]] = {}
    for row in boxes:
        for j, box in enumerate(row):
            if box is not None and j not in columns:
                columns[j] = (box[0], box[2])
    lines = []
    for i, row in enumerate(rows):
        cells: list[str] = []
        for j, value in enumerate(row):
            if value is None:
                if _covered_from_left(boxes[i], j, columns):
                    continue  # horizontally merged: the text is in the cell on the left
                cells.append("")
                continue
            cells.append(_clean(" ".join(str(value).split())))
        if any(cells):
            line = cells[0]
            for cell in cells[1:]:
                line += " |" + (f" {cell}" if cell else "")
            lines.append(line.strip())
    return "\n".join(lines)


def _covered_from_left(row: list[Any], j: int, columns: dict[int, tuple[float, float]]) -> bool:
    if j not in columns:
        return True
    for k in range(j - 1, -1, -1):
        box = row[k] if k < len(row) else None
        if box is not None:
            return bool(box[2] > columns[j][0] + 1.0)
    return False
