"""Dates, numbers of documents and periods as official documents write them (Nghị định
30/2020/NĐ-CP, Phụ lục I): "ngày 05 tháng 6 năm 2024" (a zero before days under 10 and
the months 1 and 2), "Số: 05/BC-UBND", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024"."""

from __future__ import annotations

import re
from datetime import date

from kehoach.core.periods import Period, PeriodKind

BLANK = " " * 7  # room left on a draft for the number and the day, filled in by hand
_ROMAN = ("I", "II", "III", "IV")


def nd30_date(day: date | None, year: int) -> str:
    """ "ngày 05 tháng 01 năm 2024"; with no day (a draft): "ngày       tháng       năm 2024"."""
    if day is None:
        return f"ngày{BLANK}tháng{BLANK}năm {year}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(place: str, day: date | None, year: int) -> str:
    """The date line: "Phường 1, ngày 05 tháng 6 năm 2024"."""
    return f"{place}, {nd30_date(day, year)}"


def document_number(number: str | None, symbol: str) -> str:
    """ "Số: 05/BC-UBND" (a number under 10 takes a zero); "Số:       /BC-UBND" on a draft."""
    if not number or not number.strip():
        return f"Số:{BLANK}/{symbol}"
    text = number.strip()
    if text.isdigit() and int(text) < 10:
        text = f"{int(text):02d}"
    return f"Số: {text}/{symbol}"


def number_symbol(number: str | None, symbol: str) -> str:
    """ "05/BC-UBND", or "       /BC-UBND" on a draft."""
    return document_number(number, symbol).removeprefix("Số:").lstrip(" ") if number else f"{BLANK}/{symbol}"


def keep_numbers_with_words(text: str) -> str:
    """No line break between a number and the word next to it ("6 tháng", "năm 2024", "Phường 1"):
    a title broken as "… năm 2024, 6 / tháng đầu năm" reads badly."""
    return _NUMBER_SPACE.sub("\u00a0", text)


_NUMBER_SPACE = re.compile(r"(?<=\w) (?=\d)|(?<=\d) (?=\w)")


def short_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def period_phrase(period: Period) -> str:
    """The period inside a sentence: "6 tháng đầu năm 2024", "quý I năm 2024", "tháng 5 năm 2024"."""
    kind, year, index = period.kind, period.year, period.index
    if kind is PeriodKind.MONTH:
        return f"tháng {index} năm {year}"
    if kind is PeriodKind.QUARTER:
        assert index is not None
        return f"quý {_ROMAN[index - 1]} năm {year}"
    if kind is PeriodKind.YEAR:
        return f"năm {year}"
    return period.label[:1].lower() + period.label[1:]


def next_period_phrase(period: Period) -> str:
    """What the directions are for: after 6 tháng đầu năm, "6 tháng cuối năm 2024"; after the
    year, "năm 2025"; after 9 tháng, "quý IV năm 2024"; after a month, the next month."""
    kind, year, last = period.kind, period.year, period.last_month
    if last == 12:
        return f"năm {year + 1}"
    if kind is PeriodKind.FIRST_HALF:
        return f"6 tháng cuối năm {year}"
    if kind is PeriodKind.MONTH:
        return f"tháng {last + 1} năm {year}"
    if kind in (PeriodKind.QUARTER, PeriodKind.NINE_MONTHS) or last % 3 == 0:
        return f"quý {_ROMAN[last // 3]} năm {year}"
    return f"những tháng còn lại của năm {year}"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """ "Về kế hoạch …" → "về kế hoạch …" (a subject inside a sentence)."""
    return text[:1].lower() + text[1:]
