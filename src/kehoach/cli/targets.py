"""Commands on a plan's targets: target list, target set."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kehoach import services
from kehoach.cli.group import KehoachCommand, KehoachGroup
from kehoach.cli.labels import OVER_TIME_LABELS, OVER_UNITS_LABELS
from kehoach.cli.options import KeyArgument, PlanArgument
from kehoach.cli.output import console, say
from kehoach.cli.targettext import requirement

app = typer.Typer(
    cls=KehoachGroup,
    help="Chỉ tiêu của kế hoạch: mã chỉ tiêu và cách tổng hợp số liệu.",
    no_args_is_help=True,
    options_metavar="[TÙY_CHỌN]",
    subcommand_metavar="LỆNH [THAM_SỐ]...",
)


@app.command("list", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def list_(plan: PlanArgument) -> None:
    """Liệt kê các chỉ tiêu của kế hoạch với mã và cách tổng hợp số liệu."""
    with services.open_database() as db:
        targets = services.list_targets(db, plan)
    if not targets:
        say(f"Kế hoạch {plan} chưa có chỉ tiêu đo được nào.")
        return
    table = Table(title=f"Các chỉ tiêu của kế hoạch {plan}")
    table.add_column("Mã", style="cyan", no_wrap=True)
    table.add_column("Chỉ tiêu")
    table.add_column("Kế hoạch", style="green")
    table.add_column("Theo đơn vị (over_units)")
    table.add_column("Theo thời gian (over_time)")
    for ref in targets:
        t = ref.target
        table.add_row(
            ref.key,
            t.name,
            requirement(t),
            f"{t.over_units.value}: {OVER_UNITS_LABELS[t.over_units]}",
            f"{t.over_time.value}: {OVER_TIME_LABELS[t.over_time]}",
        )
    console().print(table)


@app.command("set", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def set_(
    plan: PlanArgument,
    key: KeyArgument,
    over_units: Annotated[
        str | None,
        typer.Option(
            "--over-units",
            help="Tổng hợp từ đơn vị cấp dưới: sum (cộng), ratio (cộng tử số và mẫu số rồi chia), "
            "units_meeting (đếm số đơn vị đạt), unit_only (chỉ số của đơn vị).",
            metavar="CÁCH",
        ),
    ] = None,
    over_time: Annotated[
        str | None,
        typer.Option(
            "--over-time",
            help="Tổng hợp theo thời gian: cumulative (lũy kế các kỳ) hoặc latest (số của kỳ gần nhất).",
            metavar="CÁCH",
        ),
    ] = None,
) -> None:
    """Đổi cách tổng hợp số liệu của một chỉ tiêu (theo đơn vị, theo thời gian)."""
    with services.open_database() as db:
        ref = services.set_target_rule(db, plan, key, over_units=over_units, over_time=over_time)
    t = ref.target
    say(
        f"Chỉ tiêu {ref.key} ({t.name}): theo đơn vị {t.over_units.value} ({OVER_UNITS_LABELS[t.over_units]}), "
        f"theo thời gian {t.over_time.value} ({OVER_TIME_LABELS[t.over_time]})."
    )
