"""The stored plans as a Rich table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from kehoach.services import PlanSummary


def _contents(p: PlanSummary) -> str:
    return f"{p.task_count} nhiệm vụ, {p.indicator_count} chỉ tiêu chủ yếu ({p.target_count} chỉ tiêu đo được)"


def plans_table(plans: list[PlanSummary], database: str) -> Table:
    table = Table(title="Các kế hoạch đã nhập", caption=f"Cơ sở dữ liệu: {database}", caption_justify="left")
    table.add_column("KH số", justify="right", style="bold", no_wrap=True)
    table.add_column("Văn bản")
    table.add_column("Ngày", no_wrap=True)
    table.add_column("Năm", justify="right", no_wrap=True)
    table.add_column("Nội dung")
    table.add_column("Cảnh báo", justify="right")
    for p in plans:
        document = Text(p.number or "(chưa rõ số)", style="cyan")
        if p.issuer:
            document.append(f"\n{p.issuer}", style="dim")
        table.add_row(
            str(p.plan_id),
            document,
            p.date.strftime("%d/%m/%Y") if p.date else "",
            str(p.plan_year or ""),
            _contents(p),
            Text(str(p.warning_count), style="yellow" if p.warning_count else ""),
        )
    return table
