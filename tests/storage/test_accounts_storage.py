"""The account repository and the audit log repository, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.storage import AuditFilter, Database, StorageError

NOW = dt.datetime(2030, 5, 6, 7, 8, 9, tzinfo=dt.UTC)


def test_users_round_trip(db: Database) -> None:
    with db.transaction() as tx:
        added = tx.accounts.add_user("lan", "Nguyễn Thị Lan", "truong_khom", "K1", "$argon2id$gia")
    with db.transaction() as tx:
        found = tx.accounts.user_by_name("lan")
        assert found == tx.accounts.user_by_id(added.user_id)
        assert found is not None and (found.full_name, found.unit_code, found.active) == ("Nguyễn Thị Lan", "K1", True)
        tx.accounts.update_user(added.user_id, active=False, role="lanh_dao")
        with pytest.raises(ValueError, match="not a user column"):
            tx.accounts.update_user(added.user_id, username="x")
    with db.transaction() as tx:
        assert [(u.username, u.role, u.active) for u in tx.accounts.users()] == [("lan", "lanh_dao", False)]
        assert tx.accounts.count_users() == 1


def test_a_username_is_unique_and_a_role_is_checked(db: Database) -> None:
    with db.transaction() as tx:
        tx.accounts.add_user("lan", "", "truong_khom", "K1", "h")
    with pytest.raises(StorageError), db.transaction() as tx:
        tx.accounts.add_user("lan", "", "lanh_dao", "K1", "h")
    with pytest.raises(StorageError), db.transaction() as tx:
        tx.accounts.add_user("binh", "", "giam_doc", "K1", "h")


def test_sessions_live_until_they_expire_and_only_for_active_users(db: Database) -> None:
    with db.transaction() as tx:
        user = tx.accounts.add_user("lan", "", "truong_khom", "K1", "h")
        tx.accounts.add_session("a" * 64, user.user_id, "csrf", "10.0.0.1", NOW + dt.timedelta(hours=1))
        tx.accounts.add_session("b" * 64, user.user_id, "csrf", "", NOW - dt.timedelta(hours=1))
    with db.transaction() as tx:
        live = tx.accounts.session_by_hash("a" * 64, NOW)
        assert live is not None and live.user.username == "lan" and live.expires_at == NOW + dt.timedelta(hours=1)
        assert tx.accounts.session_by_hash("b" * 64, NOW) is None
        assert tx.accounts.delete_expired_sessions(NOW) == 1
        tx.accounts.update_user(user.user_id, active=False)
    with db.transaction() as tx:
        assert tx.accounts.session_by_hash("a" * 64, NOW) is None
        assert tx.accounts.delete_user_sessions(user.user_id) == 1


def test_tokens_resolve_until_revoked(db: Database) -> None:
    with db.transaction() as tx:
        user = tx.accounts.add_user("lan", "", "truong_khom", "K1", "h")
        token_id = tx.accounts.add_token("c" * 64, "khk_abcdefgh", "máy", user.user_id)
    with db.transaction() as tx:
        found = tx.accounts.token_user("c" * 64)
        assert found is not None and found[0].token_id == token_id and found[1].username == "lan"
        tx.accounts.touch_token(token_id, NOW)
        tx.accounts.revoke_token(token_id, NOW)
    with db.transaction() as tx:
        assert tx.accounts.token_user("c" * 64) is None
        stored = tx.accounts.token_by_id(token_id)
        assert stored is not None and stored.last_used_at == NOW and stored.revoked_at == NOW


def test_login_attempts_are_counted_and_pruned(db: Database) -> None:
    with db.transaction() as tx:
        for minutes, ok in ((1, False), (2, False), (3, True), (4, False)):
            tx.accounts.add_attempt("lan", "10.0.0.1", ok, NOW + dt.timedelta(minutes=minutes))
    with db.transaction() as tx:
        assert len(tx.accounts.failures(NOW, username="lan")) == 3
        assert len(tx.accounts.failures(NOW, client="10.0.0.1")) == 3
        assert tx.accounts.last_success("lan") == NOW + dt.timedelta(minutes=3)
        tx.accounts.prune_attempts(NOW + dt.timedelta(minutes=3))
    with db.transaction() as tx:
        assert tx.accounts.failures(NOW, username="lan") == [NOW + dt.timedelta(minutes=4)]


def test_audit_events_keep_json_and_read_back_filtered(db: Database) -> None:
    with db.transaction() as tx:
        tx.audit.add("lan", "target.rule", unit_code="P1", plan_id=3, object="chỉ tiêu 5.2", old={"a": "1.5"}, new=None)
        tx.audit.add("binh", "user.create", unit_code="P2", object="tài khoản x", new={"role": "lanh_dao"})
    with db.transaction() as tx:
        assert [e.actor for e in tx.audit.events(AuditFilter())] == ["binh", "lan"]
        only = tx.audit.events(AuditFilter(unit_codes={"P1"}))
        assert [(e.action, e.plan_id, e.old, e.new) for e in only] == [("target.rule", 3, {"a": "1.5"}, None)]
        assert tx.audit.events(AuditFilter(actor="lan", plan_id=4)) == []
