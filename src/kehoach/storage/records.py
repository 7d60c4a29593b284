"""Plain records that storage hands out besides core objects (never row objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehoach.core.approval import PeriodState
from kehoach.core.observations import Observation
from kehoach.core.periods import CutoffRule
from kehoach.core.plan import Plan
from kehoach.core.units import OrgUnit


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
    unit_code: str


@dataclass(frozen=True)
class StoredPlan:
    """A plan as kept in the database, with its id and provenance."""

    plan_id: int
    plan: Plan
    created_at: dt.datetime
    source_name: str | None
    source_format: str | None
    fingerprint: str | None
    unit_code: str  # the unit the plan belongs to
    cutoff_rule: CutoffRule  # how its reporting periods get their dates


@dataclass(frozen=True)
class StoredUnit:
    """A unit version with its row id (for corrections by the import)."""

    unit_id: int
    unit: OrgUnit


# (target key, unit code, period code, estimate): the slot a figure is recorded in.
SlotKey = tuple[str, str, str, bool]


@dataclass(frozen=True, slots=True)
class Slot:
    """A slot's current figure: its row id, the number of its latest revision and the figure
    (None when the latest revision cleared it)."""

    observation_id: int
    seq: int
    current: Observation | None


@dataclass(frozen=True, slots=True)
class Change:
    """One revision to append: to an existing slot (``observation_id``) or a new one."""

    key: SlotKey
    observation_id: int | None  # None: the slot is created
    seq: int  # the revision's number in its slot: 1 for a new slot
    new: Observation | None  # None clears the figure
    reason: str = ""
    source: str = ""


@dataclass(frozen=True)
class StatusChange:
    """One approval transition of a plan × unit × period."""

    state: PeriodState
    who: str
    when: dt.datetime
    reason: str
