"""Reporting periods (kỳ báo cáo): month, quarter, 6 and 9 months, second half, year.

A :class:`Period` is a set of calendar months of one year; its dates depend on a
:class:`CutoffRule`. Under Nghị định 09/2019 (``ND09``, DESIGN §3) figures are cut off
on the 14th: a month runs from the 15th of the previous month to the 14th, so January
2024 is 15/12/2023–14/01/2024 and the year 2024 is 15/12/2023–14/12/2024. ``CALENDAR``
periods run from the 1st of the first month to the last day of the last month.

Decisions where the brief was silent:

- Besides the standard kinds there is ``YEAR_TO_DATE`` ("5 tháng đầu năm", "8 tháng
  năm"): months 1..N for N in 2, 4, 5, 7, 8, 10, 11, written ``2024-5M``. It is what a
  cumulative target is projected from at the end of any month. N = 1, 3, 6, 9, 12 are
  the standard periods (January, Q1, H1, 9M, year): :meth:`Period.year_to_date` and
  :func:`parse_period` (``2024-6M``) normalize to them, so two equal sets of months are
  always one and the same period.
- Ordering: by year, then the last month covered, then the number of months; so
  ``2024-03 < 2024-Q1 < 2024-04`` and ``2024-12 < 2024-Q4 < 2024-H2 < 2024``. Periods
  that end together sort shorter first; the order is total and agrees with equality.
- ``is_year_end`` is true when the period ends with the year's last month (December,
  Q4, H2, year); ``is_whole_year`` only for the year itself (the final verdict of a
  target is given on the whole year, see core.status).
- Years 1000–9999 are accepted (four digits in a code).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import total_ordering


class PeriodError(ValueError):
    """A period code or period that does not exist."""


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    FIRST_HALF = "H1"
    NINE_MONTHS = "9M"
    SECOND_HALF = "H2"
    YEAR = "year"
    YEAR_TO_DATE = "ytd"


class CutoffRule(StrEnum):
    """How a period's start and end dates are set."""

    ND09 = "nd09"  # Nghị định 09/2019/NĐ-CP: the 15th of the previous month to the 14th
    CALENDAR = "calendar"  # the 1st of the first month to the last day of the last month

    @property
    def label(self) -> str:
        if self is CutoffRule.ND09:
            return "Chốt số liệu ngày 14 (Nghị định 09/2019/NĐ-CP)"
        return "Theo tháng dương lịch"


MIN_YEAR = 1000
MAX_YEAR = 9999

_ROMAN = ("I", "II", "III", "IV")
# Months 1..N covered by a YEAR_TO_DATE period; the other N are standard kinds.
_YTD_MONTHS = frozenset({2, 4, 5, 7, 8, 10, 11})
# Months 1..N that make a standard period, as (kind, index).
_THROUGH_MONTH: dict[int, tuple[PeriodKind, int | None]] = {
    1: (PeriodKind.MONTH, 1),
    3: (PeriodKind.QUARTER, 1),
    6: (PeriodKind.FIRST_HALF, None),
    9: (PeriodKind.NINE_MONTHS, None),
    12: (PeriodKind.YEAR, None),
}
_EXAMPLES = "2024-01, 2024-Q1, 2024-H1, 2024-9M, 2024-H2 hoặc 2024"


