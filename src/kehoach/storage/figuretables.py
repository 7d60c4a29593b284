"""Recorded figures and the approval of periods: append-only tables.

- ``observations``: one row per target × unit × period × actual/estimate of a plan (the
  slot a figure is recorded in); never updated.
- ``observation_revisions``: every change of a slot's figure, numbered 1, 2, 3 … per slot
  (``seq``); the current figure is the revision with the highest ``seq``; the figure before
  a change is the previous revision. A revision with no figure clears the slot.
- ``period_statuses``: every approval transition of a plan × unit × period (draft →
  submitted → approved → reopened …), numbered the same way; the latest is the state.

Nothing here is updated in place or deleted by kehoach.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from kehoach.core.approval import PeriodState
from kehoach.storage.base import Base, now, one_of
from kehoach.storage.decimaltext import DecimalText

STATES = [state.value for state in PeriodState if state is not PeriodState.DRAFT]


class ObservationRow(Base):
    __tablename__ = "observations"
    __table_args__ = (
        UniqueConstraint("plan_id", "target_key", "unit_code", "period", "estimate"),
        ForeignKeyConstraint(
            ["plan_id", "target_key"],
            ["targets.plan_id", "targets.key"],
            ondelete="CASCADE",
            name="fk_observations_target",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(Integer)
    target_key: Mapped[str] = mapped_column(String(60))  # "5.2", "T1.1.1": Plan.keyed_targets
    unit_code: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(10))  # core.periods code: 2024-01, 2024-Q1, 2024-H1, 2024
    estimate: Mapped[bool] = mapped_column(Boolean)  # an officer's estimate ("ước"), not an actual
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)


class RevisionRow(Base):
    __tablename__ = "observation_revisions"
    __table_args__ = (
        UniqueConstraint("observation_id", "seq"),
        CheckConstraint("seq >= 1", name="seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("observations.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    numerator: Mapped[Decimal | None] = mapped_column(DecimalText)
    denominator: Mapped[Decimal | None] = mapped_column(DecimalText)
    grade: Mapped[str | None] = mapped_column(String(100))
    rank: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)


class PeriodStatusRow(Base):
    __tablename__ = "period_statuses"
    __table_args__ = (
        UniqueConstraint("plan_id", "unit_code", "period", "seq"),
        CheckConstraint(one_of("state", STATES), name="state"),
        CheckConstraint("seq >= 1", name="seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    unit_code: Mapped[str] = mapped_column(String(50))
    period: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)
