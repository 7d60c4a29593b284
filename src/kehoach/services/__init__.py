"""Services: the use cases, one transaction each. CLI, web and library callers all use them.

    open_database(url=None) -> Database
    read_plan(path) -> ParsedDocument                        (no database)
    import_document(db, path) -> ImportResult                (.txt/.docx/.pdf)
    import_text(db, text, name=None, format="txt") -> ImportResult
    import_plan_json(db, path_or_text) -> ImportResult       (kehoach.plan/1)
    import_path(db, path) -> ImportResult                    (by suffix)
    import_demo(db) -> ImportResult
    list_plans(db) -> list[PlanSummary]
    get_plan(db, ref) -> StoredPlan                          (id or document number)
    export_plan_json(db, ref) -> str

Errors are :class:`KehoachError` subclasses whose message is one line of Vietnamese.

Names are loaded on first use, so a command that needs no database (``kehoach parse``)
starts without importing SQLAlchemy and Alembic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kehoach.services.database import open_database, unit_of_work
    from kehoach.services.demo import DEMO_FILE, demo_text, import_demo
    from kehoach.services.errors import (
        AmbiguousReferenceError,
        DatabaseError,
        InputError,
        KehoachError,
        NotFoundError,
    )
    from kehoach.services.files import write_text_file
    from kehoach.services.importing import ImportResult, import_document, import_path, import_plan_json, import_text
    from kehoach.services.plans import export_plan_json, get_plan, list_plans
    from kehoach.services.reading import fingerprint, read_plan
    from kehoach.storage import Database, PlanSummary, StoredPlan

_EXPORTS = {
    "open_database": "kehoach.services.database",
    "unit_of_work": "kehoach.services.database",
    "DEMO_FILE": "kehoach.services.demo",
    "demo_text": "kehoach.services.demo",
    "import_demo": "kehoach.services.demo",
    "AmbiguousReferenceError": "kehoach.services.errors",
    "DatabaseError": "kehoach.services.errors",
    "InputError": "kehoach.services.errors",
    "KehoachError": "kehoach.services.errors",
    "NotFoundError": "kehoach.services.errors",
    "write_text_file": "kehoach.services.files",
    "ImportResult": "kehoach.services.importing",
    "import_document": "kehoach.services.importing",
    "import_path": "kehoach.services.importing",
    "import_plan_json": "kehoach.services.importing",
    "import_text": "kehoach.services.importing",
    "export_plan_json": "kehoach.services.plans",
    "get_plan": "kehoach.services.plans",
    "list_plans": "kehoach.services.plans",
    "fingerprint": "kehoach.services.reading",
    "read_plan": "kehoach.services.reading",
    "Database": "kehoach.storage",
    "PlanSummary": "kehoach.storage",
    "StoredPlan": "kehoach.storage",
}

__all__ = [
    "DEMO_FILE",
    "AmbiguousReferenceError",
    "Database",
    "DatabaseError",
    "ImportResult",
    "InputError",
    "KehoachError",
    "NotFoundError",
    "PlanSummary",
    "StoredPlan",
    "demo_text",
    "export_plan_json",
    "fingerprint",
    "get_plan",
    "import_demo",
    "import_document",
    "import_path",
    "import_plan_json",
    "import_text",
    "list_plans",
    "open_database",
    "read_plan",
    "unit_of_work",
    "write_text_file",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
