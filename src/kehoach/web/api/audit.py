"""The audit log of the caller's scope: accounts, units, plans, target rules, figure revisions
and approvals, newest first."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import Response

from kehoach import services
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import Schema
from kehoach.web.deps import ActorDep, DbDep

router = resource_router("nhật ký")


class AuditEntryOut(Schema):
    at: dt.datetime
    who: str
    kind: str
    action: str
    label: str
    unit_code: str | None
    period: str | None
    plan_id: int | None
    object: str
    old: Any
    new: Any
    reason: str


class AuditList(Schema):
    items: list[AuditEntryOut]


@router.get("/audit", response_model=AuditList, summary="Nhật ký thay đổi (lọc theo đơn vị, người, kỳ, kế hoạch)")
def audit_log(
    db: DbDep,
    actor: ActorDep,
    unit: Annotated[str | None, Query(max_length=50, description="Đơn vị và các đơn vị cấp dưới")] = None,
    user: Annotated[str | None, Query(max_length=200, description="Người thực hiện (tên đăng nhập)")] = None,
    period: Annotated[str | None, Query(max_length=10, description="Kỳ báo cáo")] = None,
    plan: Annotated[int | None, Query(ge=1, le=2**31 - 1, description="Số thứ tự kế hoạch")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    before: Annotated[dt.datetime | None, Query(description="Chỉ các thay đổi trước thời điểm này")] = None,
) -> Response:
    entries = services.audit_log(
        db, actor=actor, unit_code=unit, username=user, period=period, plan_id=plan, limit=limit, before=before
    )
    items = [
        AuditEntryOut(
            at=e.at,
            who=e.who,
            kind=e.kind,
            action=e.action,
            label=e.label,
            unit_code=e.unit_code,
            period=e.period,
            plan_id=e.plan_id,
            object=e.object,
            old=e.old,
            new=e.new,
            reason=e.reason,
        )
        for e in entries
    ]
    return answer(AuditList(items=items))
