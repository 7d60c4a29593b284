"""Storage: the only package that imports SQLAlchemy. Tables, repositories, migrations.

Public interface:
    open_database(url=None) -> Database      (migrates to the newest schema)
    Database.transaction() -> Transaction    (tx.plans, tx.units, tx.observations, tx.period_status,
                                              tx.accounts, tx.audit, tx.narratives, tx.report_settings,
                                              tx.versions: the data version; tx.memo: Database.memo)
    Memo, Shelf, DataVersion                 (values kept by data version: storage.memo, storage.versions)
    Source, PlanSummary, StoredPlan, StoredUnit, Slot, SlotKey, Change, StatusChange   (plain records)
    StoredUser, StoredSession, StoredToken, AuditEvent, FigureChange, ApprovalChange, AuditFilter
    unit_for_document, made_up_code, name_key  (the unit a plan belongs to by default)
    StorageError                             (one-line Vietnamese message)
    WriteConflict                            (a StorageError: a concurrent writer stored the same row first)
"""

from kehoach.storage.accountrecords import (
    ApprovalChange,
    AuditEvent,
    FigureChange,
    StoredSession,
    StoredToken,
    StoredUser,
)
from kehoach.storage.auditlog import AuditFilter
from kehoach.storage.database import Database, Transaction, open_database
from kehoach.storage.errors import StorageError, WriteConflict
from kehoach.storage.location import database_url
from kehoach.storage.memo import Memo, Shelf
from kehoach.storage.narrativerecords import NarrativeVersion, SettingsVersion
from kehoach.storage.records import (
    Change,
    PlanSummary,
    Slot,
    SlotKey,
    Source,
    StatusChange,
    StoredPlan,
    StoredUnit,
)
from kehoach.storage.unitnaming import UnitGuess, made_up_code, name_key, unit_for_document
from kehoach.storage.versions import DataVersion

__all__ = [
    "ApprovalChange",
    "AuditEvent",
    "AuditFilter",
    "Change",
    "DataVersion",
    "Database",
    "FigureChange",
    "Memo",
    "NarrativeVersion",
    "PlanSummary",
    "SettingsVersion",
    "Shelf",
    "Slot",
    "SlotKey",
    "Source",
    "StatusChange",
    "StorageError",
    "StoredPlan",
    "StoredSession",
    "StoredToken",
    "StoredUnit",
    "StoredUser",
    "Transaction",
    "UnitGuess",
    "WriteConflict",
    "database_url",
    "made_up_code",
    "name_key",
    "open_database",
    "unit_for_document",
]
