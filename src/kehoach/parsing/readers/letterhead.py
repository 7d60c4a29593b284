"""Letterhead and signature blocks laid out in borderless tables.

Vietnamese administrative documents (Nghị định 30/2020) put the issuing body and the
national motto side by side, then the number and the place/date, and at the end the
recipients ("Nơi nhận") beside the signature ("TM. HỘI ĐỒNG NHÂN DÂN / CHỦ TỊCH"). In a
.docx this is a small table used for layout, not data: its cells are read as ordinary
paragraphs, one after the other, instead of " | " rows.
"""

from __future__ import annotations

import re

from kehoach.core.text import fold

# Matched on folded text (lower case, new tone style: "hoà" -> "hòa").
_LETTERHEAD = re.compile(
    r"cộng hòa xã hội chủ nghĩa"
    r"|độc lập\s*[-–]\s*tự do"
    r"|^\s*số\s*:"
    r"|^\s*nơi nhận"
    r"|^\s*(?:tm|t/m|kt|tl|tuq|q)\s*\."
    r"|^\s*(?:phó\s+)?chủ tịch\s*$"
    r"|^\s*(?:hội đồng|ủy ban) nhân dân\b"
    r"|,\s*ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}",
    re.MULTILINE,
)

MAX_COLUMNS = 3
MAX_ROWS = 6


def is_letterhead_text(text: str) -> bool:
    return bool(_LETTERHEAD.search(fold(text)))


def is_layout_table(cell_texts: list[list[str]]) -> bool:
    """A small table whose cells hold letterhead or signature wording."""
    if not cell_texts or len(cell_texts) > MAX_ROWS:
        return False
    if max(len(row) for row in cell_texts) > MAX_COLUMNS:
        return False
    return any(is_letterhead_text(cell) for row in cell_texts for cell in row)
