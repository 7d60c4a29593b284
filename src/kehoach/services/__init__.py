"""Services: the use cases, one transaction each. CLI, web and library callers all use them.

    open_database(url=None) -> Database
    read_plan(path) -> ParsedDocument                        (no database)
    import_document(db, path, *, unit_code=None) -> ImportResult     (.txt/.docx/.pdf)
    import_text(db, text, name=None, format="txt", unit_code=None) -> ImportResult
    import_plan_json(db, path_or_text, *, unit_code=None) -> ImportResult   (kehoach.plan/1)
    import_path(db, path, *, unit_code=None) -> ImportResult         (by suffix)
    import_demo(db) -> ImportResult
    list_plans(db) -> list[PlanSummary]
    get_plan(db, ref) -> StoredPlan                          (id or document number)
    export_plan_json(db, ref) -> str
    plan_settings(db, ref) / change_plan_settings(db, ref, *, unit_code=None, cutoff_rule=None)

    import_units_csv(db, path) / add_units(db, units) -> UnitImportResult   (all or nothing)
    list_units(db, on=None, *, history=False) -> list[OrgUnit];  unit_tree(db) -> UnitTree

    list_targets(db, ref) -> list[TargetRef]
    set_target_rule(db, ref, key, over_units=None, over_time=None) -> TargetRef

    record(db, ref, key, unit_code, period_code, *, value=…, numerator=…, denominator=…, grade=…,
           rank=…, estimate=False, note=None, source=None, reason=None, who) -> RecordResult
    record_many(db, ref, entries: list[FigureEntry], *, who, source=None) -> RecordResult
    record_bulk(db, ref, entries: Iterable[FigureEntry], *, who, source=None) -> RecordResult
    clear(db, ref, key, unit_code, period_code, *, estimate=False, reason=None, who) -> RecordResult
    history(db, ref, key, unit_code, period_code) -> list[Revision];  figure_history(...) -> FigureHistory
    submit / approve / reopen(db, ref, unit_code, period_code, who, reason=None) -> PeriodStatus
    period_status(db, ref, unit_code, period_code) -> PeriodStatus
    entry_form(db, ref, period_code, unit_code=None, *, estimate=False) -> EntryForm
    evaluate_plan(db, ref, period_code, unit_code=None) -> list[TargetEvaluation]
    evaluate_units(db, ref, period_code, unit_codes=None) -> dict[str, list[TargetEvaluation]]
    plan_status(db, ref, period_code, unit_code=None) -> PlanStatus;  status_to_dict(status) -> dict

Errors are :class:`KehoachError` subclasses whose message is one line of Vietnamese.

Names are loaded on first use, so a command that needs no database (``kehoach parse``)
starts without importing SQLAlchemy and Alembic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kehoach.services.approval import PeriodStatus, approve, period_status, reopen, submit
    from kehoach.services.database import open_database, unit_of_work
    from kehoach.services.demo import DEMO_FILE, demo_text, import_demo
    from kehoach.services.entryform import entry_form
    from kehoach.services.errors import (
        AmbiguousReferenceError,
        DatabaseError,
        InputError,
        InputProblems,
        KehoachError,
        NotFoundError,
    )
    from kehoach.services.evaluating import PlanStatus, evaluate_plan, evaluate_units, plan_status
    from kehoach.services.figurehistory import FigureHistory, figure_history, history
    from kehoach.services.files import write_text_file
    from kehoach.services.importing import ImportResult, import_document, import_path, import_plan_json, import_text
    from kehoach.services.plans import export_plan_json, get_plan, list_plans
    from kehoach.services.plansettings import PlanSettings, change_plan_settings, parse_cutoff_rule, plan_settings
    from kehoach.services.reading import fingerprint, read_plan
    from kehoach.services.recording import (
        RecordResult,
        clear,
        default_who,
        record,
        record_bulk,
        record_many,
    )
    from kehoach.services.statusjson import status_to_dict
    from kehoach.services.targets import list_targets, set_target_rule
    from kehoach.services.units import UnitImportResult, add_units, import_units_csv, list_units, unit_tree
    from kehoach.storage import Database, PlanSummary, StoredPlan

_EXPORTS = {
    "PeriodStatus": "kehoach.services.approval",
    "approve": "kehoach.services.approval",
    "period_status": "kehoach.services.approval",
    "reopen": "kehoach.services.approval",
    "submit": "kehoach.services.approval",
    "entry_form": "kehoach.services.entryform",
    "InputProblems": "kehoach.services.errors",
    "PlanStatus": "kehoach.services.evaluating",
    "evaluate_plan": "kehoach.services.evaluating",
    "evaluate_units": "kehoach.services.evaluating",
    "plan_status": "kehoach.services.evaluating",
    "FigureHistory": "kehoach.services.figurehistory",
    "figure_history": "kehoach.services.figurehistory",
    "history": "kehoach.services.figurehistory",
    "PlanSettings": "kehoach.services.plansettings",
    "change_plan_settings": "kehoach.services.plansettings",
    "parse_cutoff_rule": "kehoach.services.plansettings",
    "plan_settings": "kehoach.services.plansettings",
    "RecordResult": "kehoach.services.recording",
    "clear": "kehoach.services.recording",
    "default_who": "kehoach.services.recording",
    "record": "kehoach.services.recording",
    "record_bulk": "kehoach.services.recording",
    "record_many": "kehoach.services.recording",
    "status_to_dict": "kehoach.services.statusjson",
    "list_targets": "kehoach.services.targets",
    "set_target_rule": "kehoach.services.targets",
    "UnitImportResult": "kehoach.services.units",
    "add_units": "kehoach.services.units",
    "import_units_csv": "kehoach.services.units",
    "list_units": "kehoach.services.units",
    "unit_tree": "kehoach.services.units",
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
    "FigureHistory",
    "ImportResult",
    "InputError",
    "InputProblems",
    "KehoachError",
    "NotFoundError",
    "PeriodStatus",
    "PlanSettings",
    "PlanStatus",
    "PlanSummary",
    "RecordResult",
    "StoredPlan",
    "UnitImportResult",
    "add_units",
    "approve",
    "change_plan_settings",
    "clear",
    "default_who",
    "demo_text",
    "entry_form",
    "evaluate_plan",
    "evaluate_units",
    "export_plan_json",
    "figure_history",
    "fingerprint",
    "get_plan",
    "history",
    "import_demo",
    "import_document",
    "import_path",
    "import_plan_json",
    "import_text",
    "import_units_csv",
    "list_plans",
    "list_targets",
    "list_units",
    "open_database",
    "parse_cutoff_rule",
    "period_status",
    "plan_settings",
    "plan_status",
    "read_plan",
    "record",
    "record_bulk",
    "record_many",
    "reopen",
    "set_target_rule",
    "status_to_dict",
    "submit",
    "unit_of_work",
    "unit_tree",
    "write_text_file",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
