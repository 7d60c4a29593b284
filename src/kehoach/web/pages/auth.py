"""The login page (the form posts to /dang-nhap, handled by web.security)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kehoach.web.deps import OptionalActorDep
from kehoach.web.pages.render import page

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path of this site: never another host (``//evil``, ``https://…``)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/ke-hoach"
    return target


@router.get("/dang-nhap", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, actor: OptionalActorDep, next: str | None = None) -> Response:
    if actor is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return page(request, "dang_nhap.html", {"title": "Đăng nhập", "next": safe_next(next)})
