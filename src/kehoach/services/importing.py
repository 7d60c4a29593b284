"""Importing a plan: from a resolution file, from its text, or from kehoach.plan/1 JSON.

A document already in the database (same text fingerprint, or same number, issuer and
date) is not imported again: the existing plan comes back with ``created=False``.

A plan belongs to one administrative unit: ``unit_code`` when given (a stored unit), else
the unit the document names (services.planunit), created when missing.

The actor needs MANAGE_PLANS at the plan's unit; creating the unit a document names needs a
system-wide administrator (the unit has no place in anyone's scope yet). A document already
stored comes back only to an actor who may see its plan. Each new plan is in the audit log.

``read_upload`` parses an uploaded file's bytes without storing anything (the review screen);
``publish_plan`` stores a plan edited after review together with the source text it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.periods import CutoffRule
from kehoach.core.plan import Plan
from kehoach.core.planjson import PlanFormatError, plan_from_json
from kehoach.core.units import OrgUnit
from kehoach.parsing import ParsedDocument, ReadError, parse_text
from kehoach.parsing.readers import read_bytes
from kehoach.services.audit import log_event
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.files import read_text_file
from kehoach.services.permissions import check, check_plan_visible
from kehoach.services.planunit import resolve_plan_unit
from kehoach.services.reading import fingerprint, normalize_text, read_plan
from kehoach.services.unittrees import load_tree
from kehoach.storage import Database, Source

MAX_UPLOAD = 20 * 1024 * 1024  # bytes: a resolution is a few hundred kilobytes

JSON_SUFFIX = ".json"


@dataclass(frozen=True)
class ImportResult:
    plan_id: int
    plan: Plan
    created: bool  # False: the document was already stored and nothing was imported
    source_name: str | None
    unit: OrgUnit | None = None  # the unit the plan belongs to
    unit_created: bool = False  # that unit was made up from the document's place by this import


def _store(
    db: Database,
    plan: Plan,
    source: Source,
    unit_code: str | None,
    cutoff_rule: CutoffRule = CutoffRule.ND09,
    actor: Actor = LOCAL_OPERATOR,
) -> ImportResult:
    with unit_of_work(db) as tx:
        tree = load_tree(tx)
        if unit_code is not None and unit_code.strip() in tree:
            check(actor, Action.MANAGE_PLANS, unit_code.strip(), tree)
        existing = tx.plans.find_existing(plan.document, source.fingerprint)
        if existing is not None:
            stored = tx.plans.get(existing)
            assert stored is not None
            check_plan_visible(actor, stored.unit_code, tree)
            unit = tree.find(stored.unit_code)
            return ImportResult(existing, stored.plan, created=False, source_name=stored.source_name, unit=unit)
        owner = resolve_plan_unit(tx, plan.document, unit_code)
        if owner.created:
            check(actor, Action.ADMINISTER, None, tree)  # a new top-level unit: rolled back when refused
        else:
            check(actor, Action.MANAGE_PLANS, owner.unit.code, tree)
        plan_id = tx.plans.add(plan, source, unit_code=owner.unit.code, cutoff_rule=cutoff_rule)
        log_event(
            tx,
            actor,
            "plan.import",
            unit_code=owner.unit.code,
            plan_id=plan_id,
            object=f"kế hoạch số {plan_id} ({plan.document.number or source.name or 'không rõ số'})",
            new={"number": plan.document.number, "source": source.name, "cutoff_rule": cutoff_rule.value},
        )
    return ImportResult(plan_id, plan, True, source.name, owner.unit, owner.created)


def _text_source(text: str, name: str | None, format: str | None) -> Source:
    """The source of a plan read from ``text``: normalized, and fingerprinted to find it again."""
    normalized = normalize_text(text)
    return Source(text=normalized, name=name, format=format, fingerprint=fingerprint(normalized))


def read_upload(data: bytes, filename: str) -> ParsedDocument:
    """Parse an uploaded resolution (.txt, .docx, .pdf) without storing it."""
    if len(data) > MAX_UPLOAD:
        raise InputError(f"{filename}: tệp lớn quá {MAX_UPLOAD // (1024 * 1024)} MB")
    try:
        source = read_bytes(data, filename)
    except ReadError as exc:
        raise InputError(str(exc)) from exc
    return ParsedDocument(plan=parse_text(source.text), source=source)


def import_upload(
    db: Database,
    data: bytes,
    filename: str,
    *,
    unit_code: str | None = None,
    cutoff_rule: CutoffRule = CutoffRule.ND09,
    actor: Actor = LOCAL_OPERATOR,
) -> ImportResult:
    """Store an uploaded file: a kehoach.plan/1 ``.json``, else a resolution document."""
    if Path(filename).suffix.lower() == JSON_SUFFIX:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{filename}: tệp JSON không phải UTF-8") from exc
        return _import_json_text(db, text, filename, unit_code, cutoff_rule, actor)
    parsed = read_upload(data, filename)
    return _store(
        db, parsed.plan, _text_source(parsed.source.text, filename, parsed.source.format), unit_code, cutoff_rule, actor
    )


def publish_plan(
    db: Database,
    plan: Plan,
    *,
    source_text: str | None = None,
    source_name: str | None = None,
    source_format: str | None = None,
    unit_code: str | None = None,
    cutoff_rule: CutoffRule = CutoffRule.ND09,
    actor: Actor = LOCAL_OPERATOR,
) -> ImportResult:
    """Store a plan reviewed and edited by an officer, with the text it was read from (so spans
    still point into it); the same document already stored is not stored again."""
    if source_text is None:
        source = Source(text=None, name=source_name, format=source_format, fingerprint=None)
    else:
        source = _text_source(source_text, source_name, source_format)
    return _store(db, plan, source, unit_code, cutoff_rule, actor)


def import_text(
    db: Database,
    text: str,
    *,
    name: str | None = None,
    format: str = "txt",
    unit_code: str | None = None,
    cutoff_rule: CutoffRule = CutoffRule.ND09,
    actor: Actor = LOCAL_OPERATOR,
) -> ImportResult:
    """Parse and store a resolution given as text (pasted, or bundled with the package)."""
    source = _text_source(text, name, format)
    assert source.text is not None
    return _store(db, parse_text(source.text), source, unit_code, cutoff_rule, actor)


def _import_json_text(
    db: Database,
    text: str,
    name: str | None,
    unit_code: str | None,
    cutoff_rule: CutoffRule,
    actor: Actor,
    where: str | None = None,
) -> ImportResult:
    """Store a kehoach.plan/1 plan given as JSON text; ``where`` names it in errors (default: ``name``)."""
    try:
        plan = plan_from_json(text)
    except PlanFormatError as exc:
        raise InputError(f"{where or name or 'JSON'}: {exc}") from exc
    source = Source(text=None, name=name, format="json", fingerprint=None)
    return _store(db, plan, source, unit_code, cutoff_rule, actor)


def import_plan_json(
    db: Database,
    source: Path | str,
    *,
    unit_code: str | None = None,
    cutoff_rule: CutoffRule = CutoffRule.ND09,
    actor: Actor = LOCAL_OPERATOR,
) -> ImportResult:
    """Store a kehoach.plan/1 plan: ``source`` is a path, or the JSON text itself (starting with "{")."""
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return _import_json_text(db, source, None, unit_code, cutoff_rule, actor)
    path = Path(source)
    return _import_json_text(db, read_text_file(path), path.name, unit_code, cutoff_rule, actor, where=str(path))


def import_document(
    db: Database,
    path: Path | str,
    *,
    unit_code: str | None = None,
    cutoff_rule: CutoffRule = CutoffRule.ND09,
    actor: Actor = LOCAL_OPERATOR,
) -> ImportResult:
    """Store a file: a resolution (.txt, .docx, .pdf) read and parsed, or by its ``.json``
    suffix a kehoach.plan/1 plan."""
    p = Path(path)
    if p.suffix.lower() == JSON_SUFFIX:
        return import_plan_json(db, p, unit_code=unit_code, cutoff_rule=cutoff_rule, actor=actor)
    parsed = read_plan(p)
    return _store(
        db, parsed.plan, _text_source(parsed.source.text, p.name, parsed.source.format), unit_code, cutoff_rule, actor
    )


import_path = import_document  # the name the CLI's ``kehoach import`` uses: any file, by its suffix
