"""Who is asking, and protection of state-changing requests.

- **Sessions**: signing in (web.auth, ``POST /dang-nhap``) creates a server-side session
  (services.sessions) and sets its random token in the cookie :data:`SESSION_COOKIE`:
  ``HttpOnly``, ``SameSite=Lax``, ``Path=/``, ``Secure`` when the app is served over HTTPS
  (``create_app(https=True)``, ``KEHOACH_HTTPS=1``, or a request that arrived as https).
- **API tokens**: ``Authorization: Bearer khk_…`` (services.tokens). A request that sends a
  Bearer header is judged by it alone, never by a cookie.
- **CSRF**: every POST, PUT, PATCH and DELETE authenticated by the session cookie must carry
  the session's synchronizer token, as the form field ``csrf_token`` or the header
  ``X-CSRF-Token`` (:func:`verify_csrf`, applied by the app to every router). Requests
  authenticated by a Bearer token are exempt (a browser never adds that header by itself).
  Before sign-in, the login form is protected by a double-submit token: a random value in the
  cookie :data:`LOGIN_CSRF_COOKIE` that the form must repeat (:func:`check_login_csrf`).

The result of resolving a request is kept on ``request.state`` so one request reads the
session or token once.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any, Literal

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kehoach import services
from kehoach.core.accounts import Actor
from kehoach.services.sessions import LIFETIME

SESSION_COOKIE = "kehoach_phien"
LOGIN_CSRF_COOKIE = "kehoach_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{20,100}$")
_STATE_AUTH = "kehoach_auth"
_STATE_NEW_LOGIN_CSRF = "kehoach_new_login_csrf"

NOT_SIGNED_IN = "Cần đăng nhập để dùng chức năng này"
BAD_TOKEN = "Khóa API không hợp lệ, đã bị thu hồi hoặc tài khoản đã bị khóa"
CSRF_REFUSED = "Yêu cầu thiếu mã bảo vệ biểu mẫu (CSRF) hoặc mã không đúng; hãy tải lại trang rồi thử lại"


class NotAuthenticated(Exception):
    """No signed-in actor: the API answers 401, pages redirect to the login page."""

    def __init__(self, message: str = NOT_SIGNED_IN) -> None:
        super().__init__(message)
        self.message = message


class CsrfRefused(Exception):
    """A state-changing request of a session without its CSRF token: 403."""

    def __init__(self, message: str = CSRF_REFUSED) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Auth:
    """How a request is authenticated."""

    actor: Actor
    via: Literal["session", "token"]
    csrf: str | None = None  # the session's synchronizer token


@dataclass(frozen=True)
class _Resolved:
    auth: Auth | None
    bad_token: bool  # a Bearer header was sent and did not resolve


def database(request: Request) -> services.Database:
    db: services.Database = request.app.state.db
    return db


def _resolve(request: Request) -> _Resolved:
    cached = getattr(request.state, _STATE_AUTH, None)
    if isinstance(cached, _Resolved):
        return cached
    db = database(request)
    found = _Resolved(None, False)
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, value = header.partition(" ")
        actor = services.resolve_token(db, value.strip()) if scheme.lower() == "bearer" else None
        found = _Resolved(Auth(actor, "token") if actor is not None else None, actor is None)
    else:
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            session = services.resolve_session(db, token)
            if session is not None:
                found = _Resolved(Auth(session.actor, "session", session.csrf_token), False)
    setattr(request.state, _STATE_AUTH, found)
    return found


def request_auth(request: Request) -> Auth | None:
    """The request's authentication (None: anonymous or a bad token). Reads the database once per request."""
    return _resolve(request).auth


def current_actor(request: Request) -> Actor | None:
    auth = request_auth(request)
    return auth.actor if auth is not None else None


def required_actor(request: Request) -> Actor:
    resolved = _resolve(request)
    if resolved.auth is None:
        raise NotAuthenticated(BAD_TOKEN if resolved.bad_token else NOT_SIGNED_IN)
    return resolved.auth.actor


def https_in_use(request: Request) -> bool:
    return bool(getattr(request.app.state, "https", False)) or request.url.scheme == "https"


def csrf_token(request: Request) -> str:
    """The token a page puts in its forms (field ``csrf_token``) and htmx headers
    (``X-CSRF-Token``): the session's, or before sign-in the login form's."""
    auth = request_auth(request)
    if auth is not None and auth.csrf is not None:
        return auth.csrf
    existing = request.cookies.get(LOGIN_CSRF_COOKIE)
    if existing and _TOKEN_SHAPE.match(existing):
        return existing
    fresh = getattr(request.state, _STATE_NEW_LOGIN_CSRF, None)
    if not isinstance(fresh, str):
        fresh = secrets.token_urlsafe(32)
        setattr(request.state, _STATE_NEW_LOGIN_CSRF, fresh)  # set as a cookie by SecurityHeaders
    return fresh


def _same(sent: object, expected: str | None) -> bool:
    return isinstance(sent, str) and expected is not None and hmac.compare_digest(sent.encode(), expected.encode())


async def _sent_token(request: Request) -> object:
    sent = request.headers.get(CSRF_HEADER)
    if sent:
        return sent
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        return form.get(CSRF_FIELD)
    return None


async def verify_csrf(request: Request) -> None:
    """Refuse a state-changing request of a signed-in session without its CSRF token."""
    if request.method in SAFE_METHODS:
        return
    auth = await run_in_threadpool(request_auth, request)
    if auth is None or auth.via != "session":
        return  # a Bearer token, or anonymous (refused by ActorDep, or the login form's own check)
    if not _same(await _sent_token(request), auth.csrf):
        raise CsrfRefused()


def check_login_csrf(request: Request, sent: object) -> bool:
    """The login form repeated the token of its cookie (double submit)."""
    return _same(sent, request.cookies.get(LOGIN_CSRF_COOKIE))


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(LIFETIME.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=https_in_use(request),
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=https_in_use(request))


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else ""


class SecurityHeaders:
    """Pure ASGI middleware: a few protective headers on every response, the login form's
    CSRF cookie when a page handed out a new one, and a 400 for a URL holding a NUL character
    (no database stores one)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b""):
            await _bad_request(send)
            return
        https = scope.get("scheme") == "https" or _https(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[tuple[bytes, bytes]] = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                for name, value in _HEADERS:
                    if name not in names:
                        headers.append((name, value))
                fresh = scope.get("state", {}).get(_STATE_NEW_LOGIN_CSRF)
                if isinstance(fresh, str):
                    headers.append((b"set-cookie", _login_cookie(fresh, https)))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)


def _https(scope: Scope) -> bool:
    app: Any = scope.get("app")
    state = getattr(app, "state", None)
    return bool(getattr(state, "https", False))


def _login_cookie(value: str, secure: bool) -> bytes:
    cookie: SimpleCookie = SimpleCookie()
    cookie[LOGIN_CSRF_COOKIE] = value
    morsel = cookie[LOGIN_CSRF_COOKIE]
    morsel["path"] = "/"
    morsel["httponly"] = True
    morsel["samesite"] = "Lax"
    if secure:
        morsel["secure"] = True
    return morsel.OutputString().encode("latin-1")


async def _bad_request(send: Send) -> None:
    body = '{"detail":"Địa chỉ yêu cầu chứa ký tự không hợp lệ"}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 400,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
