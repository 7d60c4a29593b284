"""Administrative units: import (CSV or objects, all or nothing), list, tree.

Importing needs ADMINISTER where each change lands: at the parent of a new unit version
(a new top-level unit: a system-wide administrator), at a corrected or closed unit and at
its new parent. Every import that changes something is written to the audit log. A list for
an actor holds the units of their scope and the units above their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor, refusal
from kehoach.core.entries import Problem
from kehoach.core.unitlevels import UnitError
from kehoach.core.units import OrgUnit, UnitTree
from kehoach.services.audit import log_event
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputProblems, PermissionDenied
from kehoach.services.permissions import in_scope, permitted, within
from kehoach.services.unitmerge import Incoming, UnitChanges, merge_units
from kehoach.services.unitsfile import UnitLine, UnitsFile, read_units_csv
from kehoach.services.unittrees import load_tree
from kehoach.storage import Database, Transaction


@dataclass(frozen=True)
class UnitImportResult:
    added: int  # new unit versions
    corrected: int  # stored versions whose name, level, parent or end date changed
    closed: int  # stored versions ended because a newer version of their code starts
    unchanged: int  # versions given again exactly as stored

    @property
    def changed(self) -> bool:
        return bool(self.added or self.corrected or self.closed)


_UNIT_IN_MESSAGE = re.compile(r"^đơn vị (\S+?)[\s:]")


def _tree_problems(exc: UnitError, units: UnitsFile) -> list[Problem]:
    """UnitTree problems, each placed on the lines of the unit it names when the file has it."""
    lines: dict[str, list[str]] = {}
    for line in units.lines:
        lines.setdefault(line.unit.code, []).append(line.location)
    problems = []
    for message in exc.problems:
        match = _UNIT_IN_MESSAGE.match(message)
        where = lines.get(match.group(1)) if match else None
        problems.append(Problem(message, ", ".join(where) if where else None))
    return problems


def _parent_problems(units: UnitsFile, known: set[str]) -> list[Problem]:
    return [
        Problem(
            f"không có đơn vị mã '{line.unit.parent_code}' (trong tệp hay trong cơ sở dữ liệu) làm cấp trên",
            units.cell(line.location, "parent_code"),
        )
        for line in units.lines
        if line.unit.parent_code is not None and line.unit.parent_code not in known
    ]


def _check_rights(actor: Actor, before: UnitTree, after: UnitTree, changes: UnitChanges) -> None:
    """ADMINISTER wherever the import changes the tree (see the module docstring)."""
    places: list[tuple[str | None, UnitTree]] = [(unit.parent_code, after) for unit in changes.added]
    for _, unit in [*changes.corrected, *changes.closed]:
        places += [(unit.code, before), (unit.parent_code, after)]
    refused = sorted({code or "" for code, tree in places if not permitted(actor, Action.ADMINISTER, code, tree)})
    if refused:
        where = ", ".join(code or "toàn hệ thống" for code in refused)
        raise PermissionDenied(refusal(actor, Action.ADMINISTER, where))


def _apply(tx: Transaction, units: UnitsFile, what: str, actor: Actor = LOCAL_OPERATOR) -> UnitImportResult:
    stored = tx.units.all()
    known = {s.unit.code for s in stored} | {line.unit.code for line in units.lines}
    problems = [*units.problems, *_parent_problems(units, known)]
    if problems:
        raise InputProblems(problems, what)
    changes = merge_units(stored, [Incoming(line.unit, line.closes) for line in units.lines])
    try:
        final = UnitTree(changes.final)
    except UnitError as exc:
        raise InputProblems(_tree_problems(exc, units), what) from exc
    _check_rights(actor, UnitTree(u.unit for u in stored), final, changes)
    tx.units.add(changes.added)
    for unit_id, unit in [*changes.corrected, *changes.closed]:
        tx.units.update(unit_id, unit)
    result = UnitImportResult(len(changes.added), len(changes.corrected), len(changes.closed), changes.unchanged)
    if result.changed:
        log_event(
            tx,
            actor,
            "units.import",
            unit_code=actor.unit_code,
            object=what,
            new={
                "added": sorted({u.code for u in changes.added}),
                "corrected": sorted({u.code for _, u in changes.corrected}),
                "closed": sorted({u.code for _, u in changes.closed}),
            },
        )
    return result


def import_units_csv(db: Database, path: Path | str, *, actor: Actor = LOCAL_OPERATOR) -> UnitImportResult:
    """Add or correct units from a CSV file (docs/units.md): every bad row is reported with
    its line and column, and then nothing is stored."""
    units = read_units_csv(path)
    with unit_of_work(db) as tx:
        return _apply(tx, units, f"Tệp {Path(path).name}", actor)


def add_units(db: Database, units: Iterable[OrgUnit], *, actor: Actor = LOCAL_OPERATOR) -> UnitImportResult:
    """Add or correct units given as objects, by the same rules as the CSV import; an end
    date (``valid_to``) given closes the version."""
    given = UnitsFile(lines=[UnitLine(u, f"mục {n}", u.valid_to is not None) for n, u in enumerate(units, start=1)])
    with unit_of_work(db) as tx:
        return _apply(tx, given, "Danh sách đơn vị", actor)


def unit_tree(db: Database) -> UnitTree:
    """Every unit with its history."""
    with unit_of_work(db) as tx:
        return load_tree(tx)


def visible_units(actor: Actor, tree: UnitTree) -> set[str]:
    """Codes the actor sees in a unit list: their scope and the units above their unit."""
    codes = {u.code for u in tree.units}
    if actor.unit_code is None:
        return codes
    home = actor.unit_code
    return {code for code in codes if in_scope(actor, code, tree) or (home in tree and within(tree, home, code))}


def tree_order(tree: UnitTree, on: date | None = None) -> list[tuple[int, OrgUnit]]:
    """The units in force on ``on`` (None: now), parents before children, with their depth."""
    ordered: list[tuple[int, OrgUnit]] = []
    stack = [(0, unit) for unit in reversed(tree.roots(on))]
    while stack:
        depth, unit = stack.pop()
        ordered.append((depth, unit))
        stack.extend((depth + 1, child) for child in reversed(tree.children(unit.code, on)))
    return ordered


def list_units(
    db: Database, on: date | None = None, *, history: bool = False, actor: Actor = LOCAL_OPERATOR
) -> list[OrgUnit]:
    """The units in force on ``on`` (None: those still in force), parents before children;
    with ``history``, every version of every unit by code and start date. An actor with a
    unit sees their scope and the units above it."""
    tree = unit_tree(db)
    seen = visible_units(actor, tree)
    if history:
        return sorted((u for u in tree.units if u.code in seen), key=lambda u: (u.code, u.start))
    return [unit for _, unit in tree_order(tree, on) if unit.code in seen]
