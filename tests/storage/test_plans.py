import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from kehoach.core import Comparator, Document, Plan, Target, Task
from kehoach.storage import Database, Source, StorageError

SOURCE = Source(text="Nghị quyết …", name="nq.txt", format="txt", fingerprint="a" * 64)


def _add(db: Database, plan: Plan, source: Source = SOURCE) -> int:
    with db.transaction() as tx:
        return tx.plans.add(plan, source, unit_code="xa-mau")


def test_a_saved_plan_loads_back_equal(db: Database, edge_plan: Plan) -> None:
    plan_id = _add(db, edge_plan)
    with db.transaction() as tx:
        stored = tx.plans.get(plan_id)
    assert stored is not None
    assert stored.plan == edge_plan
    assert (stored.source_name, stored.source_format, stored.fingerprint) == ("nq.txt", "txt", "a" * 64)
    assert stored.created_at.tzinfo is not None
    assert abs(dt.datetime.now(dt.UTC) - stored.created_at) < dt.timedelta(minutes=5)


def test_the_seed_plan_round_trips(db: Database, seed_plan: Plan) -> None:
    plan_id = _add(db, seed_plan)
    with db.transaction() as tx:
        stored = tx.plans.get(plan_id)
    assert stored is not None and stored.plan == seed_plan


def test_targets_keep_their_keys_and_order(db: Database, database_url: str, edge_plan: Plan) -> None:
    plan_id = _add(db, edge_plan)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT key, position, name FROM targets WHERE plan_id = :p ORDER BY id"), {"p": plan_id}
        ).all()
    engine.dispose()
    expected = [(key, int(key.rsplit(".", 1)[1]), t.name) for key, t in edge_plan.keyed_targets()]
    assert [tuple(r) for r in rows] == expected
    assert rows[0][0] == "T1.1.1"


def test_source_text_is_kept(db: Database, edge_plan: Plan) -> None:
    plan_id = _add(db, edge_plan)
    with db.transaction() as tx:
        assert tx.plans.source_text(plan_id) == "Nghị quyết …"


def test_an_empty_plan_round_trips(db: Database) -> None:
    plan_id = _add(db, Plan(), Source(text=None, name=None, format=None, fingerprint=None))
    with db.transaction() as tx:
        stored = tx.plans.get(plan_id)
    assert stored is not None and stored.plan == Plan()


def test_missing_plan_is_none(db: Database) -> None:
    with db.transaction() as tx:
        assert tx.plans.get(12345) is None


def test_existing_document_found_by_fingerprint(db: Database, edge_plan: Plan) -> None:
    plan_id = _add(db, edge_plan)
    with db.transaction() as tx:
        assert tx.plans.find_existing(Document(), "a" * 64) == plan_id
        assert tx.plans.find_existing(Document(), "b" * 64) is None
        assert tx.plans.find_existing(Document(), None) is None


def test_existing_document_found_by_number_issuer_and_date(db: Database, edge_plan: Plan) -> None:
    plan_id = _add(db, edge_plan)
    same = replace(edge_plan.document, number="12 / nq-hđnd", issuer="Hội đồng  nhân dân Xã Mẫu")
    other_date = replace(edge_plan.document, date=dt.date(2024, 12, 21))
    no_date = replace(edge_plan.document, date=None)
    with db.transaction() as tx:
        assert tx.plans.find_existing(same, None) == plan_id
        assert tx.plans.find_existing(other_date, None) is None
        assert tx.plans.find_existing(no_date, None) is None


def test_the_same_document_cannot_be_stored_twice(db: Database, edge_plan: Plan) -> None:
    _add(db, edge_plan)
    with pytest.raises(StorageError):
        _add(db, edge_plan, replace(SOURCE, fingerprint="c" * 64))


def test_plans_by_document_number(db: Database, edge_plan: Plan) -> None:
    first = _add(db, edge_plan)
    second = _add(
        db, replace(edge_plan, document=replace(edge_plan.document, date=None)), replace(SOURCE, fingerprint=None)
    )
    with db.transaction() as tx:
        assert tx.plans.ids_by_number("12/NQ-HĐND") == [first, second]
        assert tx.plans.ids_by_number("12/nq-hđnd") == [first, second]
        assert tx.plans.ids_by_number("13/NQ-HĐND") == []
        assert tx.plans.ids_by_number(" ") == []


def test_summaries_count_what_each_plan_holds(db: Database, edge_plan: Plan) -> None:
    plan_id = _add(db, edge_plan)
    empty_id = _add(db, Plan(), replace(SOURCE, fingerprint=None, name=None))
    with db.transaction() as tx:
        summaries = tx.plans.summaries()
    assert [s.plan_id for s in summaries] == [plan_id, empty_id]
    first = summaries[0]
    assert (first.number, first.issuer, first.date, first.plan_year) == (
        "12/NQ-HĐND",
        "Hội đồng nhân dân xã Mẫu",
        dt.date(2024, 12, 20),
        2025,
    )
    assert (first.task_count, first.indicator_count, first.target_count, first.warning_count) == (2, 4, 11, 2)
    assert (summaries[1].task_count, summaries[1].target_count, summaries[1].source_name) == (0, 0, None)


def test_duplicate_target_keys_are_refused(db: Database) -> None:
    target = Target("x", Comparator.AT_LEAST, Decimal(1))
    clash = Plan(tasks=[Task("1.1", "a", [target]), Task("(1.1)", "b", [target])])  # both keyed T1.1.1
    with pytest.raises(StorageError, match=r"T1\.1\.1"):
        _add(db, clash, replace(SOURCE, fingerprint=None))
    with db.transaction() as tx:
        assert tx.plans.summaries() == []


def test_a_failed_transaction_stores_nothing(db: Database, edge_plan: Plan) -> None:
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.plans.add(edge_plan, SOURCE, unit_code="xa-mau")
        raise RuntimeError("stop")
    with db.transaction() as tx:
        assert tx.plans.summaries() == []
