"""Vietnamese text normalization that keeps character offsets stable.

Two tone-placement styles are in use: the older one puts the tone on the second
vowel of "oa", "oe", "uy" (hoà, khoẻ, thuỷ, Uỷ), the newer one on the first
(hòa, khỏe, thủy, Ủy). Documents mix them. :func:`fold` maps a text to a
canonical lower-case form of the *same length*, so a pattern matched on the
folded text gives spans that are valid on the original.
"""

from __future__ import annotations

import re
import unicodedata

# Tone marks as combining characters (NFD): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"

_WORD_CHARS = "a-zA-Zà-ỹÀ-Ỹđ"


def nfc(text: str) -> str:
    """Unicode NFC, the form every stored text is kept in."""
    return unicodedata.normalize("NFC", text)


def _move_tone(first: str, second: str) -> str:
    """Move a tone mark from ``second`` to ``first`` (both single NFC characters)."""
    decomposed = unicodedata.normalize("NFD", second)
    tone = "".join(c for c in decomposed if c in _TONES)
    if not tone:
        return first + second
    base = "".join(c for c in decomposed if c not in _TONES)
    new_first = unicodedata.normalize("NFC", unicodedata.normalize("NFD", first) + tone)
    return new_first + unicodedata.normalize("NFC", base)


# "oà", "oé", "uỷ" … at the end of a syllable (no following letter); "qu" + y is left alone.
_OLD_STYLE = re.compile(rf"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![{_WORD_CHARS}])")


def _old_to_new(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    base_second = unicodedata.normalize("NFD", second)[0].lower()
    if first.lower() == "o" and base_second not in "ae":
        return match.group(0)
    if first.lower() == "u" and base_second != "y":
        return match.group(0)
    return _move_tone(first, second)


def new_tone_style(text: str) -> str:
    """Rewrite old-style tone placement (hoà, thuỷ) to the new style (hòa, thủy)."""
    return _OLD_STYLE.sub(_old_to_new, text)


_TI = re.compile(rf"(?<![{_WORD_CHARS}])tỉ(?![{_WORD_CHARS}])")


def fold(text: str) -> str:
    """Canonical form for matching: NFC, lower case, new tone style, "tỉ" read as "tỷ".

    The result has exactly the length of ``nfc(text)``; offsets carry over.
    """
    base = nfc(text)
    lowered = base.lower()
    if len(lowered) != len(base):  # a character whose lower case is longer (rare): keep it
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in base)
    folded = _TI.sub("tỷ", new_tone_style(lowered))
    return folded


def same_words(a: str, b: str) -> bool:
    """True when two texts are the same up to case, spacing and tone placement."""
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def ascii_slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Văn hóa - xã hội" → "van-hoa-xa-hoi"."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", ascii_only))
