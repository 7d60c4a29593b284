"""Read-only questions the pages ask that services do not answer yet (each one transaction).

Kept in one place so they can move into services as they are added there: the text of a
plan's resolution (for highlighting a target's sentence) and the months that have figures
(to open a dashboard on the latest one).
"""

from __future__ import annotations

from typing import Any

from kehoach import services
from kehoach.core.periods import Period, PeriodKind


def source_text(db: Any, plan_id: int) -> str | None:
    """The normalized text of the plan's resolution (None for a plan imported from JSON)."""
    with services.unit_of_work(db) as tx:
        text: str | None = tx.plans.source_text(plan_id)
        return text


def latest_month(db: Any, plan_id: int, year: int) -> Period | None:
    """The last month of ``year`` that has any recorded figure (actuals only)."""
    with services.unit_of_work(db) as tx:
        observations = tx.observations.current(plan_id)
    months = [o.period for o in observations if not o.estimate and o.period.year == year]
    if not months:
        return None
    last = max(p.last_month for p in months)
    return Period(PeriodKind.MONTH, year, last)
