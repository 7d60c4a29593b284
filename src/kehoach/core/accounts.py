"""Who may do what, where: roles scoped to a unit and everything below it.

A user holds one role at one unit. The role says which actions they may take; the unit says
where: that unit and every unit under it (on the day in question). The matrix is data, so the
CLI, the pages and the API ask the same question through :func:`allowed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kehoach.core.units import UnitTree


class Role(StrEnum):
    ADMIN = "quan_tri"  # quản trị
    WARD_OFFICER = "can_bo_phuong"  # cán bộ phường: enters and submits for the ward and its sub-units
    KHOM_HEAD = "truong_khom"  # trưởng khóm: enters and submits only for their own khóm
    LEADER = "lanh_dao"  # lãnh đạo: approves and reopens
    COUNCIL = "dai_bieu_hdnd"  # đại biểu HĐND: reads everything in scope, writes nothing

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "Quản trị",
    Role.WARD_OFFICER: "Cán bộ phường",
    Role.KHOM_HEAD: "Trưởng khóm",
    Role.LEADER: "Lãnh đạo",
    Role.COUNCIL: "Đại biểu HĐND",
}


class Action(StrEnum):
    READ = "read"  # see plans, figures, statuses, reports, the audit log of the scope
    ENTER = "enter"  # record and change figures (draft)
    SUBMIT = "submit"  # submit a unit's period for approval
    APPROVE = "approve"  # approve (lock) a unit's period
    REOPEN = "reopen"  # reopen an approved period, with a reason
    MANAGE_PLANS = "manage_plans"  # upload a resolution, review and publish a plan, change target rules
    WRITE_NARRATIVE = "write_narrative"  # write the report's text for a period
    ADMINISTER = "administer"  # units, users and roles


ACTION_LABELS = {
    Action.READ: "xem",
    Action.ENTER: "nhập số liệu",
    Action.SUBMIT: "gửi duyệt",
    Action.APPROVE: "duyệt",
    Action.REOPEN: "mở lại kỳ đã duyệt",
    Action.MANAGE_PLANS: "quản lý kế hoạch",
    Action.WRITE_NARRATIVE: "viết nội dung báo cáo",
    Action.ADMINISTER: "quản trị đơn vị và tài khoản",
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.WARD_OFFICER: frozenset(
        {Action.READ, Action.ENTER, Action.SUBMIT, Action.MANAGE_PLANS, Action.WRITE_NARRATIVE}
    ),
    Role.KHOM_HEAD: frozenset({Action.READ, Action.ENTER, Action.SUBMIT}),
    Role.LEADER: frozenset({Action.READ, Action.APPROVE, Action.REOPEN, Action.WRITE_NARRATIVE}),
    Role.COUNCIL: frozenset({Action.READ}),
}


@dataclass(frozen=True)
class Actor:
    """Someone acting: a signed-in user, an API token's owner, or the local CLI operator."""

    username: str
    role: Role
    unit_code: str | None  # None: the whole system (the local operator, an administrator at the top)
    full_name: str = ""
    user_id: int | None = None

    @property
    def display(self) -> str:
        return self.full_name or self.username


def allowed(actor: Actor, action: Action, unit_code: str | None, tree: UnitTree | None = None) -> bool:
    """May ``actor`` take ``action`` on ``unit_code`` (and so on the unit's figures)?

    ``unit_code`` None means an action not tied to a unit (listing plans, managing users): then
    only the role matters, except that administering needs a system-wide or top-unit account.
    A unit outside the actor's scope (not the actor's unit nor below it) is refused.
    """
    if action not in PERMISSIONS[actor.role]:
        return False
    if actor.unit_code is None or unit_code is None:
        return True
    if unit_code == actor.unit_code:
        return True
    if tree is None:
        return False
    return tree.is_within(unit_code, actor.unit_code)


def refusal(actor: Actor, action: Action, unit_name: str | None = None) -> str:
    """The Vietnamese message for a refused action."""
    where = f" tại {unit_name}" if unit_name else ""
    return f"Tài khoản {actor.username} ({actor.role.label}) không có quyền {ACTION_LABELS[action]}{where}"


LOCAL_OPERATOR = Actor(username="may-cuc-bo", role=Role.ADMIN, unit_code=None, full_name="Người dùng trên máy")
