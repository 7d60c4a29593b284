"""Files that cannot be read give one line of Vietnamese naming the file, never a traceback."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from kehoach.parsing.readers import ReadError, read_bytes, read_document


def read_error(data: bytes, filename: str) -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, filename)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{filename}: ")
    assert caught.value.__cause__ is None  # library exceptions are not chained into the report
    return message


def test_missing_file(tmp_path):
    path = tmp_path / "nq.txt"
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: không tìm thấy tệp"


def test_directory(tmp_path):
    with pytest.raises(ReadError, match="thư mục"):
        read_document(tmp_path)


def test_relative_name_is_reported_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "du-thao.docx").write_bytes(b"")
    with pytest.raises(ReadError) as caught:
        read_document("du-thao.docx")
    assert str(caught.value) == "du-thao.docx: tệp rỗng"


@pytest.mark.parametrize("name", ["nq.txt", "du-thao.docx", "nq.pdf", "nq"])
@pytest.mark.parametrize("data", [b"", b"  \r\n\t \n"], ids=["zero-bytes", "whitespace"])
def test_empty_files(name, data):
    assert read_error(data, name) == f"{name}: tệp rỗng"


def test_whitespace_only_utf16_file_is_empty():
    assert "tệp rỗng" in read_error("\ufeff   \r\n  ".encode("utf-16"), "nq.txt")


def test_corrupt_docx_that_is_not_a_zip():
    assert "tệp DOCX bị hỏng" in read_error(b"this is not a zip archive at all", "nq.docx")


def test_truncated_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 200)
    assert "tệp DOCX bị hỏng" in read_error(buffer.getvalue()[:120], "nq.docx")


def test_docx_with_broken_xml():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document")
    assert "tệp DOCX bị hỏng" in read_error(buffer.getvalue(), "nq.docx")


def test_zip_that_is_not_a_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "không phải văn bản DOCX" in read_error(buffer.getvalue(), "bang.zip")
    assert "tệp DOCX bị hỏng" in read_error(buffer.getvalue(), "bang.docx")


def test_old_word_document():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4
    assert ".doc" in read_error(data, "nq.doc")


def test_rtf():
    assert "RTF" in read_error(rb"{\rtf1\ansi Nghi quyet}", "nq.rtf")


def test_corrupt_pdf():
    assert "tệp PDF bị hỏng" in read_error(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "nq.pdf")


def test_pdf_name_without_pdf_content():
    assert "tệp PDF bị hỏng" in read_error(b"Nghi quyet so 74", "nq.pdf")


@pytest.mark.parametrize("name", ["nq.txt", "nq", "nq.dat"])
def test_random_binary(name):
    data = random.Random(7).randbytes(4096)
    assert "không phải văn bản" in read_error(data, name)


def test_binary_without_zero_bytes():
    data = bytes(b for b in random.Random(3).randbytes(6000) if b)[:4000]
    message = read_error(data, "nq.txt")
    assert "không phải văn bản" in message or "bảng mã" in message


def test_eight_bit_text_in_no_known_encoding():
    # Cyrillic in Windows-1251: not UTF-8 and no Vietnamese reading of it makes sense
    data = "Постановление о плане социально-экономического развития на 2024 год".encode("cp1251")
    assert "không nhận ra bảng mã" in read_error(data, "nq.txt")


def test_utf16_with_odd_length_is_reported():
    data = b"\xff\xfe" + "Nghị quyết".encode("utf-16-le") + b"\x00"
    assert "UTF-16" in read_error(data, "nq.txt")
