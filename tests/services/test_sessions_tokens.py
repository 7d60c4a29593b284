"""Server-side sessions and personal API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from kehoach import services
from kehoach.core.accounts import Actor, Role
from kehoach.services import sessions
from kehoach.services.errors import InputError, NotFoundError, PermissionDenied
from kehoach.storage import Database

pytestmark = pytest.mark.usefixtures("ward", "fast_hashing")
PASSWORD = "mot-mat-khau-dai"


@pytest.fixture
def lan(db: Database, ward: int) -> Actor:
    return services.create_user(db, "lan", PASSWORD, role="truong_khom", unit_code="P9-1").actor


def test_a_session_resolves_to_its_actor_until_it_ends(db: Database, lan: Actor) -> None:
    new = services.create_session(db, lan, "10.0.0.1")
    assert len(new.token) >= 40 and len(new.csrf_token) >= 40 and new.token != new.csrf_token
    found = services.resolve_session(db, new.token)
    assert found is not None and found.actor == lan and found.csrf_token == new.csrf_token
    with db.transaction() as tx:
        assert tx.accounts.session_by_hash(
            hashlib.sha256(new.token.encode()).hexdigest(), new.expires_at - dt.timedelta(hours=1)
        )
    assert services.resolve_session(db, new.token + "x") is None
    assert services.end_session(db, new.token) is True
    assert services.resolve_session(db, new.token) is None
    assert services.end_session(db, new.token) is False


def test_a_session_expires_when_idle_and_after_its_lifetime(
    db: Database, lan: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = dt.datetime.now(dt.UTC)
    clock = {"now": start}
    monkeypatch.setattr(sessions, "_now", lambda: clock["now"])
    new = services.create_session(db, lan)
    # Active every few hours: the idle expiry moves on …
    for hours in range(6, 6 * 28, 6):
        clock["now"] = start + dt.timedelta(hours=hours)
        assert services.resolve_session(db, new.token) is not None, hours
    # … but not past the lifetime.
    clock["now"] = start + sessions.LIFETIME + dt.timedelta(minutes=1)
    assert services.resolve_session(db, new.token) is None
    idle = services.create_session(db, lan)
    clock["now"] += sessions.IDLE + dt.timedelta(minutes=1)
    assert services.resolve_session(db, idle.token) is None
    assert services.expire_sessions(db) == 1  # the first was deleted when the second was opened
    assert services.expire_sessions(db) == 0


def test_only_accounts_open_sessions(db: Database) -> None:
    with pytest.raises(NotFoundError):
        services.create_session(db, Actor("x", Role.ADMIN, None))


def test_a_token_acts_as_its_owner_and_is_stored_hashed(db: Database, lan: Actor) -> None:
    secret, token = services.create_token(db, "  đồng bộ   số liệu ", actor=lan)
    assert secret.startswith("khk_") and token.name == "đồng bộ số liệu" and token.prefix == secret[:12]
    assert services.resolve_token(db, secret) == lan
    assert services.resolve_token(db, secret[:-1]) is None
    assert services.resolve_token(db, "khong-phai-khoa") is None
    with db.transaction() as tx:
        assert tx.accounts.token_user(hashlib.sha256(secret.encode()).hexdigest()) is not None
    listed = services.list_tokens(db, actor=lan)
    assert [(t.name, t.username, t.active) for t in listed] == [("đồng bộ số liệu", "lan", True)]
    assert listed[0].last_used_at is not None
    services.revoke_token(db, token.token_id, actor=lan)
    assert services.resolve_token(db, secret) is None
    assert services.list_tokens(db, actor=lan)[0].active is False


def test_tokens_of_others_need_an_administrator(db: Database, lan: Actor) -> None:
    secret, token = services.create_token(db, "máy", actor=lan)
    binh = services.create_user(db, "binh", PASSWORD, role="truong_khom", unit_code="P9-2").actor
    with pytest.raises(PermissionDenied):
        services.revoke_token(db, token.token_id, actor=binh)
    with pytest.raises(PermissionDenied):
        services.create_token(db, "hộ", actor=binh, username="lan")
    with pytest.raises(PermissionDenied):
        services.list_tokens(db, actor=binh, username="lan")
    ward_admin = services.create_user(db, "qt", PASSWORD, role="quan_tri", unit_code="P9").actor
    assert services.create_token(db, "hộ", actor=ward_admin, username="lan")[1].username == "lan"
    services.revoke_token(db, token.token_id, actor=ward_admin)
    assert services.resolve_token(db, secret) is None
    with pytest.raises(NotFoundError):
        services.revoke_token(db, 9999)
    with pytest.raises(InputError, match="tên khóa API"):
        services.create_token(db, "   ", actor=lan)
    with pytest.raises(InputError, match="--user"):
        services.create_token(db, "máy")  # the local operator names the owner
    assert {t.username for t in services.list_tokens(db)} == {"lan"}
