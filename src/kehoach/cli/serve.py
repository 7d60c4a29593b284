"""``kehoach serve``: the web application under uvicorn.

The app is named by its import string (``kehoach.web.app:create_app``, a factory), so the
CLI does not import the web layer; it reads the same database settings from the environment.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from kehoach import services
from kehoach.cli.output import say

APP_FACTORY = "kehoach.web.app:create_app"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def serve(
    host: Annotated[
        str,
        typer.Option("--host", help="Địa chỉ lắng nghe (0.0.0.0 để máy khác trong mạng truy cập).", metavar="ĐỊA_CHỈ"),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Cổng lắng nghe.", metavar="CỔNG")] = 8000,
    reload: Annotated[
        bool, typer.Option("--reload", help="Tự khởi động lại khi mã nguồn thay đổi (khi phát triển).")
    ] = False,
    https: Annotated[
        bool,
        typer.Option(
            "--https",
            help="Ứng dụng được phục vụ qua HTTPS (sau một reverse proxy): cookie đăng nhập chỉ gửi qua HTTPS.",
        ),
    ] = False,
) -> None:
    """Chạy ứng dụng web (giao diện và API /api/v1); lần đầu tạo tài khoản quản trị và in mật khẩu một lần."""
    with services.open_database() as db:
        username, password = services.ensure_admin(db)
    if password is not None:
        say("Đã tạo tài khoản quản trị đầu tiên. Mật khẩu chỉ in một lần này, hãy lưu lại:")
        say(f"  Tên đăng nhập: {username}")
        say(f"  Mật khẩu:      {password}")
    if https:
        os.environ["KEHOACH_HTTPS"] = "1"
    shown = f"[{host}]" if ":" in host else host
    say(f"kehoach đang chạy tại http://{shown}:{port}/ (Ctrl+C để dừng)")
    if host not in LOCAL_HOSTS and not https:
        say("Cảnh báo: đang mở cho máy khác truy cập qua HTTP; mật khẩu đi qua mạng không được mã hóa.")
    import uvicorn  # here: only this command needs the server

    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, reload=reload, proxy_headers=True, log_level="info")
