"""The unit a plan belongs to when nobody said: named from its document, with a code made up.

Resolutions name their council ("Hội đồng nhân dân xã Phú Sơn") and often the bare place
("Phú Sơn"). The unit's name is the issuer without the council words when that names a
level ("Xã Phú Sơn", level xã), else the place (level guessed from its first words, xã
when unclear), else "Đơn vị chưa rõ". Codes made up here are lower-case ASCII words
("xa-phu-son"): official codes are digits, so the two never collide by accident.

Used by the import service and by migration 0002 (plans stored before units existed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.core.text import ascii_slug, fold
from kehoach.core.unitlevels import UnitLevel, guess_level

UNKNOWN_UNIT_NAME = "Đơn vị chưa rõ"
DEFAULT_LEVEL = UnitLevel.XA

# "Hội đồng nhân dân", "Ủy ban nhân dân" (either tone style), "HĐND", "UBND" at the start.
_COUNCIL = re.compile(r"^\s*(?:hội đồng nhân dân|ủy ban nhân dân|hđnd|ubnd)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class UnitGuess:
    name: str
    level: UnitLevel
    place: str | None = None  # the bare place name, also matched against stored units


def _tidy(text: str | None) -> str:
    return " ".join((text or "").split()).strip(" ,.;:")


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def unit_for_document(place: str | None, issuer: str | None) -> UnitGuess:
    """The unit a document speaks for, from its place and issuer."""
    bare_place = _tidy(place) or None
    issuer_text = _tidy(issuer)
    match = _COUNCIL.match(fold(issuer_text))
    remainder = _tidy(issuer_text[match.end() :]) if match else ""
    if remainder and guess_level(remainder) is not None:
        level = guess_level(remainder)
        assert level is not None
        return UnitGuess(_capitalized(remainder), level, bare_place)
    if bare_place:
        return UnitGuess(_capitalized(bare_place), guess_level(bare_place) or DEFAULT_LEVEL, bare_place)
    if remainder:
        return UnitGuess(_capitalized(remainder), DEFAULT_LEVEL, None)
    return UnitGuess(UNKNOWN_UNIT_NAME, DEFAULT_LEVEL, None)


def name_key(name: str) -> str:
    """Names compared regardless of case, spacing and tone placement."""
    return " ".join(fold(name).split())


def slug(name: str) -> str:
    """ "Xã Phước Lộc Đông" → "xa-phuoc-loc-dong"."""
    return ascii_slug(name)[:40] or "don-vi"


def made_up_code(name: str, taken: set[str]) -> str:
    """A code for ``name`` not in ``taken``: its slug, then slug-2, slug-3 …"""
    base = slug(name)
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    return code
