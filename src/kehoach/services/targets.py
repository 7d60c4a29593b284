"""A plan's targets by key, and how each is measured (over units, over time).

Listing needs the plan to be visible to the actor; changing a rule needs MANAGE_PLANS at the
plan's unit and is written to the audit log.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.targets import OverTime, OverUnits, TargetRef
from kehoach.core.text import fold
from kehoach.services.audit import log_event
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError, NotFoundError
from kehoach.services.permissions import check
from kehoach.services.plans import find_plan, get_plan
from kehoach.services.unittrees import load_tree
from kehoach.storage import Database

R = TypeVar("R", bound=StrEnum)

# Vietnamese words accepted besides the values themselves.
_OVER_UNITS_WORDS = {
    "tổng": OverUnits.SUM,
    "cộng": OverUnits.SUM,
    "tỷ lệ": OverUnits.RATIO,
    "số đơn vị đạt": OverUnits.UNITS_MEETING,
    "đơn vị đạt": OverUnits.UNITS_MEETING,
    "chỉ đơn vị": OverUnits.UNIT_ONLY,
    "riêng đơn vị": OverUnits.UNIT_ONLY,
}
_OVER_TIME_WORDS = {
    "lũy kế": OverTime.CUMULATIVE,
    "cộng dồn": OverTime.CUMULATIVE,
    "mới nhất": OverTime.LATEST,
    "kỳ gần nhất": OverTime.LATEST,
}


def _key(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").replace("_", " ").split())


def _parse_rule(text: str | R, rules: type[R], words: dict[str, R], what: str) -> R:
    """A measurement rule from its value ("ratio") or a Vietnamese word ("tỷ lệ")."""
    if isinstance(text, rules):
        return text
    known = {_key(rule.value): rule for rule in rules} | {_key(word): rule for word, rule in words.items()}
    found = known.get(_key(text))
    if found is None:
        allowed = ", ".join(rule.value for rule in rules)
        raise InputError(f"cách tổng hợp theo {what} '{text}' không hợp lệ (dùng một trong: {allowed})")
    return found


def parse_over_units(text: str | OverUnits) -> OverUnits:
    return _parse_rule(text, OverUnits, _OVER_UNITS_WORDS, "đơn vị")


def parse_over_time(text: str | OverTime) -> OverTime:
    return _parse_rule(text, OverTime, _OVER_TIME_WORDS, "thời gian")


def list_targets(db: Database, plan_ref: int | str, *, actor: Actor = LOCAL_OPERATOR) -> list[TargetRef]:
    """Every target of the plan with its key, in the plan's order."""
    return [TargetRef(key, target) for key, target in get_plan(db, plan_ref, actor=actor).plan.keyed_targets()]


def set_target_rule(
    db: Database,
    plan_ref: int | str,
    key: str,
    over_units: OverUnits | str | None = None,
    over_time: OverTime | str | None = None,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> TargetRef:
    """Change how target ``key`` is measured; returns the target as it now is."""
    units_rule = None if over_units is None else parse_over_units(over_units)
    time_rule = None if over_time is None else parse_over_time(over_time)
    if units_rule is None and time_rule is None:
        raise InputError("cần cho biết cách tổng hợp mới: theo đơn vị (over_units) hoặc theo thời gian (over_time)")
    with unit_of_work(db) as tx:
        stored = find_plan(tx, plan_ref)
        check(actor, Action.MANAGE_PLANS, stored.unit_code, load_tree(tx))
        before = dict(stored.plan.keyed_targets()).get(key.strip())
        if before is None or not tx.plans.set_target_rule(stored.plan_id, key.strip(), units_rule, time_rule):
            keys = ", ".join(k for k, _ in stored.plan.keyed_targets()) or "không có chỉ tiêu nào"
            raise NotFoundError(f"kế hoạch số {stored.plan_id} không có chỉ tiêu mã '{key}' (các mã: {keys})")
        changed = tx.plans.get(stored.plan_id)
        assert changed is not None
        after = changed.plan.target(key.strip())
        if (before.over_units, before.over_time) != (after.over_units, after.over_time):
            log_event(
                tx,
                actor,
                "target.rule",
                unit_code=stored.unit_code,
                plan_id=stored.plan_id,
                object=f"chỉ tiêu {key.strip()} ({after.name})",
                old={"over_units": before.over_units, "over_time": before.over_time},
                new={"over_units": after.over_units, "over_time": after.over_time},
            )
        return TargetRef(key.strip(), after)
