"""Plain-text files: find the encoding, decode, hand over to :func:`normalize.finalize`.

Order of the guesses: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a BOM
(recognised by its pattern of zero bytes); UTF-8; then, for 8-bit text, whichever of
Windows-1258, TCVN3, VNI and Windows-1252 reads as Vietnamese (see :mod:`.legacy`).
"""

from __future__ import annotations

import codecs
import unicodedata

from kehoach.parsing.readers.legacy import (
    LABELS,
    SEPARATORS,
    check_decoded,
    choose,
    convert_legacy_text,
    decode_lines,
    read_words,
    tcvn3_to_unicode,
    vni_to_unicode,
)
from kehoach.parsing.readers.normalize import finalize, is_blank, unify_line_ends
from kehoach.parsing.readers.source import ReadError, SourceText

_BOMS: list[tuple[bytes, str, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]

# Bytes 0x80-0x9F as Windows-1252 reads them where it defines them, else as Latin-1.
_CP1252_HIGH = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xA0)}
_BYTE_TO_CHAR = [chr(b) for b in range(0x80)] + [
    _CP1252_HIGH[b] if _CP1252_HIGH[b] != "\ufffd" else chr(b) for b in range(0x80, 0xA0)
]
_BYTE_TO_CHAR += [chr(b) for b in range(0xA0, 0x100)]
_CHAR_TO_BYTE = {c: b for b, c in enumerate(_BYTE_TO_CHAR)}
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f\v\x1a")


def read_txt(data: bytes, filename: str) -> SourceText:
    text, encoding, notes = decode_text(data, filename)
    if is_blank(text):
        raise ReadError(filename, "tệp rỗng")
    return SourceText(finalize(text), "txt", encoding, notes)


def decode_text(data: bytes, filename: str) -> tuple[str, str, list[str]]:
    """Bytes -> (text in NFC with "\\n" line ends, encoding name, notes)."""
    unicode = _decode_unicode(data, filename)
    if unicode is None:
        return _decode_8bit(data, filename)
    text, label, notes = unicode
    # Unicode can still hold legacy look-alikes: a ".VnTime" document saved by Word as
    # "Unicode text", or text pasted from one.
    converted = convert_legacy_text(text, filename)
    if converted.encoding and converted.note:
        return converted.text, converted.encoding, [*notes, converted.note]
    return text, label, [*notes, converted.warning] if converted.warning else notes


def _decode_unicode(data: bytes, filename: str) -> tuple[str, str, list[str]] | None:
    """UTF-8/16/32 text, or None when the bytes are not in a Unicode encoding."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, label, filename), label, []
    utf16 = _sniff_utf16(data)
    if utf16:
        return _strict(data, utf16, "utf-16", filename), "utf-16", ["Tệp dùng mã UTF-16 không có BOM"]
    if _looks_binary(data):
        raise ReadError(filename, "tệp không phải văn bản (dữ liệu nhị phân)")
    try:
        return _prepare(data.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is None:
        return None
    text, stray = repaired
    return text, "utf-8", [f"Tệp UTF-8 có {stray} byte không hợp lệ; đã đọc chúng theo bảng mã Windows-1252"]


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few stray bytes (a pasted "…" or "“" from an older editor).

    Returns the text, the stray bytes read as Windows-1252, and their count, when valid
    multi-byte characters clearly outnumber them; None when the file is not UTF-8.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    multibyte = sum(1 for c in text if not c.isascii() and not "\udc80" <= c <= "\udcff")
    if multibyte < 10 or stray > max(3, multibyte // 10):
        return None
    repaired = "".join(_BYTE_TO_CHAR[ord(c) - 0xDC00] if "\udc80" <= c <= "\udcff" else c for c in text)
    return _prepare(repaired), stray


def _prepare(text: str) -> str:
    return unicodedata.normalize("NFC", unify_line_ends(text))


def _strict(data: bytes, codec: str, label: str, filename: str) -> str:
    try:
        return _prepare(data.decode(codec))
    except UnicodeDecodeError:
        raise ReadError(filename, f"tệp mã {label.upper()} bị lỗi, không giải mã được") from None


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte of most characters is zero, always the same one."""
    half = len(data) // 2
    if half < 2 or b"\x00" not in data:
        return None
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    if zeros_odd >= 0.3 * half and zeros_even <= 0.05 * half:
        return "utf-16-le"
    if zeros_even >= 0.3 * half and zeros_odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    controls = sum(1 for b in data if b < 0x20 and b not in _ALLOWED_CONTROLS)
    return controls > max(2, len(data) // 100)


def _as_1258(word: str) -> str:
    raw = bytes(_CHAR_TO_BYTE[c] for c in word)
    return unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))


def _decode_8bit(data: bytes, filename: str) -> tuple[str, str, list[str]]:
    """Not UTF-8: Windows-1258, TCVN3, VNI or Windows-1252, whichever reads as Vietnamese."""
    chars = unify_line_ends("".join(_BYTE_TO_CHAR[b] for b in data))
    words = [w for w in SEPARATORS.split(chars) if w and not w.isascii()]
    if not words:  # only typographic punctuation outside ASCII
        return chars, "windows-1252", ["Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1252"]
    readings = {
        "windows-1258": read_words("windows-1258", words, _as_1258),
        "windows-1252": read_words("windows-1252", words, lambda w: w),
        "tcvn3": read_words("tcvn3", words, tcvn3_to_unicode),
        "vni": read_words("vni", words, vni_to_unicode),
    }
    # Windows-1258 and -1252 agree on most letters; keep the better of the two as one reading.
    windows = max(readings["windows-1258"], readings["windows-1252"], key=lambda r: r.score)
    chosen, runner_up, problem = choose([windows, readings["tcvn3"], readings["vni"]])
    best = chosen.name
    if problem == "weak" or (problem == "ambiguous" and chosen.count < 3):
        raise ReadError(
            filename,
            "không nhận ra bảng mã của tệp (không phải UTF-8, TCVN3, VNI hay Windows-1258); "
            "hãy lưu lại tệp dưới dạng Unicode (UTF-8)",
        )
    if problem == "ambiguous":
        raise ReadError(
            filename,
            f"không xác định được tệp dùng bảng mã {LABELS[best]} hay {LABELS[runner_up.name]}; "
            "hãy lưu lại tệp dưới dạng Unicode (UTF-8)",
        )
    if best in ("tcvn3", "vni"):
        text = decode_lines(chars, best)  # type: ignore[arg-type]
        check_decoded(text, LABELS[best], filename)
        return _prepare(text), best, [f"Đã chuyển từ bảng mã {LABELS[best]} sang Unicode"]
    if best == "windows-1258":
        text = _prepare(data.decode("cp1258", errors="replace"))
        if "\ufffd" in text:
            raise ReadError(filename, "tệp mã Windows-1258 có byte không hợp lệ")
        return text, best, ["Đã chuyển từ bảng mã Windows-1258 sang Unicode"]
    return _prepare(chars), best, ["Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1252"]
