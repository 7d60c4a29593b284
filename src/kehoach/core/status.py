"""Status of a target (Vượt, Đạt, Không đạt, Chưa có số liệu, Đúng tiến độ, Có nguy cơ
không đạt; and Không giao chỉ tiêu riêng for a unit below the plan's that has no target of
its own: core.tracking), the projection to year end, and TH/KH % (DESIGN §3).

Decisions where the brief was silent:

- Projection (:func:`project_year_end`) takes the *year-to-date* figure through
  ``period`` (core.tracking rolls it up over ``period.year_to_date()``). For the whole
  year the actual itself is the projection; otherwise an officer's estimate for the year
  wins; otherwise a cumulative figure is extrapolated linearly, value × 12 / months
  elapsed, and a latest (rate) figure, a grade or a rank is carried as it is. For a ratio
  (numerator and denominator) both terms are extrapolated, so the projected rate equals
  the rate to date; the scaled numerator and denominator are kept for display.
- Final verdict (exceeded/met/not met) only for the whole year. With no actual for the
  year but an estimate, the verdict is given on the estimate (the December session
  judges "ước thực hiện cả năm") and the reason says so. Any other period, even one
  ending in December, is judged on its projection: on track or at risk.
- ``reduce_by`` / ``increase_by`` without a baseline, or a figure of the wrong kind
  (a grade for a number …), give "Chưa có số liệu" with the reason.
- TH/KH % (:func:`achievement_pct`) is for higher-is-better targets only: ``>=``, ``>``,
  ``=`` (direction higher) as actual / target × 100, ``range`` against its lower bound,
  ``increase_by`` as change / planned change × 100 (in percent of the baseline when its
  basis is relative). It is None ("–") for lower-is-better targets, ranks, qualitative
  targets, a target value of zero or below, and missing figures. Never rounded here:
  :func:`round_half_up` and :func:`achievement_text` are for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

from kehoach.core.evaluation import EvaluationError, Outcome, evaluate
from kehoach.core.numbers import format_vn_percent
from kehoach.core.observations import Figure, quotient
from kehoach.core.periods import Period
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, Target


class Status(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    NOT_ASSIGNED = "not_assigned"  # a unit below the plan's with no target of its own: no verdict

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_final(self) -> bool:
        """A year-end verdict (or no data, or no target), not a judgement of progress."""
        return self not in (Status.ON_TRACK, Status.AT_RISK)

    @property
    def is_verdict(self) -> bool:
        """Judged against a target (or could not be for want of figures): all but NOT_ASSIGNED."""
        return self is not Status.NOT_ASSIGNED


STATUS_LABELS = {
    Status.EXCEEDED: "Vượt",
    Status.MET: "Đạt",
    Status.NOT_MET: "Không đạt",
    Status.NO_DATA: "Chưa có số liệu",
    Status.ON_TRACK: "Đúng tiến độ",
    Status.AT_RISK: "Có nguy cơ không đạt",
    Status.NOT_ASSIGNED: "Không giao chỉ tiêu riêng",
}

_FINAL = {Outcome.EXCEEDED: Status.EXCEEDED, Outcome.MET: Status.MET, Outcome.NOT_MET: Status.NOT_MET}


class ProjectionMethod(StrEnum):
    ACTUAL = "actual"  # the whole year's actual
    ESTIMATE = "estimate"  # an officer's estimate for the year
    EXTRAPOLATED = "extrapolated"  # cumulative × 12 / months elapsed
    CARRIED = "carried"  # latest figure, grade or rank as it is

    @property
    def label(self) -> str:
        return {
            "actual": "Thực hiện cả năm",
            "estimate": "Ước thực hiện cả năm",
            "extrapolated": "Ngoại suy từ lũy kế",
            "carried": "Theo số liệu mới nhất",
        }[self.value]


@dataclass(frozen=True)
class Projection:
    """The expected year-end figure and how it was obtained."""

    figure: Figure
    method: ProjectionMethod
    months_elapsed: int

    @property
    def value(self) -> Decimal | None:
        return self.figure.value


@dataclass(frozen=True)
class Assessment:
    """A status with the reason when it is not a plain comparison."""

    status: Status
    reason: str | None = None

    @property
    def label(self) -> str:
        return self.status.label


def _as_figure(figure: Figure | Decimal | None) -> Figure | None:
    if figure is None:
        return None
    if isinstance(figure, Decimal):
        figure = Figure(figure)
    return None if figure.is_empty else figure


def project_year_end(
    target: Target,
    actual: Figure | Decimal | None,
    period: Period,
    estimate: Figure | Decimal | None = None,
    partial: bool = False,
) -> Projection | None:
    """The year-end figure expected from the year-to-date ``actual`` through ``period``
    (``partial``: the year's actual does not cover the whole year yet)."""
    to_date = _as_figure(actual)
    guess = _as_figure(estimate)
    elapsed = period.months_elapsed
    if period.is_whole_year and to_date is not None and not (partial and guess is not None):
        return Projection(to_date, ProjectionMethod.ACTUAL, elapsed)
    if guess is not None:
        return Projection(guess, ProjectionMethod.ESTIMATE, elapsed)
    if to_date is None:
        return None
    graded = to_date.grade is not None or to_date.rank is not None
    if target.over_time is OverTime.LATEST or graded:
        return Projection(to_date, ProjectionMethod.CARRIED, elapsed)
    if elapsed == 12:
        return Projection(to_date, ProjectionMethod.ACTUAL, elapsed)

    def scale(x: Decimal | None) -> Decimal | None:
        return None if x is None else quotient(x * 12, Decimal(elapsed))

    if to_date.numerator is not None and to_date.denominator is not None:
        projected = Figure(to_date.value, scale(to_date.numerator), scale(to_date.denominator))
    else:
        projected = Figure(scale(to_date.number(target.is_percent)))
    return Projection(projected, ProjectionMethod.EXTRAPOLATED, elapsed)


@dataclass(frozen=True)
class _Reason:
    """Why a target could not be judged."""

    text: str


def _needs_baseline(target: Target) -> bool:
    return target.comparator in (Comparator.REDUCE_BY, Comparator.INCREASE_BY)


def _judge(target: Target, figure: Figure, baseline: Decimal | None) -> Outcome | _Reason:
    """The outcome, or the Vietnamese reason why there is none."""
    actual = figure.as_actual(target.is_percent)
    if actual is None:
        return _Reason("chưa có số liệu thực hiện")
    if _needs_baseline(target) and baseline is None:
        return _Reason("cần số liệu thực hiện năm trước (năm gốc) để so sánh")
    try:
        return evaluate(target, actual, baseline)
    except EvaluationError as exc:
        return _Reason(f"không đánh giá được: {exc}")


def evaluate_status(
    target: Target,
    actual: Figure | Decimal | None,
    period: Period,
    projection: Projection | Figure | Decimal | None = None,
    baseline: Decimal | None = None,
    partial: bool = False,
) -> Assessment:
    """Vượt / Đạt / Không đạt for the whole year, Đúng tiến độ / Có nguy cơ không đạt within it.

    ``partial`` says the year's actual does not cover the whole year yet (the December session
    reports before the year is over, NĐ 09/2019): then an officer's estimate for the year,
    when there is one, is what the year is judged on."""
    done = _as_figure(actual)
    if isinstance(projection, Projection):
        expected: Figure | None = projection.figure
        on_estimate = projection.method is ProjectionMethod.ESTIMATE
    else:
        expected, on_estimate = _as_figure(projection), False
    if period.is_whole_year:
        if done is not None and not (partial and expected is not None and on_estimate):
            outcome = _judge(target, done, baseline)
            if isinstance(outcome, _Reason):
                return Assessment(Status.NO_DATA, outcome.text)
            return Assessment(_FINAL[outcome])
        if expected is not None and on_estimate:
            outcome = _judge(target, expected, baseline)
            if isinstance(outcome, _Reason):
                return Assessment(Status.NO_DATA, outcome.text)
            return Assessment(_FINAL[outcome], "đánh giá theo số ước thực hiện cả năm")
        return Assessment(Status.NO_DATA, "chưa có số liệu thực hiện cả năm")
    if expected is None:
        return Assessment(Status.NO_DATA, "chưa có số liệu để ước thực hiện cả năm")
    outcome = _judge(target, expected, baseline)
    if isinstance(outcome, _Reason):
        return Assessment(Status.NO_DATA, outcome.text)
    return Assessment(Status.AT_RISK if outcome is Outcome.NOT_MET else Status.ON_TRACK)


def achievement_pct(target: Target, actual: Figure | Decimal | None, baseline: Decimal | None = None) -> Decimal | None:
    """TH/KH %: the actual as a percentage of the plan, unrounded; None where there is no formula."""
    figure = _as_figure(actual)
    if figure is None or target.direction is Direction.LOWER:
        return None
    a = figure.number(target.is_percent)
    t = target.value
    if a is None or t is None or t <= 0:
        return None
    c = target.comparator
    if c in (Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.EQUAL, Comparator.RANGE):
        return quotient(a * 100, t)
    if c is Comparator.INCREASE_BY:
        if baseline is None:
            return None
        change = a - baseline
        if target.basis is ChangeBasis.RELATIVE:
            if baseline == 0:
                return None
            return quotient(change * 100 * 100, baseline * t)
        return quotient(change * 100, t)
    return None


def round_half_up(value: Decimal, places: int = 1) -> Decimal:
    """Round for display, half away from zero: 97,45 → 97,5; never banker's rounding."""
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def achievement_text(pct: Decimal | None, places: int = 1) -> str:
    """TH/KH % as printed in reports: "97,5%", or "–" when there is none."""
    return "–" if pct is None else format_vn_percent(pct, places)
