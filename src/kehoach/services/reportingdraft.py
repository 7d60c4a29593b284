"""Next year's draft resolution (``kehoach draft-resolution PLAN --year N+1``), built from
this year's plan (reports.resolutionbuilder).

Proposals (reports.proposals) come from the plan's own unit evaluated through the latest
month with any figure recorded this year (or through ``period_code``); without figures, or
with ``propose=False``, every value is left blank ("…") for the officers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kehoach.core.accounts import LOCAL_OPERATOR, Actor
from kehoach.core.periods import Period
from kehoach.core.units import OrgUnit
from kehoach.reports.model import ReportModel
from kehoach.reports.proposals import propose as proposal_for
from kehoach.reports.resolutionbuilder import ResolutionInput, build_resolution
from kehoach.services.context import load_context
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.evaluating import Loaded, load_figures, read_scope
from kehoach.services.reporting import ReportFile, ReportFormat, parse_format, render, unit_facts, write_bytes
from kehoach.services.reportingsettings import settings_view
from kehoach.storage import Database


def latest_period(loaded: Loaded, year: int) -> Period | None:
    """Months 1..m of ``year``, m the last month with an actual figure recorded."""
    months = [o.period.last_month for o in loaded.observations if o.period.year == year and not o.estimate]
    return Period.through_month(year, max(months)) if months else None


@dataclass(frozen=True)
class Draft:
    model: ReportModel
    unit: OrgUnit
    year: int
    based_on: Period | None  # the period proposals were made from (None: all left blank)
    proposed: int  # how many targets got a proposed value


def _load(db: Database, plan_ref: int | str, actor: Actor) -> Loaded:
    """The plan and every figure of its year (and the year before)."""
    with unit_of_work(db) as tx:
        year = load_context(tx, plan_ref).plan_year
    if year is None:
        raise InputError("kế hoạch chưa rõ năm kế hoạch, không lập được dự thảo cho năm sau")
    return load_figures(db, plan_ref, str(year), actor)


def draft_resolution(
    db: Database,
    plan_ref: int | str,
    year: int | None = None,
    *,
    propose: bool = True,
    period_code: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> Draft:
    plan_year_loaded = _load(db, plan_ref, actor)
    ctx = plan_year_loaded.ctx
    plan_year = ctx.plan_year
    assert plan_year is not None
    wanted = year if year is not None else plan_year + 1
    if wanted <= plan_year:
        raise InputError(f"năm của dự thảo phải sau năm kế hoạch {plan_year} (ví dụ --year {plan_year + 1})")
    based_on = ctx.period(period_code) if period_code else latest_period(plan_year_loaded, plan_year)
    code = read_scope(ctx, Period.of_year(plan_year), None, actor)
    proposals: dict[str, Decimal | None] = {}
    if propose and based_on is not None:
        index = plan_year_loaded.figures
        proposals = {f.key: proposal_for(f) for f in unit_facts(ctx, index, based_on, code)}
    with unit_of_work(db) as tx:
        unit = ctx.tree.get(code, ctx.day(code, Period.of_year(plan_year)))
        settings = settings_view(tx, ctx, unit).effective
    model = build_resolution(ResolutionInput(ctx.plan, unit, wanted, settings, proposals))
    proposed = sum(1 for v in proposals.values() if v is not None)
    return Draft(model, unit, wanted, based_on if proposals else None, proposed)


def write_draft_resolution(
    db: Database,
    plan_ref: int | str,
    year: int | None = None,
    output: Path | None = None,
    fmt: ReportFormat | str = ReportFormat.DOCX,
    *,
    propose: bool = True,
    period_code: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> tuple[ReportFile, Draft]:
    chosen = parse_format(fmt)
    if chosen is ReportFormat.XLSX:
        raise InputError("dự thảo nghị quyết xuất được dạng docx hoặc pdf")
    draft = draft_resolution(db, plan_ref, year, propose=propose, period_code=period_code, actor=actor)
    path = output or Path(f"du-thao-nghi-quyet-{draft.unit.code}-{draft.year}.{chosen.value}")
    content = render(draft.model, chosen, path.stem)
    write_bytes(path, content)
    return ReportFile(path, draft.model, len(content)), draft
