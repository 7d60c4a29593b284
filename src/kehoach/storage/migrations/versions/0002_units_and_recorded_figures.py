"""units, plans owned by a unit, recorded figures and period approvals

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 14:07:52.480072

Plans stored under 0001 have no unit: each gets the unit named from its document
(storage.unitnaming), created here, and the Nghị định 09/2019 cut-off rule.

The figure and approval tables are append-only; triggers make the database refuse an UPDATE
or DELETE of their rows, whoever asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kehoach.storage.unitnaming import made_up_code, name_key, unit_for_document

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SINCE_EVER = "valid_from IS NULL"
APPEND_ONLY = ("observations", "observation_revisions", "period_statuses")


def upgrade() -> None:
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("parent_code", sa.String(length=50), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("level IN ('tinh', 'huyen', 'xa', 'khom')", name=op.f("ck_units_level")),
        sa.CheckConstraint(
            "valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to", name=op.f("ck_units_valid_dates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
        sa.UniqueConstraint("code", "valid_from", name=op.f("uq_units_code_valid_from")),
    )
    op.create_index(op.f("ix_units_parent_code"), "units", ["parent_code"], unique=False)
    op.create_index(
        "uq_units_code_since_ever",
        "units",
        ["code"],
        unique=True,
        sqlite_where=sa.text(_SINCE_EVER),
        postgresql_where=sa.text(_SINCE_EVER),
    )
    op.create_table(
        "period_statuses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=50), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("state IN ('submitted', 'approved', 'reopened')", name=op.f("ck_period_statuses_state")),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_period_statuses_seq")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_period_statuses_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_statuses")),
        sa.UniqueConstraint(
            "plan_id", "unit_code", "period", "seq", name=op.f("uq_period_statuses_plan_id_unit_code_period_seq")
        ),
    )
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("target_key", sa.String(length=60), nullable=False),
        sa.Column("unit_code", sa.String(length=50), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("estimate", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id", "target_key"],
            ["targets.plan_id", "targets.key"],
            name="fk_observations_target",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
        sa.UniqueConstraint(
            "plan_id",
            "target_key",
            "unit_code",
            "period",
            "estimate",
            name=op.f("uq_observations_plan_id_target_key_unit_code_period_estimate"),
        ),
    )
    op.create_table(
        "observation_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("observation_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("numerator", sa.Text(), nullable=True),
        sa.Column("denominator", sa.Text(), nullable=True),
        sa.Column("grade", sa.String(length=100), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_observation_revisions_seq")),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["observations.id"],
            name=op.f("fk_observation_revisions_observation_id_observations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation_revisions")),
        sa.UniqueConstraint("observation_id", "seq", name=op.f("uq_observation_revisions_observation_id_seq")),
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_code", sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column("cutoff_rule", sa.String(length=10), nullable=True))
    _give_every_plan_a_unit()
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.alter_column("unit_code", existing_type=sa.String(length=50), nullable=False)
        batch_op.alter_column("cutoff_rule", existing_type=sa.String(length=10), nullable=False)
        batch_op.create_check_constraint(op.f("ck_plans_cutoff_rule"), "cutoff_rule IN ('nd09', 'calendar')")
        batch_op.create_index(batch_op.f("ix_plans_unit_code"), ["unit_code"], unique=False)
    _refuse_updates_and_deletes()


def _refuse_updates_and_deletes() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION kehoach_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'bảng % chỉ được thêm dòng, không được sửa hay xóa', TG_TABLE_NAME; END $$"
        )
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION kehoach_append_only()"
            )
        return
    for table in APPEND_ONLY:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} BEGIN "
                f"SELECT RAISE(ABORT, 'bảng {table} chỉ được thêm dòng, không được sửa hay xóa'); END"
            )


def _drop_triggers() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in APPEND_ONLY:
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS kehoach_append_only()")


def _give_every_plan_a_unit() -> None:
    """One unit per distinct document place (named as storage.unitnaming says), set on its plans."""
    bind = op.get_bind()
    plans = sa.table(
        "plans",
        sa.column("id", sa.Integer()),
        sa.column("document_id", sa.Integer()),
        sa.column("unit_code", sa.String()),
        sa.column("cutoff_rule", sa.String()),
    )
    documents = sa.table("documents", sa.column("id", sa.Integer()), sa.column("place"), sa.column("issuer"))
    units = sa.table(
        "units",
        sa.column("code", sa.String()),
        sa.column("name", sa.Text()),
        sa.column("level", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    stored = bind.execute(
        sa.select(plans.c.id, documents.c.place, documents.c.issuer)
        .join(documents, documents.c.id == plans.c.document_id)
        .order_by(plans.c.id)
    ).all()
    codes: dict[tuple[str, str], str] = {}
    for plan_id, place, issuer in stored:
        guess = unit_for_document(place, issuer)
        key = (name_key(guess.name), guess.level.value)
        code = codes.get(key)
        if code is None:
            code = codes[key] = made_up_code(guess.name, set(codes.values()))
            bind.execute(
                units.insert().values(
                    code=code, name=guess.name, level=guess.level.value, created_at=dt.datetime.now(dt.UTC)
                )
            )
        bind.execute(plans.update().where(plans.c.id == plan_id).values(unit_code=code))
    bind.execute(plans.update().values(cutoff_rule="nd09"))


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plans_unit_code"))
        batch_op.drop_constraint(batch_op.f("ck_plans_cutoff_rule"), type_="check")
        batch_op.drop_column("cutoff_rule")
        batch_op.drop_column("unit_code")
    op.drop_table("observation_revisions")
    op.drop_table("observations")
    op.drop_table("period_statuses")
    op.drop_index("uq_units_code_since_ever", table_name="units")
    op.drop_index(op.f("ix_units_parent_code"), table_name="units")
    op.drop_table("units")
