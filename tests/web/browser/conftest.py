"""Browser tests: the app served in-process (uvicorn in a thread, a free port, a temporary
database) and Debian's Chromium driven by Playwright. Never ``playwright install``: without
/usr/bin/chromium the tests are skipped with the reason (CI installs Debian's ``chromium``)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kehoach import services
from kehoach.core.accounts import Role
from kehoach.services import users
from kehoach.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "mat-khau-trinh-duyet"
ACCOUNTS = {
    "canbo": (Role.WARD_OFFICER, "99001", "Nguyễn Thị Lan"),
    "khom1": (Role.KHOM_HEAD, "99001-01", "Trần Văn Bình"),
    "lanhdao": (Role.LEADER, "99001", "Lê Minh Châu"),
    "quantri2": (Role.ADMIN, None, "Quản trị viên"),
}
ARTIFACTS = Path(__file__).parents[3] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Served:
    """An app on http://127.0.0.1:PORT in a background thread."""

    def __init__(self, db: services.Database) -> None:
        import uvicorn

        app = create_app(db.url)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the app did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Callable[[services.Database], Any]], Served]]:
    """Start an app over a new database that ``fill(db)`` prepares; stopped after the module."""
    running: list[tuple[Served, services.Database]] = []

    def start(fill: Callable[[services.Database], Any]) -> Served:
        folder = tmp_path_factory.mktemp("trinh-duyet")
        db = services.open_database(f"sqlite:///{folder / 'web.db'}")
        fill(db)
        for username, (role, unit, name) in ACCOUNTS.items():
            users.create_user(db, username, PASSWORD, role=role, unit_code=unit, full_name=name)
        served = Served(db)
        running.append((served, db))
        return served

    yield start
    for served, db in running:
        served.stop()
        db.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed (/usr/bin/chromium): apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def helpers() -> dict[str, Any]:
    """sign_in(page, base, username), shoot(page, name), DESKTOP and PHONE viewports."""
    return {"sign_in": sign_in, "shoot": shoot, "DESKTOP": DESKTOP, "PHONE": PHONE}


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/dang-nhap")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/ke-hoach**")


def shoot(page: Any, name: str) -> Path:
    """Save a screenshot of the whole page under test-artifacts/screenshots/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    path = ARTIFACTS / f"{name}-{size['width']}x{size['height']}.png"
    page.wait_for_timeout(150)  # charts draw after load
    page.screenshot(path=str(path), full_page=True)
    return path
