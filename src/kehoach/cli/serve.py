"""``kehoach serve``: the web application under uvicorn.

The app is named by its import string (``kehoach.web.app:create_app``, a factory), so the
CLI does not import the web layer; it reads the same database settings from the environment.

``--workers N`` runs N server processes (default: one per CPU core, at most 4; one with
``--reload``): page work is CPU-bound Python, and one process uses one core. Each worker
opens the database itself and keeps its own memo of loaded plans and evaluations
(services.caching): they stay correct across workers because every value is keyed by the
data version read from the database, which any worker's write moves.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from kehoach import services
from kehoach.cli.output import say

APP_FACTORY = "kehoach.web.app:create_app"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """One worker per CPU core, at most :data:`MAX_DEFAULT_WORKERS`."""
    return max(1, min(MAX_DEFAULT_WORKERS, os.cpu_count() or 1))


def serve(
    host: Annotated[
        str,
        typer.Option("--host", help="Địa chỉ lắng nghe (0.0.0.0 để máy khác trong mạng truy cập).", metavar="ĐỊA_CHỈ"),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Cổng lắng nghe.", metavar="CỔNG")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Số tiến trình phục vụ song song (mặc định: số lõi CPU, tối đa 4; 1 khi dùng --reload).",
            metavar="SỐ",
        ),
    ] = None,
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

    count = 1 if reload else (workers or default_workers())
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        reload=reload,
        workers=count,
        proxy_headers=True,
        log_level="info",
    )
