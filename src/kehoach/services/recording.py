"""Recording figures: one, many (a form or a spreadsheet) or a bulk load; always one transaction.

Every entry is checked first (services.entrycheck); when any is wrong, nothing is written
and every problem is reported with the entry's location. Each changed slot gets one new
revision; a figure recorded again as it is writes nothing. An entry's ``note`` None keeps the
slot's current note ("" clears it). Entries with nothing in them are skipped.

The ``actor`` must be allowed to enter figures (core.accounts.Action.ENTER) at every unit
written, else nothing is written (:class:`PermissionDenied`). The revision names who recorded
it: the actor's username; for the local operator (the CLI), ``who`` (``--by``) when given.

A write may name the revision it replaces (``replaces``: the slot's current revision number,
or None for a slot never written): when someone changed the figure meanwhile, the write is
refused with :class:`StaleFigure`, holding the current figure, so no update is lost. Two
writes of one slot at the very same moment are one after the other (services.database
.write_work): the second sees the first's figure, and is refused as stale if it named the
revision it replaced.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.entries import FigureEntry, Problem
from kehoach.core.observations import Observation
from kehoach.core.periods import PeriodError, parse_period
from kehoach.services.context import PlanContext, load_context
from kehoach.services.database import write_work
from kehoach.services.entrycheck import EntryChecker, same_figure
from kehoach.services.errors import InputError, InputProblems, StaleFigure
from kehoach.services.permissions import check, check_all
from kehoach.storage import Change, Database, Slot, SlotKey, Transaction

MAX_WHO = 200


def default_who() -> str:
    """The operating system user, for "who recorded this" when nobody says."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "không rõ"


def check_who(who: str) -> str:
    name = " ".join((who or "").split())
    if not name:
        raise InputError("cần ghi tên người nhập hoặc người duyệt")
    if len(name) > MAX_WHO:
        raise InputError(f"tên người nhập dài quá {MAX_WHO} ký tự")
    return name


def recorded_name(actor: Actor, who: str | None) -> str:
    """Who a revision or a transition names: the actor's username (whatever ``who`` says),
    except for the local operator (the CLI), which names ``who`` (``--by``) when given."""
    if actor.user_id is None and actor.username == LOCAL_OPERATOR.username:
        return check_who(who if who is not None else actor.username)
    return actor.username


class Replaces(Enum):
    """``replaces=Replaces.ANY``: the write does not say which revision it replaces."""

    ANY = "any"


def slot_key(key: str, unit_code: str, period_code: str, estimate: bool) -> SlotKey:
    """The slot an entry writes, with the period code in canonical form."""
    try:
        period = parse_period(period_code.strip()).code
    except PeriodError:
        period = period_code.strip()
    return (key.strip(), unit_code.strip(), period, estimate)


def stale(ctx: PlanContext, key: SlotKey, slot: Slot | None, expected: int | None) -> StaleFigure:
    current_seq = slot.seq if slot is not None else None
    now = f"lần sửa thứ {current_seq}" if current_seq is not None else "chưa có số liệu"
    wanted = f"lần sửa thứ {expected}" if expected is not None else "chưa có số liệu"
    return StaleFigure(
        f"số liệu chỉ tiêu {key[0]} của đơn vị {ctx.unit_label(key[1])} kỳ {key[2]} đã được thay đổi trong lúc "
        f"bạn sửa (bạn sửa từ: {wanted}; hiện tại: {now}); hãy xem số liệu hiện tại rồi ghi lại",
        current_seq,
        slot.current if slot is not None else None,
    )


@dataclass(frozen=True)
class RecordResult:
    created: int  # slots that got their first figure (or a figure after being cleared)
    changed: int  # slots whose figure changed
    unchanged: int  # entries recorded again as they were: nothing written
    skipped: int  # entries with nothing in them
    changes: tuple[SlotKey, ...] = ()  # the slots written, in input order (not kept by record_bulk)

    @property
    def written(self) -> int:
        return self.created + self.changed


def _where(number: int, entry: FigureEntry) -> str:
    return entry.location or (
        f"mục {number} (chỉ tiêu {entry.target_key}, đơn vị {entry.unit_code}, kỳ {entry.period_code})"
    )


