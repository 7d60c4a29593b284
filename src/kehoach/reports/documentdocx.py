"""A view model (reports.model) as a DOCX file in the NĐ 30 format: header, body, signature,
and for a report its charts and its annex in a landscape section.

Body text (Phụ lục I, Phần I, Mục I and II.6): 14 pt, justified, first line indented
12,7 mm, 6 pt after each paragraph, line spacing 1,15; headings "I. …" upper case bold,
"1. …" bold; the page number in the top margin from page 2 on.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from kehoach.reports.annexdocx import add_annex
from kehoach.reports.charts import chart_png
from kehoach.reports.docxbase import (
    page_numbers,
    paragraph,
    setup_document,
    setup_section,
    style_run,
    text_width_mm,
)
from kehoach.reports.letterhead import add_letterhead
from kehoach.reports.model import Block, BlockKind, ChartData, ReportModel
from kehoach.reports.signature import add_signature

INDENT_MM = 12.7
AFTER = 6
LINE = 1.15
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
CHART_WIDTH_MM = 150


def _body_paragraph(document: DocumentObject, block: Block, *, italic: bool = False, prefix: str = "") -> None:
    para = paragraph(document, align=JUSTIFY, first_line_mm=INDENT_MM, after=AFTER, line=LINE)
    if block.lead:
        style_run(para.add_run(block.lead), bold=True, italic=italic)
    style_run(para.add_run(prefix + block.text), italic=italic)


def _heading(document: DocumentObject, block: Block) -> None:
    italic = block.level >= 3
    paragraph(
        document,
        block.text,
        bold=True,
        italic=italic,
        align=JUSTIFY,
        first_line_mm=INDENT_MM,
        before=6 if block.level == 1 else 0,
        after=AFTER,
        line=LINE,
        keep_next=True,
    )


def _chart(document: DocumentObject, block: Block, charts: tuple[ChartData, ...]) -> None:
    chart = charts[block.chart]
    para = paragraph(document, before=6, keep_next=True)
    para.add_run().add_picture(io.BytesIO(chart_png(chart)), width=Mm(CHART_WIDTH_MM))
    paragraph(document, block.text, 13, italic=True, after=AFTER + 3)


def add_blocks(document: DocumentObject, blocks: tuple[Block, ...], charts: tuple[ChartData, ...] = ()) -> None:
    for block in blocks:
        kind = block.kind
        if kind is BlockKind.HEADING:
            _heading(document, block)
        elif kind is BlockKind.TEXT:
            _body_paragraph(document, block)
        elif kind is BlockKind.BULLET:
            _body_paragraph(document, block, prefix="- ")
        elif kind is BlockKind.PLACEHOLDER or kind is BlockKind.BASIS:
            _body_paragraph(document, block, italic=True)
        elif kind is BlockKind.CENTERED:
            paragraph(document, block.text, bold=True, before=6, after=AFTER, keep_next=True)
        elif kind is BlockKind.CHART:
            _chart(document, block, charts)


def build_docx(model: ReportModel) -> DocumentObject:
    document = Document()
    setup_document(document)
    section = document.sections[0]
    setup_section(section)
    page_numbers(section)
    assert abs(text_width_mm(section) - 165) < 0.5
    add_letterhead(document, model.letterhead)
    add_blocks(document, model.body, model.charts)
    paragraph(document, "", 6, after=6)
    add_signature(document, model.signature)
    if model.annex is not None:
        add_annex(document, model.annex)
    properties = document.core_properties
    properties.title = model.title[:250]
    properties.author = model.author
    properties.subject = model.letterhead.doc_type
    return document


def write_docx(model: ReportModel, target: Path | IO[bytes]) -> None:
    """Write ``model`` as a DOCX file (a path or a binary stream)."""
    document = build_docx(model)
    document.save(str(target) if isinstance(target, Path) else target)


def docx_bytes(model: ReportModel) -> bytes:
    buffer = io.BytesIO()
    write_docx(model, buffer)
    return buffer.getvalue()
