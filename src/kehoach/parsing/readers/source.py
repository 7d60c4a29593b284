"""The result of reading a file, and the error raised when a file cannot be read."""

from __future__ import annotations

from dataclasses import dataclass, field


class ReadError(Exception):
    """The file is missing, empty, unreadable or in an encoding we cannot convert.

    The message is one line of Vietnamese that starts with the file's name.
    """

    def __init__(self, filename: str, reason: str | None = None) -> None:
        if reason is None:  # ReadError("nq.txt: …"): a ready-made message
            filename, _, reason = str(filename).partition(": ")
        name = " ".join(str(filename).split()) or "(không tên)"
        message = " ".join(f"{name}: {reason}".split())
        super().__init__(message)
        self.filename = name
        self.reason = reason


@dataclass
class SourceText:
    text: str
    format: str  # "txt" | "docx" | "pdf"
    encoding: str | None = None  # what the bytes were: "utf-8", "utf-16", "tcvn3", "vni" …
    notes: list[str] = field(default_factory=list)  # Vietnamese notes (e.g. "Đã chuyển từ bảng mã TCVN3 …")
