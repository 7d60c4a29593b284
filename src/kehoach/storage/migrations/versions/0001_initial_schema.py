"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 13:20:04.695092
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("type", sa.String(length=100), nullable=True),
        sa.Column("issuer", sa.Text(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("plan_year", sa.Integer(), nullable=True),
        sa.Column("term", sa.String(length=20), nullable=True),
        sa.Column("session", sa.Integer(), nullable=True),
        sa.Column("legal_bases", sa.JSON(), nullable=False),
        sa.Column("references", sa.JSON(), nullable=False),
        sa.Column("signer", sa.Text(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("source_format", sa.String(length=20), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=True),
        sa.Column("identity_key", sa.Text(), nullable=True),
        sa.Column("number_key", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_documents_fingerprint")),
        sa.UniqueConstraint("identity_key", name=op.f("uq_documents_identity_key")),
    )
    op.create_index(op.f("ix_documents_number_key"), "documents", ["number_key"], unique=False)
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_plans_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("document_id", name=op.f("uq_plans_document_id")),
    )
    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=True),
        sa.Column("group", sa.String(length=50), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.CheckConstraint("(span_start IS NULL) = (span_end IS NULL)", name=op.f("ck_indicators_span_pair")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_indicators_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_indicators_plan_id_number")),
        sa.UniqueConstraint("plan_id", "position", name=op.f("uq_indicators_plan_id_position")),
    )
    op.create_index(op.f("ix_indicators_plan_id"), "indicators", ["plan_id"], unique=False)
    op.create_table(
        "parse_warnings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.CheckConstraint("(span_start IS NULL) = (span_end IS NULL)", name=op.f("ck_parse_warnings_span_pair")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_parse_warnings_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parse_warnings")),
        sa.UniqueConstraint("plan_id", "position", name=op.f("uq_parse_warnings_plan_id_position")),
    )
    op.create_index(op.f("ix_parse_warnings_plan_id"), "parse_warnings", ["plan_id"], unique=False)
    op.create_table(
        "solutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sector", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_solutions_plan_id_plans"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_solutions")),
        sa.UniqueConstraint("plan_id", "position", name=op.f("uq_solutions_plan_id_position")),
    )
    op.create_index(op.f("ix_solutions_plan_id"), "solutions", ["plan_id"], unique=False)
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.CheckConstraint("(span_start IS NULL) = (span_end IS NULL)", name=op.f("ck_tasks_span_pair")),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_tasks_plan_id_plans"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
        sa.UniqueConstraint("plan_id", "position", name=op.f("uq_tasks_plan_id_position")),
    )
    op.create_index(op.f("ix_tasks_plan_id"), "tasks", ["plan_id"], unique=False)
    op.create_table(
        "solution_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("solution_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["solution_id"], ["solutions.id"], name=op.f("fk_solution_items_solution_id_solutions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_solution_items")),
        sa.UniqueConstraint("solution_id", "position", name=op.f("uq_solution_items_solution_id_position")),
    )
    op.create_index(op.f("ix_solution_items_solution_id"), "solution_items", ["solution_id"], unique=False)
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("comparator", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("value_max", sa.Text(), nullable=True),
        sa.Column("total", sa.Text(), nullable=True),
        sa.Column("unit", sa.String(length=100), nullable=True),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("basis", sa.String(length=10), nullable=True),
        sa.Column("over_units", sa.String(length=20), nullable=False),
        sa.Column("over_time", sa.String(length=20), nullable=False),
        sa.Column("grade", sa.String(length=100), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.CheckConstraint("basis IS NULL OR basis IN ('points', 'relative')", name=op.f("ck_targets_basis")),
        sa.CheckConstraint(
            "comparator IN ('>=', '>', '<=', '<', '=', 'range', 'reduce_by', 'increase_by', 'rank_top', 'qualitative')",
            name=op.f("ck_targets_comparator"),
        ),
        sa.CheckConstraint("direction IN ('higher', 'lower')", name=op.f("ck_targets_direction")),
        sa.CheckConstraint("over_time IN ('cumulative', 'latest')", name=op.f("ck_targets_over_time")),
        sa.CheckConstraint(
            "over_units IN ('sum', 'ratio', 'units_meeting', 'unit_only')", name=op.f("ck_targets_over_units")
        ),
        sa.CheckConstraint("(span_start IS NULL) = (span_end IS NULL)", name=op.f("ck_targets_span_pair")),
        sa.CheckConstraint("(task_id IS NULL) <> (indicator_id IS NULL)", name=op.f("ck_targets_one_owner")),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicators.id"], name=op.f("fk_targets_indicator_id_indicators"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_targets_plan_id_plans"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_targets_task_id_tasks"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_targets")),
        sa.UniqueConstraint("plan_id", "key", name=op.f("uq_targets_plan_id_key")),
    )
    op.create_index(op.f("ix_targets_indicator_id"), "targets", ["indicator_id"], unique=False)
    op.create_index(op.f("ix_targets_plan_id"), "targets", ["plan_id"], unique=False)
    op.create_index(op.f("ix_targets_task_id"), "targets", ["task_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_targets_task_id"), table_name="targets")
    op.drop_index(op.f("ix_targets_plan_id"), table_name="targets")
    op.drop_index(op.f("ix_targets_indicator_id"), table_name="targets")
    op.drop_table("targets")
    op.drop_index(op.f("ix_solution_items_solution_id"), table_name="solution_items")
    op.drop_table("solution_items")
    op.drop_index(op.f("ix_tasks_plan_id"), table_name="tasks")
    op.drop_table("tasks")
    op.drop_index(op.f("ix_solutions_plan_id"), table_name="solutions")
    op.drop_table("solutions")
    op.drop_index(op.f("ix_parse_warnings_plan_id"), table_name="parse_warnings")
    op.drop_table("parse_warnings")
    op.drop_index(op.f("ix_indicators_plan_id"), table_name="indicators")
    op.drop_table("indicators")
    op.drop_table("plans")
    op.drop_index(op.f("ix_documents_number_key"), table_name="documents")
    op.drop_table("documents")
