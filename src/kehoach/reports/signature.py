"""The foot of a document (NĐ 30, Phụ lục I, Mục IV): a borderless two-column table with the
recipients on the left ("Nơi nhận:" 12 pt bold italic, each recipient "- …;" in 11 pt, the
last one ending with ".") and the signature on the right (quyền hạn and chức vụ 14 pt bold
upper case, room to sign and stamp, the signer's name 14 pt bold)."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH

from kehoach.reports.docxbase import paragraph, table
from kehoach.reports.model import SignatureBlock

LEFT_MM = 70.0
RIGHT_MM = 95.0
SIGNING_LINES = 4  # room for the signature and the seal


def recipient_lines(recipients: tuple[str, ...]) -> list[str]:
    """ "- Thường trực HĐND phường;" … "- Lưu: VT, VP." """
    items = [r.strip().rstrip(";.").strip() for r in recipients if r.strip()]
    return [f"- {item}{'.' if n == len(items) - 1 else ';'}" for n, item in enumerate(items)]


def add_signature(document: DocumentObject, block: SignatureBlock) -> None:
    grid = table(document, (LEFT_MM, RIGHT_MM), rows=1)
    left, right = grid.rows[0].cells
    paragraph(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, reuse_first=True)
    for line in recipient_lines(block.recipients):
        paragraph(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    first = True
    for line in block.authority:
        paragraph(right, line, 14, bold=True, reuse_first=first)
        first = False
    for _ in range(SIGNING_LINES):
        paragraph(right, "", 14)
    paragraph(right, block.signer, 14, bold=True, before=12)
