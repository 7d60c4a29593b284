"""Personal API tokens for machine clients: ``Authorization: Bearer khk_…``.

A token is shown once, when created; the database keeps its SHA-256 and its first
characters (to tell tokens apart in a list). A token acts as its owner, with the owner's
current role and unit; it stops working when revoked or when the owner is deactivated.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.services.audit import log_event
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError, NotFoundError
from kehoach.services.permissions import check, permitted
from kehoach.services.sessions import TOUCH_EVERY, token_hash
from kehoach.services.unittrees import load_tree
from kehoach.services.users import actor_of, normalize_username
from kehoach.storage import Database, StoredToken, StoredUser, Transaction

PREFIX = "khk_"
SHOWN = 12  # characters of a token kept to recognise it ("khk_AbCdEfGh")
MAX_NAME = 100


@dataclass(frozen=True)
class ApiToken:
    token_id: int
    name: str
    prefix: str
    username: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _token(stored: StoredToken) -> ApiToken:
    return ApiToken(
        stored.token_id,
        stored.name,
        stored.prefix,
        stored.username,
        stored.created_at,
        stored.last_used_at,
        stored.revoked_at,
    )


def _owner(tx: Transaction, actor: Actor, username: str | None) -> StoredUser:
    """The account a token belongs to: the actor's own, or one the actor administers."""
    if username is None:
        if actor.user_id is None:
            raise InputError("cần chỉ rõ tài khoản sở hữu khóa API (tùy chọn --user)")
        stored = tx.accounts.user_by_id(actor.user_id)
    else:
        stored = tx.accounts.user_by_name(normalize_username(username))
    if stored is None:
        raise NotFoundError(f"không có tài khoản '{username or actor.username}'")
    if stored.user_id != actor.user_id:
        check(actor, Action.ADMINISTER, stored.unit_code, load_tree(tx))
    return stored


def create_token(
    db: Database, name: str, *, actor: Actor = LOCAL_OPERATOR, username: str | None = None
) -> tuple[str, ApiToken]:
    """A new token for the actor (or for ``username``, administered by the actor): the
    plaintext, shown once, and the token as listed."""
    label = " ".join(name.split())
    if not label or len(label) > MAX_NAME:
        raise InputError(f"tên khóa API cần từ 1 đến {MAX_NAME} ký tự")
    secret = PREFIX + secrets.token_urlsafe(32)
    with unit_of_work(db) as tx:
        owner = _owner(tx, actor, username)
        if not owner.active:
            raise InputError(f"tài khoản {owner.username} đã bị khóa")
        token_id = tx.accounts.add_token(token_hash(secret), secret[:SHOWN], label, owner.user_id)
        log_event(tx, actor, "token.create", unit_code=owner.unit_code, object=f"khóa API {label} của {owner.username}")
        stored = tx.accounts.token_by_id(token_id)
        assert stored is not None
        return secret, _token(stored)


def resolve_token(db: Database, secret: str) -> Actor | None:
    """The owner of an unrevoked token of an active account, or None."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    at = dt.datetime.now(dt.UTC)
    with unit_of_work(db) as tx:
        found = tx.accounts.token_user(token_hash(secret))
        if found is None:
            return None
        token, owner = found
        if token.last_used_at is None or at - token.last_used_at >= TOUCH_EVERY:
            tx.accounts.touch_token(token.token_id, at)
        return actor_of(owner)


def list_tokens(db: Database, *, actor: Actor = LOCAL_OPERATOR, username: str | None = None) -> list[ApiToken]:
    """The actor's own tokens; with ``username``, that account's (administered by the actor);
    the local operator without ``username``: every token."""
    with unit_of_work(db) as tx:
        if username is None and actor.user_id is None:
            tree = load_tree(tx)
            users = {u.user_id: u for u in tx.accounts.users()}
            return [
                _token(t)
                for t in tx.accounts.tokens()
                if permitted(actor, Action.ADMINISTER, users[t.user_id].unit_code, tree)
            ]
        owner = _owner(tx, actor, username)
        return [_token(t) for t in tx.accounts.tokens(owner.user_id)]


def revoke_token(db: Database, token_id: int, *, actor: Actor = LOCAL_OPERATOR) -> ApiToken:
    """Revoke a token: one's own, or one of an account the actor administers."""
    with unit_of_work(db) as tx:
        stored = tx.accounts.token_by_id(token_id)
        if stored is None:
            raise NotFoundError(f"không có khóa API số {token_id}")
        owner = tx.accounts.user_by_id(stored.user_id)
        assert owner is not None
        if owner.user_id != actor.user_id:
            check(actor, Action.ADMINISTER, owner.unit_code, load_tree(tx))
        if stored.revoked_at is None:
            tx.accounts.revoke_token(token_id, dt.datetime.now(dt.UTC))
            what = f"khóa API {stored.name} của {owner.username}"
            log_event(tx, actor, "token.revoke", unit_code=owner.unit_code, object=what)
        revoked = tx.accounts.token_by_id(token_id)
        assert revoked is not None
        return _token(revoked)
