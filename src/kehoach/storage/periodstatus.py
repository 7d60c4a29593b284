"""Approval states of plan × unit × period, kept as an append-only history.

Two transitions of one period judged on the same history at the same moment are both numbered
N + 1: the second to commit is refused by the unique constraint, a :class:`WriteConflict`."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, and_, func, select
from sqlalchemy.orm import Session

from kehoach.core.approval import PeriodState
from kehoach.storage.bulkinsert import insert_rows
from kehoach.storage.errors import WriteConflict
from kehoach.storage.figuretables import PeriodStatusRow
from kehoach.storage.planrows import aware
from kehoach.storage.records import StatusChange

STATUS_CONFLICT = "Trạng thái kỳ báo cáo vừa được người khác thay đổi; hãy tải lại và thử lại"

_STATUS = cast(Table, PeriodStatusRow.__table__)


class PeriodStatusRepository:
    """Approval transitions in one transaction; the latest transition is the state."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def states(self, plan_id: int) -> dict[tuple[str, str], PeriodState]:
        """The current state of every (unit code, period code) of the plan that was ever acted on."""
        latest = (
            select(PeriodStatusRow.unit_code, PeriodStatusRow.period, func.max(PeriodStatusRow.seq).label("seq"))
            .where(PeriodStatusRow.plan_id == plan_id)
            .group_by(PeriodStatusRow.unit_code, PeriodStatusRow.period)
            .subquery()
        )
        rows = self._session.execute(
            select(PeriodStatusRow.unit_code, PeriodStatusRow.period, PeriodStatusRow.state)
            .join(
                latest,
                and_(
                    PeriodStatusRow.unit_code == latest.c.unit_code,
                    PeriodStatusRow.period == latest.c.period,
                    PeriodStatusRow.seq == latest.c.seq,
                ),
            )
            .where(PeriodStatusRow.plan_id == plan_id)
        )
        return {(unit, period): PeriodState(state) for unit, period, state in rows}

    def history(self, plan_id: int, unit_code: str, period: str) -> list[StatusChange]:
        rows = self._session.execute(
            select(
                PeriodStatusRow.state, PeriodStatusRow.changed_by, PeriodStatusRow.changed_at, PeriodStatusRow.reason
            )
            .where(
                PeriodStatusRow.plan_id == plan_id,
                PeriodStatusRow.unit_code == unit_code,
                PeriodStatusRow.period == period,
            )
            .order_by(PeriodStatusRow.seq)
        )
        return [StatusChange(PeriodState(state), who, aware(when), reason) for state, who, when, reason in rows]

    def append(
        self,
        plan_id: int,
        unit_code: str,
        period: str,
        state: PeriodState,
        who: str,
        reason: str = "",
        *,
        after: int | None = None,
    ) -> StatusChange:
        """Append a transition, numbered one after ``after`` (how many transitions the caller
        judged it on; None: the latest stored). A number another transaction took first is a
        :class:`WriteConflict`."""
        if after is None:
            after = (
                self._session.scalar(
                    select(func.max(PeriodStatusRow.seq)).where(
                        PeriodStatusRow.plan_id == plan_id,
                        PeriodStatusRow.unit_code == unit_code,
                        PeriodStatusRow.period == period,
                    )
                )
                or 0
            )
        moment = dt.datetime.now(dt.UTC)
        row = {
            "plan_id": plan_id,
            "unit_code": unit_code,
            "period": period,
            "seq": after + 1,
            "state": state.value,
            "reason": reason,
            "changed_by": who,
            "changed_at": moment,
        }
        try:
            insert_rows(self._session, _STATUS, [row])
        except WriteConflict as exc:  # another transition of the period was stored first
            raise WriteConflict(STATUS_CONFLICT) from exc
        return StatusChange(state, who, moment, reason)
