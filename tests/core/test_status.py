"""Status, projection to year end, TH/KH %, and evaluate_target (core.status, core.tracking)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.core.evaluation import Outcome, evaluate
from kehoach.core.observations import Figure, Observation
from kehoach.core.periods import Period, parse_period
from kehoach.core.rollup import Coverage
from kehoach.core.series import ObservationIndex
from kehoach.core.status import (
    STATUS_LABELS,
    Assessment,
    Projection,
    ProjectionMethod,
    Status,
    achievement_pct,
    achievement_text,
    evaluate_status,
    project_year_end,
    round_half_up,
)
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits, Target, TargetRef
from kehoach.core.tracking import evaluate_target
from kehoach.core.unitlevels import UnitLevel
from kehoach.core.units import OrgUnit, UnitTree

D = Decimal
P = parse_period
HIGHER, LOWER = Direction.HIGHER, Direction.LOWER
CUM, LATEST = OverTime.CUMULATIVE, OverTime.LATEST


def target(
    comparator: str,
    value: str | None = None,
    value_max: str | None = None,
    *,
    direction: Direction = HIGHER,
    over_time: OverTime = CUM,
    over_units: OverUnits = OverUnits.SUM,
    unit: str | None = None,
    basis: ChangeBasis | None = None,
    grade: str | None = None,
    total: str | None = None,
) -> Target:
    return Target(
        name="chỉ tiêu",
        comparator=Comparator(comparator),
        value=None if value is None else D(value),
        value_max=None if value_max is None else D(value_max),
        direction=direction,
        over_time=over_time,
        over_units=over_units,
        unit=unit,
        basis=basis,
        grade=grade,
        total=None if total is None else D(total),
    )


JOBS = target(">=", "275", unit="lao động")
BUDGET = target("=", "211", over_time=LATEST, over_units=OverUnits.UNIT_ONLY, unit="tỷ đồng")
POOR = target("<=", "2", direction=LOWER, over_time=LATEST, over_units=OverUnits.RATIO, unit="%")
UNEMPLOYED = target("<", "4", direction=LOWER, over_time=LATEST, unit="%")
ABOVE = target(">", "50", over_time=LATEST, unit="%")
GROWTH = target("range", "6.5", "7", over_time=LATEST, unit="%")
LOWER_RANGE = target("range", "1", "1.5", direction=LOWER, over_time=LATEST, unit="%")
REDUCE = target("reduce_by", "1.2", direction=LOWER, over_time=LATEST, unit="%")
INCREASE = target("increase_by", "2", over_time=LATEST, unit="xã")
INCREASE_REL = target("increase_by", "20", basis=ChangeBasis.RELATIVE, over_time=LATEST, unit="%")
RANK = target("rank_top", "3", direction=LOWER, over_time=LATEST, total="15")
GRADE = target("qualitative", grade="Tốt", over_time=LATEST)
NO_POOR = target("=", "0", direction=LOWER, over_time=LATEST, unit="hộ")


def test_status_labels() -> None:
    assert [s.label for s in Status] == [
        "Vượt",
        "Đạt",
        "Không đạt",
        "Chưa có số liệu",
        "Đúng tiến độ",
        "Có nguy cơ không đạt",
        "Không giao chỉ tiêu riêng",
    ]
    assert STATUS_LABELS[Status.AT_RISK] == "Có nguy cơ không đạt"
    assert Status.MET.is_final and Status.NO_DATA.is_final and not Status.ON_TRACK.is_final
    assert Status.NOT_ASSIGNED.value == "not_assigned" and not Status.NOT_ASSIGNED.is_verdict
    assert all(s.is_verdict for s in Status if s is not Status.NOT_ASSIGNED)
    assert Assessment(Status.MET).label == "Đạt"


# Projection -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectionCase:
    id: str
    target: Target
    actual: Figure | Decimal | None
    period: str
    expected: Figure | None
    method: ProjectionMethod | None
    estimate: Figure | Decimal | None = None


PROJECTIONS = [
    ProjectionCase("Q1 cumulative 30 → 120", JOBS, D(30), "2024-Q1", Figure(D(120)), ProjectionMethod.EXTRAPOLATED),
    ProjectionCase("5 months 50 → 120", JOBS, D(50), "2024-05", Figure(D(120)), ProjectionMethod.EXTRAPOLATED),
    ProjectionCase("H1 137,5 → 275", JOBS, D("137.5"), "2024-H1", Figure(D(275)), ProjectionMethod.EXTRAPOLATED),
    ProjectionCase(
        "9M 7 → 28/3",
        JOBS,
        D(7),
        "2024-9M",
        Figure(D("9.333333333333333333333333333333333")),
        ProjectionMethod.EXTRAPOLATED,
    ),
    ProjectionCase("rate carried", POOR, D("1.8"), "2024-Q1", Figure(D("1.8")), ProjectionMethod.CARRIED),
    ProjectionCase("estimate wins", JOBS, D(30), "2024-Q1", Figure(D(250)), ProjectionMethod.ESTIMATE, D(250)),
    ProjectionCase(
        "estimate wins over a rate", POOR, D("1.8"), "2024-H1", Figure(D("2.1")), ProjectionMethod.ESTIMATE, D("2.1")
    ),
    ProjectionCase("estimate alone", JOBS, None, "2024-Q1", Figure(D(250)), ProjectionMethod.ESTIMATE, D(250)),
    ProjectionCase("year actual beats estimate", JOBS, D(280), "2024", Figure(D(280)), ProjectionMethod.ACTUAL, D(250)),
    ProjectionCase("year estimate alone", JOBS, None, "2024", Figure(D(250)), ProjectionMethod.ESTIMATE, D(250)),
    ProjectionCase("December YTD is the year", JOBS, D(270), "2024-H2", Figure(D(270)), ProjectionMethod.ACTUAL),
    ProjectionCase("no data", JOBS, None, "2024-Q1", None, None),
    ProjectionCase("empty figure is no data", JOBS, Figure(), "2024-Q1", None, None, Figure()),
    ProjectionCase(
        "ratio: both terms scaled, rate unchanged",
        target(">=", "90", unit="%", over_units=OverUnits.RATIO),
        Figure(D(90), D(45), D(50)),
        "2024-Q1",
        Figure(D(90), D(180), D(200)),
        ProjectionMethod.EXTRAPOLATED,
    ),
    ProjectionCase(
        "ratio without value scaled",
        target(">=", "90", unit="%", over_units=OverUnits.RATIO),
        Figure(None, D(9), D(10)),
        "2024-H1",
        Figure(None, D(18), D(20)),
        ProjectionMethod.EXTRAPOLATED,
    ),
    ProjectionCase(
        "grade carried", GRADE, Figure(grade="Khá"), "2024-Q1", Figure(grade="Khá"), ProjectionMethod.CARRIED
    ),
    ProjectionCase("rank carried", RANK, Figure(rank=2), "2024-Q3", Figure(rank=2), ProjectionMethod.CARRIED),
]


@pytest.mark.parametrize("case", PROJECTIONS, ids=[c.id for c in PROJECTIONS])
def test_project_year_end(case: ProjectionCase) -> None:
    projection = project_year_end(case.target, case.actual, P(case.period), case.estimate)
    if case.expected is None:
        assert projection is None
        return
    assert projection is not None
    assert projection.figure == case.expected
    assert projection.method is case.method
    assert projection.months_elapsed == P(case.period).months_elapsed
    assert projection.value == case.expected.value


def test_projection_method_labels() -> None:
    assert ProjectionMethod.ESTIMATE.label == "Ước thực hiện cả năm"
    assert ProjectionMethod.EXTRAPOLATED.label == "Ngoại suy từ lũy kế"


# Status ---------------------------------------------------------------------------------

EXCEEDED, MET, NOT_MET, NO_DATA = Status.EXCEEDED, Status.MET, Status.NOT_MET, Status.NO_DATA
ON_TRACK, AT_RISK = Status.ON_TRACK, Status.AT_RISK

Actualish = Figure | Decimal | None


@dataclass(frozen=True)
class StatusCase:
    id: str
    target: Target
    actual: Actualish
    expected: Status
    baseline: Decimal | None = None
    reason: str | None = None


YEAR_END = [
    StatusCase(">= below", JOBS, D("274.99"), NOT_MET),
    StatusCase(">= at", JOBS, D(275), MET),
    StatusCase(">= above", JOBS, D(300), EXCEEDED),
    StatusCase("> at the boundary", ABOVE, D(50), NOT_MET),
    StatusCase("> above is met, never exceeded", ABOVE, D(80), MET),
    StatusCase("<= lower-is-better at", POOR, D(2), MET),
    StatusCase("<= lower-is-better below", POOR, D("1.5"), EXCEEDED),
    StatusCase("<= lower-is-better above", POOR, D("2.01"), NOT_MET),
    StatusCase("< 4 at 4,0 is not met", UNEMPLOYED, D("4.0"), NOT_MET),
    StatusCase("< 4 at 3,1", UNEMPLOYED, D("3.1"), MET),
    StatusCase("= 211 below", BUDGET, D("210.9"), NOT_MET),
    StatusCase("= 211 above", BUDGET, D(212), EXCEEDED),
    StatusCase("= 0 hộ nghèo at 0", NO_POOR, D(0), MET),
    StatusCase("= 0 hộ nghèo at 1", NO_POOR, D(1), NOT_MET),
    StatusCase("range inside", GROWTH, D("6.8"), MET),
    StatusCase("range beyond", GROWTH, D("7.2"), EXCEEDED),
    StatusCase("range short", GROWTH, D("6.4"), NOT_MET),
    StatusCase("lower range below", LOWER_RANGE, D("0.9"), EXCEEDED),
    StatusCase("lower range above", LOWER_RANGE, D("1.6"), NOT_MET),
    StatusCase("reduce_by met", REDUCE, D("1.8"), MET, D(3)),
    StatusCase("reduce_by short", REDUCE, D("1.9"), NOT_MET, D(3)),
    StatusCase(
        "reduce_by without baseline", REDUCE, D("1.8"), NO_DATA, None, "cần số liệu thực hiện năm trước (năm gốc)"
    ),
    StatusCase("increase_by exceeded", INCREASE, D(10), EXCEEDED, D(7)),
    StatusCase("increase_by short", INCREASE, D(8), NOT_MET, D(7)),
    StatusCase("increase_by without baseline", INCREASE, D(8), NO_DATA, None, "năm gốc"),
    StatusCase("rank inside the top", RANK, Figure(rank=3), MET),
    StatusCase("rank first", RANK, Figure(rank=1), EXCEEDED),
    StatusCase("rank outside", RANK, Figure(rank=4), NOT_MET),
    StatusCase("grade reached", GRADE, Figure(grade="Tốt"), MET),
    StatusCase("grade beyond", GRADE, Figure(grade="Xuất sắc"), EXCEEDED),
    StatusCase("grade short", GRADE, Figure(grade="Khá"), NOT_MET),
    StatusCase("no figure", JOBS, None, NO_DATA, None, "chưa có số liệu thực hiện cả năm"),
    StatusCase("a grade for a number", JOBS, Figure(grade="Tốt"), NO_DATA, None, "không đánh giá được"),
    StatusCase("ratio figure at the boundary", POOR, Figure(None, D(1), D(50)), MET),
    StatusCase("ratio figure below", POOR, Figure(None, D(1), D(100)), EXCEEDED),
]


@pytest.mark.parametrize("case", YEAR_END, ids=[c.id for c in YEAR_END])
def test_status_at_year_end(case: StatusCase) -> None:
    assessment = evaluate_status(case.target, case.actual, P("2024"), None, case.baseline)
    assert assessment.status is case.expected
    if case.reason is None:
        assert assessment.reason is None
    else:
        assert assessment.reason is not None and case.reason in assessment.reason


def test_year_end_verdict_on_the_estimate_when_no_actual() -> None:
    projection = Projection(Figure(D(280)), ProjectionMethod.ESTIMATE, 12)
    assessment = evaluate_status(JOBS, None, P("2024"), projection)
    assert assessment == Assessment(EXCEEDED, "đánh giá theo số ước thực hiện cả năm")
    # an actual wins over the estimate
    assert evaluate_status(JOBS, D(270), P("2024"), projection).status is NOT_MET
    # a projection that is no estimate gives no verdict for the year
    assert evaluate_status(JOBS, None, P("2024"), D(280)).status is NO_DATA


WITHIN_YEAR = [
    StatusCase(">= projected above", JOBS, D(300), ON_TRACK),
    StatusCase(">= projected at", JOBS, D(275), ON_TRACK),
    StatusCase(">= projected short", JOBS, D(274), AT_RISK),
    StatusCase("> at the boundary", ABOVE, D(50), AT_RISK),
    StatusCase("<= lower-is-better fine", POOR, D("1.9"), ON_TRACK),
    StatusCase("<= lower-is-better too high", POOR, D("2.2"), AT_RISK),
    StatusCase("< 4 at 4", UNEMPLOYED, D(4), AT_RISK),
    StatusCase("range", GROWTH, D("6.6"), ON_TRACK),
    StatusCase("reduce_by with baseline", REDUCE, D("2.5"), AT_RISK, D(3)),
    StatusCase("reduce_by without baseline", REDUCE, D("1"), NO_DATA, None, "năm gốc"),
    StatusCase("increase_by on track", INCREASE, D(9), ON_TRACK, D(7)),
    StatusCase("rank inside", RANK, Figure(rank=2), ON_TRACK),
    StatusCase("rank outside", RANK, Figure(rank=7), AT_RISK),
    StatusCase("grade reached", GRADE, Figure(grade="Tốt"), ON_TRACK),
    StatusCase("grade short", GRADE, Figure(grade="Trung bình"), AT_RISK),
    StatusCase("nothing to project", JOBS, None, NO_DATA, None, "chưa có số liệu để ước thực hiện cả năm"),
]


@pytest.mark.parametrize("case", WITHIN_YEAR, ids=[c.id for c in WITHIN_YEAR])
@pytest.mark.parametrize("period", ["2024-Q1", "2024-H1", "2024-05", "2024-H2", "2024-12"])
def test_status_within_the_year_judges_the_projection(case: StatusCase, period: str) -> None:
    assessment = evaluate_status(case.target, D(1), P(period), case.actual, case.baseline)
    assert assessment.status is case.expected
    if case.reason is not None:
        assert assessment.reason is not None and case.reason in assessment.reason


def test_within_the_year_the_projection_is_judged_not_the_actual() -> None:
    q1 = P("2024-Q1")
    projection = project_year_end(JOBS, D(70), q1)
    assert projection is not None and projection.value == D(280)
    assert evaluate_status(JOBS, D(70), q1, projection).status is ON_TRACK  # 70 alone is far below 275
    projection = project_year_end(JOBS, D(68), q1)
    assert evaluate_status(JOBS, D(68), q1, projection).status is AT_RISK  # 272 < 275


# TH/KH % --------------------------------------------------------------------------------

ACHIEVEMENTS = [
    (">= 97,5 of 100", target(">=", "100"), D("97.5"), None, D("97.5")),
    (">= 275 at 300", JOBS, D(300), None, D(300) * 100 / D(275)),
    ("> 50 at 80", ABOVE, D(80), None, D(160)),
    ("= 211 at 211", BUDGET, D(211), None, D(100)),
    ("range against its lower bound", GROWTH, D("6.5"), None, D(100)),
    ("increase_by in points", INCREASE, D(8), D(7), D(50)),
    ("increase_by met", INCREASE, D(9), D(7), D(100)),
    ("increase_by relative", INCREASE_REL, D(55), D(50), D(50)),
    ("ratio figure", target(">=", "90", unit="%"), Figure(None, D(45), D(50)), None, D(100)),
    ("<= lower-is-better", POOR, D("1.5"), None, None),
    ("< lower-is-better", UNEMPLOYED, D(3), None, None),
    ("reduce_by", REDUCE, D("1.8"), D(3), None),
    ("lower range", LOWER_RANGE, D(1), None, None),
    ("= 0 hộ nghèo", NO_POOR, D(0), None, None),
    ("rank", RANK, Figure(rank=2), None, None),
    ("qualitative", GRADE, Figure(grade="Tốt"), None, None),
    ("increase_by without baseline", INCREASE, D(9), None, None),
    ("increase_by relative from 0", INCREASE_REL, D(9), D(0), None),
    ("target of 0", target(">=", "0"), D(5), None, None),
    ("negative target", target(">=", "-2", unit="%"), D(1), None, None),
    ("no actual", JOBS, None, None, None),
    ("half a ratio", JOBS, Figure(numerator=D(1)), None, None),
]


@pytest.mark.parametrize(
    ("target_", "actual", "baseline", "expected"), [a[1:] for a in ACHIEVEMENTS], ids=[a[0] for a in ACHIEVEMENTS]
)
def test_achievement_pct(
    target_: Target, actual: Actualish, baseline: Decimal | None, expected: Decimal | None
) -> None:
    result = achievement_pct(target_, actual, baseline)
    if expected is None:
        assert result is None
    else:
        assert result is not None and abs(result - expected) < D("1e-25")


def test_achievement_is_not_rounded() -> None:
    result = achievement_pct(JOBS, D(100))
    assert result == D("36.36363636363636363636363636363636")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("97.45", 1, "97.5"),
        ("97.44", 1, "97.4"),
        ("2.25", 1, "2.3"),  # banker's rounding would give 2,2
        ("0.05", 1, "0.1"),
        ("-0.05", 1, "-0.1"),
        ("2.5", 0, "3"),
        ("100", 1, "100.0"),
        ("123456789012345678901234567890.05", 1, "123456789012345678901234567890.1"),
    ],
    ids=lambda v: str(v),
)
def test_round_half_up(value: str, places: int, expected: str) -> None:
    assert str(round_half_up(D(value), places)) == expected


@pytest.mark.parametrize(
    ("pct", "expected"),
    [(None, "–"), (D("97.45"), "97,5%"), (D("1234.56"), "1.234,6%"), (D("100"), "100,0%")],
    ids=["none", "rounded", "grouped", "whole"],
)
def test_achievement_text(pct: Decimal | None, expected: str) -> None:
    assert achievement_text(pct) == expected


# Properties -----------------------------------------------------------------------------

amounts = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
simple_targets = st.builds(
    lambda c, v, span, direction: target(c, str(v), str(v + span) if c == "range" else None, direction=direction),
    st.sampled_from([">=", ">", "<=", "<", "=", "range"]),
    amounts,
    st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from([HIGHER, LOWER]),
)
_FINAL = {Outcome.EXCEEDED: EXCEEDED, Outcome.MET: MET, Outcome.NOT_MET: NOT_MET}


@given(simple_targets, amounts)
def test_status_at_year_end_agrees_with_evaluate(t: Target, actual: Decimal) -> None:
    assert evaluate_status(t, actual, P("2024"), None).status is _FINAL[evaluate(t, actual)]


@given(
    st.sampled_from(["reduce_by", "increase_by"]),
    st.decimals(min_value=0, max_value=10, places=1, allow_nan=False, allow_infinity=False),
    amounts,
    amounts,
)
def test_change_targets_at_year_end_agree_with_evaluate(c: str, v: Decimal, actual: Decimal, base: Decimal) -> None:
    t = target(c, str(v), direction=LOWER if c == "reduce_by" else HIGHER)
    assert evaluate_status(t, actual, P("2024"), None, base).status is _FINAL[evaluate(t, actual, base)]


@given(simple_targets, amounts, st.sampled_from(["2024-Q1", "2024-05", "2024-H1", "2024-9M", "2024-Q4"]))
def test_within_the_year_on_track_iff_the_projection_meets(t: Target, projected: Decimal, period: str) -> None:
    status = evaluate_status(t, None, P(period), projected).status
    assert (status is ON_TRACK) == (evaluate(t, projected) is not Outcome.NOT_MET)
    assert status in (ON_TRACK, AT_RISK)


@given(
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
    st.integers(min_value=1, max_value=11),
)
def test_extrapolation_is_linear(to_date: Decimal, month: int) -> None:
    period = Period.through_month(2024, month)
    projection = project_year_end(JOBS, to_date, period)
    assert projection is not None and projection.value is not None
    assert abs(projection.value * month / 12 - to_date) < D("1e-20")


# evaluate_target ------------------------------------------------------------------------

KHOMS = ("K1", "K2", "K3", "K4", "K5")
TREE = UnitTree(
    [OrgUnit("P1", "Phường 1", UnitLevel.XA)] + [OrgUnit(k, f"Khóm {k}", UnitLevel.KHOM, "P1") for k in KHOMS]
)
JOBS_REF = TargetRef("5.2", JOBS)
POOR_REF = TargetRef("3.1", POOR)


def jobs(unit: str, period: str, value: int, estimate: bool = False) -> Observation:
    return Observation("5.2", unit, period, D(value), estimate=estimate)


def monthly_jobs(months: range, per_khom: int = 10) -> list[Observation]:
    return [jobs(k, f"2024-{m:02d}", per_khom) for k in KHOMS for m in months]


def test_evaluate_target_q1_on_track() -> None:
    index = ObservationIndex(monthly_jobs(range(1, 4)))  # 50 a month
    result = evaluate_target(JOBS_REF, "P1", P("2024-Q1"), index, TREE)
    assert result.key == "5.2" and result.unit_code == "P1" and result.target is JOBS
    assert result.actual.value == D(150)
    assert result.year_to_date is result.actual
    assert result.projected == D(600)
    assert result.projection is not None and result.projection.method is ProjectionMethod.EXTRAPOLATED
    assert result.status is ON_TRACK and result.reason is None
    assert result.coverage == Coverage(5, 5)
    assert result.achievement_pct is not None and round_half_up(result.achievement_pct) == D("54.5")


def test_evaluate_target_quarter_two_uses_the_year_to_date() -> None:
    index = ObservationIndex(monthly_jobs(range(1, 7), per_khom=4))  # 20 a month
    result = evaluate_target(JOBS_REF, "P1", P("2024-Q2"), index, TREE)
    assert result.actual.value == D(60)  # April to June
    assert result.year_to_date.value == D(120)  # January to June
    assert result.year_to_date.period == P("2024-H1")
    assert result.projected == D(240)
    assert result.status is AT_RISK


def test_evaluate_target_estimate_wins_only_when_complete() -> None:
    observations = monthly_jobs(range(1, 4), per_khom=4)  # 60 in Q1 → 240 projected
    partial = [jobs(k, "2024", 60, estimate=True) for k in KHOMS[:4]]
    result = evaluate_target(JOBS_REF, "P1", P("2024-Q1"), ObservationIndex(observations + partial), TREE)
    assert result.estimate.value == D(240) and result.estimate.coverage == Coverage(4, 5)
    assert result.projection is not None and result.projection.method is ProjectionMethod.EXTRAPOLATED
    assert result.status is AT_RISK
    complete = [*partial, jobs("K5", "2024", 60, estimate=True)]
    result = evaluate_target(JOBS_REF, "P1", P("2024-Q1"), ObservationIndex(observations + complete), TREE)
    assert result.projected == D(300)
    assert result.projection is not None and result.projection.method is ProjectionMethod.ESTIMATE
    assert result.status is ON_TRACK


def test_evaluate_target_at_year_end() -> None:
    index = ObservationIndex(monthly_jobs(range(1, 13), per_khom=5))  # 25 a month → 300
    result = evaluate_target(JOBS_REF, "P1", P("2024"), index, TREE)
    assert result.actual.value == D(300)
    assert result.status is EXCEEDED
    index = ObservationIndex(monthly_jobs(range(1, 12), per_khom=5))  # December missing → 275
    result = evaluate_target(JOBS_REF, "P1", P("2024"), index, TREE)
    assert result.actual.value == D(275)
    assert result.status is MET


def test_evaluate_target_lower_is_better_ratio() -> None:
    index = ObservationIndex(
        [Observation("3.1", k, "2024-06", numerator=1, denominator=100) for k in KHOMS[:3]]
        + [Observation("3.1", "K4", "2024-06", numerator=7, denominator=20)]
    )
    result = evaluate_target(POOR_REF, "P1", P("2024-H1"), index, TREE)
    assert result.actual.value == D("3.125")  # 10/320, not the mean 9,5 of 1%, 1%, 1% and 35%
    assert (result.actual.numerator, result.actual.denominator) == (D(10), D(320))
    assert result.status is AT_RISK
    assert result.achievement_pct is None
    assert result.coverage == Coverage(4, 5)


def test_evaluate_target_without_data() -> None:
    result = evaluate_target(JOBS_REF, "P1", P("2024-H1"), ObservationIndex(), TREE)
    assert result.status is NO_DATA
    assert result.projection is None and result.projected is None
    assert result.achievement_pct is None
    assert result.coverage == Coverage(0, 5)


def test_evaluate_target_reduce_by_needs_baseline() -> None:
    ref = TargetRef("3.2", REDUCE)
    index = ObservationIndex([Observation("3.2", "P1", "2024-06", D("1.7"))])
    assert evaluate_target(ref, "P1", P("2024-H1"), index, TREE).status is NO_DATA
    assert evaluate_target(ref, "P1", P("2024-H1"), index, TREE, baseline=D(3)).status is ON_TRACK
    assert evaluate_target(ref, "P1", P("2024-H1"), index, TREE, baseline=D("2.5")).status is AT_RISK


def test_year_judged_on_the_estimate_while_the_year_is_not_over():
    """The December session reports before the year ends (NĐ 09/2019): with eleven months of
    actuals and an officer's estimate, the year verdict follows the estimate."""
    from decimal import Decimal as D

    from kehoach.core.observations import Observation
    from kehoach.core.periods import Period
    from kehoach.core.series import ObservationIndex
    from kehoach.core.targets import Comparator, OverTime, OverUnits, Target, TargetRef
    from kehoach.core.tracking import evaluate_target
    from kehoach.core.unitlevels import UnitLevel
    from kehoach.core.units import OrgUnit, UnitTree

    target = Target(
        name="Giải quyết việc làm",
        comparator=Comparator.AT_LEAST,
        value=D(120),
        unit="lao động",
        over_units=OverUnits.UNIT_ONLY,
        over_time=OverTime.CUMULATIVE,
    )
    tree = UnitTree([OrgUnit("P1", "Phường 1", UnitLevel.XA, None, None, None)])
    months = [Observation("1.1", "P1", f"2024-{m:02d}", value=D(10)) for m in range(1, 12)]
    year = Period.of_year(2024)
    without = evaluate_target(TargetRef("1.1", target), "P1", year, ObservationIndex(months), tree)
    assert without.status.value == "not_met"  # 110 < 120 and no estimate: the actual decides
    estimate = Observation("1.1", "P1", "2024", value=D(125), estimate=True)
    judged = evaluate_target(TargetRef("1.1", target), "P1", year, ObservationIndex([*months, estimate]), tree)
    assert judged.status.value == "exceeded"
    december = Observation("1.1", "P1", "2024-12", value=D(5))
    final = evaluate_target(TargetRef("1.1", target), "P1", year, ObservationIndex([*months, december, estimate]), tree)
    assert final.status.value == "not_met"  # a full year of actuals wins over the estimate
