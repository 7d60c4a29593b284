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
from kehoach.services.database import unit_of_work, write_work
from kehoach.services.errors import InputError
from kehoach.services.permissions import check
from kehoach.services.recording import recorded_name
from kehoach.storage import Database, StatusChange, Transaction

_NEEDS = {PeriodAction.SUBMIT: Action.SUBMIT, PeriodAction.APPROVE: Action.APPROVE, PeriodAction.REOPEN: Action.REOPEN}


@dataclass(frozen=True)
class PeriodStatus:
    """The approval state of a plan × unit × period and how it got there."""

    plan_id: int
    unit: OrgUnit
    period: Period
    state: PeriodState
    history: list[StatusChange]


def _status(
    tx: Transaction, plan_ref: int | str, unit_code: str, period_code: str, actor: Actor, needs: Action
) -> PeriodStatus:
    """The period's state and history, once ``actor`` is found to have ``needs`` at its unit."""
    ctx = load_context(tx, plan_ref)
    period = ctx.period(period_code)
    unit = ctx.reporting_unit(unit_code.strip(), period)
    check(actor, needs, unit.code, ctx.tree, ctx.day(unit.code, period))
    history = tx.period_status.history(ctx.plan_id, unit.code, period.code)
    return PeriodStatus(ctx.plan_id, unit, period, history[-1].state if history else PeriodState.DRAFT, history)


@dataclass(frozen=True)
class Transition:
    """One step of a unit's period, called as a function (:data:`submit`, :data:`approve`,
    :data:`reopen`); refused with the reason when the period's state does not allow it."""

    action: PeriodAction

    def __call__(
        self,
        db: Database,
        plan_ref: int | str,
        unit_code: str,
        period_code: str,
        who: str | None = None,
        reason: str | None = None,
        *,
        actor: Actor = LOCAL_OPERATOR,
    ) -> PeriodStatus:
        name = recorded_name(actor, who)
        action = self.action

        def work(tx: Transaction) -> PeriodStatus:
            now = _status(tx, plan_ref, unit_code, period_code, actor, _NEEDS[action])
            try:
                state = transition(now.state, action, reason)
            except ApprovalError as exc:
                raise InputError(
                    f"không {action.label} được số liệu kỳ {now.period.label} của đơn vị "
                    f"{now.unit.name} ({now.unit.code}): {exc}"
                ) from exc
            change = tx.period_status.append(
                now.plan_id, now.unit.code, now.period.code, state, name, (reason or "").strip(), after=len(now.history)
            )
            return PeriodStatus(now.plan_id, now.unit, now.period, state, [*now.history, change])

        return write_work(db, work)


submit = Transition(PeriodAction.SUBMIT)  # the unit sends its figures for the period for approval
approve = Transition(PeriodAction.APPROVE)  # submitted figures approved: locked for the unit and the units under it
reopen = Transition(PeriodAction.REOPEN)  # a submitted or approved period opened for corrections (a reason is needed)


def period_status(
    db: Database, plan_ref: int | str, unit_code: str, period_code: str, *, actor: Actor = LOCAL_OPERATOR
) -> PeriodStatus:
    with unit_of_work(db) as tx:
        return _status(tx, plan_ref, unit_code, period_code, actor, Action.READ)
