"""Commands that record figures and show their history: record, history."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from kehoach import services
from kehoach.cli.figuretext import NONE, figure_text
from kehoach.cli.options import (
    ByOption,
    EstimateOption,
    KeyArgument,
    PeriodOption,
    PlanArgument,
    ReasonOption,
    UnitOption,
)
from kehoach.cli.output import console, fail, say
from kehoach.core.numbers import NumberFormatError, parse_vn_number

if TYPE_CHECKING:
    from kehoach.services import FigureHistory


def _number(text: str | None, what: str) -> Decimal | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_vn_number(text, allow_dot_decimal=True)
    except NumberFormatError as exc:
        raise fail(f"{what}: {exc}") from None


def record(
    plan: PlanArgument,
    key: KeyArgument,
    value: Annotated[
        str | None,
        typer.Argument(
            help="Giá trị, viết kiểu Việt Nam (97,5 hoặc 1.246,7) hoặc có dấu chấm thập phân (97.5).",
            show_default=False,
            metavar="GIÁ_TRỊ",
        ),
    ] = None,
    unit: UnitOption = "",
    period: PeriodOption = "",
    numerator: Annotated[
        str | None, typer.Option("--numerator", help="Tử số (chỉ tiêu tỷ lệ), ví dụ 451.", metavar="SỐ")
    ] = None,
    denominator: Annotated[
        str | None, typer.Option("--denominator", help="Mẫu số (chỉ tiêu tỷ lệ), ví dụ 460.", metavar="SỐ")
    ] = None,
    grade: Annotated[
        str | None,
        typer.Option(
            "--grade", help="Mức đánh giá: Xuất sắc, Tốt, Khá, Trung bình, Yếu; Đạt, Không đạt.", metavar="MỨC"
        ),
    ] = None,
    rank: Annotated[int | None, typer.Option("--rank", help="Thứ hạng (1 là đứng đầu).", metavar="HẠNG")] = None,
    estimate: EstimateOption = False,
    note: Annotated[str | None, typer.Option("--note", help="Ghi chú kèm số liệu.", metavar="GHI_CHÚ")] = None,
    clear: Annotated[
        bool, typer.Option("--clear", help="Xóa số liệu đã ghi (vẫn giữ lịch sử); không kèm giá trị.")
    ] = False,
    reason: ReasonOption = None,
    by: ByOption = None,
) -> None:
    """Ghi số liệu thực hiện (hoặc số ước) của một chỉ tiêu cho một đơn vị và một kỳ."""
    if not unit or not period:
        raise fail("cần --unit MÃ và --period KỲ")
    who = by or services.default_who()
    with services.open_database() as db:
        if clear:
            if any(x is not None for x in (value, numerator, denominator, grade, rank)):
                raise fail("--clear không đi kèm giá trị")
            result = services.clear(db, plan, key, unit, period, estimate=estimate, reason=reason, who=who)
        else:
            result = services.record(
                db,
                plan,
                key,
                unit,
                period,
                value=_number(value, "giá trị"),
                numerator=_number(numerator, "tử số"),
                denominator=_number(denominator, "mẫu số"),
                grade=grade,
                rank=rank,
                estimate=estimate,
                note=note,
                source="kehoach record",
                reason=reason,
                who=who,
            )
    what = "số ước" if estimate else "số liệu"
    where = f"chỉ tiêu {key}, đơn vị {unit}, kỳ {period}"
    if clear:
        say(f"Đã xóa {what} {where} (lịch sử vẫn giữ)." if result.written else f"Chưa có {what} {where} để xóa.")
    elif result.created:
        say(f"Đã ghi {what} {where}.")
    elif result.changed:
        say(f"Đã sửa {what} {where} (bản cũ vẫn giữ trong lịch sử).")
    else:
        say(f"{what.capitalize()} {where} không đổi, không ghi thêm.")


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def _history_table(found: FigureHistory) -> Table:
    target = found.target.target
    table = Table(title="Lịch sử sửa đổi")
    table.add_column("#", justify="right")
    table.add_column("Thời điểm", no_wrap=True)
    table.add_column("Người ghi")
    table.add_column("Thao tác")
    table.add_column("Trước")
    table.add_column("Sau", style="bold")
    table.add_column("Ghi chú")
    table.add_column("Lý do")
    table.add_column("Nguồn", style="dim")
    for number, revision in enumerate(found.revisions, start=1):
        new = revision.new
        table.add_row(
            str(number),
            _when(revision.when),
            revision.who,
            revision.kind.label,
            figure_text(revision.old, target) if revision.old else NONE,
            figure_text(new, target) if new else NONE,
            (new.note if new else "") or "",
            revision.reason,
            (new.source if new else "") or "",
        )
    return table


def history(
    plan: PlanArgument,
    key: KeyArgument,
    unit: UnitOption = "",
    period: PeriodOption = "",
    estimate: EstimateOption = False,
) -> None:
    """Xem lịch sử sửa đổi số liệu của một chỉ tiêu, một đơn vị, một kỳ (và các lần nộp, duyệt, mở lại)."""
    if not unit or not period:
        raise fail("cần --unit MÃ và --period KỲ")
    with services.open_database() as db:
        found = services.figure_history(db, plan, key, unit, period, estimate=estimate)
    out = console()
    target = found.target.target
    kind = "Số ước" if found.estimate else "Số liệu"
    out.print(
        Text.assemble(
            (f"{kind} chỉ tiêu {found.target.key}: ", "bold"),
            target.name,
            "\n",
            f"Đơn vị: {found.unit.name} ({found.unit.code}); kỳ: {found.period.label} ({found.period.code})\n",
            f"Trạng thái kỳ: {found.state.label}",
        )
    )
    if found.locked_because:
        out.print(Text(found.locked_because, style="yellow"))
    if found.revisions:
        out.print(_history_table(found))
        current = found.revisions[-1].new
        out.print(Text.assemble("Hiện tại: ", (figure_text(current, target) if current else NONE, "bold")))
    else:
        out.print("Chưa có số liệu nào được ghi.")
    if found.status_changes:
        table = Table(title="Nộp, duyệt, mở lại")
        table.add_column("Thời điểm", no_wrap=True)
        table.add_column("Người")
        table.add_column("Trạng thái")
        table.add_column("Lý do")
        for change in found.status_changes:
            table.add_row(_when(change.when), change.who, change.state.label, change.reason)
        out.print(table)
