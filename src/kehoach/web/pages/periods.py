"""Choosing a period on a page: the choices of a plan year and the one shown by default."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kehoach.core.periods import Period, PeriodError, PeriodKind, parse_period, year_periods
from kehoach.services.figures import latest_month
from kehoach.web.pages.access import PageRefused

_GROUPS = (
    ("Tháng", (PeriodKind.MONTH,)),
    ("Quý", (PeriodKind.QUARTER,)),
    ("Lũy kế", (PeriodKind.FIRST_HALF, PeriodKind.NINE_MONTHS, PeriodKind.YEAR)),
    ("Khác", (PeriodKind.SECOND_HALF,)),
)


@dataclass(frozen=True)
class PeriodChoice:
    label: str
    periods: list[Period]


def period_choices(year: int) -> list[PeriodChoice]:
    periods = year_periods(year)
    return [PeriodChoice(label, [p for p in periods if p.kind in kinds]) for label, kinds in _GROUPS]


def plan_year(stored: Any) -> int:
    """The plan year of a stored plan or of a plan's summary line."""
    year = stored.plan.document.plan_year if hasattr(stored, "plan") else stored.plan_year
    return int(year) if year else dt.date.today().year


def chosen_period(db: Any, stored: Any, code: str | None) -> Period:
    """The period asked for (``?ky=2024-06``), else the latest month with figures."""
    year = plan_year(stored)
    if code:
        try:
            period = parse_period(code.strip())
        except PeriodError as exc:
            raise PageRefused(400, str(exc)) from exc
        if period.year not in (year, year - 1):
            raise PageRefused(400, f"kỳ {period.code} không thuộc năm kế hoạch {year}")
        return period
    latest = latest_month(db, stored.plan_id, year)
    if latest is not None:
        return latest
    today = dt.date.today()
    return Period.of_month(year, today.month if today.year == year else 1)
