"""Inserting many rows at once, fast: a province's year is 600,000 rows in one transaction.

PostgreSQL gets ``COPY … FROM STDIN`` (psycopg), SQLite a plain DBAPI ``executemany``; both
in the session's own transaction, with every value passed through its column type's bind
processor exactly as SQLAlchemy would (``DecimalText`` writes its canonical text). Small
batches and other backends go through an ordinary Core insert. Either way a row refused by
a unique constraint (a concurrent writer inserted it first) is a :class:`WriteConflict`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kehoach.storage.errors import StorageError, WriteConflict, first_line, is_duplicate

FAST_FROM = 200  # rows; below this an ordinary insert is as quick


def _rows(table: Table, columns: list[str], rows: Sequence[dict[str, Any]], dialect: Any) -> list[tuple[Any, ...]]:
    processors = [table.c[name].type.bind_processor(dialect) for name in columns]
    out = []
    for row in rows:
        values = [row[name] for name in columns]
        out.append(tuple(v if p is None else p(v) for p, v in zip(processors, values, strict=True)))
    return out


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` within the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if len(rows) < FAST_FROM or dialect.name not in ("postgresql", "sqlite"):
        try:
            session.execute(insert(table), list(rows))
        except IntegrityError as exc:
            if is_duplicate(exc):
                raise WriteConflict(f"lỗi cơ sở dữ liệu: {first_line(exc)}") from exc
            raise
        return
    columns = list(rows[0])
    quote = dialect.identifier_preparer
    names = ", ".join(quote.quote(name) for name in columns)
    target = quote.format_table(table)
    values = _rows(table, columns, rows, dialect)
    raw = connection.connection.driver_connection
    assert raw is not None
    try:
        if dialect.name == "postgresql":
            with raw.cursor() as cursor, cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)
            return
        cursor = raw.cursor()
        try:
            cursor.executemany(f"INSERT INTO {target} ({names}) VALUES ({', '.join('?' for _ in columns)})", values)
        finally:
            cursor.close()
    except dialect.loaded_dbapi.Error as exc:  # the driver's own errors: SQLAlchemy did not see them
        error = WriteConflict if is_duplicate(exc) else StorageError
        raise error(f"lỗi cơ sở dữ liệu: {first_line(exc)}") from exc
