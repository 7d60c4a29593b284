"""The role × action × unit-scope matrix."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.core.accounts import Action, Actor, Role, allowed, refusal
from kehoach.core.unitlevels import UnitLevel
from kehoach.core.units import OrgUnit, UnitTree

TREE = UnitTree(
    [
        OrgUnit("T", "Tỉnh", UnitLevel.TINH, None, date(2020, 1, 1), None),
        OrgUnit("P1", "Phường 1", UnitLevel.XA, "T", date(2020, 1, 1), None),
        OrgUnit("P2", "Phường 2", UnitLevel.XA, "T", date(2020, 1, 1), None),
        OrgUnit("K1", "Khóm 1", UnitLevel.KHOM, "P1", date(2020, 1, 1), None),
        OrgUnit("K2", "Khóm 2", UnitLevel.KHOM, "P1", date(2020, 1, 1), None),
    ]
)

CASES = [
    # role, home unit, action, target unit, allowed
    (Role.KHOM_HEAD, "K1", Action.ENTER, "K1", True),
    (Role.KHOM_HEAD, "K1", Action.ENTER, "K2", False),
    (Role.KHOM_HEAD, "K1", Action.ENTER, "P1", False),
    (Role.KHOM_HEAD, "K1", Action.SUBMIT, "K1", True),
    (Role.KHOM_HEAD, "K1", Action.APPROVE, "K1", False),
    (Role.WARD_OFFICER, "P1", Action.ENTER, "K2", True),
    (Role.WARD_OFFICER, "P1", Action.ENTER, "P1", True),
    (Role.WARD_OFFICER, "P1", Action.ENTER, "P2", False),
    (Role.WARD_OFFICER, "P1", Action.APPROVE, "P1", False),
    (Role.WARD_OFFICER, "P1", Action.MANAGE_PLANS, "P1", True),
    (Role.LEADER, "P1", Action.APPROVE, "K1", True),
    (Role.LEADER, "P1", Action.REOPEN, "P1", True),
    (Role.LEADER, "P1", Action.ENTER, "K1", False),
    (Role.LEADER, "P1", Action.APPROVE, "P2", False),
    (Role.COUNCIL, "P1", Action.READ, "K2", True),
    (Role.COUNCIL, "P1", Action.READ, "P2", False),
    (Role.COUNCIL, "P1", Action.ENTER, "K1", False),
    (Role.ADMIN, "T", Action.ADMINISTER, "K2", True),
    (Role.ADMIN, "P1", Action.ADMINISTER, "P2", False),
    (Role.ADMIN, None, Action.APPROVE, "P2", True),
]


@pytest.mark.parametrize(("role", "home", "action", "unit", "expected"), CASES)
def test_matrix(role, home, action, unit, expected):
    assert allowed(Actor("u", role, home), action, unit, TREE) is expected


def test_scope_needs_the_tree_below_the_home_unit():
    assert allowed(Actor("u", Role.WARD_OFFICER, "P1"), Action.ENTER, "P1") is True
    assert allowed(Actor("u", Role.WARD_OFFICER, "P1"), Action.ENTER, "K1") is False  # no tree: not proven inside


def test_refusal_is_vietnamese_and_names_the_place():
    text = refusal(Actor("an", Role.KHOM_HEAD, "K1"), Action.APPROVE, "Khóm 1")
    assert text == "Tài khoản an (Trưởng khóm) không có quyền duyệt tại Khóm 1"
