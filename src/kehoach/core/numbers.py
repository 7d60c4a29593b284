"""Vietnamese number notation: decimal comma, thousands dot, exact Decimal values."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

# 1.246,695 | 65.194 | 0,35 | 08 | 80 — a dot followed by exactly three digits groups thousands
# (a group never starts with 0: "0.125" is not 125).
_GROUPED = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$", re.ASCII)
_PLAIN = re.compile(r"^\d+(?:,\d+)?$", re.ASCII)
_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$|^\d+\.\d{4,}$|^0+\.\d{3}$", re.ASCII)


class NumberFormatError(ValueError):
    """A text that is not a number in Vietnamese notation."""


def parse_vn_number(text: str, *, allow_dot_decimal: bool = True) -> Decimal:
    """Read a number written the Vietnamese way into an exact Decimal.

    ``"1.246,695"`` → 1246.695, ``"65.194"`` → 65194, ``"0,8"`` → 0.8, ``"08"`` → 8,
    ``"-2,5"`` → -2.5. A dot followed by one, two or four and more digits (``"97.5"``)
    is read as a decimal point when ``allow_dot_decimal`` is set (spreadsheet input);
    a dot followed by exactly three digits is a thousands separator, except after a
    bare zero (``"0.125"`` is 0.125 with ``allow_dot_decimal``, an error without).
    """
    raw = text.strip()
    for space in (" ", "\u00a0", "\u202f", "\u2009"):
        raw = raw.replace(space, "")
    sign = ""
    if raw and raw[0] in "+-−":
        sign = "-" if raw[0] in "-−" else ""
        raw = raw[1:]
    if _GROUPED.match(raw):
        digits = raw.replace(".", "").replace(",", ".")
    elif _PLAIN.match(raw):
        digits = raw.replace(",", ".")
    elif allow_dot_decimal and _DOT_DECIMAL.match(raw):
        digits = raw
    else:
        raise NumberFormatError(f"'{text}' không phải là số hợp lệ (ví dụ đúng: 1.246,7 hoặc 97,5)")
    try:
        value = Decimal(sign + digits)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above admit only digits
        raise NumberFormatError(f"'{text}' không phải là số hợp lệ") from exc
    return normalize_decimal(value)


def normalize_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros after the decimal point without exponent notation (8.0 → 8, 1E+2 → 100).

    Exact whatever the number of digits (no rounding to the context precision); zero loses
    its sign (-0 → 0). Infinities and NaN are returned unchanged.
    """
    if not value.is_finite():
        return value
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if not any(digits):
        return Decimal(0)
    coefficient = list(digits)
    while exponent < 0 and coefficient[-1] == 0:
        coefficient.pop()
        exponent += 1
    if exponent > 0:
        coefficient.extend([0] * exponent)
        exponent = 0
    return Decimal((sign, tuple(coefficient), exponent))


def plain(value: Decimal) -> str:
    """Plain decimal notation with a dot, never an exponent: Decimal('1E+2') → '100'."""
    return format(normalize_decimal(value), "f")


def format_vn_number(value: Decimal, places: int | None = None) -> str:
    """Write a Decimal the Vietnamese way: 1246.695 → "1.246,695"; with ``places`` rounded half up."""
    if not value.is_finite():
        raise ValueError(f"không viết được '{value}' thành số")
    if places is not None:
        with localcontext() as ctx:  # room for every digit: quantize must never fail on a large value
            ctx.prec = max(ctx.prec, value.adjusted() + places + 2)
            value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if value.is_zero():
            value = abs(value)  # -0,04 rounded to one place is "0,0", not "-0,0"
    else:
        value = normalize_decimal(value)
    text = format(value, "f")
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, fraction = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    if fraction:
        result += "," + fraction
    return sign + result


def format_vn_percent(value: Decimal, places: int | None = None) -> str:
    """97.5 → "97,5%" (the value is already in percent)."""
    return format_vn_number(value, places) + "%"
