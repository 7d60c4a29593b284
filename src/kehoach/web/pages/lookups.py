"""Read-only questions the pages ask that services do not answer yet (each one transaction).

Kept in one place so they can move into services as they are added there: the text of a
plan's resolution (for highlighting a target's sentence); the latest month with figures (to
open a dashboard on it) is services.figures.latest_month.
"""

from __future__ import annotations

from typing import Any

from kehoach import services


def source_text(db: Any, plan_id: int) -> str | None:
    """The normalized text of the plan's resolution (None for a plan imported from JSON)."""
    with services.unit_of_work(db) as tx:
        text: str | None = tx.plans.source_text(plan_id)
        return text
