"""Commands on administrative units: units import, units list."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kehoach import services
from kehoach.cli.group import KehoachCommand, KehoachGroup
from kehoach.cli.output import console, fail, say
from kehoach.core.units import OrgUnit
from kehoach.services.unitsfile import parse_date

app = typer.Typer(
    cls=KehoachGroup,
    help="Đơn vị hành chính: tỉnh, xã/phường/đặc khu, khóm/ấp/thôn/tổ dân phố (và huyện trước 7/2025).",
    no_args_is_help=True,
    options_metavar="[TÙY_CHỌN]",
    subcommand_metavar="LỆNH [THAM_SỐ]...",
)


def _vn(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


@app.command("import", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="Tệp CSV (UTF-8) với các cột code, name, level, parent_code, valid_from (và valid_to nếu có).",
            show_default=False,
            metavar="TỆP.csv",
        ),
    ],
) -> None:
    """Nhập hoặc cập nhật danh sách đơn vị từ tệp CSV; có lỗi thì không nhập gì và nêu từng dòng lỗi."""
    with services.open_database() as db:
        result = services.import_units_csv(db, file)
    if not result.changed:
        say(f"{file.name}: không có gì thay đổi ({result.unchanged} đơn vị đã có như trong tệp).")
        return
    say(
        f"Đã nhập {file.name}: {result.added} đơn vị mới, {result.corrected} đơn vị được sửa, "
        f"{result.closed} đơn vị hết hiệu lực, {result.unchanged} đơn vị không đổi."
    )


def _parse_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise fail(str(exc)) from None


def _with_depth(units: list[OrgUnit]) -> list[tuple[int, OrgUnit]]:
    """Units listed parents first, each with its depth in the tree."""
    depth: dict[str, int] = {}
    rows = []
    for unit in units:
        level = depth[unit.code] = depth.get(unit.parent_code or "", -1) + 1
        rows.append((level, unit))
    return rows


def _table(rows: list[tuple[int, OrgUnit]], title: str) -> Table:
    table = Table(title=title)
    table.add_column("Mã", style="cyan", no_wrap=True)
    table.add_column("Tên")
    table.add_column("Cấp")
    table.add_column("Cấp trên", no_wrap=True)
    table.add_column("Hiệu lực", no_wrap=True)
    for depth, unit in rows:
        since, until = _vn(unit.valid_from), _vn(unit.valid_to)
        validity = f"{since or '…'} – {until or 'nay'}" if since or until else "—"
        table.add_row(
            unit.code,
            Text("  " * depth + unit.name, style="bold" if depth == 0 else ""),
            unit.level.label.split(",")[0],
            unit.parent_code or "",
            Text(validity, style="dim" if until else ""),
        )
    return table


@app.command("list", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def list_(
    on: Annotated[
        str | None,
        typer.Option("--on", help="Xem danh sách đơn vị vào ngày này (2025-07-01 hoặc 01/07/2025).", metavar="NGÀY"),
    ] = None,
    history: Annotated[
        bool, typer.Option("--all", help="Liệt kê mọi thời kỳ của mọi đơn vị, kể cả đơn vị đã hết hiệu lực.")
    ] = False,
) -> None:
    """Liệt kê các đơn vị hành chính (mặc định: các đơn vị còn hiệu lực, theo cây cấp trên – cấp dưới)."""
    day = _parse_day(on)
    with services.open_database() as db:
        units = services.list_units(db, day, history=history)
    rows = [(0, unit) for unit in units] if history else _with_depth(units)
    if not rows:
        say("Chưa có đơn vị nào. Nhập bằng lệnh: kehoach units import TỆP.csv")
        return
    if history:
        title = "Các đơn vị và lịch sử hiệu lực"
    else:
        title = f"Các đơn vị ngày {_vn(day)}" if day else "Các đơn vị còn hiệu lực"
    console().print(_table(rows, title))
