"""The draft resolution in the NĐ 30 layout of a Nghị quyết (Mẫu 1.1)."""

from __future__ import annotations

import io

from docx import Document

from kehoach.core import Plan
from kehoach.core.reportsettings import default_settings
from kehoach.reports.documentdocx import docx_bytes
from kehoach.reports.model import BlockKind
from kehoach.reports.resolutionbuilder import LAW_2025, ResolutionInput, build_resolution
from tests.reports.conftest import WARD


def test_the_structure(seed_plan: Plan) -> None:
    model = build_resolution(ResolutionInput(seed_plan, WARD, 2025, default_settings(WARD)))
    head = model.letterhead
    assert (head.issuer, head.number, head.doc_type, head.draft) == (
        ("HỘI ĐỒNG NHÂN DÂN", "PHƯỜNG 1"),
        "Số:       /NQ-HĐND",
        "NGHỊ QUYẾT",
        True,
    )
    assert head.subject.replace("\u00a0", " ") == "Về kế hoạch phát triển kinh tế - xã hội năm 2025"
    assert head.place_date == "Phường 1, ngày       tháng       năm 2024"
    texts = [(b.kind, b.lead, b.text) for b in model.body]
    centred = [t for k, _, t in texts if k is BlockKind.CENTERED]
    assert centred == ["HỘI ĐỒNG NHÂN DÂN PHƯỜNG 1", "KHÓA IX, KỲ HỌP THỨ …", "QUYẾT NGHỊ:"]
    bases = [t for k, _, t in texts if k is BlockKind.BASIS]
    assert bases[0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015")
    assert bases[-1].startswith("Xét Tờ trình số") and bases[-1].endswith("tại kỳ họp.")
    assert [lead for _, lead, _ in texts if lead.startswith("Điều")] == ["Điều 1. ", "Điều 2. ", "Điều 3. "]
    indicators = [t for k, _, t in texts if k is BlockKind.BULLET and t.startswith("(")]
    assert len(indicators) == len(seed_plan.indicators)
    assert (
        indicators[0].endswith(".") and indicators[1].endswith(";") and indicators[-1].endswith(".")
    )  # a list per group
    assert any("Tỷ lệ hộ nghèo giảm còn …%" in t for t in indicators)
    assert texts[-1][2].endswith("có hiệu lực kể từ ngày thông qua./.")
    assert model.signature.authority == ("TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH")


def test_after_july_2025_the_new_local_government_law_is_cited(seed_plan: Plan) -> None:
    model = build_resolution(ResolutionInput(seed_plan, WARD, 2026, default_settings(WARD)))
    bases = [b.text for b in model.body if b.kind is BlockKind.BASIS]
    assert bases[0] == f"Căn cứ {LAW_2025};"
    assert not any("năm 2015" in b for b in bases)
    assert model.letterhead.place_date.endswith("năm 2025")


def test_the_docx_has_the_draft_mark_and_no_annex(seed_plan: Plan) -> None:
    model = build_resolution(ResolutionInput(seed_plan, WARD, 2025, default_settings(WARD)))
    document = Document(io.BytesIO(docx_bytes(model)))
    assert document.paragraphs[0].text == "DỰ THẢO"
    assert len(document.sections) == 1
    assert document.tables[0].rows[0].cells[0].text.split("\n")[:2] == ["HỘI ĐỒNG NHÂN DÂN", "PHƯỜNG 1"]
