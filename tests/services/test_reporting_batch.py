"""One report per commune of a province's plan, in parallel, with progress; and next year's
draft resolution."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from kehoach.core.planjson import plan_to_json
from kehoach.reports.pdf import pdf_available
from kehoach.services import InputError, add_units, import_plan_json, record
from kehoach.services.reportingbatch import write_batch
from kehoach.services.reportingdraft import draft_resolution
from kehoach.storage import Database
from tests.services.conftest import KHOM, WARD_UNITS, small_plan


@pytest.fixture
def province(db: Database) -> int:
    add_units(db, WARD_UNITS)
    return import_plan_json(db, plan_to_json(small_plan()), unit_code="T9").plan_id


def test_one_docx_per_commune(db: Database, province: int, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = write_batch(
        db, province, "2024-H1", "docx", tmp_path / "out", workers=2, progress=lambda d, t, _: seen.append((d, t))
    )
    assert [p.name for p in result.files] == ["bao-cao-P9-2024-H1.docx", "bao-cao-X8-2024-H1.docx"]
    assert sorted(seen) == [(1, 2), (2, 2)]
    header = Document(str(result.files[1])).tables[0].rows[0].cells[0].text
    assert header.split("\n")[:2] == ["ỦY BAN NHÂN DÂN", "XÃ BÊN"]


def test_xlsx_annexes_too(db: Database, province: int, tmp_path: Path) -> None:
    result = write_batch(db, province, "2024-H1", "xlsx", tmp_path / "out", workers=1)
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"phu-luc-P9-2024-H1.xlsx", "phu-luc-X8-2024-H1.xlsx"}
    assert len(result.files) == 2


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice (soffice) is not installed here; .ci/run installs it")
def test_pdf_by_libreoffice_in_chunks(db: Database, province: int, tmp_path: Path) -> None:
    result = write_batch(db, province, "2024-H1", "pdf", tmp_path / "out", workers=2)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["bao-cao-P9-2024-H1.pdf", "bao-cao-X8-2024-H1.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.files)


def test_a_ward_plan_reports_on_its_khom(db: Database, tmp_path: Path) -> None:
    add_units(db, WARD_UNITS)
    plan = import_plan_json(db, plan_to_json(small_plan()), unit_code="P9").plan_id
    result = write_batch(db, plan, "2024-H1", "docx", tmp_path, workers=1)
    assert [p.name for p in result.files] == [f"bao-cao-{code}-2024-H1.docx" for code in KHOM]
    text = "\n".join(p.text for p in Document(str(result.files[0])).paragraphs)
    # the ward's sum, unit-only and graded targets are not the khóm's own: counted apart, not "chưa có số liệu"
    assert "3 chỉ tiêu chung của đơn vị cấp trên, không giao riêng" in text


def test_a_bad_folder_is_said_plainly(db: Database, province: int, tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    with pytest.raises(InputError, match="tep"):
        write_batch(db, province, "2024-H1", "docx", blocker / "con", workers=1)


def test_the_draft_proposes_from_this_years_results(db: Database, province: int) -> None:
    for code in KHOM:
        record(db, province, "5.1", code, "2024-06", numerator=95, denominator=100, who="Lan")
    draft = draft_resolution(db, province, 2025)
    assert draft.based_on is not None and draft.based_on.code == "2024-H1"  # months 1-6
    texts = [b.text for b in draft.model.body]
    assert any("Tỷ lệ tham gia bảo hiểm y tế đạt 95% (đề xuất)" in t for t in texts)
    assert draft.model.letterhead.subject.replace("\u00a0", " ") == "Về kế hoạch phát triển kinh tế - xã hội năm 2025"
    assert draft.model.letterhead.number == "Số:       /NQ-HĐND"
    blank = draft_resolution(db, province, 2025, propose=False)
    assert any("Tỷ lệ tham gia bảo hiểm y tế đạt …%" in b.text for b in blank.model.body)
    with pytest.raises(InputError, match="phải sau năm kế hoạch 2024"):
        draft_resolution(db, province, 2024)
