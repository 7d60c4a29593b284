"""Evaluate one target of a plan for one unit and one period: actual, projection, status,
TH/KH % and coverage in one call (what services run for every target of a plan).

Decisions where the brief was silent:

- ``actual`` is the roll-up over the period asked (the figure of 2024-Q2 is April–June).
  Projection, status and TH/KH % use the year-to-date roll-up through the period's last
  month (``period.year_to_date()``): the same thing for Q1, H1, 9M and the year.
- The officer's estimate is the estimate recorded for the whole year, rolled up like the
  actuals; it is used only when every expected unit gave one (a partial sum of estimates
  would look like a poor year), else the projection falls back to the actuals.
- The unit tree is read as it stood at the end of the period (see core.rollup).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kehoach.core.observations import Figure
from kehoach.core.periods import CutoffRule, Period
from kehoach.core.rollup import Coverage, RollupResult, reference_date, rollup
from kehoach.core.series import ObservationIndex
from kehoach.core.status import Assessment, Projection, Status, achievement_pct, evaluate_status, project_year_end
from kehoach.core.targets import OverTime, Target, TargetRef
from kehoach.core.units import UnitTree


@dataclass(frozen=True)
class TargetEvaluation:
    key: str
    target: Target
    unit_code: str
    period: Period
    actual: RollupResult
    year_to_date: RollupResult
    estimate: RollupResult
    projection: Projection | None
    assessment: Assessment
    achievement_pct: Decimal | None

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def reason(self) -> str | None:
        return self.assessment.reason

    @property
    def coverage(self) -> Coverage:
        return self.actual.coverage

    @property
    def projected(self) -> Decimal | None:
        return None if self.projection is None else self.projection.value


def _partial_year(target: Target, actual: RollupResult) -> bool:
    """A cumulative figure for the year that stops before December, or with units missing."""
    if not actual.coverage.complete:
        return True
    if target.over_time is not OverTime.CUMULATIVE or not actual.periods:
        return False
    return max(p.last_month for p in actual.periods) < 12


def evaluate_target(
    target: TargetRef,
    unit_code: str,
    period: Period,
    index: ObservationIndex,
    tree: UnitTree,
    baseline: Decimal | None = None,
    *,
    rule: CutoffRule = CutoffRule.ND09,
    member_target: Target | None = None,
) -> TargetEvaluation:
    """Actual, projection, status, TH/KH % and coverage of ``target`` for ``unit_code`` in ``period``."""
    day = reference_date(tree, unit_code, period, rule)
    actual = rollup(target, unit_code, period, index, tree, on=day, rule=rule, member_target=member_target)
    ytd_period = period.year_to_date()
    if ytd_period == period:
        to_date = actual
    else:
        to_date = rollup(target, unit_code, ytd_period, index, tree, on=day, rule=rule, member_target=member_target)
    year = Period.of_year(period.year)
    estimate = rollup(
        target, unit_code, year, index, tree, estimate=True, on=day, rule=rule, member_target=member_target
    )
    usable_estimate: Figure | None = estimate.figure if estimate.has_data and estimate.coverage.complete else None
    t = target.target
    partial = period.is_whole_year and _partial_year(t, to_date)
    projection = project_year_end(t, to_date.figure, period, usable_estimate, partial)
    assessment = evaluate_status(t, to_date.figure, period, projection, baseline, partial)
    return TargetEvaluation(
        key=target.key,
        target=t,
        unit_code=unit_code,
        period=period,
        actual=actual,
        year_to_date=to_date,
        estimate=estimate,
        projection=projection,
        assessment=assessment,
        achievement_pct=achievement_pct(t, to_date.figure, baseline),
    )
