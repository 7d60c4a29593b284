"""Recorded figures: slots (``observations``) and their append-only revisions.

The current figure of a slot is its revision with the highest ``seq``. Reads go through
Core selects returning plain tuples (a province holds hundreds of thousands of figures);
writes are executemany inserts, never updates or deletes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Select, Table, Text, exists, func, select, type_coerce
from sqlalchemy.orm import Session

from kehoach.core.observations import Observation
from kehoach.core.periods import Period, parse_period
from kehoach.core.revisions import Revision
from kehoach.storage.bulkinsert import insert_rows
from kehoach.storage.errors import WriteConflict
from kehoach.storage.figuretables import ObservationRow, RevisionRow
from kehoach.storage.planrows import aware
from kehoach.storage.records import Change, Slot, SlotKey

FIGURE_CONFLICT = "Số liệu vừa được người khác sửa; hãy tải lại và nhập lại"

_OBS = cast(Table, ObservationRow.__table__)
_REV = cast(Table, RevisionRow.__table__)


class _Periods(dict[str, Period]):
    """Period codes parsed once: thousands of figures share a dozen periods."""

    def __missing__(self, code: str) -> Period:
        period = self[code] = parse_period(code)
        return period


def _current_figures(plan_id: int, *columns: Any) -> Select[Any]:
    later = _REV.alias("later")
    newer_exists = exists().where(later.c.observation_id == _REV.c.observation_id, later.c.seq > _REV.c.seq)
    return (
        select(*columns)
        .select_from(_OBS.join(_REV, _REV.c.observation_id == _OBS.c.id))
        .where(_OBS.c.plan_id == plan_id, ~newer_exists)
    )


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _is_cleared(value: Any, numerator: Any, denominator: Any, grade: Any, rank: Any) -> bool:
    return value is None and numerator is None and denominator is None and grade is None and rank is None


class ObservationRepository:
    """Recorded figures of plans, in one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # Reads ----------------------------------------------------------------------------
    def current(self, plan_id: int, periods: Collection[str] | None = None) -> list[Observation]:
        """The current figure of every slot of the plan (cleared ones left out), optionally
        only for the period codes given. Notes and sources are not read.

        Every revision of the slots is read and the latest kept here: a slot has one or two
        revisions, and this is much faster than asking the database for the latest of each."""
        query = (
            select(
                _OBS.c.id,
                _REV.c.seq,
                _OBS.c.target_key,
                _OBS.c.unit_code,
                _OBS.c.period,
                _OBS.c.estimate,
                type_coerce(_REV.c.value, Text),  # raw text: converted below only when present
                type_coerce(_REV.c.numerator, Text),
                type_coerce(_REV.c.denominator, Text),
                _REV.c.grade,
                _REV.c.rank,
            )
            .select_from(_OBS.join(_REV, _REV.c.observation_id == _OBS.c.id))
            .where(_OBS.c.plan_id == plan_id)
        )
        if periods is not None:
            query = query.where(_OBS.c.period.in_(sorted(periods)))
        latest: dict[int, Any] = {}
        for row in self._session.execute(query).all():
            seen = latest.get(row[0])
            if seen is None or row[1] > seen[1]:
                latest[row[0]] = row
        parsed = _Periods()
        stored = Observation.stored
        return [
            stored(key, unit, parsed[period], _dec(value), _dec(num), _dec(den), grade, rank, bool(estimate))
            for _, _, key, unit, period, estimate, value, num, den, grade, rank in latest.values()
            if not _is_cleared(value, num, den, grade, rank)
        ]

    def slots(self, plan_id: int, periods: Collection[str]) -> dict[SlotKey, Slot]:
        """The slots of the plan in the given periods, with their current figures (for writing)."""
        if not periods:
            return {}
        query = _current_figures(
            plan_id,
            _OBS.c.id,
            _REV.c.seq,
            _OBS.c.target_key,
            _OBS.c.unit_code,
            _OBS.c.period,
            _OBS.c.estimate,
            _REV.c.value,
            _REV.c.numerator,
            _REV.c.denominator,
            _REV.c.grade,
            _REV.c.rank,
            _REV.c.note,
            _REV.c.source,
        ).where(_OBS.c.period.in_(sorted(periods)))
        parsed = _Periods()
        found: dict[SlotKey, Slot] = {}
        for row in self._session.execute(query).all():
            obs_id, seq, key, unit, period, estimate, value, numerator, denominator, grade, rank, note, source = row
            current = None
            if not _is_cleared(value, numerator, denominator, grade, rank):
                current = Observation.stored(
                    key, unit, parsed[period], value, numerator, denominator, grade, rank, bool(estimate), note, source
                )
            found[(key, unit, period, bool(estimate))] = Slot(obs_id, seq, current)
        return found

    def count(self, plan_id: int) -> int:
        """How many slots the plan has (figures recorded, even if cleared since)."""
        return self._session.scalar(select(func.count()).select_from(_OBS).where(_OBS.c.plan_id == plan_id)) or 0

    def history(self, plan_id: int, slot: SlotKey) -> list[Revision]:
        """Every revision of one slot, oldest first, as core revisions (old → new)."""
        key, unit, period_code, estimate = slot
        rows = self._session.execute(
            select(
                _REV.c.value,
                _REV.c.numerator,
                _REV.c.denominator,
                _REV.c.grade,
                _REV.c.rank,
                _REV.c.note,
                _REV.c.source,
                _REV.c.reason,
                _REV.c.recorded_by,
                _REV.c.recorded_at,
            )
            .select_from(_OBS.join(_REV, _REV.c.observation_id == _OBS.c.id))
            .where(
                _OBS.c.plan_id == plan_id,
                _OBS.c.target_key == key,
                _OBS.c.unit_code == unit,
                _OBS.c.period == period_code,
                _OBS.c.estimate == estimate,
            )
            .order_by(_REV.c.seq)
        )
        period = parse_period(period_code)
        revisions: list[Revision] = []
        old: Observation | None = None
        for value, numerator, denominator, grade, rank, note, source, reason, who, when in rows:
            new = None
            if not _is_cleared(value, numerator, denominator, grade, rank):
                new = Observation(key, unit, period, value, numerator, denominator, grade, rank, estimate, note, source)
            if old is None and new is None:  # clearing what was never there: nothing to show
                continue
            revisions.append(Revision(who, aware(when), old, new, reason))
            old = new
        return revisions

    # Writes ---------------------------------------------------------------------------
    def append(self, plan_id: int, changes: Sequence[Change], who: str, when: dt.datetime | None = None) -> None:
        """Append one revision per change, creating the slots that do not exist yet.

        A slot or revision number another transaction inserted first (two people saving the same
        figure at once: both read revision N and write N + 1) is a :class:`WriteConflict`."""
        if not changes:
            return
        try:
            self._append(plan_id, changes, who, when)
        except WriteConflict as exc:
            raise WriteConflict(FIGURE_CONFLICT) from exc

    def _append(self, plan_id: int, changes: Sequence[Change], who: str, when: dt.datetime | None) -> None:
        moment = when or dt.datetime.now(dt.UTC)
        fresh = [change for change in changes if change.observation_id is None]
        ids: dict[SlotKey, int] = {}
        if fresh:
            # inserted in bulk, then the new ids read back by key (RETURNING goes row by row on SQLite)
            insert_rows(
                self._session,
                _OBS,
                [
                    {
                        "plan_id": plan_id,
                        "target_key": c.key[0],
                        "unit_code": c.key[1],
                        "period": c.key[2],
                        "estimate": c.key[3],
                        "created_at": moment,
                    }
                    for c in fresh
                ],
            )
            wanted = {c.key for c in fresh}
            rows = self._session.execute(
                select(_OBS.c.id, _OBS.c.target_key, _OBS.c.unit_code, _OBS.c.period, _OBS.c.estimate).where(
                    _OBS.c.plan_id == plan_id, _OBS.c.period.in_(sorted({key[2] for key in wanted}))
                )
            ).all()
            for obs_id, key, unit, period, estimate in rows:
                slot = (key, unit, period, bool(estimate))
                if slot in wanted:
                    ids[slot] = obs_id
        revision_rows = [
            _revision_row(
                change.observation_id if change.observation_id is not None else ids[change.key], change, who, moment
            )
            for change in changes
        ]
        insert_rows(self._session, _REV, revision_rows)


def _revision_row(observation_id: int, change: Change, who: str, moment: dt.datetime) -> dict[str, Any]:
    new = change.new
    none: Decimal | None = None
    return {
        "observation_id": observation_id,
        "seq": change.seq,
        "value": new.value if new else none,
        "numerator": new.numerator if new else none,
        "denominator": new.denominator if new else none,
        "grade": new.grade if new else None,
        "rank": new.rank if new else None,
        "note": new.note if new else "",
        "source": change.source,
        "reason": change.reason,
        "recorded_by": who,
        "recorded_at": moment,
    }
