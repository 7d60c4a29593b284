"""Services: the use cases, one transaction each. CLI, web and library callers all use them.

    open_database(url=None) -> Database
    read_plan(path) -> ParsedDocument                        (no database)
    import_document(db, path, *, unit_code=None) -> ImportResult     (.txt/.docx/.pdf; .json by suffix)
    import_text(db, text, name=None, format="txt", unit_code=None) -> ImportResult
    import_plan_json(db, path_or_text, *, unit_code=None) -> ImportResult   (kehoach.plan/1)
    import_path(db, path, *, unit_code=None) -> ImportResult         (the same as import_document)
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

    Accounts and access (docs/security.md). Every use case above takes ``actor=`` (a
    core.accounts.Actor; default LOCAL_OPERATOR, the machine's owner) and checks it here:
    require(tx_or_db, actor, action, unit_code) / permitted(...) / sees_plan(...) / scope_codes(...)
    create_user, get_user, list_users, change_role, set_password, set_active, deactivate -> User
    ensure_admin(db) -> (username, password or None)
    authenticate(db, username, password, client) -> Actor         (throttled)
    create_session / resolve_session / end_session / expire_sessions
    create_token -> (plaintext, ApiToken) / resolve_token / list_tokens / revoke_token
    audit_log(db, actor=…, unit_code=…, username=…, period=…, plan_id=…) -> list[AuditEntry]
    list_periods(year, cutoff_rule) -> list[PeriodInfo]
    read_upload(data, filename) -> ParsedDocument; import_upload(db, data, filename, …); publish_plan(db, plan, …)

Errors are :class:`KehoachError` subclasses whose message is one line of Vietnamese.

Names are loaded on first use, so a command that needs no database (``kehoach parse``)
starts without importing SQLAlchemy and Alembic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kehoach.services.approval import PeriodStatus, approve, period_status, reopen, submit
    from kehoach.services.audit import AuditEntry, audit_log
    from kehoach.services.authentication import authenticate
    from kehoach.services.database import open_database, unit_of_work
    from kehoach.services.demo import DEMO_FILE, demo_text, import_demo
    from kehoach.services.entryform import entry_form
    from kehoach.services.errors import (
        AmbiguousReferenceError,
        ConcurrentWrite,
        ConflictError,
        DatabaseError,
        InputError,
        InputProblems,
        KehoachError,
        LoginRefused,
        LoginThrottled,
        NotFoundError,
        PermissionDenied,
        StaleFigure,
    )
    from kehoach.services.evaluating import PlanStatus, evaluate_plan, evaluate_units, plan_status
    from kehoach.services.figurehistory import FigureHistory, figure_history, history
    from kehoach.services.figures import CurrentFigure, current_figures
    from kehoach.services.files import write_text_file
    from kehoach.services.importing import (
        ImportResult,
        import_document,
        import_path,
        import_plan_json,
        import_text,
        import_upload,
        publish_plan,
        read_upload,
    )
    from kehoach.services.periodlist import PeriodInfo, list_periods
    from kehoach.services.permissions import permitted, require, scope_codes, sees_plan
    from kehoach.services.plans import export_plan_json, get_plan, list_plans
    from kehoach.services.plansettings import PlanSettings, change_plan_settings, parse_cutoff_rule, plan_settings
    from kehoach.services.reading import fingerprint, read_plan
    from kehoach.services.recording import (
        RecordResult,
        Replaces,
        clear,
        default_who,
        record,
        record_bulk,
        record_many,
    )
    from kehoach.services.sessions import (
        NewSession,
        SessionInfo,
        create_session,
        end_session,
        expire_sessions,
        resolve_session,
    )
    from kehoach.services.statusjson import status_to_dict
    from kehoach.services.targets import list_targets, set_target_rule
    from kehoach.services.tokens import ApiToken, create_token, list_tokens, resolve_token, revoke_token
    from kehoach.services.units import (
        UnitImportResult,
        add_units,
        import_units_csv,
        list_units,
        unit_tree,
        visible_units,
    )
    from kehoach.services.users import (
        User,
        change_role,
        create_user,
        deactivate,
        ensure_admin,
        get_user,
        list_users,
        parse_role,
        set_active,
        set_password,
    )
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
    "AuditEntry": "kehoach.services.audit",
    "audit_log": "kehoach.services.audit",
    "authenticate": "kehoach.services.authentication",
    "PeriodInfo": "kehoach.services.periodlist",
    "list_periods": "kehoach.services.periodlist",
    "permitted": "kehoach.services.permissions",
    "require": "kehoach.services.permissions",
    "scope_codes": "kehoach.services.permissions",
    "sees_plan": "kehoach.services.permissions",
    "NewSession": "kehoach.services.sessions",
    "SessionInfo": "kehoach.services.sessions",
    "create_session": "kehoach.services.sessions",
    "end_session": "kehoach.services.sessions",
    "expire_sessions": "kehoach.services.sessions",
    "resolve_session": "kehoach.services.sessions",
    "ApiToken": "kehoach.services.tokens",
    "create_token": "kehoach.services.tokens",
    "list_tokens": "kehoach.services.tokens",
    "resolve_token": "kehoach.services.tokens",
    "revoke_token": "kehoach.services.tokens",
    "User": "kehoach.services.users",
    "change_role": "kehoach.services.users",
    "create_user": "kehoach.services.users",
    "deactivate": "kehoach.services.users",
    "ensure_admin": "kehoach.services.users",
    "get_user": "kehoach.services.users",
    "list_users": "kehoach.services.users",
    "parse_role": "kehoach.services.users",
    "set_active": "kehoach.services.users",
    "set_password": "kehoach.services.users",
    "ConcurrentWrite": "kehoach.services.errors",
    "ConflictError": "kehoach.services.errors",
    "LoginRefused": "kehoach.services.errors",
    "LoginThrottled": "kehoach.services.errors",
    "PermissionDenied": "kehoach.services.errors",
    "StaleFigure": "kehoach.services.errors",
    "import_upload": "kehoach.services.importing",
    "publish_plan": "kehoach.services.importing",
    "read_upload": "kehoach.services.importing",
    "Replaces": "kehoach.services.recording",
    "visible_units": "kehoach.services.units",
    "CurrentFigure": "kehoach.services.figures",
    "current_figures": "kehoach.services.figures",
    "Database": "kehoach.storage",
    "PlanSummary": "kehoach.storage",
    "StoredPlan": "kehoach.storage",
}

__all__ = [
    "DEMO_FILE",
    "AmbiguousReferenceError",
    "ApiToken",
    "AuditEntry",
    "ConcurrentWrite",
    "ConflictError",
    "CurrentFigure",
    "Database",
    "DatabaseError",
    "FigureHistory",
    "ImportResult",
    "InputError",
    "InputProblems",
    "KehoachError",
    "LoginRefused",
    "LoginThrottled",
    "NewSession",
    "NotFoundError",
    "PeriodInfo",
    "PeriodStatus",
    "PermissionDenied",
    "PlanSettings",
    "PlanStatus",
    "PlanSummary",
    "RecordResult",
    "Replaces",
    "SessionInfo",
    "StaleFigure",
    "StoredPlan",
    "UnitImportResult",
    "User",
    "add_units",
    "approve",
    "audit_log",
    "authenticate",
    "change_plan_settings",
    "change_role",
    "clear",
    "create_session",
    "create_token",
    "create_user",
    "current_figures",
    "deactivate",
    "default_who",
    "demo_text",
    "end_session",
    "ensure_admin",
    "entry_form",
    "evaluate_plan",
    "evaluate_units",
    "expire_sessions",
    "export_plan_json",
    "figure_history",
    "fingerprint",
    "get_plan",
    "get_user",
    "history",
    "import_demo",
    "import_document",
    "import_path",
    "import_plan_json",
    "import_text",
    "import_units_csv",
    "import_upload",
    "list_periods",
    "list_plans",
    "list_targets",
    "list_tokens",
    "list_units",
    "list_users",
    "open_database",
    "parse_cutoff_rule",
    "parse_role",
    "period_status",
    "permitted",
    "plan_settings",
    "plan_status",
    "publish_plan",
    "read_plan",
    "read_upload",
    "record",
    "record_bulk",
    "record_many",
    "reopen",
    "require",
    "resolve_session",
    "resolve_token",
    "revoke_token",
    "scope_codes",
    "sees_plan",
    "set_active",
    "set_password",
    "set_target_rule",
    "status_to_dict",
    "submit",
    "unit_of_work",
    "unit_tree",
    "visible_units",
    "write_text_file",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
