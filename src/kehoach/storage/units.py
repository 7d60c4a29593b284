"""The unit repository: versions of administrative units in and out as core ``OrgUnit``."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from kehoach.core.unitlevels import UnitLevel
from kehoach.core.units import OrgUnit
from kehoach.storage.base import now
from kehoach.storage.records import StoredUnit
from kehoach.storage.unittables import UnitRow


def _values(unit: OrgUnit) -> dict[str, object]:
    return {
        "code": unit.code,
        "name": unit.name,
        "level": unit.level.value,
        "parent_code": unit.parent_code,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
    }


class UnitRepository:
    """Units in one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> list[StoredUnit]:
        """Every version of every unit, in the order they were stored."""
        rows = self._session.execute(
            select(
                UnitRow.id,
                UnitRow.code,
                UnitRow.name,
                UnitRow.level,
                UnitRow.parent_code,
                UnitRow.valid_from,
                UnitRow.valid_to,
            ).order_by(UnitRow.id)
        )
        return [
            StoredUnit(unit_id, OrgUnit(code, name, UnitLevel(level), parent, since, until))
            for unit_id, code, name, level, parent, since, until in rows
        ]

    def add(self, units: Iterable[OrgUnit]) -> None:
        moment = now()
        rows = [{**_values(unit), "created_at": moment} for unit in units]
        if rows:
            self._session.execute(insert(UnitRow), rows)

    def update(self, unit_id: int, unit: OrgUnit) -> None:
        """Correct a stored version (its name, level, parent or end date)."""
        self._session.execute(update(UnitRow).where(UnitRow.id == unit_id).values(**_values(unit)))
