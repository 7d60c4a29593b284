"""The founding resolution must come out exactly as its gold structure says."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from scoring import FIXTURES, key

from kehoach.core.planjson import plan_to_dict
from kehoach.core.targets import Comparator
from kehoach.parsing import parse_text

SEED = FIXTURES / "000_8cf2f54e953284da.txt"


@pytest.fixture(scope="module")
def gold():
    return json.loads(SEED.with_name(SEED.stem + ".gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan():
    return parse_text(SEED.read_text(encoding="utf-8"))


def test_metadata(plan, gold):
    doc = plan.document
    expected = gold["document"]
    assert doc.number == expected["number"]
    assert doc.type == expected["type"]
    assert doc.issuer == expected["issuer"]
    assert doc.place == expected["place"]
    assert doc.date == date.fromisoformat(expected["date"])
    assert doc.subject == expected["subject"]
    assert doc.plan_year == expected["plan_year"]
    assert doc.term == expected["term"]
    assert doc.session == expected["session"]
    assert doc.references == expected["references"]
    assert len(doc.legal_bases) == 1 and doc.legal_bases[0].startswith("Luật Tổ chức chính quyền địa phương")


def test_counts(plan, gold):
    assert len(plan.tasks) == gold["counts"]["tasks"] == 4
    assert len(plan.indicators) == gold["counts"]["indicators"] == 13
    assert [i.number for i in plan.indicators] == list(range(1, 14))


def test_every_indicator_target_in_order(plan, gold):
    produced = [(ind.number, ind.group, t) for ind in plan.indicators for t in ind.targets]
    assert len(produced) == len(gold["targets"]) == 24
    for (number, group, target), expected in zip(produced, gold["targets"], strict=True):
        assert number == expected["indicator"], expected["text"]
        assert group == expected["group"], expected["text"]
        assert target.comparator.value == expected["comparator"], expected["text"]
        assert target.value == (None if expected["value"] is None else Decimal(str(expected["value"])))
        assert target.total == (None if expected.get("total") is None else Decimal(str(expected["total"])))
        assert target.unit == expected["unit"], expected["text"]
        assert expected["text"] in target.text or target.text in expected["text"], (target.text, expected["text"])


def test_tasks(plan, gold):
    assert [t.code for t in plan.tasks] == [t["code"] for t in gold["tasks"]]
    for task, expected in zip(plan.tasks, gold["tasks"], strict=True):
        got = [key(t) for t in plan_to_dict_targets(task.targets)]
        assert got == [key(t) for t in expected["targets"]]
    rank = plan.tasks[0].targets[0]
    assert rank.comparator is Comparator.RANK_TOP and rank.total == 15 and rank.unit == "xã, phường"


def plan_to_dict_targets(targets):
    from kehoach.core.planjson import target_to_dict

    return [target_to_dict(t) for t in targets]


def test_solution_sectors_and_truncation(plan, gold):
    assert [s.sector for s in plan.solutions] == gold["solution_sectors"]
    assert plan.solutions[0].items and plan.solutions[-1].items == []
    truncated = [w for w in plan.warnings if w.kind == "truncated"]
    assert len(truncated) == 1 and truncated[0].span is not None
    assert not [w for w in plan.warnings if w.kind == "internal"]


def test_spans_point_at_the_target_text(plan):
    text = SEED.read_text(encoding="utf-8")
    for _, target in plan.keyed_targets():
        assert target.span is not None
        assert text[target.span[0] : target.span[1]] == target.text


def test_keys_and_measurement_rules(plan):
    keys = dict(plan.keyed_targets())
    assert keys["5.2"].value == 275 and keys["5.2"].unit == "lao động"
    assert keys["T1.1.1"].comparator is Comparator.RANK_TOP
    poverty = keys["3.1"]
    assert poverty.direction.value == "lower" and poverty.over_units.value == "ratio"
    assert keys["6.1"].over_units.value == "units_meeting"
    assert keys["5.2"].over_units.value == "sum" and keys["5.2"].over_time.value == "cumulative"


def test_json_is_plain_decimal(plan):
    data = plan_to_dict(plan)
    assert data["schema"] == "kehoach.plan/1"
    assert data["document"]["date"] == "2023-12-12"


def test_names_of_a_sentence_with_three_counts(plan):
    keys = dict(plan.keyed_targets())
    assert keys["5.1"].name == "Lao động đi làm việc có thời gian ở nước ngoài"
    assert keys["5.2"].name == "Giới thiệu việc làm"
    assert keys["5.3"].name == "Dạy nghề nông thôn"
    assert keys["9.1"].name == "Xây dựng mới, sửa chữa nhà tình thương và nhà tình nghĩa"
