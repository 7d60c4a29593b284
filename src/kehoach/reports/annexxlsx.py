"""The annex alone as an XLSX workbook: one sheet "Phụ lục" with the title block, the header
row and one row per group and target, numbers as numbers.

- A figure cell holds the number shown in the report (rounded half up, two decimals at
  most; TH/KH % and TH/cùng kỳ % to one), written as a Decimal (openpyxl stores it exactly
  as text in the file), with a format of its own places ("#,##0", "#,##0.0", "#,##0.00"):
  Excel and LibreOffice show "1.246,7" under a Vietnamese locale. A cell that has no figure
  holds the text "–"; grades and plan values ("≥ 97,5") are text.
- Printing: A4 landscape, fitted to the page width, the header row repeated, Times New Roman.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kehoach.reports.model import Annex, AnnexCell, AnnexColumn, AnnexRow

SHEET = "Phụ lục"
FONT = "Times New Roman"
HEADER_ROW = 5
# Column widths in characters: STT, Chỉ tiêu, then the annex columns in order.
WIDTHS: tuple[float, ...] = (
    7,
    46,
    *(28 if c is AnnexColumn.NOTE else 17 if c is AnnexColumn.ASSESSMENT else 13 for c in AnnexColumn),
)
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")


def number_format(places: int) -> str:
    return "#,##0" if places <= 0 else "#,##0." + "0" * places


def _put(sheet: Worksheet, row: int, column: int, cell: AnnexCell, *, bold: bool = False) -> None:
    target = sheet.cell(row=row, column=column)
    if cell.value is not None:
        target.value = cell.value
        target.number_format = number_format(cell.places)
        target.alignment = RIGHT
    else:
        target.value = cell.text
        target.alignment = CENTER
    target.font = Font(name=FONT, size=11, bold=bold)
    target.border = BOX


def _row(sheet: Worksheet, at: int, row: AnnexRow) -> None:
    _put(sheet, at, 1, AnnexCell(row.number), bold=row.is_group)
    name = sheet.cell(row=at, column=2, value=row.name)
    name.font = Font(name=FONT, size=11, bold=row.is_group)
    name.alignment = LEFT
    name.border = BOX
    for offset, column in enumerate(AnnexColumn, start=3):
        cell = row.cell(column)
        if column is AnnexColumn.PLAN or column is AnnexColumn.NOTE:
            cell = AnnexCell(cell.text)  # plan values keep their sign ("≥ 97,5"): text
        _put(sheet, at, offset, cell)
        if column is AnnexColumn.NOTE:
            sheet.cell(row=at, column=offset).alignment = LEFT
    if row.is_group:
        for position in range(1, 3 + len(AnnexColumn)):
            sheet.cell(row=at, column=position).fill = GROUP_FILL


def annex_workbook(annex: Annex, issuer: str = "") -> Workbook:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    last = 2 + len(AnnexColumn)
    letter = get_column_letter(last)
    for line, (text, size, bold, italic) in enumerate(
        (
            (annex.label, 13, True, False),
            (annex.title, 13, True, False),
            (annex.subtitle, 11, False, True),
        ),
        start=1,
    ):
        sheet.merge_cells(f"A{line}:{letter}{line}")
        cell = sheet.cell(row=line, column=1, value=text)
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
        cell.alignment = CENTER
    headers = ["STT", "Chỉ tiêu", *(annex.headers[c] for c in AnnexColumn)]
    for position, text in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=position, value=text)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.alignment = CENTER
        cell.border = BOX
    sheet.row_dimensions[HEADER_ROW].height = 48
    for at, annex_row in enumerate(annex.rows, start=HEADER_ROW + 1):
        _row(sheet, at, annex_row)
    for position, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = annex.title
    book.properties.creator = issuer or "kehoach"
    return book


def write_annex_xlsx(annex: Annex, target: Path | IO[bytes], issuer: str = "") -> None:
    annex_workbook(annex, issuer).save(target)
