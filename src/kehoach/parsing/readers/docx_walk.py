"""Walk a .docx body in document order into a small model of paragraphs and tables.

Only python-docx's element tree is used (``document.element.body``); the parts for
styles, numbering and footnotes are those python-docx loads. Page headers and footers
live in other parts and are never visited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from kehoach.parsing.readers.docx_styles import Element, Numbering, StyleSheet

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_MC_CHOICE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"
# Elements around runs whose text is read (w:del and w:moveFrom hold deleted text: skipped).
_INLINE_WRAPPERS = frozenset(
    qn(tag) for tag in ("w:hyperlink", "w:ins", "w:smartTag", "w:customXml", "w:fldSimple", "w:moveTo")
)


@dataclass
class Segment:
    """A piece of a paragraph with uniform formatting."""

    text: str
    italic: bool = False
    bold: bool = False
    font: str | None = None
    note: bool = False  # a footnote marker "[n]": neutral for emphasis


@dataclass
class Para:
    marker: str = ""  # list number or bullet computed from Word's numbering, "1. ", "- "
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.marker + "".join(s.text for s in self.segments)


@dataclass
class Table:
    rows: list[list[list[Block] | None]]  # a cell is its blocks; None continues a vertical merge


Block = Para | Table


class Walker:
    """Turns body elements into blocks; numbers footnote references as it meets them."""

    def __init__(self, styles: StyleSheet, numbering: Numbering, notes: dict[tuple[str, str], Element]) -> None:
        self.styles = styles
        self.numbering = numbering
        self.notes = notes  # ("footnote" | "endnote", id) -> w:footnote / w:endnote element
        self.note_order: list[tuple[int, tuple[str, str]]] = []
        self._note_numbers: dict[tuple[str, str], int] = {}

    # --- containers -------------------------------------------------------------------------

    def blocks(self, container: Element) -> list[Block]:
        out: list[Block] = []
        for child in container.iterchildren():
            tag = child.tag
            if tag == qn("w:p"):
                out += self.paragraph(child)
            elif tag == qn("w:tbl"):
                out.append(self.table(child))
            elif tag in (qn("w:sdt"), qn("w:customXml")):
                content = child.find(qn("w:sdtContent")) if tag == qn("w:sdt") else child
                if content is not None:
                    out += self.blocks(content)
        return out

    def table(self, tbl: Element) -> Table:
        rows: list[list[list[Block] | None]] = []
        for tr in _children(tbl, "w:tr"):
            cells: list[list[Block] | None] = []
            for tc in _children(tr, "w:tc"):
                tcpr = tc.find(qn("w:tcPr"))
                vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                hmerge = tcpr.find(qn("w:hMerge")) if tcpr is not None else None
                if hmerge is not None and hmerge.get(qn("w:val")) != "restart":
                    continue  # old-style horizontal merge: the text is in the first cell
                if vmerge is not None and vmerge.get(qn("w:val")) != "restart":
                    cells.append(None)
                    continue
                cells.append(self.blocks(tc))
            rows.append(cells)
        return Table(rows)

    # --- paragraphs -------------------------------------------------------------------------

    def paragraph(self, p: Element) -> list[Block]:
        """The paragraph, followed by the paragraphs of any text box anchored in it."""
        style = self.styles.paragraph_style(p)
        para = Para(marker=self._marker(p, style))
        boxes: list[Block] = []
        self._inline(p, style, para, boxes)
        return [para, *boxes]

    def _marker(self, p: Element, style: str | None) -> str:
        numpr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        style_numpr = self.styles.style_numbering(style)
        num_id = _val(numpr, "w:numId") or _val(style_numpr, "w:numId")
        ilvl = _val(numpr, "w:ilvl") or _val(style_numpr, "w:ilvl") or "0"
        if not num_id or num_id == "0":
            return ""
        try:
            return self.numbering.marker(num_id, int(ilvl))
        except ValueError:
            return ""

    def _inline(self, parent: Element, style: str | None, para: Para, boxes: list[Block]) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == qn("w:r"):
                self._run(child, style, para, boxes)
            elif tag in _INLINE_WRAPPERS:
                self._inline(child, style, para, boxes)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self._inline(content, style, para, boxes)
            elif tag == _MC_ALTERNATE:
                choice = child.find(_MC_CHOICE)
                if choice is not None:
                    self._inline(choice, style, para, boxes)
            # w:del, w:moveFrom (deleted text), w:bookmark*, w:proofErr …: nothing to read

    def _run(self, r: Element, style: str | None, para: Para, boxes: list[Block]) -> None:
        if self.styles.run_flag(r, style, "w:vanish"):
            return
        italic = self.styles.run_flag(r, style, "w:i")
        bold = self.styles.run_flag(r, style, "w:b")
        font = self.styles.run_font(r, style)
        pieces: list[str] = []

        def flush() -> None:
            if pieces:
                para.segments.append(Segment("".join(pieces), italic, bold, font))
                pieces.clear()

        for child in r.iterchildren():
            tag = child.tag
            if tag == qn("w:t"):
                pieces.append(child.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                pieces.append("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                pieces.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                pieces.append("-")
            elif tag == qn("w:softHyphen"):
                pieces.append("\u00ad")  # dropped later, unless TCVN3 needs it for "ư"
            elif tag == qn("w:sym"):
                pieces.append(_symbol(child))
            elif tag in (qn("w:footnoteReference"), qn("w:endnoteReference")):
                flush()
                kind = "footnote" if tag == qn("w:footnoteReference") else "endnote"
                number = self._note_number((kind, str(child.get(qn("w:id")))))
                if number:
                    para.segments.append(Segment(f"[{number}]", italic, bold, None, note=True))
            elif tag in (qn("w:drawing"), qn("w:pict"), _MC_ALTERNATE):
                for box in _text_boxes(child):
                    boxes += self.blocks(box)
        flush()

    def _note_number(self, key: tuple[str, str]) -> int | None:
        if key not in self.notes:
            return None
        if key not in self._note_numbers:
            number = len(self._note_numbers) + 1
            self._note_numbers[key] = number
            self.note_order.append((number, key))
        return self._note_numbers[key]


def _children(parent: Element, tag: str) -> list[Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    found: list[Element] = []
    for child in parent.iterchildren():
        if child.tag == qn(tag):
            found.append(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                found += _children(content, tag)
        elif child.tag == qn("w:customXml"):
            found += _children(child, tag)
    return found


def _val(element: Element | None, tag: str) -> str | None:
    if element is None:
        return None
    child = element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _symbol(sym: Element) -> str:
    """A w:sym character; symbol-font code points (private use area) are dropped."""
    code = sym.get(qn("w:char"), "")
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        return ""
    return chr(value)


def _text_boxes(element: Element) -> list[Any]:
    """Outermost w:txbxContent inside a drawing, skipping the duplicate VML fallback."""
    boxes = []
    for box in element.iter(qn("w:txbxContent")):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not element:
            if ancestor.tag in (_MC_FALLBACK, qn("w:txbxContent")):
                break
            ancestor = ancestor.getparent()
        else:
            boxes.append(box)
    return boxes


__all__ = ["Block", "Para", "Segment", "Table", "Walker"]
