import json
from dataclasses import replace
from pathlib import Path

import pytest

from kehoach.core import Plan
from kehoach.core.planjson import plan_from_json, plan_to_json
from kehoach.services import (
    AmbiguousReferenceError,
    InputError,
    NotFoundError,
    export_plan_json,
    get_plan,
    import_plan_json,
    list_plans,
)
from kehoach.storage import Database


def test_list_plans_is_empty_at_first(db: Database) -> None:
    assert list_plans(db) == []


def test_list_plans_summarises(db: Database, seed_plan_json: Path) -> None:
    plan_id = import_plan_json(db, seed_plan_json).plan_id
    [summary] = list_plans(db)
    assert (summary.plan_id, summary.number, summary.plan_year) == (plan_id, "74/NQ-HĐND", 2024)
    assert (summary.task_count, summary.indicator_count, summary.target_count, summary.warning_count) == (4, 13, 25, 1)
    assert summary.source_name == seed_plan_json.name


def test_get_plan_by_id_and_by_number(db: Database, seed_plan_json: Path, seed_plan: Plan) -> None:
    plan_id = import_plan_json(db, seed_plan_json).plan_id
    for ref in (plan_id, str(plan_id), f" {plan_id} ", "74/NQ-HĐND", "74/nq-hđnd", " 74 / NQ-HĐND "):
        stored = get_plan(db, ref)
        assert stored.plan_id == plan_id and stored.plan == seed_plan


def test_unknown_plans_are_not_found(db: Database, seed_plan_json: Path) -> None:
    import_plan_json(db, seed_plan_json)
    with pytest.raises(NotFoundError, match="không có kế hoạch số 99"):
        get_plan(db, 99)
    with pytest.raises(NotFoundError, match="75/NQ-HĐND"):
        get_plan(db, "75/NQ-HĐND")
    with pytest.raises(InputError):
        get_plan(db, "  ")


def test_a_number_shared_by_two_plans_is_ambiguous(db: Database, seed_plan: Plan) -> None:
    first = import_plan_json(db, plan_to_json(seed_plan)).plan_id
    other_year = replace(seed_plan, document=replace(seed_plan.document, issuer="Hội đồng nhân dân Phường 2"))
    second = import_plan_json(db, plan_to_json(other_year)).plan_id
    with pytest.raises(AmbiguousReferenceError) as info:
        get_plan(db, "74/NQ-HĐND")
    assert f"{first}, {second}" in str(info.value)
    assert get_plan(db, second).plan == other_year


def test_export_is_the_plan_json(db: Database, seed_plan_json: Path, seed_plan: Plan) -> None:
    plan_id = import_plan_json(db, seed_plan_json).plan_id
    text = export_plan_json(db, plan_id)
    assert text == plan_to_json(seed_plan)
    assert plan_from_json(text) == seed_plan
    assert json.loads(text)["schema"] == "kehoach.plan/1"
    assert text == seed_plan_json.read_text(encoding="utf-8").rstrip("\n")
