"""The last step of every reader: one normal form for the text the parser reads.

Unicode NFC, "\\n" line ends, no BOM or zero-width characters, non-breaking spaces as
plain spaces, no trailing spaces on a line. Nothing else is rewritten: the parser
reports character offsets into this text, and both tone-placement styles (hoà / hòa)
are kept as written.
"""

from __future__ import annotations

import unicodedata

_LINE_BREAKS = {
    ord("\r"): "\n",
    ord("\v"): "\n",  # Word's manual line break in some exports
    ord("\f"): "\n",
    0x2028: "\n",  # LINE SEPARATOR
    0x2029: "\n",  # PARAGRAPH SEPARATOR
    0x85: "\n",  # NEXT LINE
}
_SPACES = {cp: " " for cp in (0x00A0, 0x2007, 0x202F)}  # no-break, figure, narrow no-break
_INVISIBLE: dict[int, str | None] = {cp: None for cp in (0xFEFF, 0x200B, 0x00AD, 0x2060)}
_CONTROLS: dict[int, str | None] = {cp: None for cp in range(0x20) if cp not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D)}
_CONTROLS[0x7F] = None

_TABLE: dict[int, str | None] = {**_CONTROLS, **_INVISIBLE, **_SPACES, **_LINE_BREAKS}


def unify_line_ends(text: str) -> str:
    """CR LF and lone CR become LF (done before encoding detection, which works by line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def finalize(text: str) -> str:
    """The normal form described in the module docstring."""
    text = unify_line_ends(text).translate(_TABLE)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def is_blank(text: str) -> bool:
    """True when nothing but whitespace and invisible characters is left."""
    return not text.translate(_TABLE).strip()
