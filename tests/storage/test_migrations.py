import datetime as dt

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from kehoach.core import Plan
from kehoach.storage import open_database
from kehoach.storage.migrate import alembic_config, current_revision, head_revision
from kehoach.storage.schema import Base

NOW = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)

TABLES = {
    "documents",
    "plans",
    "tasks",
    "indicators",
    "targets",
    "solutions",
    "solution_items",
    "parse_warnings",
    "units",
    "observations",
    "observation_revisions",
    "period_statuses",
    "users",
    "sessions",
    "api_tokens",
    "login_attempts",
    "audit_events",
}


def test_a_fresh_database_is_migrated_to_head(database_url: str) -> None:
    open_database(database_url).close()
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        # Later revisions (0004 narratives …) add tables of their own.
        assert TABLES | {"alembic_version"} <= set(inspect(connection).get_table_names())
    engine.dispose()


def test_opening_again_keeps_the_data(database_url: str, edge_plan: Plan) -> None:
    with open_database(database_url) as db, db.transaction() as tx:
        plan_id = tx.plans.add(edge_plan, unit_code="xa-mau")
    with open_database(database_url) as db, db.transaction() as tx:
        assert tx.plans.get(plan_id) is not None


def test_models_and_migrations_do_not_drift(database_url: str) -> None:
    open_database(database_url).close()
    engine = create_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_and_up_again(database_url: str) -> None:
    open_database(database_url).close()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    open_database(database_url).close()
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) >= TABLES
    engine.dispose()


def test_plans_stored_under_0001_get_a_unit(database_url: str) -> None:
    """Upgrading a database that already holds plans: each plan gets the unit its document names."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    documents = [
        (1, "Phường 1", "Hội đồng nhân dân Phường 1"),
        (2, "Phú Sơn", "Hội đồng nhân dân xã Phú Sơn"),
        (3, "Phường 1", "HĐND Phường 1"),
        (4, None, None),
    ]
    with engine.begin() as connection:
        for number, place, issuer in documents:
            connection.execute(
                text(
                    'INSERT INTO documents (id, number, place, issuer, legal_bases, "references", created_at) '
                    "VALUES (:id, :number, :place, :issuer, '[]', '[]', :now)"
                ),
                {"id": number, "number": f"{number}/NQ-HĐND", "place": place, "issuer": issuer, "now": NOW},
            )
            connection.execute(
                text("INSERT INTO plans (id, document_id, created_at) VALUES (:id, :id, :now)"),
                {"id": number, "now": NOW},
            )
    engine.dispose()
    with open_database(database_url) as db, db.transaction() as tx:
        units = {stored.unit.code: stored.unit for stored in tx.units.all()}
        plans = {plan_id: tx.plans.get(plan_id) for plan_id in (1, 2, 3, 4)}
    assert {code: (u.name, u.level.value) for code, u in units.items()} == {
        "phuong-1": ("Phường 1", "xa"),
        "xa-phu-son": ("Xã Phú Sơn", "xa"),
        "don-vi-chua-ro": ("Đơn vị chưa rõ", "xa"),
    }
    assert {plan_id: (p.unit_code, p.cutoff_rule.value) for plan_id, p in plans.items() if p} == {
        1: ("phuong-1", "nd09"),
        2: ("xa-phu-son", "nd09"),
        3: ("phuong-1", "nd09"),
        4: ("don-vi-chua-ro", "nd09"),
    }


def test_a_0002_database_with_figures_is_upgraded_to_head(database_url: str, edge_plan: Plan) -> None:
    """Revision 0003 adds the account tables; plans, units, figures and approvals are kept."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO units (id, code, name, level, created_at) VALUES (1, 'xa-mau', 'Xã Mẫu', 'xa', :now)"),
            {"now": NOW},
        )
        connection.execute(
            text(
                'INSERT INTO documents (id, number, legal_bases, "references", created_at) '
                "VALUES (1, '12/NQ-HĐND', '[]', '[]', :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO plans (id, document_id, created_at, unit_code, cutoff_rule) "
                "VALUES (1, 1, :now, 'xa-mau', 'nd09')"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO period_statuses (plan_id, unit_code, period, seq, state, reason, changed_by, changed_at) "
                "VALUES (1, 'xa-mau', '2025-01', 1, 'submitted', '', 'Lan', :now)"
            ),
            {"now": NOW},
        )
    engine.dispose()
    with open_database(database_url) as db, db.transaction() as tx:
        assert tx.plans.get(1) is not None
        assert [s.who for s in tx.period_status.history(1, "xa-mau", "2025-01")] == ["Lan"]
        assert tx.accounts.count_users() == 0
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        names = set(inspect(connection).get_table_names())
    engine.dispose()
    assert {"users", "sessions", "api_tokens", "login_attempts", "audit_events"} <= names


def test_0003_downgrades_to_0002_and_up_again(database_url: str) -> None:
    open_database(database_url).close()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
    with engine.connect() as connection:
        names = set(inspect(connection).get_table_names())
    assert not names & {"users", "sessions", "api_tokens", "login_attempts", "audit_events"}
    engine.dispose()
    open_database(database_url).close()