def _with_note(obs: Observation, note: str) -> Observation:
    return Observation(
        obs.target_key,
        obs.unit_code,
        obs.period,
        obs.value,
        obs.numerator,
        obs.denominator,
        obs.grade,
        obs.rank,
        obs.estimate,
        note,
        obs.source,
    )


def write_entries(
    tx: Transaction,
    ctx: PlanContext,
    entries: Iterable[FigureEntry],
    *,
    who: str,
    source: str,
    reason: str = "",
    keep_changes: bool = True,
    actor: Actor = LOCAL_OPERATOR,
    replaces: Mapping[SlotKey, int | None] | None = None,
) -> RecordResult:
    """Check every entry, then append the revisions (the caller owns the transaction).
    ``who`` is the name recorded (see :func:`recorded_name`); ``replaces`` gives, per slot,
    the revision a write replaces."""
    checker = EntryChecker(ctx, tx.period_status.states(ctx.plan_id))
    problems: list[tuple[int, Problem]] = []  # with the entry's number: reported in input order
    accepted: dict[SlotKey, tuple[Observation, bool, int, str, bool]] = {}  # figure, note given, number, where …
    skipped = repeated = 0
    for number, entry in enumerate(entries, start=1):
        if entry.is_empty:
            skipped += 1
            continue
        obs, found = checker.check(entry, source)
        where = _where(number, entry)
        if obs is None:
            problems.extend((number, Problem(message, where)) for message in found)
            continue
        slot_key = (obs.target_key, obs.unit_code, obs.period.code, obs.estimate)
        earlier = accepted.get(slot_key)
        if earlier is None:
            accepted[slot_key] = (obs, entry.note is not None, number, where, entry.location is not None)
        elif same_figure(earlier[0], obs):
            repeated += 1
        else:
            first = earlier[3] if earlier[4] else "một mục trước"
            message = f"cùng chỉ tiêu, đơn vị và kỳ với {first} nhưng số liệu khác nhau"
            problems.append((number, Problem(message, where)))
    check_all(actor, Action.ENTER, [(k[1], ctx.day(k[1], obs.period)) for k, (obs, *_) in accepted.items()], ctx.tree)
    slots = tx.observations.slots(ctx.plan_id, {key[2] for key in accepted}) if accepted else {}
    changes: list[Change] = []
    created = changed = 0
    for slot_key, (obs, note_given, number, where, _) in accepted.items():
        slot: Slot | None = slots.get(slot_key)
        current = slot.current if slot is not None else None
        if current is not None and not note_given:
            obs = _with_note(obs, current.note)
        if current is not None and same_figure(current, obs):
            repeated += 1  # the same figure again: no edit, even in a locked period
            continue
        expected = replaces.get(slot_key, Replaces.ANY) if replaces is not None else Replaces.ANY
        if expected is not Replaces.ANY and expected != (slot.seq if slot is not None else None):
            raise stale(ctx, slot_key, slot, expected)
        locked = checker.lock(obs.unit_code, obs.period)
        if locked is not None:
            problems.append((number, Problem(locked, where)))
            continue
        if current is None:
            created += 1
        else:
            changed += 1
        seq = slot.seq + 1 if slot is not None else 1
        changes.append(Change(slot_key, slot.observation_id if slot else None, seq, obs, reason, source))
    if problems:
        raise InputProblems([problem for _, problem in sorted(problems, key=lambda found: found[0])])
    tx.observations.append(ctx.plan_id, changes, check_who(who))
    kept = tuple(change.key for change in changes) if keep_changes else ()
    return RecordResult(created, changed, repeated, skipped, kept)


def record_many(
    db: Database,
    plan_ref: int | str,
    entries: Iterable[FigureEntry],
    *,
    who: str | None = None,
    source: str | None = None,
    reason: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
    replaces: Mapping[SlotKey, int | None] | None = None,
) -> RecordResult:
    """Record many figures in one transaction: all of them, or (``InputProblems``, a core
    ``EntryProblems`` listing every problem with its location; ``PermissionDenied``;
    ``StaleFigure``) none."""
    return _record(db, plan_ref, entries, who, source, reason, actor, replaces, keep_changes=True)


