"""Evaluating a plan for a period: every target's actual, projection, status, TH/KH % and
coverage (core.tracking.evaluate_target), for the plan's unit or any unit under it.

The recorded figures needed are read once (the plan year up to the period's last month, the
year's estimates, and the year before for baselines) into one core ObservationIndex. The
baseline of a ``reduce_by``/``increase_by`` target is last year's figure, rolled up the same
way, when it was recorded (period ``YYYY`` of the year before, or its months).

Reads are scoped (services.permissions): the plan must be visible to the actor and each unit
evaluated in their scope; without a unit, the plan's unit when it is in scope, else the
actor's own unit (a trưởng khóm reading the ward's plan sees their khóm).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.observations import Observation
from kehoach.core.periods import Period, PeriodKind, periods_of_kind
from kehoach.core.rollup import rollup
from kehoach.core.series import ObservationIndex
from kehoach.core.targets import Comparator, TargetRef
from kehoach.core.tracking import TargetEvaluation, evaluate_target
from kehoach.core.unitlevels import UnitError
from kehoach.core.units import OrgUnit
from kehoach.services.context import PlanContext, load_context
from kehoach.services.database import unit_of_work
from kehoach.services.permissions import check, check_plan_visible, in_scope, reading_unit
from kehoach.storage import Database

_NEEDS_BASELINE = (Comparator.REDUCE_BY, Comparator.INCREASE_BY)


def needed_periods(period: Period) -> set[str]:
    """Codes of every period whose figures can matter for ``period``."""
    codes = {
        p.code for kind in PeriodKind for p in periods_of_kind(period.year, kind) if p.last_month <= period.last_month
    }
    codes.add(Period.of_year(period.year).code)  # the year's estimates
    codes.update(p.code for kind in PeriodKind for p in periods_of_kind(period.year - 1, kind))  # baselines
    return codes


def baseline(
    target: TargetRef, unit_code: str, period: Period, index: ObservationIndex, ctx: PlanContext
) -> Decimal | None:
    """Last year's figure of a target judged against it, when recorded."""
    if target.target.comparator not in _NEEDS_BASELINE:
        return None
    try:
        result = rollup(target, unit_code, Period.of_year(period.year - 1), index, ctx.tree, rule=ctx.rule)
    except UnitError:  # the unit did not exist last year
        return None
    return result.figure.number(target.target.is_percent)


def evaluate_unit(ctx: PlanContext, index: ObservationIndex, period: Period, unit_code: str) -> list[TargetEvaluation]:
    return [
        evaluate_target(
            ref, unit_code, period, index, ctx.tree, baseline(ref, unit_code, period, index, ctx), rule=ctx.rule
        )
        for ref in ctx.targets.values()
    ]


@dataclass(frozen=True)
class Loaded:
    ctx: PlanContext
    period: Period
    observations: list[Observation]

    def index(self) -> ObservationIndex:
        return ObservationIndex(self.observations)


def load_figures(db: Database, plan_ref: int | str, period_code: str, actor: Actor = LOCAL_OPERATOR) -> Loaded:
    """The plan and the current figures an evaluation of ``period_code`` needs (the plan must
    be visible to ``actor``)."""
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        check_plan_visible(actor, ctx.unit_code, ctx.tree)
        period = ctx.period(period_code)
        return Loaded(ctx, period, tx.observations.current(ctx.plan_id, needed_periods(period)))


def read_scope(ctx: PlanContext, period: Period, unit_code: str | None, actor: Actor) -> str:
    """The unit a read is about, checked to be in the plan's tree and in the actor's scope."""
    code = ctx.scope_unit(reading_unit(actor, ctx.unit_code, unit_code, ctx.tree), period)
    check(actor, Action.READ, code, ctx.tree, ctx.day(code, period))
    return code


def evaluate_plan(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_code: str | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> list[TargetEvaluation]:
    """Every target of the plan evaluated for ``unit_code`` (default: the plan's unit, or the
    actor's own when the plan's is out of their scope); each evaluation carries its target key."""
    loaded = load_figures(db, plan_ref, period_code, actor)
    unit = read_scope(loaded.ctx, loaded.period, unit_code, actor)
    return evaluate_unit(loaded.ctx, loaded.index(), loaded.period, unit)


def evaluate_units(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_codes: Sequence[str] | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> dict[str, list[TargetEvaluation]]:
    """Every target evaluated for each of ``unit_codes`` (default: the plan's unit and every
    unit under it that is in the actor's scope), reading the figures once."""
    loaded = load_figures(db, plan_ref, period_code, actor)
    ctx, period = loaded.ctx, loaded.period
    if unit_codes is None:
        day = ctx.day(ctx.unit_code, period)
        every = [ctx.unit_code, *(u.code for u in ctx.tree.descendants(ctx.unit_code, day))]
        codes = [code for code in every if in_scope(actor, code, ctx.tree, day)]
    else:
        codes = [read_scope(ctx, period, code, actor) for code in unit_codes]
    index = loaded.index()
    return {code: evaluate_unit(ctx, index, period, code) for code in codes}


@dataclass(frozen=True)
class PlanStatus:
    """A plan's evaluation for one unit and period, with what a report needs to title it."""

    plan_id: int
    plan_title: str
    unit: OrgUnit
    period: Period
    evaluations: list[TargetEvaluation]


def plan_status(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_code: str | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> PlanStatus:
    loaded = load_figures(db, plan_ref, period_code, actor)
    ctx, period = loaded.ctx, loaded.period
    code = read_scope(ctx, period, unit_code, actor)
    evaluations = evaluate_unit(ctx, loaded.index(), period, code)
    return PlanStatus(ctx.plan_id, ctx.title, ctx.tree.get(code, ctx.day(code, period)), period, evaluations)
