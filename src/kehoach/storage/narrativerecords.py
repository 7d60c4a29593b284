"""Plain records of the report text tables, handed to services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NarrativeVersion:
    """One version of one section's text; an empty text clears the section."""

    section: str
    seq: int
    text: str
    written_by: str
    written_at: dt.datetime


@dataclass(frozen=True)
class SettingsVersion:
    """Report settings of a unit (``plan_id`` None: every plan of it) or of one plan."""

    unit_code: str
    plan_id: int | None
    seq: int
    settings: dict[str, Any]
    changed_by: str
    changed_at: dt.datetime
