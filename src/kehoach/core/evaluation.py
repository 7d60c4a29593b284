"""Is a target met? The comparator semantics of DESIGN §3, with exact Decimal boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, localcontext
from enum import StrEnum
from functools import lru_cache

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


# Unrounded arithmetic: only +, -, * and comparisons are used, so results stay exact and small.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _number(target: Target, actual: Actual) -> Decimal:
    if not isinstance(actual, Decimal):
        raise EvaluationError(f"chỉ tiêu '{target.name}' cần một giá trị số, không phải {actual!r}")
    if not actual.is_finite():
        raise EvaluationError(f"chỉ tiêu '{target.name}': giá trị '{actual}' không phải là số hữu hạn")
    return actual


def _change_beyond(target: Target, actual: Decimal, baseline: Decimal | None, rise: bool) -> int:
    """Sign of (change - target value): how the rise (or fall) from the baseline compares to the target.

    ``points``: the change in the indicator's own units (percentage points of a rate);
    ``relative``: the change in percent of the baseline. Exact: no division.
    """
    if baseline is None:
        raise EvaluationError(f"chỉ tiêu '{target.name}' cần giá trị năm gốc để so sánh")
    if not isinstance(baseline, Decimal) or not baseline.is_finite():
        raise EvaluationError(f"chỉ tiêu '{target.name}': giá trị năm gốc '{baseline}' không phải là số hữu hạn")
    t = target.value
    assert t is not None
    change = actual - baseline if rise else baseline - actual
    if target.basis is ChangeBasis.RELATIVE:
        if baseline == 0:
            raise EvaluationError(f"chỉ tiêu '{target.name}': giá trị năm gốc bằng 0, không tính được tỷ lệ")
        # change * 100 / baseline - t has the sign of (change * 100 - t * baseline) * sign(baseline)
        return _sign(change * 100 - t * baseline) * _sign(baseline)
    return _sign(change - t)


@lru_cache(maxsize=1024)
def _grade_key(label: str) -> str:
    return " ".join(fold(label).split())


_SCALE_KEYS = tuple(tuple(_grade_key(g) for g in scale) for scale in GRADE_SCALES)
_KNOWN_GRADES = {_grade_key(g) for scale in GRADE_SCALES for g in scale}
_FAILING_GRADES = {_grade_key(scale[-1]) for scale in GRADE_SCALES}
_BARE_PASS_GRADES = {_grade_key(scale[-2]) for scale in GRADE_SCALES}


def _grade_outcome(target: Target, actual: Actual) -> Outcome:
    if not isinstance(actual, Grade):
        raise EvaluationError(f"chỉ tiêu định tính '{target.name}' cần một mức đánh giá (Tốt, Đạt …)")
    required_label = target.grade or DEFAULT_REQUIRED_GRADE
    required = _grade_key(required_label)
    got = _grade_key(actual.label)
    if got not in _KNOWN_GRADES:
        raise EvaluationError(f"không nhận ra mức đánh giá '{actual.label}'")
    if required not in _KNOWN_GRADES:
        raise EvaluationError(f"chỉ tiêu '{target.name}': không nhận ra mức yêu cầu '{required_label}'")
    for keys in _SCALE_KEYS:
        if got in keys and required in keys:
            return _compare(keys.index(required) - keys.index(got))
    # Grades from different scales: a failing grade fails any requirement, and any passing
    # grade reaches a bare pass ("Đạt", "Hoàn thành", "Trung bình"); nothing more can be said.
    if got in _FAILING_GRADES:
        return Outcome.NOT_MET
    if required in _BARE_PASS_GRADES:
        return Outcome.MET
    raise EvaluationError(
        f"chỉ tiêu '{target.name}': mức '{actual.label}' và mức yêu cầu '{required_label}' "
        "thuộc hai thang đánh giá khác nhau, không so sánh được"
    )


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
        if isinstance(actual.position, bool) or not isinstance(actual.position, int) or actual.position < 1:
            raise EvaluationError(f"chỉ tiêu xếp hạng '{target.name}': thứ hạng '{actual.position}' không hợp lệ")
        assert target.value is not None
        return _compare(_sign(target.value - actual.position))
    a = _number(target, actual)
    t = target.value
    assert t is not None
    with localcontext(_EXACT):
        return _numeric_outcome(target, a, t, baseline)


def _numeric_outcome(target: Target, a: Decimal, t: Decimal, baseline: Decimal | None) -> Outcome:
    c = target.comparator
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
        return _compare(_change_beyond(target, a, baseline, rise=False))
    if c is Comparator.INCREASE_BY:
        return _compare(_change_beyond(target, a, baseline, rise=True))
    raise EvaluationError(f"không biết so sánh '{c}'")  # pragma: no cover - enum is exhaustive
