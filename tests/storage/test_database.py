import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kehoach.storage import StorageError, open_database
from kehoach.storage.database import create_database_engine


def test_sqlite_connections_enforce_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fk.db'}"
    open_database(url).close()
    engine = create_database_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(IntegrityError):
            connection.execute(text("INSERT INTO tasks (plan_id, position, code, text) VALUES (999, 0, '1', 'x')"))
    engine.dispose()


def test_a_sqlite_file_uses_write_ahead_logging_and_waits_for_writers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    open_database(url).close()
    engine = create_database_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 15_000
    engine.dispose()
    memory = create_database_engine("sqlite://")
    with memory.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "memory"
    memory.dispose()


def test_the_sqlite_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "kehoach.db"
    with open_database(f"sqlite:///{path}") as db:
        assert db.backend == "sqlite"
    assert path.is_file()


def test_default_database_goes_under_kehoach_home(isolated_home: Path) -> None:
    with open_database() as db:
        assert db.url == f"sqlite:///{isolated_home.resolve() / 'kehoach.db'}"
    assert (isolated_home / "kehoach.db").is_file()


def test_database_url_variable_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHOACH_DATABASE_URL", f"sqlite:///{tmp_path / 'chosen.db'}")
    open_database().close()
    assert (tmp_path / "chosen.db").is_file()


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "nosuchdialect://x/y",
        "postgresql+psycopg://nobody:secret@127.0.0.1:1/none",
    ],
)
def test_unusable_databases_give_one_vietnamese_line(url: str) -> None:
    with pytest.raises(StorageError) as info:
        open_database(url)
    message = str(info.value)
    assert "\n" not in message
    assert "secret" not in message
    assert message.startswith(("địa chỉ cơ sở dữ liệu", "không dùng được", "không mở được"))


def test_a_file_in_place_of_the_folder_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="không tạo được thư mục"):
        open_database(f"sqlite:///{blocker / 'sub' / 'kehoach.db'}")


def test_a_writer_locked_out_too_long_is_told_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kehoach.storage import database

    monkeypatch.setattr(database, "SQLITE_BUSY_MS", 50)
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    db = open_database(url)
    holder = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        with pytest.raises(StorageError, match="cơ sở dữ liệu đang bận"), db.transaction() as tx:
            tx.accounts.add_session("h", 1, "c", "", dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.close()
