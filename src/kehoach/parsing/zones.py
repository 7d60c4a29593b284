"""Zones of a document (header, body, closing, appendix, footnotes) and the normalized text
that every span refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.core.text import fold, nfc
from kehoach.parsing.outline import Line

SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "          ")
# full-width forms ("６５％", "＞") read as their ASCII twins, one character for one
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")


_LIST_START = re.compile(r"[ ]*(?:\d{1,2}(?:\.\d{1,2})*[.)]\s|\(\d{1,2}\)|[a-zđ]\)\s|[-+*•–]\s)")


def _is_row(line: str) -> bool:
    return "|" in line or "\t" in line.strip() or len(re.findall(r"\S {3,}(?=\S)", line.strip())) >= 2


def _continues(line: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the sentence of ``line`` (a hard-wrapped copy)."""
    end, first = line.rstrip()[-1:], nxt.lstrip()[:1]
    if not end or not first or _is_row(line) or _is_row(nxt) or _LIST_START.match(nxt):
        return False
    if end == ":":
        return first.isdigit()  # "… chứng chỉ:" / "28,5%."
    if end in ".;!?…":
        return False
    return first.islower() or first.isdigit() or first in '(“"'


_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*\d{1,3}\s*-|(?:trang|page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3})\s*$", re.IGNORECASE
)


def _furniture(lines: list[str]) -> set[int]:
    """Page numbers ("- 2 -", "Trang 3/7", "4") and the running header repeated next to them."""
    pages = {i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line)}
    if not pages:
        return set()
    counts: dict[str, int] = {}
    for line in lines:
        key = line.strip()
        if 0 < len(key) <= 100:
            counts[key] = counts.get(key, 0) + 1
    out = set(pages)
    for i in pages:
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(lines) and counts.get(lines[j].strip(), 0) >= 2:
                out.add(j)
    return out


def _reflow(text: str) -> str:
    """Join hard-wrapped lines (a copy from a PDF or an e-mail): a line that does not end a
    sentence and is followed by a line starting in lower case continues on it, also across a
    page break (page numbers and running headers become blank). Lengths do not change, so
    offsets stay valid."""
    lines = text.split("\n")
    furniture = _furniture(lines)
    for i in furniture:
        lines[i] = " " * len(lines[i])
    seps = ["\n"] * max(0, len(lines) - 1)
    for i, line in enumerate(lines[:-1]):
        if not line.strip():
            continue
        nxt = i + 1
        if furniture:
            while nxt < len(lines) - 1 and not lines[nxt].strip() and nxt - i <= 6:
                nxt += 1
            if nxt > i + 1 and not any(k in furniture for k in range(i + 1, nxt)):
                nxt = i + 1  # only blank lines between: a paragraph break, not a page break
        if _continues(line, lines[nxt]):
            for k in range(i, nxt):
                seps[k] = " "
    out = [lines[0]]
    for sep, line in zip(seps, lines[1:], strict=True):
        out.append(sep)
        out.append(line)
    return "".join(out)


def normalize(text: str) -> str:
    """The text spans refer to: NFC, "\\n" line ends, control characters as spaces, hard-wrapped
    lines joined."""
    t = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").translate(_FULL_WIDTH)
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
