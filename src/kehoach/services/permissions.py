"""Permission checks: every use case asks here before it reads or writes (core.accounts is the matrix).

Scope, decided here and documented in docs/security.md:

- A role held at a unit reaches that unit and every unit under it (core.accounts.allowed).
- A plan is **visible** to an actor who may read at the plan's unit (the plan lies in their
  scope) or whose own unit lies under the plan's unit: a trưởng khóm sees the ward's plan,
  its targets and documents, but reads figures, statuses, entry rows and history only for
  units in their own scope (their khóm). A council member or leader of the ward reads the
  whole ward; one of the province reads every plan of the province.
- Writes need the action at the unit written: entering figures (ENTER) at each figure's
  unit, submitting (SUBMIT), approving (APPROVE) and reopening (REOPEN) at the period's unit,
  importing and changing a plan (MANAGE_PLANS) at the plan's unit, units and accounts
  (ADMINISTER) at the unit concerned. What concerns no unit (a top-level unit, an account of
  the whole system) needs a system-wide account (unit None): an administrator of a ward
  cannot make a province or a system-wide administrator.
- The local CLI operator (core.accounts.LOCAL_OPERATOR) is a system-wide administrator.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kehoach.core.accounts import PERMISSIONS, Action, Actor, refusal
from kehoach.core.units import UnitTree
from kehoach.services.database import unit_of_work
from kehoach.services.errors import PermissionDenied
from kehoach.services.unittrees import load_tree
from kehoach.storage import Database, Transaction


def within(tree: UnitTree, unit_code: str, scope_code: str, on: date | None = None) -> bool:
    """``unit_code`` is ``scope_code`` or lies under it (on ``on``; without a day, in any
    version of the unit: a khóm that belonged to the ward keeps its history there)."""
    if unit_code == scope_code:
        return True
    if unit_code not in tree:
        return False
    if on is not None:
        return tree.is_within(unit_code, scope_code, on)
    return any(tree.is_within(unit_code, scope_code, version.valid_to) for version in tree.versions(unit_code))


def in_scope(actor: Actor, unit_code: str, tree: UnitTree, on: date | None = None) -> bool:
    """``unit_code`` is the actor's unit or lies under it (see :func:`within`)."""
    return actor.unit_code is None or within(tree, unit_code, actor.unit_code, on)


def permitted(actor: Actor, action: Action, unit_code: str | None, tree: UnitTree, on: date | None = None) -> bool:
    """May ``actor`` take ``action`` at ``unit_code``? ``None``: the whole system."""
    if action not in PERMISSIONS[actor.role]:
        return False
    if unit_code is None:
        return actor.unit_code is None or action is not Action.ADMINISTER
    return in_scope(actor, unit_code, tree, on)


def _unit_name(tree: UnitTree, unit_code: str | None) -> str | None:
    if unit_code is None:
        return "toàn hệ thống"
    unit = tree.find(unit_code)
    return f"{unit.name} ({unit_code})" if unit is not None else unit_code


def denied(actor: Actor, action: Action, unit_code: str | None, tree: UnitTree) -> PermissionDenied:
    return PermissionDenied(refusal(actor, action, _unit_name(tree, unit_code)))


def check(actor: Actor, action: Action, unit_code: str | None, tree: UnitTree, on: date | None = None) -> None:
    """Raise :class:`PermissionDenied` (Vietnamese, naming the unit) unless permitted."""
    if not permitted(actor, action, unit_code, tree, on):
        raise denied(actor, action, unit_code, tree)


def require(
    tx_or_db: Transaction | Database, actor: Actor, action: Action, unit_code: str | None, on: date | None = None
) -> None:
    """:func:`check` with the unit tree read from a transaction or a database."""
    if isinstance(tx_or_db, Database):
        with unit_of_work(tx_or_db) as tx:
            tree = load_tree(tx)
    else:
        tree = load_tree(tx_or_db)
    check(actor, action, unit_code, tree, on)


def check_all(actor: Actor, action: Action, units: Iterable[tuple[str, date | None]], tree: UnitTree) -> None:
    """Every (unit, day) permitted, or one refusal naming every unit refused."""
    refused = sorted({code for code, day in units if not permitted(actor, action, code, tree, day)})
    if refused:
        names = ", ".join(str(_unit_name(tree, code)) for code in refused)
        raise PermissionDenied(refusal(actor, action, names))


def sees_plan(actor: Actor, plan_unit: str, tree: UnitTree) -> bool:
    """The plan of ``plan_unit`` is visible: in the actor's scope, or above the actor's unit."""
    if Action.READ not in PERMISSIONS[actor.role]:
        return False
    if in_scope(actor, plan_unit, tree):
        return True
    home = actor.unit_code
    assert home is not None  # a system-wide actor has everything in scope
    return within(tree, home, plan_unit)


def check_plan_visible(actor: Actor, plan_unit: str, tree: UnitTree) -> None:
    if not sees_plan(actor, plan_unit, tree):
        raise denied(actor, Action.READ, plan_unit, tree)


def reading_unit(actor: Actor, plan_unit: str, unit_code: str | None, tree: UnitTree) -> str | None:
    """The unit a read of a plan is about when the caller names none: the plan's unit when it
    is in the actor's scope, else the actor's own unit (a khóm head reading the ward's plan)."""
    if unit_code is not None:
        return unit_code
    if in_scope(actor, plan_unit, tree):
        return None  # the plan's unit, the services' default
    return actor.unit_code


def scope_codes(actor: Actor, tree: UnitTree) -> set[str] | None:
    """Every unit code in the actor's scope (in any version); None: everything."""
    if actor.unit_code is None:
        return None
    return units_under(tree, actor.unit_code)


def units_under(tree: UnitTree, scope_code: str) -> set[str]:
    """``scope_code`` and every code that lies (or lay) under it."""
    return {code for code in {unit.code for unit in tree.units} if within(tree, code, scope_code)} | {scope_code}