def record_bulk(
    db: Database,
    plan_ref: int | str,
    entries: Iterable[FigureEntry],
    *,
    who: str | None = None,
    source: str | None = None,
    reason: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> RecordResult:
    """:func:`record_many` for loads of any size (a province's year): the same checks and the
    same single transaction, written with executemany inserts; the result keeps counts only."""
    return _record(db, plan_ref, entries, who, source, reason, actor, None, keep_changes=False)


def _record(
    db: Database,
    plan_ref: int | str,
    entries: Iterable[FigureEntry],
    who: str | None,
    source: str | None,
    reason: str | None,
    actor: Actor,
    replaces: Mapping[SlotKey, int | None] | None,
    *,
    keep_changes: bool,
) -> RecordResult:
    name = recorded_name(actor, who)
    batch = list(entries)  # read again when the unit of work runs once more (database.write_work)

    def work(tx: Transaction) -> RecordResult:
        ctx = load_context(tx, plan_ref)
        return write_entries(
            tx,
            ctx,
            batch,
            who=name,
            source=source or "",
            reason=reason or "",
            keep_changes=keep_changes,
            actor=actor,
            replaces=replaces,
        )

    return write_work(db, work)


def record(
    db: Database,
    plan_ref: int | str,
    key: str,
    unit_code: str,
    period_code: str,
    *,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    grade: str | None = None,
    rank: int | None = None,
    estimate: bool = False,
    note: str | None = None,
    source: str | None = None,
    reason: str | None = None,
    who: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
    replaces: int | Replaces | None = Replaces.ANY,
) -> RecordResult:
    """Record one figure for target ``key`` × ``unit_code`` × ``period_code``; ``replaces``:
    the slot's current revision number as the caller saw it (None: no figure yet)."""
    entry = FigureEntry(
        key, unit_code, period_code, value, numerator, denominator, grade, rank, estimate, note, location=None
    )
    if entry.is_empty:
        raise InputError("chưa nhập số liệu (giá trị, tử số và mẫu số, mức đánh giá hoặc thứ hạng)")
    expected = None if replaces is Replaces.ANY else {slot_key(key, unit_code, period_code, estimate): replaces}
    try:
        return record_many(db, plan_ref, [entry], who=who, source=source, reason=reason, actor=actor, replaces=expected)
    except InputProblems as exc:
        raise InputError("; ".join(problem.message for problem in exc.problems)) from exc


def clear(
    db: Database,
    plan_ref: int | str,
    key: str,
    unit_code: str,
    period_code: str,
    *,
    estimate: bool = False,
    reason: str | None = None,
    who: str | None = None,
    actor: Actor = LOCAL_OPERATOR,
    replaces: int | Replaces | None = Replaces.ANY,
) -> RecordResult:
    """Clear a recorded figure: a revision with no figure is appended (the history stays)."""
    name = recorded_name(actor, who)

    def work(tx: Transaction) -> RecordResult:
        ctx = load_context(tx, plan_ref)
        target = ctx.target(key)
        period = ctx.period(period_code)
        unit = ctx.reporting_unit(unit_code.strip(), period)
        check(actor, Action.ENTER, unit.code, ctx.tree, ctx.day(unit.code, period))
        key_of_slot = (target.key, unit.code, period.code, estimate)
        slot = tx.observations.slots(ctx.plan_id, {period.code}).get(key_of_slot)
        if slot is None or slot.current is None:
            return RecordResult(0, 0, 1, 0)
        if replaces is not Replaces.ANY and replaces != slot.seq:
            raise stale(ctx, key_of_slot, slot, replaces)
        locked = EntryChecker(ctx, tx.period_status.states(ctx.plan_id)).lock(unit.code, period)
        if locked is not None:
            raise InputError(locked)
        change = Change(key_of_slot, slot.observation_id, slot.seq + 1, None, reason or "", "")
        tx.observations.append(ctx.plan_id, [change], name)
        return RecordResult(0, 1, 0, 0, (key_of_slot,))

    return write_work(db, work)
