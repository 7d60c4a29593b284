"""Building blocks for the patterns that run on folded text (lower case, new tone style)."""

from __future__ import annotations

import re
from collections.abc import Iterable

LETTERS = "a-zà-ỹđ0-9"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so "giảm còn" wins over "giảm")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def word_pattern(words: Iterable[str]) -> str:
    """``words`` as whole words: not glued to a letter or digit on either side."""
    return rf"(?<![{LETTERS}])(?:{alternation(words)})(?![{LETTERS}])"
