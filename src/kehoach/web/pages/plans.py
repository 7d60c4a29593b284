"""The plans a user may see, a plan's dashboard for a unit and period, the trend fragment."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from kehoach import services
from kehoach.core.accounts import Action, Actor, allowed
from kehoach.core.periods import Period
from kehoach.core.tracking import evaluate_target
from kehoach.services.evaluating import baseline, load_figures
from kehoach.web.deps import DbDep, OptionalActorDep
from kehoach.web.pages.access import PageActor, PageRefused, plan_scope, shows_errors
from kehoach.web.pages.figures import (
    for_unit,
    grouped_rows,
    status_by_group_chart,
    summary,
    trend_chart,
    trend_order,
    units_chart,
)
from kehoach.web.pages.periods import chosen_period, period_choices, plan_year
from kehoach.web.pages.render import page
from kehoach.web.pages.words import figure_text

router = APIRouter()


def chart_json(options: dict[str, Any]) -> str:
    return json.dumps(options, ensure_ascii=False)


@router.get("/", include_in_schema=False)
def home(actor: OptionalActorDep) -> RedirectResponse:
    return RedirectResponse("/ke-hoach" if actor is not None else "/dang-nhap", status_code=303)


@router.get("/ke-hoach", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def plan_list(request: Request, db: DbDep, actor: PageActor) -> HTMLResponse:
    tree = services.unit_tree(db)
    plans = []
    for summary_ in services.list_plans(db, actor=actor):
        code = summary_.unit_code
        if allowed(actor, Action.READ, code, tree):
            home_unit = code
        elif actor.unit_code is not None and actor.unit_code in tree and tree.is_within(actor.unit_code, code):
            home_unit = actor.unit_code
        else:
            continue
        unit = tree.find(code)
        plans.append({"summary": summary_, "unit": unit, "home": home_unit, "home_name": tree.get(home_unit).name})
    can_upload = allowed(actor, Action.MANAGE_PLANS, None)
    return page(request, "ke_hoach.html", {"actor": actor, "plans": plans, "can_upload": can_upload})


@router.get("/ke-hoach/{plan_id}", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def dashboard(
    request: Request, db: DbDep, actor: PageActor, plan_id: int, ky: str | None = None, don_vi: str | None = None
) -> HTMLResponse:
    scope = plan_scope(db, actor, plan_id)
    stored = scope.plan
    period = chosen_period(db, stored, ky)
    code = (don_vi or scope.home).strip()
    unit = scope.unit(code)
    children = scope.children(code)
    found = services.evaluate_units(db, plan_id, period.code, [code, *(c.code for c in children)], actor=actor)
    plan_unit = stored.unit_code
    evaluations = for_unit(found[code], code == plan_unit)
    groups = grouped_rows(stored.plan, evaluations)
    kept = {child.code: for_unit(found[child.code], False) for child in children}
    sub_units = [{"unit": child, "summary": summary(kept[child.code], period)} for child in children]
    trend_targets = trend_order(evaluations)
    context = {
        "actor": actor,
        "plan": stored,
        "plan_title": _title(stored),
        "period": period,
        "choices": period_choices(plan_year(stored)),
        "unit": unit,
        "units": scope.units,
        "parent": _parent(scope, unit),
        "groups": groups,
        "summary": summary(evaluations, period),
        "sub_units": sub_units,
        "group_chart": chart_json(status_by_group_chart(groups)),
        "units_chart": chart_json(units_chart([c.name for c in children], [kept[c.code] for c in children]))
        if children
        else None,
        "trend_targets": trend_targets,
        "can_enter": allowed(actor, Action.ENTER, code, scope.tree),
        "can_approve": allowed(actor, Action.APPROVE, code, scope.tree),
    }
    return page(request, "bang_dieu_khien.html", context)


def _title(stored: Any) -> str:
    document = stored.plan.document
    number = document.number or f"kế hoạch số {stored.plan_id}"
    return f"{document.type or 'Văn bản'} {number}" + (f" — {document.subject}" if document.subject else "")


def _parent(scope: Any, unit: Any) -> Any:
    if unit.parent_code and unit.parent_code in scope.codes:
        return scope.unit(unit.parent_code)
    return None


def trend_points(
    db: Any, actor: Actor, plan_id: int, key: str, unit_code: str, period: Period
) -> tuple[Any, list[Any]]:
    """A target's evaluation month by month, January to the period's last month (one read)."""
    loaded = load_figures(db, plan_id, Period.of_month(period.year, period.last_month).code, actor)
    ctx = loaded.ctx
    ref = ctx.target(key)
    index = loaded.index()
    unit = ctx.scope_unit(unit_code, period)
    points = []
    for month in range(1, period.last_month + 1):
        p = Period.of_month(period.year, month)
        points.append(
            (p, evaluate_target(ref, unit, p, index, ctx.tree, baseline(ref, unit, p, index, ctx), rule=ctx.rule))
        )
    return ref, points


@router.get("/ke-hoach/{plan_id}/xu-huong", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def trend(
    request: Request, db: DbDep, actor: PageActor, plan_id: int, chi_tieu: str, ky: str, don_vi: str
) -> HTMLResponse:
    scope = plan_scope(db, actor, plan_id)
    period = chosen_period(db, scope.plan, ky)
    unit = scope.unit(don_vi.strip())
    ref, points = trend_points(db, actor, plan_id, chi_tieu, unit.code, period)
    rows = [
        {
            "period": p,
            "actual": figure_text(e.actual.figure, ref.target),
            "to_date": figure_text(e.year_to_date.figure, ref.target),
            "status": e.status,
        }
        for p, e in points
    ]
    context = {
        "actor": actor,
        "plan": scope.plan,
        "target": ref,
        "unit": unit,
        "period": period,
        "rows": rows,
        "chart": chart_json(trend_chart(ref.target, points)),
    }
    return page(request, "_xu_huong.html", context)


def require_unit_in_scope(scope: Any, code: str) -> None:
    if code not in scope.codes:
        raise PageRefused(403, f"không được xem đơn vị mã '{code}'")
