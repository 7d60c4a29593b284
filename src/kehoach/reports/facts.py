"""What a report says about one target: its evaluation (core.tracking), last year's figure
of the same period (cùng kỳ), the baseline of a reduction or increase, and whether the
year-end projection beats the plan or only meets it ("ước vượt" / "ước đạt")."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kehoach.core.evaluation import EvaluationError, Outcome, evaluate
from kehoach.core.observations import Figure, quotient
from kehoach.core.status import Status
from kehoach.core.targets import Comparator, Direction, OverTime, Target
from kehoach.core.tracking import TargetEvaluation


@dataclass(frozen=True)
class TargetFacts:
    evaluation: TargetEvaluation
    previous: Figure | None = None  # the same period of last year, when recorded
    baseline: Decimal | None = None  # last year's figure for reduce_by / increase_by

    @property
    def key(self) -> str:
        return self.evaluation.key

    @property
    def target(self) -> Target:
        return self.evaluation.target

    @property
    def status(self) -> Status:
        return self.evaluation.status

    @property
    def actual(self) -> Figure:
        return self.evaluation.actual.figure

    @property
    def to_date(self) -> Figure:
        return self.evaluation.year_to_date.figure

    @property
    def projected(self) -> Figure | None:
        projection = self.evaluation.projection
        return None if projection is None else projection.figure

    @property
    def lower_is_better(self) -> bool:
        return self.target.direction is Direction.LOWER

    @property
    def cumulative(self) -> bool:
        return self.target.over_time is OverTime.CUMULATIVE and self.target.comparator not in _GRADED

    @property
    def outcome(self) -> Outcome | None:
        """Vượt / Đạt / Không đạt of the figure the status is judged on: the year's actual at year
        end, else the projection (so "Đúng tiến độ" splits into "ước vượt" and "ước đạt")."""
        if self.status is Status.NO_DATA:
            return None
        figure = self.projected
        if figure is None:
            return None
        actual = figure.as_actual(self.target.is_percent)
        if actual is None:
            return None
        try:
            return evaluate(self.target, actual, self.baseline)
        except EvaluationError:
            return None

    @property
    def previous_pct(self) -> Decimal | None:
        """TH/cùng kỳ %: this period's figure over the same period of last year, × 100."""
        if self.previous is None:
            return None
        before = self.previous.number(self.target.is_percent)
        now = self.actual.number(self.target.is_percent)
        if before is None or now is None or before <= 0 or self.target.comparator in _GRADED:
            return None
        return quotient(now * 100, before)


_GRADED = (Comparator.QUALITATIVE, Comparator.RANK_TOP)
