"""The name of a target, cut from its sentence: the words before the comparator, or (a figure
first) the words after it, tidied of connectors, old values, footnote marks and bases."""

from __future__ import annotations

import re

from kehoach.core.text import fold
from kehoach.parsing import vocab
from kehoach.parsing.clauses import region_start, stem_colon, trim
from kehoach.parsing.comparators import comparator_before
from kehoach.parsing.patterns import LETTERS, alternation, word_pattern

_TRAIL_NOISE = re.compile(rf"(?:[\s,;:.\-–(]|năm \d{{4}}|{word_pattern(vocab.NAME_TRAILERS)})+$")


_TAIL_BASIS = re.compile(r"(?:^|\s)(?:chỉ tiêu|kế hoạch|dự toán)(?:\s+[a-zà-ỹđ]+){0,3}?\s+(?:giao|đề ra)$")


TAIL_CUT = re.compile(rf"(?:^|\s)(?:{alternation(vocab.NAME_TAIL_STOPS)})(?![{LETTERS}]).*$")


_TAIL_LEAD = re.compile(r"^(?:chỉ tiêu)\s+")


_NAME_OLD_VALUE = re.compile(r"\s*:?\s*(?:điều chỉnh\s+)?(?:giảm |tăng )?từ\s+\d[\d.,]*\s*%?.*$")


_NAME_FOOTNOTE = re.compile(r"\[\d+\]")


_NAME_NUMERIC_BRACKET = re.compile(r"\s*\([^()]*(?:\d|giá so sánh)[^()]*\)\s*$")


_NAME_HEAD_VERB = re.compile(r"^(?:giảm|kéo giảm|tăng|phấn đấu|duy trì)\s+(?=tỷ lệ|số|tổng|mức)")


CLASSIFIERS = vocab.CLASSIFIERS


def clean_name(original: str, folded: str, a: int, b: int, capital: bool = True) -> str:
    a, b = trim(original, folded, a, b)
    text = original[a:b]
    m = _TRAIL_NOISE.search(fold(text))
    if m and m.start() > 0:
        text = text[: m.start()]
    text = " ".join(text.split())
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")].rstrip()
    return text[:1].upper() + text[1:] if text and capital else text


def colon_stem(original: str, folded: str, cs: int, region: int, anchor: int) -> str | None:
    """The shared stem of a list after a colon ("Tỷ lệ học sinh đi học trong độ tuổi: tiểu học 100%,
    THCS 100%" → "Tỷ lệ học sinh đi học trong độ tuổi"), when the figure is in that list."""
    colon = stem_colon(folded, cs, anchor)
    if colon < 0:
        return None
    if region < colon:
        return None
    stem_start = region_start(folded, cs, colon)
    comparator, comp_start = comparator_before(folded, stem_start, colon)
    stem = clean_name(original, folded, stem_start, comp_start if comparator else colon)
    return stem or None


MEASURES = frozenset(fold(u) for u in vocab.MEASURE_UNITS + vocab.MONEY_UNITS)


_VERB_HEADS = tuple(
    sorted(set(vocab.ACTION_VERBS) | {"duy trì", "nâng cao", "giữ vững", "phấn đấu", "hoàn thành"}, key=len)
)


def tidy_name(name: str) -> str:
    head = _NAME_HEAD_VERB.match(fold(name))
    if head:
        name = name[head.end() :]
    name = _NAME_FOOTNOTE.sub("", name)
    old_value = _NAME_OLD_VALUE.search(fold(name))
    if old_value and old_value.start() > 0:
        name = name[: old_value.start()]
    name = _NAME_NUMERIC_BRACKET.sub("", name).strip(" ,;:")
    return name[:1].upper() + name[1:]


def verb_phrase(text: str) -> bool:
    """A name region that is only a verb phrase ("Vận động", "duy trì và nâng cao chất lượng")."""
    t = re.sub(r"^(?:ph[ấâ]n đấu|và|có)\s+", "", text.strip(" ,;:"))
    if not t.startswith(_VERB_HEADS):
        return False
    return not any(
        re.search(rf"(?<![{LETTERS}]){re.escape(h)}(?![{LETTERS}])", t)
        for h in vocab.NOUN_HEADS
        if h not in ("thu", "chi")
    )


def tail_name(original: str, folded: str, a: int, b: int) -> str:
    tail = clean_name(original, folded, a, b, capital=False)
    cut = TAIL_CUT.search(fold(tail))
    if cut:
        tail = tail[: cut.start()]
    basis = _TAIL_BASIS.search(fold(tail))
    if basis:
        tail = tail[: basis.start()]
    lead = _TAIL_LEAD.match(fold(tail))
    if lead and len(tail) > lead.end():
        tail = tail[lead.end() :]
    return tail.strip(" ,")
