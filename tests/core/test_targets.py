"""Target validation (kehoach.core.targets)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.core.targets import (
    DEFAULT_REQUIRED_GRADE,
    GRADE_SCALES,
    Comparator,
    Direction,
    OverTime,
    OverUnits,
    Target,
    TargetRef,
)

D = Decimal


def test_defaults() -> None:
    t = Target(name="Thu ngân sách", comparator=Comparator.AT_LEAST, value=D("211"))
    assert t.direction is Direction.HIGHER
    assert t.over_units is OverUnits.UNIT_ONLY
    assert t.over_time is OverTime.LATEST
    assert t.value_max is None and t.total is None and t.basis is None and t.span is None


def test_comparator_values_are_the_json_spelling() -> None:
    assert [c.value for c in Comparator] == [
        ">=",
        ">",
        "<=",
        "<",
        "=",
        "range",
        "reduce_by",
        "increase_by",
        "rank_top",
        "qualitative",
    ]
    assert Comparator("<=") is Comparator.AT_MOST


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"comparator": Comparator.QUALITATIVE, "value": D("1")}, "định tính"),
        ({"comparator": Comparator.AT_LEAST}, "thiếu giá trị"),
        ({"comparator": Comparator.RANK_TOP}, "thiếu giá trị"),
        ({"comparator": Comparator.RANGE, "value": D("6.5")}, "range"),
        ({"comparator": Comparator.AT_LEAST, "value": D("6.5"), "value_max": D("7")}, "range"),
        ({"comparator": Comparator.QUALITATIVE, "value_max": D("7")}, "range"),
        ({"comparator": Comparator.RANGE, "value": D("7"), "value_max": D("6.5")}, "đầu trên nhỏ hơn đầu dưới"),
    ],
    ids=[
        "qualitative-with-value",
        "numeric-without-value",
        "rank-without-value",
        "range-without-value_max",
        "value_max-without-range",
        "qualitative-with-value_max",
        "value_max-below-value",
    ],
)
def test_invalid_targets_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Target(name="x", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"comparator": Comparator.QUALITATIVE, "grade": "Tốt"},
        {"comparator": Comparator.QUALITATIVE},
        {"comparator": Comparator.RANGE, "value": D("6.5"), "value_max": D("7")},
        {"comparator": Comparator.RANGE, "value": D("12"), "value_max": D("12"), "total": D("18")},
        {"comparator": Comparator.EQUAL, "value": D("0"), "direction": Direction.LOWER},
    ],
    ids=["qualitative-grade", "qualitative-default", "range", "degenerate-range", "equal-zero"],
)
def test_valid_targets_are_accepted(kwargs: dict[str, object]) -> None:
    t = Target(name="x", **kwargs)  # type: ignore[arg-type]
    assert t.comparator is kwargs["comparator"]


@pytest.mark.parametrize(
    ("unit", "percent"), [("%", True), (" % ", True), ("phần trăm", True), ("hộ", False), (None, False)]
)
def test_is_percent(unit: str | None, percent: bool) -> None:
    assert Target(name="x", comparator=Comparator.AT_LEAST, value=D("1"), unit=unit).is_percent is percent


def test_with_changes_returns_a_validated_copy() -> None:
    t = Target(name="x", comparator=Comparator.AT_LEAST, value=D("1"))
    changed = t.with_changes(value=D("2"), unit="%")
    assert changed.value == D("2") and changed.unit == "%"
    assert t.value == D("1")
    with pytest.raises(ValueError):
        t.with_changes(comparator=Comparator.QUALITATIVE)


def test_targets_are_frozen_and_compare_by_value() -> None:
    a = Target(name="x", comparator=Comparator.AT_LEAST, value=D("0.8"))
    assert a == Target(name="x", comparator=Comparator.AT_LEAST, value=D("0.80"))
    assert a != Target(name="x", comparator=Comparator.AT_LEAST, value=D("0.81"))
    with pytest.raises(AttributeError):
        a.value = D("1")  # type: ignore[misc]


def test_target_ref_compares_by_key() -> None:
    a = Target(name="a", comparator=Comparator.AT_LEAST, value=D("1"))
    b = Target(name="b", comparator=Comparator.AT_LEAST, value=D("2"))
    assert TargetRef("5.2", a) == TargetRef("5.2", b)
    assert TargetRef("5.2", a) != TargetRef("5.3", a)


def test_grade_scales_hold_the_default_grade() -> None:
    assert any(DEFAULT_REQUIRED_GRADE in scale for scale in GRADE_SCALES)
    assert all(len(scale) >= 2 for scale in GRADE_SCALES)
