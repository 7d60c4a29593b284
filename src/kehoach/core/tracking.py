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

Units below the plan's unit (``plan_unit``): the plan's targets are the plan unit's, so a
sub-unit's figure is judged only against a target of its own (:func:`judged_against`), by
the rule of the target over units (core.rollup.effective_over_units):

- ``ratio``: the plan's target (a rate applies to every unit);
- ``units_meeting``: the unit's own result, against the member target ("Đạt"); a unit whose
  figure is the count of its own sub-units meeting theirs has none;
- ``sum``: none (its figure is a part of the whole); its share of the plan unit's year to
  date is given;
- ``unit_only``: none.

With no target of its own the status is ``not_assigned`` ("Không giao chỉ tiêu riêng"), with
no TH/KH %; the figure, year to date and projection are given as for any unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kehoach.core.observations import Figure, quotient
from kehoach.core.periods import CutoffRule, Period
from kehoach.core.rollup import (
    Coverage,
    RollupResult,
    default_member_target,
    effective_over_units,
    reference_date,
    rollup,
)
from kehoach.core.series import ObservationIndex
from kehoach.core.status import Assessment, Projection, Status, achievement_pct, evaluate_status, project_year_end
from kehoach.core.targets import OverTime, OverUnits, Target, TargetRef
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
    # The target the status was judged against: the plan's, a member target ("Đạt" for a
    # units-meeting target below the plan's unit), or None (no target of its own).
    own_target: Target | None
    # Below the plan's unit, with no target of its own: the year to date as a percentage of
    # the plan unit's year to date (sum targets), else None.
    share_pct: Decimal | None

    @property
    def assigned(self) -> bool:
        """Does this unit have a target of its own for this key?"""
        return self.own_target is not None

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


NOT_ASSIGNED_REASON = "chỉ tiêu giao cho cả đơn vị cấp trên, không giao riêng cho đơn vị này"


def judged_against(target: Target, below: bool, counts_sub_units: bool, member: Target | None = None) -> Target | None:
    """The target a unit's figure is judged against (None: it has none of its own). ``below``:
    the unit is below the plan's unit; ``counts_sub_units``: its figure of a units-meeting
    target is the count of its own sub-units meeting theirs, not its own result."""
    if not below:
        return target
    rule = effective_over_units(target)
    if rule is OverUnits.RATIO:
        return target
    if rule is OverUnits.UNITS_MEETING and not counts_sub_units:
        return member or default_member_target(target)
    return None


def share_of(part: Figure, whole: Figure | None, percent: bool = False) -> Decimal | None:
    """``part`` as a percentage of ``whole`` (None without both numbers or with a whole of 0)."""
    a = part.number(percent)
    b = None if whole is None else whole.number(percent)
    if a is None or b is None or b <= 0:
        return None
    return quotient(a * 100, b)


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
    plan_unit: str | None = None,
    whole: Figure | None = None,
) -> TargetEvaluation:
    """Actual, projection, status, TH/KH % and coverage of ``target`` for ``unit_code`` in
    ``period``. ``plan_unit``: the plan's unit, when ``unit_code`` may lie below it (see the
    module's table); ``whole``: the plan unit's year-to-date figure, for a sub-unit's share."""
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
    below = plan_unit is not None and unit_code != plan_unit
    counts_sub_units = bool(to_date.units) and unit_code not in to_date.units
    judge = judged_against(t, below, counts_sub_units, member_target)
    partial = period.is_whole_year and _partial_year(t, to_date)
    projection = project_year_end(judge or t, to_date.figure, period, usable_estimate, partial)
    share: Decimal | None = None
    if judge is None:
        assessment = Assessment(Status.NOT_ASSIGNED, NOT_ASSIGNED_REASON)
        pct = None
        if effective_over_units(t) is OverUnits.SUM:
            share = share_of(to_date.figure, whole, t.is_percent)
    else:
        own_baseline = baseline if judge is t else None
        assessment = evaluate_status(judge, to_date.figure, period, projection, own_baseline, partial)
        pct = achievement_pct(judge, to_date.figure, own_baseline)
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
        achievement_pct=pct,
        own_target=judge,
        share_pct=share,
    )
