"""Passwords: argon2id hashes (argon2-cffi), strength rules, generated passwords.

A hash made with older parameters is replaced at the next successful sign-in
(:func:`needs_rehash`), so raising the cost later needs no migration.
"""

from __future__ import annotations

import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kehoach.services.errors import InputError

MIN_LENGTH = 8
MAX_LENGTH = 256  # argon2 takes any length; a cap keeps a huge "password" from costing anything
# No look-alikes (0/O, 1/l/I): a generated password is read off a screen and typed.
_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified when the username is unknown, so a wrong name takes as long as a wrong password."""
    return _hasher.hash(secrets.token_urlsafe(16))


def check_strength(password: str, username: str = "") -> str:
    if len(password) < MIN_LENGTH:
        raise InputError(f"mật khẩu cần ít nhất {MIN_LENGTH} ký tự")
    if len(password) > MAX_LENGTH:
        raise InputError(f"mật khẩu dài quá {MAX_LENGTH} ký tự")
    if not password.strip():
        raise InputError("mật khẩu không được chỉ gồm khoảng trắng")
    if username and password.strip().lower() == username.lower():
        raise InputError("mật khẩu không được trùng tên đăng nhập")
    if len(set(password)) < 3:
        raise InputError("mật khẩu quá đơn giản (lặp lại một vài ký tự)")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; with no hash, a dummy check of the same cost, then False."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def generate_password(groups: int = 4, size: int = 5) -> str:
    """A strong random password such as ``k7mQ2-x9tRw-HbV3c-p4ZnE`` (about 110 bits)."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(size)) for _ in range(groups))
