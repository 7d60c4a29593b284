"""Targets and figures in words, as a Vietnamese reader writes them: "≥ 97,5%",
"12–13/18 tiêu chí", "giảm 0,5%", "97,8% (451/460)", "hạng 3", "–".

(The CLI has the same wording in cli.targettext and cli.figuretext; web may not import cli.)
"""

from __future__ import annotations

from decimal import Decimal

from kehoach.core.numbers import format_vn_number, normalize_decimal
from kehoach.core.observations import Figure, Observation
from kehoach.core.status import round_half_up
from kehoach.core.targets import Comparator, OverTime, OverUnits, Target

NONE = "–"

_SYMBOLS = {
    Comparator.AT_LEAST: "≥",
    Comparator.MORE_THAN: ">",
    Comparator.AT_MOST: "≤",
    Comparator.LESS_THAN: "<",
    Comparator.EQUAL: "=",
}

COMPARATOR_LABELS = {
    Comparator.AT_LEAST: "≥ từ … trở lên, đạt …",
    Comparator.MORE_THAN: "> trên …",
    Comparator.AT_MOST: "≤ còn …, không quá …",
    Comparator.LESS_THAN: "< dưới …",
    Comparator.EQUAL: "= bằng, duy trì …",
    Comparator.RANGE: "khoảng từ … đến …",
    Comparator.REDUCE_BY: "giảm …",
    Comparator.INCREASE_BY: "tăng thêm …",
    Comparator.RANK_TOP: "xếp hạng trong top …",
    Comparator.QUALITATIVE: "định tính (xếp loại)",
}

OVER_UNITS_LABELS = {
    OverUnits.SUM: "Cộng số của các đơn vị",
    OverUnits.RATIO: "Tỷ lệ: cộng tử số và mẫu số rồi chia",
    OverUnits.UNITS_MEETING: "Đếm số đơn vị đạt",
    OverUnits.UNIT_ONLY: "Riêng số của đơn vị",
}

OVER_TIME_LABELS = {
    OverTime.CUMULATIVE: "Lũy kế (cộng các kỳ)",
    OverTime.LATEST: "Số mới nhất",
}

DIRECTION_LABELS = {"higher": "Càng cao càng tốt", "lower": "Càng thấp càng tốt"}


def _num(value: Decimal | None) -> str:
    return "?" if value is None else format_vn_number(value)


def _with_unit(number: str, unit: str | None) -> str:
    if not unit:
        return number
    return f"{number}{unit}" if unit.strip() == "%" else f"{number} {unit}"


def requirement(target: Target) -> str:
    """ "≥ 97,5%", "12–13/18 tiêu chí", "giảm 0,5%", "top 3 trên 15", "xếp loại: Tốt" """
    c = target.comparator
    if c is Comparator.QUALITATIVE:
        return f"xếp loại: {target.grade}" if target.grade else "định tính"
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


def number_text(value: Decimal, unit: str | None = None, places: int = 2) -> str:
    """A number rounded for reading (half up, trailing zeros dropped), with its unit."""
    return _with_unit(format_vn_number(normalize_decimal(round_half_up(value, places))), unit)


def figure_text(figure: Figure | Observation | None, target: Target) -> str:
    if figure is None:
        return NONE
    if isinstance(figure, Observation):
        figure = figure.figure
    if figure.is_empty:
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


def chart_number(figure: Figure | None, target: Target) -> float | None:
    """A figure as a chart point (charts draw floats; the tables keep the exact text)."""
    if figure is None or figure.is_empty:
        return None
    if figure.rank is not None:
        return float(figure.rank)
    number = figure.number(target.is_percent)
    return None if number is None else float(round_half_up(number, 4))
