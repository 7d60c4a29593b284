"""Evaluating a plan for a period: every target's actual, projection, status, TH/KH % and
coverage (core.tracking.evaluate_target), for the plan's unit or any unit under it.

The recorded figures needed are read once (the plan year up to the period's last month, the
year's estimates, and the year before for baselines) into one core ObservationIndex. The
baseline of a ``reduce_by``/``increase_by`` target is last year's figure, rolled up the same
way, when it was recorded (period ``YYYY`` of the year before, or its months).

Reads are scoped (services.permissions): the plan must be visible to the actor and each unit
evaluated in their scope; without a unit, the plan's unit when it is in scope, else the
actor's own unit (a trưởng khóm reading the ward's plan sees their khóm).

What is read and computed is kept for the data version (services.caching): the plan's context,
the index of figures (by plan, year and last month: what ``needed_periods`` depends on) and the
evaluations of each unit (by plan, period and unit). The checks above run on every call,
before anything kept is looked up; an evaluation kept for one unit is only ever handed to a
reader who may read that unit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.observations import Figure, Observation
from kehoach.core.periods import Period, PeriodKind, periods_of_kind
from kehoach.core.rollup import effective_over_units, rollup
from kehoach.core.series import ObservationIndex
from kehoach.core.targets import Comparator, OverUnits, TargetRef
from kehoach.core.tracking import TargetEvaluation, evaluate_target
from kehoach.core.unitlevels import UnitError
from kehoach.core.units import OrgUnit
from kehoach.services.caching import EVALUATIONS, INDEXES, kept
from kehoach.services.context import PlanContext, context_at
from kehoach.services.database import unit_of_work
from kehoach.services.permissions import check, check_plan_visible, in_scope, reading_unit
from kehoach.storage import Database, DataVersion, Transaction

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


def plan_totals(ctx: PlanContext, index: ObservationIndex, period: Period) -> dict[str, Figure]:
    """The plan unit's year-to-date figure of each sum target: what a sub-unit's share is of."""
    to_date = period.year_to_date()
    return {
        key: rollup(ref, ctx.unit_code, to_date, index, ctx.tree, rule=ctx.rule).figure
        for key, ref in ctx.targets.items()
        if effective_over_units(ref.target) is OverUnits.SUM
    }


def evaluate_unit(
    ctx: PlanContext,
    index: ObservationIndex,
    period: Period,
    unit_code: str,
    totals: Mapping[str, Figure] | None = None,
) -> list[TargetEvaluation]:
    """Every target of the plan for ``unit_code`` (a unit below the plan's is judged only against
    targets of its own: core.tracking). ``totals``: :func:`plan_totals`, when already known."""
    if totals is None and unit_code != ctx.unit_code:
        totals = plan_totals(ctx, index, period)
    return [
        evaluate_one(ctx, index, period, ref, unit_code, None if totals is None else totals.get(ref.key))
        for ref in ctx.targets.values()
    ]


def evaluate_one(
    ctx: PlanContext,
    index: ObservationIndex,
    period: Period,
    ref: TargetRef,
    unit_code: str,
    whole: Figure | None = None,
) -> TargetEvaluation:
    """One target of the plan for ``unit_code``; ``whole``: the plan unit's year-to-date figure
    of a sum target (a sub-unit's share is of it)."""
    return evaluate_target(
        ref,
        unit_code,
        period,
        index,
        ctx.tree,
        baseline(ref, unit_code, period, index, ctx),
        rule=ctx.rule,
        plan_unit=ctx.unit_code,
        whole=whole,
    )


@dataclass(frozen=True)
class Loaded:
    """A plan and the figures an evaluation of ``period`` reads, as of one data version."""

    ctx: PlanContext
    period: Period
    figures: ObservationIndex
    version: DataVersion | None  # None: read in a transaction that had written (never kept)

    @property
    def observations(self) -> list[Observation]:
        return list(self.figures)


def figures_at(tx: Transaction, ctx: PlanContext, period: Period, version: DataVersion | None) -> ObservationIndex:
    """The figures an evaluation of ``period`` reads (kept for the data version)."""
    return kept(
        tx,
        INDEXES,
        (ctx.plan_id, period.year, period.last_month),  # what needed_periods depends on
        version,
        lambda: ObservationIndex(tx.observations.current(ctx.plan_id, needed_periods(period))),
    )


def load_figures(db: Database, plan_ref: int | str, period_code: str, actor: Actor = LOCAL_OPERATOR) -> Loaded:
    """The plan and the current figures an evaluation of ``period_code`` needs (the plan must
    be visible to ``actor``)."""
    with unit_of_work(db) as tx:
        version = tx.versions.current()
        ctx = context_at(tx, plan_ref, version)
        check_plan_visible(actor, ctx.unit_code, ctx.tree)
        period = ctx.period(period_code)
        return Loaded(ctx, period, figures_at(tx, ctx, period, version), version)


def read_scope(ctx: PlanContext, period: Period, unit_code: str | None, actor: Actor) -> str:
    """The unit a read is about, checked to be in the plan's tree and in the actor's scope."""
    code = ctx.scope_unit(reading_unit(actor, ctx.unit_code, unit_code, ctx.tree), period)
    check(actor, Action.READ, code, ctx.tree, ctx.day(code, period))
    return code


def evaluations_of(db: Database, loaded: Loaded, codes: Sequence[str]) -> dict[str, list[TargetEvaluation]]:
    """Every target evaluated for each of ``codes`` (already checked for the reader), kept for
    the data version: an evaluation of a unit is the same whoever reads it."""
    ctx, period, index, version = loaded.ctx, loaded.period, loaded.figures, loaded.version

    def totals() -> dict[str, Figure]:
        return kept(
            db, EVALUATIONS, (ctx.plan_id, period.code, "#totals"), version, lambda: plan_totals(ctx, index, period)
        )

    def of(code: str) -> tuple[TargetEvaluation, ...]:
        sums = None if code == ctx.unit_code else totals()
        return tuple(evaluate_unit(ctx, index, period, code, sums))

    found: dict[str, list[TargetEvaluation]] = {}
    for code in codes:
        evaluations = kept(db, EVALUATIONS, (ctx.plan_id, period.code, code), version, partial(of, code))
        found[code] = list(evaluations)
    return found


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
    return evaluations_of(db, loaded, [unit])[unit]


@dataclass(frozen=True)
class Evaluated:
    """Evaluations of several units, with the plan they were made from (no second read of it)."""

    ctx: PlanContext
    period: Period
    units: dict[str, list[TargetEvaluation]]
    version: DataVersion | None  # what a caller may key what it derives from these by (services.caching)


def evaluate(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_codes: Sequence[str] | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> Evaluated:
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
    return Evaluated(ctx, period, evaluations_of(db, loaded, codes), loaded.version)


def evaluate_units(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_codes: Sequence[str] | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> dict[str, list[TargetEvaluation]]:
    """:func:`evaluate` without the plan: every target for each unit."""
    return evaluate(db, plan_ref, period_code, unit_codes, actor=actor).units


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
    evaluations = evaluations_of(db, loaded, [code])[code]
    return PlanStatus(ctx.plan_id, ctx.title, ctx.tree.get(code, ctx.day(code, period)), period, evaluations)
