""".docx files (python-docx): body paragraphs and tables in document order, footnotes.

See :mod:`.docx_render` for how the text is laid out. Runs set in a legacy font
(".VnTime" for TCVN3, "VNI-Times" for VNI) are converted to Unicode when their text
reads better converted; what no font announces is left to the text-level detector.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from kehoach.parsing.readers.docx_render import render_blocks, render_notes
from kehoach.parsing.readers.docx_styles import Element, Numbering, StyleSheet
from kehoach.parsing.readers.docx_walk import Block, Para, Segment, Walker
from kehoach.parsing.readers.legacy import (
    DECODERS,
    LABELS,
    VNI_MODIFIERS,
    Encoding,
    check_decoded,
    convert_legacy_text,
    read_words,
    words_to_judge,
)
from kehoach.parsing.readers.legacy_tables import TCVN3_FONT_PREFIX, VNI_FONT_PREFIX, VNI_TONE_BASES
from kehoach.parsing.readers.normalize import finalize, is_blank
from kehoach.parsing.readers.source import ReadError, SourceText

_NOTE_KINDS = {RT.FOOTNOTES: ("footnote", "w:footnote"), RT.ENDNOTES: ("endnote", "w:endnote")}


def read_docx(data: bytes, filename: str) -> SourceText:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx and lxml raise many kinds for a damaged package
        raise ReadError(filename, "tệp DOCX bị hỏng, không mở được") from None
    try:
        text, encodings = _read(document, filename)
    except ReadError:
        raise
    except Exception:
        raise ReadError(filename, "tệp DOCX có cấu trúc không đọc được") from None
    if is_blank(text):
        raise ReadError(filename, "tệp rỗng (không có chữ nào trong văn bản)")
    converted = convert_legacy_text(text, filename)
    text = converted.text
    notes = [f"Đã chuyển từ bảng mã {LABELS[e]} sang Unicode" for e in sorted(encodings)]
    if converted.encoding and converted.note:
        if converted.encoding not in encodings:
            notes.append(converted.note)
        encodings.add(converted.encoding)
    if converted.warning:
        notes.append(converted.warning)
    encoding = "+".join(sorted(encodings)) or None
    return SourceText(finalize(text), "docx", encoding, notes)


def _read(document: Any, filename: str) -> tuple[str, set[Encoding]]:
    part = document.part
    styles = StyleSheet(_part_root(part, RT.STYLES))
    numbering = Numbering(_part_root(part, RT.NUMBERING))
    notes: dict[tuple[str, str], Element] = {}
    for reltype, (kind, tag) in _NOTE_KINDS.items():
        root = _part_root(part, reltype)
        if root is None:
            continue
        for note in root.iterfind(qn(tag)):
            if note.get(qn("w:type")) in (None, "normal"):
                notes[(kind, str(note.get(qn("w:id"))))] = note
    walker = Walker(styles, numbering, notes)
    body = walker.blocks(document.element.body)
    note_bodies = [(number, walker.blocks(notes[key])) for number, key in walker.note_order]
    paragraphs = list(_paragraphs(body))
    for _, blocks in note_bodies:
        paragraphs += _paragraphs(blocks)
    encodings = convert_legacy_fonts(paragraphs, filename)
    parts = render_blocks(body)
    if note_bodies:
        parts.append(render_notes(note_bodies))
    return "\n\n".join(parts) + "\n", encodings


def _part_root(part: Any, reltype: str) -> Element | None:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            return element if element is not None else parse_xml(target.blob)
    return None


def _paragraphs(blocks: list[Block]) -> Iterator[Para]:
    for block in blocks:
        if isinstance(block, Para):
            yield block
        else:
            for row in block.rows:
                for cell in row:
                    if cell is not None:
                        yield from _paragraphs(cell)


# --- legacy fonts --------------------------------------------------------------------------------


def font_encoding(font: str | None) -> Encoding | None:
    name = (font or "").strip().lower()
    if name.startswith(TCVN3_FONT_PREFIX):
        return "tcvn3"
    if name.startswith(VNI_FONT_PREFIX):
        return "vni"
    return None


def _capitals_font(font: str | None) -> bool:
    """TCVN3 fonts ending in "H" (".VnTimeH") draw every letter as a capital."""
    name = (font or "").strip()
    return name.lower().startswith(TCVN3_FONT_PREFIX) and name.endswith("H")


def _has_unicode_vietnamese(text: str) -> bool:
    return any(0x0100 <= ord(c) <= 0x01FF or 0x1EA0 <= ord(c) <= 0x1EF9 or 0x0300 <= ord(c) <= 0x0323 for c in text)


def convert_legacy_fonts(paragraphs: list[Para], filename: str) -> set[Encoding]:
    """Convert runs set in legacy fonts, per font family, when conversion reads better."""
    families: dict[Encoding, list[Segment]] = {"tcvn3": [], "vni": []}
    for para in paragraphs:
        _join_split_vni(para.segments)
        for segment in para.segments:
            encoding = font_encoding(segment.font)
            if encoding and not segment.note and not _has_unicode_vietnamese(segment.text):
                families[encoding].append(segment)
    converted: set[Encoding] = set()
    for encoding, segments in families.items():
        words = [w for s in segments for w in words_to_judge(s.text)]
        decode = DECODERS[encoding]
        if not words or read_words(encoding, words, decode).score <= read_words("unicode", words, str).score:
            continue
        for segment in segments:
            segment.text = decode(segment.text)
            if encoding == "tcvn3" and _capitals_font(segment.font):
                segment.text = segment.text.upper()
        check_decoded("\n".join(s.text for s in segments), LABELS[encoding], filename)
        converted.add(encoding)
    return converted


def _join_split_vni(segments: list[Segment]) -> None:
    """A VNI letter split over two runs (vowel | modifier) is put back into the first run."""
    for first, second in pairwise(segments):
        if (
            font_encoding(first.font) == "vni"
            and font_encoding(second.font) == "vni"
            and first.text[-1:] in VNI_TONE_BASES
            and second.text[:1] in VNI_MODIFIERS
        ):
            first.text += second.text[0]
            second.text = second.text[1:]
