"""Readers: a file (.txt, .docx, .pdf) -> normalized Unicode text (NFC, "\n" line ends).

Interface (owned by the readers module; other layers use only this):

    read_document(path) -> SourceText
    read_bytes(data, filename) -> SourceText
    ReadError  -- one-line Vietnamese message naming the file
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ReadError(Exception):
    """The file is missing, empty, unreadable or in an encoding we cannot convert."""


@dataclass
class SourceText:
    text: str
    format: str  # "txt" | "docx" | "pdf"
    encoding: str | None = None  # what the bytes were: "utf-8", "utf-16", "tcvn3", "vni" …
    notes: list[str] = field(default_factory=list)  # Vietnamese notes (e.g. "đã chuyển từ mã TCVN3")


def read_bytes(data: bytes, filename: str) -> SourceText:
    raise ReadError(f"{filename}: chưa hỗ trợ đọc tệp này")


def read_document(path: Path | str) -> SourceText:
    p = Path(path)
    if not p.exists():
        raise ReadError(f"{p}: không tìm thấy tệp")
    return read_bytes(p.read_bytes(), p.name)
