"""Signing in: a right password, a wrong one, throttling guessers, rehashing old hashes."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher

from kehoach import services
from kehoach.core.accounts import Role
from kehoach.services import authentication, passwords
from kehoach.services.errors import LoginRefused, LoginThrottled
from kehoach.storage import Database

pytestmark = pytest.mark.usefixtures("ward", "fast_hashing")
PASSWORD = "mot-mat-khau-dai"


@pytest.fixture
def lan(db: Database, ward: int) -> None:
    services.create_user(db, "lan", PASSWORD, role="truong_khom", unit_code="P9-1", full_name="Lan")


@pytest.mark.usefixtures("lan")
def test_the_right_password_gives_the_actor(db: Database) -> None:
    actor = services.authenticate(db, " LAN ", PASSWORD, "10.0.0.1")
    assert (actor.username, actor.role, actor.unit_code, actor.full_name) == ("lan", Role.KHOM_HEAD, "P9-1", "Lan")
    assert actor.user_id is not None


@pytest.mark.usefixtures("lan")
@pytest.mark.parametrize(
    ("username", "password"), [("lan", "sai-mat-khau"), ("khong-co", PASSWORD), ("", ""), ("lan", "x" * 5000)]
)
def test_every_refusal_says_the_same(db: Database, username: str, password: str) -> None:
    with pytest.raises(LoginRefused) as refused:
        services.authenticate(db, username, password)
    assert str(refused.value) == "Tên đăng nhập hoặc mật khẩu không đúng"
    assert not isinstance(refused.value, LoginThrottled)


@pytest.mark.usefixtures("lan")
def test_five_failures_lock_the_username_for_a_while(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    start = dt.datetime(2030, 1, 1, 8, 0, tzinfo=dt.UTC)
    clock = {"now": start}
    monkeypatch.setattr(authentication, "_now", lambda: clock["now"])
    for minute in range(5):
        clock["now"] = start + dt.timedelta(minutes=minute)
        with pytest.raises(LoginRefused):
            services.authenticate(db, "lan", "sai-mat-khau", f"10.0.0.{minute}")
    clock["now"] = start + dt.timedelta(minutes=5)
    with pytest.raises(LoginThrottled) as throttled:
        services.authenticate(db, "lan", PASSWORD, "10.9.9.9")
    assert throttled.value.retry_after == 10 * 60  # the first failure leaves the window at 08:15
    assert str(throttled.value) == "Đăng nhập sai quá nhiều lần; vui lòng thử lại sau 10 phút"
    clock["now"] = start + dt.timedelta(minutes=15, seconds=1)
    assert services.authenticate(db, "lan", PASSWORD).username == "lan"
    # A success starts the count again.
    with pytest.raises(LoginRefused) as again:
        services.authenticate(db, "lan", "sai-mat-khau")
    assert not isinstance(again.value, LoginThrottled)


def test_one_client_guessing_many_names_is_throttled_too(db: Database) -> None:
    for n in range(authentication.MAX_CLIENT_FAILURES):
        with pytest.raises(LoginRefused):
            services.authenticate(db, f"ten-{n}", "sai-mat-khau", "10.6.6.6")
    with pytest.raises(LoginThrottled):
        services.authenticate(db, "ten-moi", "sai-mat-khau", "10.6.6.6")
    with pytest.raises(LoginRefused) as elsewhere:
        services.authenticate(db, "ten-moi", "sai-mat-khau", "10.7.7.7")
    assert not isinstance(elsewhere.value, LoginThrottled)


@pytest.mark.usefixtures("lan")
def test_a_hash_with_old_parameters_is_replaced_on_sign_in(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", stronger)
    services.authenticate(db, "lan", PASSWORD)
    with db.transaction() as tx:
        stored = tx.accounts.user_by_name("lan")
    assert stored is not None and "m=2048,t=2,p=1" in stored.password_hash
    assert not stronger.check_needs_rehash(stored.password_hash)
