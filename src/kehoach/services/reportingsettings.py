"""Report settings (core.reportsettings): the header's issuing body, the place, the signature
and the recipients of a unit's reports, stored for every plan of the unit or for one plan.

In force for a report of plan P and unit U: what is set for (U, P), else for U, else the
default made from U's name. Every change appends the whole set of the scope's fields
(append-only, who and when kept); clearing a field lets it fall back again. Changing needs
``Action.WRITE_NARRATIVE`` at the unit (who writes the report also says who signs it).
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.periods import Period
from kehoach.core.reportsettings import ReportSettings, default_settings
from kehoach.core.units import OrgUnit
from kehoach.services.context import PlanContext, load_context
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.evaluating import read_scope
from kehoach.services.permissions import check, check_plan_visible
from kehoach.services.recording import recorded_name
from kehoach.storage import Database, Transaction


@dataclass(frozen=True)
class SettingsView:
    plan_id: int
    unit: OrgUnit
    defaults: ReportSettings
    unit_wide: ReportSettings  # stored for every plan of the unit
    plan_only: ReportSettings  # stored for this plan of the unit

    @property
    def effective(self) -> ReportSettings:
        return self.plan_only.over(self.unit_wide.over(self.defaults))


def _unit(ctx: PlanContext, unit_code: str | None, actor: Actor) -> tuple[str, Period]:
    check_plan_visible(actor, ctx.unit_code, ctx.tree)
    year = ctx.plan_year
    period = Period.of_year(year) if year is not None else None
    if period is None:
        raise InputError(f"kế hoạch số {ctx.plan_id} chưa rõ năm kế hoạch")
    return read_scope(ctx, period, unit_code, actor), period


def _stored(tx: Transaction, unit_code: str, plan_id: int | None) -> ReportSettings:
    found = tx.report_settings.latest(unit_code, plan_id)
    return ReportSettings() if found is None else ReportSettings.from_dict(found.settings)


def settings_view(tx: Transaction, ctx: PlanContext, unit: OrgUnit) -> SettingsView:
    parent = ctx.tree.find(unit.parent_code, unit.valid_to) if unit.parent_code else None
    return SettingsView(
        ctx.plan_id,
        unit,
        default_settings(unit, parent),
        _stored(tx, unit.code, None),
        _stored(tx, unit.code, ctx.plan_id),
    )


def report_settings(
    db: Database, plan_ref: int | str, *, unit_code: str | None = None, actor: Actor = LOCAL_OPERATOR
) -> SettingsView:
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        code, period = _unit(ctx, unit_code, actor)
        return settings_view(tx, ctx, ctx.tree.get(code, ctx.day(code, period)))


def change_report_settings(
    db: Database,
    plan_ref: int | str,
    changes: ReportSettings,
    *,
    unit_code: str | None = None,
    plan_only: bool = False,
    clear: frozenset[str] = frozenset(),
    who: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> SettingsView:
    """Set the fields given in ``changes`` (and clear ``clear``) for the unit's reports of
    every plan, or of this plan only (``plan_only``)."""
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
        code, period = _unit(ctx, unit_code, actor)
        check(actor, Action.WRITE_NARRATIVE, code, ctx.tree, ctx.day(code, period))
        scope = ctx.plan_id if plan_only else None
        before = _stored(tx, code, scope)
        try:
            after = changes.over(before.without(set(clear)))
        except ValueError as exc:
            raise InputError(str(exc)) from None
        if after != before:
            tx.report_settings.append(code, scope, after.to_dict(), recorded_name(actor, who))
        return settings_view(tx, ctx, ctx.tree.get(code, ctx.day(code, period)))
