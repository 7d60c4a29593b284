"""A plan's evaluation for a unit and period (the ``kehoach status --json`` structure), and
its entry form (what must be filled)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from kehoach import services
from kehoach.web.api.figures import PeriodQuery, UnitQuery
from kehoach.web.api.plans import PlanId
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import FigureOut, Number, Schema, figure_data
from kehoach.web.deps import ActorDep, DbDep

router = resource_router("đánh giá")

Figure = Number | str | int | None  # a number, a grade ("Tốt"), a rank


class Coverage(Schema):
    reported: int
    expected: int


class TargetStatusOut(Schema):
    key: str
    name: str
    comparator: str
    target: Figure
    unit_of_measure: str | None
    actual: Figure
    numerator: Number | None
    denominator: Number | None
    projected: Figure
    status: str
    achievement_pct: Number | None
    coverage: Coverage


class StatusOut(Schema):
    plan: int
    unit: str
    period: str
    targets: list[TargetStatusOut]


class EntryRowOut(Schema):
    target_key: str
    indicator: str
    target_text: str
    unit_of_measure: str | None
    kind: str
    unit_code: str
    unit_name: str
    locked: bool
    grades: list[str]
    current: FigureOut | None


class EntryFormOut(Schema):
    plan_id: int
    plan_title: str
    owner_unit: str
    period: str
    period_label: str
    rows: list[EntryRowOut]


@router.get("/plans/{plan_id}/status", response_model=StatusOut, summary="Đánh giá các chỉ tiêu của một kỳ")
def plan_status(plan_id: PlanId, period: PeriodQuery, db: DbDep, actor: ActorDep, unit: UnitQuery = None) -> Response:
    return answer(services.status_to_dict(services.plan_status(db, plan_id, period, unit, actor=actor)))


@router.get("/plans/{plan_id}/entry-form", response_model=EntryFormOut, summary="Biểu nhập số liệu của một kỳ")
def entry_form(
    plan_id: PlanId,
    period: PeriodQuery,
    db: DbDep,
    actor: ActorDep,
    unit: UnitQuery = None,
    estimate: Annotated[bool, Query(description="Biểu nhập số ước (ước cả năm)")] = False,
) -> Response:
    form = services.entry_form(db, plan_id, period, unit, estimate=estimate, actor=actor)
    rows = []
    for row in form.rows:
        current = None
        if row.current is not None:
            c = row.current
            current = FigureOut(
                seq=None,
                value=c.value,
                numerator=c.numerator,
                denominator=c.denominator,
                grade=c.grade,
                rank=c.rank,
                note=c.note,
            )
        rows.append(
            EntryRowOut(
                target_key=row.target_key,
                indicator=row.indicator,
                target_text=row.target_text,
                unit_of_measure=row.unit_of_measure,
                kind=row.kind.value,
                unit_code=row.unit_code,
                unit_name=row.unit_name,
                locked=row.locked,
                grades=list(row.grades),
                current=current,
            )
        )
    return answer(
        EntryFormOut(
            plan_id=plan_id,
            plan_title=form.plan_title,
            owner_unit=form.owner_unit,
            period=form.period_code,
            period_label=form.period_label,
            rows=rows,
        )
    )


__all__ = ["figure_data", "router"]
