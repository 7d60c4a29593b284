"""The audit log: changes that are not figure revisions (``audit_events``, append-only), and
read-only views of figure revisions and period transitions shaped the same way, so the log a
user reads holds every change of their scope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Select, Table, and_, insert, select
from sqlalchemy.orm import Session

from kehoach.storage.accountrecords import ApprovalChange, AuditEvent, FigureChange
from kehoach.storage.accounttables import AuditEventRow
from kehoach.storage.base import now
from kehoach.storage.figuretables import ObservationRow, PeriodStatusRow, RevisionRow
from kehoach.storage.planrows import aware

_OBS = cast(Table, ObservationRow.__table__)
_REV = cast(Table, RevisionRow.__table__)
_FIGURE_FIELDS = ("value", "numerator", "denominator", "grade", "rank", "note")


@dataclass(frozen=True)
class AuditFilter:
    """What to read: ``unit_codes`` None means every unit (and events tied to none)."""

    unit_codes: Collection[str] | None = None
    actor: str | None = None
    period: str | None = None
    plan_id: int | None = None
    limit: int = 200
    before: dt.datetime | None = None  # only changes strictly before (for paging)


def _figure(row: Any, offset: int) -> dict[str, Any] | None:
    values = dict(zip(_FIGURE_FIELDS, row[offset : offset + len(_FIGURE_FIELDS)], strict=True))
    if all(values[name] is None for name in _FIGURE_FIELDS[:5]):
        return None
    return values


def _filtered(query: Any, where: AuditFilter, unit: Any, actor: Any, period: Any, plan: Any, at: Any) -> Any:
    """``query`` narrowed by ``where``, on the columns that hold the unit, the actor, the
    period, the plan and the time."""
    if where.unit_codes is not None:
        query = query.where(unit.in_(list(where.unit_codes)))
    if where.actor is not None:
        query = query.where(actor == where.actor)
    if where.period is not None:
        query = query.where(period == where.period)
    if where.plan_id is not None:
        query = query.where(plan == where.plan_id)
    if where.before is not None:
        query = query.where(at < where.before)
    return query


class AuditRepository:
    """The audit log in one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        actor: str,
        action: str,
        *,
        unit_code: str | None = None,
        period: str | None = None,
        plan_id: int | None = None,
        object: str = "",
        old: Any = None,
        new: Any = None,
    ) -> None:
        self._session.execute(
            insert(AuditEventRow).values(
                at=now(),
                actor=actor[:200],
                action=action[:40],
                unit_code=unit_code,
                period=period,
                plan_id=plan_id,
                object=object,
                old=old,
                new=new,
            )
        )

    def events(self, where: AuditFilter) -> list[AuditEvent]:
        query: Select[Any] = select(
            AuditEventRow.id,
            AuditEventRow.at,
            AuditEventRow.actor,
            AuditEventRow.action,
            AuditEventRow.unit_code,
            AuditEventRow.period,
            AuditEventRow.plan_id,
            AuditEventRow.object,
            AuditEventRow.old,
            AuditEventRow.new,
        )
        query = _filtered(
            query,
            where,
            AuditEventRow.unit_code,
            AuditEventRow.actor,
            AuditEventRow.period,
            AuditEventRow.plan_id,
            AuditEventRow.at,
        )
        query = query.order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc()).limit(where.limit)
        return [
            AuditEvent(event_id, aware(at), actor, action, unit, period, plan, obj, old, new)
            for event_id, at, actor, action, unit, period, plan, obj, old, new in self._session.execute(query)
        ]

    def figure_changes(self, where: AuditFilter) -> list[FigureChange]:
        """Figure revisions, newest first, each with the figure it replaced."""
        before = _REV.alias("before")
        query: Select[Any] = (
            select(
                _REV.c.recorded_at,
                _REV.c.recorded_by,
                _OBS.c.plan_id,
                _OBS.c.target_key,
                _OBS.c.unit_code,
                _OBS.c.period,
                _OBS.c.estimate,
                _REV.c.seq,
                _REV.c.reason,
                *(_REV.c[name] for name in _FIGURE_FIELDS),
                *(before.c[name] for name in _FIGURE_FIELDS),
            )
            .select_from(
                _OBS.join(_REV, _REV.c.observation_id == _OBS.c.id).outerjoin(
                    before, and_(before.c.observation_id == _REV.c.observation_id, before.c.seq == _REV.c.seq - 1)
                )
            )
            .order_by(_REV.c.recorded_at.desc(), _REV.c.id.desc())
            .limit(where.limit)
        )
        query = _filtered(
            query, where, _OBS.c.unit_code, _REV.c.recorded_by, _OBS.c.period, _OBS.c.plan_id, _REV.c.recorded_at
        )
        found = []
        size = len(_FIGURE_FIELDS)
        for row in self._session.execute(query):
            at, who, plan_id, key, unit, period, estimate, seq, reason = row[:9]
            new = _figure(row, 9)
            old = _figure(row, 9 + size)
            estimate = bool(estimate)
            found.append(FigureChange(aware(at), who, plan_id, key, unit, period, estimate, seq, old, new, reason))
        return found

    def approval_changes(self, where: AuditFilter) -> list[ApprovalChange]:
        query: Any = select(
            PeriodStatusRow.changed_at,
            PeriodStatusRow.changed_by,
            PeriodStatusRow.plan_id,
            PeriodStatusRow.unit_code,
            PeriodStatusRow.period,
            PeriodStatusRow.seq,
            PeriodStatusRow.state,
            PeriodStatusRow.reason,
        )
        query = _filtered(
            query,
            where,
            PeriodStatusRow.unit_code,
            PeriodStatusRow.changed_by,
            PeriodStatusRow.period,
            PeriodStatusRow.plan_id,
            PeriodStatusRow.changed_at,
        )
        query = query.order_by(PeriodStatusRow.changed_at.desc(), PeriodStatusRow.id.desc()).limit(where.limit)
        return [
            ApprovalChange(aware(at), who, plan_id, unit, period, seq, state, reason)
            for at, who, plan_id, unit, period, seq, state, reason in self._session.execute(query)
        ]
