"""Alembic environment of kehoach.

Run from code by :func:`kehoach.storage.migrate.upgrade_to_head`, which passes an open
connection in ``config.attributes["connection"]``. Run by the ``alembic`` command (see
docs/migrations.md), it connects to ``sqlalchemy.url`` or to the configured database.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import NullPool

from kehoach.storage.decimaltext import DecimalText
from kehoach.storage.location import database_url
from kehoach.storage.schema import Base


def _render_item(kind: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Migrations name the database type (TEXT), not the Python type decorator."""
    if kind == "type" and isinstance(obj, DecimalText):
        return "sa.Text()"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations() -> None:
    if context.is_offline_mode():
        raise SystemExit("kehoach migrations run online only (no --sql mode)")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url") or database_url()
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as fresh:
            _run(fresh)
            fresh.commit()
    finally:
        engine.dispose()


run_migrations()
