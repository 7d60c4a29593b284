from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from kehoach.core import Comparator, Document, Indicator, Plan, Target
from kehoach.storage import Database, StorageError
from kehoach.storage.decimaltext import DecimalText

EXACT = ["1246.695", "0.3", "97.5", "0.05", "123456789012345678901234567890.123456789", "-2.5", "100"]


def _bind(value: object) -> object:
    dialect = create_engine("sqlite://").dialect
    return DecimalText().process_bind_param(value, dialect)


def test_decimals_are_written_as_canonical_plain_text() -> None:
    assert _bind(Decimal("1246.695")) == "1246.695"
    assert _bind(Decimal("97.50")) == "97.5"
    assert _bind(Decimal("1E+2")) == "100"
    assert _bind(Decimal("0.1") + Decimal("0.2")) == "0.3"
    assert _bind(None) is None


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        _bind(0.1 + 0.2)


def test_non_finite_values_are_refused() -> None:
    with pytest.raises(ValueError):
        _bind(Decimal("NaN"))


def _plan_with(values: list[str]) -> Plan:
    targets = [Target(f"t{i}", Comparator.AT_LEAST, Decimal(v)) for i, v in enumerate(values)]
    return Plan(document=Document(number="1/NQ-HĐND"), indicators=[Indicator(1, "kinh tế", "x", targets=targets)])


def test_decimals_come_back_exact(db: Database, database_url: str) -> None:
    values = [*EXACT, str(Decimal("0.1") + Decimal("0.2"))]
    with db.transaction() as tx:
        plan_id = tx.plans.add(_plan_with(values), unit_code="xa-mau")
    with db.transaction() as tx:
        stored = tx.plans.get(plan_id)
    assert stored is not None
    loaded = [t.value for t in stored.plan.indicators[0].targets]
    assert [str(v) for v in loaded] == values
    assert all(isinstance(v, Decimal) for v in loaded)
    # What the database holds is the text itself, not a float or a rounded numeric.
    engine = create_engine(database_url)
    with engine.connect() as connection:
        raw = connection.execute(text("SELECT value FROM targets ORDER BY position")).scalars().all()
    engine.dispose()
    assert raw == values


def test_float_value_in_a_target_is_not_stored(db: Database) -> None:
    plan = _plan_with(["1"])
    bad = Target("float", Comparator.AT_LEAST, 0.3)  # type: ignore[arg-type]
    plan.indicators[0].targets.append(bad)
    with pytest.raises(StorageError, match="DecimalText needs a Decimal"), db.transaction() as tx:
        tx.plans.add(plan, unit_code="xa-mau")
    with db.transaction() as tx:
        assert tx.plans.summaries() == []
