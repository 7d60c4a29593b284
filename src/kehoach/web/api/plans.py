"""Plans: the list the caller may see, one plan as kehoach.plan/1, import (a JSON body or an
uploaded file), and a plan's settings (unit, cut-off rule)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import File, Form, Path, Query, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from kehoach import services
from kehoach.core.periods import CutoffRule
from kehoach.services.importing import MAX_UPLOAD
from kehoach.web.api.planschema import PLAN_SCHEMA
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import Schema
from kehoach.web.deps import ActorDep, DbDep

router = resource_router("kế hoạch")

PlanId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Số thứ tự kế hoạch")]
MAX_BODY = 5 * 1024 * 1024


class PlanSummaryOut(Schema):
    plan_id: int
    number: str | None
    issuer: str | None
    date: dt.date | None
    plan_year: int | None
    subject: str | None
    source_name: str | None
    created_at: dt.datetime
    unit_code: str
    task_count: int
    indicator_count: int
    target_count: int
    warning_count: int


class PlanList(Schema):
    items: list[PlanSummaryOut]


class ImportOut(Schema):
    plan_id: int
    created: bool  # False: the document was already stored, nothing was imported
    unit_code: str | None
    unit_name: str | None
    unit_created: bool
    source_name: str | None
    target_count: int
    warning_count: int


class SettingsOut(Schema):
    plan_id: int
    unit_code: str
    unit_name: str
    cutoff_rule: str
    cutoff_label: str


class SettingsIn(Schema):
    unit_code: str | None = None
    cutoff_rule: CutoffRule | None = None


def _summary(s: services.PlanSummary) -> PlanSummaryOut:
    return PlanSummaryOut(
        plan_id=s.plan_id,
        number=s.number,
        issuer=s.issuer,
        date=s.date,
        plan_year=s.plan_year,
        subject=s.subject,
        source_name=s.source_name,
        created_at=s.created_at,
        unit_code=s.unit_code,
        task_count=s.task_count,
        indicator_count=s.indicator_count,
        target_count=s.target_count,
        warning_count=s.warning_count,
    )


def _imported(result: services.ImportResult) -> ImportOut:
    return ImportOut(
        plan_id=result.plan_id,
        created=result.created,
        unit_code=result.unit.code if result.unit else None,
        unit_name=result.unit.name if result.unit else None,
        unit_created=result.unit_created,
        source_name=result.source_name,
        target_count=sum(1 for _ in result.plan.keyed_targets()),
        warning_count=len(result.plan.warnings),
    )


@router.get("/plans", response_model=PlanList, summary="Các kế hoạch người gọi được xem")
def list_plans(db: DbDep, actor: ActorDep) -> Response:
    return answer(PlanList(items=[_summary(s) for s in services.list_plans(db, actor=actor)]))


@router.get(
    "/plans/{plan_id}",
    summary="Một kế hoạch, dạng kehoach.plan/1",
    response_model=None,
    responses={200: {"content": {"application/json": {"schema": PLAN_SCHEMA}}, "description": "kehoach.plan/1"}},
)
def get_plan(plan_id: PlanId, db: DbDep, actor: ActorDep) -> Response:
    text = services.export_plan_json(db, plan_id, actor=actor)
    return Response(text, media_type="application/json")


UnitQuery = Annotated[
    str | None, Query(max_length=50, description="Mã đơn vị của kế hoạch (mặc định: đơn vị văn bản nêu)")
]
CutoffQuery = Annotated[CutoffRule, Query(description="Cách chốt số liệu: nd09 hoặc calendar")]


@router.post(
    "/plans",
    status_code=201,
    response_model=ImportOut,
    summary="Nhập một kế hoạch kehoach.plan/1 (đã có thì không nhập lại: created=false, mã 200)",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": PLAN_SCHEMA}}},
    },
)
async def import_plan(
    request: Request,
    db: DbDep,
    actor: ActorDep,
    unit: UnitQuery = None,
    cutoff: CutoffQuery = CutoffRule.ND09,
) -> Response:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise services.InputError(f"kế hoạch JSON lớn quá {MAX_BODY // (1024 * 1024)} MB")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise services.InputError("nội dung gửi lên không phải văn bản UTF-8") from exc
    if not text.lstrip().startswith("{"):
        raise services.InputError("nội dung gửi lên không phải một kế hoạch JSON (cần một đối tượng)")
    result = await run_in_threadpool(
        services.import_plan_json, db, text, unit_code=unit, cutoff_rule=cutoff, actor=actor
    )
    return answer(_imported(result), status_code=201 if result.created else 200)


@router.post(
    "/plans/upload",
    status_code=201,
    response_model=ImportOut,
    summary="Tải lên và nhập nghị quyết (.docx, .pdf, .txt) hoặc tệp kehoach.plan/1 (.json)",
)
def upload_plan(
    db: DbDep,
    actor: ActorDep,
    file: Annotated[UploadFile, File(description="Tệp nghị quyết hoặc kế hoạch JSON")],
    unit: Annotated[str | None, Form(max_length=50, description="Mã đơn vị của kế hoạch")] = None,
    cutoff: Annotated[CutoffRule, Form(description="nd09 hoặc calendar")] = CutoffRule.ND09,
) -> Response:
    data = file.file.read(MAX_UPLOAD + 1)
    name = (file.filename or "tai-len.txt").replace("\x00", "")[:200] or "tai-len.txt"
    result = services.import_upload(db, data, name, unit_code=unit or None, cutoff_rule=cutoff, actor=actor)
    return answer(_imported(result), status_code=201 if result.created else 200)


def _settings(s: services.PlanSettings) -> SettingsOut:
    return SettingsOut(
        plan_id=s.plan_id,
        unit_code=s.unit.code,
        unit_name=s.unit.name,
        cutoff_rule=s.cutoff_rule.value,
        cutoff_label=s.cutoff_rule.label,
    )


@router.get("/plans/{plan_id}/settings", response_model=SettingsOut, summary="Đơn vị và cách chốt số liệu của kế hoạch")
def get_settings(plan_id: PlanId, db: DbDep, actor: ActorDep) -> Response:
    return answer(_settings(services.plan_settings(db, plan_id, actor=actor)))


@router.patch("/plans/{plan_id}/settings", response_model=SettingsOut, summary="Đổi đơn vị hoặc cách chốt số liệu")
def change_settings(plan_id: PlanId, body: SettingsIn, db: DbDep, actor: ActorDep) -> Response:
    changed = services.change_plan_settings(
        db, plan_id, unit_code=body.unit_code, cutoff_rule=body.cutoff_rule, actor=actor
    )
    return answer(_settings(changed))