@total_ordering
@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period of one year. ``index`` is the month (1–12) of a ``MONTH``, the
    quarter (1–4) of a ``QUARTER``, the number of months of a ``YEAR_TO_DATE``, else None."""

    kind: PeriodKind
    year: int
    index: int | None = None
    # Derived in __post_init__: periods are compared and hashed a great deal in roll-ups.
    first_month: int = field(init=False, repr=False, compare=False)
    last_month: int = field(init=False, repr=False, compare=False)
    ordinal: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.kind, PeriodKind):
            object.__setattr__(self, "kind", PeriodKind(self.kind))
        if isinstance(self.year, bool) or not isinstance(self.year, int) or not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(f"năm '{self.year}' không hợp lệ (cần từ {MIN_YEAR} đến {MAX_YEAR})")
        kind, index = self.kind, self.index
        if kind is PeriodKind.MONTH:
            if not _is_int_in(index, 1, 12):
                raise PeriodError(f"tháng '{index}' không hợp lệ (cần từ 1 đến 12)")
        elif kind is PeriodKind.QUARTER:
            if not _is_int_in(index, 1, 4):
                raise PeriodError(f"quý '{index}' không hợp lệ (cần từ 1 đến 4)")
        elif kind is PeriodKind.YEAR_TO_DATE:
            if not (isinstance(index, int) and index in _YTD_MONTHS):
                raise PeriodError(
                    f"kỳ lũy kế '{index} tháng' không hợp lệ: dùng 2, 4, 5, 7, 8, 10 hoặc 11 tháng "
                    "(1 tháng là tháng 1, 3 tháng là quý I, 6 tháng là 6 tháng đầu năm, 9 tháng là 9M, 12 tháng là năm)"
                )
        elif index is not None:
            raise PeriodError(f"kỳ '{kind.value}' không có số thứ tự (nhận được {index})")
        first, last = _month_span(kind, index)
        object.__setattr__(self, "first_month", first)
        object.__setattr__(self, "last_month", last)
        # Unique per period and increasing in the period order (see the module docstring).
        object.__setattr__(self, "ordinal", (self.year * 16 + last) * 16 + last - first + 1)

    def __hash__(self) -> int:
        return self.ordinal

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.ordinal == other.ordinal

    # Constructors -------------------------------------------------------------------
    @classmethod
    def of_month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, year, month)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Period:
        return cls(PeriodKind.QUARTER, year, quarter)

    @classmethod
    def of_first_half(cls, year: int) -> Period:
        return cls(PeriodKind.FIRST_HALF, year)

    @classmethod
    def of_nine_months(cls, year: int) -> Period:
        return cls(PeriodKind.NINE_MONTHS, year)

    @classmethod
    def of_second_half(cls, year: int) -> Period:
        return cls(PeriodKind.SECOND_HALF, year)

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, year)

    @classmethod
    def through_month(cls, year: int, month: int) -> Period:
        """Months 1..``month`` of ``year`` as one period (January, Q1, H1, 9M, year when they fit)."""
        if not _is_int_in(month, 1, 12):
            raise PeriodError(f"tháng '{month}' không hợp lệ (cần từ 1 đến 12)")
        kind, index = _THROUGH_MONTH.get(month, (PeriodKind.YEAR_TO_DATE, month))
        return cls(kind, year, index)

    # Months ---------------------------------------------------------------------------
    @property
    def months(self) -> range:
        """The calendar months covered: H2 → 7..12, 9M → 1..9."""
        return range(self.first_month, self.last_month + 1)

    @property
    def month_count(self) -> int:
        return self.last_month - self.first_month + 1

    @property
    def months_elapsed(self) -> int:
        """Months of the year covered up to the period's end: Q1 → 3, 2024-05 → 5, H2 → 12."""
        return self.last_month

    @property
    def is_year_end(self) -> bool:
        """The period ends with the year (December, Q4, H2, year)."""
        return self.last_month == 12

    @property
    def is_whole_year(self) -> bool:
        return self.kind is PeriodKind.YEAR

    @property
    def starts_year(self) -> bool:
        return self.first_month == 1

    def year_to_date(self) -> Period:
        """Months 1..the period's last month: the figure a cumulative target is judged on."""
        return Period.through_month(self.year, self.last_month)

    def contains(self, other: Period) -> bool:
        """Every month of ``other`` is a month of this period (a period contains itself)."""
        return self.year == other.year and self.first_month <= other.first_month and other.last_month <= self.last_month

    def subperiods(self, kind: PeriodKind) -> tuple[Period, ...]:
        """The periods of ``kind`` inside this one, in order: year → Q1..Q4, H2 → months 7..12."""
        return tuple(p for p in periods_of_kind(self.year, kind) if self.contains(p))

    # Dates ----------------------------------------------------------------------------
    def dates(self, rule: CutoffRule = CutoffRule.ND09) -> tuple[date, date]:
        """First and last day of the period, both inclusive."""
        first, last = self.first_month, self.last_month
        if rule is CutoffRule.CALENDAR:
            return date(self.year, first, 1), date(self.year, last, calendar.monthrange(self.year, last)[1])
        start = date(self.year - 1, 12, 15) if first == 1 else date(self.year, first - 1, 15)
        return start, date(self.year, last, 14)

    # Text -----------------------------------------------------------------------------
    @property
    def code(self) -> str:
        """``2024-01``, ``2024-Q1``, ``2024-H1``, ``2024-9M``, ``2024-H2``, ``2024``, ``2024-5M``."""
        kind, y = self.kind, self.year
        if kind is PeriodKind.MONTH:
            return f"{y}-{self.index:02d}"
        if kind is PeriodKind.QUARTER:
            return f"{y}-Q{self.index}"
        if kind is PeriodKind.YEAR_TO_DATE:
            return f"{y}-{self.index}M"
        if kind is PeriodKind.YEAR:
            return str(y)
        return f"{y}-{kind.value}"

    @property
    def label(self) -> str:
        """Vietnamese name: "Tháng 1 năm 2024", "Quý I năm 2024", "6 tháng đầu năm 2024" …"""
        kind, y, i = self.kind, self.year, self.index
        if kind is PeriodKind.MONTH:
            return f"Tháng {i} năm {y}"
        if kind is PeriodKind.QUARTER:
            assert i is not None
            return f"Quý {_ROMAN[i - 1]} năm {y}"
        if kind is PeriodKind.FIRST_HALF:
            return f"6 tháng đầu năm {y}"
        if kind is PeriodKind.NINE_MONTHS:
            return f"9 tháng năm {y}"
        if kind is PeriodKind.SECOND_HALF:
            return f"6 tháng cuối năm {y}"
        if kind is PeriodKind.YEAR_TO_DATE:
            assert i is not None
            return f"{i} tháng đầu năm {y}" if i < 6 else f"{i} tháng năm {y}"
        return f"Năm {y}"

    def __str__(self) -> str:
        return self.code

    # Order ----------------------------------------------------------------------------
    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.last_month, self.month_count)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.ordinal < other.ordinal


