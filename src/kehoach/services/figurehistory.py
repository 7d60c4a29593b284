"""The history of a recorded figure: every revision (who, when, old, new, reason).

The actor needs READ at the figure's unit (and the plan must be visible to them).
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.approval import PeriodState
from kehoach.core.periods import Period
from kehoach.core.revisions import Revision
from kehoach.core.targets import TargetRef
from kehoach.core.units import OrgUnit
from kehoach.services.context import load_context
from kehoach.services.database import unit_of_work
from kehoach.services.entrycheck import EntryChecker
from kehoach.services.permissions import check, check_plan_visible
from kehoach.storage import Database, StatusChange


@dataclass(frozen=True)
class FigureHistory:
    plan_id: int
    target: TargetRef
    unit: OrgUnit
    period: Period
    estimate: bool
    revisions: list[Revision]  # oldest first; the last one's ``new`` is the current figure
    state: PeriodState  # the approval state of the unit's period
    status_changes: list[StatusChange]
    locked_because: str | None  # why the figure cannot change now (None: it can)


def figure_history(
    db: Database,
    plan_ref: int | str,
    key: str,
    unit_code: str,
    period_code: str,
    *,
    estimate: bool = False,
    actor: Actor = LOCAL_OPERATOR,
) -> FigureHistory:
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        check_plan_visible(actor, ctx.unit_code, ctx.tree)
        target = ctx.target(key)
        period = ctx.period(period_code)
        unit = ctx.reporting_unit(unit_code.strip(), period)
        check(actor, Action.READ, unit.code, ctx.tree, ctx.day(unit.code, period))
        revisions = tx.observations.history(ctx.plan_id, (target.key, unit.code, period.code, estimate))
        changes = tx.period_status.history(ctx.plan_id, unit.code, period.code)
        locked = EntryChecker(ctx, tx.period_status.states(ctx.plan_id)).lock(unit.code, period)
        state = changes[-1].state if changes else PeriodState.DRAFT
        return FigureHistory(ctx.plan_id, target, unit, period, estimate, revisions, state, changes, locked)


def history(
    db: Database,
    plan_ref: int | str,
    key: str,
    unit_code: str,
    period_code: str,
    *,
    estimate: bool = False,
    actor: Actor = LOCAL_OPERATOR,
) -> list[Revision]:
    """Every revision of the figure of ``key`` × ``unit_code`` × ``period_code``, oldest first."""
    return figure_history(db, plan_ref, key, unit_code, period_code, estimate=estimate, actor=actor).revisions
