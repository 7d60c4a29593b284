"""Administrative units: import (CSV or objects, all or nothing), list, tree."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kehoach.core.entries import Problem
from kehoach.core.unitlevels import UnitError
from kehoach.core.units import OrgUnit, UnitTree
from kehoach.services.context import load_tree
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputProblems
from kehoach.services.unitmerge import Incoming, merge_units
from kehoach.services.unitsfile import UnitLine, UnitsFile, read_units_csv
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


def _apply(tx: Transaction, units: UnitsFile, what: str) -> UnitImportResult:
    stored = tx.units.all()
    known = {s.unit.code for s in stored} | {line.unit.code for line in units.lines}
    problems = [*units.problems, *_parent_problems(units, known)]
    if problems:
        raise InputProblems(problems, what)
    changes = merge_units(stored, [Incoming(line.unit, line.closes) for line in units.lines])
    try:
        UnitTree(changes.final)
    except UnitError as exc:
        raise InputProblems(_tree_problems(exc, units), what) from exc
    tx.units.add(changes.added)
    for unit_id, unit in [*changes.corrected, *changes.closed]:
        tx.units.update(unit_id, unit)
    return UnitImportResult(len(changes.added), len(changes.corrected), len(changes.closed), changes.unchanged)


def import_units_csv(db: Database, path: Path | str) -> UnitImportResult:
    """Add or correct units from a CSV file (docs/units.md): every bad row is reported with
    its line and column, and then nothing is stored."""
    units = read_units_csv(path)
    with unit_of_work(db) as tx:
        return _apply(tx, units, f"Tệp {Path(path).name}")


def add_units(db: Database, units: Iterable[OrgUnit]) -> UnitImportResult:
    """Add or correct units given as objects, by the same rules as the CSV import; an end
    date (``valid_to``) given closes the version."""
    given = UnitsFile(lines=[UnitLine(u, f"mục {n}", u.valid_to is not None) for n, u in enumerate(units, start=1)])
    with unit_of_work(db) as tx:
        return _apply(tx, given, "Danh sách đơn vị")


def unit_tree(db: Database) -> UnitTree:
    """Every unit with its history."""
    with unit_of_work(db) as tx:
        return load_tree(tx)


def tree_order(tree: UnitTree, on: date | None = None) -> list[tuple[int, OrgUnit]]:
    """The units in force on ``on`` (None: now), parents before children, with their depth."""
    ordered: list[tuple[int, OrgUnit]] = []
    stack = [(0, unit) for unit in reversed(tree.roots(on))]
    while stack:
        depth, unit = stack.pop()
        ordered.append((depth, unit))
        stack.extend((depth + 1, child) for child in reversed(tree.children(unit.code, on)))
    return ordered


def list_units(db: Database, on: date | None = None, *, history: bool = False) -> list[OrgUnit]:
    """The units in force on ``on`` (None: those still in force), parents before children;
    with ``history``, every version of every unit by code and start date."""
    tree = unit_tree(db)
    if history:
        return sorted(tree.units, key=lambda u: (u.code, u.start))
    return [unit for _, unit in tree_order(tree, on)]
