"""A target's page: its sentence highlighted in the resolution, its rules, the figures of
every unit in scope, the history of revisions, the trend; changing its rules."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from kehoach import services
from kehoach.core.accounts import Action, allowed
from kehoach.core.targets import OverTime, OverUnits
from kehoach.core.wording import figure_text, requirement
from kehoach.services.context import owner_texts
from kehoach.services.trends import target_trend
from kehoach.web.deps import CsrfDep, DbDep
from kehoach.web.pages.access import PageActor, plan_scope, require, shows_errors
from kehoach.web.pages.figures import row, trend_chart
from kehoach.web.pages.lookups import source_text
from kehoach.web.pages.periods import chosen_period, period_choices, plan_year
from kehoach.web.pages.plans import chart_json
from kehoach.web.pages.render import page
from kehoach.web.pages.words import DIRECTION_LABELS, OVER_TIME_LABELS, OVER_UNITS_LABELS

router = APIRouter()


def highlighted(text: str, span: tuple[int, int] | None, mark_id: str = "doan-chi-tieu") -> Markup:
    """The text with ``span`` in a <mark> (everything else escaped)."""
    if span is None or not 0 <= span[0] < span[1] <= len(text):
        return Markup(escape(text))
    start, end = span
    return Markup(f'{escape(text[:start])}<mark id="{mark_id}">{escape(text[start:end])}</mark>{escape(text[end:])}')


def excerpt(text: str, span: tuple[int, int] | None, room: int = 500) -> tuple[Markup, bool, bool] | None:
    """The paragraph(s) around ``span``, highlighted: (html, cut before, cut after)."""
    if span is None or not 0 <= span[0] < span[1] <= len(text):
        return None
    start = text.rfind("\n", max(0, span[0] - room), span[0]) + 1 if span[0] else 0
    end_nl = text.find("\n", span[1], span[1] + room)
    end = end_nl if end_nl != -1 else min(len(text), span[1] + room)
    piece = text[start:end]
    return highlighted(piece, (span[0] - start, span[1] - start), "doan-trich"), start > 0, end < len(text)


@router.get("/ke-hoach/{plan_id}/chi-tieu/{key}", response_class=HTMLResponse, include_in_schema=False)
@shows_errors
def target_page(
    request: Request,
    db: DbDep,
    actor: PageActor,
    plan_id: int,
    key: str,
    ky: str | None = None,
    don_vi: str | None = None,
) -> HTMLResponse:
    scope = plan_scope(db, actor, plan_id)
    stored = scope.plan
    period = chosen_period(db, stored, ky)
    unit = scope.unit((don_vi or scope.home).strip())
    trend = target_trend(db, plan_id, key, period.code, unit.code, actor=actor)
    ref, points = trend.target, list(trend.points)
    target = ref.target
    below = [u for d, u in scope.units if u.code == unit.code or scope.tree.is_within(u.code, unit.code)]
    found = services.evaluate_units(db, plan_id, period.code, [u.code for u in below], actor=actor)
    depth = dict((u.code, d) for d, u in scope.units)
    whole_name = scope.tree.get(stored.unit_code).name
    per_unit = [
        {
            "unit": u,
            "depth": depth[u.code] - depth[unit.code],
            "row": row(next(e for e in found[u.code] if e.key == key), whole_name),
        }
        for u in below
    ]
    history: list[dict[str, Any]] = []
    for entry_row in services.entry_form(db, plan_id, period.code, unit.code, actor=actor).rows:
        if entry_row.target_key != key:
            continue
        found_history = services.figure_history(db, plan_id, key, entry_row.unit_code, period.code, actor=actor)
        for revision in found_history.revisions:
            history.append(
                {
                    "when": revision.when,
                    "unit": entry_row.unit_name,
                    "who": revision.who,
                    "kind": revision.kind.label,
                    "old": figure_text(revision.old, target) if revision.old else "–",
                    "new": figure_text(revision.new, target) if revision.new else "–",
                    "reason": revision.reason,
                }
            )
    history.sort(key=lambda item: item["when"], reverse=True)
    text = source_text(db, plan_id)
    context = {
        "actor": actor,
        "plan": stored,
        "ref": ref,
        "target": target,
        "owner": owner_texts(stored.plan).get(key, ""),
        "requirement": requirement(target),
        "period": period,
        "choices": period_choices(plan_year(stored)),
        "unit": unit,
        "units": scope.units,
        "per_unit": per_unit,
        "history": history,
        "chart": chart_json(trend_chart(target, points)),
        "trend": [
            {
                "period": p,
                "actual": figure_text(e.actual.figure, target),
                "to_date": figure_text(e.year_to_date.figure, target),
                "status": e.status,
            }
            for p, e in points
        ],
        "excerpt": excerpt(text, target.span) if text else None,
        "full_text": highlighted(text, target.span) if text else None,
        "over_units": OVER_UNITS_LABELS,
        "over_time": OVER_TIME_LABELS,
        "direction": DIRECTION_LABELS[target.direction.value],
        "can_manage": allowed(actor, Action.MANAGE_PLANS, stored.unit_code, scope.tree),
    }
    return page(request, "chi_tieu.html", context)


@router.post("/ke-hoach/{plan_id}/chi-tieu/{key}/quy-tac", include_in_schema=False)
@shows_errors
def change_rule(
    request: Request,
    db: DbDep,
    actor: PageActor,
    _csrf: CsrfDep,
    plan_id: int,
    key: str,
    over_units: Annotated[OverUnits, Form()],
    over_time: Annotated[OverTime, Form()],
    ky: Annotated[str, Form()] = "",
    don_vi: Annotated[str, Form()] = "",
) -> Response:
    scope = plan_scope(db, actor, plan_id)
    require(actor, Action.MANAGE_PLANS, scope.plan.unit_code, scope.tree)
    services.set_target_rule(db, plan_id, key, over_units=over_units, over_time=over_time, actor=actor)
    query = f"?ky={ky}&don_vi={don_vi}&tb=da-doi-quy-tac" if ky else "?tb=da-doi-quy-tac"
    return RedirectResponse(f"/ke-hoach/{plan_id}/chi-tieu/{key}{query}", status_code=303)
