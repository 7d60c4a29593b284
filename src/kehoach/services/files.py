"""Reading and writing the user's files, with Vietnamese messages for what goes wrong."""

from __future__ import annotations

import errno
from pathlib import Path

from kehoach.services.errors import InputError

_OS_ERRORS = {
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.EISDIR: "là một thư mục, không phải tệp",
    errno.ENOTDIR: "đường dẫn không phải thư mục",
    errno.ENOSPC: "hết dung lượng đĩa",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
}


def describe_os_error(path: Path, exc: OSError) -> str:
    reason = _OS_ERRORS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    return f"{path}: {reason}"


def read_text_file(path: Path) -> str:
    """A UTF-8 text file (a BOM is allowed); the file must not be empty."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(describe_os_error(path, exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: không phải văn bản UTF-8") from exc
    if not text.strip():
        raise InputError(f"{path}: tệp rỗng")
    return text


def write_text_file(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(describe_os_error(path, exc)) from exc
