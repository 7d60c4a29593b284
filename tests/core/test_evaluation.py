"""Comparator semantics of DESIGN §3 (kehoach.core.evaluation.evaluate)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kehoach.core.evaluation import OUTCOME_LABELS, EvaluationError, Grade, Outcome, Rank, evaluate
from kehoach.core.targets import ChangeBasis, Comparator, Direction, Target

D = Decimal
EXCEEDED, MET, NOT_MET = Outcome.EXCEEDED, Outcome.MET, Outcome.NOT_MET
HIGHER, LOWER = Direction.HIGHER, Direction.LOWER


def target(
    comparator: str,
    value: str | None = None,
    value_max: str | None = None,
    *,
    direction: Direction = HIGHER,
    basis: ChangeBasis | None = None,
    grade: str | None = None,
    name: str = "chỉ tiêu",
) -> Target:
    return Target(
        name=name,
        comparator=Comparator(comparator),
        value=None if value is None else D(value),
        value_max=None if value_max is None else D(value_max),
        direction=direction,
        basis=basis,
        grade=grade,
    )


@dataclass(frozen=True)
class Case:
    id: str
    target: Target
    actual: Decimal | Grade | Rank
    expected: Outcome
    baseline: Decimal | None = None


CASES = [
    # >= : "đạt X", "X trở lên"
    Case(">=97,5 at 97,49", target(">=", "97.5"), D("97.49"), NOT_MET),
    Case(">=97,5 at 97,5", target(">=", "97.5"), D("97.5"), MET),
    Case(">=97,5 at 97,50 (other scale)", target(">=", "97.5"), D("97.50"), MET),
    Case(">=97,5 at 97,51", target(">=", "97.5"), D("97.51"), EXCEEDED),
    Case(">=100 at 99,999", target(">=", "100"), D("99.999"), NOT_MET),
    Case(">=-2 at -2", target(">=", "-2"), D("-2"), MET),
    # > : "trên X" — never exceeded
    Case(">50 at 50", target(">", "50"), D("50"), NOT_MET),
    Case(">50 at 50,01", target(">", "50"), D("50.01"), MET),
    Case(">50 at 80", target(">", "50"), D("80"), MET),
    Case(">50 at 49", target(">", "50"), D("49"), NOT_MET),
    # <= : "giảm còn X", "không quá"
    Case("<=0,2 at 0,2", target("<=", "0.2", direction=LOWER), D("0.2"), MET),
    Case("<=0,2 at 0,19", target("<=", "0.2", direction=LOWER), D("0.19"), EXCEEDED),
    Case("<=0,2 at 0,21", target("<=", "0.2", direction=LOWER), D("0.21"), NOT_MET),
    Case("<=0,2 at 0", target("<=", "0.2", direction=LOWER), D("0"), EXCEEDED),
    # < : "dưới X" — never exceeded
    Case("<12 at 12,0", target("<", "12", direction=LOWER), D("12.0"), NOT_MET),
    Case("<12 at 12", target("<", "12", direction=LOWER), D("12"), NOT_MET),
    Case("<12 at 11,99", target("<", "12", direction=LOWER), D("11.99"), MET),
    Case("<12 at 3", target("<", "12", direction=LOWER), D("3"), MET),
    Case("<12 at 12,01", target("<", "12", direction=LOWER), D("12.01"), NOT_MET),
    # = : at t or on the better side, by direction
    Case("=211 higher at 211", target("=", "211"), D("211"), MET),
    Case("=211 higher at 212", target("=", "211"), D("212"), EXCEEDED),
    Case("=211 higher at 210,9", target("=", "211"), D("210.9"), NOT_MET),
    Case("=0,5 lower at 0,5", target("=", "0.5", direction=LOWER), D("0.5"), MET),
    Case("=0,5 lower at 0,4", target("=", "0.5", direction=LOWER), D("0.4"), EXCEEDED),
    Case("=0,5 lower at 0,6", target("=", "0.5", direction=LOWER), D("0.6"), NOT_MET),
    Case("=0 hộ nghèo at 0", target("=", "0", direction=LOWER), D("0"), MET),
    Case("=0 hộ nghèo at 1", target("=", "0", direction=LOWER), D("1"), NOT_MET),
    # rank_top: "top 03 trên 15 xã, phường"
    Case("top 3 at rank 3", target("rank_top", "3", direction=LOWER), Rank(3), MET),
    Case("top 3 at rank 4", target("rank_top", "3", direction=LOWER), Rank(4), NOT_MET),
    Case("top 3 at rank 1", target("rank_top", "3", direction=LOWER), Rank(1), EXCEEDED),
    Case("top 1 at rank 1", target("rank_top", "1", direction=LOWER), Rank(1), MET),
    # range 6,5-7 %: a >= A, beyond B exceeded
    Case("range 6,5-7 at 6,49", target("range", "6.5", "7"), D("6.49"), NOT_MET),
    Case("range 6,5-7 at 6,5", target("range", "6.5", "7"), D("6.5"), MET),
    Case("range 6,5-7 at 6,8", target("range", "6.5", "7"), D("6.8"), MET),
    Case("range 6,5-7 at 7", target("range", "6.5", "7"), D("7"), MET),
    Case("range 6,5-7 at 7,01", target("range", "6.5", "7"), D("7.01"), EXCEEDED),
    # lower-direction range "giảm còn 1-1,5%": a <= B, below A exceeded
    Case("range lower 1-1,5 at 1,51", target("range", "1", "1.5", direction=LOWER), D("1.51"), NOT_MET),
    Case("range lower 1-1,5 at 1,5", target("range", "1", "1.5", direction=LOWER), D("1.5"), MET),
    Case("range lower 1-1,5 at 1", target("range", "1", "1.5", direction=LOWER), D("1"), MET),
    Case("range lower 1-1,5 at 0,99", target("range", "1", "1.5", direction=LOWER), D("0.99"), EXCEEDED),
    # reduce_by in points: "tỷ lệ hộ nghèo giảm 1,2 điểm"
    Case("giảm 1,2 điểm 3,0→1,8", target("reduce_by", "1.2", direction=LOWER), D("1.8"), MET, D("3.0")),
    Case("giảm 1,2 điểm 3,0→1,7", target("reduce_by", "1.2", direction=LOWER), D("1.7"), EXCEEDED, D("3.0")),
    Case("giảm 1,2 điểm 3,0→1,9", target("reduce_by", "1.2", direction=LOWER), D("1.9"), NOT_MET, D("3.0")),
    Case("giảm 1,2 điểm 3,0→3,5", target("reduce_by", "1.2", direction=LOWER), D("3.5"), NOT_MET, D("3.0")),
    Case(
        "giảm 1,2 điểm explicit basis",
        target("reduce_by", "1.2", direction=LOWER, basis=ChangeBasis.POINTS),
        D("1.8"),
        MET,
        D("3"),
    ),
    # reduce_by relative: "số vụ phạm pháp giảm 10%"
    *[
        Case(
            f"giảm 10% 50→{actual}",
            target("reduce_by", "10", direction=LOWER, basis=ChangeBasis.RELATIVE),
            D(actual),
            outcome,
            D("50"),
        )
        for actual, outcome in [("45", MET), ("44", EXCEEDED), ("46", NOT_MET), ("55", NOT_MET)]
    ],
    # a third: 3 → 2 is a fall of 33,33…%, not rounded onto the boundary
    Case(
        "giảm 33,33% 3→2",
        target("reduce_by", "33.33", direction=LOWER, basis=ChangeBasis.RELATIVE),
        D("2"),
        EXCEEDED,
        D("3"),
    ),
    Case(
        "giảm 33,34% 3→2",
        target("reduce_by", "33.34", direction=LOWER, basis=ChangeBasis.RELATIVE),
        D("2"),
        NOT_MET,
        D("3"),
    ),
    # increase_by: "có thêm 02 xã", "tăng thêm 0,06%"
    Case("có thêm 02 xã 7→9", target("increase_by", "2"), D("9"), MET, D("7")),
    Case("có thêm 02 xã 7→10", target("increase_by", "2"), D("10"), EXCEEDED, D("7")),
    Case("có thêm 02 xã 7→8", target("increase_by", "2"), D("8"), NOT_MET, D("7")),
    Case("tăng 0,06 điểm 36,44→36,5", target("increase_by", "0.06"), D("36.5"), MET, D("36.44")),
    Case(
        "tăng 5% 200→210",
        target("increase_by", "5", basis=ChangeBasis.RELATIVE),
        D("210"),
        MET,
        D("200"),
    ),
    Case(
        "tăng 5% 200→209,99",
        target("increase_by", "5", basis=ChangeBasis.RELATIVE),
        D("209.99"),
        NOT_MET,
        D("200"),
    ),
    # qualitative
    Case("Tốt required, Xuất sắc", target("qualitative", grade="Tốt"), Grade("Xuất sắc"), EXCEEDED),
    Case("Tốt required, Tốt", target("qualitative", grade="Tốt"), Grade("Tốt"), MET),
    Case("Tốt required, Khá", target("qualitative", grade="Tốt"), Grade("Khá"), NOT_MET),
    Case("Tốt required, Yếu", target("qualitative", grade="Tốt"), Grade("Yếu"), NOT_MET),
    Case("default Đạt, Đạt", target("qualitative"), Grade("Đạt"), MET),
    Case("default Đạt, Không đạt", target("qualitative"), Grade("Không đạt"), NOT_MET),
    Case("default Đạt, lower-case đạt", target("qualitative"), Grade("đạt"), MET),
    Case("default Đạt, ĐẠT", target("qualitative"), Grade("ĐẠT"), MET),
    Case("default Đạt, không  đạt spaced", target("qualitative"), Grade(" không  đạt "), NOT_MET),
    Case("required đạt lower-case", target("qualitative", grade="đạt"), Grade("Đạt"), MET),
    Case(
        "Hoàn thành tốt required, hoàn thành xuất sắc",
        target("qualitative", grade="Hoàn thành tốt"),
        Grade("hoàn thành xuất sắc"),
        EXCEEDED,
    ),
    Case(
        "Hoàn thành tốt required, Hoàn thành",
        target("qualitative", grade="Hoàn thành tốt"),
        Grade("Hoàn thành"),
        NOT_MET,
    ),
    # across scales: any passing grade reaches a bare pass, a failing grade fails anything
    Case("default Đạt, Tốt", target("qualitative"), Grade("Tốt"), MET),
    Case("default Đạt, Hoàn thành tốt", target("qualitative"), Grade("Hoàn thành tốt"), MET),
    Case("default Đạt, Yếu", target("qualitative"), Grade("Yếu"), NOT_MET),
    Case("Tốt required, Không hoàn thành", target("qualitative", grade="Tốt"), Grade("Không hoàn thành"), NOT_MET),
    Case("Hoàn thành required, Đạt", target("qualitative", grade="Hoàn thành"), Grade("Đạt"), MET),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_evaluate(case: Case) -> None:
    assert evaluate(case.target, case.actual, case.baseline) is case.expected


def test_every_comparator_is_covered() -> None:
    assert {c.target.comparator for c in CASES} == set(Comparator)


def test_grades_in_nfd_are_recognized() -> None:
    nfd = unicodedata.normalize("NFD", "Hoàn thành tốt")
    assert nfd != "Hoàn thành tốt"
    assert evaluate(target("qualitative", grade="Hoàn thành tốt"), Grade(nfd)) is MET
    assert evaluate(target("qualitative", grade=nfd), Grade("Hoàn thành xuất sắc")) is EXCEEDED


def test_labels_are_vietnamese() -> None:
    assert OUTCOME_LABELS == {EXCEEDED: "Vượt", MET: "Đạt", NOT_MET: "Không đạt"}


def test_baseline_is_ignored_where_not_needed() -> None:
    assert evaluate(target(">=", "10"), D("10"), D("999")) is MET


@dataclass(frozen=True)
class ErrorCase:
    id: str
    target: Target
    actual: object
    baseline: Decimal | None = None
    match: str = ""


ERROR_CASES = [
    ErrorCase("grade for >=", target(">=", "97.5"), Grade("Tốt"), match="giá trị số"),
    ErrorCase("rank for <=", target("<=", "0.2", direction=LOWER), Rank(1), match="giá trị số"),
    ErrorCase("int for >=", target(">=", "5"), 5, match="giá trị số"),
    ErrorCase("float for >=", target(">=", "5"), 5.0, match="giá trị số"),
    ErrorCase("Decimal for rank_top", target("rank_top", "3"), D("3"), match="thứ hạng"),
    ErrorCase("rank 0", target("rank_top", "3"), Rank(0), match="thứ hạng"),
    ErrorCase("rank -1", target("rank_top", "3"), Rank(-1), match="thứ hạng"),
    ErrorCase("Decimal for qualitative", target("qualitative"), D("1"), match="mức đánh giá"),
    ErrorCase("Rank for qualitative", target("qualitative"), Rank(1), match="mức đánh giá"),
    ErrorCase("unknown grade", target("qualitative", grade="Tốt"), Grade("Rất tốt"), match="không nhận ra"),
    ErrorCase("unknown required grade", target("qualitative", grade="Siêu"), Grade("Tốt"), match="không nhận ra"),
    ErrorCase("NaN actual", target(">=", "5"), D("NaN"), match="hữu hạn"),
    ErrorCase("Infinity actual", target("<", "5"), D("-Infinity"), match="hữu hạn"),
    ErrorCase("reduce_by without baseline", target("reduce_by", "1.2", direction=LOWER), D("1.8"), match="năm gốc"),
    ErrorCase("increase_by without baseline", target("increase_by", "2"), D("9"), match="năm gốc"),
    ErrorCase(
        "relative reduce_by baseline 0",
        target("reduce_by", "10", direction=LOWER, basis=ChangeBasis.RELATIVE),
        D("0"),
        D("0"),
        match="bằng 0",
    ),
    ErrorCase("NaN baseline", target("increase_by", "2"), D("9"), D("NaN"), match="năm gốc"),
    # a required level above a bare pass on another scale cannot be compared
    ErrorCase(
        "Xuất sắc required, Hoàn thành",
        target("qualitative", grade="Xuất sắc"),
        Grade("Hoàn thành"),
        match="khác nhau",
    ),
    ErrorCase("Tốt required, Đạt", target("qualitative", grade="Tốt"), Grade("Đạt"), match="khác nhau"),
]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c.id for c in ERROR_CASES])
def test_evaluate_rejects(case: ErrorCase) -> None:
    with pytest.raises(EvaluationError, match=case.match):
        evaluate(case.target, case.actual, case.baseline)  # type: ignore[arg-type]


# ---------------------------------------------------------------- properties

values = st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False)
RANK = {NOT_MET: 0, MET: 1, EXCEEDED: 2}


@given(t=values, a=values, b=values)
def test_at_least_is_monotone_in_the_actual(t: Decimal, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    tgt = target(">=", str(t))
    assert RANK[evaluate(tgt, low)] <= RANK[evaluate(tgt, high)]


@given(t=values, a=values, b=values)
def test_at_most_is_monotone_in_the_actual(t: Decimal, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    tgt = target("<=", str(t), direction=LOWER)
    assert RANK[evaluate(tgt, low)] >= RANK[evaluate(tgt, high)]


@given(t=values, a=values)
def test_at_least_and_at_most_agree_with_the_comparison(t: Decimal, a: Decimal) -> None:
    assert (evaluate(target(">=", str(t)), a) is not NOT_MET) is (a >= t)
    assert (evaluate(target("<=", str(t), direction=LOWER), a) is not NOT_MET) is (a <= t)
    assert (evaluate(target(">=", str(t)), a) is EXCEEDED) is (a > t)


@given(t=values, a=values, comparator=st.sampled_from([">", "<"]))
def test_strict_comparators_are_never_exceeded(t: Decimal, a: Decimal, comparator: str) -> None:
    outcome = evaluate(target(comparator, str(t)), a)
    assert outcome is not EXCEEDED
    assert (outcome is MET) is (a > t if comparator == ">" else a < t)


@given(low=values, high=values, a=values, direction=st.sampled_from(list(Direction)))
def test_range_inside_is_met_or_exceeded(low: Decimal, high: Decimal, a: Decimal, direction: Direction) -> None:
    low, high = sorted((low, high))
    assume(low <= a <= high)
    outcome = evaluate(target("range", str(low), str(high), direction=direction), a)
    assert outcome in (MET, EXCEEDED)


@given(low=values, high=values, a=values)
def test_range_higher_is_met_exactly_from_the_low_end(low: Decimal, high: Decimal, a: Decimal) -> None:
    low, high = sorted((low, high))
    outcome = evaluate(target("range", str(low), str(high)), a)
    assert (outcome is NOT_MET) is (a < low)
    assert (outcome is EXCEEDED) is (a > high)


@given(baseline=values, change=values, a=values)
def test_reduce_by_points_matches_the_fall(baseline: Decimal, change: Decimal, a: Decimal) -> None:
    outcome = evaluate(target("reduce_by", str(change), direction=LOWER), a, baseline)
    fall = baseline - a
    expected = EXCEEDED if fall > change else MET if fall == change else NOT_MET
    assert outcome is expected
