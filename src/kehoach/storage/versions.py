"""The data version: a cheap value that changes whenever stored data a plan's evaluation
depends on may have changed, so values computed from the data can be kept (storage.memo)
and reused while it stays the same.

Figures, approvals, plans and units are append-only, and every change made in place (a
target's rule, a plan's unit or cut-off rule, a unit corrected or closed) appends an audit
event in the same transaction. So the highest row ids of those tables move with every
change: on SQLite writers are serialized and a row's id is given under the write lock, so
ids become visible in the order they were given.

PostgreSQL hands out ids from sequences when a row is inserted, not when it is committed: a
transaction holding id 10 may commit after one holding id 11 has been seen. There the
version also carries the transaction snapshot (``pg_current_snapshot()``: the oldest running
transaction, the next id to be given and the ones running), which changes whenever any
transaction that wrote something starts writing or ends. That is conservative (any write
anywhere moves it) and exact.

Plans and units depend on the structure part alone (audit events, plans, units): recording a
figure leaves a plan's loaded context valid.

The version is read *before* the data it keys: what is computed under a version is then at
least as new as that version. A transaction that has written has no version (None): what it
computes may hold its own rows, which a rollback would take back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from kehoach.storage.accounttables import AuditEventRow
from kehoach.storage.figuretables import PeriodStatusRow, RevisionRow
from kehoach.storage.tables import PlanRow
from kehoach.storage.unittables import UnitRow


@dataclass(frozen=True)
class DataVersion:
    """What the data looked like, in a few numbers (hashable: a key of storage.memo)."""

    figures: tuple[int, int]  # the highest figure revision and approval transition ids
    structure: tuple[int, int, int]  # the highest audit event, plan and unit ids
    snapshot: str | None = None  # PostgreSQL's transaction snapshot

    @property
    def of_structure(self) -> tuple[tuple[int, int, int], str | None]:
        """The part plans and units depend on (a figure recorded leaves it as it is)."""
        return self.structure, self.snapshot


_IDS = (RevisionRow.id, PeriodStatusRow.id, AuditEventRow.id, PlanRow.id, UnitRow.id)
_HIGHEST: list[Any] = [func.coalesce(select(func.max(column)).scalar_subquery(), 0) for column in _IDS]
_QUERY = select(*_HIGHEST)
_POSTGRES_QUERY = select(
    *_HIGHEST,
    cast(func.pg_current_snapshot(), Text),
    func.pg_current_xact_id_if_assigned().is_not(None),  # this transaction has written
)


class VersionRepository:
    """The current data version, in one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def current(self) -> DataVersion | None:
        """The version of the data this transaction sees; None once the transaction has written
        something itself (what it computes may include its own uncommitted rows: not to be kept)."""
        postgres = self._session.get_bind().dialect.name == "postgresql"
        found = self._session.execute(_POSTGRES_QUERY if postgres else _QUERY).one()
        if found[-1] if postgres else self._sqlite_has_written():
            return None
        revision, approval, event, plan, unit = (int(x) for x in found[:5])
        return DataVersion((revision, approval), (event, plan, unit), str(found[5]) if postgres else None)

    def _sqlite_has_written(self) -> bool:
        # pysqlite opens its transaction before the first INSERT, UPDATE or DELETE only
        dbapi = self._session.connection().connection.dbapi_connection
        return bool(getattr(dbapi, "in_transaction", False))
