"""Permission checks in the services: the same rules for the CLI, the pages and the API.

The tree (services.conftest): T9 › P9 (Phường Mẫu) › P9-1, P9-2, P9-3; T9 › X8 (Xã Bên) › X8-1.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kehoach import services
from kehoach.core import OrgUnit
from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor, Role
from kehoach.core.planjson import plan_to_json
from kehoach.core.unitlevels import UnitLevel
from kehoach.core.units import UnitTree
from kehoach.services.errors import PermissionDenied
from kehoach.services.permissions import in_scope, permitted, require, scope_codes, sees_plan
from kehoach.storage import Database
from tests.services.conftest import WARD_UNITS, small_plan

KHOM_HEAD = Actor("lan", Role.KHOM_HEAD, "P9-1")
OFFICER = Actor("binh", Role.WARD_OFFICER, "P9")
LEADER = Actor("chau", Role.LEADER, "P9")
COUNCIL = Actor("dung", Role.COUNCIL, "P9")
OUTSIDER = Actor("em", Role.WARD_OFFICER, "X8")
PROVINCE_COUNCIL = Actor("giang", Role.COUNCIL, "T9")
TREE = UnitTree(WARD_UNITS)


def test_scope_is_the_unit_and_everything_under_it() -> None:
    assert in_scope(OFFICER, "P9-3", TREE) and in_scope(OFFICER, "P9", TREE)
    assert not in_scope(OFFICER, "X8-1", TREE) and not in_scope(OFFICER, "T9", TREE)
    assert scope_codes(KHOM_HEAD, TREE) == {"P9-1"}
    assert scope_codes(OFFICER, TREE) == {"P9", "P9-1", "P9-2", "P9-3"}
    assert scope_codes(LOCAL_OPERATOR, TREE) is None


def test_a_unit_that_moved_stays_in_the_scope_it_belonged_to_then() -> None:
    moved = UnitTree(
        [
            *WARD_UNITS[:2],
            OrgUnit("P9-1", "Khóm 1", UnitLevel.KHOM, "P9", None, dt.date(2025, 6, 30)),
            OrgUnit("P9-1", "Khóm 1", UnitLevel.KHOM, "X8", dt.date(2025, 7, 1)),
            *WARD_UNITS[5:],
        ]
    )
    assert in_scope(OFFICER, "P9-1", moved, dt.date(2024, 6, 14))
    assert not in_scope(OFFICER, "P9-1", moved, dt.date(2025, 8, 14))
    assert in_scope(OUTSIDER, "P9-1", moved, dt.date(2025, 8, 14))
    assert in_scope(OFFICER, "P9-1", moved)  # any version: its history stays readable


def test_the_whole_system_needs_a_system_wide_account() -> None:
    ward_admin = Actor("qt", Role.ADMIN, "P9")
    assert permitted(ward_admin, Action.ADMINISTER, "P9-1", TREE)
    assert not permitted(ward_admin, Action.ADMINISTER, None, TREE)
    assert permitted(LOCAL_OPERATOR, Action.ADMINISTER, None, TREE)
    assert permitted(COUNCIL, Action.READ, None, TREE)


def test_a_plan_is_visible_in_scope_and_from_below() -> None:
    assert sees_plan(KHOM_HEAD, "P9", TREE) and sees_plan(COUNCIL, "P9", TREE)
    assert sees_plan(PROVINCE_COUNCIL, "P9", TREE) and sees_plan(PROVINCE_COUNCIL, "X8", TREE)
    assert not sees_plan(KHOM_HEAD, "X8", TREE) and not sees_plan(OUTSIDER, "P9", TREE)


def test_require_reads_the_tree_from_the_database(db: Database, ward: int) -> None:
    require(db, OFFICER, Action.ENTER, "P9-2")
    with pytest.raises(PermissionDenied) as refused:
        require(db, KHOM_HEAD, Action.ENTER, "P9-2")
    assert str(refused.value) == "Tài khoản lan (Trưởng khóm) không có quyền nhập số liệu tại Khóm 2 (P9-2)"
    with pytest.raises(PermissionDenied, match="không có quyền duyệt tại Phường Mẫu"):
        require(db, OFFICER, Action.APPROVE, "P9")


# Writes ---------------------------------------------------------------------------------


def test_figures_are_entered_only_inside_the_scope(db: Database, ward: int) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(3), actor=KHOM_HEAD, who="ignored")
    assert services.history(db, ward, "2.1", "P9-1", "2024-01")[-1].who == "lan"  # an account records as itself
    with pytest.raises(PermissionDenied):
        services.record(db, ward, "2.1", "P9-2", "2024-01", value=Decimal(3), actor=KHOM_HEAD)
    with pytest.raises(PermissionDenied):
        services.record(db, ward, "2.1", "P9-2", "2024-01", value=Decimal(3), actor=COUNCIL)
    with pytest.raises(PermissionDenied):
        services.clear(db, ward, "2.1", "P9-1", "2024-01", actor=LEADER)
    entries = [services_entry("2.1", "P9-1"), services_entry("2.1", "P9-2")]
    with pytest.raises(PermissionDenied, match="Khóm 2 \\(P9-2\\)"):
        services.record_many(db, ward, entries, actor=KHOM_HEAD)
    assert services.history(db, ward, "2.1", "P9-2", "2024-02") == []  # nothing of the batch was written
    services.record_bulk(db, ward, entries, actor=OFFICER)
    assert services.history(db, ward, "2.1", "P9-2", "2024-02")[-1].who == "binh"


def services_entry(key: str, unit: str) -> services.FigureEntry:  # type: ignore[name-defined]
    from kehoach.core.entries import FigureEntry

    return FigureEntry(key, unit, "2024-02", value=Decimal(4))


def test_the_local_operator_records_under_the_name_given(db: Database, ward: int) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(3), who="Trần Thị B")
    services.record(db, ward, "2.1", "P9-1", "2024-02", value=Decimal(3))
    assert [services.history(db, ward, "2.1", "P9-1", p)[-1].who for p in ("2024-01", "2024-02")] == [
        "Trần Thị B",
        "may-cuc-bo",
    ]


def test_approval_steps_need_their_role_at_the_unit(db: Database, ward: int) -> None:
    services.submit(db, ward, "P9-1", "2024-01", actor=KHOM_HEAD)
    with pytest.raises(PermissionDenied):
        services.submit(db, ward, "P9-2", "2024-01", actor=KHOM_HEAD)
    with pytest.raises(PermissionDenied):
        services.approve(db, ward, "P9-1", "2024-01", actor=OFFICER)
    approved = services.approve(db, ward, "P9-1", "2024-01", actor=LEADER)
    assert approved.history[-1].who == "chau"
    with pytest.raises(PermissionDenied):
        services.reopen(db, ward, "P9-1", "2024-01", reason="sai", actor=Actor("x", Role.LEADER, "X8"))
    services.reopen(db, ward, "P9-1", "2024-01", reason="sai", actor=LEADER)
    with pytest.raises(PermissionDenied):
        services.period_status(db, ward, "P9-2", "2024-01", actor=KHOM_HEAD)


def test_plans_and_rules_need_plan_rights(db: Database, ward: int) -> None:
    with pytest.raises(PermissionDenied):
        services.set_target_rule(db, ward, "2.1", over_time="latest", actor=KHOM_HEAD)
    services.set_target_rule(db, ward, "2.1", over_time="latest", actor=OFFICER)
    with pytest.raises(PermissionDenied):
        services.change_plan_settings(db, ward, cutoff_rule="calendar", actor=LEADER)
    with pytest.raises(PermissionDenied):  # moving the plan out of one's scope
        services.change_plan_settings(db, ward, unit_code="X8", actor=OFFICER)
    services.change_plan_settings(db, ward, cutoff_rule="calendar", actor=OFFICER)
    plan = small_plan()
    other = plan_to_json(type(plan)(document=type(plan.document)(number="10/NQ-HĐND", plan_year=2024)))
    with pytest.raises(PermissionDenied):
        services.import_plan_json(db, other, unit_code="X8", actor=OFFICER)
    with pytest.raises(PermissionDenied, match="toàn hệ thống"):  # a unit would be made up
        services.import_plan_json(db, other, actor=OFFICER)
    assert services.import_plan_json(db, other, unit_code="P9", actor=OFFICER).created
    assert [p.plan_id for p in services.list_plans(db)] == [ward, ward + 1]
    # The same document again: seen only by those who may see its plan.
    again = plan_to_json(small_plan())
    with pytest.raises(PermissionDenied):
        services.import_plan_json(db, again, unit_code="X8", actor=OUTSIDER)


def test_units_are_imported_only_where_one_administers(db: Database, ward: int) -> None:
    ward_admin = Actor("qt", Role.ADMIN, "P9")
    result = services.add_units(db, [OrgUnit("P9-4", "Khóm 4", UnitLevel.KHOM, "P9")], actor=ward_admin)
    assert result.added == 1
    with pytest.raises(PermissionDenied, match="X8"):
        services.add_units(db, [OrgUnit("X8-2", "Ấp 2", UnitLevel.KHOM, "X8")], actor=ward_admin)
    with pytest.raises(PermissionDenied):  # renaming a unit outside the scope
        services.add_units(db, [OrgUnit("X8-1", "Ấp Một", UnitLevel.KHOM, "X8")], actor=ward_admin)
    with pytest.raises(PermissionDenied):  # taking a khóm from another commune
        services.add_units(db, [OrgUnit("X8-1", "Ấp 1", UnitLevel.KHOM, "P9")], actor=ward_admin)
    with pytest.raises(PermissionDenied, match="toàn hệ thống"):
        services.add_units(db, [OrgUnit("T7", "Tỉnh Khác", UnitLevel.TINH)], actor=ward_admin)
    with pytest.raises(PermissionDenied):
        services.add_units(db, [OrgUnit("P9-5", "Khóm 5", UnitLevel.KHOM, "P9")], actor=OFFICER)
    assert services.add_units(db, [OrgUnit("T7", "Tỉnh Khác", UnitLevel.TINH)]).added == 1  # the local operator


# Reads ----------------------------------------------------------------------------------


def test_a_khom_head_sees_the_wards_plan_but_only_their_khom(db: Database, ward: int) -> None:
    for unit, value in (("P9-1", 3), ("P9-2", 5)):
        services.record(db, ward, "2.1", unit, "2024-01", value=Decimal(value))
    assert [p.plan_id for p in services.list_plans(db, actor=KHOM_HEAD)] == [ward]
    assert services.get_plan(db, ward, actor=KHOM_HEAD).plan_id == ward
    assert services.list_targets(db, ward, actor=KHOM_HEAD)
    status = services.plan_status(db, ward, "2024-01", actor=KHOM_HEAD)
    assert status.unit.code == "P9-1"
    assert next(e for e in status.evaluations if e.key == "2.1").actual.figure.value == 3
    with pytest.raises(PermissionDenied):
        services.plan_status(db, ward, "2024-01", "P9", actor=KHOM_HEAD)
    with pytest.raises(PermissionDenied):
        services.evaluate_plan(db, ward, "2024-01", "P9-2", actor=KHOM_HEAD)
    assert set(services.evaluate_units(db, ward, "2024-01", actor=KHOM_HEAD)) == {"P9-1"}
    assert {row.unit_code for row in services.entry_form(db, ward, "2024-01", actor=KHOM_HEAD).rows} == {"P9-1"}
    assert [f.unit_code for f in services.current_figures(db, ward, "2024-01", actor=KHOM_HEAD)] == ["P9-1"]
    with pytest.raises(PermissionDenied):
        services.figure_history(db, ward, "2.1", "P9-2", "2024-01", actor=KHOM_HEAD)


def test_council_members_read_everything_in_scope_and_nothing_else(db: Database, ward: int) -> None:
    assert services.plan_status(db, ward, "2024-01", actor=COUNCIL).unit.code == "P9"
    assert set(services.evaluate_units(db, ward, "2024-01", actor=COUNCIL)) == {"P9", "P9-1", "P9-2", "P9-3"}
    assert services.list_plans(db, actor=OUTSIDER) == []
    with pytest.raises(PermissionDenied):
        services.get_plan(db, ward, actor=OUTSIDER)
    with pytest.raises(PermissionDenied):
        services.entry_form(db, ward, "2024-01", actor=OUTSIDER)
    with pytest.raises(PermissionDenied):
        services.plan_settings(db, ward, actor=OUTSIDER)


def test_unit_lists_hold_the_scope_and_the_units_above(db: Database, ward: int) -> None:
    assert [u.code for u in services.list_units(db, actor=KHOM_HEAD)] == ["T9", "P9", "P9-1"]
    assert [u.code for u in services.list_units(db, actor=OUTSIDER)] == ["T9", "X8", "X8-1"]
    assert len(services.list_units(db)) == len(WARD_UNITS)
