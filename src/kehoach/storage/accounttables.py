"""Accounts, sessions, API tokens, login attempts and the audit log.

- ``users``: one row per account; ``role`` is a core.accounts.Role value, ``unit_code`` the
  unit the role is held at (NULL: the whole system). Passwords are stored only as argon2
  hashes (services.passwords).
- ``sessions``: server-side sign-in sessions; the cookie carries a random token, the table
  only its SHA-256 (``token_hash``), so a copy of the database opens no session.
- ``api_tokens``: bearer tokens for the API, stored the same way (hashed), revocable.
- ``login_attempts``: every sign-in attempt, for throttling guessers.
- ``audit_events``: changes that are not figure revisions (accounts, units, plans, target
  rules, approvals): who, when, what, where, the value before and after. Append-only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kehoach.core.accounts import Role
from kehoach.storage.base import Base, now, one_of


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(one_of("role", [role.value for role in Role]), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str | None] = mapped_column(String(50))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_secret: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(20))  # the first characters, to tell tokens apart
    name: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class LoginAttemptRow(Base):
    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)  # as typed, folded to lower case
    client: Mapped[str] = mapped_column(String(100), index=True)  # the client's address
    succeeded: Mapped[bool] = mapped_column(Boolean)
    attempted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)


class AuditEventRow(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)
    actor: Mapped[str] = mapped_column(String(200), index=True)
    action: Mapped[str] = mapped_column(String(40))
    unit_code: Mapped[str | None] = mapped_column(String(50), index=True)
    period: Mapped[str | None] = mapped_column(String(10))
    plan_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: the log outlives a plan
    object: Mapped[str] = mapped_column(Text, default="")
    old: Mapped[Any] = mapped_column(JSON, nullable=True)
    new: Mapped[Any] = mapped_column(JSON, nullable=True)
