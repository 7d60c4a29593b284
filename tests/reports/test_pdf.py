"""DOCX -> PDF by LibreOffice, several files per call, each call with its own profile."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from docx import Document

from kehoach.reports.pdf import PdfError, convert_to_pdf, pdf_available

needs_pdf = pytest.mark.skipif(
    not pdf_available(), reason="LibreOffice (soffice) is not installed here; .ci/run installs it so CI runs this"
)


def _docx(path: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def test_without_libreoffice_the_error_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHOACH_SOFFICE", str(tmp_path / "khong-co"))
    with pytest.raises(PdfError, match="libreoffice-writer-nogui fonts-liberation2"):
        convert_to_pdf([_docx(tmp_path / "a.docx", "x")], tmp_path)


@needs_pdf
def test_parallel_calls_each_convert_their_files(tmp_path: Path) -> None:
    batches = [[_docx(tmp_path / f"{b}-{n}.docx", f"Tỷ lệ hộ nghèo {b}.{n}") for n in range(2)] for b in range(2)]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda files: convert_to_pdf(files, tmp_path / "pdf"), batches))
    assert [[p.name for p in r] for r in results] == [["0-0.pdf", "0-1.pdf"], ["1-0.pdf", "1-1.pdf"]]
    assert all(p.read_bytes().startswith(b"%PDF") for r in results for p in r)


@needs_pdf
def test_a_file_libreoffice_cannot_load_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PdfError, match=r"LibreOffice không xuất được PDF \(khong-co\.pdf\)"):
        convert_to_pdf([tmp_path / "khong-co.docx"], tmp_path / "pdf")
