"""Is a target met? The comparator semantics of DESIGN §3, with exact Decimal boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kehoach.core.targets import (
    DEFAULT_REQUIRED_GRADE,
    GRADE_SCALES,
    ChangeBasis,
    Comparator,
    Direction,
    Target,
)
from kehoach.core.text import fold


class Outcome(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"


OUTCOME_LABELS = {
    Outcome.EXCEEDED: "Vượt",
    Outcome.MET: "Đạt",
    Outcome.NOT_MET: "Không đạt",
}


class EvaluationError(ValueError):
    """The actual value does not fit the target (a grade for a number, no baseline …)."""


@dataclass(frozen=True)
class Grade:
    """A qualitative result: "Tốt", "Đạt", "Hoàn thành tốt" …"""

    label: str


@dataclass(frozen=True)
class Rank:
    """A place in a ranking: 1 is first."""

    position: int


Actual = Decimal | Grade | Rank


def _compare(better: int) -> Outcome:
    """``better`` > 0: strictly better than the target; 0: at it; < 0: worse."""
    if better > 0:
        return Outcome.EXCEEDED
    if better == 0:
        return Outcome.MET
    return Outcome.NOT_MET


def _sign(x: Decimal) -> int:
    return (x > 0) - (x < 0)


def _number(target: Target, actual: Actual) -> Decimal:
    if not isinstance(actual, Decimal):
        raise EvaluationError(f"chỉ tiêu '{target.name}' cần một giá trị số, không phải {actual!r}")
    return actual


def _change(target: Target, actual: Decimal, baseline: Decimal | None) -> Decimal:
    """How far the actual moved from the baseline, in the target's terms (rise positive)."""
    if baseline is None:
        raise EvaluationError(f"chỉ tiêu '{target.name}' cần giá trị năm gốc để so sánh")
    if target.basis is ChangeBasis.RELATIVE:
        if baseline == 0:
            raise EvaluationError(f"chỉ tiêu '{target.name}': giá trị năm gốc bằng 0, không tính được tỷ lệ")
        return (actual - baseline) * 100 / baseline
    return actual - baseline


def _grade_outcome(target: Target, actual: Actual) -> Outcome:
    if not isinstance(actual, Grade):
        raise EvaluationError(f"chỉ tiêu định tính '{target.name}' cần một mức đánh giá (Tốt, Đạt …)")
    required = fold(target.grade or DEFAULT_REQUIRED_GRADE)
    got = fold(actual.label)
    for scale in GRADE_SCALES:
        folded = [fold(g) for g in scale]
        if got in folded and required in folded:
            return _compare(folded.index(required) - folded.index(got))
    # Grades from different scales: "Đạt" answers a requirement on any scale's passing side.
    passing = {fold(g) for scale in GRADE_SCALES for g in scale[:-1]}
    if got in passing and required in passing:
        return Outcome.MET
    if got in {fold(scale[-1]) for scale in GRADE_SCALES}:
        return Outcome.NOT_MET
    raise EvaluationError(f"không nhận ra mức đánh giá '{actual.label}'")


def evaluate(target: Target, actual: Actual, baseline: Decimal | None = None) -> Outcome:
    """Say whether ``actual`` meets ``target``: exceeded, met or not met.

    Boundaries are exact: ``< 12`` at 12 is not met; ``>= 97,5`` at 97,49 is not met.
    ``baseline`` is last year's value, needed by ``reduce_by`` and ``increase_by``.
    Strict comparators (``>``, ``<``) and ``=`` are met, not exceeded, when satisfied, except
    that ``=`` is exceeded when the actual is strictly on the better side of the target.
    """
    c = target.comparator
    if c is Comparator.QUALITATIVE:
        return _grade_outcome(target, actual)
    if c is Comparator.RANK_TOP:
        if not isinstance(actual, Rank):
            raise EvaluationError(f"chỉ tiêu xếp hạng '{target.name}' cần một thứ hạng")
        assert target.value is not None
        return _compare(_sign(target.value - actual.position))
    a = _number(target, actual)
    t = target.value
    assert t is not None
    lower_better = target.direction is Direction.LOWER
    if c is Comparator.AT_LEAST:
        return _compare(_sign(a - t))
    if c is Comparator.AT_MOST:
        return _compare(_sign(t - a))
    if c is Comparator.MORE_THAN:
        return Outcome.MET if a > t else Outcome.NOT_MET
    if c is Comparator.LESS_THAN:
        return Outcome.MET if a < t else Outcome.NOT_MET
    if c is Comparator.EQUAL:
        return _compare(_sign(t - a) if lower_better else _sign(a - t))
    if c is Comparator.RANGE:
        high = target.value_max
        assert high is not None
        if lower_better:
            if a < t:
                return Outcome.EXCEEDED
            return Outcome.MET if a <= high else Outcome.NOT_MET
        if a > high:
            return Outcome.EXCEEDED
        return Outcome.MET if a >= t else Outcome.NOT_MET
    if c is Comparator.REDUCE_BY:
        return _compare(_sign(-_change(target, a, baseline) - t))
    if c is Comparator.INCREASE_BY:
        return _compare(_sign(_change(target, a, baseline) - t))
    raise EvaluationError(f"không biết so sánh '{c}'")  # pragma: no cover - enum is exhaustive
