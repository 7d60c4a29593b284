"""The standard reporting periods of a year with their dates (core.periods) and Vietnamese labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach.core.periods import MAX_YEAR, MIN_YEAR, CutoffRule, PeriodKind, periods_of_kind
from kehoach.services.errors import InputError
from kehoach.services.plansettings import parse_cutoff_rule

STANDARD_KINDS = (
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.FIRST_HALF,
    PeriodKind.NINE_MONTHS,
    PeriodKind.SECOND_HALF,
    PeriodKind.YEAR,
)


@dataclass(frozen=True)
class PeriodInfo:
    code: str  # 2024-01, 2024-Q1, 2024-H1, 2024-9M, 2024-H2, 2024
    kind: PeriodKind
    label: str  # "Tháng 1 năm 2024" …
    start: date
    end: date


def list_periods(year: int, cutoff_rule: CutoffRule | str = CutoffRule.ND09) -> list[PeriodInfo]:
    """Months, quarters, 6 tháng đầu năm, 9 tháng, 6 tháng cuối năm and the year, in that order,
    dated by ``cutoff_rule`` (Nghị định 09/2019: the 15th to the 14th; or calendar months)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(f"năm '{year}' không hợp lệ (cần từ {MIN_YEAR} đến {MAX_YEAR})")
    rule = parse_cutoff_rule(cutoff_rule)
    found = []
    for kind in STANDARD_KINDS:
        for period in periods_of_kind(year, kind):
            start, end = period.dates(rule)
            found.append(PeriodInfo(period.code, kind, period.label, start, end))
    return found
