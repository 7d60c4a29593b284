"""Submitting, approving (locking) and reopening a unit's figures for a period.

Every transition is appended to the period's history (who, when, reason); the latest one is
the state. An approved period locks the figures of the unit and of every unit under it in
the plan for that period (services.entrycheck).

The actor needs the action (SUBMIT, APPROVE, REOPEN; READ for :func:`period_status`) at the
period's unit; the transition names the actor's username (the local operator: ``who``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.approval import ApprovalError, PeriodAction, PeriodState, transition
from kehoach.core.periods import Period
from kehoach.core.units import OrgUnit
from kehoach.services.context import load_context
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.permissions import check
from kehoach.services.recording import recorded_name
from kehoach.storage import Database, StatusChange

_NEEDS = {PeriodAction.SUBMIT: Action.SUBMIT, PeriodAction.APPROVE: Action.APPROVE, PeriodAction.REOPEN: Action.REOPEN}


@dataclass(frozen=True)
class PeriodStatus:
    """The approval state of a plan × unit × period and how it got there."""

    plan_id: int
    unit: OrgUnit
    period: Period
    state: PeriodState
    history: list[StatusChange]


def _act(
    db: Database,
    action: PeriodAction,
    plan_ref: int | str,
    unit_code: str,
    period_code: str,
    who: str | None,
    reason: str | None,
    actor: Actor,
) -> PeriodStatus:
    name = recorded_name(actor, who)
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        period = ctx.period(period_code)
        unit = ctx.reporting_unit(unit_code.strip(), period)
        check(actor, _NEEDS[action], unit.code, ctx.tree, ctx.day(unit.code, period))
        history = tx.period_status.history(ctx.plan_id, unit.code, period.code)
        state = history[-1].state if history else PeriodState.DRAFT
        try:
            new_state = transition(state, action, reason)
        except ApprovalError as exc:
            raise InputError(
                f"không {action.label} được số liệu kỳ {period.label} của đơn vị {unit.name} ({unit.code}): {exc}"
            ) from exc
        change = tx.period_status.append(ctx.plan_id, unit.code, period.code, new_state, name, (reason or "").strip())
        return PeriodStatus(ctx.plan_id, unit, period, new_state, [*history, change])


def submit(
    db: Database,
    plan_ref: int | str,
    unit_code: str,
    period_code: str,
    who: str | None = None,
    reason: str | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> PeriodStatus:
    """The unit sends its figures for the period for approval."""
    return _act(db, PeriodAction.SUBMIT, plan_ref, unit_code, period_code, who, reason, actor)


def approve(
    db: Database,
    plan_ref: int | str,
    unit_code: str,
    period_code: str,
    who: str | None = None,
    reason: str | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> PeriodStatus:
    """Approve submitted figures: the period is locked for the unit and the units under it."""
    return _act(db, PeriodAction.APPROVE, plan_ref, unit_code, period_code, who, reason, actor)


def reopen(
    db: Database,
    plan_ref: int | str,
    unit_code: str,
    period_code: str,
    who: str | None = None,
    reason: str | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> PeriodStatus:
    """Reopen a submitted or approved period so its figures can be corrected (a reason is needed)."""
    return _act(db, PeriodAction.REOPEN, plan_ref, unit_code, period_code, who, reason, actor)


def period_status(
    db: Database, plan_ref: int | str, unit_code: str, period_code: str, *, actor: Actor = LOCAL_OPERATOR
) -> PeriodStatus:
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        period = ctx.period(period_code)
        unit = ctx.reporting_unit(unit_code.strip(), period)
        check(actor, Action.READ, unit.code, ctx.tree, ctx.day(unit.code, period))
        history = tx.period_status.history(ctx.plan_id, unit.code, period.code)
        state = history[-1].state if history else PeriodState.DRAFT
        return PeriodStatus(ctx.plan_id, unit, period, state, history)
