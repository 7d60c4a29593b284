"""How imported unit versions combine with the stored ones (pure: no database).

- A version with the code and start date of a stored one corrects it (name, level, parent;
  its end date only when one is given): nothing changes when it is the same.
- A new version of a known code starts a new period of that code: the version before it, if
  still open, is closed the day before (a merger, a renaming, a move to another parent).
  A new version that starts before a stored one ends the day before that one starts,
  unless it says otherwise.
- Everything else is a new unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from kehoach.core.units import OrgUnit
from kehoach.storage import StoredUnit


@dataclass(frozen=True)
class Incoming:
    unit: OrgUnit
    closes: bool  # its end date was given (an empty end date keeps the stored one)


@dataclass
class UnitChanges:
    added: list[OrgUnit] = field(default_factory=list)
    corrected: list[tuple[int, OrgUnit]] = field(default_factory=list)  # stored versions changed by the input
    closed: list[tuple[int, OrgUnit]] = field(default_factory=list)  # stored versions ended by a newer one
    unchanged: int = 0
    final: list[OrgUnit] = field(default_factory=list)  # every version after the changes


@dataclass
class _Version:
    unit: OrgUnit
    unit_id: int | None  # None: new
    original: OrgUnit | None  # as stored
    touched_by_input: bool = False


def _day_before(day: date) -> date:
    return day - timedelta(days=1)


def merge_units(stored: list[StoredUnit], incoming: list[Incoming]) -> UnitChanges:
    versions: dict[str, list[_Version]] = {}
    for found in stored:
        versions.setdefault(found.unit.code, []).append(_Version(found.unit, found.unit_id, found.unit))
    changes = UnitChanges()
    for item in sorted(incoming, key=lambda i: (i.unit.code, i.unit.start)):
        unit = item.unit
        same_code = versions.setdefault(unit.code, [])
        match = next((v for v in same_code if v.unit.valid_from == unit.valid_from), None)
        if match is not None:
            until = unit.valid_to if item.closes else match.unit.valid_to
            match.unit = replace(unit, valid_to=until)
            match.touched_by_input = True
            continue
        later = [v for v in same_code if v.unit.start > unit.start]
        if not item.closes and later:
            first_later = min(later, key=lambda v: v.unit.start)
            unit = replace(unit, valid_to=_day_before(first_later.unit.start))
        earlier = [v for v in same_code if v.unit.start < unit.start]
        if earlier and unit.valid_from is not None:
            previous = max(earlier, key=lambda v: v.unit.start)
            if previous.unit.valid_to is None:
                previous.unit = replace(previous.unit, valid_to=_day_before(unit.valid_from))
        same_code.append(_Version(unit, None, None, touched_by_input=True))
    for same_code in versions.values():
        for version in same_code:
            changes.final.append(version.unit)
            if version.unit_id is None:
                changes.added.append(version.unit)
            elif version.unit == version.original:
                changes.unchanged += version.touched_by_input
            elif version.touched_by_input:
                changes.corrected.append((version.unit_id, version.unit))
            else:
                changes.closed.append((version.unit_id, version.unit))
    return changes
