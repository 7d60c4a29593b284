"""Values kept between calls (services.caching) never outlive the data they came from: every
kind of write moves the data version, and an evaluation read after it sees the write."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach import services
from kehoach.core import OrgUnit
from kehoach.core.status import Status
from kehoach.core.unitlevels import UnitLevel
from kehoach.services.caching import CONTEXTS, EVALUATIONS, data_version, shelf
from kehoach.storage import Database
from tests.services.conftest import WARD


def _status(db: Database, plan: int, key: str, period: str = "2024-Q1", unit: str | None = None) -> Status:
    found = {e.key: e for e in services.evaluate_plan(db, plan, period, unit)}
    return found[key].status


def test_reading_twice_reuses_the_evaluation(db: Database, ward: int) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(30))
    evaluations = shelf(db, EVALUATIONS)
    first = services.evaluate_plan(db, ward, "2024-Q1")
    hits = evaluations.stats.hits
    again = services.evaluate_plan(db, ward, "2024-Q1")
    assert again == first
    assert evaluations.stats.hits == hits + 1


def test_a_recorded_figure_moves_the_version_and_is_seen(db: Database, ward: int) -> None:
    assert _status(db, ward, "2.1") is Status.NO_DATA
    before = data_version(db)
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(30))
    after = data_version(db)
    assert after != before
    # plans and units are untouched (on PostgreSQL the snapshot, also part of the structure key, moves)
    assert after is not None and before is not None and after.structure == before.structure
    assert _status(db, ward, "2.1") is Status.ON_TRACK  # 30 in a month: 360 a year against 100
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(1))
    assert _status(db, ward, "2.1") is Status.AT_RISK  # 1 a month: 12 against 100


def test_a_changed_rule_is_seen_at_once(db: Database, ward: int) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(30))
    services.record(db, ward, "2.1", "P9-1", "2024-02", value=Decimal(30))
    totals = {e.key: e.actual.figure.value for e in services.evaluate_plan(db, ward, "2024-Q1")}
    assert totals["2.1"] == Decimal(60)
    version = data_version(db)
    services.set_target_rule(db, ward, "2.1", over_time="latest")
    moved = data_version(db)
    assert moved is not None and version is not None and moved.of_structure != version.of_structure
    totals = {e.key: e.actual.figure.value for e in services.evaluate_plan(db, ward, "2024-Q1")}
    assert totals["2.1"] == Decimal(30)


def test_approval_steps_move_the_version(db: Database, ward: int) -> None:
    before = data_version(db)
    services.submit(db, ward, "P9-1", "2024-01")
    assert data_version(db) != before


def test_a_new_unit_is_seen_by_the_next_evaluation(db: Database, ward: int) -> None:
    services.record(db, ward, "5.1", "P9-1", "2024-01", numerator=Decimal(95), denominator=Decimal(100))
    services.evaluate_plan(db, ward, "2024-01")
    contexts = shelf(db, CONTEXTS)
    assert len(contexts) >= 1
    services.add_units(db, [OrgUnit("P9-4", "Khóm 4", UnitLevel.KHOM, WARD)])
    services.record(db, ward, "5.1", "P9-4", "2024-01", numerator=Decimal(50), denominator=Decimal(100))
    found = {e.key: e for e in services.evaluate_plan(db, ward, "2024-01")}
    assert found["5.1"].actual.figure.numerator == Decimal(145)
    assert found["5.1"].coverage.expected == 4


@pytest.mark.parametrize("writes", [True, False])
def test_a_transaction_that_wrote_has_no_version(db: Database, ward: int, writes: bool) -> None:
    from kehoach.core import OverUnits

    with db.transaction() as tx:
        if writes:
            tx.plans.set_target_rule(ward, "2.1", OverUnits.UNIT_ONLY, None)
        version = tx.versions.current()
        assert (version is None) is writes
