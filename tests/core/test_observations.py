"""Recorded figures: construction, validation messages, ratio values, revisions."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from kehoach.core.evaluation import Grade, Rank
from kehoach.core.observations import (
    Figure,
    Observation,
    ObservationError,
    is_share,
    quotient,
    ratio_value,
    validate_observation,
)
from kehoach.core.periods import Period, PeriodError
from kehoach.core.revisions import Revision, RevisionKind, current_observation
from kehoach.core.targets import Comparator, Direction, OverUnits, Target

D = Decimal

POOR = Target(
    "Tỷ lệ hộ nghèo", Comparator.AT_MOST, D("2"), unit="%", direction=Direction.LOWER, over_units=OverUnits.RATIO
)
INSURANCE = Target("Tỷ lệ người dân tham gia bảo hiểm y tế", Comparator.AT_LEAST, D("95"), unit="%")
BUDGET = Target("Thu ngân sách đạt dự toán", Comparator.AT_LEAST, D("100"), unit="%")
GROWTH = Target("Tốc độ tăng trưởng kinh tế", Comparator.AT_LEAST, D("8"), unit="%")
JOBS = Target("Giới thiệu việc làm", Comparator.AT_LEAST, D("275"), unit="lao động", over_units=OverUnits.SUM)
INCOME = Target("Thu nhập bình quân đầu người", Comparator.AT_LEAST, D("70"), unit="triệu đồng/người/năm")
GRADED = Target("Chính quyền xếp loại", Comparator.QUALITATIVE, grade="Tốt")
RANKED = Target("Cải cách hành chính", Comparator.RANK_TOP, D("3"), total=D("15"), direction=Direction.LOWER)
SHARE_RISE = Target("Tỷ lệ hộ dùng nước sạch", Comparator.INCREASE_BY, D("2"), unit="%")


def obs(**kw: object) -> Observation:
    kw.setdefault("target_key", "1.1")
    kw.setdefault("unit_code", "K1")
    kw.setdefault("period", "2024-Q1")
    return Observation(**kw)  # type: ignore[arg-type]


# Construction ---------------------------------------------------------------------------


def test_observation_defaults_and_period_code() -> None:
    o = obs(value=D("90"))
    assert o.period == Period.of_quarter(2024, 1)
    assert o.key == ("1.1", "K1", Period.of_quarter(2024, 1), False)
    assert o.estimate is False and o.note == "" and o.source == ""
    assert o.figure == Figure(D("90"))
    assert not o.is_empty
    assert obs().is_empty


def test_int_figures_become_decimal_and_grade_is_trimmed() -> None:
    o = obs(numerator=45, denominator=50, grade="  ")
    assert o.numerator == D(45) and isinstance(o.numerator, Decimal)
    assert o.grade is None
    assert obs(grade=" Tốt ").grade == "Tốt"


def test_estimate_is_part_of_the_key() -> None:
    actual = obs(value=D(1), period="2024")
    estimate = obs(value=D(1), period="2024", estimate=True)
    assert actual.key != estimate.key
    assert actual != estimate


@pytest.mark.parametrize(
    ("kwargs", "error", "fragment"),
    [
        ({"value": 0.1}, ObservationError, "Decimal chính xác"),
        ({"numerator": True}, ObservationError, "Decimal chính xác"),
        ({"value": D("NaN")}, ObservationError, "hữu hạn"),
        ({"denominator": D("Infinity")}, ObservationError, "hữu hạn"),
        ({"value": "90"}, ObservationError, "phải là số"),
        ({"rank": 1.0}, ObservationError, "thứ hạng"),
        ({"rank": True}, ObservationError, "thứ hạng"),
        ({"period": "2024-Q5"}, PeriodError, "2024-Q5"),
        ({"period": 2024}, ObservationError, "kỳ báo cáo"),
        ({"unit_code": ""}, ObservationError, "mã đơn vị"),
    ],
    ids=["float", "bool", "nan", "infinity", "text", "float rank", "bool rank", "bad period", "int period", "no unit"],
)
def test_impossible_observations_are_refused(kwargs: dict[str, object], error: type[Exception], fragment: str) -> None:
    with pytest.raises(error, match=fragment):
        obs(**kwargs)


# Values from numerator / denominator ----------------------------------------------------


@pytest.mark.parametrize(
    ("num", "den", "percent", "expected"),
    [
        ("45", "50", True, D("90")),
        ("1", "3", True, D("33.33333333333333333333333333333333")),
        ("0", "7", True, D("0")),
        ("5", "0", True, None),
        ("0", "0", True, None),
        ("1400", "20", False, D("70")),
    ],
    ids=["90%", "a third", "zero", "no denominator", "0/0", "per head"],
)
def test_ratio_value(num: str, den: str, percent: bool, expected: Decimal | None) -> None:
    assert ratio_value(D(num), D(den), percent) == expected


def test_quotient_is_exact_when_short() -> None:
    assert quotient(D("1"), D("8")) == D("0.125")
    assert str(quotient(D("2"), D("3"))).count("6") == 33


@pytest.mark.parametrize(
    ("figure", "percent", "expected"),
    [
        (Figure(D("90")), True, D("90")),
        (Figure(numerator=D(45), denominator=D(50)), True, D("90")),
        (Figure(numerator=D(45), denominator=D(50)), False, D("0.9")),
        (Figure(grade="Tốt"), False, Grade("Tốt")),
        (Figure(rank=2), False, Rank(2)),
        (Figure(numerator=D(1)), True, None),
        (Figure(), True, None),
    ],
    ids=["value", "ratio %", "ratio plain", "grade", "rank", "half a ratio", "empty"],
)
def test_figure_as_actual(figure: Figure, percent: bool, expected: object) -> None:
    assert figure.as_actual(percent) == expected


# Validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "observation"),
    [
        (POOR, obs(numerator=45, denominator=50)),
        (POOR, obs(value=D("1.8"))),
        (POOR, obs(numerator=0, denominator=0)),
        (POOR, obs(value=D("90"), numerator=45, denominator=50)),
        (POOR, obs(value=D("33.3"), numerator=1, denominator=3)),
        (POOR, obs(value=D("33"), numerator=1, denominator=3)),
        (POOR, obs(value=D("33.33"), numerator=1, denominator=3)),
        (POOR, obs(value=D("66.7"), numerator=2, denominator=3)),
        (BUDGET, obs(value=D("115"))),
        (GROWTH, obs(value=D("-2.5"))),
        (GROWTH, obs(value=D("130"))),
        (JOBS, obs(value=D("40"))),
        (INCOME, obs(value=D("70"), numerator=1400, denominator=20)),
        (GRADED, obs(grade="Tốt")),
        (GRADED, obs(grade="hoàn thành tốt")),
        (RANKED, obs(rank=3)),
        (RANKED, obs(rank=15)),
        (SHARE_RISE, obs(value=D("101"))),
        (POOR, obs(value=D(1), estimate=True, period="2024")),
    ],
    ids=[
        "ratio",
        "rate",
        "0/0",
        "value agrees",
        "rounded to 1 place",
        "rounded to units",
        "rounded to 2 places",
        "rounded up",
        "budget above 100%",
        "negative growth",
        "growth above 100%",
        "count",
        "per head value agrees",
        "grade",
        "grade of another scale",
        "rank",
        "last rank",
        "increase_by is no share",
        "estimate",
    ],
)
def test_valid_observations(target: Target, observation: Observation) -> None:
    assert validate_observation(observation, target) == []


INVALID = [
    ("nothing", POOR, obs(), ["chưa nhập số liệu"]),
    ("numerator > denominator", POOR, obs(numerator=55, denominator=50), ["tử số 55 lớn hơn mẫu số 50"]),
    ("negative denominator", POOR, obs(numerator=5, denominator=-50), ["mẫu số -50 không được âm"]),
    ("negative numerator", POOR, obs(numerator=-5, denominator=50), ["tử số -5 không được âm"]),
    ("zero denominator", POOR, obs(numerator=5, denominator=0), ["mẫu số bằng 0 nhưng tử số là 5"]),
    ("numerator only", POOR, obs(numerator=5), ["có tử số nhưng thiếu mẫu số"]),
    ("denominator only", POOR, obs(denominator=5), ["có mẫu số nhưng thiếu tử số"]),
    ("share above 100", INSURANCE, obs(value=D("100.5")), ["tỷ lệ 100,5% lớn hơn 100%"]),
    ("ratio share above 100", POOR, obs(value=D("120")), ["tỷ lệ 120% lớn hơn 100%"]),
    ("negative share", INSURANCE, obs(value=D("-1")), ["tỷ lệ -1% không được âm"]),
    (
        "value disagrees",
        POOR,
        obs(value=D("80"), numerator=45, denominator=50),
        ["giá trị 80% không khớp với tử số/mẫu số 45/50 (= 90,00%)"],
    ),
    (
        "value rounded wrongly",
        POOR,
        obs(value=D("33.4"), numerator=1, denominator=3),
        ["giá trị 33,4% không khớp với tử số/mẫu số 1/3 (= 33,33%)"],
    ),
    (
        "per head disagrees",
        INCOME,
        obs(value=D("65"), numerator=1400, denominator=20),
        ["giá trị 65 không khớp với tử số/mẫu số 1.400/20 (= 70,00)"],
    ),
    ("grade for a number", JOBS, obs(grade="Tốt"), ["chỉ tiêu định lượng không nhận mức đánh giá 'Tốt'"]),
    ("number for a grade", GRADED, obs(value=D(1)), ["chỉ tiêu định tính cần mức đánh giá"]),
    ("unknown grade", GRADED, obs(grade="Siêu"), ["không nhận ra mức đánh giá 'Siêu'"]),
    ("rank for a number", JOBS, obs(rank=2), ["không phải chỉ tiêu xếp hạng, không nhận thứ hạng 2"]),
    ("number for a rank", RANKED, obs(value=D(2)), ["chỉ tiêu xếp hạng cần thứ hạng"]),
    ("rank zero", RANKED, obs(rank=0), ["thứ hạng 0 không hợp lệ"]),
    ("rank beyond total", RANKED, obs(rank=16), ["thứ hạng 16 vượt quá tổng số 15 đơn vị"]),
    (
        "several problems",
        POOR,
        obs(numerator=-1, denominator=-2, grade="Tốt"),
        ["không nhận mức đánh giá", "tử số -1 không được âm", "mẫu số -2 không được âm"],
    ),
]


@pytest.mark.parametrize(("target", "observation", "expected"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_observations(target: Target, observation: Observation, expected: list[str]) -> None:
    problems = validate_observation(observation, target)
    assert len(problems) == len(expected), problems
    for problem, fragment in zip(problems, expected, strict=True):
        assert fragment in problem


@pytest.mark.parametrize(
    ("target", "share"),
    [
        (POOR, True),
        (INSURANCE, True),
        (BUDGET, False),
        (GROWTH, False),
        (JOBS, False),
        (SHARE_RISE, False),
        (Target("Tỷ lệ tăng dân số tự nhiên", Comparator.AT_MOST, D("1"), unit="%"), True),
        (Target("Giảm tỷ lệ thất nghiệp", Comparator.REDUCE_BY, D("0.5"), unit="%"), False),
        (Target("Số hộ", Comparator.AT_LEAST, D("50"), unit="%", over_units=OverUnits.RATIO), True),
        (Target("Tỷ lệ thu so với dự toán", Comparator.AT_LEAST, D("100"), unit="%"), False),
    ],
    ids=lambda v: v.name if isinstance(v, Target) else str(v),
)
def test_is_share(target: Target, share: bool) -> None:
    assert is_share(target) is share


# Revisions ------------------------------------------------------------------------------

T0 = datetime(2024, 4, 10, 9, 0)
T1 = datetime(2024, 4, 12, 15, 30)


def test_revision_kinds_and_changed_fields() -> None:
    first = obs(numerator=40, denominator=50, note="số sơ bộ")
    second = obs(numerator=45, denominator=50, note="số chính thức", source="báo cáo khóm")
    created = Revision("Trưởng khóm 1", T0, None, first)
    changed = Revision("Văn phòng", T1, first, second, reason="sửa theo báo cáo")
    cleared = Revision("Văn phòng", T1, second, None)
    assert [r.kind for r in (created, changed, cleared)] == [
        RevisionKind.CREATED,
        RevisionKind.CHANGED,
        RevisionKind.CLEARED,
    ]
    assert [r.kind.label for r in (created, changed, cleared)] == ["Nhập mới", "Sửa", "Xóa số liệu"]
    assert changed.changed_fields() == ("numerator", "note", "source")
    assert created.changed_fields() == ("numerator", "denominator", "note")
    assert cleared.key == first.key == changed.key
    assert current_observation([created, changed]) == second
    assert current_observation([created, changed, cleared]) is None
    assert current_observation([]) is None


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (None, None, "cần số liệu cũ hoặc số liệu mới"),
        (obs(value=D(1)), obs(value=D(2), unit_code="K2"), "cùng chỉ tiêu, đơn vị, kỳ"),
        (obs(value=D(1)), obs(value=D(2), period="2024-Q2"), "cùng chỉ tiêu, đơn vị, kỳ"),
        (obs(value=D(1)), obs(value=D(2), estimate=True), "thực hiện hay ước"),
    ],
    ids=["nothing", "other unit", "other period", "actual vs estimate"],
)
def test_invalid_revision(old: Observation | None, new: Observation | None, fragment: str) -> None:
    with pytest.raises(ObservationError, match=fragment):
        Revision("x", T0, old, new)


def test_revisions_must_follow_each_other() -> None:
    first, second = obs(value=D(1)), obs(value=D(2))
    with pytest.raises(ObservationError, match="lần sửa thứ 2 không nối tiếp"):
        current_observation([Revision("a", T0, None, first), Revision("b", T1, second, first)])


def test_observations_are_frozen_and_hashable() -> None:
    o = obs(value=D(1))
    with pytest.raises(AttributeError):
        o.value = D(2)  # type: ignore[misc]
    assert len({o, obs(value=D(1)), obs(value=D(2))}) == 2


def test_observations_copy_replace_and_pickle() -> None:
    o = obs(value=D(1), note="sơ bộ")
    changed = replace(o, value=D(2))
    assert changed.value == D(2) and changed.note == "sơ bộ" and changed.period == o.period
    assert pickle.loads(pickle.dumps(o)) == o
    assert pickle.loads(pickle.dumps(o.period)) == o.period
