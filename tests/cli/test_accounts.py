"""kehoach users add|passwd|role|list|deactivate, kehoach tokens create|list|revoke, kehoach serve."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from typer.testing import CliRunner, Result

from kehoach import services
from kehoach.cli import serve
from kehoach.cli.app import app
from kehoach.services import passwords

runner = CliRunner()
UNITS = "code,name,level,parent_code\n99001,Phường 1,phường,\n99001-01,Khóm 1,khóm,99001\n"
PASSWORD = "mat-khau-cua-lan"


@pytest.fixture(autouse=True)
def setting(monkeypatch: pytest.MonkeyPatch, use_database: str, tmp_path: Path) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    (tmp_path / "don-vi.csv").write_text(UNITS, encoding="utf-8")
    assert runner.invoke(app, ["units", "import", str(tmp_path / "don-vi.csv")]).exit_code == 0


def run(*args: str, stdin: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=stdin)


def test_users_add_reads_the_password_from_stdin_and_list_shows_it(use_database: str) -> None:
    added = run(
        "users",
        "add",
        "lan",
        "--role",
        "truong_khom",
        "--unit",
        "99001-01",
        "--name",
        "Nguyễn Thị Lan",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert added.exit_code == 0, added.stderr
    assert added.stdout.strip() == "Đã tạo tài khoản lan: Trưởng khóm tại đơn vị 99001-01."
    listed = run("users", "list")
    assert listed.exit_code == 0
    assert "lan" in listed.stdout and "Nguyễn Thị Lan" in listed.stdout and "Trưởng khóm" in listed.stdout
    assert "hoạt động" in listed.stdout
    with services.open_database(use_database) as db:
        assert services.authenticate(db, "lan", PASSWORD).unit_code == "99001-01"


def test_users_add_asks_twice_and_refuses_a_mismatch() -> None:
    typed = run("users", "add", "binh", "--role", "lanh_dao", "--unit", "99001", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert typed.exit_code == 0, typed.stderr
    assert "Mật khẩu" in typed.stdout and PASSWORD not in typed.stdout
    mismatch = run(
        "users", "add", "chau", "--role", "lanh_dao", "--unit", "99001", stdin=f"{PASSWORD}\nkhac-nhau-roi\n"
    )
    assert mismatch.exit_code == 1
    assert mismatch.stderr.strip() == "Lỗi: hai lần nhập mật khẩu không khớp nhau"


def test_errors_are_one_vietnamese_line() -> None:
    run("users", "add", "lan", "--role", "truong_khom", "--unit", "99001-01", "--password-stdin", stdin=PASSWORD)
    again = run(
        "users", "add", "lan", "--role", "truong_khom", "--unit", "99001-01", "--password-stdin", stdin=PASSWORD
    )
    assert again.exit_code == 1 and again.stderr.strip() == "Lỗi: tên đăng nhập 'lan' đã có người dùng"
    weak = run("users", "add", "an", "--role", "truong_khom", "--unit", "99001-01", "--password-stdin", stdin="123")
    assert weak.exit_code == 1 and "mật khẩu cần ít nhất 8 ký tự" in weak.stderr


def test_passwd_role_and_deactivate(use_database: str) -> None:
    run("users", "add", "lan", "--role", "truong_khom", "--unit", "99001-01", "--password-stdin", stdin=PASSWORD)
    changed = run("users", "passwd", "lan", "--password-stdin", stdin="mat-khau-moi-nhe\n")
    assert changed.exit_code == 0 and changed.stdout.strip() == "Đã đổi mật khẩu của tài khoản lan."
    role = run("users", "role", "lan", "--role", "Cán bộ phường", "--unit", "99001")
    assert role.exit_code == 0 and role.stdout.strip() == "Tài khoản lan nay là Cán bộ phường tại đơn vị 99001."
    off = run("users", "deactivate", "lan")
    assert off.exit_code == 0 and off.stdout.strip() == "Đã khóa tài khoản lan."
    assert "đã khóa" in run("users", "list").stdout
    with services.open_database(use_database) as db, pytest.raises(services.LoginRefused):
        services.authenticate(db, "lan", "mat-khau-moi-nhe")


def test_tokens_create_list_revoke(use_database: str) -> None:
    run("users", "add", "lan", "--role", "truong_khom", "--unit", "99001-01", "--password-stdin", stdin=PASSWORD)
    created = run("tokens", "create", "đồng bộ", "--user", "lan")
    assert created.exit_code == 0, created.stderr
    secret = created.stdout.strip().splitlines()[-1]
    assert secret.startswith("khk_")
    listed = run("tokens", "list")
    assert "đồng bộ" in listed.stdout and "còn hiệu lực" in listed.stdout and secret not in listed.stdout
    with services.open_database(use_database) as db:
        assert services.resolve_token(db, secret) is not None
    revoked = run("tokens", "revoke", "1")
    assert revoked.exit_code == 0 and "Đã thu hồi khóa API số 1" in revoked.stdout
    with services.open_database(use_database) as db:
        assert services.resolve_token(db, secret) is None
    missing = run("tokens", "create", "x")
    assert missing.exit_code == 1 and "--user" in missing.stderr


def test_serve_creates_the_administrator_once_and_runs_the_app_factory(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, dict[str, object]]] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    first = run("serve", "--port", "8123")
    assert first.exit_code == 0, first.stderr
    assert "Tên đăng nhập: quantri" in first.stdout and "Mật khẩu:" in first.stdout
    password = first.stdout.split("Mật khẩu:")[1].split()[0]
    assert len(password) >= 20
    assert "http://127.0.0.1:8123/" in first.stdout
    assert calls == [
        (
            serve.APP_FACTORY,
            {
                "factory": True,
                "host": "127.0.0.1",
                "port": 8123,
                "reload": False,
                "workers": serve.default_workers(),
                "proxy_headers": True,
                "log_level": "info",
            },
        )
    ]
    second = run("serve")
    assert "Mật khẩu" not in second.stdout
    exposed = run("serve", "--host", "0.0.0.0")
    assert "Cảnh báo" in exposed.stdout
    run("serve", "--workers", "3")
    run("serve", "--workers", "3", "--reload")
    assert [kw["workers"] for _, kw in calls[-2:]] == [3, 1]  # the reloader runs one process
    assert 1 <= serve.default_workers() <= serve.MAX_DEFAULT_WORKERS
