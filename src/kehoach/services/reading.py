"""Reading a resolution file into a draft plan, without storing it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kehoach.core.text import nfc
from kehoach.parsing import ParsedDocument, ReadError, parse_file
from kehoach.services.errors import InputError
from kehoach.services.files import describe_os_error


def read_plan(path: Path | str) -> ParsedDocument:
    """Read and parse a .txt/.docx/.pdf resolution; a bad file raises :class:`InputError`."""
    p = Path(path)
    try:
        return parse_file(p)
    except ReadError as exc:
        raise InputError(str(exc)) from exc
    except OSError as exc:
        raise InputError(describe_os_error(p, exc)) from exc


def normalize_text(text: str) -> str:
    """What readers give: NFC, ``\\n`` line ends."""
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def fingerprint(text: str) -> str:
    """sha256 of the normalized text: the same document gives the same fingerprint."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
