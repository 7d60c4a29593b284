"""The administrative units table: one row per version of a unit (core.units.OrgUnit).

A unit version is identified by ``(code, valid_from)``; a merger closes old versions
(``valid_to``) and opens new ones, so history is kept. ``parent_code`` names a code, not a
row: the parent in force on a given day is looked up by core.units.UnitTree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from kehoach.core.unitlevels import UnitLevel
from kehoach.storage.base import Base, now, one_of

_SINCE_EVER = "valid_from IS NULL"


class UnitRow(Base):
    __tablename__ = "units"
    __table_args__ = (
        UniqueConstraint("code", "valid_from"),
        # NULL valid_from ("since ever") is not caught by the constraint above (NULLs differ).
        Index(
            "uq_units_code_since_ever",
            "code",
            unique=True,
            sqlite_where=text(_SINCE_EVER),
            postgresql_where=text(_SINCE_EVER),
        ),
        CheckConstraint(one_of("level", [level.value for level in UnitLevel]), name="level"),
        CheckConstraint("valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to", name="valid_dates"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(10))
    parent_code: Mapped[str | None] = mapped_column(String(50), index=True)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)
