"""A target's evaluation month by month, January to a period's last month, for one unit (the
trend chart of the dashboard and of a target's page): one read of the figures, kept for the
data version like every evaluation (services.evaluating)."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, Actor
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.core.rollup import effective_over_units, rollup
from kehoach.core.targets import OverUnits, TargetRef
from kehoach.core.tracking import TargetEvaluation
from kehoach.services.caching import EVALUATIONS, kept
from kehoach.services.errors import InputError
from kehoach.services.evaluating import Loaded, evaluate_one, load_figures, read_scope
from kehoach.storage import Database


@dataclass(frozen=True)
class Trend:
    target: TargetRef
    unit_code: str
    period: Period
    points: tuple[tuple[Period, TargetEvaluation], ...]  # each month, January first


def _points(loaded: Loaded, ref: TargetRef, unit: str) -> tuple[tuple[Period, TargetEvaluation], ...]:
    ctx, index, period = loaded.ctx, loaded.figures, loaded.period
    share_of_whole = unit != ctx.unit_code and effective_over_units(ref.target) is OverUnits.SUM
    points = []
    for month in range(1, period.last_month + 1):
        p = Period.of_month(period.year, month)
        whole = None
        if share_of_whole:
            whole = rollup(ref, ctx.unit_code, p.year_to_date(), index, ctx.tree, rule=ctx.rule).figure
        evaluation = evaluate_one(ctx, index, p, ref, unit, whole)
        points.append((p, evaluation))
    return tuple(points)


def target_trend(
    db: Database,
    plan_ref: int | str,
    key: str,
    period_code: str,
    unit_code: str | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> Trend:
    """Target ``key`` evaluated for each month up to ``period_code``'s last month, for
    ``unit_code`` (default as services.evaluating.read_scope), which the actor must be allowed to read."""
    try:
        asked = parse_period(period_code.strip())
    except PeriodError as exc:
        raise InputError(str(exc)) from exc
    loaded = load_figures(db, plan_ref, Period.of_month(asked.year, asked.last_month).code, actor)
    ctx = loaded.ctx
    period = ctx.period(period_code.strip())
    ref = ctx.target(key)
    unit = read_scope(ctx, period, unit_code, actor)
    cache_key = (ctx.plan_id, "#trend", ref.key, unit, loaded.period.code)
    points = kept(db, EVALUATIONS, cache_key, loaded.version, lambda: _points(loaded, ref, unit))
    return Trend(ref, unit, period, points)
