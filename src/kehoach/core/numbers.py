"""Vietnamese number notation: decimal comma, thousands dot, exact Decimal values."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# 1.246,695 | 65.194 | 0,35 | 08 | 80 — a dot followed by exactly three digits groups thousands.
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$|^\d+\.\d{4,}$")


class NumberFormatError(ValueError):
    """A text that is not a number in Vietnamese notation."""


def parse_vn_number(text: str, *, allow_dot_decimal: bool = True) -> Decimal:
    """Read a number written the Vietnamese way into an exact Decimal.

    ``"1.246,695"`` → 1246.695, ``"65.194"`` → 65194, ``"0,8"`` → 0.8, ``"08"`` → 8,
    ``"-2,5"`` → -2.5. A dot followed by one, two or four and more digits (``"97.5"``)
    is read as a decimal point when ``allow_dot_decimal`` is set (spreadsheet input);
    a dot followed by exactly three digits is always a thousands separator.
    """
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    sign = ""
    if raw[:1] in "+-−":
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
    """Drop trailing zeros after the decimal point without exponent notation (8.0 → 8, 1E+2 → 100)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def plain(value: Decimal) -> str:
    """Plain decimal notation with a dot, never an exponent: Decimal('1E+2') → '100'."""
    return format(normalize_decimal(value), "f")


def format_vn_number(value: Decimal, places: int | None = None) -> str:
    """Write a Decimal the Vietnamese way: 1246.695 → "1.246,695"; with ``places`` rounded half up."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
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
