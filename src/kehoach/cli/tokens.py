"""Commands on personal API tokens: tokens create, list, revoke."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kehoach import services
from kehoach.cli.group import KehoachCommand, KehoachGroup
from kehoach.cli.output import console, print_raw, say

app = typer.Typer(
    cls=KehoachGroup,
    help="Khóa API cá nhân cho chương trình máy (gửi kèm tiêu đề Authorization: Bearer KHÓA).",
    no_args_is_help=True,
    options_metavar="[TÙY_CHỌN]",
    subcommand_metavar="LỆNH [THAM_SỐ]...",
)

UserOption = Annotated[
    str | None, typer.Option("--user", help="Tài khoản sở hữu khóa (tên đăng nhập).", metavar="TÊN_ĐĂNG_NHẬP")
]


@app.command("create", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def create(
    name: Annotated[
        str, typer.Argument(help="Tên gợi nhớ của khóa, ví dụ 'đồng bộ số liệu'.", show_default=False, metavar="TÊN")
    ],
    user: UserOption = None,
) -> None:
    """Tạo khóa API cho một tài khoản; khóa chỉ hiện một lần, hãy lưu lại ngay."""
    with services.open_database() as db:
        secret, token = services.create_token(db, name, username=user)
    say(f"Đã tạo khóa API số {token.token_id} ({token.name}) cho tài khoản {token.username}.")
    say("Khóa chỉ hiện một lần này, hãy lưu lại:")
    print_raw(secret)


@app.command("list", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def list_(user: UserOption = None) -> None:
    """Liệt kê các khóa API (mọi tài khoản, hoặc của một tài khoản); không bao giờ hiện lại khóa."""
    with services.open_database() as db:
        tokens = services.list_tokens(db, username=user)
    if not tokens:
        say("Chưa có khóa API nào. Tạo bằng lệnh: kehoach tokens create TÊN --user TÊN_ĐĂNG_NHẬP")
        return
    table = Table(title="Khóa API")
    table.add_column("Số", justify="right")
    table.add_column("Tên")
    table.add_column("Tài khoản", style="cyan")
    table.add_column("Bắt đầu bằng", no_wrap=True)
    table.add_column("Tạo lúc", no_wrap=True)
    table.add_column("Dùng lần cuối", no_wrap=True)
    table.add_column("Trạng thái")
    for token in tokens:
        table.add_row(
            str(token.token_id),
            token.name,
            token.username,
            token.prefix + "…",
            token.created_at.astimezone().strftime("%d/%m/%Y %H:%M"),
            token.last_used_at.astimezone().strftime("%d/%m/%Y %H:%M") if token.last_used_at else "chưa dùng",
            "còn hiệu lực" if token.active else "đã thu hồi",
        )
    console().print(table)


@app.command("revoke", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def revoke(
    token_id: Annotated[
        int, typer.Argument(help="Số của khóa (xem lệnh tokens list).", show_default=False, metavar="SỐ")
    ],
) -> None:
    """Thu hồi một khóa API: khóa ngừng hoạt động ngay."""
    with services.open_database() as db:
        token = services.revoke_token(db, token_id)
    say(f"Đã thu hồi khóa API số {token.token_id} ({token.name}) của tài khoản {token.username}.")
