"""Reporting periods: codes, labels, months, NĐ 09/2019 and calendar dates, order."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.core.periods import (
    CutoffRule,
    Period,
    PeriodError,
    PeriodKind,
    month_containing,
    parse_period,
    periods_of_kind,
    year_periods,
)

ND09, CALENDAR = CutoffRule.ND09, CutoffRule.CALENDAR
P = parse_period


# Codes, labels, months ---------------------------------------------------------------------

PERIODS = [
    # code, kind, index, label, months, months_elapsed
    ("2024-01", PeriodKind.MONTH, 1, "Tháng 1 năm 2024", range(1, 2), 1),
    ("2024-05", PeriodKind.MONTH, 5, "Tháng 5 năm 2024", range(5, 6), 5),
    ("2024-12", PeriodKind.MONTH, 12, "Tháng 12 năm 2024", range(12, 13), 12),
    ("2024-Q1", PeriodKind.QUARTER, 1, "Quý I năm 2024", range(1, 4), 3),
    ("2024-Q2", PeriodKind.QUARTER, 2, "Quý II năm 2024", range(4, 7), 6),
    ("2024-Q3", PeriodKind.QUARTER, 3, "Quý III năm 2024", range(7, 10), 9),
    ("2024-Q4", PeriodKind.QUARTER, 4, "Quý IV năm 2024", range(10, 13), 12),
    ("2024-H1", PeriodKind.FIRST_HALF, None, "6 tháng đầu năm 2024", range(1, 7), 6),
    ("2024-9M", PeriodKind.NINE_MONTHS, None, "9 tháng năm 2024", range(1, 10), 9),
    ("2024-H2", PeriodKind.SECOND_HALF, None, "6 tháng cuối năm 2024", range(7, 13), 12),
    ("2024", PeriodKind.YEAR, None, "Năm 2024", range(1, 13), 12),
    ("2024-5M", PeriodKind.YEAR_TO_DATE, 5, "5 tháng đầu năm 2024", range(1, 6), 5),
    ("2024-8M", PeriodKind.YEAR_TO_DATE, 8, "8 tháng năm 2024", range(1, 9), 8),
]


@pytest.mark.parametrize(("code", "kind", "index", "label", "months", "elapsed"), PERIODS, ids=[p[0] for p in PERIODS])
def test_period_code_label_months(
    code: str, kind: PeriodKind, index: int | None, label: str, months: range, elapsed: int
) -> None:
    period = parse_period(code)
    assert period == Period(kind, 2024, index)
    assert period.code == code
    assert str(period) == code
    assert period.label == label
    assert list(period.months) == list(months)
    assert period.months_elapsed == elapsed
    assert period.month_count == len(months)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-1", Period.of_month(2024, 1)),
        ("2024-01", Period.of_month(2024, 1)),
        (" 2024-09 ", Period.of_month(2024, 9)),
        ("2024-q1", Period.of_quarter(2024, 1)),
        ("2024-Q4", Period.of_quarter(2024, 4)),
        ("2024-h1", Period.of_first_half(2024)),
        ("2024-H2", Period.of_second_half(2024)),
        ("2024-9m", Period.of_nine_months(2024)),
        ("2024 - H1", Period.of_first_half(2024)),
        ("2024", Period.of_year(2024)),
        ("2024-5m", Period(PeriodKind.YEAR_TO_DATE, 2024, 5)),
        # months 1..N that are standard periods normalize to them
        ("2024-1M", Period.of_month(2024, 1)),
        ("2024-3M", Period.of_quarter(2024, 1)),
        ("2024-6M", Period.of_first_half(2024)),
        ("2024-12M", Period.of_year(2024)),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_parse_period_accepts(text: str, expected: Period) -> None:
    assert parse_period(text) == expected
    assert parse_period(text).kind is expected.kind


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "''"),
        ("24-01", "'24-01'"),
        ("2024-13", "tháng '13'"),
        ("2024-00", "tháng '0'"),
        ("2024-Q5", "quý '5'"),
        ("2024-Q0", "quý '0'"),
        ("2024-H3", "'2024-H3'"),
        ("2024-13M", "'2024-13M'"),
        ("2024-0M", "'2024-0M'"),
        ("2024/01", "'2024/01'"),
        ("tháng 1", "'tháng 1'"),
        ("2024-01-15", "'2024-01-15'"),
        ("0999", "năm '999'"),
    ],
    ids=lambda v: v or "empty",
)
def test_parse_period_rejects_with_vietnamese_message(text: str, fragment: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    message = str(info.value)
    assert fragment in message
    assert "kỳ báo cáo" in message
    assert f"'{text}'" in message


@pytest.mark.parametrize(
    ("kind", "index"),
    [
        (PeriodKind.MONTH, None),
        (PeriodKind.MONTH, 13),
        (PeriodKind.QUARTER, 0),
        (PeriodKind.FIRST_HALF, 1),
        (PeriodKind.YEAR, 2024),
        (PeriodKind.YEAR_TO_DATE, 6),
        (PeriodKind.YEAR_TO_DATE, 12),
        (PeriodKind.MONTH, True),
    ],
    ids=str,
)
def test_invalid_period_construction(kind: PeriodKind, index: int | None) -> None:
    with pytest.raises(PeriodError):
        Period(kind, 2024, index)


def test_kind_given_as_text_is_converted() -> None:
    period = Period("H1", 2024)  # type: ignore[arg-type]
    assert period.kind is PeriodKind.FIRST_HALF
    assert period == Period.of_first_half(2024)


# Dates --------------------------------------------------------------------------------------

D = date
ND09_DATES = [
    ("2024-01", D(2023, 12, 15), D(2024, 1, 14)),
    ("2024-02", D(2024, 1, 15), D(2024, 2, 14)),
    ("2024-03", D(2024, 2, 15), D(2024, 3, 14)),  # holds 29/02/2024
    ("2024-12", D(2024, 11, 15), D(2024, 12, 14)),
    ("2024-Q1", D(2023, 12, 15), D(2024, 3, 14)),
    ("2024-Q2", D(2024, 3, 15), D(2024, 6, 14)),
    ("2024-Q3", D(2024, 6, 15), D(2024, 9, 14)),
    ("2024-Q4", D(2024, 9, 15), D(2024, 12, 14)),
    ("2024-H1", D(2023, 12, 15), D(2024, 6, 14)),
    ("2024-9M", D(2023, 12, 15), D(2024, 9, 14)),
    ("2024-H2", D(2024, 6, 15), D(2024, 12, 14)),
    ("2024", D(2023, 12, 15), D(2024, 12, 14)),
    ("2024-5M", D(2023, 12, 15), D(2024, 5, 14)),
]
CALENDAR_DATES = [
    ("2024-01", D(2024, 1, 1), D(2024, 1, 31)),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),  # leap year
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
    ("2100-02", D(2100, 2, 1), D(2100, 2, 28)),  # not a leap year
    ("2000-02", D(2000, 2, 1), D(2000, 2, 29)),
    ("2024-04", D(2024, 4, 1), D(2024, 4, 30)),
    ("2024-Q1", D(2024, 1, 1), D(2024, 3, 31)),
    ("2024-Q2", D(2024, 4, 1), D(2024, 6, 30)),
    ("2024-Q4", D(2024, 10, 1), D(2024, 12, 31)),
    ("2024-H1", D(2024, 1, 1), D(2024, 6, 30)),
    ("2024-9M", D(2024, 1, 1), D(2024, 9, 30)),
    ("2024-H2", D(2024, 7, 1), D(2024, 12, 31)),
    ("2024", D(2024, 1, 1), D(2024, 12, 31)),
]


@pytest.mark.parametrize(("code", "start", "end"), ND09_DATES, ids=[c[0] for c in ND09_DATES])
def test_nd09_dates(code: str, start: date, end: date) -> None:
    assert P(code).dates(ND09) == (start, end)
    assert P(code).dates() == (start, end)  # NĐ 09 is the default


@pytest.mark.parametrize(("code", "start", "end"), CALENDAR_DATES, ids=[c[0] for c in CALENDAR_DATES])
def test_calendar_dates(code: str, start: date, end: date) -> None:
    assert P(code).dates(CALENDAR) == (start, end)


def test_nd09_march_of_a_leap_year_is_one_day_longer() -> None:
    start, end = P("2024-03").dates(ND09)
    assert (end - start).days + 1 == 29  # 15/2 … 14/3 with 29/2
    start, end = P("2023-03").dates(ND09)
    assert (end - start).days + 1 == 28


@pytest.mark.parametrize(
    ("day", "rule", "expected"),
    [
        (D(2023, 12, 14), ND09, "2023-12"),
        (D(2023, 12, 15), ND09, "2024-01"),
        (D(2023, 12, 31), ND09, "2024-01"),
        (D(2024, 1, 14), ND09, "2024-01"),
        (D(2024, 2, 29), ND09, "2024-03"),
        (D(2024, 2, 29), CALENDAR, "2024-02"),
        (D(2023, 12, 31), CALENDAR, "2023-12"),
    ],
    ids=lambda v: str(v),
)
def test_month_containing(day: date, rule: CutoffRule, expected: str) -> None:
    assert month_containing(day, rule) == P(expected)


# Containment, order, subperiods ---------------------------------------------------------


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("2024", "2024-07", True),
        ("2024", "2024-H2", True),
        ("2024", "2024", True),
        ("2024-H1", "2024-Q2", True),
        ("2024-H1", "2024-Q3", False),
        ("2024-H1", "2024-06", True),
        ("2024-H1", "2024-07", False),
        ("2024-9M", "2024-Q3", True),
        ("2024-9M", "2024-H2", False),
        ("2024-H2", "2024-9M", False),
        ("2024-Q1", "2024-H1", False),
        ("2024", "2023-07", False),
        ("2024-5M", "2024-Q1", True),
        ("2024-5M", "2024-Q2", False),
    ],
    ids=lambda v: str(v),
)
def test_contains(outer: str, inner: str, expected: bool) -> None:
    assert P(outer).contains(P(inner)) is expected


def test_order_is_by_end_then_length() -> None:
    codes = ["2024", "2024-H2", "2024-Q4", "2024-12", "2024-9M", "2024-Q3", "2024-H1", "2024-03", "2024-Q1", "2023"]
    assert [p.code for p in sorted(P(c) for c in codes)] == [
        "2023",
        "2024-03",
        "2024-Q1",
        "2024-H1",
        "2024-Q3",
        "2024-9M",
        "2024-12",
        "2024-Q4",
        "2024-H2",
        "2024",
    ]
    assert P("2024-03") < P("2024-Q1") < P("2024-04")
    assert P("2024-Q1") <= P("2024-Q1")
    assert P("2024-12") > P("2024-11")


def test_period_order_against_other_types() -> None:
    with pytest.raises(TypeError):
        _ = P("2024") < "2025"  # type: ignore[operator]
    assert P("2024") != "2024"


@pytest.mark.parametrize(
    ("code", "kind", "expected"),
    [
        ("2024", PeriodKind.QUARTER, ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]),
        ("2024-H2", PeriodKind.MONTH, [f"2024-{m:02d}" for m in range(7, 13)]),
        ("2024-9M", PeriodKind.QUARTER, ["2024-Q1", "2024-Q2", "2024-Q3"]),
        ("2024-H1", PeriodKind.FIRST_HALF, ["2024-H1"]),
        ("2024-H2", PeriodKind.FIRST_HALF, []),
        ("2024-Q2", PeriodKind.MONTH, ["2024-04", "2024-05", "2024-06"]),
        ("2024-01", PeriodKind.QUARTER, []),
    ],
    ids=lambda v: str(v),
)
def test_subperiods(code: str, kind: PeriodKind, expected: list[str]) -> None:
    assert [p.code for p in P(code).subperiods(kind)] == expected


@pytest.mark.parametrize(
    ("code", "year_end", "whole_year", "ytd"),
    [
        ("2024-05", False, False, "2024-5M"),
        ("2024-01", False, False, "2024-01"),
        ("2024-Q1", False, False, "2024-Q1"),
        ("2024-Q2", False, False, "2024-H1"),
        ("2024-Q3", False, False, "2024-9M"),
        ("2024-Q4", True, False, "2024"),
        ("2024-12", True, False, "2024"),
        ("2024-H2", True, False, "2024"),
        ("2024-11", False, False, "2024-11M"),
        ("2024", True, True, "2024"),
    ],
    ids=lambda v: str(v),
)
def test_year_end_and_year_to_date(code: str, year_end: bool, whole_year: bool, ytd: str) -> None:
    period = P(code)
    assert period.is_year_end is year_end
    assert period.is_whole_year is whole_year
    assert period.year_to_date() == P(ytd)
    assert period.year_to_date().starts_year


def test_year_periods_lists_the_standard_periods_in_order() -> None:
    periods = year_periods(2024)
    assert len(periods) == 12 + 4 + 3 + 1
    assert periods[0] == P("2024-01")
    assert periods[-1] == P("2024")
    assert list(periods) == sorted(periods)
    assert {p.kind for p in periods} == set(PeriodKind) - {PeriodKind.YEAR_TO_DATE}
    assert len(set(periods)) == len(periods)


def test_periods_of_kind_year_to_date() -> None:
    assert [p.code for p in periods_of_kind(2024, PeriodKind.YEAR_TO_DATE)] == [
        "2024-2M",
        "2024-4M",
        "2024-5M",
        "2024-7M",
        "2024-8M",
        "2024-10M",
        "2024-11M",
    ]


def test_cutoff_rule_labels() -> None:
    assert "09/2019" in ND09.label
    assert "dương lịch" in CALENDAR.label


# Properties -----------------------------------------------------------------------------

years = st.integers(min_value=1001, max_value=9998)
all_periods = years.flatmap(lambda y: st.sampled_from(year_periods(y) + periods_of_kind(y, PeriodKind.YEAR_TO_DATE)))
rules = st.sampled_from(list(CutoffRule))


@given(all_periods)
def test_code_round_trips(period: Period) -> None:
    assert parse_period(period.code) == period
    assert parse_period(period.code.lower()) == period
    assert hash(parse_period(period.code)) == hash(period)


@given(years, rules)
def test_months_tile_the_year_without_gaps(year: int, rule: CutoffRule) -> None:
    months = periods_of_kind(year, PeriodKind.MONTH)
    year_start, year_end = Period.of_year(year).dates(rule)
    assert months[0].dates(rule)[0] == year_start
    assert months[-1].dates(rule)[1] == year_end
    for earlier, later in pairwise(months):
        assert earlier.dates(rule)[1] + timedelta(days=1) == later.dates(rule)[0]


@given(all_periods, rules)
def test_period_dates_span_its_months(period: Period, rule: CutoffRule) -> None:
    months = period.subperiods(PeriodKind.MONTH)
    start, end = period.dates(rule)
    assert start == months[0].dates(rule)[0]
    assert end == months[-1].dates(rule)[1]
    assert sum((m.dates(rule)[1] - m.dates(rule)[0]).days + 1 for m in months) == (end - start).days + 1


@given(all_periods, all_periods)
def test_order_agrees_with_equality_and_containment(a: Period, b: Period) -> None:
    assert (a == b) == (not a < b and not b < a)
    if a.contains(b) and b.contains(a):
        assert a == b
    if a.contains(b):
        assert b <= a  # a period sorts after every period inside it


@given(years.flatmap(lambda y: st.dates(min_value=date(y, 1, 1), max_value=date(y, 12, 31))), rules)
def test_month_containing_holds_the_day(day: date, rule: CutoffRule) -> None:
    month = month_containing(day, rule)
    start, end = month.dates(rule)
    assert start <= day <= end
