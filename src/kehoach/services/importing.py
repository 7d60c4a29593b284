"""Importing a plan: from a resolution file, from its text, or from kehoach.plan/1 JSON.

A document already in the database (same text fingerprint, or same number, issuer and
date) is not imported again: the existing plan comes back with ``created=False``.

A plan belongs to one administrative unit: ``unit_code`` when given (a stored unit), else
the unit the document names (services.planunit), created when missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kehoach.core.periods import CutoffRule
from kehoach.core.plan import Plan
from kehoach.core.planjson import PlanFormatError, plan_from_json
from kehoach.core.units import OrgUnit
from kehoach.parsing import parse_text
from kehoach.services.context import load_tree
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.files import read_text_file
from kehoach.services.planunit import resolve_plan_unit
from kehoach.services.reading import fingerprint, normalize_text, read_plan
from kehoach.storage import Database, Source

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
    db: Database, plan: Plan, source: Source, unit_code: str | None, cutoff_rule: CutoffRule = CutoffRule.ND09
) -> ImportResult:
    with unit_of_work(db) as tx:
        existing = tx.plans.find_existing(plan.document, source.fingerprint)
        if existing is not None:
            stored = tx.plans.get(existing)
            assert stored is not None
            unit = load_tree(tx).find(stored.unit_code)
            return ImportResult(existing, stored.plan, created=False, source_name=stored.source_name, unit=unit)
        owner = resolve_plan_unit(tx, plan.document, unit_code)
        plan_id = tx.plans.add(plan, source, unit_code=owner.unit.code, cutoff_rule=cutoff_rule)
    return ImportResult(plan_id, plan, True, source.name, owner.unit, owner.created)


def import_document(
    db: Database, path: Path | str, *, unit_code: str | None = None, cutoff_rule: CutoffRule = CutoffRule.ND09
) -> ImportResult:
    """Read, parse and store a resolution file (.txt, .docx, .pdf)."""
    p = Path(path)
    parsed = read_plan(p)
    text = normalize_text(parsed.source.text)
    source = Source(text=text, name=p.name, format=parsed.source.format, fingerprint=fingerprint(text))
    return _store(db, parsed.plan, source, unit_code, cutoff_rule)


def import_text(
    db: Database,
    text: str,
    *,
    name: str | None = None,
    format: str = "txt",
    unit_code: str | None = None,
    cutoff_rule: CutoffRule = CutoffRule.ND09,
) -> ImportResult:
    """Parse and store a resolution given as text (pasted, or bundled with the package)."""
    normalized = normalize_text(text)
    source = Source(text=normalized, name=name, format=format, fingerprint=fingerprint(normalized))
    return _store(db, parse_text(normalized), source, unit_code, cutoff_rule)


def import_plan_json(
    db: Database, source: Path | str, *, unit_code: str | None = None, cutoff_rule: CutoffRule = CutoffRule.ND09
) -> ImportResult:
    """Store a kehoach.plan/1 plan: ``source`` is a path, or the JSON text itself (starting with "{")."""
    if isinstance(source, str) and source.lstrip().startswith("{"):
        text, name, label = source, None, "JSON"
    else:
        path = Path(source)
        text, name, label = read_text_file(path), path.name, str(path)
    try:
        plan = plan_from_json(text)
    except PlanFormatError as exc:
        raise InputError(f"{label}: {exc}") from exc
    return _store(db, plan, Source(text=None, name=name, format="json", fingerprint=None), unit_code, cutoff_rule)


def import_path(
    db: Database, path: Path | str, *, unit_code: str | None = None, cutoff_rule: CutoffRule = CutoffRule.ND09
) -> ImportResult:
    """A ``.json`` file is a kehoach.plan/1 plan; anything else is a resolution document."""
    p = Path(path)
    if p.suffix.lower() == JSON_SUFFIX:
        return import_plan_json(db, p, unit_code=unit_code, cutoff_rule=cutoff_rule)
    return import_document(db, p, unit_code=unit_code, cutoff_rule=cutoff_rule)
