"""Resolution upload (.docx, .pdf, .txt, or pasted text) → review beside the source text,
every field editable, targets added, split, merged or removed → publish as a plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from kehoach import services
from kehoach.core.accounts import Action, Actor, allowed
from kehoach.core.periods import CutoffRule
from kehoach.core.plan import IndicatorGroup
from kehoach.parsing import parse_text
from kehoach.services.importing import publish_plan, read_upload
from kehoach.services.reading import normalize_text
from kehoach.services.units import tree_order
from kehoach.web.deps import CsrfDep, DbDep
from kehoach.web.pages.access import FormDep, PageActor, PageRefused, require, shows_errors, shows_errors_async
from kehoach.web.pages.render import page
from kehoach.web.pages.review import (
    TARGET_CHOICES,
    apply_form,
    apply_operation,
    check_plan,
    draft_from_plan,
    draft_json,
    loads,
    marked_text,
    owners,
)
from kehoach.web.pages.words import COMPARATOR_LABELS, DIRECTION_LABELS, OVER_TIME_LABELS, OVER_UNITS_LABELS

router = APIRouter()

SUFFIXES = (".txt", ".docx", ".pdf")
MAX_UPLOAD = 20 * 1024 * 1024


def _may_manage(actor: Actor) -> None:
    require(actor, Action.MANAGE_PLANS, None, None)


@router.get("/tai-len", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def upload_page(request: Request, actor: PageActor) -> HTMLResponse:
    _may_manage(actor)
    return page(request, "tai_len.html", {"actor": actor, "title": "Tải nghị quyết"})


def _units(db: Any, actor: Actor) -> list[tuple[int, Any]]:
    tree = services.unit_tree(db)
    return [(depth, unit) for depth, unit in tree_order(tree) if allowed(actor, Action.MANAGE_PLANS, unit.code, tree)]


def _review_context(
    db: Any,
    actor: Actor,
    draft: dict[str, Any],
    text: str,
    name: str,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    error: str | None = None,
    focus: str | None = None,
) -> dict[str, Any]:
    form = form or {}
    return {
        "actor": actor,
        "title": "Xem lại kế hoạch",
        "draft": draft,
        "draft_json": draft_json(draft),
        "owners": owners(draft),
        "source": text,
        "marked": marked_text(text, draft),
        "name": name,
        "errors": errors or {},
        "error": error,
        "focus": focus,
        "units": _units(db, actor),
        "unit_code": form.get("don_vi", ""),
        "cutoff": form.get("ky_cat", CutoffRule.ND09.value),
        "groups": IndicatorGroup.ALL,
        "choices": TARGET_CHOICES,
        "labels": {
            "comparator": COMPARATOR_LABELS,
            "direction": DIRECTION_LABELS,
            "over_units": OVER_UNITS_LABELS,
            "over_time": OVER_TIME_LABELS,
        },
        "kind": form.get("dinh_dang", ""),
        "target_count": sum(len(o.get("targets", [])) for _, o in owners(draft)),
    }


def _read(db: Any, actor: Actor, name: str, data: bytes, pasted: str) -> dict[str, Any]:
    if pasted.strip():
        text = normalize_text(pasted)
        plan, name, kind = parse_text(text), name or "văn bản dán vào", "txt"
    else:
        if Path(name).suffix.lower() not in SUFFIXES:
            raise PageRefused(400, f"{name or 'Tệp'}: chỉ đọc được tệp .docx, .pdf hoặc .txt")
        parsed = read_upload(data, name)
        text, plan, kind = normalize_text(parsed.source.text), parsed.plan, parsed.source.format
    context = _review_context(db, actor, draft_from_plan(plan), text, name)
    context["kind"] = kind
    return context


@router.post("/tai-len", response_class=HTMLResponse, include_in_schema=False)
@shows_errors_async
async def upload(request: Request, db: DbDep, actor: PageActor, _csrf: CsrfDep, form: FormDep) -> HTMLResponse:
    _may_manage(actor)
    file = form.get("tep")
    pasted = str(form.get("van_ban_dan", ""))
    name, data = "", b""
    if isinstance(file, UploadFile) and file.filename:
        name = file.filename
        data = await file.read(MAX_UPLOAD + 1)
    if not data and not pasted.strip():
        raise PageRefused(400, "Chọn tệp nghị quyết (.docx, .pdf, .txt) hoặc dán nội dung văn bản")
    context = await run_in_threadpool(_read, db, actor, name, data, pasted)
    return page(request, "xem_lai.html", context)


def _review(db: Any, actor: Actor, form: dict[str, str]) -> tuple[str | None, dict[str, Any] | None, int]:
    try:
        draft = loads(form.get("ban_thao", ""))
    except ValueError as exc:
        raise PageRefused(400, "Bản nháp kế hoạch bị hỏng; hãy tải lại nghị quyết") from exc
    text, name = form.get("van_ban", ""), form.get("ten_tep", "")
    applied = apply_form(draft, form)
    operation = form.get("thao_tac", "")
    if operation != "cong-bo":
        focus = apply_operation(applied.draft, operation) if operation else None
        context = _review_context(db, actor, applied.draft, text, name, form, applied.errors, focus=focus)
        return None, context, 200
    if applied.errors:
        message = "Chưa công bố: có ô chưa đúng (xem thông báo cạnh từng ô)."
        return None, _review_context(db, actor, applied.draft, text, name, form, applied.errors, message), 400
    plan, problem = check_plan(applied.draft)
    if plan is None:
        message = f"Chưa công bố: {problem}"
        return None, _review_context(db, actor, applied.draft, text, name, form, applied.errors, message), 400
    unit_code = form.get("don_vi", "").strip() or None
    if unit_code is not None:
        require(actor, Action.MANAGE_PLANS, unit_code, services.unit_tree(db))
    cutoff = CutoffRule(form.get("ky_cat", "nd09")) if form.get("ky_cat") in ("nd09", "calendar") else CutoffRule.ND09
    result = publish_plan(
        db,
        plan,
        source_text=text or None,
        source_name=name or None,
        source_format=form.get("dinh_dang") or None,
        unit_code=unit_code,
        cutoff_rule=cutoff,
        actor=actor,
    )
    notice = "da-cong-bo" if result.created else "da-co"
    return f"/ke-hoach/{result.plan_id}?tb={notice}", None, 303


@router.post("/tai-len/xem-lai", response_class=HTMLResponse, include_in_schema=False)
@shows_errors_async
async def review(request: Request, db: DbDep, actor: PageActor, _csrf: CsrfDep, raw: FormDep) -> Response:
    _may_manage(actor)
    form = {key: str(value) for key, value in raw.items()}
    location, context, status = await run_in_threadpool(_review, db, actor, form)
    if location is not None:
        if request.headers.get("HX-Request"):
            return Response(status_code=204, headers={"HX-Redirect": location})
        return RedirectResponse(location, status_code=303)
    assert context is not None
    if request.headers.get("HX-Request"):
        status = 200  # htmx swaps only successful answers; the page itself shows the problems
    return page(request, "xem_lai.html", context, status_code=status)
