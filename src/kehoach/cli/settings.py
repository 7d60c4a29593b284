"""The settings of a plan: its unit and how its reporting periods are dated."""

from __future__ import annotations

from typing import Annotated

import typer

from kehoach import services
from kehoach.cli.options import PlanArgument
from kehoach.cli.output import say

CutoffOption = Annotated[
    str | None,
    typer.Option(
        "--cutoff",
        help="Cách chốt số liệu: nd09 (từ ngày 15 tháng trước đến ngày 14, Nghị định 09/2019) "
        "hoặc calendar (theo tháng dương lịch).",
        metavar="CÁCH",
    ),
]


def settings(
    plan: PlanArgument,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", help="Đổi đơn vị của kế hoạch (chỉ khi chưa có số liệu nào được ghi).", metavar="MÃ"
        ),
    ] = None,
    cutoff: CutoffOption = None,
) -> None:
    """Xem hoặc đổi thiết lập của kế hoạch: đơn vị và cách chốt số liệu các kỳ báo cáo."""
    with services.open_database() as db:
        if unit is None and cutoff is None:
            found = services.plan_settings(db, plan)
        else:
            found = services.change_plan_settings(db, plan, unit_code=unit, cutoff_rule=cutoff)
    say(f"Kế hoạch số {found.plan_id}")
    say(f"  Đơn vị: {found.unit.name} ({found.unit.code})")
    say(f"  Chốt số liệu: {found.cutoff_rule.value} — {found.cutoff_rule.label}")
