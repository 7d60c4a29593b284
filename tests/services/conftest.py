"""Fixtures of the tracking tests: a ward with three khóm, and a small plan of its own."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, inspect, text

from kehoach.core import Comparator, Direction, Document, Indicator, OrgUnit, OverTime, OverUnits, Plan, Target
from kehoach.core.planjson import plan_to_json
from kehoach.core.unitlevels import UnitLevel
from kehoach.services import add_units, import_plan_json
from kehoach.storage import Database

WARD = "P9"
KHOM = ("P9-1", "P9-2", "P9-3")

WARD_UNITS = [
    OrgUnit("T9", "Tỉnh Mẫu", UnitLevel.TINH),
    OrgUnit(WARD, "Phường Mẫu", UnitLevel.XA, "T9"),
    *(OrgUnit(code, f"Khóm {n}", UnitLevel.KHOM, WARD) for n, code in enumerate(KHOM, start=1)),
    OrgUnit("X8", "Xã Bên", UnitLevel.XA, "T9"),
    OrgUnit("X8-1", "Ấp 1", UnitLevel.KHOM, "X8"),
]


def small_plan() -> Plan:
    """One target per measurement rule, with numbers easy to roll up by hand."""
    return Plan(
        document=Document(
            number="9/NQ-HĐND",
            type="Nghị quyết",
            issuer="Hội đồng nhân dân Phường Mẫu",
            place="Phường Mẫu",
            date=dt.date(2023, 12, 20),
            subject="Về kế hoạch phát triển kinh tế - xã hội năm 2024",
            plan_year=2024,
        ),
        indicators=[
            Indicator(
                1,
                "văn hóa - xã hội",
                "Tỷ lệ hộ nghèo còn dưới 2%, giảm 0,5% so với năm trước",
                targets=[
                    Target(
                        "Tỷ lệ hộ nghèo",
                        Comparator.LESS_THAN,
                        Decimal(2),
                        unit="%",
                        direction=Direction.LOWER,
                        over_units=OverUnits.RATIO,
                        over_time=OverTime.LATEST,
                        text="còn dưới 2%",
                    ),
                    Target(
                        "Tỷ lệ hộ nghèo",
                        Comparator.REDUCE_BY,
                        Decimal("0.5"),
                        unit="%",
                        direction=Direction.LOWER,
                        over_units=OverUnits.RATIO,
                        over_time=OverTime.LATEST,
                        text="giảm 0,5%",
                    ),
                ],
            ),
            Indicator(
                2,
                "kinh tế",
                "Giới thiệu việc làm cho 100 lao động",
                targets=[
                    Target(
                        "Giới thiệu việc làm",
                        Comparator.AT_LEAST,
                        Decimal(100),
                        unit="lao động",
                        over_units=OverUnits.SUM,
                        over_time=OverTime.CUMULATIVE,
                        text="100 lao động",
                    ),
                ],
            ),
            Indicator(
                3,
                "văn hóa - xã hội",
                "3/3 khóm đạt khóm văn hóa",
                targets=[
                    Target(
                        "Khóm đạt khóm văn hóa",
                        Comparator.AT_LEAST,
                        Decimal(3),
                        total=Decimal(3),
                        unit="khóm",
                        over_units=OverUnits.UNITS_MEETING,
                        over_time=OverTime.LATEST,
                        text="3/3 khóm",
                    ),
                ],
            ),
            Indicator(
                4,
                "kinh tế",
                "Thu ngân sách 50 tỷ đồng",
                targets=[
                    Target(
                        "Thu ngân sách",
                        Comparator.AT_LEAST,
                        Decimal(50),
                        unit="tỷ đồng",
                        over_units=OverUnits.UNIT_ONLY,
                        over_time=OverTime.CUMULATIVE,
                        text="50 tỷ đồng",
                    ),
                ],
            ),
            Indicator(
                5,
                "văn hóa - xã hội",
                "Tỷ lệ tham gia bảo hiểm y tế đạt 90%",
                targets=[
                    Target(
                        "Tỷ lệ tham gia bảo hiểm y tế",
                        Comparator.AT_LEAST,
                        Decimal(90),
                        unit="%",
                        over_units=OverUnits.RATIO,
                        over_time=OverTime.LATEST,
                        text="đạt 90%",
                    ),
                ],
            ),
            Indicator(
                6,
                "xây dựng chính quyền",
                "Chính quyền xếp loại tốt",
                targets=[Target("Xây dựng chính quyền", Comparator.QUALITATIVE, grade="Tốt", text="xếp loại tốt")],
            ),
        ],
    )


@pytest.fixture
def ward(db: Database) -> int:
    """The units (a province, Phường Mẫu with three khóm, another commune) and the small plan; its id."""
    add_units(db, WARD_UNITS)
    return import_plan_json(db, plan_to_json(small_plan()), unit_code=WARD).plan_id


RowCounts = Callable[[], dict[str, int]]


@pytest.fixture
def row_counts(database_url: str) -> RowCounts:
    """Rows in every table: what "the database is unchanged" is checked against."""

    def count() -> dict[str, int]:
        engine = create_engine(database_url)
        try:
            with engine.connect() as connection:
                names = [n for n in inspect(connection).get_table_names() if n != "alembic_version"]
                return {n: connection.execute(text(f'SELECT COUNT(*) FROM "{n}"')).scalar_one() for n in names}
        finally:
            engine.dispose()

    return count


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 with cheap parameters: account tests create many passwords."""
    from argon2 import PasswordHasher

    from kehoach.services import passwords

    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def at_once(monkeypatch: pytest.MonkeyPatch, repository: type, *writes: Callable[[], object]) -> list[object]:
    """Run ``writes`` in threads, each held just before its first write (``repository.append``)
    until every one has read the slot: the race two people saving together run. Each write's
    result, or the error it raised."""
    barrier = threading.Barrier(len(writes), timeout=20)
    held = threading.local()
    append = repository.append

    def paused(self: object, *args: object, **kwargs: object) -> object:
        if not getattr(held, "done", False):  # the second run of a unit of work goes straight on
            held.done = True
            barrier.wait()
        return append(self, *args, **kwargs)

    monkeypatch.setattr(repository, "append", paused)
    outcomes: list[object] = [None] * len(writes)

    def run(number: int) -> None:
        try:
            outcomes[number] = writes[number]()
        except Exception as exc:
            outcomes[number] = exc

    threads = [threading.Thread(target=run, args=(number,)) for number in range(len(writes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes
