from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from kehoach.core import Plan
from kehoach.storage import open_database
from kehoach.storage.migrate import alembic_config, current_revision, head_revision
from kehoach.storage.tables import Base

TABLES = {
    "documents",
    "plans",
    "tasks",
    "indicators",
    "targets",
    "solutions",
    "solution_items",
    "parse_warnings",
}


def test_a_fresh_database_is_migrated_to_head(database_url: str) -> None:
    open_database(database_url).close()
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision() == "0001"
        assert TABLES | {"alembic_version"} == set(inspect(connection).get_table_names())
    engine.dispose()


def test_opening_again_keeps_the_data(database_url: str, edge_plan: Plan) -> None:
    with open_database(database_url) as db, db.transaction() as tx:
        plan_id = tx.plans.add(edge_plan)
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
