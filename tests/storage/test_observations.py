"""The figure repository: slots and their revisions, appended in bulk, read back as current figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from kehoach.core import Comparator, Document, Indicator, Observation, Plan, Target
from kehoach.core.approval import PeriodState
from kehoach.storage import Change, Database, StorageError, WriteConflict

D = Decimal
PLAN = Plan(
    document=Document(number="1/NQ-HĐND"),
    indicators=[
        Indicator(1, "kinh tế", "a", targets=[Target("A", Comparator.AT_LEAST, D(1))]),
        Indicator(2, "kinh tế", "b", targets=[Target("B", Comparator.AT_LEAST, D(1))]),
    ],
)


def _plan(db: Database) -> int:
    with db.transaction() as tx:
        return tx.plans.add(PLAN, unit_code="X")


def _obs(key: str, unit: str, month: int, value: int) -> Observation:
    return Observation(key, unit, f"2024-{month:02d}", value=D(value), note=f"n{value}", source="s")


def test_many_new_slots_get_their_own_revisions(db: Database) -> None:
    plan_id = _plan(db)
    figures = [_obs(key, f"U{u}", m, u * 100 + m) for key in ("1.1", "2.1") for u in range(120) for m in range(1, 13)]
    changes = [Change((o.target_key, o.unit_code, o.period.code, False), None, 1, o, "", "s") for o in figures]
    with db.transaction() as tx:
        tx.observations.append(plan_id, changes, "bench")
    with db.transaction() as tx:
        current = tx.observations.current(plan_id)
        slots = tx.observations.slots(plan_id, {f"2024-{m:02d}" for m in range(1, 13)})
    assert len(current) == len(figures) == 2880
    # every slot holds its own figure: ids came back in the order the rows were given
    assert {(o.target_key, o.unit_code, o.period.code, o.value) for o in current} == {
        (o.target_key, o.unit_code, o.period.code, o.value) for o in figures
    }
    assert all(slot.seq == 1 and slot.current is not None for slot in slots.values())
    assert slots[("2.1", "U7", "2024-03", False)].current.value == 703  # type: ignore[union-attr]


def test_the_latest_revision_is_current_and_cleared_slots_are_left_out(db: Database) -> None:
    plan_id = _plan(db)
    key = ("1.1", "U1", "2024-01", False)
    with db.transaction() as tx:
        tx.observations.append(plan_id, [Change(key, None, 1, _obs("1.1", "U1", 1, 5))], "a")
    with db.transaction() as tx:
        slot = tx.observations.slots(plan_id, {"2024-01"})[key]
        tx.observations.append(plan_id, [Change(key, slot.observation_id, 2, _obs("1.1", "U1", 1, 6))], "b")
        tx.observations.append(plan_id, [Change(key, slot.observation_id, 3, None, "sai")], "c")
    with db.transaction() as tx:
        assert tx.observations.current(plan_id) == []
        assert tx.observations.slots(plan_id, {"2024-01"})[key].current is None
        assert tx.observations.count(plan_id) == 1
        revisions = tx.observations.history(plan_id, key)
    assert [(r.who, r.old and r.old.value, r.new and r.new.value, r.reason) for r in revisions] == [
        ("a", None, 5, ""),
        ("b", 5, 6, ""),
        ("c", 6, None, "sai"),
    ]
    assert revisions[1].new is not None and revisions[1].new.note == "n6"


def test_a_bulk_append_is_rolled_back_with_its_transaction(db: Database) -> None:
    plan_id = _plan(db)
    figures = [_obs("1.1", f"U{u}", m, u) for u in range(100) for m in range(1, 13)]
    changes = [Change((o.target_key, o.unit_code, o.period.code, False), None, 1, o) for o in figures]
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.observations.append(plan_id, changes, "bench")  # 1,200 slots: the bulk path
        assert len(tx.observations.current(plan_id)) == 1200
        raise RuntimeError("something after the figures fails")
    with db.transaction() as tx:
        assert tx.observations.count(plan_id) == 0
        assert tx.observations.current(plan_id) == []


def test_a_bulk_append_checks_foreign_keys(db: Database) -> None:
    plan_id = _plan(db)
    figures = [_obs("9.9", f"U{u}", 1, u) for u in range(300)]  # no target 9.9 in the plan
    changes = [Change((o.target_key, o.unit_code, o.period.code, False), None, 1, o) for o in figures]
    with pytest.raises(StorageError), db.transaction() as tx:
        tx.observations.append(plan_id, changes, "bench")
    with db.transaction() as tx:
        assert tx.observations.count(plan_id) == 0


@pytest.mark.parametrize("units", [1, 300])  # an ordinary insert; the bulk path
def test_a_slot_or_revision_stored_meanwhile_is_a_write_conflict(db: Database, units: int) -> None:
    """What a second writer meets when the first stored the same slot or revision number first."""
    plan_id = _plan(db)
    figures = [_obs("1.1", f"U{u}", 1, u) for u in range(units)]
    changes = [Change((o.target_key, o.unit_code, o.period.code, False), None, 1, o) for o in figures]
    with db.transaction() as tx:
        tx.observations.append(plan_id, changes, "first")
    with pytest.raises(WriteConflict, match="vừa được người khác sửa"), db.transaction() as tx:
        tx.observations.append(plan_id, changes, "second")  # the same new slots
    with db.transaction() as tx:
        slots = tx.observations.slots(plan_id, {"2024-01"})
    again = [Change(key, slot.observation_id, 1, _obs("1.1", key[1], 1, 7)) for key, slot in slots.items()]
    with pytest.raises(WriteConflict), db.transaction() as tx:
        tx.observations.append(plan_id, again, "second")  # revision 1 of each slot again
    with db.transaction() as tx:
        assert tx.observations.count(plan_id) == units
        assert {o.value for o in tx.observations.current(plan_id)} == {D(u) for u in range(units)}


def test_a_missing_target_is_no_write_conflict(db: Database) -> None:
    plan_id = _plan(db)
    change = Change(("9.9", "U1", "2024-01", False), None, 1, _obs("9.9", "U1", 1, 1))
    with pytest.raises(StorageError) as refused, db.transaction() as tx:
        tx.observations.append(plan_id, [change], "a")
    assert not isinstance(refused.value, WriteConflict)


def test_a_transition_numbered_meanwhile_is_a_write_conflict(db: Database) -> None:
    plan_id = _plan(db)
    with db.transaction() as tx:
        tx.period_status.append(plan_id, "U1", "2024-01", PeriodState.SUBMITTED, "a", after=0)
    with (
        pytest.raises(WriteConflict, match="Trạng thái kỳ báo cáo vừa được người khác thay đổi"),
        db.transaction() as tx,
    ):
        tx.period_status.append(plan_id, "U1", "2024-01", PeriodState.SUBMITTED, "b", after=0)
    with db.transaction() as tx:
        assert [c.who for c in tx.period_status.history(plan_id, "U1", "2024-01")] == ["a"]


@pytest.mark.parametrize("table", ["observations", "observation_revisions", "period_statuses"])
@pytest.mark.parametrize("statement", ["UPDATE {table} SET id = id", "DELETE FROM {table}"])
def test_the_database_refuses_to_change_figures(db: Database, database_url: str, table: str, statement: str) -> None:
    plan_id = _plan(db)
    key = ("1.1", "U1", "2024-01", False)
    with db.transaction() as tx:
        tx.observations.append(plan_id, [Change(key, None, 1, _obs("1.1", "U1", 1, 5))], "a")
        tx.period_status.append(plan_id, "U1", "2024-01", PeriodState.SUBMITTED, "a")
    engine = create_engine(database_url)
    try:
        with pytest.raises(DBAPIError, match="chỉ được thêm dòng"), engine.begin() as connection:
            connection.execute(text(statement.format(table=table)))
        with engine.connect() as connection:
            assert connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() == 1
    finally:
        engine.dispose()
