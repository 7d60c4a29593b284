"""Recorded figures: read the current figures of a period, write one (naming the revision it
replaces: a stale write is refused with 409 and the current figure), clear one, read a
figure's history."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import Response
from pydantic import Field

from kehoach import services
from kehoach.core.accounts import Actor
from kehoach.core.observations import Observation
from kehoach.web.api.plans import PlanId
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import (
    Code,
    FigureOut,
    LongText,
    Number,
    Schema,
    ShortText,
    SlotFigureOut,
    StaleOut,
    figure_data,
)
from kehoach.web.deps import ActorDep, DbDep

router = resource_router("số liệu")

PeriodQuery = Annotated[str, Query(min_length=4, max_length=10, description="Kỳ: 2024-01, 2024-Q1, 2024-H1, 2024")]
UnitQuery = Annotated[str | None, Query(max_length=50, description="Mã đơn vị (mặc định: trong phạm vi người gọi)")]
KeyQuery = Annotated[str, Query(min_length=1, max_length=60, description="Mã chỉ tiêu: 5.2, T1.1.1")]
STALE: dict[int | str, dict[str, Any]] = {
    409: {"model": StaleOut, "description": "Số liệu đã bị thay đổi trong lúc sửa; kèm số liệu hiện tại"}
}
PeriodCode = Annotated[str, Field(min_length=4, max_length=10)]


class FigureList(Schema):
    plan_id: int
    period: str
    items: list[SlotFigureOut]


class Slot(Schema):
    target_key: Code
    unit_code: Code
    period: PeriodCode
    estimate: bool = False

    @property
    def where(self) -> tuple[str, str, str]:
        """Target key, unit code and period: the services' positional arguments."""
        return (self.target_key, self.unit_code, self.period)


class FigureWrite(Slot):
    """A figure to record. ``replaces`` is required: the slot's current ``seq`` as the caller
    saw it, or null when it had no figure yet."""

    value: Number | None = None
    numerator: Number | None = None
    denominator: Number | None = None
    grade: ShortText | None = None
    rank: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    note: LongText | None = None
    reason: LongText | None = None
    replaces: Annotated[int, Field(ge=1, le=2**31 - 1)] | None


class FigureClear(Slot):
    reason: LongText | None = None
    replaces: Annotated[int, Field(ge=1, le=2**31 - 1)]


class WriteOut(Schema):
    result: str  # "created", "changed", "unchanged", "cleared"
    figure: SlotFigureOut


class RevisionOut(Schema):
    seq: int
    when: dt.datetime
    who: str
    kind: str
    kind_label: str
    old: FigureOut | None
    new: FigureOut | None
    reason: str


class HistoryOut(Schema):
    target_key: str
    unit_code: str
    period: str
    estimate: bool
    state: str
    state_label: str
    locked_because: str | None
    revisions: list[RevisionOut]


def slot_out(
    key: str, unit: str, period: str, estimate: bool, seq: int | None, obs: Observation | None
) -> SlotFigureOut:
    return SlotFigureOut(target_key=key, unit_code=unit, period=period, estimate=estimate, **figure_data(seq, obs))


def _current(db: services.Database, plan_id: int, slot: Slot, actor: Actor) -> SlotFigureOut:
    found = services.figure_history(
        db, plan_id, slot.target_key, slot.unit_code, slot.period, estimate=slot.estimate, actor=actor
    )
    seq = len(found.revisions) or None
    current = found.revisions[-1].new if found.revisions else None
    return slot_out(found.target.key, found.unit.code, found.period.code, slot.estimate, seq, current)


@router.get("/plans/{plan_id}/figures", response_model=FigureList, summary="Số liệu hiện tại của một kỳ")
def list_figures(
    plan_id: PlanId,
    period: PeriodQuery,
    db: DbDep,
    actor: ActorDep,
    unit: UnitQuery = None,
    estimate: Annotated[bool | None, Query(description="true: chỉ số ước; false: chỉ số thực hiện")] = None,
) -> Response:
    found = services.current_figures(db, plan_id, period, unit, estimate=estimate, actor=actor)
    items = [slot_out(f.target_key, f.unit_code, f.period, f.estimate, f.seq, f.figure) for f in found]
    return answer(FigureList(plan_id=plan_id, period=items[0].period if items else period, items=items))


def _written(db: services.Database, plan_id: int, body: Slot, actor: Actor, outcome: str) -> Response:
    return answer(WriteOut(result=outcome, figure=_current(db, plan_id, body, actor)))


@router.put(
    "/plans/{plan_id}/figures",
    response_model=WriteOut,
    responses=STALE,
    summary="Ghi một số liệu (kèm lần sửa nó thay thế: replaces)",
)
def write_figure(plan_id: PlanId, body: FigureWrite, db: DbDep, actor: ActorDep) -> Response:
    result = services.record(
        db,
        plan_id,
        *body.where,
        value=body.value,
        numerator=body.numerator,
        denominator=body.denominator,
        grade=body.grade,
        rank=body.rank,
        estimate=body.estimate,
        note=body.note,
        source="API",
        reason=body.reason,
        actor=actor,
        replaces=body.replaces,
    )
    return _written(
        db, plan_id, body, actor, "created" if result.created else "changed" if result.changed else "unchanged"
    )


@router.post(
    "/plans/{plan_id}/figures/clear",
    response_model=WriteOut,
    responses=STALE,
    summary="Xóa một số liệu (lịch sử vẫn giữ; kèm lần sửa nó thay thế)",
)
def clear_figure(plan_id: PlanId, body: FigureClear, db: DbDep, actor: ActorDep) -> Response:
    result = services.clear(
        db, plan_id, *body.where, estimate=body.estimate, reason=body.reason, actor=actor, replaces=body.replaces
    )
    return _written(db, plan_id, body, actor, "cleared" if result.written else "unchanged")


@router.get("/plans/{plan_id}/figures/history", response_model=HistoryOut, summary="Lịch sử sửa đổi một số liệu")
def figure_history(
    plan_id: PlanId,
    key: KeyQuery,
    unit: Annotated[str, Query(min_length=1, max_length=50, description="Mã đơn vị")],
    period: PeriodQuery,
    db: DbDep,
    actor: ActorDep,
    estimate: bool = False,
) -> Response:
    found = services.figure_history(db, plan_id, key, unit, period, estimate=estimate, actor=actor)
    revisions = [
        RevisionOut(
            seq=n,
            when=r.when,
            who=r.who,
            kind=r.kind.value,
            kind_label=r.kind.label,
            old=FigureOut(**figure_data(n - 1, r.old)) if r.old is not None else None,
            new=FigureOut(**figure_data(n, r.new)) if r.new is not None else None,
            reason=r.reason,
        )
        for n, r in enumerate(found.revisions, start=1)
    ]
    return answer(
        HistoryOut(
            target_key=found.target.key,
            unit_code=found.unit.code,
            period=found.period.code,
            estimate=found.estimate,
            state=found.state.value,
            state_label=found.state.label,
            locked_because=found.locked_because,
            revisions=revisions,
        )
    )
