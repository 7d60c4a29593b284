"""Opening the database and running one unit of work, with storage errors turned into ours."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from kehoach.services.errors import DatabaseError
from kehoach.storage import Database, StorageError, Transaction
from kehoach.storage import open_database as _open_storage


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
    except StorageError as exc:
        raise DatabaseError(str(exc)) from exc
