"""Opening the database: engine, migrations to head, one transaction per unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kehoach.storage.accounts import AccountRepository
from kehoach.storage.auditlog import AuditRepository
from kehoach.storage.errors import BUSY_MESSAGE, StorageError, first_line, is_busy
from kehoach.storage.location import database_url
from kehoach.storage.memo import Memo
from kehoach.storage.migrate import upgrade_to_head
from kehoach.storage.narratives import NarrativeRepository, ReportSettingsRepository
from kehoach.storage.observations import ObservationRepository
from kehoach.storage.periodstatus import PeriodStatusRepository
from kehoach.storage.plans import PlanRepository
from kehoach.storage.units import UnitRepository
from kehoach.storage.versions import VersionRepository


class Transaction:
    """The repositories of one unit of work; everything in it commits or rolls back together."""

    def __init__(self, session: Session, memo: Memo | None = None) -> None:
        self.memo = memo if memo is not None else Memo()  # the database's (storage.memo)
        self.versions = VersionRepository(session)
        self.plans = PlanRepository(session)
        self.units = UnitRepository(session)
        self.observations = ObservationRepository(session)
        self.period_status = PeriodStatusRepository(session)
        self.accounts = AccountRepository(session)
        self.audit = AuditRepository(session)
        self.narratives = NarrativeRepository(session)
        self.report_settings = ReportSettingsRepository(session)


class Database:
    """A migrated database. Use :meth:`transaction` for every read or write.

    ``memo`` keeps values computed from the data in this process, keyed by the data version
    (storage.memo, storage.versions); services decide what goes in it."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.memo = Memo()

    @property
    def url(self) -> str:
        """The URL with any password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql`` …"""
        return self._engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        try:
            with self._sessions.begin() as session:
                yield Transaction(session, self.memo)
        except SQLAlchemyError as exc:
            if is_busy(exc):
                raise StorageError(BUSY_MESSAGE) from exc
            raise StorageError(f"lỗi cơ sở dữ liệu: {first_line(exc)}") from exc

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _prepare_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys on; for a file, write-ahead logging, so that the web app's readers (every
    page) and its one writer at a time do not wait for each other, and a writer waits for
    the one before it (up to :data:`SQLITE_BUSY_MS`) instead of failing at once."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()
    if mode is not None and str(mode[0]).lower() == "delete":  # a file (":memory:" says "memory")
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


SQLITE_BUSY_MS = 15_000


def _prepare_sqlite_file(url: URL) -> None:
    name = url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    folder = Path(name).expanduser().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"không tạo được thư mục chứa cơ sở dữ liệu {folder}: {exc.strerror}") from exc


def create_database_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"địa chỉ cơ sở dữ liệu không hợp lệ: {url!r}") from exc
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite:
        _prepare_sqlite_file(parsed)
    try:
        engine = create_engine(parsed)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"không dùng được cơ sở dữ liệu {parsed.render_as_string()}: {first_line(exc)}") from exc
    if sqlite:
        event.listen(engine, "connect", _prepare_sqlite_connection)
    return engine


def open_database(url: str | None = None) -> Database:
    """Open (and create or migrate to the newest schema) the database at ``url``.

    Without ``url``: ``KEHOACH_DATABASE_URL``, else ``$KEHOACH_HOME/kehoach.db``, else
    ``kehoach.db`` in the user data directory.
    """
    engine = create_database_engine(url or database_url())
    try:
        upgrade_to_head(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"không mở được cơ sở dữ liệu {engine.url.render_as_string()}: {first_line(exc)}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)