def _month_span(kind: PeriodKind, index: int | None) -> tuple[int, int]:
    """First and last calendar month of a (validated) period."""
    if kind is PeriodKind.MONTH:
        assert index is not None
        return index, index
    if kind is PeriodKind.QUARTER:
        assert index is not None
        return 3 * index - 2, 3 * index
    if kind is PeriodKind.YEAR_TO_DATE:
        assert index is not None
        return 1, index
    return {
        PeriodKind.FIRST_HALF: (1, 6),
        PeriodKind.NINE_MONTHS: (1, 9),
        PeriodKind.SECOND_HALF: (7, 12),
    }.get(kind, (1, 12))


def _is_int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


_CODE = re.compile(r"^(\d{4})(?:-(.+))?$")
_MONTH = re.compile(r"^\d{1,2}$")
_QUARTER = re.compile(r"^q(\d)$")
_YTD = re.compile(r"^(\d{1,2})m$")


def parse_period(text: str) -> Period:
    """Read a period code: ``2024-01`` (or ``2024-1``), ``2024-Q1``, ``2024-H1``, ``2024-9M``,
    ``2024-H2``, ``2024``, ``2024-5M``; letters in either case, spaces around ignored."""
    compact = "".join(text.split()).lower()
    match = _CODE.match(compact)
    if match is None:
        raise PeriodError(f"kỳ báo cáo '{text}' không hợp lệ (ví dụ đúng: {_EXAMPLES})")
    year = int(match.group(1))
    suffix = match.group(2)
    try:
        if suffix is None:
            return Period.of_year(year)
        if _MONTH.match(suffix):
            return Period.of_month(year, int(suffix))
        if quarter := _QUARTER.match(suffix):
            return Period.of_quarter(year, int(quarter.group(1)))
        if suffix in ("h1", "h2"):
            return Period.of_first_half(year) if suffix == "h1" else Period.of_second_half(year)
        if ytd := _YTD.match(suffix):
            return Period.through_month(year, int(ytd.group(1)))
    except PeriodError as exc:
        raise PeriodError(f"kỳ báo cáo '{text}' không hợp lệ: {exc}") from None
    raise PeriodError(f"kỳ báo cáo '{text}' không hợp lệ (ví dụ đúng: {_EXAMPLES})")


def periods_of_kind(year: int, kind: PeriodKind) -> tuple[Period, ...]:
    """Every period of ``kind`` in ``year``, in order."""
    if kind is PeriodKind.MONTH:
        return tuple(Period.of_month(year, m) for m in range(1, 13))
    if kind is PeriodKind.QUARTER:
        return tuple(Period.of_quarter(year, q) for q in range(1, 5))
    if kind is PeriodKind.YEAR_TO_DATE:
        return tuple(Period(kind, year, n) for n in sorted(_YTD_MONTHS))
    return (Period(kind, year),)


def year_periods(year: int) -> tuple[Period, ...]:
    """The standard periods of a year (months, quarters, H1, 9M, H2, year), in order."""
    standard = (
        PeriodKind.MONTH,
        PeriodKind.QUARTER,
        PeriodKind.FIRST_HALF,
        PeriodKind.NINE_MONTHS,
        PeriodKind.SECOND_HALF,
        PeriodKind.YEAR,
    )
    return tuple(sorted(p for kind in standard for p in periods_of_kind(year, kind)))


def month_containing(day: date, rule: CutoffRule = CutoffRule.ND09) -> Period:
    """The month period a day falls in: under NĐ 09, 20/12/2023 belongs to January 2024."""
    if rule is CutoffRule.CALENDAR or day.day <= 14:
        return Period.of_month(day.year, day.month)
    if day.month == 12:
        return Period.of_month(day.year + 1, 1)
    return Period.of_month(day.year, day.month + 1)
