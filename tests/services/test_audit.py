"""The audit log: events of accounts, units, plans and rules; figure revisions and approvals;
scoped and filtered."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach import services
from kehoach.core import OrgUnit
from kehoach.core.accounts import LOCAL_OPERATOR, Actor, Role
from kehoach.core.unitlevels import UnitLevel
from kehoach.services.errors import InputError, PermissionDenied
from kehoach.storage import Database, StorageError

pytestmark = pytest.mark.usefixtures("fast_hashing")
OFFICER = Actor("binh", Role.WARD_OFFICER, "P9")
COUNCIL = Actor("dung", Role.COUNCIL, "P9")


def test_changes_are_logged_with_before_and_after(db: Database, ward: int) -> None:
    services.set_target_rule(db, ward, "2.1", over_time="latest", actor=OFFICER)
    services.set_target_rule(db, ward, "2.1", over_time="latest", actor=OFFICER)  # no change, no event
    services.record(db, ward, "1.1", "P9-1", "2024-01", numerator=Decimal(3), denominator=Decimal(200), actor=OFFICER)
    services.record(
        db,
        ward,
        "1.1",
        "P9-1",
        "2024-01",
        numerator=Decimal("2.5"),
        denominator=Decimal(200),
        actor=OFFICER,
        reason="đếm lại",
    )
    services.submit(db, ward, "P9-1", "2024-01", actor=OFFICER)
    log = services.audit_log(db, actor=COUNCIL)
    assert [(e.kind, e.action, e.who) for e in log] == [
        ("approval", "period.submitted", "binh"),
        ("figure", "figure.record", "binh"),
        ("figure", "figure.record", "binh"),
        ("event", "target.rule", "binh"),
        ("event", "plan.import", "may-cuc-bo"),
    ]
    changed = log[1]
    assert (changed.old["numerator"], changed.new["numerator"], changed.reason) == (
        Decimal(3),
        Decimal("2.5"),
        "đếm lại",
    )
    assert changed.label == "Ghi số liệu" and changed.object == "số liệu chỉ tiêu 1.1 (lần sửa 2)"
    rule = log[3]
    assert (rule.old, rule.new) == (
        {"over_units": "sum", "over_time": "cumulative"},
        {"over_units": "sum", "over_time": "latest"},
    )
    assert rule.plan_id == ward and rule.unit_code == "P9"


def test_the_log_is_filtered_by_unit_user_period_and_plan(db: Database, ward: int) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(1), who="An")
    services.record(db, ward, "2.1", "P9-2", "2024-02", value=Decimal(2), who="Bình")

    def figures(**filters: object) -> list[tuple[str | None, str | None, str]]:
        log = services.audit_log(db, actor=LOCAL_OPERATOR, **filters)  # type: ignore[arg-type]
        return [(e.unit_code, e.period, e.who) for e in log if e.kind == "figure"]

    assert figures(unit_code="P9-1") == [("P9-1", "2024-01", "An")]
    assert figures(unit_code="P9") == [("P9-2", "2024-02", "Bình"), ("P9-1", "2024-01", "An")]
    assert figures(username="Bình") == [("P9-2", "2024-02", "Bình")]
    assert figures(period="2024-01") == [("P9-1", "2024-01", "An")]
    assert figures(plan_id=ward + 1) == []
    assert len(services.audit_log(db, actor=LOCAL_OPERATOR, limit=1)) == 1
    with pytest.raises(InputError):
        services.audit_log(db, actor=LOCAL_OPERATOR, limit=0)
    with pytest.raises(PermissionDenied):
        services.audit_log(db, actor=COUNCIL, unit_code="X8")


def test_outside_the_scope_nothing_shows(db: Database, ward: int) -> None:
    services.add_units(db, [OrgUnit("X8-2", "Ấp 2", UnitLevel.KHOM, "X8")])
    services.create_user(db, "an", "mot-mat-khau-dai", role="truong_khom", unit_code="P9-1")
    outsider = Actor("em", Role.COUNCIL, "X8")
    assert services.audit_log(db, actor=outsider) == []
    council = services.audit_log(db, actor=COUNCIL)
    assert {e.action for e in council} == {"plan.import"}  # units: none tied to P9; accounts: administrators only
    admin = services.audit_log(db, actor=Actor("qt", Role.ADMIN, "P9"))
    assert "user.create" in {e.action for e in admin}
    system = services.audit_log(db, actor=LOCAL_OPERATOR)
    assert {e.action for e in system} >= {"units.import", "plan.import", "user.create"}


def test_the_audit_log_cannot_be_rewritten(db: Database, ward: int) -> None:
    with pytest.raises(StorageError, match="chỉ được thêm dòng"), db.transaction() as tx:
        tx.audit._session.connection().exec_driver_sql("UPDATE audit_events SET actor = 'ai-do'")
    with pytest.raises(StorageError, match="chỉ được thêm dòng"), db.transaction() as tx:
        tx.audit._session.connection().exec_driver_sql("DELETE FROM audit_events")
