"""The report's text officers write per plan, unit and period (core.narratives): set a
section's text, read every section with its history.

Every change appends a revision (who, when, the text); writing the same text again writes
nothing; an empty text clears the section (a revision too). Writing needs
``Action.WRITE_NARRATIVE`` at the unit (cán bộ phường, lãnh đạo, quản trị); reading needs
``Action.READ``. The period must be one of the plan's (core.periods code), the unit the
plan's or one under it, in force in the period.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.narratives import (
    Narrative,
    NarrativeRevision,
    Section,
    SectionError,
    clean_text,
    parse_section,
    plan_sections,
)
from kehoach.core.periods import Period
from kehoach.core.units import OrgUnit
from kehoach.services.context import PlanContext, load_context
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.evaluating import read_scope
from kehoach.services.permissions import check, check_plan_visible
from kehoach.services.recording import recorded_name
from kehoach.storage import Database, NarrativeVersion, Transaction

MAX_TEXT = 20_000  # characters of one section: a long report section is a few thousand


@dataclass(frozen=True)
class NarrativeResult:
    plan_id: int
    unit: OrgUnit
    period: Period
    section: Section
    changed: bool  # False: the text was already the current one, nothing written
    seq: int  # the current revision number (0: never written)


@dataclass(frozen=True)
class NarrativeSet:
    """Every section of a plan's report for one unit and period, written or not."""

    plan_id: int
    unit: OrgUnit
    period: Period
    narratives: tuple[Narrative, ...]

    def texts(self) -> dict[str, str]:
        """Section key → current text, for the sections with text."""
        return {n.section.key: n.text for n in self.narratives if n.text}


def _scope(ctx: PlanContext, period_code: str, unit_code: str | None, actor: Actor) -> tuple[Period, str]:
    check_plan_visible(actor, ctx.unit_code, ctx.tree)
    period = ctx.period(period_code)
    return period, read_scope(ctx, period, unit_code, actor)


def _section(ctx: PlanContext, text: str) -> Section:
    try:
        return parse_section(text, ctx.plan)
    except SectionError as exc:
        raise InputError(str(exc)) from None


def set_narrative(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    section: str,
    text: str,
    *,
    unit_code: str | None = None,
    who: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> NarrativeResult:
    """Write the text of one section (``"ket-qua:kinh-te"``, ``"phuong-huong"`` …)."""
    cleaned = clean_text(text)
    if len(cleaned) > MAX_TEXT:
        raise InputError(f"nội dung quá dài ({len(cleaned):,} ký tự; tối đa {MAX_TEXT:,} ký tự một mục)")
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        period, code = _scope(ctx, period_code, unit_code, actor)
        check(actor, Action.WRITE_NARRATIVE, code, ctx.tree, ctx.day(code, period))
        chosen = _section(ctx, section)
        history = tx.narratives.history(ctx.plan_id, code, period.code, [chosen.key])
        unit = ctx.tree.get(code, ctx.day(code, period))
        current = history[-1] if history else None
        if (current.text if current else "") == cleaned:
            return NarrativeResult(ctx.plan_id, unit, period, chosen, False, current.seq if current else 0)
        written = tx.narratives.append(ctx.plan_id, code, period.code, chosen.key, cleaned, recorded_name(actor, who))
        return NarrativeResult(ctx.plan_id, unit, period, chosen, True, written.seq)


def _revision(version: NarrativeVersion) -> NarrativeRevision:
    return NarrativeRevision(version.seq, version.text, version.written_by, version.written_at)


def read_narratives(tx: Transaction, ctx: PlanContext, period: Period, unit_code: str) -> tuple[Narrative, ...]:
    """Every section of the plan's report for a unit and period, in report order, with history."""
    by_section: dict[str, list[NarrativeRevision]] = {}
    for version in tx.narratives.history(ctx.plan_id, unit_code, period.code):
        by_section.setdefault(version.section, []).append(_revision(version))
    return tuple(Narrative(s, tuple(by_section.get(s.key, ()))) for s in plan_sections(ctx.plan))


def narratives(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    *,
    unit_code: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> NarrativeSet:
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        period, code = _scope(ctx, period_code, unit_code, actor)
        found = read_narratives(tx, ctx, period, code)
        return NarrativeSet(ctx.plan_id, ctx.tree.get(code, ctx.day(code, period)), period, found)


def narrative_history(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    section: str,
    *,
    unit_code: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> Narrative:
    """One section with every revision."""
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        period, code = _scope(ctx, period_code, unit_code, actor)
        chosen = _section(ctx, section)
        versions = tx.narratives.history(ctx.plan_id, code, period.code, [chosen.key])
        return Narrative(chosen, tuple(_revision(v) for v in versions))
