"""The Plan model and target keys (kehoach.core.plan)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.core.plan import Document, Indicator, IndicatorGroup, Plan, Solution, Task
from kehoach.core.targets import Comparator, Target


def t(name: str, value: str = "1") -> Target:
    return Target(name=name, comparator=Comparator.AT_LEAST, value=Decimal(value))


def make_plan() -> Plan:
    return Plan(
        document=Document(number="74/NQ-HĐND", plan_year=2024),
        tasks=[
            Task(code="1.1", text="Nhiệm vụ 1.1", targets=[t("a")]),
            Task(code="(2)", text="Nhiệm vụ (2)", targets=[t("b"), t("c")]),
            Task(code="3.", text="Nhiệm vụ 3", targets=[]),
        ],
        indicators=[
            Indicator(number=1, group=IndicatorGroup.ECONOMY, text="1", targets=[t("d")]),
            Indicator(number=5, group=IndicatorGroup.GOVERNMENT, text="5", code="3.2", targets=[t("e"), t("f")]),
        ],
    )


def test_keyed_targets_keys_and_order() -> None:
    keys = [(key, target.name) for key, target in make_plan().keyed_targets()]
    assert keys == [
        ("T1.1.1", "a"),
        ("T2.1", "b"),
        ("T2.2", "c"),
        ("1.1", "d"),
        ("5.1", "e"),
        ("5.2", "f"),
    ]


def test_indicator_keys_use_the_number_not_the_code() -> None:
    keys = dict(make_plan().keyed_targets())
    assert "3.2.1" not in keys
    assert keys["5.2"].name == "f"


@pytest.mark.parametrize(("key", "name"), [("5.2", "f"), ("T1.1.1", "a"), ("T2.1", "b"), ("1.1", "d")])
def test_target_by_key(key: str, name: str) -> None:
    assert make_plan().target(key).name == name


@pytest.mark.parametrize("key", ["5.3", "2.1", "T3.1", "T(2).1", "", "5"])
def test_target_by_unknown_key_raises_key_error(key: str) -> None:
    with pytest.raises(KeyError):
        make_plan().target(key)


def test_keys_are_unique_in_a_plan() -> None:
    keys = [key for key, _ in make_plan().keyed_targets()]
    assert len(keys) == len(set(keys))


def test_is_empty() -> None:
    assert Plan().is_empty
    assert Plan(document=Document(number="74/NQ-HĐND")).is_empty
    assert not Plan(solutions=[Solution(sector="Về kinh tế")]).is_empty
    assert not make_plan().is_empty


def test_groups_are_the_design_names() -> None:
    assert IndicatorGroup.ALL == (
        "kinh tế",
        "văn hóa - xã hội",
        "xây dựng chính quyền",
        "quốc phòng - an ninh",
        "đô thị - môi trường",
        "khác",
    )


def test_plans_compare_by_value() -> None:
    assert make_plan() == make_plan()
    other = make_plan()
    other.indicators[1].targets[1] = t("f", "2")
    assert other != make_plan()
