"""The audit trail: who changed what, when, from what to what.

``log_event`` records, in the caller's transaction, a change that is not a figure revision
(accounts, units, plans, target rules). ``audit_log`` reads the log of an actor's scope:
those events, every figure revision (with the figure it replaced) and every approval
transition, newest first, filtered by unit (and the units under it), user, period, plan.
Events not tied to a unit are read only by system-wide accounts; changes to accounts and
tokens only by those who administer the account's unit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from kehoach.core.accounts import Action, Actor
from kehoach.core.approval import PeriodState
from kehoach.core.numbers import plain
from kehoach.core.units import UnitTree
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.permissions import check, permitted, scope_codes, units_under
from kehoach.services.unittrees import load_tree
from kehoach.storage import AuditFilter, Database, Transaction

MAX_LIMIT = 1000

# Event actions and how the log names them.
EVENT_LABELS = {
    "user.create": "Tạo tài khoản",
    "user.password": "Đổi mật khẩu",
    "user.role": "Đổi vai trò hoặc đơn vị",
    "user.deactivate": "Khóa tài khoản",
    "user.activate": "Mở lại tài khoản",
    "token.create": "Tạo khóa API",
    "token.revoke": "Thu hồi khóa API",
    "units.import": "Nhập danh sách đơn vị",
    "plan.import": "Nhập kế hoạch",
    "plan.settings": "Đổi thiết lập kế hoạch",
    "target.rule": "Đổi cách tổng hợp chỉ tiêu",
}
FIGURE_LABEL = "Ghi số liệu"
CLEAR_LABEL = "Xóa số liệu"
STATE_LABELS = {
    PeriodState.SUBMITTED.value: "Nộp số liệu",
    PeriodState.APPROVED.value: "Duyệt số liệu",
    PeriodState.REOPENED.value: "Mở lại kỳ",
}


def jsonable(value: Any) -> Any:
    """A value the JSON column keeps: Decimals as exact text, dates ISO, enums by value."""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def log_event(
    tx: Transaction,
    actor: Actor,
    action: str,
    *,
    unit_code: str | None = None,
    period: str | None = None,
    plan_id: int | None = None,
    object: str = "",
    old: Any = None,
    new: Any = None,
) -> None:
    """Record a change in ``tx``: it is kept exactly when the change is."""
    if action not in EVENT_LABELS:
        raise ValueError(f"unknown audit action {action!r}")
    tx.audit.add(
        actor.username,
        action,
        unit_code=unit_code,
        period=period,
        plan_id=plan_id,
        object=object,
        old=jsonable(old),
        new=jsonable(new),
    )


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    who: str
    kind: str  # "event", "figure", "approval"
    action: str  # an EVENT_LABELS key, "figure.record", "figure.clear", "period.<state>"
    label: str  # Vietnamese
    unit_code: str | None
    period: str | None
    plan_id: int | None
    object: str  # what changed: "chỉ tiêu 5.2", "tài khoản lan" …
    old: Any
    new: Any
    reason: str = ""


def audit_log(
    db: Database,
    *,
    actor: Actor,
    unit_code: str | None = None,
    username: str | None = None,
    period: str | None = None,
    plan_id: int | None = None,
    limit: int = 200,
    before: dt.datetime | None = None,
) -> list[AuditEntry]:
    """The changes the actor may read (their scope), newest first, at most ``limit``."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"số dòng nhật ký cần từ 1 đến {MAX_LIMIT}")
    with unit_of_work(db) as tx:
        tree = load_tree(tx)
        check(actor, Action.READ, unit_code, tree)
        codes = scope_codes(actor, tree)
        if unit_code is not None:
            wanted = units_under(tree, unit_code)
            codes = wanted if codes is None else codes & wanted
        where = AuditFilter(
            unit_codes=codes,
            actor=username.strip() if username else None,
            period=period.strip() if period else None,
            plan_id=plan_id,
            limit=limit,
            before=before,
        )
        entries = [_event(e) for e in tx.audit.events(where) if _may_read(actor, e.action, e.unit_code, tree)]
        entries += [_figure(c) for c in tx.audit.figure_changes(where)]
        entries += [_approval(c) for c in tx.audit.approval_changes(where)]
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries[:limit]


ACCOUNT_ACTIONS = ("user.", "token.")


def _may_read(actor: Actor, action: str, unit_code: str | None, tree: UnitTree) -> bool:
    """Changes to accounts and tokens are read only by those who administer the account's unit."""
    return not action.startswith(ACCOUNT_ACTIONS) or permitted(actor, Action.ADMINISTER, unit_code, tree)


def _event(event: Any) -> AuditEntry:
    return AuditEntry(
        event.at,
        event.actor,
        "event",
        event.action,
        EVENT_LABELS.get(event.action, event.action),
        event.unit_code,
        event.period,
        event.plan_id,
        event.object,
        event.old,
        event.new,
    )


def _figure(change: Any) -> AuditEntry:
    cleared = change.new is None
    kind = "số ước" if change.estimate else "số liệu"
    return AuditEntry(
        change.at,
        change.actor,
        "figure",
        "figure.clear" if cleared else "figure.record",
        CLEAR_LABEL if cleared else FIGURE_LABEL,
        change.unit_code,
        change.period,
        change.plan_id,
        f"{kind} chỉ tiêu {change.target_key} (lần sửa {change.seq})",
        change.old,
        change.new,
        change.reason,
    )


def _approval(change: Any) -> AuditEntry:
    return AuditEntry(
        change.at,
        change.actor,
        "approval",
        f"period.{change.state}",
        STATE_LABELS.get(change.state, change.state),
        change.unit_code,
        change.period,
        change.plan_id,
        f"kỳ {change.period}",
        None,
        change.state,
        change.reason,
    )
