"""Signing in with a username and a password, with throttling of guessers.

- The answer to a wrong username, a wrong password and a deactivated account is the same
  message, and an unknown username costs the same argon2 check: nothing tells whether an
  account exists.
- After :data:`MAX_USER_FAILURES` failed attempts for one username (since its last success)
  or :data:`MAX_CLIENT_FAILURES` from one client address within :data:`WINDOW`, attempts are
  refused unheard until the oldest of those failures is :data:`WINDOW` old
  (:class:`LoginThrottled`, with the seconds to wait). The client limit is higher because a
  whole ward office often shares one address.
- Every attempt heard is recorded (``login_attempts``), in its own transaction even when it
  fails; attempts older than a day are pruned.
- A password hash made with older argon2 parameters is replaced on success.
"""

from __future__ import annotations

import datetime as dt
import math

from kehoach.core.accounts import Actor, Role
from kehoach.services.database import unit_of_work
from kehoach.services.errors import LoginRefused, LoginThrottled
from kehoach.services.passwords import hash_password, needs_rehash, verify_password
from kehoach.services.users import actor_of, normalize_username
from kehoach.storage import Database

WINDOW = dt.timedelta(minutes=15)
MAX_USER_FAILURES = 5
MAX_CLIENT_FAILURES = 20
KEEP_ATTEMPTS = dt.timedelta(days=1)
REFUSED = "Tên đăng nhập hoặc mật khẩu không đúng"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _wait(failures: list[dt.datetime], limit: int, at: dt.datetime) -> int:
    """Seconds until fewer than ``limit`` of ``failures`` lie within the window (0: none)."""
    if len(failures) < limit:
        return 0
    oldest_counted = failures[-limit]
    return max(1, math.ceil((oldest_counted + WINDOW - at).total_seconds()))


def throttled(message_seconds: int) -> LoginThrottled:
    minutes = max(1, math.ceil(message_seconds / 60))
    return LoginThrottled(
        f"Đăng nhập sai quá nhiều lần; vui lòng thử lại sau {minutes} phút", retry_after=message_seconds
    )


def authenticate(db: Database, username: str, password: str, client: str = "") -> Actor:
    """The actor of a correct username and password, else :class:`LoginRefused` (or
    :class:`LoginThrottled` when too many attempts failed lately)."""
    name = normalize_username(username)[:100]
    at = _now()
    with unit_of_work(db) as tx:
        accounts = tx.accounts
        since = at - WINDOW
        last_success = accounts.last_success(name)
        user_since = max(since, last_success) if last_success is not None else since
        wait = max(
            _wait(accounts.failures(user_since, username=name), MAX_USER_FAILURES, at),
            _wait(accounts.failures(since, client=client), MAX_CLIENT_FAILURES, at) if client else 0,
        )
        if wait:
            raise throttled(wait)
        stored = accounts.user_by_name(name) if name else None
        good = verify_password(stored.password_hash if stored else None, password)
        succeeded = bool(stored and good and stored.active)
        accounts.add_attempt(name, client, succeeded, at)
        accounts.prune_attempts(at - KEEP_ATTEMPTS)
        if succeeded and stored is not None and needs_rehash(stored.password_hash):
            accounts.update_user(stored.user_id, password_hash=hash_password(password))
    # Outside the transaction: a failed attempt is recorded before the refusal.
    if not succeeded or stored is None:
        raise LoginRefused(REFUSED)
    actor = actor_of(stored)
    assert isinstance(actor.role, Role)
    return actor
