"""Parsing: files -> normalized text -> outline -> draft Plan (every extraction with its span).

Public interface:
    parse_text(text) -> Plan          (never raises)
    parse_file(path) -> ParsedDocument (raises readers.ReadError for a bad file)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kehoach.core.plan import Plan
from kehoach.parsing.readers import ReadError, SourceText, read_document


@dataclass
class ParsedDocument:
    plan: Plan
    source: SourceText


def parse_text(text: str) -> Plan:
    from kehoach.parsing.resolution import parse_resolution

    return parse_resolution(text)


def parse_file(path: Path | str) -> ParsedDocument:
    source = read_document(path)
    return ParsedDocument(plan=parse_text(source.text), source=source)


__all__ = ["ParsedDocument", "ReadError", "SourceText", "parse_file", "parse_text"]
