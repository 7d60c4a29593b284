"""Targets and figures in words, the way a Vietnamese reader writes them: "≥ 97,5%",
"12–13/18 tiêu chí", "giảm 0,5%", "top 3 trên 15", "97,8% (451/460)", "hạng 3", "–".

One wording for every surface (CLI tables, web pages, reports), so a figure reads the same
everywhere: numbers rounded half up to at most two decimals, trailing zeros dropped.
"""

from __future__ import annotations

from decimal import Decimal

from kehoach.core.numbers import format_vn_number, normalize_decimal
from kehoach.core.observations import FigureParts
from kehoach.core.status import round_half_up
from kehoach.core.targets import Comparator, Target

NONE = "–"

SYMBOLS = {
    Comparator.AT_LEAST: "≥",
    Comparator.MORE_THAN: ">",
    Comparator.AT_MOST: "≤",
    Comparator.LESS_THAN: "<",
    Comparator.EQUAL: "=",
}


def with_unit(number: str, unit: str | None) -> str:
    """ "97,5" + "%" → "97,5%"; "275" + "lao động" → "275 lao động"."""
    if not unit:
        return number
    return f"{number}{unit}" if unit.strip() == "%" else f"{number} {unit}"


def exact_number(value: Decimal | None) -> str:
    """A plan value exactly as written (no rounding); "?" when missing."""
    return "?" if value is None else format_vn_number(value)


def requirement(target: Target) -> str:
    """ "≥ 97,5%", "12–13/18 tiêu chí", "giảm 0,5%", "top 3 trên 15", "định tính: Tốt" """
    c = target.comparator
    if c is Comparator.QUALITATIVE:
        return f"định tính: {target.grade}" if target.grade else "định tính"
    if c is Comparator.RANK_TOP:
        rank = f"top {exact_number(target.value)}"
        return f"{rank} trên {exact_number(target.total)}" if target.total is not None else rank
    total = f"/{exact_number(target.total)}" if target.total is not None else ""
    if c is Comparator.RANGE:
        return with_unit(f"{exact_number(target.value)}–{exact_number(target.value_max)}{total}", target.unit)
    amount = with_unit(f"{exact_number(target.value)}{total}", target.unit)
    if c is Comparator.REDUCE_BY:
        return f"giảm {amount}"
    if c is Comparator.INCREASE_BY:
        return f"tăng thêm {amount}"
    return f"{SYMBOLS[c]} {amount}"


def rounded(value: Decimal, places: int = 2) -> str:
    """A number rounded for reading (half up, trailing zeros dropped): 97,812258 → "97,81"."""
    return format_vn_number(normalize_decimal(round_half_up(value, places)))


def number_text(value: Decimal, unit: str | None = None, places: int = 2) -> str:
    """A number rounded for reading, with its unit: "97,81%", "1.246,7 tỷ đồng"."""
    return with_unit(rounded(value, places), unit)


def figure_text(figure: FigureParts | None, target: Target) -> str:
    """A recorded or rolled-up figure: "97,8% (451/460)", "275 lao động", "Tốt", "hạng 3", "–"."""
    if figure is None or figure.is_empty:
        return NONE
    if figure.grade is not None:
        return figure.grade
    if figure.rank is not None:
        return f"hạng {figure.rank}"
    number = figure.number(target.is_percent)
    text = NONE if number is None else number_text(number, target.unit)
    if figure.numerator is not None and figure.denominator is not None:
        ratio = f"{number_text(figure.numerator)}/{number_text(figure.denominator)}"
        return f"{text} ({ratio})" if number is not None else ratio
    return text
