"""Normalized text → lines with their list markers → an outline tree.

Markers: "Điều N."; Roman "I."; decimal "1." / "1.1." / "2.2."; letters "a)"; "(1)";
bullets "-", "+", "*", "•"; run-in headings "*Về kinh tế:*"; table rows "a | b | c".
Nesting is found from the order in which marker styles appear (like a Markdown list):
a style already open on the stack closes everything opened after it, a new style nests.
Irregular numbering (a section "2." used twice) is therefore harmless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROMAN = re.compile(r"^(?P<m>[IVXLC]{1,6})[.)]\s+(?=\S)")
_ARTICLE = re.compile(r"^(?P<m>điều\s+(?P<n>\d+))\s*[.:]?\s*", re.IGNORECASE)
_DECIMAL = re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2})*)(?P<close>\.|\))\s*(?=\S)(?!\d)")
_DECIMAL_NO_DOT = re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2})+)\s+(?=\S)")
_UPPER = re.compile(r"^(?P<m>[A-ZĐ])[.)]\s+(?=\S)")
_LETTER = re.compile(r"^(?P<m>[a-zđ])\)\s*(?=\S)|^(?P<m2>[a-zđ])\.\s+(?=\S)")
_PAREN = re.compile(r"^(?P<m>\(\d{1,2}\))\s*(?=\S)")
_BULLET = re.compile(r"^(?P<m>[-–—•+∙·▪●○◦]|\*(?=\s))\s*(?=\S)")
_RUN_IN = re.compile(r"^(?P<m>\*(?P<h>[^*\n]{2,200}?)\*|_(?P<h2>[^_\n]{2,200}?)_)\s*")
_TABLE = re.compile(r"^\|?.*\S\s*\|\s*\S.*$|^\|?.*\|.*\|.*$")
_ALIGNED_GAP = re.compile(r"\S( {3,})(?=\S)")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class Line:
    """One non-empty line of the normalized text, with its list marker."""

    start: int  # offset of the first character of the line
    end: int  # offset after the last character
    style: str  # article, roman, decimal1..n, letter, paren, dash, plus, bullet, runin, table, para
    marker: str  # the marker as written ("2.2", "(3)", "a", "-"), "" for none
    body_start: int  # offset where the text after the marker begins
    heading: str | None = None  # run-in heading text without its asterisks ("Chỉ tiêu về kinh tế:")


@dataclass
class Node:
    line: Line | None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    @property
    def style(self) -> str:
        return self.line.style if self.line else "root"

    def walk(self) -> list[Node]:
        out: list[Node] = []
        for child in self.children:
            out.append(child)
            out.extend(child.walk())
        return out

    @property
    def end(self) -> int:
        last = self
        while last.children:
            last = last.children[-1]
        return last.line.end if last.line else 0


_BULLET_STYLES = {"-": "dash", "–": "dash", "—": "dash", "+": "plus", "*": "star"}


def classify_line(text: str, start: int) -> Line:
    """The marker of one line (``text`` is the line, ``start`` its offset)."""
    end = start + len(text)
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    s = start + lead
    if _TABLE_RULE.match(stripped):
        return Line(s, end, "table_rule", "", s)
    if stripped.count("|") >= 2 or (stripped.count("|") == 1 and _TABLE.match(stripped) and "| " in stripped):
        return Line(s, end, "table", "", s)
    if stripped.count("\t") >= 2 or len(_ALIGNED_GAP.findall(stripped.rstrip())) >= 2:
        # a tab-separated row, or columns aligned with spaces (a "pdftotext -layout" copy)
        return Line(s, end, "table", "", s)
    m = _ARTICLE.match(stripped)
    if m:
        return Line(s, end, "article", m.group("n"), s + m.end())
    m = _RUN_IN.match(stripped)
    if m:
        heading = m.group("h") or m.group("h2") or ""
        return Line(s, end, "runin", "*", s + m.end(), heading=heading.strip())
    m = _ROMAN.match(stripped)
    if m:
        return Line(s, end, "roman", m.group("m"), s + m.end())
    m = _UPPER.match(stripped)
    if m and len(stripped) > 4:
        return Line(s, end, "upper", m.group("m"), s + m.end())
    m = _DECIMAL.match(stripped) or _DECIMAL_NO_DOT.match(stripped)
    if m:
        number = m.group("m")
        if "close" in m.groupdict() and m.group("close") == ")" and "." not in number:
            return Line(s, end, "number_paren", number, s + m.end())  # "1)": a list of its own, under "1."
        depth = number.count(".") + 1
        return Line(s, end, f"decimal{depth}", number, s + m.end())
    m = _PAREN.match(stripped)
    if m:
        return Line(s, end, "paren", m.group("m"), s + m.end())
    m = _LETTER.match(stripped)
    if m and len(stripped) > 3:
        return Line(s, end, "letter", m.group("m") or m.group("m2"), s + m.end())
    m = _BULLET.match(stripped)
    if m:
        mark = m.group("m")
        return Line(s, end, _BULLET_STYLES.get(mark, "bullet"), mark, s + m.end())
    return Line(s, end, "para", "", s)


_ROW_START = re.compile(r"^\s*(?:[IVXLC]{1,5}|[A-ZĐ]|\d{1,3})\.?(?:\s{2,}|\t)\S")


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        if raw.strip():
            line = classify_line(raw.rstrip(), offset)
            lines.append(line)
        offset += len(raw) + 1
    # "C." and "D." after "B." are letters, not Roman numerals
    last_upper = ""
    for i, line in enumerate(lines):
        if line.style == "upper":
            last_upper = line.marker
        elif line.style == "roman" and len(line.marker) == 1 and last_upper and ord(line.marker) == ord(last_upper) + 1:
            lines[i] = Line(line.start, line.end, "upper", line.marker, line.body_start)
            last_upper = line.marker
    # inside an aligned table, a group row ("I    CHỈ TIÊU KINH TẾ") has a single gap: still a row
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if line.style == "para" and lines[i - 1].style == "table" and lines[i + 1].style == "table":
            raw = text[line.start : line.end]
            if _ROW_START.match(raw) or _ALIGNED_GAP.search(raw):
                lines[i] = Line(line.start, line.end, "table", "", line.start)
    return lines


def _depth_rank(style: str) -> int | None:
    if style.startswith("decimal"):
        return int(style[7:])
    return None


def build_tree(lines: list[Line]) -> Node:
    """Nest marked lines by the order their styles appear; plain lines attach to the open item."""
    root = Node(None)
    stack: list[Node] = [root]
    for line in lines:
        node = Node(line)
        if line.style in ("para", "table", "table_rule"):
            parent = stack[-1]
            node.parent = parent
            parent.children.append(node)
            continue
        if line.style == "article":
            del stack[1:]
        else:
            index = _open_index(stack, line.style)
            if index is not None:
                del stack[index:]
        parent = stack[-1]
        node.parent = parent
        parent.children.append(node)
        stack.append(node)
    return root


def _open_index(stack: list[Node], style: str) -> int | None:
    """Where a new line of ``style`` closes the stack: at an open item of the same style,
    or (for decimals) at a deeper or equal decimal level."""
    depth = _depth_rank(style)
    for i in range(1, len(stack)):
        other = stack[i].style
        if other == style:
            return i
        other_depth = _depth_rank(other)
        if depth is not None and other_depth is not None and other_depth >= depth:
            return i
        if style == "roman" and other.startswith("decimal"):
            return i
    return None
