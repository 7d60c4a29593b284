"""Storage: the only package that imports SQLAlchemy. Tables, repositories, migrations.

Public interface:
    open_database(url=None) -> Database      (migrates to the newest schema)
    Database.transaction() -> Transaction    (tx.plans: PlanRepository)
    Source, PlanSummary, StoredPlan          (plain records)
    StorageError                             (one-line Vietnamese message)
"""

from kehoach.storage.database import Database, Transaction, open_database
from kehoach.storage.errors import StorageError
from kehoach.storage.location import database_url
from kehoach.storage.records import PlanSummary, Source, StoredPlan

__all__ = [
    "Database",
    "PlanSummary",
    "Source",
    "StorageError",
    "StoredPlan",
    "Transaction",
    "database_url",
    "open_database",
]
