"""Zones of a document (header, body, closing, appendix, footnotes) and the normalized text
that every span refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.core.text import fold, nfc
from kehoach.parsing.outline import Line

SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "          ")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_INLINE_ITEM = re.compile(r"(?:^|(?<=[;.:,])\s*|(?<=\s))\((\d{1,2})\)\s*(?=\S)")


_LIST_START = re.compile(r"[ ]*(?:\d{1,2}(?:\.\d{1,2})*[.)]\s|\(\d{1,2}\)|[a-zđ]\)\s|[-+*•–]\s)")


def _continues(line: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the sentence of ``line`` (a hard-wrapped copy)."""
    end, first = line.rstrip()[-1:], nxt.lstrip()[:1]
    if not end or not first or "|" in line or "|" in nxt or _LIST_START.match(nxt):
        return False
    if end == ":":
        return first.isdigit()  # "… chứng chỉ:" / "28,5%."
    if end in ".;!?…":
        return False
    return first.islower() or first.isdigit() or first in '(“"'


def _reflow(text: str) -> str:
    """Join hard-wrapped lines (a copy from a PDF or an e-mail): a line that does not end a
    sentence and is followed by a line starting in lower case continues on it. The newline
    becomes a space, so offsets do not move."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 < len(lines):
            out.append(" " if line.strip() and _continues(line, lines[i + 1]) else "\n")
    return "".join(out)


def normalize(text: str) -> str:
    """The text spans refer to: NFC, "\\n" line ends, control characters as spaces, hard-wrapped
    lines joined."""
    t = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    return _reflow(_CONTROL.sub(" ", t))


@dataclass
class Zones:
    header_end: int
    body: list[Line]
    appendix: list[Line]
    closing_found: bool
    footnotes_found: bool


def zones_of(text: str, lines: list[Line]) -> Zones:
    folded_lines = [fold(text[ln.start : ln.end]).strip() for ln in lines]
    header_idx = 0
    for i, fl in enumerate(folded_lines):
        if fl.startswith("quyết nghị") and len(fl) < 20:
            header_idx = i + 1
            break
    else:
        for i, ln in enumerate(lines):
            if ln.style in ("article", "roman"):
                header_idx = i
                break
        else:
            last_basis = max((i for i, fl in enumerate(folded_lines) if fl.startswith(("căn cứ", "xét "))), default=-1)
            header_idx = last_basis + 1
    header_end = lines[header_idx].start if header_idx < len(lines) else len(text)
    body: list[Line] = []
    appendix: list[Line] = []
    closing = False
    footnotes = False
    state = "body"
    for i in range(header_idx, len(lines)):
        ln, fl = lines[i], folded_lines[i]
        raw = text[ln.start : ln.end].strip()
        if re.fullmatch(r"[_\-–—=*]{5,}", raw):
            if state == "body":
                state = "footnotes"
                footnotes = True
            continue
        if (fl.startswith("phụ lục") or fl.startswith("biểu chỉ tiêu")) and (raw.isupper() or len(raw) < 40):
            state = "appendix"
            continue
        if state == "body" and (
            fl.startswith(("nơi nhận", "tm.", "t/m", "tm ", "kt.", "k/t", "tin liên quan", "bài liên quan", "xem thêm"))
            or (raw.isupper() and fl in ("chủ tịch", "phó chủ tịch"))
        ):
            state = "closing"
            closing = True
            continue
        if state == "body":
            body.append(ln)
        elif state == "appendix":
            appendix.append(ln)
        elif state == "footnotes" and not re.match(r"^\[\d+\]", raw) and ln.style != "para":
            body.append(ln)
    return Zones(header_end, body, appendix, closing, footnotes)
