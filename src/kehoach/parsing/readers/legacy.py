"""Legacy Vietnamese encodings (TCVN3, VNI): decoding and detection.

A legacy text reaches us either as bytes that are not UTF-8 (a .txt file) or as
Unicode text whose letters sit in U+0080–U+00FF because the source used a legacy font
(.docx runs in ".VnTime" or "VNI-Times", .pdf text from such fonts). Both cases are
decided the same way: the text is cut into words and each reading (as is, TCVN3, VNI,
and for bytes Windows-1258 / Windows-1252) is scored by the share of words that are
plausible Vietnamese syllables, common words counting double (:mod:`.syllables`). A
reading is adopted only when it clearly wins; a text that looks legacy but converts
badly or ambiguously raises :class:`ReadError` instead of being passed on as mojibake,
and a handful of garbled words too few to judge becomes a note in ``SourceText.notes``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from kehoach.parsing.readers.legacy_tables import (
    TCVN3,
    VNI_BREVE,
    VNI_BREVE_BASES,
    VNI_CIRCUMFLEX,
    VNI_CIRCUMFLEX_BASES,
    VNI_SINGLE,
    VNI_TONE_BASES,
    VNI_TONES,
)
from kehoach.parsing.readers.source import ReadError
from kehoach.parsing.readers.syllables import is_common_word, is_vietnamese_word

Encoding = Literal["tcvn3", "vni"]
LABELS: dict[str, str] = {
    "tcvn3": "TCVN3",
    "vni": "VNI",
    "windows-1258": "Windows-1258",
    "windows-1252": "Windows-1252",
}

# Thresholds of the decision (shares of the words a decoding changes).
ADOPT = 0.9  # a decoding is adopted when at least this share of words is valid ...
MARGIN = 0.15  # ... and it beats every other reading by this much
_LOOKS_LEGACY = 0.6  # the text as is reads this badly: something legacy is going on
_STRONG_EVIDENCE = 8  # garbled words needed to refuse a text no decoding reads well


# --- decoders ------------------------------------------------------------------------------

_TCVN3_TRANS = str.maketrans(TCVN3)
_TCVN3_LOWER = frozenset(k for k, v in TCVN3.items() if v.islower())
_TCVN3_UPPER = frozenset(k for k, v in TCVN3.items() if v.isupper())

_COMBINING = {
    "": "",
    "grave": "\u0300",
    "acute": "\u0301",
    "hook": "\u0309",
    "tilde": "\u0303",
    "dot": "\u0323",
}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}

    def add(base: str, mark_lower: str, mark_upper: str, combining: str) -> None:
        letter = unicodedata.normalize("NFC", VNI_TONE_BASES.get(base, base) + combining)
        for mark in (mark_lower, mark_upper):  # either case of the modifier; the base decides
            pairs[base + mark] = letter

    for base in VNI_TONE_BASES:
        for tone, (lower, upper) in VNI_TONES.items():
            add(base, lower, upper, _COMBINING[tone])
    for base in VNI_CIRCUMFLEX_BASES:
        for tone, (lower, upper) in VNI_CIRCUMFLEX.items():
            add(base, lower, upper, "\u0302" + _COMBINING[tone])
    for base in VNI_BREVE_BASES:
        for tone, (lower, upper) in VNI_BREVE.items():
            add(base, lower, upper, "\u0306" + _COMBINING[tone])
    return pairs


_VNI_PAIRS = _vni_pairs()
VNI_MODIFIERS = frozenset(pair[1] for pair in _VNI_PAIRS)


def tcvn3_to_unicode(text: str) -> str:
    """Decode TCVN3 look-alikes; every other character is kept."""
    return text.translate(_TCVN3_TRANS)


def vni_to_unicode(text: str) -> str:
    """Decode VNI look-alikes (base vowel + modifier, or a single letter)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _VNI_PAIRS:
            out.append(_VNI_PAIRS[pair])
            i += 2
            continue
        out.append(VNI_SINGLE.get(text[i], text[i]))
        i += 1
    return "".join(out)


DECODERS: dict[Encoding, Callable[[str], str]] = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}

# Characters some decoding changes, and among them those that are not Vietnamese letters
# in Unicode: seen inside a word, they are the mark of a legacy text.
LEGACY_CHARS = frozenset(TCVN3) | frozenset(VNI_SINGLE) | VNI_MODIFIERS
_UNICODE_VIETNAMESE_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
FOREIGN_CHARS = LEGACY_CHARS - _UNICODE_VIETNAMESE_LATIN1


# --- capitals lost by TCVN3 ------------------------------------------------------------------

_LETTERS_AND_LEGACY = re.compile(r"(?:[^\W\d_]|[" + re.escape("".join(sorted(LEGACY_CHARS))) + r"])+")


