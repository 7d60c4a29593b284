"""Opening the database and running one unit of work, with storage errors turned into ours.

Concurrent writers: two people saving the same figure (or approval step) at the same moment
both read revision N and write N + 1; the database lets the first commit and refuses the
second (a unique constraint, on SQLite and PostgreSQL alike), which is rolled back whole.
:func:`write_work` then runs the second unit of work once more: it reads what the first one
stored, and goes on as if it had come a moment later (a write naming the revision it replaces
is refused as stale, 409).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from kehoach.services.errors import ConcurrentWrite, DatabaseError
from kehoach.storage import Database, StorageError, Transaction, WriteConflict
from kehoach.storage import open_database as _open_storage

T = TypeVar("T")


def open_database(url: str | None = None) -> Database:
    """The configured database (``KEHOACH_DATABASE_URL`` / ``KEHOACH_HOME``), migrated to the newest schema."""
    try:
        return _open_storage(url)
    except StorageError as exc:
        raise DatabaseError(str(exc)) from exc


@contextmanager
def unit_of_work(db: Database) -> Iterator[Transaction]:
    """One transaction: all of it is stored, or none of it."""
    try:
        with db.transaction() as tx:
            yield tx
    except WriteConflict as exc:
        raise ConcurrentWrite(str(exc)) from exc
    except StorageError as exc:
        raise DatabaseError(str(exc)) from exc


def write_work(db: Database, work: Callable[[Transaction], T]) -> T:
    """``work`` in one unit of work, run once more in a new one when a concurrent writer stored
    the same row first (:class:`ConcurrentWrite` only if that happens again)."""
    try:
        with unit_of_work(db) as tx:
            return work(tx)
    except ConcurrentWrite:
        with unit_of_work(db) as tx:
            return work(tx)
