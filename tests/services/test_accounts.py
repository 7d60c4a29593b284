"""Accounts: creating, listing, changing role, unit and password, deactivating; the first
administrator; passwords kept only as argon2 hashes."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from kehoach import services
from kehoach.core.accounts import LOCAL_OPERATOR, Actor, Role
from kehoach.services import passwords
from kehoach.services.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from kehoach.storage import Database

pytestmark = pytest.mark.usefixtures("ward", "fast_hashing")

PASSWORD = "mot-mat-khau-dai"


def test_an_account_is_created_with_its_role_and_unit(db: Database) -> None:
    user = services.create_user(
        db, " Lan.Nguyen ", PASSWORD, role="Trưởng khóm", unit_code="P9-1", full_name=" Nguyễn  Thị Lan "
    )
    assert (user.username, user.role, user.unit_code, user.full_name, user.active) == (
        "lan.nguyen",
        Role.KHOM_HEAD,
        "P9-1",
        "Nguyễn Thị Lan",
        True,
    )
    assert user.actor == Actor("lan.nguyen", Role.KHOM_HEAD, "P9-1", "Nguyễn Thị Lan", user.user_id)
    assert services.get_user(db, "LAN.NGUYEN") == user


def test_the_password_is_stored_only_as_an_argon2_hash(db: Database, database_url: str) -> None:
    services.create_user(db, "lan", PASSWORD, role=Role.WARD_OFFICER, unit_code="P9")
    engine = create_engine(database_url)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM users WHERE username = 'lan'")).scalar_one()
        everything = repr(connection.execute(text("SELECT * FROM users")).all())
    engine.dispose()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in everything
    assert passwords.verify_password(stored, PASSWORD) and not passwords.verify_password(stored, "sai")


@pytest.mark.parametrize(
    ("username", "password", "role", "unit", "message"),
    [
        ("lan", "ngan", "can_bo_phuong", "P9", "mật khẩu cần ít nhất 8 ký tự"),
        ("lan", "aaaaaaaaaa", "can_bo_phuong", "P9", "mật khẩu quá đơn giản"),
        ("lan", "LAN", "can_bo_phuong", "P9", "mật khẩu cần ít nhất"),
        ("lan12345", "lan12345", "can_bo_phuong", "P9", "mật khẩu không được trùng tên đăng nhập"),
        ("Lê Lan", PASSWORD, "can_bo_phuong", "P9", "tên đăng nhập 'Lê Lan' không hợp lệ"),
        ("lan", PASSWORD, "giam_doc", "P9", "không có vai trò 'giam_doc'"),
        ("lan", PASSWORD, "truong_khom", None, "vai trò Trưởng khóm cần đơn vị"),
    ],
)
def test_bad_accounts_are_refused_in_vietnamese(
    db: Database, username: str, password: str, role: str, unit: str | None, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        services.create_user(db, username, password, role=role, unit_code=unit)


def test_a_username_is_taken_once_and_units_must_exist(db: Database) -> None:
    services.create_user(db, "lan", PASSWORD, role="can_bo_phuong", unit_code="P9")
    with pytest.raises(ConflictError, match="tên đăng nhập 'lan' đã có người dùng"):
        services.create_user(db, "LAN", PASSWORD, role="lanh_dao", unit_code="P9")
    with pytest.raises(NotFoundError, match="không có đơn vị mã 'P7'"):
        services.create_user(db, "binh", PASSWORD, role="lanh_dao", unit_code="P7")


def test_roles_are_read_by_value_or_vietnamese_name() -> None:
    assert services.parse_role("dai_bieu_hdnd") is Role.COUNCIL
    assert services.parse_role("Đại biểu HĐND") is Role.COUNCIL
    assert services.parse_role("can bo phuong") is Role.WARD_OFFICER
    assert services.parse_role("quản trị") is Role.ADMIN


def test_an_administrator_manages_only_accounts_of_their_scope(db: Database) -> None:
    ward_admin = services.create_user(db, "qt", PASSWORD, role="quan_tri", unit_code="P9").actor
    services.create_user(db, "lan", PASSWORD, role="truong_khom", unit_code="P9-2", actor=ward_admin)
    with pytest.raises(PermissionDenied, match="không có quyền quản trị đơn vị và tài khoản tại Ấp 1 \\(X8-1\\)"):
        services.create_user(db, "an", PASSWORD, role="truong_khom", unit_code="X8-1", actor=ward_admin)
    with pytest.raises(PermissionDenied, match="toàn hệ thống"):
        services.create_user(db, "sys", PASSWORD, role="quan_tri", actor=ward_admin)
    services.create_user(db, "an", PASSWORD, role="truong_khom", unit_code="X8-1")
    assert [u.username for u in services.list_users(db, actor=ward_admin)] == ["lan", "qt"]
    assert [u.username for u in services.list_users(db)] == ["an", "lan", "qt"]
    khom_head = services.get_user(db, "lan").actor
    with pytest.raises(PermissionDenied):
        services.list_users(db, actor=khom_head)
    with pytest.raises(PermissionDenied):
        services.change_role(db, "an", role="lanh_dao", actor=ward_admin)
    with pytest.raises(PermissionDenied):  # moving one's own account out of scope
        services.change_role(db, "lan", unit_code="X8", actor=ward_admin)


def test_changing_role_or_password_ends_the_sessions(db: Database) -> None:
    user = services.create_user(db, "lan", PASSWORD, role="truong_khom", unit_code="P9-1")
    session = services.create_session(db, user.actor)
    changed = services.change_role(db, "lan", role="can_bo_phuong", unit_code="P9")
    assert (changed.role, changed.unit_code) == (Role.WARD_OFFICER, "P9")
    assert services.resolve_session(db, session.token) is None
    session = services.create_session(db, changed.actor)
    services.set_password(db, "lan", "mat-khau-moi-123")
    assert services.resolve_session(db, session.token) is None
    assert services.authenticate(db, "lan", "mat-khau-moi-123").role is Role.WARD_OFFICER


def test_one_changes_ones_own_password_with_the_old_one(db: Database) -> None:
    me = services.create_user(db, "lan", PASSWORD, role="truong_khom", unit_code="P9-1").actor
    with pytest.raises(InputError, match="mật khẩu hiện tại không đúng"):
        services.set_password(db, "lan", "mat-khau-moi-123", actor=me, old_password="sai-roi-nhe")
    services.set_password(db, "lan", "mat-khau-moi-123", actor=me, old_password=PASSWORD)
    other = services.create_user(db, "binh", PASSWORD, role="truong_khom", unit_code="P9-2").actor
    with pytest.raises(PermissionDenied):
        services.set_password(db, "lan", "ke-xau-doi-mat-khau", actor=other)


def test_a_deactivated_account_cannot_sign_in_nor_use_its_token(db: Database) -> None:
    user = services.create_user(db, "lan", PASSWORD, role="truong_khom", unit_code="P9-1")
    secret, _ = services.create_token(db, "máy", actor=user.actor)
    session = services.create_session(db, user.actor)
    assert services.deactivate(db, "lan").active is False
    assert services.resolve_token(db, secret) is None
    assert services.resolve_session(db, session.token) is None
    with pytest.raises(services.LoginRefused):
        services.authenticate(db, "lan", PASSWORD)
    assert services.set_active(db, "lan", True).active
    assert services.resolve_token(db, secret) is not None


def test_nobody_locks_themselves_out(db: Database) -> None:
    admin = services.create_user(db, "qt", PASSWORD, role="quan_tri").actor
    with pytest.raises(InputError, match="không tự khóa"):
        services.deactivate(db, "qt", actor=admin)
    with pytest.raises(InputError, match="không tự bỏ quyền quản trị"):
        services.change_role(db, "qt", role="lanh_dao", unit_code="P9", actor=admin)


def test_the_first_administrator_gets_a_generated_password_once(db: Database) -> None:
    username, password = services.ensure_admin(db)
    assert username == "quantri" and password is not None
    assert len(password) >= 20 and password != services.ensure_admin.__name__
    assert services.ensure_admin(db) == ("quantri", None)
    actor = services.authenticate(db, "quantri", password)
    assert (actor.role, actor.unit_code) == (Role.ADMIN, None)
    other_db_password = passwords.generate_password()
    assert other_db_password != password  # random, never a fixed default


def test_accounts_made_on_the_command_line_name_the_local_operator(db: Database) -> None:
    services.create_user(db, "lan", PASSWORD, role="truong_khom", unit_code="P9-1")
    events = services.audit_log(db, actor=LOCAL_OPERATOR)
    assert [(e.action, e.who, e.object, e.new["role"]) for e in events if e.action.startswith("user.")] == [
        ("user.create", "may-cuc-bo", "tài khoản lan", "truong_khom")
    ]
    assert all("mot-mat-khau" not in repr(e) for e in events)
    assert {e.action for e in events if e.kind == "event"} == {"user.create", "units.import", "plan.import"}
