"""The report's own text and settings: append-only tables.

- ``narratives``: one row per plan × unit × period × section (core.narratives) an officer
  wrote for; never updated.
- ``narrative_revisions``: every version of a section's text, numbered 1, 2, 3 … (``seq``);
  the current text is the highest ``seq``; an empty text clears the section.
- ``report_settings``: every change of a unit's report settings (core.reportsettings) as the
  whole set of fields set, for every plan of the unit (``plan_id`` NULL) or for one plan;
  the latest row of a scope is in force.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kehoach.storage.base import Base, now


class NarrativeRow(Base):
    __tablename__ = "narratives"
    __table_args__ = (UniqueConstraint("plan_id", "unit_code", "period", "section"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    unit_code: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(10))
    section: Mapped[str] = mapped_column(String(100))  # "ket-qua:kinh-te", "phuong-huong" …
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)


class NarrativeRevisionRow(Base):
    __tablename__ = "narrative_revisions"
    __table_args__ = (
        UniqueConstraint("narrative_id", "seq"),
        CheckConstraint("seq >= 1", name="seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    narrative_id: Mapped[int] = mapped_column(ForeignKey("narratives.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    written_by: Mapped[str] = mapped_column(String(200))
    written_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)


class ReportSettingsRow(Base):
    __tablename__ = "report_settings"
    __table_args__ = (CheckConstraint("seq >= 1", name="seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(50), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))  # NULL: every plan
    seq: Mapped[int] = mapped_column(Integer)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)
