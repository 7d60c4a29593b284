"""Commands on the approval of a unit's period: submit, approve, reopen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kehoach import services
from kehoach.cli.options import ByOption, PeriodOption, PlanArgument, ReasonOption, UnitOption
from kehoach.cli.output import fail, say

if TYPE_CHECKING:
    from kehoach.services import Database, PeriodStatus

Action = Callable[["Database", str, str, str, str, "str | None"], "PeriodStatus"]


def _run(act: Action, plan: str, unit: str, period: str, reason: str | None, by: str | None) -> None:
    if not unit or not period:
        raise fail("cần --unit MÃ và --period KỲ")
    with services.open_database() as db:
        status = act(db, plan, unit, period, by or services.default_who(), reason)
    say(
        f"Kỳ {status.period.label} của đơn vị {status.unit.name} ({status.unit.code}), kế hoạch số {status.plan_id}: "
        f"{status.state.label}."
    )


def _command(service: str, doc: str) -> Callable[..., None]:
    """A command running ``services.<service>`` (looked up on use: keeps start-up light)."""

    def command(
        plan: PlanArgument,
        unit: UnitOption = "",
        period: PeriodOption = "",
        reason: ReasonOption = None,
        by: ByOption = None,
    ) -> None:
        _run(getattr(services, service), plan, unit, period, reason, by)

    command.__name__ = command.__qualname__ = service
    command.__doc__ = doc
    return command


submit = _command("submit", "Nộp số liệu một kỳ của một đơn vị để chờ duyệt.")
approve = _command(
    "approve",
    "Duyệt số liệu đã nộp: kỳ được khóa sổ, số liệu của đơn vị và các đơn vị cấp dưới không sửa được nữa.",
)
reopen = _command("reopen", "Mở lại một kỳ đã nộp hoặc đã duyệt để sửa số liệu (cần --reason).")
