"""Accounts: create, list, change role or unit, change password, deactivate; the first administrator.

Every change is checked (services.permissions: ADMINISTER at the account's unit; an account
of the whole system needs a system-wide administrator) and written to the audit log in the
same transaction. Passwords are kept only as argon2 hashes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kehoach.core.accounts import LOCAL_OPERATOR, ROLE_LABELS, Action, Actor, Role
from kehoach.core.text import fold
from kehoach.services.audit import log_event
from kehoach.services.database import unit_of_work
from kehoach.services.errors import ConflictError, InputError, NotFoundError
from kehoach.services.passwords import check_strength, generate_password, hash_password, verify_password
from kehoach.services.permissions import check, permitted
from kehoach.services.unittrees import load_tree
from kehoach.storage import Database, StoredUser, Transaction

ADMIN_USERNAME = "quantri"
MAX_FULL_NAME = 200
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,49}$")


@dataclass(frozen=True)
class User:
    """An account as callers see it (never its password hash)."""

    user_id: int
    username: str
    full_name: str
    role: Role
    unit_code: str | None
    active: bool
    created_at: dt.datetime

    @property
    def actor(self) -> Actor:
        return Actor(self.username, self.role, self.unit_code, self.full_name, self.user_id)


def to_user(stored: StoredUser) -> User:
    return User(
        stored.user_id,
        stored.username,
        stored.full_name,
        Role(stored.role),
        stored.unit_code,
        stored.active,
        stored.created_at,
    )


def normalize_username(username: str) -> str:
    return username.strip().lower()


def check_username(username: str) -> str:
    name = normalize_username(username)
    if not _USERNAME.match(name):
        raise InputError(
            f"tên đăng nhập '{username}' không hợp lệ: cần 2–50 ký tự, gồm chữ cái không dấu, chữ số, "
            "dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ cái hoặc chữ số"
        )
    return name


def parse_role(text: str | Role) -> Role:
    """A role by value (``truong_khom``) or by its Vietnamese name (``Trưởng khóm``, ``truong khom``)."""
    if isinstance(text, Role):
        return text
    key = " ".join(fold(text).replace("_", " ").replace("-", " ").split())
    for role in Role:
        if key in (" ".join(role.value.split("_")), " ".join(fold(ROLE_LABELS[role]).split())):
            return role
    names = ", ".join(f"{role.value} ({role.label})" for role in Role)
    raise InputError(f"không có vai trò '{text}' (dùng một trong: {names})")


def _check_full_name(full_name: str) -> str:
    name = " ".join(full_name.split())
    if len(name) > MAX_FULL_NAME:
        raise InputError(f"họ tên dài quá {MAX_FULL_NAME} ký tự")
    return name


def _home_unit(tx: Transaction, role: Role, unit_code: str | None) -> str | None:
    """The unit a role is held at: a stored unit; only an administrator may hold none."""
    code = unit_code.strip() if unit_code else None
    if code is None:
        if role is not Role.ADMIN:
            raise InputError(f"vai trò {role.label} cần đơn vị (mã đơn vị, xem lệnh units list)")
        return None
    if code not in load_tree(tx):
        raise NotFoundError(f"không có đơn vị mã '{code}' (xem lệnh units list)")
    return code


def _find(tx: Transaction, username: str) -> StoredUser:
    stored = tx.accounts.user_by_name(normalize_username(username))
    if stored is None:
        raise NotFoundError(f"không có tài khoản '{username}'")
    return stored


def _administer(tx: Transaction, actor: Actor, unit_code: str | None) -> None:
    check(actor, Action.ADMINISTER, unit_code, load_tree(tx))


def create_user(
    db: Database,
    username: str,
    password: str,
    *,
    role: Role | str,
    unit_code: str | None = None,
    full_name: str = "",
    actor: Actor = LOCAL_OPERATOR,
) -> User:
    """A new active account; a username already taken is refused (:class:`ConflictError`)."""
    name = check_username(username)
    chosen = parse_role(role)
    check_strength(password, name)
    full = _check_full_name(full_name)
    with unit_of_work(db) as tx:
        home = _home_unit(tx, chosen, unit_code)
        _administer(tx, actor, home)
        if tx.accounts.user_by_name(name) is not None:
            raise ConflictError(f"tên đăng nhập '{name}' đã có người dùng")
        stored = tx.accounts.add_user(name, full, chosen.value, home, hash_password(password))
        log_event(
            tx,
            actor,
            "user.create",
            unit_code=home,
            object=f"tài khoản {name}",
            new={"role": chosen.value, "unit_code": home, "full_name": full},
        )
        return to_user(stored)


def get_user(db: Database, username: str) -> User:
    with unit_of_work(db) as tx:
        return to_user(_find(tx, username))


def list_users(db: Database, *, actor: Actor = LOCAL_OPERATOR) -> list[User]:
    """The accounts the actor administers (the local operator: all), by username."""
    with unit_of_work(db) as tx:
        tree = load_tree(tx)
        check(actor, Action.ADMINISTER, actor.unit_code, tree)
        users = [to_user(stored) for stored in tx.accounts.users()]
    return [user for user in users if permitted(actor, Action.ADMINISTER, user.unit_code, tree)]


def change_role(
    db: Database,
    username: str,
    *,
    role: Role | str | None = None,
    unit_code: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> User:
    """Give an account another role and/or unit (its sessions end: they carried the old rights)."""
    if role is None and unit_code is None:
        raise InputError("cần cho biết vai trò mới hoặc đơn vị mới")
    with unit_of_work(db) as tx:
        stored = _find(tx, username)
        _administer(tx, actor, stored.unit_code)
        new_role = parse_role(role) if role is not None else Role(stored.role)
        new_unit = _home_unit(tx, new_role, unit_code if unit_code is not None else stored.unit_code)
        _administer(tx, actor, new_unit)
        if stored.username == actor.username and new_role is not Role.ADMIN and Role(stored.role) is Role.ADMIN:
            raise InputError("không tự bỏ quyền quản trị của chính mình; hãy nhờ một quản trị khác")
        tx.accounts.update_user(stored.user_id, role=new_role.value, unit_code=new_unit)
        tx.accounts.delete_user_sessions(stored.user_id)
        log_event(
            tx,
            actor,
            "user.role",
            unit_code=new_unit,
            object=f"tài khoản {stored.username}",
            old={"role": stored.role, "unit_code": stored.unit_code},
            new={"role": new_role.value, "unit_code": new_unit},
        )
        changed = tx.accounts.user_by_id(stored.user_id)
        assert changed is not None
        return to_user(changed)


def set_password(
    db: Database,
    username: str,
    new_password: str,
    *,
    actor: Actor = LOCAL_OPERATOR,
    old_password: str | None = None,
) -> User:
    """Change a password: one's own (the old password is needed when signed in), or, for an
    administrator of the account's unit, anyone's. Every session of the account ends."""
    with unit_of_work(db) as tx:
        stored = _find(tx, username)
        own = actor.user_id is not None and actor.user_id == stored.user_id
        if own:
            if old_password is None or not verify_password(stored.password_hash, old_password):
                raise InputError("mật khẩu hiện tại không đúng")
        else:
            _administer(tx, actor, stored.unit_code)
        check_strength(new_password, stored.username)
        tx.accounts.update_user(stored.user_id, password_hash=hash_password(new_password))
        tx.accounts.delete_user_sessions(stored.user_id)
        log_event(tx, actor, "user.password", unit_code=stored.unit_code, object=f"tài khoản {stored.username}")
        return to_user(stored)


def set_active(db: Database, username: str, active: bool, *, actor: Actor = LOCAL_OPERATOR) -> User:
    """Deactivate (``active`` False: sign-in, sessions and API tokens stop working) or reactivate."""
    with unit_of_work(db) as tx:
        stored = _find(tx, username)
        _administer(tx, actor, stored.unit_code)
        if not active and actor.user_id is not None and actor.user_id == stored.user_id:
            raise InputError("không tự khóa tài khoản của chính mình")
        if stored.active == active:
            return to_user(stored)
        tx.accounts.update_user(stored.user_id, active=active)
        if not active:
            tx.accounts.delete_user_sessions(stored.user_id)
        log_event(
            tx,
            actor,
            "user.activate" if active else "user.deactivate",
            unit_code=stored.unit_code,
            object=f"tài khoản {stored.username}",
            old={"active": stored.active},
            new={"active": active},
        )
        changed = tx.accounts.user_by_id(stored.user_id)
        assert changed is not None
        return to_user(changed)


def deactivate(db: Database, username: str, *, actor: Actor = LOCAL_OPERATOR) -> User:
    return set_active(db, username, False, actor=actor)


def ensure_admin(db: Database) -> tuple[str, str | None]:
    """On first run (no account at all) create the administrator ``quantri`` with a generated
    password and return it, once; later runs return ``(username, None)``. Never a fixed default."""
    with unit_of_work(db) as tx:
        if tx.accounts.count_users():
            return ADMIN_USERNAME, None
        password = generate_password()
        tx.accounts.add_user(ADMIN_USERNAME, "Quản trị hệ thống", Role.ADMIN.value, None, hash_password(password))
        log_event(
            tx,
            LOCAL_OPERATOR,
            "user.create",
            object=f"tài khoản {ADMIN_USERNAME}",
            new={"role": Role.ADMIN.value, "unit_code": None},
        )
        return ADMIN_USERNAME, password


def actor_of(stored: StoredUser) -> Actor:
    return Actor(stored.username, Role(stored.role), stored.unit_code, stored.full_name, stored.user_id)
