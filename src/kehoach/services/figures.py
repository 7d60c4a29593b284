"""Reading the current figures of a plan for a period, with each slot's revision number (what a
write names in ``replaces``), limited to the unit asked and the units under it in the actor's
scope; the latest month with figures."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, Actor
from kehoach.core.observations import Observation
from kehoach.core.periods import Period, PeriodKind
from kehoach.services.caching import EVALUATIONS, kept
from kehoach.services.context import context_at, load_context
from kehoach.services.database import unit_of_work
from kehoach.services.evaluating import read_scope
from kehoach.services.permissions import check_plan_visible, in_scope
from kehoach.storage import Database


@dataclass(frozen=True)
class CurrentFigure:
    target_key: str
    unit_code: str
    period: str
    estimate: bool
    seq: int  # the slot's latest revision: what a change of this figure replaces
    figure: Observation | None  # None: cleared


def current_figures(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_code: str | None = None,
    *,
    estimate: bool | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> list[CurrentFigure]:
    """Every slot of ``period_code`` for ``unit_code`` (default: the plan's unit, or the actor's
    own when the plan's is out of their scope) and the units under it; ``estimate`` True or
    False keeps only estimates or actuals. Ordered by target key, unit and estimate."""
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        check_plan_visible(actor, ctx.unit_code, ctx.tree)
        period = ctx.period(period_code)
        scope = read_scope(ctx, period, unit_code, actor)
        slots = tx.observations.slots(ctx.plan_id, {period.code})
    order = {key: n for n, key in enumerate(ctx.targets)}
    found = []
    for (key, unit, code, is_estimate), slot in slots.items():
        if estimate is not None and is_estimate != estimate:
            continue
        day = ctx.day(unit, period) if unit in ctx.tree else None
        if unit not in ctx.tree or not ctx.tree.is_within(unit, scope, day) or not in_scope(actor, unit, ctx.tree, day):
            continue
        found.append(CurrentFigure(key, unit, code, is_estimate, slot.seq, slot.current))
    found.sort(key=lambda f: (order.get(f.target_key, len(order)), f.unit_code, f.estimate))
    return found


def latest_month(db: Database, plan_ref: int | str, year: int) -> Period | None:
    """The last month of ``year`` that has any recorded figure of the plan (actuals only; the
    month a dashboard opens on), kept for the data version."""
    with unit_of_work(db) as tx:
        version = tx.versions.current()
        ctx = context_at(tx, plan_ref, version)

        def find() -> Period | None:
            months = [
                o.period.last_month
                for o in tx.observations.current(ctx.plan_id)
                if not o.estimate and o.period.year == year
            ]
            return Period(PeriodKind.MONTH, year, max(months)) if months else None

        return kept(tx, EVALUATIONS, (ctx.plan_id, "#latest-month", year), version, find)
