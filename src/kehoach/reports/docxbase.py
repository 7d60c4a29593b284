"""python-docx building blocks for documents in the Nghị định 30/2020 format: A4 pages and
margins, Times New Roman on every script slot, paragraphs with exact spacing, borderless
fixed-width tables, short rules under headings, page numbers in the top margin.

Raw XML is inserted in ECMA schema order (``insert_element_before``): LibreOffice accepts
anything, Word refuses elements out of order. Table widths are written to ``w:tblGrid``
and to every cell's ``w:tcW`` with a fixed layout; with ``cell.width`` alone LibreOffice
shares the width out equally (vn-conventions §1.7).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"
BODY_SIZE = 14
TWIPS_PER_MM = 1440 / 25.4
RULE_GAP_PT = 5  # the rule sits this far under the line above it

# Successors in the schema order, for insert_element_before.
_PPR_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_TBLPR_AFTER_IND = (
    "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
    "w:tblPrChange",
)  # fmt: skip
_TRPR_AFTER_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
_SECTPR_AFTER_PGNUM = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
    "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip


@dataclass(frozen=True)
class Margins:
    """Page margins in mm (NĐ 30: top and bottom 20–25, left 30–35, right 15–20)."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


PORTRAIT = Margins()
LANDSCAPE = Margins(top=20, bottom=15, left=20, right=15)


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def set_fonts(element_rpr: object, name: str = FONT) -> None:
    """Times New Roman on every script slot (ascii, hAnsi, cs, eastAsia) so no diacritic falls back."""
    rpr = element_rpr
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def setup_document(document: DocumentObject) -> None:
    """Normal style: Times New Roman 14, black, no space around paragraphs, single spacing."""
    normal = document.styles["Normal"]
    font = normal.font
    font.name = FONT
    font.size = Pt(BODY_SIZE)
    set_fonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    properties = document.core_properties
    properties.language = "vi-VN"


def setup_section(section: Section, *, landscape: bool = False, margins: Margins | None = None) -> None:
    """A4, portrait or landscape, with NĐ 30 margins and the header 10 mm from the top edge."""
    chosen = margins or (LANDSCAPE if landscape else PORTRAIT)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = Mm(chosen.top), Mm(chosen.bottom)
    section.left_margin, section.right_margin = Mm(chosen.left), Mm(chosen.right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def text_width_mm(section: Section) -> float:
    assert section.page_width is not None and section.left_margin is not None and section.right_margin is not None
    return (section.page_width - section.left_margin - section.right_margin) / 36000


def style_run(run: Run, size: float = BODY_SIZE, *, bold: bool = False, italic: bool = False) -> Run:
    """Size, bold and italic where they differ from the Normal style (Times New Roman 14 on every
    script slot, set once by :func:`setup_document`): a report has thousands of runs."""
    if size != BODY_SIZE:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True
    return run


def paragraph(
    container: DocumentObject | _Cell,
    text: str = "",
    size: float = BODY_SIZE,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    first_line_mm: float | None = None,
    before: float = 0,
    after: float = 0,
    line: float = 1.0,
    keep_next: bool = False,
    reuse_first: bool = False,
) -> Paragraph:
    """A paragraph with one run. ``reuse_first`` fills a table cell's empty first paragraph."""
    para: Paragraph
    if reuse_first and isinstance(container, _Cell) and len(container.paragraphs) == 1 and not container.text:
        para = container.paragraphs[0]
    else:
        para = container.add_paragraph()
    fmt = para.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE if line != 1.0 else WD_LINE_SPACING.SINGLE
    if line != 1.0:
        fmt.line_spacing = line
    if first_line_mm is not None:
        fmt.first_line_indent = Mm(first_line_mm)
    if keep_next:
        fmt.keep_with_next = True
    if text:
        style_run(para.add_run(text), size, bold=bold, italic=italic)
    return para


def rule(container: DocumentObject | _Cell, length_mm: float, width_mm: float, *, reuse_first: bool = False) -> None:
    """A short solid line, ``length_mm`` long, centred in ``width_mm``, right under the text above
    (an empty 2 pt paragraph with a bottom border, indented from both sides)."""
    para = paragraph(container, "", 2, reuse_first=reuse_first)
    side = max((width_mm - length_mm) / 2, 0)
    fmt = para.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(RULE_GAP_PT)
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    style_run(para.add_run(""), 2)
    ppr = para._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    border.append(bottom)
    ppr.insert_element_before(border, *_PPR_AFTER_BORDER)


def table(
    container: DocumentObject | _Cell,
    widths_mm: Sequence[float],
    rows: int,
    *,
    borders: bool = False,
    indent_mm: float = 0,
    cell_margin_mm: float = 0,
) -> Table:
    """A fixed-layout table with exact column widths; borderless unless ``borders``."""
    made = container.add_table(rows=rows, cols=len(widths_mm))
    made.autofit = False
    tbl = made._tbl
    tbl_pr = tbl.tblPr
    total = sum(widths_mm)
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(width, "w:jc", "w:tblCellSpacing", "w:tblInd", *_TBLPR_AFTER_IND)
    width.set(qn("w:w"), str(twips(total)))
    width.set(qn("w:type"), "dxa")
    if indent_mm:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(twips(indent_mm)))
        ind.set(qn("w:type"), "dxa")
        tbl_pr.insert_element_before(ind, *_TBLPR_AFTER_IND)
    edges = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        if borders:
            for name, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                element.set(qn(name), value)
        else:
            element.set(qn("w:val"), "nil")
        edges.append(element)
    tbl_pr.insert_element_before(edges, *_TBLPR_AFTER_IND[1:])
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.insert_element_before(layout, *_TBLPR_AFTER_IND[3:])
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips(cell_margin_mm)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.insert_element_before(margins, *_TBLPR_AFTER_IND[4:])
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None:
        tbl_pr.remove(style)
    for grid_col, mm in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        grid_col.set(qn("w:w"), str(twips(mm)))
    for row in made.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(mm)
    return made


def repeat_header(table_: Table, rows: int = 1) -> None:
    """Repeat the first ``rows`` rows on every page (w:tblHeader)."""
    for row in table_.rows[:rows]:
        tr_pr = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        tr_pr.insert_element_before(header, *_TRPR_AFTER_HEADER)


def cant_split(table_: Table) -> None:
    for row in table_.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.insert_element_before(OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader", *_TRPR_AFTER_HEADER)


def middle(cell: _Cell) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.insert_element_before(
        shading, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def _field(paragraph_: Paragraph, instruction: str, size: float) -> None:
    for kind in ("begin", None, "separate", "end"):
        run = style_run(paragraph_.add_run(), size)
        if kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        if kind == "separate":
            style_run(paragraph_.add_run("1"), size)


def page_numbers(section: Section, *, restart: bool = False, size: float = 14) -> None:
    """The page number centred in the top margin, none on the section's first page (NĐ 30);
    ``restart`` numbers the section from 1 (an annex is numbered on its own)."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    para = header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(para, "PAGE", size)
    first = section.first_page_header
    first.is_linked_to_previous = False
    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False
    if restart:
        sect_pr = section._sectPr
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        sect_pr.insert_element_before(numbering, *_SECTPR_AFTER_PGNUM)
