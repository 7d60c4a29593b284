"""What a .docx run or paragraph inherits: emphasis, font, list numbering.

python-docx reports only direct formatting (``run.italic`` is None when the style sets
it), so this module walks the style chain itself on python-docx's lxml elements:
direct properties, then the character style, then the paragraph style and the styles
it is based on, then the document defaults. Word's toggle rules for bold/italic are
simplified to "the nearest definition wins", which is what documents use in practice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

Element = Any  # an lxml element from python-docx's tree

_FALSE = {"0", "false", "off", "none"}


def on_off(element: Element | None) -> bool | None:
    """A w:b / w:i style switch: None when absent, else its value (default on)."""
    if element is None:
        return None
    return element.get(qn("w:val"), "true").lower() not in _FALSE


class StyleSheet:
    def __init__(self, styles_root: Element | None) -> None:
        self._by_id: dict[str, Element] = {}
        self._default_paragraph: str | None = None
        self._defaults_rpr: Element | None = None
        if styles_root is None:
            return
        for style in styles_root.iterfind(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if style_id:
                self._by_id[style_id] = style
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on"):
                    self._default_paragraph = style_id
        self._defaults_rpr = styles_root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")

    def chain(self, style_id: str | None) -> list[Element]:
        """The style and those it is based on, nearest first."""
        found: list[Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            found.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return found

    def paragraph_style(self, p: Element) -> str | None:
        pstyle = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if pstyle is not None:
            return str(pstyle.get(qn("w:val")))
        return self._default_paragraph

    def _rpr_sources(self, r: Element, paragraph_style: str | None) -> list[Element]:
        sources: list[Element] = []
        rpr = r.find(qn("w:rPr"))
        if rpr is not None:
            sources.append(rpr)
            rstyle = rpr.find(qn("w:rStyle"))
            if rstyle is not None:
                sources += [s.find(qn("w:rPr")) for s in self.chain(rstyle.get(qn("w:val")))]
        sources += [s.find(qn("w:rPr")) for s in self.chain(paragraph_style)]
        sources.append(self._defaults_rpr)
        return [s for s in sources if s is not None]

    def run_flag(self, r: Element, paragraph_style: str | None, tag: str) -> bool:
        """Effective w:b, w:i, w:vanish … of a run."""
        for rpr in self._rpr_sources(r, paragraph_style):
            value = on_off(rpr.find(qn(tag)))
            if value is not None:
                return value
        return False

    def run_font(self, r: Element, paragraph_style: str | None) -> str | None:
        """Name of the font used for Latin text of a run; None for a theme font."""
        for rpr in self._rpr_sources(r, paragraph_style):
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                continue
            for attr in ("w:hAnsi", "w:ascii"):
                name = fonts.get(qn(attr))
                if name:
                    return str(name)
            if fonts.get(qn("w:hAnsiTheme")) or fonts.get(qn("w:asciiTheme")):
                return None
        return None

    def style_numbering(self, paragraph_style: str | None) -> Element | None:
        for style in self.chain(paragraph_style):
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numpr is not None:
                return numpr
        return None


# --- list numbering --------------------------------------------------------------------------


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


class Numbering:
    """Computes the text Word shows before a numbered or bulleted paragraph."""

    def __init__(self, numbering_root: Element | None) -> None:
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        if numbering_root is None:
            return
        for abstract in numbering_root.iterfind(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterfind(qn("w:lvl")):
                levels[_int(lvl.get(qn("w:ilvl")))] = self._level(lvl)
            self._abstracts[str(abstract.get(qn("w:abstractNumId")))] = levels
        for num in numbering_root.iterfind(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            entry = _Num(str(ref.get(qn("w:val"))))
            for override in num.iterfind(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    entry.starts[_int(override.get(qn("w:ilvl")))] = _int(start.get(qn("w:val")), 1)
            self._nums[str(num.get(qn("w:numId")))] = entry

    @staticmethod
    def _level(lvl: Element) -> _Level:
        level = _Level()
        fmt = lvl.find(qn("w:numFmt"))
        if fmt is not None:
            level.fmt = str(fmt.get(qn("w:val"), "decimal"))
        text = lvl.find(qn("w:lvlText"))
        if text is not None:
            level.text = str(text.get(qn("w:val"), ""))
        start = lvl.find(qn("w:start"))
        if start is not None:
            level.start = _int(start.get(qn("w:val")), 1)
        return level

    def marker(self, num_id: str, ilvl: int) -> str:
        """The label for the next paragraph of list ``num_id`` at level ``ilvl`` ("" if none)."""
        num = self._nums.get(num_id)
        if num is None or num.abstract not in self._abstracts:
            return ""
        levels = self._abstracts[num.abstract]
        level = levels.get(ilvl)
        if level is None:
            return ""
        if level.fmt == "bullet":
            return _bullet(level.text, ilvl)
        counters = self._counters.setdefault(num.abstract, [None] * 10)
        if num_id not in self._used:  # a list instance that restarts its numbering
            self._used.add(num_id)
            for lvl_index, start in num.starts.items():
                if 0 <= lvl_index < 10:
                    counters[lvl_index] = start - 1
        ilvl = max(0, min(ilvl, 9))
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None
        if level.fmt == "none" or not level.text:
            return ""
        label = level.text
        for k in range(9, 0, -1):
            placeholder = f"%{k}"
            if placeholder in label:
                upper = levels.get(k - 1, _Level())
                counted = counters[k - 1]
                value = upper.start if counted is None else counted
                label = label.replace(placeholder, format_number(value, upper.fmt))
        return label.strip() + " "


def _bullet(symbol: str, ilvl: int) -> str:
    symbol = symbol.strip()
    if symbol in ("-", "–", "—", "−"):
        return "- "
    if symbol == "+":
        return "+ "
    return "- " if ilvl == 0 else "+ "
