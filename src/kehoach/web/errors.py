"""Errors as answers: JSON ``{"detail": "…"}`` under /api, a Vietnamese page elsewhere.

| error | status |
|---|---|
| NotAuthenticated | 401 (API, with ``WWW-Authenticate: Bearer``); a page redirects to /dang-nhap?next=… |
| PermissionDenied, CsrfRefused | 403 |
| NotFoundError | 404 |
| StaleFigure (with ``current``), ConflictError, AmbiguousReferenceError | 409 |
| InputProblems (with ``problems``), InputError, request validation | 422 |
| LoginThrottled | 429 with ``Retry-After`` |
| DatabaseError | 503 |
| another KehoachError | 400 |
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from kehoach import services
from kehoach.web.api.schemas import figure_data
from kehoach.web.exactjson import ExactJSONResponse
from kehoach.web.pageshell import error_html, render
from kehoach.web.security import CsrfRefused, NotAuthenticated, current_actor

API_PREFIX = "/api/"

_TITLES = {
    400: "Không thực hiện được",
    401: "Cần đăng nhập",
    403: "Không có quyền",
    404: "Không tìm thấy",
    405: "Không thực hiện được",
    409: "Dữ liệu đã thay đổi",
    422: "Dữ liệu không hợp lệ",
    429: "Thử lại sau",
    503: "Cơ sở dữ liệu không dùng được",
}
_HTTP_DETAILS = {
    404: "Không tìm thấy trang hoặc tài nguyên này",
    405: "Phương thức yêu cầu không được hỗ trợ ở địa chỉ này",
    413: "Dữ liệu gửi lên quá lớn",
    415: "Kiểu dữ liệu gửi lên không được hỗ trợ",
}


def status_of(exc: services.KehoachError) -> int:
    if isinstance(exc, services.PermissionDenied):
        return 403
    if isinstance(exc, services.NotFoundError):
        return 404
    if isinstance(exc, services.ConflictError | services.AmbiguousReferenceError):
        return 409
    if isinstance(exc, services.LoginThrottled):
        return 429
    if isinstance(exc, services.LoginRefused):
        return 401
    if isinstance(exc, services.InputError):
        return 422
    if isinstance(exc, services.DatabaseError):
        return 503
    return 400


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def _page(request: Request, status: int, message: str) -> Response:
    title = _TITLES.get(status, "Lỗi")
    actor = None
    try:
        actor = current_actor(request)
    except Exception:  # an error page must render even when the database cannot answer
        actor = None
    context = {"actor": actor, "title": title, "error": message}
    return render(request, "loi.html", context, status, error_html(title, message))


def _answer(request: Request, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    if _is_api(request):
        return ExactJSONResponse(body, status_code=status, headers=headers)
    response = _page(request, status, str(body.get("detail", "")))
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def figure_body(exc: services.StaleFigure) -> dict[str, Any]:
    """The current figure of a refused stale write, shaped as the API's figures are."""
    return figure_data(exc.current_seq, exc.current)


async def kehoach_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, services.KehoachError)
    status = status_of(exc)
    body: dict[str, Any] = {"detail": str(exc)}
    headers: dict[str, str] = {}
    if isinstance(exc, services.InputProblems):
        body["problems"] = [{"message": p.message, "location": p.location} for p in exc.problems]
    if isinstance(exc, services.StaleFigure):
        body["current"] = figure_body(exc)
    if isinstance(exc, services.LoginThrottled):
        headers["Retry-After"] = str(exc.retry_after)
    return _answer(request, status, body, headers)


async def not_authenticated(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotAuthenticated)
    if _is_api(request):
        return ExactJSONResponse({"detail": exc.message}, status_code=401, headers={"WWW-Authenticate": "Bearer"})
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = f"/dang-nhap?next={quote(target, safe='')}"
    response = RedirectResponse(location, status_code=303)
    if request.headers.get("HX-Request"):
        response.headers["HX-Redirect"] = location
    return response


async def csrf_refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CsrfRefused)
    return _answer(request, 403, {"detail": exc.message})


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": error.get("type"),
        }
        for error in exc.errors()
    ]
    where = "; ".join(".".join(e["loc"]) for e in errors[:5])
    detail = f"Dữ liệu gửi lên không hợp lệ ({where})" if where else "Dữ liệu gửi lên không hợp lệ"
    return _answer(request, 422, {"detail": detail, "errors": errors})


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if 300 <= exc.status_code < 400:  # a page route redirecting (to the login page …)
        return Response(status_code=exc.status_code, headers=headers)
    detail = exc.detail if isinstance(exc.detail, str) and not exc.detail.isascii() else None
    message = detail or _HTTP_DETAILS.get(exc.status_code, "Yêu cầu không thực hiện được")
    return _answer(request, exc.status_code, {"detail": message}, headers)


def register(app: FastAPI) -> None:
    app.add_exception_handler(services.KehoachError, kehoach_error)
    app.add_exception_handler(NotAuthenticated, not_authenticated)
    app.add_exception_handler(CsrfRefused, csrf_refused)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
