"""Readers: a file (.txt, .docx, .pdf) -> normalized Unicode text (NFC, "\n" line ends).

Interface (owned by the readers module; other layers use only this):

    read_document(path) -> SourceText
    read_bytes(data, filename) -> SourceText
    ReadError  -- one-line Vietnamese message naming the file

The format is taken from the content when the content says it (a PDF starts with
"%PDF", a .docx is a ZIP holding word/document.xml), else from the extension; anything
else is read as text.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kehoach.parsing.readers.source import ReadError, SourceText

__all__ = ["ReadError", "SourceText", "read_bytes", "read_document"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc (and .xls, .ppt)
_FORMAT_NAMES = {"pdf": "PDF", "docx": "DOCX", "txt": "văn bản thường"}


def read_bytes(data: bytes, filename: str) -> SourceText:
    """Read a file's content; ``filename`` names it in errors and gives its extension."""
    if not data.strip():
        raise ReadError(filename, "tệp rỗng")
    ext = Path(filename).suffix.lower()
    content = _sniff(data, ext)
    if content == "pdf":
        from kehoach.parsing.readers.pdf import read_pdf

        return _with_mismatch_note(read_pdf(data, filename), ext)
    if content == "zip":
        if _is_docx(data):
            from kehoach.parsing.readers.docx_reader import read_docx

            return _with_mismatch_note(read_docx(data, filename), ext)
        if ext == ".docx":
            raise ReadError(filename, "tệp DOCX bị hỏng, không mở được (thiếu phần nội dung word/document.xml)")
        raise ReadError(filename, "tệp nén ZIP không phải văn bản DOCX")
    if content == "ole":
        raise ReadError(filename, "tệp Word cũ (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu lại dưới dạng .docx")
    if content == "rtf":
        raise ReadError(filename, "tệp RTF chưa được hỗ trợ; hãy lưu lại dưới dạng .docx")
    if ext == ".docx":
        raise ReadError(filename, "tệp DOCX bị hỏng, không mở được (không phải tệp nén DOCX)")
    if ext == ".pdf":
        raise ReadError(filename, "tệp PDF bị hỏng, không đọc được (thiếu phần đầu %PDF)")
    from kehoach.parsing.readers.txt import read_txt

    return _with_mismatch_note(read_txt(data, filename), ext)


def read_document(path: Path | str) -> SourceText:
    """Read a file from disk (see :func:`read_bytes`)."""
    name = str(path)
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(name, "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise ReadError(name, "đây là thư mục, không phải tệp") from None
    except PermissionError:
        raise ReadError(name, "không có quyền đọc tệp") from None
    except OSError:
        raise ReadError(name, "không đọc được tệp") from None
    return read_bytes(data, name)


def _sniff(data: bytes, ext: str) -> str | None:
    if data.startswith(b"%PDF-") or (ext == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    if data.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return None


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except Exception:  # zipfile raises several kinds for a damaged archive
        return False


def _with_mismatch_note(source: SourceText, ext: str) -> SourceText:
    expected = {".pdf": "pdf", ".docx": "docx", ".txt": "txt"}.get(ext)
    if expected and expected != source.format:
        source.notes.append(f"Tệp có đuôi {ext} nhưng nội dung là {_FORMAT_NAMES[source.format]}; đã đọc theo nội dung")
    return source
