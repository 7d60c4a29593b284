"""``kehoach demo``: build the demo database and show the plan and its status at mid-year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach import services
from kehoach.cli.output import console, say
from kehoach.cli.status import status_table

if TYPE_CHECKING:
    from kehoach.services.demo import DemoResult


def _summary(result: DemoResult) -> list[str]:
    plan = result.plan
    lines = []
    if plan.created:
        content = plan.plan
        targets = sum(1 for _ in content.keyed_targets())
        lines.append(
            f"Đã nhập kế hoạch số {plan.plan_id} từ {plan.source_name}: {len(content.tasks)} nhiệm vụ, "
            f"{len(content.indicators)} chỉ tiêu chủ yếu, {targets} chỉ tiêu đo được, {len(content.warnings)} cảnh báo"
        )
    else:
        lines.append(f"Văn bản đã có trong cơ sở dữ liệu (kế hoạch số {plan.plan_id}), không nhập lại")
    units = result.units
    lines.append(
        f"Đơn vị mẫu: Phường 1 (99001) và 5 khóm (99001-01 … 99001-05); "
        f"{units.added} đơn vị mới, {units.unchanged} đơn vị đã có"
    )
    figures = result.figures
    if figures.written:
        lines.append(
            f"Số liệu mẫu tháng 1–6/2024: {figures.created} số liệu mới, {figures.changed} sửa đổi, "
            f"{figures.unchanged} không đổi"
        )
    else:
        lines.append(f"Số liệu mẫu tháng 1–6/2024 đã có đủ ({figures.unchanged} số liệu), không ghi thêm")
    states = "; ".join(f"{s.unit.name} ({s.unit.code}): {s.state.label}" for s in result.workflow)
    if states:
        lines.append(f"Duyệt số liệu kỳ {result.workflow[0].period.label}: {states}")
    return lines


def demo() -> None:
    """Tạo dữ liệu mẫu (Phường 1, 5 khóm, nghị quyết 74/NQ-HĐND, số liệu 6 tháng đầu năm 2024) và hiển thị đánh giá."""
    from kehoach.services.demo import build_demo  # loaded on use: keeps start-up light

    with services.open_database() as db:
        result = build_demo(db)
        status = services.plan_status(db, result.plan_id, result.period_code)
    for line in _summary(result):
        say(line)
    console().print(status_table(status))
    plan, period = result.plan_id, result.period_code
    say(f"Xem theo khóm: kehoach status {plan} --period {period} --unit 99001-01")
    say(f"Biểu nhập số liệu tháng 7: kehoach template {plan} --period 2024-07 -o bieu-nhap.xlsx")
