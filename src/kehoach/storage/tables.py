"""The plan tables: one row class per concept of the plan (DESIGN §1).

Units are in storage.unittables, recorded figures in storage.figuretables; storage.schema
gathers them all.

Row classes are storage details; repositories turn them into core objects and back.
Decimal values use :class:`DecimalText`; enums are stored as their string values.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kehoach.core.periods import CutoffRule
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits
from kehoach.storage.base import Base, now, one_of
from kehoach.storage.decimaltext import DecimalText


def _span_pair(prefix: str = "span") -> str:
    return f"({prefix}_start IS NULL) = ({prefix}_end IS NULL)"


class DocumentRow(Base):
    """A resolution as read: its metadata and the normalized source text."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str | None] = mapped_column(String(100))
    type: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    subject: Mapped[str | None] = mapped_column(Text)
    plan_year: Mapped[int | None] = mapped_column(Integer)
    term: Mapped[str | None] = mapped_column(String(20))
    session: Mapped[int | None] = mapped_column(Integer)
    legal_bases: Mapped[list[str]] = mapped_column(JSON, default=list)
    references: Mapped[list[str]] = mapped_column(JSON, default=list)
    signer: Mapped[str | None] = mapped_column(Text)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_name: Mapped[str | None] = mapped_column(Text)
    source_format: Mapped[str | None] = mapped_column(String(20))
    fingerprint: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Folded "number|issuer|date", set only when all three are known: the document's identity.
    identity_key: Mapped[str | None] = mapped_column(Text, unique=True)
    # Folded number without spaces, for finding a plan by "74/NQ-HĐND".
    number_key: Mapped[str | None] = mapped_column(String(100), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)

    plan: Mapped[PlanRow | None] = relationship(back_populates="document")


class PlanRow(Base):
    """The tracked plan made from one document, owned by one administrative unit."""

    __tablename__ = "plans"
    __table_args__ = (CheckConstraint(one_of("cutoff_rule", [r.value for r in CutoffRule]), name="cutoff_rule"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)
    # The unit the plan belongs to, by code (units keep their history: see UnitRow).
    unit_code: Mapped[str] = mapped_column(String(50), index=True)
    # How reporting periods get their dates (core.periods.CutoffRule): nd09 or calendar.
    cutoff_rule: Mapped[str] = mapped_column(String(10), default=CutoffRule.ND09.value)

    document: Mapped[DocumentRow] = relationship(back_populates="plan")
    tasks: Mapped[list[TaskRow]] = relationship(
        order_by="TaskRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    indicators: Mapped[list[IndicatorRow]] = relationship(
        order_by="IndicatorRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    solutions: Mapped[list[SolutionRow]] = relationship(
        order_by="SolutionRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    warnings: Mapped[list[ParseWarningRow]] = relationship(
        order_by="ParseWarningRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class TaskRow(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("plan_id", "position"),
        CheckConstraint(_span_pair(), name="span_pair"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)

    targets: Mapped[list[TargetRow]] = relationship(
        order_by="TargetRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class IndicatorRow(Base):
    __tablename__ = "indicators"
    __table_args__ = (
        UniqueConstraint("plan_id", "position"),
        UniqueConstraint("plan_id", "number"),
        CheckConstraint(_span_pair(), name="span_pair"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    code: Mapped[str | None] = mapped_column(String(50))
    group: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)

    targets: Mapped[list[TargetRow]] = relationship(
        order_by="TargetRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class TargetRow(Base):
    """One measurable commitment, owned by exactly one task or one indicator."""

    __tablename__ = "targets"
    __table_args__ = (
        UniqueConstraint("plan_id", "key"),
        CheckConstraint("(task_id IS NULL) <> (indicator_id IS NULL)", name="one_owner"),
        CheckConstraint(_span_pair(), name="span_pair"),
        CheckConstraint(one_of("comparator", [c.value for c in Comparator]), name="comparator"),
        CheckConstraint(one_of("direction", [d.value for d in Direction]), name="direction"),
        CheckConstraint(one_of("basis", [b.value for b in ChangeBasis], nullable=True), name="basis"),
        CheckConstraint(one_of("over_units", [u.value for u in OverUnits]), name="over_units"),
        CheckConstraint(one_of("over_time", [t.value for t in OverTime]), name="over_time"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # k of the key, from 1, within the owner
    key: Mapped[str] = mapped_column(String(60))  # "5.2" or "T1.1.1", as Plan.keyed_targets
    name: Mapped[str] = mapped_column(Text)
    comparator: Mapped[str] = mapped_column(String(20))
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    value_max: Mapped[Decimal | None] = mapped_column(DecimalText)
    total: Mapped[Decimal | None] = mapped_column(DecimalText)
    unit: Mapped[str | None] = mapped_column(String(100))
    direction: Mapped[str] = mapped_column(String(10))
    basis: Mapped[str | None] = mapped_column(String(10))
    over_units: Mapped[str] = mapped_column(String(20))
    over_time: Mapped[str] = mapped_column(String(20))
    grade: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)

    plan: Mapped[PlanRow] = relationship()


class SolutionRow(Base):
    __tablename__ = "solutions"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    sector: Mapped[str] = mapped_column(Text)

    items: Mapped[list[SolutionItemRow]] = relationship(
        order_by="SolutionItemRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class SolutionItemRow(Base):
    __tablename__ = "solution_items"
    __table_args__ = (UniqueConstraint("solution_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    solution_id: Mapped[int] = mapped_column(ForeignKey("solutions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ParseWarningRow(Base):
    __tablename__ = "parse_warnings"
    __table_args__ = (
        UniqueConstraint("plan_id", "position"),
        CheckConstraint(_span_pair(), name="span_pair"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(50))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
