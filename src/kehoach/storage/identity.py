"""Keys that identify a document regardless of case, spacing and tone placement."""

from __future__ import annotations

from kehoach.core.plan import Document
from kehoach.core.text import fold


def _squash(text: str) -> str:
    return " ".join(fold(text).split())


def number_key(number: str | None) -> str | None:
    """ "74/NQ-HĐND" and "74 / nq-hđnd" give the same key."""
    if number is None or not number.strip():
        return None
    return "".join(fold(number).split())


def identity_key(document: Document) -> str | None:
    """Number, issuer and date together; None when any of them is unknown."""
    number = number_key(document.number)
    if number is None or not document.issuer or not document.issuer.strip() or document.date is None:
        return None
    return f"{number}|{_squash(document.issuer)}|{document.date.isoformat()}"
