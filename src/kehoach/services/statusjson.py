"""A plan's status as JSON data (``kehoach status --json``, the web API):

    {"plan": 1, "unit": "99001", "period": "2024-06",
     "targets": [{"key", "name", "comparator", "target", "unit_of_measure", "actual",
                  "numerator", "denominator", "projected", "status", "achievement_pct",
                  "coverage": {"reported", "expected"}}]}

Numbers are Decimals (written as JSON numbers by core.planjson.dumps), null where there is
none. ``actual``, ``numerator``, ``denominator`` and ``coverage`` are the roll-up over the
period asked; ``projected``, ``status`` and ``achievement_pct`` are judged on the year to
date (core.tracking). A grade is a string ("Tốt"), a rank an integer; ``target`` is the
required grade of a qualitative target. Quotients (a ratio's value, a projection) are given
to 6 decimal places, ``achievement_pct`` to 2.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kehoach.core.numbers import normalize_decimal
from kehoach.core.observations import Figure
from kehoach.core.status import round_half_up
from kehoach.core.targets import DEFAULT_REQUIRED_GRADE, Comparator
from kehoach.core.tracking import TargetEvaluation
from kehoach.services.evaluating import PlanStatus

PLACES = 6


def _number(value: Decimal | None, places: int = PLACES) -> Decimal | None:
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        value = round_half_up(value, places)
    return normalize_decimal(value)


def _figure(figure: Figure | None, percent: bool) -> Decimal | str | int | None:
    if figure is None or figure.is_empty:
        return None
    if figure.grade is not None:
        return figure.grade
    if figure.rank is not None:
        return figure.rank
    return _number(figure.number(percent))


def target_to_dict(evaluation: TargetEvaluation) -> dict[str, Any]:
    target = evaluation.target
    figure = evaluation.actual.figure
    projection = evaluation.projection
    coverage = evaluation.coverage
    required: Decimal | str | None = target.value
    if target.comparator is Comparator.QUALITATIVE:
        required = target.grade or DEFAULT_REQUIRED_GRADE
    pct = evaluation.achievement_pct
    return {
        "key": evaluation.key,
        "name": target.name,
        "comparator": target.comparator.value,
        "target": required,
        "unit_of_measure": target.unit,
        "actual": _figure(figure, target.is_percent),
        "numerator": _number(figure.numerator),
        "denominator": _number(figure.denominator),
        "projected": _figure(projection.figure if projection else None, target.is_percent),
        "status": evaluation.status.value,
        "achievement_pct": None if pct is None else _number(round_half_up(pct, 2)),
        "coverage": {"reported": coverage.reported, "expected": coverage.expected},
    }


def status_to_dict(status: PlanStatus) -> dict[str, Any]:
    return {
        "plan": status.plan_id,
        "unit": status.unit.code,
        "period": status.period.code,
        "targets": [target_to_dict(evaluation) for evaluation in status.evaluations],
    }
