"""The approval view for leaders: every unit's state for a period; approve (lock) a
submitted period, reopen a submitted or approved one with a reason."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kehoach import services
from kehoach.core.accounts import Action, allowed
from kehoach.core.approval import PeriodState
from kehoach.web.deps import CsrfDep, DbDep
from kehoach.web.pages.access import PageActor, PageRefused, plan_scope, require, shows_errors
from kehoach.web.pages.periods import chosen_period, period_choices, plan_year
from kehoach.web.pages.render import page

router = APIRouter()

STATE_CLASSES = {"draft": "nhap", "submitted": "gui", "approved": "duyet", "reopened": "mo-lai"}


@router.get("/ke-hoach/{plan_id}/duyet", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def approval_page(request: Request, db: DbDep, actor: PageActor, plan_id: int, ky: str | None = None) -> HTMLResponse:
    scope = plan_scope(db, actor, plan_id)
    period = chosen_period(db, scope.plan, ky)
    rows: list[dict[str, Any]] = []
    waiting = 0
    for depth, unit in scope.units:
        status = services.period_status(db, plan_id, unit.code, period.code, actor=actor)
        last = status.history[-1] if status.history else None
        waiting += status.state is PeriodState.SUBMITTED
        rows.append(
            {
                "depth": depth,
                "unit": unit,
                "state": status.state,
                "state_class": STATE_CLASSES[status.state.value],
                "last": last,
                "history": status.history,
                "can_approve": allowed(actor, Action.APPROVE, unit.code, scope.tree),
                "can_reopen": allowed(actor, Action.REOPEN, unit.code, scope.tree),
            }
        )
    context = {
        "actor": actor,
        "plan": scope.plan,
        "period": period,
        "choices": period_choices(plan_year(scope.plan)),
        "unit": scope.unit(scope.home),
        "units": None,
        "rows": rows,
        "waiting": waiting,
    }
    return page(request, "duyet.html", context)


def _act(db: DbDep, actor: PageActor, plan_id: int, don_vi: str, ky: str, action: Action, reason: str = "") -> str:
    scope = plan_scope(db, actor, plan_id)
    unit = scope.unit(don_vi.strip())
    require(actor, action, unit.code, scope.tree, unit.name)
    period = chosen_period(db, scope.plan, ky)
    if action is Action.APPROVE:
        services.approve(db, plan_id, unit.code, period.code, actor.display, actor=actor)
        notice = "da-duyet"
    else:
        if not reason.strip():
            raise PageRefused(400, "Cần ghi lý do mở lại kỳ báo cáo")
        services.reopen(db, plan_id, unit.code, period.code, actor.display, reason.strip(), actor=actor)
        notice = "da-mo-lai"
    return f"/ke-hoach/{plan_id}/duyet?ky={period.code}&tb={notice}"


@router.post("/ke-hoach/{plan_id}/duyet", include_in_schema=False)
@shows_errors
def approve(
    request: Request,
    db: DbDep,
    actor: PageActor,
    _csrf: CsrfDep,
    plan_id: int,
    don_vi: Annotated[str, Form()],
    ky: Annotated[str, Form()],
) -> Response:
    return RedirectResponse(_act(db, actor, plan_id, don_vi, ky, Action.APPROVE), status_code=303)


@router.post("/ke-hoach/{plan_id}/mo-lai", include_in_schema=False)
@shows_errors
def reopen(
    request: Request,
    db: DbDep,
    actor: PageActor,
    _csrf: CsrfDep,
    plan_id: int,
    don_vi: Annotated[str, Form()],
    ky: Annotated[str, Form()],
    ly_do: Annotated[str, Form()] = "",
) -> Response:
    return RedirectResponse(_act(db, actor, plan_id, don_vi, ky, Action.REOPEN, ly_do), status_code=303)
