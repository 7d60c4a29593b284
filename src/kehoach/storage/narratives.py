"""Narratives and report settings in one transaction: append-only, the latest row wins."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kehoach.storage.narrativerecords import NarrativeVersion, SettingsVersion
from kehoach.storage.narrativetables import NarrativeRevisionRow, NarrativeRow, ReportSettingsRow
from kehoach.storage.planrows import aware


class NarrativeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _slot(self, plan_id: int, unit_code: str, period: str, section: str) -> int | None:
        return self._session.scalar(
            select(NarrativeRow.id).where(
                NarrativeRow.plan_id == plan_id,
                NarrativeRow.unit_code == unit_code,
                NarrativeRow.period == period,
                NarrativeRow.section == section,
            )
        )

    def append(self, plan_id: int, unit_code: str, period: str, section: str, text: str, who: str) -> NarrativeVersion:
        """A new version of a section's text (the first one creates the section's slot)."""
        slot = self._slot(plan_id, unit_code, period, section)
        if slot is None:
            slot = self._session.execute(
                insert(NarrativeRow)
                .values(plan_id=plan_id, unit_code=unit_code, period=period, section=section)
                .returning(NarrativeRow.id)
            ).scalar_one()
        last = self._session.scalar(
            select(func.max(NarrativeRevisionRow.seq)).where(NarrativeRevisionRow.narrative_id == slot)
        )
        moment = dt.datetime.now(dt.UTC)
        seq = (last or 0) + 1
        self._session.execute(
            insert(NarrativeRevisionRow).values(
                narrative_id=slot, seq=seq, text=text, written_by=who, written_at=moment
            )
        )
        return NarrativeVersion(section, seq, text, who, moment)

    def history(
        self, plan_id: int, unit_code: str, period: str, sections: Iterable[str] | None = None
    ) -> list[NarrativeVersion]:
        """Every version of the sections of a plan, unit and period (or only ``sections``),
        by section then ``seq``."""
        query = (
            select(
                NarrativeRow.section,
                NarrativeRevisionRow.seq,
                NarrativeRevisionRow.text,
                NarrativeRevisionRow.written_by,
                NarrativeRevisionRow.written_at,
            )
            .join(NarrativeRevisionRow, NarrativeRevisionRow.narrative_id == NarrativeRow.id)
            .where(NarrativeRow.plan_id == plan_id, NarrativeRow.unit_code == unit_code, NarrativeRow.period == period)
            .order_by(NarrativeRow.section, NarrativeRevisionRow.seq)
        )
        if sections is not None:
            query = query.where(NarrativeRow.section.in_(list(sections)))
        return [
            NarrativeVersion(section, seq, text, who, aware(when))
            for section, seq, text, who, when in self._session.execute(query)
        ]

    def current(self, plan_id: int, unit_code: str, period: str) -> dict[str, str]:
        """The current text of every section written (cleared sections left out)."""
        latest: dict[str, str] = {}
        for version in self.history(plan_id, unit_code, period):
            latest[version.section] = version.text
        return {section: text for section, text in latest.items() if text}


class ReportSettingsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _scope(self, unit_code: str, plan_id: int | None) -> Any:
        plan = ReportSettingsRow.plan_id.is_(None) if plan_id is None else ReportSettingsRow.plan_id == plan_id
        return (ReportSettingsRow.unit_code == unit_code) & plan

    def latest(self, unit_code: str, plan_id: int | None) -> SettingsVersion | None:
        """The settings in force for a unit (``plan_id`` None: every plan) or one plan of it."""
        row = self._session.execute(
            select(
                ReportSettingsRow.seq,
                ReportSettingsRow.settings,
                ReportSettingsRow.changed_by,
                ReportSettingsRow.changed_at,
            )
            .where(self._scope(unit_code, plan_id))
            .order_by(ReportSettingsRow.seq.desc(), ReportSettingsRow.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        seq, settings, who, when = row
        return SettingsVersion(unit_code, plan_id, seq, dict(settings), who, aware(when))

    def append(self, unit_code: str, plan_id: int | None, settings: dict[str, Any], who: str) -> SettingsVersion:
        last = self._session.scalar(select(func.max(ReportSettingsRow.seq)).where(self._scope(unit_code, plan_id)))
        moment = dt.datetime.now(dt.UTC)
        seq = (last or 0) + 1
        self._session.execute(
            insert(ReportSettingsRow).values(
                unit_code=unit_code, plan_id=plan_id, seq=seq, settings=settings, changed_by=who, changed_at=moment
            )
        )
        return SettingsVersion(unit_code, plan_id, seq, settings, who, moment)
