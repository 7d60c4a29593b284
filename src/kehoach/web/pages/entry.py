"""Data entry: the grid of a unit's targets for a period (keyboard friendly, Vietnamese
numbers, numerator/denominator, grades), inline checks while typing (htmx), save as
draft, submit; the Excel/CSV entry form to download and to upload back."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.background import BackgroundTask
from starlette.datastructures import FormData

from kehoach import services
from kehoach.core.accounts import Action, Actor, allowed
from kehoach.core.entries import EntryKind, FigureEntry
from kehoach.core.periods import Period
from kehoach.services import spreadsheets
from kehoach.web.deps import CsrfDep, DbDep
from kehoach.web.pages.access import (
    FormDep,
    PageActor,
    PageRefused,
    PlanScope,
    plan_scope,
    require,
    shows_errors,
    shows_errors_async,
)
from kehoach.web.pages.entrycells import Cell, check, entry, split_row_id, stored_texts, typed_texts
from kehoach.web.pages.periods import chosen_period, period_choices, plan_year
from kehoach.web.pages.render import page

router = APIRouter()

SOURCE = "trang nhập liệu"
MAX_UPLOAD = 5 * 1024 * 1024


def _grid_context(
    db: Any,
    actor: Actor,
    scope: PlanScope,
    period: Period,
    unit_code: str,
    typed: dict[str, dict[str, str]] | None = None,
    errors: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    form = services.entry_form(db, scope.plan.plan_id, period.code, unit_code, actor=actor)
    order = {unit.code: n for n, (_, unit) in enumerate(scope.units)}
    rows = sorted(form.rows, key=lambda r: order.get(r.unit_code, len(order)))
    cells = []
    for number, r in enumerate(rows, start=1):
        cell = Cell(r, number, stored_texts(r))
        rid = cell.rid
        if typed and rid in typed:
            cell.typed = typed[rid]
        if errors and rid in errors:
            cell.errors = errors[rid]
        cells.append(cell)
    groups: list[tuple[str, list[Cell]]] = []
    for cell in cells:
        if not groups or groups[-1][0] != cell.row.unit_name:
            groups.append((cell.row.unit_name, []))
        groups[-1][1].append(cell)
    status = services.period_status(db, scope.plan.plan_id, unit_code, period.code, actor=actor)
    return {
        "actor": actor,
        "plan": scope.plan,
        "form": form,
        "groups": groups,
        "count": len(cells),
        "filled": sum(1 for c in cells if c.row.current is not None),
        "period": period,
        "choices": period_choices(plan_year(scope.plan)),
        "unit": scope.unit(unit_code),
        "units": [(d, u) for d, u in scope.units if allowed(actor, Action.ENTER, u.code, scope.tree)],
        "state": status.state,
        "history": status.history,
        "can_submit": allowed(actor, Action.SUBMIT, unit_code, scope.tree),
        "kinds": EntryKind,
    }


def _entry_scope(db: Any, actor: Actor, plan_id: int, don_vi: str | None) -> tuple[PlanScope, str]:
    scope = plan_scope(db, actor, plan_id)
    candidates = [u.code for _, u in scope.units if allowed(actor, Action.ENTER, u.code, scope.tree)]
    if not candidates:
        raise PageRefused(403, f"Tài khoản {actor.username} ({actor.role.label}) không có quyền nhập số liệu")
    code = (don_vi or candidates[0]).strip()
    unit = scope.unit(code)
    require(actor, Action.ENTER, code, scope.tree, unit.name)
    return scope, code


@router.get("/ke-hoach/{plan_id}/nhap", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def entry_page(
    request: Request, db: DbDep, actor: PageActor, plan_id: int, ky: str | None = None, don_vi: str | None = None
) -> HTMLResponse:
    scope, code = _entry_scope(db, actor, plan_id, don_vi)
    period = chosen_period(db, scope.plan, ky)
    return page(request, "nhap_lieu.html", _grid_context(db, actor, scope, period, code))


@router.post("/ke-hoach/{plan_id}/nhap/kiem-tra", response_class=HTMLResponse, include_in_schema=False)
async def check_cell(request: Request, actor: PageActor, form: FormDep, plan_id: int) -> HTMLResponse:
    """Check one row while it is typed (nothing is written): the message next to the cell."""
    trigger = request.headers.get("HX-Trigger-Name", "")  # htmx sends the whole form: the cell says which row
    rid = trigger.partition(":")[2] if ":" in trigger else str(form.get("dong", ""))
    try:
        kind = EntryKind(str(form.get(f"loai:{rid}", "value")))
    except ValueError:
        kind = EntryKind.VALUE
    grades = tuple(str(g) for g in form.getlist(f"mx:{rid}"))
    texts = typed_texts({k: str(v) for k, v in form.items()}, rid)
    _, errors = check(kind, texts, grades)
    return page(request, "_o_nhap.html", {"actor": actor, "errors": errors, "checked": any(texts.values())})


def _save(db: Any, actor: Actor, plan_id: int, form: dict[str, Any]) -> tuple[str | None, dict[str, Any] | None]:
    """Record the grid; (redirect, None) when done, (None, context) to show the problems."""
    ky, don_vi, action = str(form.get("ky", "")), str(form.get("don_vi", "")), str(form.get("hanh_dong", "luu"))
    scope, code = _entry_scope(db, actor, plan_id, don_vi)
    period = chosen_period(db, scope.plan, ky)
    rids: list[str] = form.get("dong", [])
    typed: dict[str, dict[str, str]] = {}
    errors: dict[str, list[str]] = {}
    entries: list[FigureEntry] = []
    clears: list[tuple[str, str]] = []
    for rid in rids:
        key, unit_code = split_row_id(rid)
        if not allowed(actor, Action.ENTER, unit_code, scope.tree):
            raise PageRefused(
                403, f"Tài khoản {actor.username} không có quyền nhập số liệu cho đơn vị mã '{unit_code}'"
            )
        texts = typed_texts(form, rid)
        typed[rid] = texts
        try:
            kind = EntryKind(str(form.get(f"loai:{rid}", "value")))
        except ValueError:
            kind = EntryKind.VALUE
        grades = tuple(form.get(f"mx:{rid}+", []))
        parts, found = check(kind, texts, grades)
        if found:
            errors[rid] = found
            continue
        if not parts:
            if form.get(f"co:{rid}") == "1":
                clears.append((key, unit_code))
            continue
        entries.append(entry(rid, period.code, parts, texts["gc"]))
    who = actor.display
    if not errors and entries:
        try:
            services.record_many(db, plan_id, entries, who=who, source=SOURCE, actor=actor)
        except services.InputProblems as exc:
            for problem in exc.problems:
                errors.setdefault(problem.location or "", []).append(problem.message)
    if errors:
        context = _grid_context(db, actor, scope, period, code, typed, errors)
        context["error"] = "Chưa lưu: có ô nhập chưa đúng (xem thông báo cạnh từng ô)."
        return None, context
    for key, unit_code in clears:
        services.clear(
            db, plan_id, key, unit_code, period.code, who=who, reason="xóa trên trang nhập liệu", actor=actor
        )
    notice = "da-luu"
    if action == "nop":
        services.submit(db, plan_id, code, period.code, who, actor=actor)
        notice = "da-gui"
    return f"/ke-hoach/{plan_id}/nhap?ky={period.code}&don_vi={code}&tb={notice}", None


def _form_dict(form: FormData) -> dict[str, Any]:
    data: dict[str, Any] = {key: str(value) for key, value in form.items()}
    data["dong"] = [str(v) for v in form.getlist("dong")]
    for key in {k for k in form if k.startswith("mx:")}:
        data[key + "+"] = [str(v) for v in form.getlist(key)]
    return data


@router.post("/ke-hoach/{plan_id}/nhap", response_class=HTMLResponse, include_in_schema=False)
@shows_errors_async
async def save(request: Request, db: DbDep, actor: PageActor, _csrf: CsrfDep, raw: FormDep, plan_id: int) -> Response:
    form = _form_dict(raw)
    location, context = await run_in_threadpool(_save, db, actor, plan_id, form)
    if location is not None:
        return RedirectResponse(location, status_code=303)
    assert context is not None
    return page(request, "nhap_lieu.html", context, status_code=400)


# Excel / CSV -------------------------------------------------------------------------------


@router.get("/ke-hoach/{plan_id}/bieu-mau", include_in_schema=False)
@shows_errors
def template_file(
    request: Request,
    db: DbDep,
    actor: PageActor,
    plan_id: int,
    ky: str | None = None,
    don_vi: str | None = None,
    dang: str = "xlsx",
) -> Response:
    scope = plan_scope(db, actor, plan_id)
    period = chosen_period(db, scope.plan, ky)
    code = (don_vi or scope.home).strip()
    scope.unit(code)
    suffix = ".csv" if dang == "csv" else ".xlsx"
    folder = tempfile.mkdtemp(prefix="kehoach-bieu-")
    name = f"bieu-nhap-{plan_id}-{period.code}-{code}{suffix}"
    path = Path(folder) / name
    spreadsheets.make_template(db, plan_id, period.code, code, path, actor=actor)
    media = "text/csv" if suffix == ".csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return FileResponse(path, media_type=media, filename=name, background=BackgroundTask(_remove, Path(folder)))


def _remove(folder: Path) -> None:
    for child in folder.iterdir():
        child.unlink(missing_ok=True)
    folder.rmdir()


def _load(db: Any, actor: Actor, plan_id: int, ky: str, don_vi: str, name: str, data: bytes) -> dict[str, Any]:
    scope, code = _entry_scope(db, actor, plan_id, don_vi)
    period = chosen_period(db, scope.plan, ky)
    suffix = Path(name).suffix.lower()
    result: dict[str, Any] = {"name": name}
    if suffix not in (".xlsx", ".csv"):
        result["problems"] = [f"{name}: chỉ nạp được tệp .xlsx hoặc .csv (biểu tải từ trang này)"]
    elif len(data) > MAX_UPLOAD:
        result["problems"] = [f"{name}: tệp lớn quá 5 MB"]
    else:
        with tempfile.TemporaryDirectory(prefix="kehoach-nap-") as folder:
            path = Path(folder) / Path(name).name
            path.write_bytes(data)
            try:
                loaded = spreadsheets.load_file(db, path, who=actor.display, plan_ref=plan_id, actor=actor)
            except services.InputProblems as exc:
                result["problems"] = [str(p) for p in exc.problems]
            except services.InputError as exc:
                result["problems"] = [str(exc)]
            else:
                result["loaded"] = loaded
    context = _grid_context(db, actor, scope, period, code)
    context["upload"] = result
    return context


@router.post("/ke-hoach/{plan_id}/nap-bieu", response_class=HTMLResponse, include_in_schema=False)
@shows_errors_async
async def upload_sheet(
    request: Request,
    db: DbDep,
    actor: PageActor,
    _csrf: CsrfDep,
    plan_id: int,
    tep: Annotated[UploadFile, File()],
    ky: Annotated[str, Form()] = "",
    don_vi: Annotated[str, Form()] = "",
) -> HTMLResponse:
    data = await tep.read(MAX_UPLOAD + 1)
    context = await run_in_threadpool(_load, db, actor, plan_id, ky, don_vi, tep.filename or "bieu.xlsx", data)
    status = 400 if context["upload"].get("problems") else 200
    return page(request, "nhap_lieu.html", context, status_code=status)
