"""``kehoach narrative set|show``: the report's text officers write (kết quả, hạn chế,
nguyên nhân, phương hướng …) per plan, unit and period, kept with every revision."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kehoach import services
from kehoach.cli.group import KehoachCommand, KehoachGroup
from kehoach.cli.options import ByOption, OptionalUnitOption, PeriodOption, PlanArgument
from kehoach.cli.output import console, fail, print_raw, say
from kehoach.services.files import describe_os_error

app = typer.Typer(
    cls=KehoachGroup,
    help="Nội dung báo cáo do cán bộ viết: kết quả, hạn chế từng nhiệm vụ, lĩnh vực; nguyên nhân; phương hướng.",
    no_args_is_help=True,
    options_metavar="[TÙY_CHỌN]",
    subcommand_metavar="LỆNH [THAM_SỐ]...",
)

SECTION_HELP = (
    "Mục của báo cáo: ket-qua:nv-1.1, han-che:nv-1.1 (nhiệm vụ), ket-qua:kinh-te, han-che:van-hoa-xa-hoi "
    "(lĩnh vực), ket-qua, han-che, nguyen-nhan, phuong-huong, kien-nghi (xem: kehoach narrative show)."
)


def _when(moment: object) -> str:
    return moment.strftime("%d/%m/%Y %H:%M") if hasattr(moment, "strftime") else str(moment)


def _read(file: str | None) -> str:
    if file is None or file == "-":
        return sys.stdin.read()
    path = Path(file)
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise fail(describe_os_error(path, exc)) from None
    except UnicodeDecodeError:
        raise fail(f"{path}: không phải văn bản UTF-8") from None


@app.command("set", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def set_(
    plan: PlanArgument,
    file: Annotated[
        str | None,
        typer.Argument(
            help="Tệp văn bản UTF-8 chứa nội dung (mỗi dòng một đoạn); '-' hoặc bỏ trống: đọc từ bàn phím (stdin). "
            "Nội dung rỗng: xóa mục.",
            show_default=False,
            metavar="TỆP|-",
        ),
    ] = None,
    period: PeriodOption = "",
    unit: OptionalUnitOption = None,
    section: Annotated[str, typer.Option("--section", "-s", help=SECTION_HELP, metavar="MỤC", show_default=False)] = "",
    by: ByOption = None,
) -> None:
    """Ghi nội dung một mục của báo cáo (giữ lại mọi lần sửa)."""
    from kehoach.services.narratives import set_narrative

    if not period or not section:
        raise fail("cần --period KỲ và --section MỤC (ví dụ --period 2024-H1 --section phuong-huong)")
    text = _read(file)
    with services.open_database() as db:
        result = set_narrative(db, plan, period, section, text, unit_code=unit, who=by or services.default_who())
    where = f"{result.unit.name}, {result.period.label.lower()}"
    if not result.changed:
        say(f"Mục “{result.section.label}” ({where}) không thay đổi; không ghi gì.")
    elif not text.strip():
        say(f"Đã xóa nội dung mục “{result.section.label}” ({where}), lần sửa {result.seq}.")
    else:
        say(f"Đã ghi mục “{result.section.label}” ({where}), lần sửa {result.seq}.")


@app.command("show", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def show(
    plan: PlanArgument,
    period: PeriodOption = "",
    unit: OptionalUnitOption = None,
    section: Annotated[
        str | None,
        typer.Option("--section", "-s", help="Chỉ in nội dung mục này (nguyên văn, để lưu ra tệp).", metavar="MỤC"),
    ] = None,
    history: Annotated[bool, typer.Option("--history", help="In mọi lần sửa của mục (cần --section).")] = False,
) -> None:
    """Xem các mục nội dung báo cáo của một kỳ: mã mục, tên, người viết, nội dung."""
    from kehoach.services.narratives import narrative_history, narratives

    if not period:
        raise fail("cần --period KỲ (ví dụ 2024-H1)")
    if history and not section:
        raise fail("--history cần --section MỤC")
    with services.open_database() as db:
        if section:
            found = narrative_history(db, plan, period, section, unit_code=unit)
            if not history:
                print_raw(found.text)
                return
            table = Table(title=found.section.label)
            for column in ("Lần", "Người viết", "Lúc", "Nội dung"):
                table.add_column(column)
            for revision in found.revisions:
                table.add_row(
                    str(revision.seq), revision.written_by, _when(revision.written_at), Text(revision.text or "(xóa)")
                )
            console().print(table)
            return
        listing = narratives(db, plan, period, unit_code=unit)
    table = Table(title=f"Nội dung báo cáo — {listing.unit.name}, {listing.period.label.lower()}")
    for column in ("Mục", "Tên", "Lần sửa", "Nội dung"):
        table.add_column(column)
    for narrative in listing.narratives:
        latest = narrative.revisions[-1] if narrative.revisions else None
        info = f"{latest.seq} ({latest.written_by}, {_when(latest.written_at)})" if latest else ""
        text = Text(narrative.text) if narrative.text else Text("(chưa viết)", style="dim")
        table.add_row(narrative.section.key, narrative.section.label, Text(info), text)
    console().print(table)
