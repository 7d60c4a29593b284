"""The application factory: ``create_app(database_url=None, *, https=None)``.

No global engine: each app opens its own database (services.open_database: the URL given,
else ``KEHOACH_DATABASE_URL`` / ``KEHOACH_HOME``) and closes it at shutdown. ``https`` says the
app is served over HTTPS (cookies get ``Secure``); None reads ``KEHOACH_HTTPS``.

Routes: the JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json), sign-in and sign-out
(web.auth), and the pages at /; the API and the pages run the CSRF check (web.security).
``kehoach serve`` runs it under uvicorn as ``kehoach.web.app:create_app`` (a factory).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.staticfiles import StaticFiles
from starlette.routing import BaseRoute

from kehoach import __version__, services
from kehoach.web import api, auth, errors, pages
from kehoach.web.security import SecurityHeaders, verify_csrf

API_PREFIX = "/api/v1"
STATIC = Path(__file__).with_name("static")
_TRUE = {"1", "true", "yes", "on"}


def _https_from_env() -> bool:
    return os.environ.get("KEHOACH_HTTPS", "").strip().lower() in _TRUE


def _serves_static(routes: list[BaseRoute]) -> bool:
    return any((context.path or "").startswith("/static") for context in iter_route_contexts(routes))


def create_app(database_url: str | None = None, *, https: bool | None = None) -> FastAPI:
    db = services.open_database(database_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            db.close()

    app = FastAPI(
        title="kehoach",
        version=__version__,
        description=(
            "API theo dõi thực hiện nghị quyết HĐND về kế hoạch phát triển kinh tế - xã hội. "
            "Xác thực bằng khóa API (Authorization: Bearer khk_…) hoặc phiên đăng nhập (cookie, kèm X-CSRF-Token). "
            "Số là số JSON chính xác (97.5, 1246.695)."
        ),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: not served
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.https = _https_from_env() if https is None else https
    errors.register(app)
    app.add_middleware(SecurityHeaders)
    csrf = [Depends(verify_csrf)]
    app.include_router(api.router, prefix=API_PREFIX, dependencies=csrf)
    app.include_router(auth.router)  # the login form checks its own token; sign-out runs verify_csrf
    app.include_router(pages.router, dependencies=csrf)
    if STATIC.is_dir() and not _serves_static(app.router.routes):
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
