"""The report as DOCX in the NĐ 30 format: A4, margins, Times New Roman, the header table,
the rules, page numbers from page 2, the signature block, the annex in a landscape section."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table

from kehoach.core import Plan, UnitLevel
from kehoach.core.reportsettings import default_settings
from kehoach.reports.documentdocx import docx_bytes
from kehoach.reports.facts import TargetFacts
from kehoach.reports.model import ReportModel
from kehoach.reports.reportbuilder import ReportInput, build_report
from tests.reports.conftest import WARD, make_facts

FIGURES = {"4.1": Decimal("97.8123"), "3.1": Decimal("0.2237"), "1.1": Decimal("52.3")}


@pytest.fixture
def model(seed_plan: Plan) -> ReportModel:
    facts: list[TargetFacts] = []
    for key, target in seed_plan.keyed_targets():
        figures = {"2024-H1": {"value": FIGURES[key]}} if key in FIGURES else {}
        facts.append(make_facts(target, "2024-H1", figures, key=key))
    data = ReportInput(
        plan=seed_plan,
        unit=WARD,
        period=facts[0].evaluation.period,
        facts=tuple(facts),
        settings=default_settings(WARD),
        narratives={"phuong-huong": "Tập trung thu ngân sách.\nĐẩy mạnh cải cách hành chính."},
    )
    return build_report(data)


@pytest.fixture
def document(model: ReportModel) -> DocumentObject:
    return Document(io.BytesIO(docx_bytes(model)))


def _mm(length: object) -> float:
    return round(int(length) / 36000, 1)  # type: ignore[call-overload]


def test_a4_portrait_with_nd30_margins(document: DocumentObject) -> None:
    first = document.sections[0]
    assert (_mm(first.page_width), _mm(first.page_height)) == (210, 297)
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert 20 <= _mm(first.top_margin) <= 25 and 20 <= _mm(first.bottom_margin) <= 25
    assert 30 <= _mm(first.left_margin) <= 35 and 15 <= _mm(first.right_margin) <= 20


def test_the_annex_is_a_landscape_section_numbered_on_its_own(document: DocumentObject) -> None:
    annex = document.sections[-1]
    assert len(document.sections) == 2
    assert annex.orientation == WD_ORIENT.LANDSCAPE
    assert (_mm(annex.page_width), _mm(annex.page_height)) == (297, 210)
    assert annex._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_page_numbers_in_the_header_but_not_on_page_one(document: DocumentObject) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def _header(document: DocumentObject) -> Table:
    return document.tables[0]


def test_the_header_is_a_borderless_two_column_table(document: DocumentObject) -> None:
    table = _header(document)
    assert len(table.columns) == 2
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert [round(w / 56.7) for w in widths] == [62, 103]  # twips to mm
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def _runs(cell: object) -> list[tuple[str, float, bool, bool]]:
    found = []
    for paragraph in cell.paragraphs:  # type: ignore[attr-defined]
        for run in paragraph.runs:
            if run.text.strip():
                size = run.font.size.pt if run.font.size is not None else 14  # the Normal style's size
                found.append((run.text, size, bool(run.font.bold), bool(run.font.italic)))
    return found


def test_the_header_texts_fonts_and_sizes(document: DocumentObject) -> None:
    table = _header(document)
    left, right = table.rows[0].cells
    assert _runs(left) == [("ỦY BAN NHÂN DÂN", 13, True, False), ("PHƯỜNG 1", 13, True, False)]
    assert _runs(right) == [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False),
        ("Độc lập - Tự do - Hạnh phúc", 14, True, False),
    ]
    number, place = table.rows[1].cells
    assert _runs(number) == [("Số:       /BC-UBND", 13, False, False)]
    assert _runs(place) == [("Phường 1, ngày       tháng       năm 2024", 14, False, True)]


def test_rules_under_the_issuer_the_motto_and_the_subject(document: DocumentObject) -> None:
    def rules(paragraphs: list) -> list[float]:  # type: ignore[type-arg]
        found = []
        for p in paragraphs:
            border = p._p.pPr.find(qn("w:pBdr")) if p._p.pPr is not None else None
            if border is not None and border.find(qn("w:bottom")) is not None:
                found.append(_mm(p.paragraph_format.left_indent))
        return found

    left, right = _header(document).rows[0].cells
    assert rules(left.paragraphs) == [20.0]  # a 22 mm rule centred in 62 mm
    assert rules(right.paragraphs) == [21.5]  # 60 mm, as long as the motto, centred in 103 mm
    assert rules(document.paragraphs) == [57.5, 106.0]  # under the subject (50 mm), and the annex subtitle


def test_fonts_are_times_new_roman_on_every_script(document: DocumentObject) -> None:
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(slot)) for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Times New Roman"}
    assert normal.font.size.pt == 14
    body_runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    assert {r.font.name for r in body_runs} == {None}  # every run inherits the Normal style's font


def test_title_subject_and_body_structure(document: DocumentObject) -> None:
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert "BÁO CÁO" in texts
    subject = texts[texts.index("BÁO CÁO") + 1].replace("\u00a0", " ")
    assert subject == (
        "Tình hình thực hiện Nghị quyết số 74/NQ-HĐND ngày 12/12/2023 của Hội đồng nhân dân Phường 1 "
        "về kế hoạch phát triển kinh tế - xã hội năm 2024, 6 tháng đầu năm 2024"
    )
    headings = [t for t in texts if t[:3] in ("I. ", "II.", "III", "IV.")]
    assert headings == [
        "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, CHỈ TIÊU",
        "II. ĐÁNH GIÁ CHUNG",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024",
    ]
    assert "- Tỷ lệ hộ nghèo còn 0,22%, chỉ tiêu Nghị quyết không quá 0,2%, có nguy cơ không đạt chỉ tiêu." in texts
    assert texts.index("Tập trung thu ngân sách.") > texts.index(headings[2])
    closing = [t for t in texts if t.endswith("./.")]
    assert len(closing) == 1 and closing[0].startswith("Trên đây là báo cáo")


def test_body_paragraphs_are_justified_and_indented(document: DocumentObject) -> None:
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Thực hiện Nghị quyết"))
    assert paragraph.paragraph_format.alignment == 3  # justify
    assert abs(paragraph.paragraph_format.first_line_indent - Mm(12.7)) < Mm(0.1)
    assert paragraph.paragraph_format.space_after.pt >= 6


def test_the_signature_block_and_recipients(document: DocumentObject) -> None:
    table = document.tables[1]
    left, right = table.rows[0].cells
    assert _runs(left)[0] == ("Nơi nhận:", 12, True, True)
    recipients = [text for text, size, _, _ in _runs(left)[1:]]
    assert recipients == [
        "- Thường trực HĐND phường;",
        "- Đại biểu HĐND phường;",
        "- Chủ tịch, các Phó Chủ tịch UBND phường;",
        "- Lưu: VT, VP.",
    ]
    assert {size for _, size, _, _ in _runs(left)[1:]} == {11}
    assert [t for t, *_ in _runs(right)] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_the_annex_table_has_one_row_per_target(document: DocumentObject, seed_plan: Plan) -> None:
    annex = document.tables[-1]
    header = [c.text for c in annex.rows[0].cells]
    assert header[:3] == ["STT", "Chỉ tiêu", "ĐVT"]
    assert header[3].startswith("KH năm 2024") and header[4] == "TH cùng kỳ năm 2023"
    assert header[5:] == [
        "TH 6 tháng đầu năm 2024",
        "Ước TH năm 2024",
        "TH/KH (%)",
        "TH/cùng kỳ (%)",
        "Đánh giá",
        "Ghi chú",
    ]
    targets = [row for row in annex.rows[1:] if row.cells[2].text]
    assert len(targets) == sum(1 for _ in seed_plan.keyed_targets())
    poverty = next(row for row in targets if row.cells[1].text == "Tỷ lệ hộ nghèo")
    assert [c.text for c in poverty.cells[2:10]] == [
        "%",
        "≤ 0,2",
        "–",
        "0,22",
        "0,22",
        "–",
        "–",
        "Có nguy cơ không đạt",
    ]
    assert annex.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_a_khom_report_comes_from_its_ban_dieu_hanh(seed_plan: Plan) -> None:
    from kehoach.core import OrgUnit

    khom = OrgUnit("W1-1", "Khóm 1", UnitLevel.KHOM, "W1")
    settings = default_settings(khom, WARD)
    assert settings.issuer == ("BAN ĐIỀU HÀNH", "KHÓM 1")
    assert settings.signature == ("TRƯỞNG KHÓM",)
    assert settings.recipients[0] == "Ủy ban nhân dân Phường 1"
