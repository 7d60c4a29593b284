"""The account repository: users, sign-in sessions, API tokens and login attempts.

Secrets never reach this module in clear: passwords arrive as argon2 hashes, session and
API tokens as SHA-256 hashes (services.passwords, services.sessions, services.tokens).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from kehoach.storage.accountrecords import StoredSession, StoredToken, StoredUser
from kehoach.storage.accounttables import ApiTokenRow, LoginAttemptRow, SessionRow, UserRow
from kehoach.storage.base import now
from kehoach.storage.planrows import aware

_USER_COLUMNS = (
    UserRow.id,
    UserRow.username,
    UserRow.full_name,
    UserRow.role,
    UserRow.unit_code,
    UserRow.active,
    UserRow.created_at,
    UserRow.password_hash,
)


def _user(row: Any) -> StoredUser:
    user_id, username, full_name, role, unit_code, active, created_at, password_hash = row
    return StoredUser(user_id, username, full_name, role, unit_code, bool(active), aware(created_at), password_hash)


def _maybe(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else aware(moment)


class AccountRepository:
    """Accounts in one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # Users ------------------------------------------------------------------------------
    def add_user(
        self, username: str, full_name: str, role: str, unit_code: str | None, password_hash: str
    ) -> StoredUser:
        moment = now()
        user_id = self._session.execute(
            insert(UserRow)
            .values(
                username=username,
                full_name=full_name,
                role=role,
                unit_code=unit_code,
                password_hash=password_hash,
                active=True,
                created_at=moment,
            )
            .returning(UserRow.id)
        ).scalar_one()
        return StoredUser(user_id, username, full_name, role, unit_code, True, moment, password_hash)

    def user_by_name(self, username: str) -> StoredUser | None:
        row = self._session.execute(select(*_USER_COLUMNS).where(UserRow.username == username)).one_or_none()
        return None if row is None else _user(row)

    def user_by_id(self, user_id: int) -> StoredUser | None:
        row = self._session.execute(select(*_USER_COLUMNS).where(UserRow.id == user_id)).one_or_none()
        return None if row is None else _user(row)

    def users(self) -> list[StoredUser]:
        return [_user(row) for row in self._session.execute(select(*_USER_COLUMNS).order_by(UserRow.username))]

    def count_users(self) -> int:
        return int(self._session.execute(select(func.count()).select_from(UserRow)).scalar_one())

    def update_user(self, user_id: int, **values: Any) -> None:
        """Change ``full_name``, ``role``, ``unit_code``, ``password_hash`` or ``active``."""
        allowed = {"full_name", "role", "unit_code", "password_hash", "active"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"not a user column: {sorted(unknown)}")
        if values:
            self._session.execute(update(UserRow).where(UserRow.id == user_id).values(**values))

    # Sessions ---------------------------------------------------------------------------
    def add_session(self, token_hash: str, user_id: int, csrf_secret: str, client: str, expires_at: dt.datetime) -> int:
        moment = now()
        return int(
            self._session.execute(
                insert(SessionRow)
                .values(
                    token_hash=token_hash,
                    user_id=user_id,
                    csrf_secret=csrf_secret,
                    client=client[:100],
                    created_at=moment,
                    last_seen_at=moment,
                    expires_at=expires_at,
                )
                .returning(SessionRow.id)
            ).scalar_one()
        )

    def session_by_hash(self, token_hash: str, at: dt.datetime) -> StoredSession | None:
        """The unexpired session of an active user with this token hash."""
        row = self._session.execute(
            select(
                SessionRow.id,
                SessionRow.csrf_secret,
                SessionRow.created_at,
                SessionRow.last_seen_at,
                SessionRow.expires_at,
                *_USER_COLUMNS,
            )
            .join(UserRow, UserRow.id == SessionRow.user_id)
            .where(SessionRow.token_hash == token_hash, SessionRow.expires_at > at, UserRow.active.is_(True))
        ).one_or_none()
        if row is None:
            return None
        session_id, csrf, created, seen, expires, *user = row
        return StoredSession(session_id, _user(user), csrf, aware(created), aware(seen), aware(expires))

    def touch_session(self, session_id: int, at: dt.datetime, expires_at: dt.datetime) -> None:
        self._session.execute(
            update(SessionRow).where(SessionRow.id == session_id).values(last_seen_at=at, expires_at=expires_at)
        )

    def delete_session(self, token_hash: str) -> bool:
        result = self._session.execute(delete(SessionRow).where(SessionRow.token_hash == token_hash))
        return bool(getattr(result, "rowcount", 0))

    def delete_user_sessions(self, user_id: int) -> int:
        result = self._session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))
        return int(getattr(result, "rowcount", 0))

    def delete_expired_sessions(self, at: dt.datetime) -> int:
        result = self._session.execute(delete(SessionRow).where(SessionRow.expires_at <= at))
        return int(getattr(result, "rowcount", 0))

    def count_sessions(self, user_id: int | None = None) -> int:
        query = select(func.count()).select_from(SessionRow)
        if user_id is not None:
            query = query.where(SessionRow.user_id == user_id)
        return int(self._session.execute(query).scalar_one())

    # API tokens -------------------------------------------------------------------------
    def add_token(self, token_hash: str, prefix: str, name: str, user_id: int) -> int:
        return int(
            self._session.execute(
                insert(ApiTokenRow)
                .values(token_hash=token_hash, prefix=prefix, name=name, user_id=user_id, created_at=now())
                .returning(ApiTokenRow.id)
            ).scalar_one()
        )

    def _token_query(self) -> Any:
        return select(
            ApiTokenRow.id,
            ApiTokenRow.name,
            ApiTokenRow.prefix,
            ApiTokenRow.user_id,
            UserRow.username,
            ApiTokenRow.created_at,
            ApiTokenRow.last_used_at,
            ApiTokenRow.revoked_at,
        ).join(UserRow, UserRow.id == ApiTokenRow.user_id)

    @staticmethod
    def _token(row: Any) -> StoredToken:
        token_id, name, prefix, user_id, username, created, used, revoked = row
        return StoredToken(token_id, name, prefix, user_id, username, aware(created), _maybe(used), _maybe(revoked))

    def token_by_id(self, token_id: int) -> StoredToken | None:
        row = self._session.execute(self._token_query().where(ApiTokenRow.id == token_id)).one_or_none()
        return None if row is None else self._token(row)

    def tokens(self, user_id: int | None = None) -> list[StoredToken]:
        query = self._token_query().order_by(ApiTokenRow.id)
        if user_id is not None:
            query = query.where(ApiTokenRow.user_id == user_id)
        return [self._token(row) for row in self._session.execute(query)]

    def token_user(self, token_hash: str) -> tuple[StoredToken, StoredUser] | None:
        """The unrevoked token with this hash and its active owner."""
        row = self._session.execute(
            self._token_query()
            .add_columns(*_USER_COLUMNS)
            .where(ApiTokenRow.token_hash == token_hash, ApiTokenRow.revoked_at.is_(None), UserRow.active.is_(True))
        ).one_or_none()
        if row is None:
            return None
        return self._token(row[:8]), _user(row[8:])

    def touch_token(self, token_id: int, at: dt.datetime) -> None:
        self._session.execute(update(ApiTokenRow).where(ApiTokenRow.id == token_id).values(last_used_at=at))

    def revoke_token(self, token_id: int, at: dt.datetime) -> None:
        self._session.execute(
            update(ApiTokenRow)
            .where(ApiTokenRow.id == token_id, ApiTokenRow.revoked_at.is_(None))
            .values(revoked_at=at)
        )

    # Login attempts ---------------------------------------------------------------------
    def add_attempt(self, username: str, client: str, succeeded: bool, at: dt.datetime) -> None:
        self._session.execute(
            insert(LoginAttemptRow).values(
                username=username[:100], client=client[:100], succeeded=succeeded, attempted_at=at
            )
        )

    def failures(
        self, since: dt.datetime, *, username: str | None = None, client: str | None = None
    ) -> list[dt.datetime]:
        """When the failed attempts since ``since`` for ``username`` or ``client`` happened, oldest first."""
        query = select(LoginAttemptRow.attempted_at).where(
            LoginAttemptRow.attempted_at > since, LoginAttemptRow.succeeded.is_(False)
        )
        if username is not None:
            query = query.where(LoginAttemptRow.username == username[:100])
        if client is not None:
            query = query.where(LoginAttemptRow.client == client[:100])
        return [aware(at) for at in self._session.execute(query.order_by(LoginAttemptRow.attempted_at)).scalars()]

    def last_success(self, username: str) -> dt.datetime | None:
        found = self._session.execute(
            select(func.max(LoginAttemptRow.attempted_at)).where(
                LoginAttemptRow.username == username[:100], LoginAttemptRow.succeeded.is_(True)
            )
        ).scalar_one_or_none()
        return None if found is None else aware(found)

    def prune_attempts(self, before: dt.datetime) -> None:
        self._session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.attempted_at < before))
