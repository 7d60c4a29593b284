"""The entry form of a plan for a period: one row per target × unit that must report.

Who reports (as core.rollup expects the figures):

- ``sum`` and ``ratio`` targets: the leaf units under the plan's unit (the khóm of a ward),
  or the plan's unit itself when it has none;
- ``units_meeting`` targets: the units directly under the plan's unit, each with a grade
  against its own target (by default Đạt / Không đạt), since the roll-up counts those;
- ``unit_only`` targets, and grades and ranks (which do not add up): the plan's unit.

The tree is read as it stands at the end of the period (plan's cut-off rule). Rows come in
the plan's target order, units in tree order; current figures are pre-filled, and rows of an
approved (locked) period say so.

The plan must be visible to the actor; the rows are those of the unit asked (default: the
plan's unit, or the actor's own when the plan's unit is out of their scope) and the units
under it, which must be in the actor's scope: a trưởng khóm gets only their khóm's rows.
"""

from __future__ import annotations

from kehoach.core.accounts import LOCAL_OPERATOR, Actor
from kehoach.core.entries import EntryForm, EntryKind, EntryRow, FigureEntry
from kehoach.core.observations import Observation
from kehoach.core.periods import Period
from kehoach.core.targets import DEFAULT_REQUIRED_GRADE, GRADE_SCALES, Comparator, OverUnits, Target
from kehoach.core.text import fold
from kehoach.core.units import OrgUnit
from kehoach.services.context import PlanContext, load_context, owner_texts
from kehoach.services.database import unit_of_work
from kehoach.services.entrycheck import EntryChecker
from kehoach.services.errors import InputError
from kehoach.services.evaluating import read_scope
from kehoach.services.permissions import check_plan_visible
from kehoach.storage import Database


def grade_scale(target: Target) -> tuple[str, ...]:
    """The grades an officer chooses from for a qualitative target."""
    required = " ".join(fold(target.grade or DEFAULT_REQUIRED_GRADE).split())
    for scale in GRADE_SCALES:
        if any(" ".join(fold(grade).split()) == required for grade in scale):
            return scale
    return GRADE_SCALES[-1]


def entry_kind(target: Target) -> EntryKind:
    if target.comparator is Comparator.QUALITATIVE:
        return EntryKind.GRADE
    if target.comparator is Comparator.RANK_TOP:
        return EntryKind.RANK
    if target.over_units is OverUnits.RATIO:
        return EntryKind.RATIO
    return EntryKind.VALUE


def reporting_units(ctx: PlanContext, target: Target, period: Period) -> tuple[OrgUnit, ...]:
    """The units that record their own figure of ``target`` for ``period``."""
    day = ctx.day(ctx.unit_code, period)
    over_units = target.over_units
    graded = target.comparator in (Comparator.QUALITATIVE, Comparator.RANK_TOP)
    if over_units is OverUnits.UNIT_ONLY or (graded and over_units in (OverUnits.SUM, OverUnits.RATIO)):
        return (ctx.tree.get(ctx.unit_code, day),)
    if over_units is OverUnits.UNITS_MEETING:
        return ctx.tree.children(ctx.unit_code, day) or (ctx.tree.get(ctx.unit_code, day),)
    return ctx.tree.leaves_under(ctx.unit_code, day)


def _prefilled(obs: Observation, period_code: str) -> FigureEntry:
    return FigureEntry(
        obs.target_key,
        obs.unit_code,
        period_code,
        obs.value,
        obs.numerator,
        obs.denominator,
        obs.grade,
        obs.rank,
        obs.estimate,
        obs.note or None,
    )


def entry_form(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_code: str | None = None,
    *,
    estimate: bool = False,
    actor: Actor = LOCAL_OPERATOR,
) -> EntryForm:
    """The rows to fill for ``period_code``: for the whole plan, or only the rows of ``unit_code``
    and the units under it; ``estimate`` asks for estimates ("ước") instead of actuals."""
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        check_plan_visible(actor, ctx.unit_code, ctx.tree)
        period = ctx.period(period_code)
        problem = ctx.unit_problem(ctx.unit_code, period)
        if problem is not None:
            raise InputError(problem)
        scope = read_scope(ctx, period, unit_code, actor)
        checker = EntryChecker(ctx, tx.period_status.states(ctx.plan_id))
        slots = tx.observations.slots(ctx.plan_id, {period.code})
        owners = owner_texts(ctx.plan)
        rows: list[EntryRow] = []
        for key, ref in ctx.targets.items():
            for unit in reporting_units(ctx, ref.target, period):
                if scope != ctx.unit_code and not ctx.tree.is_within(unit.code, scope, ctx.day(unit.code, period)):
                    continue
                target = checker.reporting_target(key, unit.code)
                slot = slots.get((key, unit.code, period.code, estimate))
                current = slot.current if slot is not None else None
                kind = entry_kind(target)
                rows.append(
                    EntryRow(
                        target_key=key,
                        indicator=owners.get(key, key),
                        target_text=ref.target.text or ref.target.name,
                        unit_of_measure=ref.target.unit,
                        kind=kind,
                        unit_code=unit.code,
                        unit_name=unit.name,
                        current=_prefilled(current, period.code) if current is not None else None,
                        locked=checker.lock(unit.code, period) is not None,
                        grades=grade_scale(target) if kind is EntryKind.GRADE else (),
                    )
                )
        return EntryForm(
            plan_ref=str(ctx.plan_id),
            plan_title=ctx.title,
            owner_unit=ctx.unit.name,
            period_code=period.code,
            period_label=period.label,
            rows=rows,
        )
