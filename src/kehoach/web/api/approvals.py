"""Approval of a unit's figures for a period: its state and history; submit, approve, reopen."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query
from fastapi.responses import Response
from pydantic import Field

from kehoach import services
from kehoach.web.api.figures import PeriodQuery
from kehoach.web.api.plans import PlanId
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import Code, LongText, Schema
from kehoach.web.deps import ActorDep, DbDep

router = resource_router("duyệt số liệu")


class TransitionOut(Schema):
    state: str
    state_label: str
    who: str
    when: dt.datetime
    reason: str


class ApprovalOut(Schema):
    plan_id: int
    unit_code: str
    unit_name: str
    period: str
    period_label: str
    state: str
    state_label: str
    history: list[TransitionOut]


class ApprovalIn(Schema):
    unit_code: Code
    period: Annotated[str, Field(min_length=4, max_length=10)]
    reason: LongText | None = None


def approval_out(status: services.PeriodStatus) -> ApprovalOut:
    return ApprovalOut(
        plan_id=status.plan_id,
        unit_code=status.unit.code,
        unit_name=status.unit.name,
        period=status.period.code,
        period_label=status.period.label,
        state=status.state.value,
        state_label=status.state.label,
        history=[
            TransitionOut(state=c.state.value, state_label=c.state.label, who=c.who, when=c.when, reason=c.reason)
            for c in status.history
        ],
    )


@router.get("/plans/{plan_id}/approvals", response_model=ApprovalOut, summary="Trạng thái duyệt số liệu một kỳ")
def approval_state(
    plan_id: PlanId,
    period: PeriodQuery,
    db: DbDep,
    actor: ActorDep,
    unit: Annotated[str, Query(min_length=1, max_length=50, description="Mã đơn vị")],
) -> Response:
    return answer(approval_out(services.period_status(db, plan_id, unit, period, actor=actor)))


@router.post("/plans/{plan_id}/approvals/submit", response_model=ApprovalOut, summary="Nộp số liệu một kỳ để chờ duyệt")
def submit(plan_id: PlanId, body: ApprovalIn, db: DbDep, actor: ActorDep) -> Response:
    return answer(
        approval_out(services.submit(db, plan_id, body.unit_code, body.period, reason=body.reason, actor=actor))
    )


@router.post(
    "/plans/{plan_id}/approvals/approve", response_model=ApprovalOut, summary="Duyệt và khóa sổ số liệu đã nộp"
)
def approve(plan_id: PlanId, body: ApprovalIn, db: DbDep, actor: ActorDep) -> Response:
    status = services.approve(db, plan_id, body.unit_code, body.period, reason=body.reason, actor=actor)
    return answer(approval_out(status))


@router.post("/plans/{plan_id}/approvals/reopen", response_model=ApprovalOut, summary="Mở lại một kỳ (cần lý do)")
def reopen(plan_id: PlanId, body: ApprovalIn, db: DbDep, actor: ActorDep) -> Response:
    return answer(
        approval_out(services.reopen(db, plan_id, body.unit_code, body.period, reason=body.reason, actor=actor))
    )
