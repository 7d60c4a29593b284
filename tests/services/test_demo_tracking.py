"""The demo database: Phường 1, its 5 khóm, the seed plan, six months of figures, a mixed status."""

from __future__ import annotations

import csv
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kehoach.core import Comparator, Status
from kehoach.core.approval import PeriodState
from kehoach.core.status import ProjectionMethod
from kehoach.services import get_plan, import_plan_json, list_plans, plan_settings, plan_status
from kehoach.services.demo import (
    DEMO_PERIOD,
    DEMO_UNIT,
    DEMO_UNITS_FILE,
    DemoResult,
    build_demo,
    demo_entries,
    demo_figures,
)
from kehoach.storage import Database


def _counts(database_url: str) -> tuple[int, ...]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return tuple(
                connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("units", "plans", "observations", "observation_revisions", "period_statuses")
            )
    finally:
        engine.dispose()


@pytest.fixture
def demo(db: Database) -> DemoResult:
    return build_demo(db)


def test_the_demo_builds_units_plan_figures_and_workflow(db: Database, demo: DemoResult) -> None:
    assert demo.plan.created and demo.units.added == 6
    assert demo.figures.created > 300 and demo.figures.changed == 0
    assert demo.steps == ("submit 99001-01 2024-H1", "approve 99001-01 2024-H1", "submit 99001-02 2024-H1")
    assert [(s.unit.code, s.state) for s in demo.workflow] == [
        ("99001-01", PeriodState.APPROVED),
        ("99001-02", PeriodState.SUBMITTED),
    ]
    assert plan_settings(db, demo.plan_id).unit.code == DEMO_UNIT
    assert [p.plan_id for p in list_plans(db)] == [demo.plan_id]


def test_building_the_demo_again_changes_nothing(db: Database, demo: DemoResult, database_url: str) -> None:
    before = _counts(database_url)
    again = build_demo(db)
    assert not again.plan.created and again.plan.plan_id == demo.plan_id
    assert (again.units.added, again.units.corrected, again.figures.written, again.steps) == (0, 0, 0, ())
    assert again.figures.unchanged == demo.figures.created
    assert _counts(database_url) == before


def test_the_mid_year_status_is_a_mix(db: Database, demo: DemoResult) -> None:
    status = plan_status(db, demo.plan_id, DEMO_PERIOD)
    by_key = {e.key: e for e in status.evaluations}
    mix = Counter(e.status for e in status.evaluations)
    assert mix[Status.ON_TRACK] >= 1 and mix[Status.AT_RISK] >= 1
    assert [key for key, e in by_key.items() if e.status is Status.NO_DATA] == ["12.1"]
    assert by_key["12.1"].coverage.reported == 0
    # the budget is judged on the ward's own estimate for the year ("ước")
    budget = by_key["1.1"]
    assert budget.projection is not None and budget.projection.method is ProjectionMethod.ESTIMATE
    assert str(budget.projected) == "103.2"
    assert budget.status is Status.ON_TRACK
    # khóm figures roll up: 146 job placements in six months, projected to 292 ≥ 275
    assert by_key["5.2"].actual.value == 146 and by_key["5.2"].status is Status.ON_TRACK
    assert by_key["5.2"].coverage.text == "5/5"
    assert by_key["5.1"].status is Status.AT_RISK  # 3 in six months: 6 for the year < 8
    assert by_key["T1.1.1"].status is Status.AT_RISK  # rank 4, needs top 3
    assert by_key["11.2"].status is Status.AT_RISK  # "Khá", needs "Tốt"
    assert by_key["6.1"].actual.value == 5  # 5/5 khóm meet their own target


def test_a_khom_sees_its_own_figures(db: Database, demo: DemoResult) -> None:
    status = plan_status(db, demo.plan_id, DEMO_PERIOD, "99001-04")
    by_key = {e.key: e for e in status.evaluations}
    assert by_key["7.4"].actual.numerator == 87 and by_key["7.4"].status is Status.AT_RISK


def test_the_demo_data_file_fits_the_plan_and_the_units(db: Database, demo: DemoResult) -> None:
    data = demo_figures()
    plan = get_plan(db, demo.plan_id).plan
    keys = {key for key, _ in plan.keyed_targets()}
    assert set(data["figures"]) <= keys
    assert keys - set(data["figures"]) == {"12.1"}  # the one target nobody reported
    units_file = files("kehoach").joinpath("data", DEMO_UNITS_FILE).read_text(encoding="utf-8")
    codes = {row["code"] for row in csv.DictReader(units_file.splitlines())}
    assert codes == {DEMO_UNIT} | {f"99001-0{i}" for i in range(1, 6)}
    kinds = {key: target.comparator for key, target in plan.keyed_targets()}
    entries = demo_entries(data, kinds)
    assert {e.unit_code for e in entries} <= codes
    assert {e.period_code for e in entries if not e.estimate} <= set(data["months"])
    assert [(e.target_key, e.period_code) for e in entries if e.estimate] == [("1.1", "2024")]
    ranks = [e for e in entries if kinds[e.target_key] is Comparator.RANK_TOP]
    assert ranks and all(e.rank is not None for e in ranks)


def test_the_demo_takes_over_a_plan_imported_before_its_units(
    db: Database, seed_plan_json: Path, database_url: str
) -> None:
    earlier = import_plan_json(db, seed_plan_json)
    assert plan_settings(db, earlier.plan_id).unit.code != DEMO_UNIT
    demo = build_demo(db)
    assert demo.plan_id == earlier.plan_id and not demo.plan.created
    assert plan_settings(db, demo.plan_id).unit.code == DEMO_UNIT
    assert demo.figures.created > 300
