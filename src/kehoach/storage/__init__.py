"""Storage: the only package that imports SQLAlchemy. Tables, repositories, migrations.

Public interface:
    open_database(url=None) -> Database      (migrates to the newest schema)
    Database.transaction() -> Transaction    (tx.plans, tx.units, tx.observations, tx.period_status,
                                              tx.accounts, tx.audit, tx.narratives, tx.report_settings)
    Source, PlanSummary, StoredPlan, StoredUnit, Slot, SlotKey, Change, StatusChange   (plain records)
    StoredUser, StoredSession, StoredToken, AuditEvent, FigureChange, ApprovalChange, AuditFilter
    unit_for_document, made_up_code, name_key  (the unit a plan belongs to by default)
    StorageError                             (one-line Vietnamese message)
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
from kehoach.storage.errors import StorageError
from kehoach.storage.location import database_url
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

__all__ = [
    "ApprovalChange",
    "AuditEvent",
    "AuditFilter",
    "Change",
    "Database",
    "FigureChange",
    "NarrativeVersion",
    "PlanSummary",
    "SettingsVersion",
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
    "database_url",
    "made_up_code",
    "name_key",
    "open_database",
    "unit_for_document",
]