def tcvn3_restore_capitals(original: str, *, line_start: bool) -> str:
    """TCVN3 has no toned capitals: they were typed as lower-case codes in an "H" font.

    Decode ``original`` (one line) and put back capitals where the context shows them:
    words whose other letters are all capitals ("CéNG" -> "CỘNG"), all the toned
    letters of a line written in capitals ("X· T¢N PHó" -> "XÃ TÂN PHÚ"), and, when
    ``line_start``, a toned letter that opens the line's first word ("ñy ban" -> "Ủy ban").
    """
    words = list(_LETTERS_AND_LEGACY.finditer(original))

    def uppers(word: str) -> int:
        return sum(1 for c in word if (c.isascii() and c.isupper()) or c in _TCVN3_UPPER)

    def lowers(word: str) -> int:
        return sum(1 for c in word if c.isascii() and c.islower())

    def legacy(word: str) -> bool:
        return any(c in TCVN3 for c in word)

    strong = [m for m in words if legacy(m.group()) and uppers(m.group()) >= 2 and not lowers(m.group())]
    caps_line = len(strong) >= 2 and not any(lowers(m.group()) for m in words)
    upper_spans = {m.span() for m in (words if caps_line else strong)}
    pieces: list[str] = []
    last = 0
    for m in words:
        pieces.append(tcvn3_to_unicode(original[last : m.start()]))
        decoded = tcvn3_to_unicode(m.group())
        pieces.append(decoded.upper() if m.span() in upper_spans else decoded)
        last = m.end()
    pieces.append(tcvn3_to_unicode(original[last:]))
    result = "".join(pieces)
    if line_start and words and words[0].group()[0] in _TCVN3_LOWER and len(words[0].group()) >= 2:
        at = words[0].start()
        if not original[:at].strip():
            result = result[:at] + result[at].upper() + result[at + 1 :]
    return result


def decode_lines(text: str, encoding: Encoding, *, restore_capitals: bool = True) -> str:
    """Decode a whole text line by line (TCVN3 capitals restored per line)."""
    if encoding == "vni":
        return vni_to_unicode(text)
    if not restore_capitals:
        return tcvn3_to_unicode(text)
    return "\n".join(tcvn3_restore_capitals(line, line_start=True) for line in text.split("\n"))


# --- scoring -------------------------------------------------------------------------------

# Words are split on white space, digits, ASCII punctuation and typographic punctuation.
SEPARATORS = re.compile(r"[\s0-9!-/:-@\[-`{-~\u2010-\u2027\u2030-\u205e\u00a0]+")


def words_to_judge(text: str) -> list[str]:
    """The words of ``text`` that some decoding would change.

    Typographic signs that TCVN3 also uses as letters are set aside where they cannot be
    letters: "»" (TCVN3 "ằ", which always has a final consonant) ending a word, "«"
    (TCVN3 "ô") before a capital, and "×" or "÷" standing alone.
    """
    words = []
    for word in SEPARATORS.split(text):
        word = word.rstrip("»")
        if word[:1] == "«" and word[1:2].isupper():
            word = word[1:]
        if word and word not in ("×", "÷") and not LEGACY_CHARS.isdisjoint(word):
            words.append(word)
    return words


@dataclass(frozen=True)
class Reading:
    """How well one decoding reads ``count`` words.

    ``share``: the share of plausible syllables. ``score``: the same with common words
    (:data:`.syllables.COMMON_SYLLABLES`) counting double, scaled to 0..1; it ranks
    readings whose words all have a valid shape ("tháng" beats "thỏng").
    """

    name: str
    share: float
    score: float
    count: int

    @property
    def valid(self) -> int:
        return round(self.share * self.count)


def read_words(name: str, words: Sequence[str], decode: Callable[[str], str]) -> Reading:
    if not words:
        return Reading(name, 1.0, 1.0, 0)
    valid = common = 0
    for word in words:
        decoded = decode(word)
        if is_vietnamese_word(decoded):
            valid += 1
            common += is_common_word(decoded)
    n = len(words)
    return Reading(name, valid / n, (valid + common) / (2 * n), n)


def _identity(word: str) -> str:
    return word


def judge(text: str) -> dict[str, Reading]:
    """Score the text as is, as TCVN3 and as VNI."""
    words = words_to_judge(text)
    return {
        "unicode": read_words("unicode", words, _identity),
        "tcvn3": read_words("tcvn3", words, tcvn3_to_unicode),
        "vni": read_words("vni", words, vni_to_unicode),
    }


def choose(candidates: Sequence[Reading]) -> tuple[Reading, Reading, str | None]:
    """The best reading by score, its runner-up, and why it cannot be adopted (or None).

    Refused as "weak" when fewer than 90% of its words are valid, as "ambiguous" when it
    beats the runner-up by less than 0.15 of the score or by less than one word.
    """
    ranked = sorted(candidates, key=lambda r: r.score, reverse=True)
    best, runner_up = ranked[0], ranked[1]
    lead = best.score - runner_up.score
    if best.share < ADOPT:
        return best, runner_up, "weak"
    if lead < MARGIN or lead * best.count < 1:
        return best, runner_up, "ambiguous"
    return best, runner_up, None


def leftovers(text: str, limit: int = 3) -> list[str]:
    """Words of a decoded text that still hold characters no Vietnamese word has."""
    found: list[str] = []
    for word in SEPARATORS.split(text):
        if word and not FOREIGN_CHARS.isdisjoint(word) and not is_vietnamese_word(word) and word not in found:
            found.append(word)
            if len(found) >= limit:
                break
    return found


