"""Dates, document numbers and periods in the NĐ 30 form."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.core import parse_period
from kehoach.reports.wording import (
    document_number,
    keep_numbers_with_words,
    nd30_date,
    next_period_phrase,
    number_symbol,
    period_phrase,
    place_date,
)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (date(2024, 12, 9), "ngày 09 tháng 12 năm 2024"),
    ],
)
def test_dates_take_a_zero_before_small_days_and_january_february(day: date, text: str) -> None:
    assert nd30_date(day, day.year) == text


def test_a_draft_leaves_day_and_month_blank() -> None:
    assert place_date("Phường 1", None, 2024) == "Phường 1, ngày       tháng       năm 2024"


def test_document_numbers() -> None:
    assert document_number("5", "BC-UBND") == "Số: 05/BC-UBND"
    assert document_number("15", "BC-UBND") == "Số: 15/BC-UBND"
    assert document_number(None, "BC-UBND") == "Số:       /BC-UBND"
    assert number_symbol(None, "NQ-HĐND") == "       /NQ-HĐND"
    assert number_symbol("7", "NQ-HĐND") == "07/NQ-HĐND"


@pytest.mark.parametrize(
    ("code", "now", "then"),
    [
        ("2024-H1", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024"),
        ("2024-9M", "9 tháng năm 2024", "quý IV năm 2024"),
        ("2024", "năm 2024", "năm 2025"),
        ("2024-05", "tháng 5 năm 2024", "tháng 6 năm 2024"),
        ("2024-Q1", "quý I năm 2024", "quý II năm 2024"),
        ("2024-H2", "6 tháng cuối năm 2024", "năm 2025"),
    ],
)
def test_periods_in_sentences(code: str, now: str, then: str) -> None:
    period = parse_period(code)
    assert period_phrase(period) == now
    assert next_period_phrase(period) == then


def test_numbers_stay_with_their_words_in_a_title() -> None:
    assert keep_numbers_with_words("năm 2024, 6 tháng đầu năm") == "năm\u00a02024, 6\u00a0tháng đầu năm"
