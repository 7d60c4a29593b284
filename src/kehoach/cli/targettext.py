"""A target in words: comparator, value and unit the way a Vietnamese reader writes them."""

from __future__ import annotations

from decimal import Decimal

from kehoach.core.numbers import format_vn_number
from kehoach.core.targets import Comparator, Target

_SYMBOLS = {
    Comparator.AT_LEAST: "≥",
    Comparator.MORE_THAN: ">",
    Comparator.AT_MOST: "≤",
    Comparator.LESS_THAN: "<",
    Comparator.EQUAL: "=",
}


def _with_unit(number: str, unit: str | None) -> str:
    if not unit:
        return number
    return f"{number}{unit}" if unit.strip() == "%" else f"{number} {unit}"


def _num(value: Decimal | None) -> str:
    return "?" if value is None else format_vn_number(value)


def requirement(target: Target) -> str:
    """ "≥ 97,5%", "12–13/18 tiêu chí", "giảm 0,5%", "top 3 trên 15", "định tính: Tốt" """
    c = target.comparator
    if c is Comparator.QUALITATIVE:
        return f"định tính: {target.grade}" if target.grade else "định tính"
    if c is Comparator.RANK_TOP:
        rank = f"top {_num(target.value)}"
        return f"{rank} trên {_num(target.total)}" if target.total is not None else rank
    total = f"/{_num(target.total)}" if target.total is not None else ""
    if c is Comparator.RANGE:
        return _with_unit(f"{_num(target.value)}–{_num(target.value_max)}{total}", target.unit)
    amount = _with_unit(f"{_num(target.value)}{total}", target.unit)
    if c is Comparator.REDUCE_BY:
        return f"giảm {amount}"
    if c is Comparator.INCREASE_BY:
        return f"tăng thêm {amount}"
    return f"{_SYMBOLS[c]} {amount}"
