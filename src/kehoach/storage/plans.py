"""The plan repository: core ``Plan`` objects in, core ``Plan`` objects out."""

from __future__ import annotations

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from kehoach.core.periods import CutoffRule
from kehoach.core.plan import Document, Plan
from kehoach.core.targets import OverTime, OverUnits
from kehoach.storage.identity import identity_key, number_key
from kehoach.storage.planrows import aware, plan_from_row, plan_to_row
from kehoach.storage.records import PlanSummary, Source, StoredPlan
from kehoach.storage.tables import (
    DocumentRow,
    IndicatorRow,
    ParseWarningRow,
    PlanRow,
    SolutionRow,
    TargetRow,
    TaskRow,
)

_NO_SOURCE = Source(text=None, name=None, format=None, fingerprint=None)

_FULL_PLAN = (
    selectinload(PlanRow.document),
    selectinload(PlanRow.tasks).selectinload(TaskRow.targets),
    selectinload(PlanRow.indicators).selectinload(IndicatorRow.targets),
    selectinload(PlanRow.solutions).selectinload(SolutionRow.items),
    selectinload(PlanRow.warnings),
)


class PlanRepository:
    """Plans in one transaction (the session belongs to the caller's unit of work)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, plan: Plan, source: Source = _NO_SOURCE, *, unit_code: str, cutoff_rule: CutoffRule = CutoffRule.ND09
    ) -> int:
        """Store a plan with its document, owned by ``unit_code``; returns the new plan id."""
        row = plan_to_row(plan, source)
        row.unit_code = unit_code
        row.cutoff_rule = cutoff_rule.value
        self._session.add(row)
        self._session.flush()
        return row.id

    def get(self, plan_id: int) -> StoredPlan | None:
        row = self._session.scalars(select(PlanRow).where(PlanRow.id == plan_id).options(*_FULL_PLAN)).one_or_none()
        if row is None:
            return None
        return StoredPlan(
            plan_id=row.id,
            plan=plan_from_row(row),
            created_at=aware(row.created_at),
            source_name=row.document.source_name,
            source_format=row.document.source_format,
            fingerprint=row.document.fingerprint,
            unit_code=row.unit_code,
            cutoff_rule=CutoffRule(row.cutoff_rule),
        )

    def set_unit(self, plan_id: int, unit_code: str) -> None:
        self._session.execute(update(PlanRow).where(PlanRow.id == plan_id).values(unit_code=unit_code))

    def set_cutoff_rule(self, plan_id: int, rule: CutoffRule) -> None:
        self._session.execute(update(PlanRow).where(PlanRow.id == plan_id).values(cutoff_rule=rule.value))

    def set_target_rule(
        self, plan_id: int, key: str, over_units: OverUnits | None = None, over_time: OverTime | None = None
    ) -> bool:
        """Change how a target is measured; False when the plan has no target ``key``."""
        values: dict[str, str] = {}
        if over_units is not None:
            values["over_units"] = over_units.value
        if over_time is not None:
            values["over_time"] = over_time.value
        row = self._session.scalar(select(TargetRow).where(TargetRow.plan_id == plan_id, TargetRow.key == key))
        if row is None:
            return False
        for name, value in values.items():
            setattr(row, name, value)
        self._session.flush()
        return True

    def source_text(self, plan_id: int) -> str | None:
        query = select(DocumentRow.source_text).join(DocumentRow.plan)
        return self._session.scalar(query.where(PlanRow.id == plan_id))

    def find_existing(self, document: Document, fingerprint: str | None) -> int | None:
        """The plan of an already stored document: same text fingerprint, or same number, issuer and date."""
        conditions = []
        if fingerprint:
            conditions.append(DocumentRow.fingerprint == fingerprint)
        key = identity_key(document)
        if key:
            conditions.append(DocumentRow.identity_key == key)
        if not conditions:
            return None
        return self._session.scalar(
            select(PlanRow.id).join(PlanRow.document).where(or_(*conditions)).order_by(PlanRow.id).limit(1)
        )

    def ids_by_number(self, number: str) -> list[int]:
        key = number_key(number)
        if key is None:
            return []
        return list(
            self._session.scalars(
                select(PlanRow.id).join(PlanRow.document).where(DocumentRow.number_key == key).order_by(PlanRow.id)
            )
        )

    def summaries(self) -> list[PlanSummary]:
        rows = self._session.execute(
            select(PlanRow.id, PlanRow.created_at, PlanRow.unit_code, DocumentRow)
            .join(PlanRow.document)
            .order_by(PlanRow.id)
        ).all()
        tallies = {
            name: {
                plan_id: count
                for plan_id, count in self._session.execute(select(table.plan_id, func.count()).group_by(table.plan_id))
            }
            for name, table in (
                ("tasks", TaskRow),
                ("indicators", IndicatorRow),
                ("targets", TargetRow),
                ("warnings", ParseWarningRow),
            )
        }
        return [
            PlanSummary(
                plan_id=plan_id,
                number=doc.number,
                issuer=doc.issuer,
                date=doc.date,
                plan_year=doc.plan_year,
                subject=doc.subject,
                source_name=doc.source_name,
                created_at=aware(created_at),
                task_count=tallies["tasks"].get(plan_id, 0),
                indicator_count=tallies["indicators"].get(plan_id, 0),
                target_count=tallies["targets"].get(plan_id, 0),
                warning_count=tallies["warnings"].get(plan_id, 0),
                unit_code=unit_code,
            )
            for plan_id, created_at, unit_code, doc in rows
        ]
