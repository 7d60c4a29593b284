"""Roll-up over units (sum, ratio, units meeting, unit only) and over time (cumulative, latest)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.core.observations import Observation, ObservationError
from kehoach.core.periods import CutoffRule, Period, PeriodKind, parse_period, year_periods
from kehoach.core.rollup import Coverage, RollupResult, default_member_target, reference_date, rollup
from kehoach.core.series import ObservationIndex
from kehoach.core.targets import Comparator, Direction, OverTime, OverUnits, Target, TargetRef
from kehoach.core.unitlevels import UnitError, UnitLevel
from kehoach.core.units import OrgUnit, UnitTree

D = Decimal
P = parse_period
KHOMS = ("K1", "K2", "K3", "K4", "K5")


def make_tree(wards: dict[str, Sequence[str]] | None = None) -> UnitTree:
    """Province 96 → wards → khóm; by default Phường 1 (P1) with its 5 khóm and P2 with K6, K7."""
    wards = wards if wards is not None else {"P1": KHOMS, "P2": ("K6", "K7")}
    units = [OrgUnit("96", "Tỉnh", UnitLevel.TINH)]
    for ward, khoms in wards.items():
        units.append(OrgUnit(ward, f"Phường {ward}", UnitLevel.XA, "96"))
        units.extend(OrgUnit(k, f"Khóm {k}", UnitLevel.KHOM, ward) for k in khoms)
    return UnitTree(units)


TREE = make_tree()


def ref(
    over_units: OverUnits,
    over_time: OverTime = OverTime.CUMULATIVE,
    comparator: Comparator = Comparator.AT_LEAST,
    value: str | None = "10",
    unit: str | None = None,
    **kw: object,
) -> TargetRef:
    target = Target(
        name="chỉ tiêu",
        comparator=comparator,
        value=None if value is None else D(value),
        unit=unit,
        over_units=over_units,
        over_time=over_time,
        **kw,  # type: ignore[arg-type]
    )
    return TargetRef("1.1", target)


SUM_CUM = ref(OverUnits.SUM)
SUM_LATEST = ref(OverUnits.SUM, OverTime.LATEST)
RATIO = ref(OverUnits.RATIO, OverTime.LATEST, Comparator.AT_MOST, "5", "%", direction=Direction.LOWER)
RATIO_CUM = ref(OverUnits.RATIO, OverTime.CUMULATIVE, Comparator.AT_LEAST, "90", "%")
PER_HEAD = ref(OverUnits.RATIO, OverTime.LATEST, Comparator.AT_LEAST, "70", "triệu đồng/người/năm")
MEETING = ref(OverUnits.UNITS_MEETING, OverTime.LATEST, Comparator.AT_LEAST, "5", "khóm", total=D(5))
ONLY = ref(OverUnits.UNIT_ONLY, OverTime.LATEST, Comparator.EQUAL, "211", "tỷ đồng")
GRADED = ref(OverUnits.SUM, OverTime.CUMULATIVE, Comparator.QUALITATIVE, None, grade="Tốt")


def o(unit: str, period: str, value: str | None = None, **kw: object) -> Observation:
    return Observation("1.1", unit, period, None if value is None else D(value), **kw)  # type: ignore[arg-type]


def ratio_obs(unit: str, period: str, num: int, den: int, **kw: object) -> Observation:
    return Observation("1.1", unit, period, numerator=num, denominator=den, **kw)  # type: ignore[arg-type]


@dataclass
class Case:
    id: str
    target: TargetRef
    observations: list[Observation]
    period: str
    value: Decimal | None
    coverage: tuple[int, int]
    unit: str = "P1"
    units: tuple[str, ...] | None = None
    periods: tuple[str, ...] | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    problems: list[str] = field(default_factory=list)


CASES = [
    # sum over units
    Case(
        "sum of khóm",
        SUM_CUM,
        [o("K1", "2024-01", "10"), o("K2", "2024-01", "20")],
        "2024-01",
        D(30),
        (2, 5),
        units=("K1", "K2"),
    ),
    Case("sum: nothing recorded is no data, not zero", SUM_CUM, [], "2024-01", None, (0, 5), units=()),
    Case("sum: zero is a figure", SUM_CUM, [o("K1", "2024-01", "0")], "2024-01", D(0), (1, 5)),
    Case(
        "sum: ward's own figure wins over its khóm",
        SUM_CUM,
        [o("P1", "2024-01", "100"), o("K1", "2024-01", "10"), o("K2", "2024-01", "20")],
        "2024-01",
        D(100),
        (5, 5),
        units=("P1",),
    ),
    Case(
        "sum at province: own ward figure and khóm of another ward",
        SUM_CUM,
        [o("P1", "2024-01", "100"), o("K1", "2024-01", "10"), o("K6", "2024-01", "7")],
        "2024-01",
        D(107),
        (6, 7),
        unit="96",
        units=("P1", "K6"),
    ),
    Case(
        "sum of a khóm itself",
        SUM_CUM,
        [o("K1", "2024-01", "10"), o("K2", "2024-01", "20")],
        "2024-01",
        D(10),
        (1, 1),
        unit="K1",
    ),
    Case(
        "sum skips a khóm with only a grade",
        SUM_CUM,
        [o("K1", "2024-01", "10"), o("K2", "2024-01", grade="Tốt")],
        "2024-01",
        D(10),
        (1, 5),
        problems=["đơn vị K2: không có giá trị số nên không cộng được"],
    ),
    # ratio over units: Σ numerators / Σ denominators, never a mean of percentages
    Case(
        "ratio, not the mean of 90% and 3,33%",
        RATIO,
        [ratio_obs("K1", "2024-06", 45, 50), ratio_obs("K2", "2024-06", 5, 150)],
        "2024-H1",
        D(25),
        (2, 5),
        numerator=D(50),
        denominator=D(200),
    ),
    Case(
        "ratio at province over wards and khóm",
        RATIO,
        [ratio_obs("P1", "2024-06", 10, 100), ratio_obs("K1", "2024-06", 99, 100), ratio_obs("K6", "2024-06", 30, 100)],
        "2024-H1",
        D(20),
        (6, 7),
        unit="96",
        numerator=D(40),
        denominator=D(200),
    ),
    Case(
        "ratio: a khóm with only a percentage is left out",
        RATIO,
        [ratio_obs("K1", "2024-06", 45, 50), o("K2", "2024-06", "10")],
        "2024-H1",
        D(90),
        (1, 5),
        problems=["đơn vị K2: chỉ có tỷ lệ, thiếu tử số và mẫu số nên không cộng được"],
    ),
    Case(
        "ratio: a ward with only a percentage falls back to its khóm",
        RATIO,
        [o("P1", "2024-06", "3"), ratio_obs("K1", "2024-06", 1, 4), ratio_obs("K6", "2024-06", 1, 4)],
        "2024-H1",
        D(25),
        (2, 7),
        unit="96",
        problems=["đơn vị P1: chỉ có tỷ lệ"],
    ),
    Case(
        "ratio: the unit's own percentage wins for itself",
        RATIO,
        [o("P1", "2024-06", "3"), ratio_obs("K1", "2024-06", 1, 4)],
        "2024-H1",
        D(3),
        (5, 5),
    ),
    Case(
        "ratio: 0/0 khóm add nothing and no value",
        RATIO,
        [ratio_obs("K1", "2024-06", 0, 0), ratio_obs("K2", "2024-06", 0, 0)],
        "2024-H1",
        None,
        (2, 5),
        numerator=D(0),
        denominator=D(0),
    ),
    Case(
        "ratio of a plain unit: income / people",
        PER_HEAD,
        [ratio_obs("K1", "2024", 1400, 20), ratio_obs("K2", "2024", 600, 20)],
        "2024",
        D(50),
        (2, 5),
    ),
    Case(
        "ratio cumulative over time: numerators and denominators summed",
        RATIO_CUM,
        [ratio_obs("K1", "2024-01", 9, 10), ratio_obs("K1", "2024-02", 1, 10), ratio_obs("K2", "2024-02", 10, 20)],
        "2024-Q1",
        D(50),
        (2, 5),
        numerator=D(20),
        denominator=D(40),
    ),
    Case(
        "ratio cumulative: a month without numerator cannot be added",
        RATIO_CUM,
        [ratio_obs("K1", "2024-01", 9, 10), o("K1", "2024-02", "10")],
        "2024-Q1",
        None,
        (0, 5),
        problems=["đơn vị K1: không cộng dồn được tỷ lệ"],
    ),
    # units meeting their own target: "5/5 khóm"
    Case(
        "5/5 khóm đạt",
        MEETING,
        [o(k, "2024-06", grade="Đạt") for k in KHOMS],
        "2024-H1",
        D(5),
        (5, 5),
    ),
    Case(
        "4/5 khóm đạt, one not",
        MEETING,
        [o(k, "2024-06", grade="Đạt") for k in KHOMS[:4]] + [o("K5", "2024-06", grade="Không đạt")],
        "2024-H1",
        D(4),
        (5, 5),
    ),
    Case(
        "3 khóm đạt, one missing, grades of another scale",
        MEETING,
        [
            o("K1", "2024-06", grade="Tốt"),
            o("K2", "2024-03", grade="hoàn thành tốt"),
            o("K3", "2024-06", grade="Đạt"),
            o("K4", "2024-06", grade="Không đạt"),
        ],
        "2024-H1",
        D(3),
        (4, 5),
    ),
    Case(
        "latest grade of each khóm counts",
        MEETING,
        [o("K1", "2024-03", grade="Không đạt"), o("K1", "2024-06", grade="Đạt")],
        "2024-H1",
        D(1),
        (1, 5),
    ),
    Case("units meeting: none reported is no data", MEETING, [], "2024-H1", None, (0, 5)),
    Case(
        "units meeting: the ward's own count wins",
        MEETING,
        [o("P1", "2024-06", "5"), o("K1", "2024-06", grade="Không đạt")],
        "2024-H1",
        D(5),
        (5, 5),
        units=("P1",),
    ),
    Case(
        "units meeting: a number cannot be judged against a grade",
        MEETING,
        [o("K1", "2024-06", "1"), o("K2", "2024-06", grade="Đạt")],
        "2024-H1",
        D(1),
        (1, 5),
        problems=["đơn vị K1: chỉ tiêu định tính"],
    ),
    # unit only
    Case("unit only: the ward's figure", ONLY, [o("P1", "2024", "211"), o("K1", "2024", "5")], "2024", D(211), (1, 1)),
    Case("unit only: khóm are never added", ONLY, [o("K1", "2024", "5")], "2024", None, (0, 1)),
    Case(
        "a grade target is unit only whatever its rule",
        GRADED,
        [o("P1", "2024-03", grade="Khá"), o("P1", "2024-06", grade="Tốt"), o("K1", "2024-06", grade="Yếu")],
        "2024-H1",
        None,
        (1, 1),
        periods=("2024-06",),
    ),
    # over time
    Case(
        "cumulative sums the months",
        SUM_CUM,
        [o("K1", f"2024-{m:02d}", str(m)) for m in range(1, 13)],
        "2024-H1",
        D(21),
        (1, 5),
        periods=tuple(f"2024-{m:02d}" for m in range(1, 7)),
    ),
    Case(
        "cumulative of Q2 sums April to June",
        SUM_CUM,
        [o("K1", f"2024-{m:02d}", str(m)) for m in range(1, 13)],
        "2024-Q2",
        D(15),
        (1, 5),
    ),
    Case(
        "cumulative: missing months are missing, not zero",
        SUM_CUM,
        [o("K1", "2024-01", "1"), o("K1", "2024-03", "3")],
        "2024-Q1",
        D(4),
        (1, 5),
        periods=("2024-01", "2024-03"),
    ),
    Case(
        "cumulative: the period's own figure wins over its months",
        SUM_CUM,
        [o("K1", "2024-H1", "50")] + [o("K1", f"2024-{m:02d}", "1") for m in range(1, 7)],
        "2024-H1",
        D(50),
        (1, 5),
        periods=("2024-H1",),
    ),
    Case(
        "cumulative: a quarter and the months after it",
        SUM_CUM,
        [o("K1", "2024-Q1", "30"), o("K1", "2024-04", "4"), o("K1", "2024-05", "5")],
        "2024-H1",
        D(39),
        (1, 5),
        periods=("2024-Q1", "2024-04", "2024-05"),
    ),
    Case(
        "cumulative: the cover with most months beats a lone month",
        SUM_CUM,
        [o("K1", "2024-01", "1"), o("K1", "2024-Q1", "30")],
        "2024-H1",
        D(30),
        (1, 5),
        periods=("2024-Q1",),
    ),
    Case(
        "cumulative: months before quarters when both cover",
        SUM_CUM,
        [o("K1", "2024-Q1", "30")] + [o("K1", f"2024-{m:02d}", "11") for m in (1, 2, 3)],
        "2024-H1",
        D(33),
        (1, 5),
        periods=("2024-01", "2024-02", "2024-03"),
    ),
    Case(
        "cumulative: quarters before the half-year they make up",
        SUM_CUM,
        [o("K1", "2024-H1", "100"), o("K1", "2024-Q1", "30"), o("K1", "2024-Q2", "40")],
        "2024",
        D(70),
        (1, 5),
        periods=("2024-Q1", "2024-Q2"),
    ),
    Case(
        "cumulative: H1 and Q3 make 9M",
        SUM_CUM,
        [o("K1", "2024-H1", "60"), o("K1", "2024-Q3", "25"), o("K1", "2024-Q2", "1000")],
        "2024-9M",
        D(85),
        (1, 5),
        periods=("2024-H1", "2024-Q3"),
    ),
    Case(
        "cumulative: a period outside is never used",
        SUM_CUM,
        [o("K1", "2024-07", "7"), o("K1", "2023-01", "1"), o("K1", "2024-H2", "9")],
        "2024-H1",
        None,
        (0, 5),
    ),
    Case(
        "latest takes the last month",
        SUM_LATEST,
        [o("K1", "2024-04", "4"), o("K1", "2024-05", "5"), o("K1", "2024-07", "7")],
        "2024-H1",
        D(5),
        (1, 5),
        periods=("2024-05",),
    ),
    Case(
        "latest: each khóm its own latest",
        SUM_LATEST,
        [o("K1", "2024-04", "4"), o("K1", "2024-06", "6"), o("K2", "2024-02", "20")],
        "2024-H1",
        D(26),
        (2, 5),
        periods=("2024-02", "2024-06"),
    ),
    Case(
        "latest: of March and Q1 the quarter",
        SUM_LATEST,
        [o("K1", "2024-03", "3"), o("K1", "2024-Q1", "30"), o("K1", "2024-02", "2")],
        "2024-H1",
        D(30),
        (1, 5),
        periods=("2024-Q1",),
    ),
    Case(
        "latest: the period's own figure",
        SUM_LATEST,
        [o("K1", "2024-06", "6"), o("K1", "2024-H1", "60")],
        "2024-H1",
        D(60),
        (1, 5),
    ),
    Case(
        "estimates are kept apart from actuals",
        SUM_CUM,
        [o("K1", "2024-01", "10"), o("K2", "2024", "500", estimate=True)],
        "2024",
        D(10),
        (1, 5),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rollup(case: Case) -> None:
    result = rollup(case.target, case.unit, P(case.period), ObservationIndex(case.observations), TREE)
    if case.target.target.comparator is Comparator.QUALITATIVE:
        assert result.grade == "Tốt"
    assert result.value == case.value
    assert result.coverage == Coverage(*case.coverage)
    assert result.period == P(case.period)
    assert result.unit_code == case.unit
    assert result.target_key == "1.1"
    assert result.estimate is False
    if case.units is not None:
        assert result.units == case.units
    if case.periods is not None:
        assert result.periods == tuple(P(p) for p in case.periods)
    if case.numerator is not None:
        assert (result.numerator, result.denominator) == (case.numerator, case.denominator)
    assert len(result.problems) == len(case.problems), result.problems
    for problem, fragment in zip(result.problems, case.problems, strict=True):
        assert fragment in problem


def test_estimate_rollup_uses_only_estimates() -> None:
    index = ObservationIndex(
        [
            o("K1", "2024", "100", estimate=True),
            o("K2", "2024", "50", estimate=True),
            o("K1", "2024-01", "10"),
        ]
    )
    estimate = rollup(SUM_CUM, "P1", P("2024"), index, TREE, estimate=True)
    assert estimate.value == D(150)
    assert estimate.estimate is True
    assert estimate.coverage == Coverage(2, 5)
    assert rollup(SUM_CUM, "P1", P("2024"), index, TREE).value == D(10)


def test_units_meeting_with_a_numeric_member_target() -> None:
    member = Target("thu quỹ", Comparator.AT_LEAST, D("50"), unit="triệu đồng", over_time=OverTime.CUMULATIVE)
    index = ObservationIndex(
        [o("K1", "2024-01", "30"), o("K1", "2024-02", "30"), o("K2", "2024-01", "49"), o("K3", "2024-02", "50")]
    )
    result = rollup(MEETING, "P1", P("2024-Q1"), index, TREE, member_target=member)
    assert result.value == D(2)  # K1 60 and K3 50 meet; K2 49 does not
    assert result.coverage == Coverage(3, 5)


def test_default_member_target_needs_dat() -> None:
    member = default_member_target(MEETING.target)
    assert member.comparator is Comparator.QUALITATIVE
    assert member.grade == "Đạt"
    assert default_member_target(ref(OverUnits.UNITS_MEETING, grade="Tốt").target).grade == "Tốt"


def test_exact_decimals_are_kept() -> None:
    index = ObservationIndex([o("K1", "2024-01", "0.1"), o("K2", "2024-01", "0.2")])
    assert rollup(SUM_CUM, "P1", P("2024-01"), index, TREE).value == D("0.3")
    index = ObservationIndex([ratio_obs("K1", "2024-01", 1, 3)])
    value = rollup(RATIO, "P1", P("2024-01"), index, TREE).value
    assert value is not None and D("33.3333333333333") < value < D("33.3333333333334")


def test_unknown_unit_is_an_error() -> None:
    with pytest.raises(UnitError, match="ZZ"):
        rollup(SUM_CUM, "ZZ", P("2024-01"), ObservationIndex(), TREE)


def test_unit_only_needs_no_tree_entry() -> None:
    index = ObservationIndex([o("X9", "2024", "211")])
    assert rollup(ONLY, "X9", P("2024"), index, TREE).value == D(211)


# Unit history ---------------------------------------------------------------------------


def merged_tree() -> UnitTree:
    """P2 merges into P1 on 15/6/2024 (a date inside NĐ 09's July 2024); K6 moves to P1."""
    merger, before = date(2024, 6, 15), date(2024, 6, 14)
    return UnitTree(
        [
            OrgUnit("96", "Tỉnh", UnitLevel.TINH),
            OrgUnit("P1", "Phường 1", UnitLevel.XA, "96"),
            OrgUnit("P2", "Phường 2", UnitLevel.XA, "96", valid_to=before),
            OrgUnit("K1", "Khóm 1", UnitLevel.KHOM, "P1"),
            OrgUnit("K6", "Khóm 6", UnitLevel.KHOM, "P2", valid_to=before),
            OrgUnit("K6", "Khóm 6", UnitLevel.KHOM, "P1", valid_from=merger),
        ]
    )


def test_rollup_reads_the_tree_at_the_end_of_the_period() -> None:
    tree = merged_tree()
    index = ObservationIndex(
        [o("K1", "2024-06", "1"), o("K6", "2024-06", "6"), o("K1", "2024-07", "1"), o("K6", "2024-07", "7")]
    )
    assert rollup(SUM_CUM, "P1", P("2024-06"), index, tree).value == D(1)
    assert rollup(SUM_CUM, "P2", P("2024-06"), index, tree).value == D(6)
    assert rollup(SUM_CUM, "P1", P("2024-07"), index, tree).value == D(8)
    assert rollup(SUM_CUM, "P1", P("2024-07"), index, tree).coverage == Coverage(2, 2)


def test_a_closed_unit_is_read_on_its_last_day() -> None:
    tree = merged_tree()
    index = ObservationIndex([o("K6", "2024-06", "6"), o("K6", "2024-01", "1")])
    assert reference_date(tree, "P2", P("2024"), CutoffRule.ND09) == date(2024, 6, 14)
    assert reference_date(tree, "P1", P("2024"), CutoffRule.ND09) == date(2024, 12, 14)
    assert reference_date(tree, "P1", P("2024"), CutoffRule.CALENDAR) == date(2024, 12, 31)
    assert rollup(SUM_CUM, "P2", P("2024"), index, tree).value == D(7)
    # an explicit day wins
    with pytest.raises(UnitError):
        rollup(SUM_CUM, "P2", P("2024"), index, tree, on=date(2024, 12, 14))


# Index ----------------------------------------------------------------------------------


def test_index_lookups() -> None:
    observations = [
        o("K1", "2024-01", "1"),
        o("K1", "2024-Q1", "3"),
        o("K1", "2024", "9", estimate=True),
        o("K2", "2024-02"),
    ]
    index = ObservationIndex(observations)
    assert len(index) == 3  # the empty one is left out
    assert set(index) == set(observations[:3])
    assert index.get("1.1", "K1", P("2024-01")) == observations[0]
    assert index.get("1.1", "K1", P("2024-Q1")) == observations[1]
    assert index.get("1.1", "K1", P("2024")) is None
    assert index.get("1.1", "K1", P("2024"), estimate=True) == observations[2]
    assert index.get("1.1", "K2", P("2024-02")) is None
    assert index.get("9.9", "K1", P("2024-01")) is None
    assert set(index.units("1.1", 2024)) == {"K1"}
    assert dict(index.units("1.1", 2023)) == {}


@pytest.mark.parametrize(
    ("first", "second", "fragment"),
    [
        (o("K1", "2024-01", "1"), o("K1", "2024-1", "2"), "có hai số liệu cho chỉ tiêu 1.1, đơn vị K1, kỳ 2024-01"),
        (o("K1", "2024-Q1", "1"), o("K1", "2024-3M", "2"), "kỳ 2024-Q1"),
        (o("K1", "2024", "1", estimate=True), o("K1", "2024", "2", estimate=True), "có hai số ước"),
    ],
    ids=["month", "quarter", "estimate"],
)
def test_index_refuses_duplicates(first: Observation, second: Observation, fragment: str) -> None:
    with pytest.raises(ObservationError, match=fragment):
        ObservationIndex([first, second])


def test_result_accessors() -> None:
    result = rollup(RATIO, "P1", P("2024-01"), ObservationIndex([ratio_obs("K1", "2024-01", 1, 4)]), TREE)
    assert isinstance(result, RollupResult)
    assert result.has_data
    assert (result.value, result.numerator, result.denominator, result.grade, result.rank) == (
        D(25),
        D(1),
        D(4),
        None,
        None,
    )
    assert result.coverage.text == "1/5"
    assert result.coverage.missing == 4
    assert not result.coverage.complete
    assert Coverage(5, 5).complete


# Properties -----------------------------------------------------------------------------

positive = st.integers(min_value=1, max_value=10_000)


@st.composite
def ratio_khoms(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[int]]:
    dens = draw(st.lists(positive, min_size=1, max_size=12))
    nums = [draw(st.integers(min_value=0, max_value=den)) for den in dens]
    wards = [draw(st.integers(min_value=0, max_value=3)) for _ in dens]
    return list(zip(nums, dens, strict=True)), wards


def split_tree(wards: list[int]) -> UnitTree:
    groups: dict[str, list[str]] = {}
    for i, ward in enumerate(wards):
        groups.setdefault(f"P{ward}", []).append(f"K{i}")
    return make_tree(groups)


@given(ratio_khoms())
def test_ratio_is_sum_of_numerators_over_sum_of_denominators_for_any_split(
    data: tuple[list[tuple[int, int]], list[int]],
) -> None:
    pairs, wards = data
    index = ObservationIndex(ratio_obs(f"K{i}", "2024-06", num, den) for i, (num, den) in enumerate(pairs))
    total_num = sum(num for num, _ in pairs)
    total_den = sum(den for _, den in pairs)
    split = rollup(RATIO, "96", P("2024-H1"), index, split_tree(wards))
    together = rollup(RATIO, "96", P("2024-H1"), index, split_tree([0] * len(pairs)))
    expected = D(total_num * 100) / D(total_den)
    assert split.value == together.value
    assert split.value is not None and abs(split.value - expected) < D("1e-25")
    assert (split.numerator, split.denominator) == (total_num, total_den)
    assert split.coverage == Coverage(len(pairs), len(pairs))


@given(st.lists(st.integers(min_value=-1000, max_value=1000), min_size=1, max_size=12), st.data())
def test_sum_is_additive_over_any_partition(values: list[int], data: st.DataObject) -> None:
    wards = data.draw(st.lists(st.integers(0, 3), min_size=len(values), max_size=len(values)))
    tree = split_tree(wards)
    reported = data.draw(st.lists(st.booleans(), min_size=len(values), max_size=len(values)))
    index = ObservationIndex(
        o(f"K{i}", "2024-05", str(D(v) + D("0.5"))) for i, (v, r) in enumerate(zip(values, reported, strict=True)) if r
    )
    province = rollup(SUM_CUM, "96", P("2024-05"), index, tree)
    ward_results = [rollup(SUM_CUM, f"P{w}", P("2024-05"), index, tree) for w in sorted(set(wards))]
    expected = [D(v) + D("0.5") for v, r in zip(values, reported, strict=True) if r]
    if not expected:
        assert province.value is None
        assert all(w.value is None for w in ward_results)
    else:
        assert province.value == sum(expected)
        assert province.value == sum(w.value for w in ward_results if w.value is not None)
    assert province.coverage.reported == sum(w.coverage.reported for w in ward_results) == len(expected)


months_values = st.dictionaries(st.integers(1, 12), st.integers(0, 10**9), max_size=12)
standard_periods = st.sampled_from(year_periods(2024))


@given(months_values, standard_periods)
def test_cumulative_over_a_period_is_the_sum_of_its_months(values: dict[int, int], period: Period) -> None:
    index = ObservationIndex(o("K1", f"2024-{m:02d}", str(v)) for m, v in values.items())
    result = rollup(SUM_CUM, "K1", period, index, TREE)
    inside = [v for m, v in values.items() if m in period.months]
    assert result.value == (D(sum(inside)) if inside else None)
    assert result.periods == tuple(sorted(Period.of_month(2024, m) for m in values if m in period.months))


@settings(max_examples=60)
@given(st.lists(st.integers(0, 100), min_size=12, max_size=12), standard_periods, st.data())
def test_cumulative_is_the_same_whichever_periods_were_recorded(
    months: list[int], period: Period, data: st.DataObject
) -> None:
    """Recording quarters or halves instead of some months (consistently) changes nothing."""
    coarse = data.draw(st.sets(st.sampled_from([p for p in year_periods(2024) if p.kind is not PeriodKind.MONTH])))
    chosen: list[Period] = []
    for p in sorted(coarse, key=lambda p: -p.month_count):
        if not any(set(p.months) & set(q.months) for q in chosen):
            chosen.append(p)
    covered = {m for p in chosen for m in p.months}
    observations = [o("K1", p.code, str(sum(months[m - 1] for m in p.months))) for p in chosen]
    observations += [o("K1", f"2024-{m:02d}", str(months[m - 1])) for m in range(1, 13) if m not in covered]
    result = rollup(SUM_CUM, "K1", period, ObservationIndex(observations), TREE)
    straddling = any(not period.contains(p) and set(p.months) & set(period.months) for p in chosen)
    if not straddling:  # a coarse period across the edge cannot be split: those months are missing
        assert result.value == sum(months[m - 1] for m in period.months)
