"""The annex as a landscape section of the report (NĐ 30: "Phụ lục" 14 pt bold, its title
upper case bold, "(Kèm theo …)" italic over a short rule; pages numbered on their own; the
header row repeated on every page)."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell

from kehoach.core.status import Status
from kehoach.reports.docxbase import (
    cant_split,
    middle,
    page_numbers,
    paragraph,
    repeat_header,
    rule,
    setup_section,
    shade,
    table,
    text_width_mm,
)
from kehoach.reports.model import Annex, AnnexColumn, AnnexRow

CELL_SIZE = 12
HEADER_SIZE = 12
# STT, Chỉ tiêu, then the columns in order: 262 mm, the landscape text width.
WIDTHS_MM: dict[AnnexColumn | str, float] = {
    "number": 12,
    "name": 62,
    AnnexColumn.UNIT: 18,
    AnnexColumn.PLAN: 22,
    AnnexColumn.PREVIOUS: 20,
    AnnexColumn.ACTUAL: 22,
    AnnexColumn.PROJECTED: 20,
    AnnexColumn.PCT_PLAN: 16,
    AnnexColumn.PCT_PREVIOUS: 17,
    AnnexColumn.ASSESSMENT: 25,
    AnnexColumn.NOTE: 28,
}
LEFT_ALIGNED = {AnnexColumn.NOTE}
BEHIND = {Status.AT_RISK, Status.NOT_MET}
GROUP_FILL = "F2F2F2"


def _row(cells: Sequence[_Cell], row: AnnexRow) -> None:
    bold_name = row.is_group
    paragraph(cells[0], row.number, CELL_SIZE, bold=bold_name, reuse_first=True)
    paragraph(cells[1], row.name, CELL_SIZE, bold=bold_name, align=WD_ALIGN_PARAGRAPH.LEFT, reuse_first=True)
    for cell, column in zip(cells[2:], AnnexColumn, strict=True):
        value = row.cell(column).text
        align = WD_ALIGN_PARAGRAPH.LEFT if column in LEFT_ALIGNED else WD_ALIGN_PARAGRAPH.CENTER
        bold = column is AnnexColumn.ASSESSMENT and row.status in BEHIND
        paragraph(cell, value, CELL_SIZE, bold=bold, align=align, reuse_first=True)
    for cell in cells:
        middle(cell)
        if row.is_group:
            shade(cell, GROUP_FILL)


def add_annex(document: DocumentObject, annex: Annex) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    setup_section(section, landscape=True)
    page_numbers(section, restart=True)
    width = text_width_mm(section)
    paragraph(document, annex.label, 14, bold=True)
    paragraph(document, annex.title, 14, bold=True)
    paragraph(document, annex.subtitle, 13, italic=True)
    rule(document, 50, width)
    paragraph(document, "", 6, after=6)
    widths = list(WIDTHS_MM.values())
    grid = table(document, widths, rows=1 + len(annex.rows), borders=True, cell_margin_mm=1)
    header = grid.rows[0].cells
    paragraph(header[0], "STT", HEADER_SIZE, bold=True, reuse_first=True)
    paragraph(header[1], "Chỉ tiêu", HEADER_SIZE, bold=True, reuse_first=True)
    for cell, column in zip(header[2:], AnnexColumn, strict=True):
        paragraph(cell, annex.headers[column], HEADER_SIZE, bold=True, reuse_first=True)
    for cell in header:
        middle(cell)
    for table_row, row in zip(grid.rows[1:], annex.rows, strict=True):
        _row(table_row.cells, row)
    repeat_header(grid)
    cant_split(grid)
