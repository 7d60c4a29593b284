"""Storage failures, with a one-line Vietnamese message for the user."""

from __future__ import annotations

# What the drivers say when a row breaks a unique constraint.
_PG_UNIQUE_VIOLATION = "23505"  # SQLSTATE unique_violation (psycopg: ``sqlstate``)
_SQLITE_DUPLICATES = (1555, 2067)  # SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE (``sqlite_errorcode``)
_SQLITE_BUSY = (5, 6, 261, 517)  # SQLITE_BUSY, SQLITE_LOCKED, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT
BUSY_MESSAGE = "cơ sở dữ liệu đang bận vì một thao tác ghi khác chưa xong; không có gì được lưu, hãy thử lại"


class StorageError(Exception):
    """The database cannot be opened, migrated or written."""


class WriteConflict(StorageError):
    """Another transaction wrote the same row (a figure's revision, a period's approval step)
    at the same moment and committed first: the database refused the duplicate and nothing of
    this transaction was kept. Running the unit of work again sees what the other one wrote."""


def is_duplicate(exc: BaseException) -> bool:
    """``exc`` (a driver's error, or SQLAlchemy's wrapping of one) is a unique constraint refusing a row."""
    error = getattr(exc, "orig", None) or exc
    if getattr(error, "sqlstate", None) == _PG_UNIQUE_VIOLATION:
        return True
    return getattr(error, "sqlite_errorcode", None) in _SQLITE_DUPLICATES


def is_busy(exc: BaseException) -> bool:
    """``exc`` says a SQLite file stayed locked by another writer longer than the busy timeout."""
    error = getattr(exc, "orig", None) or exc
    return getattr(error, "sqlite_errorcode", None) in _SQLITE_BUSY


def first_line(exc: BaseException) -> str:
    """The first line of what the driver said (SQLAlchemy's wrapping set aside)."""
    detail = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(detail).splitlines() if line.strip()]
    return lines[0] if lines else type(detail).__name__
