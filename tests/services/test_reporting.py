"""The report of the demo's Phường 1 for 2024-H1: every number matches ``kehoach status``, in
the DOCX, the annex XLSX and the PDF made by LibreOffice; page images go to test-artifacts/."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document
from openpyxl import load_workbook

from kehoach.core.numbers import format_vn_number, normalize_decimal
from kehoach.core.status import Status, round_half_up
from kehoach.reports.pdf import pdf_available
from kehoach.services import open_database, plan_status, status_to_dict
from kehoach.services.demo import DEMO_PERIOD, DEMO_UNIT, build_demo
from kehoach.services.reporting import ReportFormat, render, report_model, write_report
from kehoach.storage import Database

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
needs_pdf = pytest.mark.skipif(
    not pdf_available(), reason="LibreOffice (soffice) is not installed here; .ci/run installs it so CI runs this"
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    build_demo(database)
    yield database
    database.close()


@pytest.fixture(scope="module")
def status(demo_db: Database) -> dict[str, Any]:
    return status_to_dict(plan_status(demo_db, 1, DEMO_PERIOD))


def shown(value: Any, places: int = 2) -> str:
    """A status JSON number as the report prints it."""
    return format_vn_number(normalize_decimal(round_half_up(Decimal(str(value)), places)))


def test_every_annex_row_matches_the_status(demo_db: Database, status: dict[str, Any]) -> None:
    model = report_model(demo_db, 1, DEMO_PERIOD)
    assert model.annex is not None
    rows = {row.key: row for row in model.annex.target_rows}
    assert list(rows) == [t["key"] for t in status["targets"]]
    for target in status["targets"]:
        row = rows[target["key"]]
        assert row.status is Status(target["status"]), target["key"]
        actual = target["actual"]
        expected = "–" if actual is None else actual if isinstance(actual, str) else shown(actual)
        assert row.cells["actual"].text == expected, target["key"]
        pct = target["achievement_pct"]
        assert row.cells["pct_plan"].text == ("–" if pct is None else format_vn_number(Decimal(str(pct)), 1))
    assert rows["13.1"].cells["pct_plan"].text == "100,0"  # one decimal always, as "kehoach status" prints it


def test_the_counts_match_the_status(demo_db: Database, status: dict[str, Any]) -> None:
    model = report_model(demo_db, 1, DEMO_PERIOD)
    counts = {s: sum(1 for t in status["targets"] if t["status"] == s.value) for s in Status}
    sentence = next(b.text for b in model.body if b.text.startswith("Trong tổng số"))
    assert sentence.startswith(
        f"Trong tổng số {len(status['targets'])} chỉ tiêu của Nghị quyết, đến hết 6 tháng đầu năm 2024: "
    )
    assert f"{counts[Status.ON_TRACK]} chỉ tiêu đúng tiến độ" in sentence
    assert f"{counts[Status.AT_RISK]} chỉ tiêu có nguy cơ không đạt" in sentence
    assert f"{counts[Status.NO_DATA]} chỉ tiêu chưa có số liệu" in sentence
    start = next(n for n, b in enumerate(model.body) if b.text == "2. Các chỉ tiêu có nguy cơ không đạt") + 1
    end = next(n for n in range(start, len(model.body)) if model.body[n].kind.value != "bullet")
    assert end - start == counts[Status.AT_RISK]
    assert [c.title for c in model.charts] == [
        "Đánh giá các chỉ tiêu theo lĩnh vực",
        "Đánh giá các chỉ tiêu tỷ lệ theo từng khóm",
    ]
    by_group = sum(n for row in model.charts[0].counts for _, n in row)
    assert by_group == len(status["targets"])


def test_the_docx_file(demo_db: Database, tmp_path: Path) -> None:
    written = write_report(demo_db, 1, DEMO_PERIOD, "docx", tmp_path / "bao-cao.docx")
    document = Document(str(written.path))
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert any(
        t.startswith("Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,81%") for t in (x.removeprefix("- ") for x in texts)
    )
    annex = document.tables[-1]
    assert sum(1 for row in annex.rows[1:] if row.cells[2].text) == 25
    assert len(document.inline_shapes) == 2  # the two charts


def test_the_annex_xlsx(demo_db: Database) -> None:
    model = report_model(demo_db, 1, DEMO_PERIOD)
    sheet = load_workbook(io.BytesIO(render(model, ReportFormat.XLSX))).active
    assert sheet is not None
    statuses = [row[9].value for row in sheet.iter_rows(min_row=6) if row[2].value]
    assert len(statuses) == 25
    assert statuses.count("Có nguy cơ không đạt") == 6 and statuses.count("Chưa có số liệu") == 1


@needs_pdf
def test_the_pdf_holds_the_figures_of_the_status(demo_db: Database, status: dict[str, Any], tmp_path: Path) -> None:
    written = write_report(demo_db, 1, DEMO_PERIOD, "pdf", tmp_path / "bao-cao.pdf")
    with pdfplumber.open(str(written.path)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        first = pdf.pages[0]
        assert (round(first.width / 72 * 25.4), round(first.height / 72 * 25.4)) == (210, 297)
        last = pdf.pages[-1]
        assert last.width > last.height  # the annex is landscape
    text = " ".join(" ".join(pages).replace("\u00a0", " ").split())
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: /BC-UBND", "BÁO CÁO"):
        assert phrase in text
    assert "Phường 1, ngày tháng năm 2024" in text
    assert "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in text
    for target in status["targets"]:
        actual = target["actual"]
        if isinstance(actual, (int, float)) and not isinstance(actual, bool):
            assert shown(actual) in text, (target["key"], shown(actual))
    assert (
        "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,81%, chỉ tiêu Nghị quyết 97,5%, ước cả năm vượt chỉ tiêu." in text
    )
    assert "Tỷ lệ hộ nghèo còn 0,22%, chỉ tiêu Nghị quyết không quá 0,2%, có nguy cơ không đạt chỉ tiêu." in text
    _page_images(written.path, len(pages))


def _page_images(pdf: Path, pages: int) -> None:
    """Page 1 and the annex's first page as PNG in test-artifacts/, for people to look at."""
    if shutil.which("pdftoppm") is None:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    for page, name in ((1, "bao-cao-phuong-1-2024-H1-trang-1"), (pages, "bao-cao-phuong-1-2024-H1-phu-luc")):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(ARTIFACTS / name),
            ],
            check=True,
        )
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


