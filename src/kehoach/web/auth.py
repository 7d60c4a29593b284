"""Signing in and out: ``POST /dang-nhap`` and ``POST /dang-xuat`` (the login page itself,
``GET /dang-nhap``, is the pages' ``dang_nhap.html``).

The login form posts ``username``, ``password``, ``csrf_token`` (from ``csrf_token(request)``)
and ``next`` (a path of this site to go back to). It is protected by its own double-submit
token (web.security.check_login_csrf), so it works whether or not a session is open.
Success: a new session (any old one of the browser ends), its cookie, and a 303 redirect
to ``next``. Failure: the login page again with
``error``, ``username`` and ``next`` (401; 429 with ``Retry-After`` when throttled; 403 when the
form's CSRF token is missing or stale).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from kehoach import services
from kehoach.web.deps import DbDep
from kehoach.web.pageshell import login_html, render
from kehoach.web.security import (
    SESSION_COOKIE,
    check_login_csrf,
    clear_session_cookie,
    client_address,
    csrf_token,
    set_session_cookie,
    verify_csrf,
)

router = APIRouter(include_in_schema=False)

LOGIN_TEMPLATE = "dang_nhap.html"
DEFAULT_NEXT = "/"
LOGGED_OUT = "/dang-nhap?tb=da-dang-xuat"
FORM_EXPIRED = "Biểu mẫu đăng nhập đã hết hạn; vui lòng đăng nhập lại"


def safe_next(target: object) -> str:
    """Only a path of this site: never another host (``//evil``, ``https://…``, ``/\\evil``)."""
    if not isinstance(target, str) or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return DEFAULT_NEXT
    if any(ord(char) < 32 for char in target):
        return DEFAULT_NEXT
    return target


def login_page(request: Request, *, error: str | None, username: str, next_path: str, status_code: int) -> HTMLResponse:
    context = {"title": "Đăng nhập", "error": error, "username": username, "next": next_path}
    fallback = login_html(csrf_token(request), next_path, username, error)
    return render(request, LOGIN_TEMPLATE, context, status_code, fallback)


def _text(value: object, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


@router.post("/dang-nhap")
async def login(request: Request, db: DbDep) -> Response:
    form = await request.form()
    username = _text(form.get("username"), 100)
    password = _text(form.get("password"), 1000)
    next_path = safe_next(form.get("next"))
    if not check_login_csrf(request, form.get("csrf_token")):
        return await run_in_threadpool(
            login_page, request, error=FORM_EXPIRED, username=username, next_path=next_path, status_code=403
        )
    client = client_address(request)
    try:
        actor = await run_in_threadpool(services.authenticate, db, username, password, client)
    except services.LoginThrottled as exc:
        page = await run_in_threadpool(
            login_page, request, error=str(exc), username=username, next_path=next_path, status_code=429
        )
        page.headers["Retry-After"] = str(exc.retry_after)
        return page
    except services.LoginRefused as exc:
        return await run_in_threadpool(
            login_page, request, error=str(exc), username=username, next_path=next_path, status_code=401
        )
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        await run_in_threadpool(services.end_session, db, old)
    session = await run_in_threadpool(services.create_session, db, actor, client)
    response = RedirectResponse(next_path, status_code=303)
    set_session_cookie(request, response, session.token)
    return response


@router.post("/dang-xuat", dependencies=[Depends(verify_csrf)])
def logout(request: Request, db: DbDep) -> Response:
    """End the session (a signed-in session needs its CSRF token to sign out)."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        services.end_session(db, token)
    response = RedirectResponse(LOGGED_OUT, status_code=303)
    clear_session_cookie(request, response)
    return response
