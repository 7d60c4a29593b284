"""A plan's targets with their keys and measurement rules; changing a rule."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from fastapi.responses import Response

from kehoach import services
from kehoach.core.targets import OverTime, OverUnits, TargetRef
from kehoach.web.api.plans import PlanId
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import Number, Schema
from kehoach.web.deps import ActorDep, DbDep

router = resource_router("chỉ tiêu")

TargetKey = Annotated[str, Path(min_length=1, max_length=60, description="Mã chỉ tiêu: 5.2, T1.1.1")]


class TargetOut(Schema):
    key: str
    name: str
    comparator: str
    value: Number | None
    value_max: Number | None
    total: Number | None
    unit: str | None
    direction: str
    basis: str | None
    over_units: str
    over_time: str
    grade: str | None
    text: str


class TargetList(Schema):
    items: list[TargetOut]


class TargetRuleIn(Schema):
    over_units: OverUnits | None = None
    over_time: OverTime | None = None


def target_out(ref: TargetRef) -> TargetOut:
    t = ref.target
    return TargetOut(
        key=ref.key,
        name=t.name,
        comparator=t.comparator.value,
        value=t.value,
        value_max=t.value_max,
        total=t.total,
        unit=t.unit,
        direction=t.direction.value,
        basis=t.basis.value if t.basis else None,
        over_units=t.over_units.value,
        over_time=t.over_time.value,
        grade=t.grade,
        text=t.text,
    )


@router.get("/plans/{plan_id}/targets", response_model=TargetList, summary="Các chỉ tiêu của kế hoạch")
def list_targets(plan_id: PlanId, db: DbDep, actor: ActorDep) -> Response:
    return answer(TargetList(items=[target_out(ref) for ref in services.list_targets(db, plan_id, actor=actor)]))


@router.patch(
    "/plans/{plan_id}/targets/{key}",
    response_model=TargetOut,
    summary="Đổi cách tổng hợp một chỉ tiêu (theo đơn vị, theo thời gian)",
)
def change_rule(plan_id: PlanId, key: TargetKey, body: TargetRuleIn, db: DbDep, actor: ActorDep) -> Response:
    ref = services.set_target_rule(db, plan_id, key, over_units=body.over_units, over_time=body.over_time, actor=actor)
    return answer(target_out(ref))
