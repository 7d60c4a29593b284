"""The NĐ 30 header (Phụ lục I, Mục IV): a borderless two-column table, the issuing body on
the left over a short rule and the number, the Quốc hiệu and Tiêu ngữ on the right over a
rule as long as the Tiêu ngữ and the place and date line; then the document type and the
subject (trích yếu), centred, over a short rule.

Sizes (Mục II and the "Mẫu chữ" table): issuer 13 bold upper case, Quốc hiệu 13 bold, Tiêu
ngữ 14 bold, "Số:" 13, place and date 14 italic, document type 14 bold, subject 14 bold.
Column widths 62 + 103 mm: the 13 pt Quốc hiệu (95 mm in Times New Roman bold) stays on one
line; the table fills the 165 mm text width with no cell padding, so each line is centred on
its own column.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from kehoach.reports.docxbase import _PPR_AFTER_BORDER, paragraph, rule, table
from kehoach.reports.model import Letterhead

LEFT_MM = 62.0
RIGHT_MM = 103.0
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
ISSUER_SIZE = 13
NATIONAL_SIZE = 13
MOTTO_SIZE = 14
NUMBER_SIZE = 13
DATE_SIZE = 14
TITLE_SIZE = 14
MOTTO_RULE_MM = 60.0  # the Tiêu ngữ at 14 pt bold is about 60 mm long
ISSUER_RULE_MM = 22.0
SUBJECT_RULE_MM = 50.0


def draft_mark(document: DocumentObject) -> None:
    """ "DỰ THẢO" in a box at the top right, above the header."""
    para = paragraph(document, "DỰ THẢO", 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    para.paragraph_format.left_indent = Mm(135)
    ppr = para._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "2"), ("w:color", "000000")):
            edge.set(qn(name), value)
        border.append(edge)
    ppr.insert_element_before(border, *_PPR_AFTER_BORDER)


def add_letterhead(document: DocumentObject, head: Letterhead) -> None:
    if head.draft:
        draft_mark(document)
    grid = table(document, (LEFT_MM, RIGHT_MM), rows=2)
    left, right = grid.rows[0].cells
    first = True
    for line in head.parent:
        paragraph(left, line, ISSUER_SIZE, reuse_first=first)
        first = False
    for line in head.issuer:
        paragraph(left, line, ISSUER_SIZE, bold=True, reuse_first=first)
        first = False
    rule(left, ISSUER_RULE_MM, LEFT_MM)
    paragraph(right, NATIONAL_NAME, NATIONAL_SIZE, bold=True, reuse_first=True)
    paragraph(right, MOTTO, MOTTO_SIZE, bold=True)
    rule(right, MOTTO_RULE_MM, RIGHT_MM)
    number, place = grid.rows[1].cells
    paragraph(number, head.number, NUMBER_SIZE, before=6, reuse_first=True)
    paragraph(place, head.place_date, DATE_SIZE, italic=True, before=6, reuse_first=True)
    paragraph(document, head.doc_type, TITLE_SIZE, bold=True, before=18, keep_next=True)
    paragraph(document, head.subject, TITLE_SIZE, bold=True, keep_next=True)
    rule(document, SUBJECT_RULE_MM, LEFT_MM + RIGHT_MM)
    paragraph(document, "", 6, after=6)
