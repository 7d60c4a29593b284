"""A plan's settings: the unit it belongs to and how its periods are dated (cut-off rule).

Reading needs the plan to be visible; changing needs MANAGE_PLANS at the plan's unit (and at
the new unit when the plan moves), and is written to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.periods import CutoffRule
from kehoach.core.text import fold
from kehoach.core.units import OrgUnit
from kehoach.services.audit import log_event
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.permissions import check, check_plan_visible
from kehoach.services.plans import find_plan
from kehoach.services.planunit import chosen_unit
from kehoach.services.unittrees import load_tree
from kehoach.storage import Database

_RULE_WORDS = {
    "nd09": CutoffRule.ND09,
    "nđ09": CutoffRule.ND09,
    "nd 09": CutoffRule.ND09,
    "nđ 09": CutoffRule.ND09,
    "09": CutoffRule.ND09,
    "calendar": CutoffRule.CALENDAR,
    "dương lịch": CutoffRule.CALENDAR,
    "duong lich": CutoffRule.CALENDAR,
    "lịch": CutoffRule.CALENDAR,
}


def parse_cutoff_rule(text: str | CutoffRule) -> CutoffRule:
    """``nd09`` (Nghị định 09/2019: the 15th to the 14th) or ``calendar`` (dương lịch)."""
    if isinstance(text, CutoffRule):
        return text
    found = _RULE_WORDS.get(" ".join(fold(text).replace("-", " ").split()))
    if found is None:
        raise InputError(
            f"không nhận ra cách chốt số liệu '{text}' (dùng nd09: ngày 15 đến ngày 14 theo Nghị định 09/2019, "
            "hoặc calendar: theo tháng dương lịch)"
        )
    return found


@dataclass(frozen=True)
class PlanSettings:
    plan_id: int
    unit: OrgUnit
    cutoff_rule: CutoffRule


def plan_settings(db: Database, plan_ref: int | str, *, actor: Actor = LOCAL_OPERATOR) -> PlanSettings:
    with unit_of_work(db) as tx:
        stored = find_plan(tx, plan_ref)
        tree = load_tree(tx)
        check_plan_visible(actor, stored.unit_code, tree)
        return PlanSettings(stored.plan_id, tree.get(stored.unit_code), stored.cutoff_rule)


def change_plan_settings(
    db: Database,
    plan_ref: int | str,
    *,
    unit_code: str | None = None,
    cutoff_rule: CutoffRule | str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> PlanSettings:
    """Change the plan's unit (only while no figure is recorded for it) and/or cut-off rule."""
    rule = None if cutoff_rule is None else parse_cutoff_rule(cutoff_rule)
    with unit_of_work(db) as tx:
        stored = find_plan(tx, plan_ref)
        tree = load_tree(tx)
        check(actor, Action.MANAGE_PLANS, stored.unit_code, tree)
        unit = tree.get(stored.unit_code)
        if unit_code is not None and unit_code.strip() != stored.unit_code:
            unit = chosen_unit(tree, unit_code, stored.plan.document.plan_year)
            check(actor, Action.MANAGE_PLANS, unit.code, tree)
            if tx.observations.count(stored.plan_id):
                owner = tree.get(stored.unit_code).name
                raise InputError(
                    f"kế hoạch số {stored.plan_id} đã có số liệu của các đơn vị thuộc {owner}; "
                    "không đổi đơn vị của kế hoạch được"
                )
            tx.plans.set_unit(stored.plan_id, unit.code)
        if rule is not None and rule is not stored.cutoff_rule:
            tx.plans.set_cutoff_rule(stored.plan_id, rule)
        after = PlanSettings(stored.plan_id, unit, rule or stored.cutoff_rule)
        if (unit.code, after.cutoff_rule) != (stored.unit_code, stored.cutoff_rule):
            log_event(
                tx,
                actor,
                "plan.settings",
                unit_code=stored.unit_code,
                plan_id=stored.plan_id,
                object=f"kế hoạch số {stored.plan_id}",
                old={"unit_code": stored.unit_code, "cutoff_rule": stored.cutoff_rule},
                new={"unit_code": unit.code, "cutoff_rule": after.cutoff_rule},
            )
        return after
