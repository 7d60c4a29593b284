"""The plans a user may see, a plan's dashboard for a unit and period, the trend fragment."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from kehoach import services
from kehoach.core.accounts import Action, allowed
from kehoach.core.tracking import TargetEvaluation
from kehoach.core.units import OrgUnit
from kehoach.core.wording import figure_text
from kehoach.services.caching import VIEWS, kept
from kehoach.services.evaluating import Evaluated, evaluate
from kehoach.services.trends import target_trend
from kehoach.web.deps import DbDep, OptionalActorDep
from kehoach.web.pages.access import PageActor, plan_scope, shows_errors
from kehoach.web.pages.figures import (
    Summary,
    for_unit,
    grouped_rows,
    status_by_group_chart,
    summary,
    trend_chart,
    trend_order,
    units_chart,
)
from kehoach.web.pages.periods import chosen_period, period_choices, plan_year
from kehoach.web.pages.render import page, templates

TABLES = templates.env.get_template("_bang_chi_tieu.html")

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


@dataclass(frozen=True)
class DashboardView:
    """What the dashboard shows of one unit's evaluations, the same for every reader who may see
    the unit and its sub-units listed (kept for the data version: services.caching)."""

    summary: Summary
    group_chart: str
    units_chart: str | None
    trend_targets: list[TargetEvaluation]
    tables: Markup  # _bang_chi_tieu.html: the targets by group and the sub-units


def dashboard_view(
    db: Any, found: Evaluated, unit: OrgUnit, children: Sequence[OrgUnit], whole_name: str
) -> DashboardView:
    ctx, period = found.ctx, found.period

    def build() -> DashboardView:
        evaluations = for_unit(found.units[unit.code], unit.code == ctx.unit_code)
        groups = grouped_rows(ctx.plan, evaluations, whole_name)
        kept_ = {child.code: for_unit(found.units[child.code], False) for child in children}
        sub_units = [{"unit": child, "summary": summary(kept_[child.code], period)} for child in children]
        tables = TABLES.render(groups=groups, sub_units=sub_units, plan=ctx.stored, period=period, unit=unit)
        units = units_chart([c.name for c in children], [kept_[c.code] for c in children]) if children else None
        return DashboardView(
            summary=summary(evaluations, period),
            group_chart=chart_json(status_by_group_chart(groups)),
            units_chart=chart_json(units) if units else None,
            trend_targets=trend_order(evaluations),
            tables=Markup(tables),
        )

    key = ("dashboard", ctx.plan_id, period.code, unit.code, tuple(c.code for c in children), whole_name)
    return kept(db, VIEWS, key, found.version, build)


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
    found = evaluate(db, plan_id, period.code, [code, *(c.code for c in children)], actor=actor)
    view = dashboard_view(db, found, unit, children, scope.tree.get(stored.unit_code).name)
    context = {
        "actor": actor,
        "plan": stored,
        "plan_title": _title(stored),
        "period": period,
        "choices": period_choices(plan_year(stored)),
        "unit": unit,
        "units": scope.units,
        "parent": _parent(scope, unit),
        "summary": view.summary,
        "group_chart": view.group_chart,
        "units_chart": view.units_chart,
        "trend_targets": view.trend_targets,
        "tables": view.tables,
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


@router.get("/ke-hoach/{plan_id}/xu-huong", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def trend(
    request: Request, db: DbDep, actor: PageActor, plan_id: int, chi_tieu: str, ky: str, don_vi: str
) -> HTMLResponse:
    scope = plan_scope(db, actor, plan_id)
    period = chosen_period(db, scope.plan, ky)
    unit = scope.unit(don_vi.strip())
    found = target_trend(db, plan_id, chi_tieu, period.code, unit.code, actor=actor)
    target = found.target.target
    rows = [
        {
            "period": p,
            "actual": figure_text(e.actual.figure, target),
            "to_date": figure_text(e.year_to_date.figure, target),
            "status": e.status,
        }
        for p, e in found.points
    ]
    context = {
        "actor": actor,
        "plan": scope.plan,
        "target": found.target,
        "unit": unit,
        "period": period,
        "rows": rows,
        "chart": chart_json(trend_chart(target, list(found.points))),
    }
    return page(request, "_xu_huong.html", context)
