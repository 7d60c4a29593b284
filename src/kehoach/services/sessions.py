"""Server-side sign-in sessions.

The browser holds a random token (``secrets.token_urlsafe(32)``); the database holds only
its SHA-256, the account, a CSRF secret for the forms of the session, and the times. A
session ends when signed out, after :data:`IDLE` without a request, or :data:`LIFETIME`
after sign-in, whichever comes first; changing the account's password, role or unit, or
deactivating it, ends its sessions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from kehoach.core.accounts import Actor
from kehoach.services.database import unit_of_work
from kehoach.services.errors import NotFoundError
from kehoach.services.users import actor_of
from kehoach.storage import Database

IDLE = dt.timedelta(hours=12)
LIFETIME = dt.timedelta(days=7)
TOUCH_EVERY = dt.timedelta(minutes=1)  # the last-seen time is written at most this often


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class NewSession:
    token: str  # goes in the cookie; never stored
    csrf_token: str
    expires_at: dt.datetime
    actor: Actor


@dataclass(frozen=True)
class SessionInfo:
    session_id: int
    actor: Actor
    csrf_token: str
    expires_at: dt.datetime


def create_session(db: Database, actor: Actor, client: str = "") -> NewSession:
    """Open a session for a signed-in account (``actor.user_id``)."""
    if actor.user_id is None:
        raise NotFoundError("chỉ tài khoản đã đăng nhập mới mở được phiên làm việc")
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    at = _now()
    expires = at + IDLE
    with unit_of_work(db) as tx:
        tx.accounts.delete_expired_sessions(at)
        tx.accounts.add_session(token_hash(token), actor.user_id, csrf, client, expires)
    return NewSession(token, csrf, expires, actor)


def resolve_session(db: Database, token: str) -> SessionInfo | None:
    """The live session of ``token`` (its expiry moved on), or None."""
    if not token or len(token) > 200:
        return None
    at = _now()
    with unit_of_work(db) as tx:
        found = tx.accounts.session_by_hash(token_hash(token), at)
        if found is None or at >= found.created_at + LIFETIME:
            return None
        expires = found.expires_at
        if at - found.last_seen_at >= TOUCH_EVERY:
            expires = min(at + IDLE, found.created_at + LIFETIME)
            tx.accounts.touch_session(found.session_id, at, expires)
        return SessionInfo(found.session_id, actor_of(found.user), found.csrf_secret, expires)


def end_session(db: Database, token: str) -> bool:
    """Sign out: the session is deleted (True when there was one)."""
    if not token or len(token) > 200:
        return False
    with unit_of_work(db) as tx:
        return tx.accounts.delete_session(token_hash(token))


def expire_sessions(db: Database) -> int:
    """Delete every expired session; returns how many."""
    with unit_of_work(db) as tx:
        return tx.accounts.delete_expired_sessions(_now())
