"""Levels of administrative units and the Vietnamese words that name them.

tỉnh (tỉnh, thành phố trực thuộc trung ương); huyện (huyện, quận, thị xã, thành phố
thuộc tỉnh — abolished on 1 July 2025, kept for older plans); xã (xã, phường, đặc khu,
thị trấn); khóm (khóm, ấp, thôn, tổ dân phố, khu phố, bản …). Words are matched on
core.text.fold, with or without diacritics; a bare "thành phố" is refused as ambiguous.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import StrEnum

from kehoach.core.text import fold


class UnitError(ValueError):
    """An invalid unit, unit tree or unit lookup; ``problems`` lists every message."""

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems: tuple[str, ...] = (problems,) if isinstance(problems, str) else tuple(problems)
        super().__init__("; ".join(self.problems))


class UnitLevel(StrEnum):
    TINH = "tinh"
    HUYEN = "huyen"
    XA = "xa"
    KHOM = "khom"

    @property
    def rank(self) -> int:
        """0 for the top level (tỉnh), growing downwards."""
        return _RANKS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    def is_above(self, other: UnitLevel) -> bool:
        return self.rank < other.rank


_RANKS = {UnitLevel.TINH: 0, UnitLevel.HUYEN: 1, UnitLevel.XA: 2, UnitLevel.KHOM: 3}
_LABELS = {
    UnitLevel.TINH: "Tỉnh, thành phố trực thuộc trung ương",
    UnitLevel.HUYEN: "Huyện, quận, thị xã, thành phố thuộc tỉnh",
    UnitLevel.XA: "Xã, phường, đặc khu, thị trấn",
    UnitLevel.KHOM: "Khóm, ấp, thôn, tổ dân phố",
}

# The words naming each level; matched on folded text, with or without diacritics.
LEVEL_WORDS: dict[UnitLevel, tuple[str, ...]] = {
    UnitLevel.TINH: ("tỉnh", "thành phố trực thuộc trung ương", "cấp tỉnh"),
    UnitLevel.HUYEN: (
        "huyện",
        "quận",
        "thị xã",
        "thành phố thuộc tỉnh",
        "thành phố thuộc thành phố trực thuộc trung ương",
        "cấp huyện",
    ),
    UnitLevel.XA: ("xã", "phường", "đặc khu", "thị trấn", "cấp xã"),
    UnitLevel.KHOM: (
        "khóm",
        "ấp",
        "thôn",
        "tổ dân phố",
        "khu phố",
        "khu dân cư",
        "bản",
        "buôn",
        "làng",
        "xóm",
        "sóc",
        "plei",
        "bon",
        "tổ",
    ),
}


def _bare(text: str) -> str:
    """Folded, diacritics removed, spaces collapsed: "Tổ  dân phố" → "to dan pho"."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


_WORD_LEVEL: dict[str, UnitLevel] = {
    _bare(word): level for level, words in LEVEL_WORDS.items() for word in (*words, level.value)
}
_AMBIGUOUS = {_bare("thành phố"), _bare("tp")}


def parse_level(text: str) -> UnitLevel:
    """Read a level from its code (``xa``) or a Vietnamese word (``Phường``, ``tổ dân phố``,
    ``Thôn``, ``phuong``): any case, tone style or none."""
    key = _bare(text)
    if key in _WORD_LEVEL:
        return _WORD_LEVEL[key]
    if key in _AMBIGUOUS:
        raise UnitError(
            f"cấp đơn vị '{text}' chưa rõ: thành phố trực thuộc trung ương là cấp tỉnh, "
            "thành phố thuộc tỉnh là cấp huyện"
        )
    raise UnitError(f"không nhận ra cấp đơn vị '{text}' (ví dụ đúng: tỉnh, xã, phường, đặc khu, khóm, ấp, thôn)")


def guess_level(name: str) -> UnitLevel | None:
    """The level a unit's name starts with: "Phường 1" → xa, "Tổ dân phố 5" → khom; None if unclear."""
    words = _bare(name).split()
    for size in range(min(len(words), 7), 0, -1):
        level = _WORD_LEVEL.get(" ".join(words[:size]))
        if level is not None:
            return level
    return None
