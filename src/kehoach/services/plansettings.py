"""A plan's settings: the unit it belongs to and how its periods are dated (cut-off rule)."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.core.periods import CutoffRule
from kehoach.core.text import fold
from kehoach.core.units import OrgUnit
from kehoach.services.context import load_tree
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.plans import find_plan
from kehoach.services.planunit import chosen_unit
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


def plan_settings(db: Database, plan_ref: int | str) -> PlanSettings:
    with unit_of_work(db) as tx:
        stored = find_plan(tx, plan_ref)
        return PlanSettings(stored.plan_id, load_tree(tx).get(stored.unit_code), stored.cutoff_rule)


def change_plan_settings(
    db: Database, plan_ref: int | str, *, unit_code: str | None = None, cutoff_rule: CutoffRule | str | None = None
) -> PlanSettings:
    """Change the plan's unit (only while no figure is recorded for it) and/or cut-off rule."""
    rule = None if cutoff_rule is None else parse_cutoff_rule(cutoff_rule)
    with unit_of_work(db) as tx:
        stored = find_plan(tx, plan_ref)
        tree = load_tree(tx)
        unit = tree.get(stored.unit_code)
        if unit_code is not None and unit_code.strip() != stored.unit_code:
            unit = chosen_unit(tree, unit_code, stored.plan.document.plan_year)
            if tx.observations.count(stored.plan_id):
                owner = tree.get(stored.unit_code).name
                raise InputError(
                    f"kế hoạch số {stored.plan_id} đã có số liệu của các đơn vị thuộc {owner}; "
                    "không đổi đơn vị của kế hoạch được"
                )
            tx.plans.set_unit(stored.plan_id, unit.code)
        if rule is not None and rule is not stored.cutoff_rule:
            tx.plans.set_cutoff_rule(stored.plan_id, rule)
        return PlanSettings(stored.plan_id, unit, rule or stored.cutoff_rule)
