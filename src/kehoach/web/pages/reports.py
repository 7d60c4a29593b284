"""The report page of a plan: choose the unit and period, download the report (DOCX, PDF),
the annex (XLSX) and next year's draft resolution, and write the report's own text.

    GET  /ke-hoach/{plan}/bao-cao?ky=2024-H1&don_vi=99001      the page
    POST /ke-hoach/{plan}/bao-cao                              save the text (sections changed)
    GET  /ke-hoach/{plan}/bao-cao/tai-ve?ky=…&don_vi=…&dinh_dang=docx|pdf|xlsx
    GET  /ke-hoach/{plan}/du-thao-nghi-quyet?nam=2025           the draft resolution (DOCX)

Everything goes through the services with the signed-in actor: reading needs the right to read
the unit, writing the text the right to write the report (cán bộ phường, lãnh đạo, quản trị).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kehoach.core.accounts import Action, allowed
from kehoach.services.narratives import narratives, set_narrative
from kehoach.services.reporting import ReportFormat, parse_format, render, report_model, report_name
from kehoach.services.reportingdraft import draft_resolution
from kehoach.web.deps import CsrfDep, DbDep
from kehoach.web.pages.access import FormDep, PageActor, plan_scope, shows_errors, shows_errors_async
from kehoach.web.pages.periods import chosen_period, period_choices, plan_year
from kehoach.web.pages.render import page

router = APIRouter()
FIELD = "muc__"  # form fields "muc__<section key>"
MEDIA = {
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ReportFormat.PDF: "application/pdf",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _download(content: bytes, fmt: ReportFormat, name: str) -> Response:
    ascii_name = name.encode("ascii", "ignore").decode() or f"bao-cao.{fmt.value}"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(content, media_type=MEDIA[fmt], headers={"Content-Disposition": disposition})


@router.get("/ke-hoach/{plan_id}/bao-cao", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def report_page(
    request: Request, db: DbDep, actor: PageActor, plan_id: int, ky: str | None = None, don_vi: str | None = None
) -> HTMLResponse:
    scope = plan_scope(db, actor, plan_id)
    stored = scope.plan
    period = chosen_period(db, stored, ky)
    if not ky:
        period = period.year_to_date()  # a report covers the year so far: 6 tháng, 9 tháng, năm
    unit = scope.unit((don_vi or scope.home).strip())
    listing = narratives(db, plan_id, period.code, unit_code=unit.code, actor=actor)
    year = plan_year(stored)
    context = {
        "actor": actor,
        "plan": stored,
        "period": period,
        "choices": period_choices(year),
        "unit": unit,
        "units": scope.units,
        "sections": listing.narratives,
        "can_write": allowed(actor, Action.WRITE_NARRATIVE, unit.code, scope.tree),
        "formats": list(ReportFormat),
        "next_year": year + 1,
        "can_draft": scope.home == stored.unit_code,
        "title": f"Báo cáo {period.label.lower()}",
    }
    if request.query_params.get("da_luu"):
        context["message"] = f"Đã lưu nội dung báo cáo ({request.query_params['da_luu']} mục thay đổi)."
    return page(request, "reports/bao_cao.html", context)


@router.post("/ke-hoach/{plan_id}/bao-cao", include_in_schema=False)
@shows_errors_async
async def save_text(
    request: Request,
    db: DbDep,
    actor: PageActor,
    _csrf: CsrfDep,
    form: FormDep,
    plan_id: int,
    ky: Annotated[str, Form()],
    don_vi: Annotated[str, Form()],
) -> Response:
    changed = 0
    for name, value in form.multi_items():
        if name.startswith(FIELD) and isinstance(value, str):
            result = set_narrative(db, plan_id, ky, name[len(FIELD) :], value, unit_code=don_vi, actor=actor)
            changed += result.changed
    target = f"/ke-hoach/{plan_id}/bao-cao?ky={quote(ky)}&don_vi={quote(don_vi)}&da_luu={changed}"
    return RedirectResponse(target, status_code=303)


@router.get("/ke-hoach/{plan_id}/bao-cao/tai-ve", include_in_schema=False)
@shows_errors
def download_report(
    request: Request, db: DbDep, actor: PageActor, plan_id: int, ky: str, don_vi: str, dinh_dang: str = "docx"
) -> Response:
    fmt = parse_format(dinh_dang)
    model = report_model(db, plan_id, ky, don_vi, actor=actor)
    name = report_name(don_vi, ky, fmt)
    return _download(render(model, fmt, name.rsplit(".", 1)[0]), fmt, name)


@router.get("/ke-hoach/{plan_id}/du-thao-nghi-quyet", include_in_schema=False)
@shows_errors
def download_draft(request: Request, db: DbDep, actor: PageActor, plan_id: int, nam: int | None = None) -> Response:
    draft = draft_resolution(db, plan_id, nam, actor=actor)
    name = f"du-thao-nghi-quyet-{draft.unit.code}-{draft.year}.docx"
    return _download(render(draft.model, ReportFormat.DOCX), ReportFormat.DOCX, name)
