"""Commands for the spreadsheet round trip: template (write the entry form), load (read it back)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach import services
from kehoach.cli.output import say
from kehoach.core.accounts import LOCAL_OPERATOR
from kehoach.core.entries import EntryProblems


def template(
    plan: Annotated[
        str,
        typer.Argument(
            help="Số thứ tự kế hoạch (xem lệnh plans) hoặc số văn bản, ví dụ 74/NQ-HĐND.",
            show_default=False,
            metavar="KẾ_HOẠCH",
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period", "-p", help="Kỳ báo cáo: 2024-01, 2024-Q1, 2024-H1, 2024-9M, 2024-H2 hoặc 2024.", metavar="KỲ"
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Tệp biểu nhập cần ghi: .xlsx (Excel) hoặc .csv.", metavar="TỆP"),
    ],
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Chỉ lấy các dòng của đơn vị này (mã đơn vị, ví dụ một khóm).", metavar="MÃ"),
    ] = None,
) -> None:
    """Ghi biểu nhập số liệu (Excel hoặc CSV) của một kỳ báo cáo để cán bộ điền."""
    from kehoach.services.spreadsheets import make_template  # loaded on use: keeps start-up light

    with services.open_database() as db:
        form = make_template(db, plan, period, unit, output, actor=LOCAL_OPERATOR)
    locked = sum(1 for row in form.rows if row.locked)
    tail = f", {locked} dòng thuộc kỳ đã được duyệt (khóa)" if locked else ""
    say(f"Đã ghi biểu nhập số liệu {form.period_label} ra {output}: {len(form.rows)} dòng{tail}.")
    say(f"Sau khi điền, nạp lại bằng lệnh: kehoach load {output}")


def load(
    file: Annotated[
        Path,
        typer.Argument(help="Biểu nhập đã điền: .xlsx hoặc .csv.", show_default=False, metavar="TỆP"),
    ],
    by: Annotated[
        str | None,
        typer.Option("--by", help="Tên người nhập, ghi vào lịch sử sửa đổi (mặc định: tên đăng nhập).", metavar="TÊN"),
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option(
            "--plan",
            help="Kế hoạch nhận số liệu, khi tệp không ghi mã kế hoạch (ví dụ tệp CSV tự soạn).",
            metavar="KẾ_HOẠCH",
        ),
    ] = None,
) -> None:
    """Nạp số liệu từ biểu nhập đã điền; có lỗi thì không ghi gì và liệt kê mọi lỗi."""
    from kehoach.services.spreadsheets import load_file  # loaded on use: keeps start-up light

    with services.open_database() as db:
        try:
            result = load_file(db, file, who=by or services.default_who(), plan_ref=plan, actor=LOCAL_OPERATOR)
        except EntryProblems as exc:
            _print_problems(file, exc)
            raise typer.Exit(1) from None
    if result.written == 0:
        say(f"{file}: {result.read} số liệu, không có gì thay đổi so với cơ sở dữ liệu; không ghi gì.")
        return
    say(
        f"Đã nạp {file} vào kế hoạch số {result.plan_id}: {result.created} số liệu mới, "
        f"{result.changed} số liệu sửa đổi, {result.unchanged} số liệu không đổi."
    )


def _print_problems(file: Path, exc: EntryProblems) -> None:
    count = len(exc.problems)
    typer.echo(f"Lỗi: {file} có {count} lỗi, không ghi số liệu nào vào cơ sở dữ liệu:", err=True)
    for problem in exc.problems:
        typer.echo(f"  - {problem}", err=True)