@needs_pdf
def test_the_draft_resolution_pdf(demo_db: Database, tmp_path: Path) -> None:
    from kehoach.services.reportingdraft import write_draft_resolution

    written, draft = write_draft_resolution(demo_db, 1, 2025, tmp_path / "du-thao.pdf", "pdf")
    with pdfplumber.open(str(written.path)) as pdf:
        text = " ".join(" ".join(p.extract_text() or "" for p in pdf.pages).replace("\u00a0", " ").split())
    for phrase in (
        "DỰ THẢO",
        "NGHỊ QUYẾT",
        "Về kế hoạch phát triển kinh tế - xã hội năm 2025",
        "QUYẾT NGHỊ:",
        "Điều 1.",
        "Điều 2.",
        "Điều 3.",
        "TM. HỘI ĐỒNG NHÂN DÂN",
    ):
        assert phrase in text
    assert "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,8% (đề xuất)" in text
    assert draft.proposed > 10
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(exist_ok=True)
        target = ARTIFACTS / "du-thao-nghi-quyet-phuong-1-2025-trang-1"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(written.path), str(target)],
            check=True,
        )


def test_the_unit_defaults_to_the_plans(demo_db: Database) -> None:
    model = report_model(demo_db, 1, DEMO_PERIOD)
    assert model.letterhead.issuer == ("ỦY BAN NHÂN DÂN", "PHƯỜNG 1")
    khom = report_model(demo_db, 1, DEMO_PERIOD, f"{DEMO_UNIT}-03")
    assert khom.letterhead.issuer == ("BAN ĐIỀU HÀNH", "KHÓM 3")
    assert khom.letterhead.place_date.startswith("Phường 1, ngày")
