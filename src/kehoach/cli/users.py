"""Commands on accounts: users add, passwd, list, role, deactivate.

The CLI acts as the machine's owner (core.accounts.LOCAL_OPERATOR, a system-wide
administrator); passwords are asked twice without echo, or read from standard input.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kehoach import services
from kehoach.cli.group import KehoachCommand, KehoachGroup
from kehoach.cli.output import console, fail, say
from kehoach.core.accounts import Role

app = typer.Typer(
    cls=KehoachGroup,
    help="Tài khoản người dùng: tạo, đổi mật khẩu, đổi vai trò, khóa, liệt kê.",
    no_args_is_help=True,
    options_metavar="[TÙY_CHỌN]",
    subcommand_metavar="LỆNH [THAM_SỐ]...",
)

ROLE_HELP = "Vai trò: " + "; ".join(f"{role.value} ({role.label})" for role in Role) + "."

UsernameArgument = Annotated[
    str, typer.Argument(help="Tên đăng nhập, ví dụ lan.nguyen.", show_default=False, metavar="TÊN_ĐĂNG_NHẬP")
]
PasswordStdinOption = Annotated[
    bool,
    typer.Option("--password-stdin", help="Đọc mật khẩu từ dòng đầu của đầu vào chuẩn thay vì hỏi (cho script)."),
]


def read_password(from_stdin: bool) -> str:
    """The new password: one line of standard input, or typed twice without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise fail("không đọc được mật khẩu từ đầu vào chuẩn")
        return line.rstrip("\r\n")
    first = typer.prompt("Mật khẩu", hide_input=True, prompt_suffix=": ")
    second = typer.prompt("Nhập lại mật khẩu", hide_input=True, prompt_suffix=": ")
    if first != second:
        raise fail("hai lần nhập mật khẩu không khớp nhau")
    return str(first)


@app.command("add", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def add(
    username: UsernameArgument,
    role: Annotated[str, typer.Option("--role", "-r", help=ROLE_HELP, metavar="VAI_TRÒ", show_default=False)],
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", help="Mã đơn vị của vai trò (bỏ trống chỉ với quản trị toàn hệ thống).", metavar="MÃ"
        ),
    ] = None,
    name: Annotated[str, typer.Option("--name", help="Họ và tên người dùng.", metavar="HỌ_TÊN")] = "",
    password_stdin: PasswordStdinOption = False,
) -> None:
    """Tạo tài khoản mới với một vai trò tại một đơn vị (có quyền với đơn vị đó và các đơn vị cấp dưới)."""
    password = read_password(password_stdin)
    with services.open_database() as db:
        user = services.create_user(db, username, password, role=role, unit_code=unit, full_name=name)
    where = f" tại đơn vị {user.unit_code}" if user.unit_code else " (toàn hệ thống)"
    say(f"Đã tạo tài khoản {user.username}: {user.role.label}{where}.")


@app.command("passwd", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def passwd(username: UsernameArgument, password_stdin: PasswordStdinOption = False) -> None:
    """Đặt mật khẩu mới cho một tài khoản (mọi phiên đăng nhập của tài khoản đó kết thúc)."""
    password = read_password(password_stdin)
    with services.open_database() as db:
        user = services.set_password(db, username, password)
    say(f"Đã đổi mật khẩu của tài khoản {user.username}.")


@app.command("role", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def role(
    username: UsernameArgument,
    role: Annotated[str | None, typer.Option("--role", "-r", help=ROLE_HELP, metavar="VAI_TRÒ")] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="Mã đơn vị mới của vai trò.", metavar="MÃ")] = None,
) -> None:
    """Đổi vai trò hoặc đơn vị của một tài khoản (mọi phiên đăng nhập của tài khoản đó kết thúc)."""
    with services.open_database() as db:
        user = services.change_role(db, username, role=role, unit_code=unit)
    where = f" tại đơn vị {user.unit_code}" if user.unit_code else " (toàn hệ thống)"
    say(f"Tài khoản {user.username} nay là {user.role.label}{where}.")


@app.command("deactivate", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def deactivate(username: UsernameArgument) -> None:
    """Khóa một tài khoản: không đăng nhập được nữa, phiên đăng nhập và khóa API của tài khoản ngừng hoạt động."""
    with services.open_database() as db:
        user = services.deactivate(db, username)
    say(f"Đã khóa tài khoản {user.username}.")


@app.command("list", cls=KehoachCommand, options_metavar="[TÙY_CHỌN]")
def list_() -> None:
    """Liệt kê các tài khoản: vai trò, đơn vị, còn hoạt động hay đã khóa."""
    with services.open_database() as db:
        users = services.list_users(db)
    if not users:
        say("Chưa có tài khoản nào. Tạo bằng lệnh: kehoach users add TÊN --role VAI_TRÒ --unit MÃ")
        return
    table = Table(title="Tài khoản")
    table.add_column("Tên đăng nhập", style="cyan", no_wrap=True)
    table.add_column("Họ tên")
    table.add_column("Vai trò")
    table.add_column("Đơn vị", no_wrap=True)
    table.add_column("Trạng thái")
    table.add_column("Tạo lúc", no_wrap=True)
    for user in users:
        table.add_row(
            user.username,
            user.full_name,
            user.role.label,
            user.unit_code or "toàn hệ thống",
            Text("hoạt động", style="green") if user.active else Text("đã khóa", style="red"),
            user.created_at.astimezone().strftime("%d/%m/%Y %H:%M"),
        )
    console().print(table)
