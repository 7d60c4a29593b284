"""Figures in words: "97,8% (451/460)", "275 lao động", "Tốt", "hạng 3", "–"."""

from __future__ import annotations

from decimal import Decimal

from kehoach.core.numbers import format_vn_number, normalize_decimal
from kehoach.core.observations import Figure, Observation
from kehoach.core.status import round_half_up
from kehoach.core.targets import Target

NONE = "–"


def number_text(value: Decimal, unit: str | None = None, places: int = 2) -> str:
    """A number rounded for reading (half up, trailing zeros dropped), with its unit."""
    text = format_vn_number(normalize_decimal(round_half_up(value, places)))
    if not unit:
        return text
    return f"{text}{unit}" if unit.strip() == "%" else f"{text} {unit}"


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
