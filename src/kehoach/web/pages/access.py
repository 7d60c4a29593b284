"""Who is looking, and what they may see: the signed-in actor of a page (else the login
page), the units of a plan inside the actor's scope, and error pages in Vietnamese."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, ParamSpec, TypeVar
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from kehoach import services
from kehoach.core.accounts import Action, Actor, allowed, refusal
from kehoach.core.units import OrgUnit, UnitTree
from kehoach.services.context import PlanContext, open_plan
from kehoach.services.errors import PermissionDenied
from kehoach.web.deps import OptionalActorDep
from kehoach.web.pages.render import page


def page_actor(request: Request, actor: OptionalActorDep) -> Actor:
    """The signed-in actor; anyone else is sent to the login page (and back afterwards)."""
    if actor is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        location = f"/dang-nhap?next={quote(target, safe='')}"
        headers = {"Location": location}
        if request.headers.get("HX-Request"):
            headers["HX-Redirect"] = location
        raise HTTPException(status_code=303, headers=headers)
    return actor


PageActor = Annotated[Actor, Depends(page_actor)]


async def request_form(request: Request) -> AsyncIterator[FormData]:
    """The request's form, its uploaded files closed once the answer is sent."""
    form = await request.form()
    try:
        yield form
    finally:
        await form.close()


FormDep = Annotated[FormData, Depends(request_form)]


class PageRefused(Exception):
    """A page that cannot be shown: ``status`` 403, 404 or 400 with a Vietnamese message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_page(request: Request, actor: Actor | None, status: int, message: str) -> HTMLResponse:
    titles = {400: "Không thực hiện được", 403: "Không có quyền", 404: "Không tìm thấy"}
    context = {"actor": actor, "title": titles.get(status, "Lỗi"), "error": message}
    if request.headers.get("HX-Request"):
        return page(request, "_loi.html", context, status_code=status)
    return page(request, "loi.html", context, status_code=status)


P = ParamSpec("P")
R = TypeVar("R", bound=Response)


def _caller(kwargs: dict[str, object]) -> tuple[Request, Actor | None]:
    request, actor = kwargs.get("request"), kwargs.get("actor")
    assert isinstance(request, Request)
    return request, actor if isinstance(actor, Actor) else None


def refusal_page(request: Request, actor: Actor | None, exc: Exception) -> HTMLResponse:
    """The error page of a refusal or a service error (anything else is raised again)."""
    if isinstance(exc, PageRefused):
        return error_page(request, actor, exc.status, exc.message)
    if isinstance(exc, PermissionDenied):
        return error_page(request, actor, 403, str(exc))
    if isinstance(exc, services.NotFoundError):
        return error_page(request, actor, 404, str(exc))
    if isinstance(exc, services.KehoachError):
        return error_page(request, actor, 400, str(exc))
    raise exc


_SHOWN = (PageRefused, PermissionDenied, services.KehoachError)


def shows_errors(route: Callable[P, R]) -> Callable[P, R | HTMLResponse]:
    """Turn refusals and service errors of a page route into a Vietnamese error page."""

    @functools.wraps(route)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | HTMLResponse:
        try:
            return route(*args, **kwargs)
        except _SHOWN as exc:
            return refusal_page(*_caller(kwargs), exc)

    return wrapper


A = TypeVar("A", bound=Response)


def shows_errors_async(route: Callable[P, Awaitable[A]]) -> Callable[P, Awaitable[A | HTMLResponse]]:
    """:func:`shows_errors` for async routes (those that read a form or a file)."""

    @functools.wraps(route)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> A | HTMLResponse:
        try:
            return await route(*args, **kwargs)
        except _SHOWN as exc:
            return refusal_page(*_caller(kwargs), exc)

    return wrapper


def require(actor: Actor, action: Action, unit_code: str | None, tree: UnitTree | None, unit_name: str = "") -> None:
    if not allowed(actor, action, unit_code, tree):
        raise PageRefused(403, refusal(actor, action, unit_name or unit_code))


@dataclass(frozen=True)
class PlanScope:
    """A plan as one actor sees it: the units they may look at, the one shown first."""

    ctx: PlanContext  # the plan, its targets and the unit tree (services.context)
    units: list[tuple[int, OrgUnit]]  # (depth below the plan's unit, unit) in tree order
    home: str  # the unit shown when none is asked for

    @property
    def plan(self) -> services.StoredPlan:
        return self.ctx.stored

    @property
    def tree(self) -> UnitTree:
        return self.ctx.tree

    @cached_property
    def codes(self) -> frozenset[str]:
        return frozenset(unit.code for _, unit in self.units)

    @cached_property
    def _by_code(self) -> dict[str, OrgUnit]:
        return {unit.code: unit for _, unit in self.units}

    def unit(self, code: str) -> OrgUnit:
        found = self._by_code.get(code)
        if found is None:
            raise PageRefused(403, f"không được xem đơn vị mã '{code}'")
        return found

    def children(self, code: str) -> list[OrgUnit]:
        codes = self.codes
        return [unit for unit in self.tree.children(code) if unit.code in codes]


def plan_units(tree: UnitTree, root: str) -> list[tuple[int, OrgUnit]]:
    found: list[tuple[int, OrgUnit]] = []

    def walk(code: str, depth: int) -> None:
        found.append((depth, tree.get(code)))
        for child in tree.children(code):
            walk(child.code, depth + 1)

    walk(root, 0)
    return found


def scope_of(ctx: PlanContext, actor: Actor) -> PlanScope:
    """The units of the plan that ``actor`` may read; refused when none."""
    tree = ctx.tree
    units = [(d, u) for d, u in plan_units(tree, ctx.unit_code) if allowed(actor, Action.READ, u.code, tree)]
    if not units:
        raise PageRefused(403, refusal(actor, Action.READ, f"kế hoạch số {ctx.plan_id}"))
    top = min(depth for depth, _ in units)
    units = [(depth - top, unit) for depth, unit in units]
    return PlanScope(ctx, units, units[0][1].code)


def plan_scope(db: Any, actor: Actor, plan_ref: int | str) -> PlanScope:
    """The plan (kept for the data version: services.caching) and the units of it that
    ``actor`` may read; refused when none."""
    return scope_of(open_plan(db, plan_ref, actor=actor), actor)
