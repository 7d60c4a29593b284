"""The status of a plan for a period: a coloured table for people, or JSON."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from kehoach import services
from kehoach.cli.figuretext import NONE, figure_text
from kehoach.cli.labels import STATUS_STYLES
from kehoach.cli.options import OptionalUnitOption, PeriodOption, PlanArgument
from kehoach.cli.output import console, fail, print_raw
from kehoach.cli.targettext import requirement
from kehoach.core.planjson import dumps
from kehoach.core.status import Status, achievement_text

if TYPE_CHECKING:
    from kehoach.services import PlanStatus


def _in_sentence(label: str) -> str:
    """ "Quý I năm 2024" → "quý I năm 2024" (only the first letter: Roman numerals stay)."""
    return label[:1].lower() + label[1:]


def status_table(status: PlanStatus) -> Table:
    period = status.period
    cumulative_column = period.year_to_date() != period
    table = Table(
        title=f"Kế hoạch số {status.plan_id}: {status.plan_title}",
        caption=_summary(status),
        caption_justify="left",
    )
    table.add_column("Mã", style="cyan", no_wrap=True)
    table.add_column("Chỉ tiêu")
    table.add_column("Kế hoạch", style="green")
    table.add_column(f"Thực hiện {_in_sentence(period.label)}")
    if cumulative_column:
        table.add_column(f"Lũy kế {_in_sentence(period.year_to_date().label)}")
    table.add_column("Ước cả năm")
    table.add_column("TH/KH", justify="right")
    table.add_column("Đánh giá")
    table.add_column("Báo cáo", justify="right")
    for evaluation in status.evaluations:
        target = evaluation.target
        row: list[str | Text] = [
            evaluation.key,
            target.name,
            requirement(target),
            figure_text(evaluation.actual.figure, target),
        ]
        if cumulative_column:
            row.append(figure_text(evaluation.year_to_date.figure, target))
        projection = evaluation.projection
        row.append(figure_text(projection.figure, target) if projection else NONE)
        row.append(achievement_text(evaluation.achievement_pct))
        label = Text(evaluation.status.label, style=STATUS_STYLES[evaluation.status])
        if evaluation.reason and evaluation.status is Status.NO_DATA and evaluation.actual.has_data:
            label.append(f"\n{evaluation.reason}", style="dim")
        row.append(label)
        coverage = evaluation.coverage
        row.append(Text(coverage.text, style="" if coverage.complete else "yellow"))
        table.add_row(*row)
    return table


def _summary(status: PlanStatus) -> str:
    counts = Counter(evaluation.status for evaluation in status.evaluations)
    parts = [f"{s.label}: {counts[s]}" for s in Status if counts[s]]
    unit = f"Đơn vị: {status.unit.name} ({status.unit.code}); kỳ: {status.period.label} ({status.period.code})"
    return unit + ("\n" + "; ".join(parts) if parts else "")


def status(
    plan: PlanArgument,
    period: PeriodOption = "",
    unit: OptionalUnitOption = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help='In dạng JSON: {"plan", "unit", "period", "targets": [...]} (số là số JSON, null khi không có).',
        ),
    ] = False,
) -> None:
    """Đánh giá từng chỉ tiêu của kế hoạch trong một kỳ: thực hiện, ước cả năm, TH/KH, đạt hay không."""
    if not period:
        raise fail("cần --period KỲ (ví dụ 2024-06, 2024-Q2, 2024-H1)")
    with services.open_database() as db:
        found = services.plan_status(db, plan, period, unit)
    if as_json:
        print_raw(dumps(services.status_to_dict(found)))
    else:
        console().print(status_table(found))
