"""The declarative base every table class derives from, with named constraints."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints: Alembic needs names to alter them later (batch mode on SQLite).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def one_of(column: str, values: list[str], nullable: bool = False) -> str:
    """A CHECK clause: ``column`` holds one of ``values``."""
    allowed = ", ".join(f"'{v}'" for v in values)
    clause = f"{column} IN ({allowed})"
    return f"{column} IS NULL OR {clause}" if nullable else clause
