"""Evaluating the small plan from khóm figures, checked against roll-ups computed by hand."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kehoach.core import Status
from kehoach.core.entries import FigureEntry
from kehoach.core.observations import quotient
from kehoach.core.planjson import dumps
from kehoach.core.tracking import TargetEvaluation
from kehoach.services import (
    InputError,
    evaluate_plan,
    evaluate_units,
    plan_status,
    record_many,
    status_to_dict,
)
from kehoach.storage import Database

D = Decimal


def _ratio(key: str, unit: str, period: str, num: int, den: int) -> FigureEntry:
    return FigureEntry(key, unit, period, numerator=D(num), denominator=D(den))


FIGURES = [
    # poverty (ratio, latest): March, then June; last year for the reduction
    *(
        _ratio(key, unit, period, num, den)
        for key in ("1.1", "1.2")
        for unit, period, num, den in [
            ("P9-1", "2024-03", 6, 200),
            ("P9-2", "2024-03", 6, 300),
            ("P9-3", "2024-03", 3, 100),
            ("P9-1", "2024-06", 3, 200),
            ("P9-2", "2024-06", 5, 300),
            ("P9-3", "2024-06", 2, 100),
        ]
    ),
    _ratio("1.2", "P9-1", "2023", 6, 200),
    _ratio("1.2", "P9-2", "2023", 9, 300),
    _ratio("1.2", "P9-3", "2023", 3, 100),
    # jobs (sum, cumulative): Khóm 3 reports nothing
    FigureEntry("2.1", "P9-1", "2024-01", value=D(5)),
    FigureEntry("2.1", "P9-1", "2024-02", value=D(7)),
    FigureEntry("2.1", "P9-2", "2024-01", value=D(10)),
    # khóm văn hóa (units meeting their own target, "Đạt")
    FigureEntry("3.1", "P9-1", "2024-02", grade="Đạt"),
    FigureEntry("3.1", "P9-2", "2024-02", grade="Không đạt"),
    FigureEntry("3.1", "P9-3", "2024-02", grade="đạt"),
    # budget (the ward only, cumulative)
    FigureEntry("4.1", "P9", "2024-01", value=D(20)),
    FigureEntry("4.1", "P9", "2024-02", value=D(15)),
    # health insurance (ratio, latest): Khóm 3 reports nothing
    _ratio("5.1", "P9-1", "2024-02", 180, 200),
    _ratio("5.1", "P9-2", "2024-02", 270, 300),
    # government (a grade)
    FigureEntry("6.1", "P9", "2024-02", grade="Khá"),
]


@pytest.fixture
def figures(db: Database, ward: int) -> int:
    record_many(db, ward, FIGURES, who="An", source="test")
    return ward


def _by_key(evaluations: list[TargetEvaluation]) -> dict[str, TargetEvaluation]:
    return {e.key: e for e in evaluations}


def test_february(db: Database, figures: int) -> None:
    found = _by_key(evaluate_plan(db, figures, "2024-02"))
    assert list(found) == ["1.1", "1.2", "2.1", "3.1", "4.1", "5.1", "6.1"]

    jobs = found["2.1"]
    assert jobs.actual.value == 7  # February alone: Khóm 1
    assert jobs.coverage.text == "1/3"
    assert jobs.year_to_date.value == 5 + 7 + 10
    assert jobs.projected == D(22) * 12 / 2 == 132
    assert jobs.status is Status.ON_TRACK
    assert jobs.achievement_pct == 22

    meeting = found["3.1"]
    assert meeting.actual.value == 2 and meeting.coverage.text == "3/3"
    assert meeting.status is Status.AT_RISK  # 2 of 3 khóm, the plan says 3

    budget = found["4.1"]
    assert (budget.actual.value, budget.year_to_date.value, budget.projected) == (15, 35, 210)
    assert budget.achievement_pct == 70 and budget.status is Status.ON_TRACK

    insurance = found["5.1"]
    assert (insurance.actual.numerator, insurance.actual.denominator) == (450, 500)
    assert insurance.actual.value == 90  # (180 + 270) / (200 + 300), not the mean of 90% and 90%
    assert insurance.coverage.text == "2/3"
    assert insurance.status is Status.ON_TRACK  # ">= 90" at exactly 90

    assert found["6.1"].status is Status.AT_RISK  # "Khá" below the "Tốt" required
    assert found["1.1"].actual.has_data is False  # no poverty figure before March
    assert found["1.1"].status is Status.NO_DATA


def test_june_ratio_rollup_and_baseline(db: Database, figures: int) -> None:
    found = _by_key(evaluate_plan(db, figures, "2024-06"))
    poverty = found["1.1"]
    # (3 + 5 + 2) / (200 + 300 + 100) × 100, from June (the latest), not March
    assert (poverty.actual.numerator, poverty.actual.denominator) == (10, 600)
    assert poverty.actual.value == quotient(D(1000), D(600))
    assert str(poverty.actual.value).startswith("1.66666666666")
    assert poverty.status is Status.ON_TRACK and poverty.achievement_pct is None  # lower is better: no TH/KH
    reduction = found["1.2"]
    # last year (6 + 9 + 3) / 600 = 3%; this year 1,67%: down 1,33 points, at least 0,5 needed
    assert reduction.status is Status.ON_TRACK
    assert reduction.reason is None


def test_without_last_years_figure_a_reduction_has_no_data(db: Database, ward: int) -> None:
    record_many(db, ward, [e for e in FIGURES if e.period_code != "2023"], who="An")
    reduction = _by_key(evaluate_plan(db, ward, "2024-06"))["1.2"]
    assert reduction.status is Status.NO_DATA
    assert reduction.reason == "cần số liệu thực hiện năm trước (năm gốc) để so sánh"


def test_a_year_judged_on_the_officers_estimate(db: Database, ward: int) -> None:
    record_many(db, ward, [FigureEntry("2.1", "P9", "2024", value=D(120), estimate=True)], who="An")
    jobs = _by_key(evaluate_plan(db, ward, "2024"))["2.1"]
    assert jobs.projected == 120
    assert jobs.status is Status.EXCEEDED
    assert jobs.reason == "đánh giá theo số ước thực hiện cả năm"


def test_one_khom_and_every_unit(db: Database, figures: int) -> None:
    khom = _by_key(evaluate_plan(db, figures, "2024-02", "P9-1"))
    assert (khom["2.1"].actual.value, khom["2.1"].year_to_date.value) == (7, 12)
    everything = evaluate_units(db, figures, "2024-02")
    assert list(everything) == ["P9", "P9-1", "P9-2", "P9-3"]
    assert _by_key(everything["P9-2"])["2.1"].year_to_date.value == 10
    assert _by_key(everything["P9"])["2.1"].year_to_date.value == 22
    with pytest.raises(InputError, match="không thuộc Phường Mẫu"):
        evaluate_plan(db, figures, "2024-02", "X8")


def test_the_status_json(db: Database, figures: int) -> None:
    status = plan_status(db, figures, "2024-06")
    data = json.loads(dumps(status_to_dict(status)))
    assert (data["plan"], data["unit"], data["period"]) == (figures, "P9", "2024-06")
    targets = {t["key"]: t for t in data["targets"]}
    assert list(targets["1.1"]) == [
        "key",
        "name",
        "comparator",
        "target",
        "unit_of_measure",
        "actual",
        "numerator",
        "denominator",
        "projected",
        "status",
        "achievement_pct",
        "coverage",
    ]
    assert targets["1.1"] == {
        "key": "1.1",
        "name": "Tỷ lệ hộ nghèo",
        "comparator": "<",
        "target": 2,
        "unit_of_measure": "%",
        "actual": 1.666667,
        "numerator": 10,
        "denominator": 600,
        "projected": 1.666667,
        "status": "on_track",
        "achievement_pct": None,
        "coverage": {"reported": 3, "expected": 3},
    }
    assert targets["2.1"]["actual"] is None and targets["2.1"]["projected"] == 44  # 22 × 12 / 6
    assert targets["2.1"]["achievement_pct"] == 22
    assert targets["6.1"]["target"] == "Tốt" and targets["6.1"]["projected"] == "Khá"
    assert {t["status"] for t in data["targets"]} <= {s.value for s in Status}
    # exact decimals in the text, never floats
    assert '"actual": 1.666667,' in dumps(status_to_dict(status))
