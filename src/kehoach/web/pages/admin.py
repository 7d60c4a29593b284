"""Administration: the unit tree and its CSV import, accounts and roles, the audit log
(filtered by unit, user and period). Every change goes through services, which check the
administrator's scope and write the audit log."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from kehoach import services
from kehoach.core.accounts import ROLE_LABELS, Action, Actor, allowed
from kehoach.core.periods import PeriodError, parse_period
from kehoach.services import audit, users
from kehoach.services.passwords import generate_password
from kehoach.services.units import tree_order
from kehoach.web.deps import CsrfDep, DbDep
from kehoach.web.pages.access import FormDep, PageActor, PageRefused, require, shows_errors, shows_errors_async
from kehoach.web.pages.render import page

router = APIRouter()

MAX_CSV = 2 * 1024 * 1024


def _unit_rows(db: Any, actor: Actor) -> list[tuple[int, Any]]:
    tree = services.unit_tree(db)
    return [(d, u) for d, u in tree_order(tree) if allowed(actor, Action.READ, u.code, tree)]


def _units_context(db: Any, actor: Actor, **extra: Any) -> dict[str, Any]:
    return {"actor": actor, "title": "Đơn vị hành chính", "units": _unit_rows(db, actor), **extra}


@router.get("/quan-tri/don-vi", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def units_page(request: Request, db: DbDep, actor: PageActor) -> HTMLResponse:
    require(actor, Action.ADMINISTER, None, None)
    return page(request, "quan_tri_don_vi.html", _units_context(db, actor))


def _import_units(db: Any, actor: Actor, name: str, data: bytes) -> dict[str, Any]:
    result: dict[str, Any] = {"name": name}
    if Path(name).suffix.lower() != ".csv":
        result["problems"] = [f"{name}: cần tệp .csv (xem mẫu bên dưới)"]
    elif len(data) > MAX_CSV:
        result["problems"] = [f"{name}: tệp lớn quá 2 MB"]
    else:
        with tempfile.TemporaryDirectory(prefix="kehoach-donvi-") as folder:
            path = Path(folder) / Path(name).name
            path.write_bytes(data)
            try:
                result["done"] = services.import_units_csv(db, path, actor=actor)
            except services.InputProblems as exc:
                result["problems"] = [str(p) for p in exc.problems]
            except services.InputError as exc:
                result["problems"] = [str(exc)]
    return _units_context(db, actor, result=result)


@router.post("/quan-tri/don-vi", response_class=HTMLResponse, include_in_schema=False)
@shows_errors_async
async def import_units(request: Request, db: DbDep, actor: PageActor, _csrf: CsrfDep, form: FormDep) -> HTMLResponse:
    require(actor, Action.ADMINISTER, None, None)
    file = form.get("tep")
    if not isinstance(file, UploadFile) or not file.filename:
        raise PageRefused(400, "Chọn tệp .csv danh sách đơn vị")
    data = await file.read(MAX_CSV + 1)
    context = await run_in_threadpool(_import_units, db, actor, file.filename, data)
    status = 400 if context["result"].get("problems") else 200
    return page(request, "quan_tri_don_vi.html", context, status_code=status)


# Accounts -------------------------------------------------------------------------------------


def _users_context(db: Any, actor: Actor, **extra: Any) -> dict[str, Any]:
    return {
        "actor": actor,
        "title": "Tài khoản và vai trò",
        "users": users.list_users(db, actor=actor),
        "roles": ROLE_LABELS,
        "units": _unit_rows(db, actor),
        **extra,
    }


@router.get("/quan-tri/tai-khoan", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def users_page(request: Request, db: DbDep, actor: PageActor) -> HTMLResponse:
    require(actor, Action.ADMINISTER, None, None)
    return page(request, "quan_tri_tai_khoan.html", _users_context(db, actor))


def _change_user(db: Any, actor: Actor, form: dict[str, str]) -> dict[str, Any]:
    action = form.get("thao_tac", "")
    username = form.get("ten", "").strip()
    done: str | None = None
    password: str | None = None
    try:
        if action == "tao":
            password = form.get("mat_khau", "").strip() or generate_password()
            created = users.create_user(
                db,
                username,
                password,
                role=form.get("vai_tro", ""),
                unit_code=form.get("don_vi", "").strip() or None,
                full_name=form.get("ho_ten", ""),
                actor=actor,
            )
            done = f"Đã tạo tài khoản {created.username} ({created.role.label})."
        elif action == "vai-tro":
            changed = users.change_role(
                db, username, role=form.get("vai_tro") or None, unit_code=form.get("don_vi") or None, actor=actor
            )
            done = f"Đã đổi vai trò của {changed.username}: {changed.role.label}."
        elif action == "mat-khau":
            password = generate_password()
            users.set_password(db, username, password, actor=actor)
            done = f"Đã đặt mật khẩu mới cho {username}."
        elif action in ("khoa", "mo"):
            users.set_active(db, username, action == "mo", actor=actor)
            done = f"Đã {'mở' if action == 'mo' else 'khóa'} tài khoản {username}."
        else:
            raise PageRefused(400, "Thao tác không hợp lệ")
    except services.KehoachError as exc:
        return _users_context(db, actor, error=str(exc), form=form)
    shown = {"username": username or form.get("ten", ""), "password": password} if password else None
    return _users_context(db, actor, done=done, new_password=shown)


@router.post("/quan-tri/tai-khoan", response_class=HTMLResponse, include_in_schema=False)
@shows_errors_async
async def change_user(request: Request, db: DbDep, actor: PageActor, _csrf: CsrfDep, raw: FormDep) -> HTMLResponse:
    require(actor, Action.ADMINISTER, None, None)
    form = {key: str(value) for key, value in raw.items()}
    context = await run_in_threadpool(_change_user, db, actor, form)
    status = 400 if context.get("error") else 200
    return page(request, "quan_tri_tai_khoan.html", context, status_code=status)


# Audit log ------------------------------------------------------------------------------------


@router.get("/quan-tri/nhat-ky", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def audit_page(
    request: Request,
    db: DbDep,
    actor: PageActor,
    don_vi: str = "",
    nguoi: str = "",
    ky: str = "",
) -> Response:
    period = None
    if ky.strip():
        try:
            period = parse_period(ky.strip()).code
        except PeriodError as exc:
            raise PageRefused(400, str(exc)) from exc
    entries = audit.audit_log(
        db, actor=actor, unit_code=don_vi.strip() or None, username=nguoi.strip() or None, period=period
    )
    context = {
        "actor": actor,
        "title": "Nhật ký thay đổi",
        "entries": entries,
        "units": _unit_rows(db, actor),
        "filters": {"don_vi": don_vi, "nguoi": nguoi, "ky": ky},
    }
    template = "_nhat_ky.html" if request.headers.get("HX-Request") else "nhat_ky.html"
    return page(request, template, context)
