"""Plain records of accounts, sign-in sessions, API tokens and audit events (never row objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StoredUser:
    user_id: int
    username: str
    full_name: str
    role: str  # a core.accounts.Role value
    unit_code: str | None  # None: the whole system
    active: bool
    created_at: dt.datetime
    password_hash: str


@dataclass(frozen=True)
class StoredSession:
    session_id: int
    user: StoredUser
    csrf_secret: str
    created_at: dt.datetime
    last_seen_at: dt.datetime
    expires_at: dt.datetime


@dataclass(frozen=True)
class StoredToken:
    token_id: int
    name: str
    prefix: str
    user_id: int
    username: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class AuditEvent:
    """One change that is not a figure revision: accounts, units, plans, target rules."""

    event_id: int
    at: dt.datetime
    actor: str
    action: str
    unit_code: str | None
    period: str | None
    plan_id: int | None
    object: str
    old: Any
    new: Any


@dataclass(frozen=True)
class FigureChange:
    """A figure revision as the audit log shows it: the slot, the figure before and after."""

    at: dt.datetime
    actor: str
    plan_id: int
    target_key: str
    unit_code: str
    period: str
    estimate: bool
    seq: int
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    reason: str


@dataclass(frozen=True)
class ApprovalChange:
    """A period transition as the audit log shows it."""

    at: dt.datetime
    actor: str
    plan_id: int
    unit_code: str
    period: str
    seq: int
    state: str
    reason: str