def _examples(words: Sequence[str]) -> str:
    return ", ".join(f"“{w}”" for w in words)


def check_decoded(decoded: str, label: str, filename: str) -> None:
    """Raise when a decoded text still holds garbled words."""
    words = [w for w in SEPARATORS.split(decoded) if w and not FOREIGN_CHARS.isdisjoint(w)]
    bad = [w for w in words if not is_vietnamese_word(w)]
    if len(bad) >= 3:
        raise ReadError(
            filename,
            f"tệp dùng bảng mã {label} nhưng sau khi chuyển sang Unicode vẫn còn chữ lỗi "
            f"(ví dụ {_examples(leftovers(decoded))}); hãy chuyển mã bằng Unikey rồi thử lại",
        )


# --- decisions -----------------------------------------------------------------------------


@dataclass
class LegacyResult:
    text: str
    encoding: Encoding | None = None
    paragraphs: int = 0  # lines converted when only part of the text was legacy
    warning: str | None = None  # a few garbled words, too few to tell an encoding

    @property
    def note(self) -> str | None:
        if self.encoding is None:
            return None
        note = f"Đã chuyển từ bảng mã {LABELS[self.encoding]} sang Unicode"
        return note + (f" ({self.paragraphs} đoạn)" if self.paragraphs else "")


def _pick(readings: dict[str, Reading], filename: str) -> Encoding:
    best, _, problem = choose([readings["tcvn3"], readings["vni"]])
    if problem == "weak":
        raise ReadError(
            filename,
            "văn bản có vẻ dùng bảng mã cũ (TCVN3/VNI) nhưng không chuyển được chắc chắn sang Unicode; "
            "hãy chuyển mã bằng Unikey rồi thử lại",
        )
    if problem == "ambiguous":
        raise ReadError(
            filename,
            "không xác định được văn bản dùng bảng mã TCVN3 hay VNI; hãy chuyển sang Unicode rồi thử lại",
        )
    return "tcvn3" if best.name == "tcvn3" else "vni"


def convert_legacy_text(text: str, filename: str, *, restore_capitals: bool = True) -> LegacyResult:
    """Find legacy-encoded text inside a Unicode text and convert it.

    The whole text is converted when it reads badly as it is and well in one legacy
    encoding; otherwise single lines (paragraphs) that do so are converted, all with
    the encoding most of them agree on. Never converts a text that reads as well as is.
    """
    whole = judge(text)
    as_is = whole["unicode"]
    garbled = round((1 - as_is.share) * as_is.count)
    best_legacy = max(whole["tcvn3"].share, whole["vni"].share)
    if garbled >= 3 and as_is.share <= _LOOKS_LEGACY and best_legacy > as_is.share + 0.2:
        if best_legacy < ADOPT and garbled < _STRONG_EVIDENCE:
            examples = _examples([w for w in words_to_judge(text) if not is_vietnamese_word(w)][:3])
            return LegacyResult(text, warning=f"Văn bản có chữ lạ, có thể do bảng mã cũ (ví dụ {examples})")
        encoding = _pick(whole, filename)
        decoded = decode_lines(text, encoding, restore_capitals=restore_capitals)
        check_decoded(decoded, LABELS[encoding], filename)
        return LegacyResult(decoded, encoding)
    return _convert_lines(text, filename, restore_capitals=restore_capitals)


# A line is judged legacy on at least this many words that a decoding would change.
_LINE_EVIDENCE = 4


def _convert_lines(text: str, filename: str, *, restore_capitals: bool) -> LegacyResult:
    lines = text.split("\n")
    legacy_lines: list[int] = []
    sums = {name: [0.0, 0.0] for name in ("tcvn3", "vni")}  # valid and score, in words
    total = 0
    for i, line in enumerate(lines):
        if FOREIGN_CHARS.isdisjoint(line):
            continue  # a legacy line always shows some letter no Unicode word has
        readings = judge(line)
        as_is = readings["unicode"]
        if as_is.count < _LINE_EVIDENCE or as_is.share > 0.5:
            continue  # too few odd words to judge ("đạt 9 ÷ 10%¹"): a line of Unicode with symbols
        best = max(readings["tcvn3"].share, readings["vni"].share)
        if best >= 0.85 and best >= as_is.share + 0.4:
            legacy_lines.append(i)
            total += as_is.count
            for name in sums:
                sums[name][0] += readings[name].share * as_is.count
                sums[name][1] += readings[name].score * as_is.count
    if not legacy_lines:
        return LegacyResult(text)
    summary = {name: Reading(name, valid / total, score / total, total) for name, (valid, score) in sums.items()}
    encoding = _pick(summary, filename)
    for i in legacy_lines:
        if encoding == "vni":
            lines[i] = vni_to_unicode(lines[i])
        elif restore_capitals:
            lines[i] = tcvn3_restore_capitals(lines[i], line_start=True)
        else:
            lines[i] = tcvn3_to_unicode(lines[i])
        check_decoded(lines[i], LABELS[encoding], filename)
    return LegacyResult("\n".join(lines), encoding, len(legacy_lines))
