"""Plain records that storage hands out besides core objects (never row objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehoach.core.plan import Plan


@dataclass(frozen=True)
class Source:
    """Where a plan came from: the normalized text and the file it was read from."""

    text: str | None
    name: str | None
    format: str | None  # "txt" | "docx" | "pdf" | "json"
    fingerprint: str | None  # sha256 of the normalized text


@dataclass(frozen=True)
class PlanSummary:
    """One line of the plan list."""

    plan_id: int
    number: str | None
    issuer: str | None
    date: dt.date | None
    plan_year: int | None
    subject: str | None
    source_name: str | None
    created_at: dt.datetime
    task_count: int
    indicator_count: int
    target_count: int
    warning_count: int


@dataclass(frozen=True)
class StoredPlan:
    """A plan as kept in the database, with its id and provenance."""

    plan_id: int
    plan: Plan
    created_at: dt.datetime
    source_name: str | None
    source_format: str | None
    fingerprint: str | None
