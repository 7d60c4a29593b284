"""Fixtures of the page tests: one demo database per module (Phường 1, five khóm, the seed
resolution, January–June 2024), the app over it, and a signed-in client for each role.

Accounts (password ``mat-khau-thu-nghiem``):
    quantri2   quản trị, whole system        canbo     cán bộ phường, Phường 1
    khom1      trưởng khóm, Khóm 1           lanhdao   lãnh đạo, Phường 1
    daibieu    đại biểu HĐND, Phường 1       canbo2    cán bộ phường of another ward (Phường 2)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kehoach import services
from kehoach.core.accounts import Role
from kehoach.core.units import OrgUnit, UnitLevel
from kehoach.services import users
from kehoach.services.demo import build_demo
from kehoach.web.app import create_app

PASSWORD = "mat-khau-thu-nghiem"
ACCOUNTS = {
    "quantri2": (Role.ADMIN, None),
    "canbo": (Role.WARD_OFFICER, "99001"),
    "khom1": (Role.KHOM_HEAD, "99001-01"),
    "lanhdao": (Role.LEADER, "99001"),
    "daibieu": (Role.COUNCIL, "99001"),
    "canbo2": (Role.WARD_OFFICER, "99002"),
}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')

Login = Callable[[str], TestClient]  # the ``login`` fixture: a signed-in client for a username


def make_app(db: services.Database) -> object:
    """The app over the same database file (create_app opens its own connection)."""
    return create_app(db.url)


def add_accounts(db: services.Database) -> None:
    services.add_units(db, [OrgUnit("99002", "Phường 2", UnitLevel.XA)])
    for username, (role, unit) in ACCOUNTS.items():
        users.create_user(db, username, PASSWORD, role=role, unit_code=unit, full_name=f"Người dùng {username}")


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> TestClient:
    page = client.get("/dang-nhap")
    token = CSRF.search(page.text)
    assert token is not None, page.text
    answer = client.post(
        "/dang-nhap",
        data={"username": username, "password": password, "csrf_token": token.group(1), "next": "/ke-hoach"},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return client


def csrf_of(client: TestClient, path: str = "/ke-hoach") -> str:
    found = CSRF.search(client.get(path).text)
    assert found is not None
    return found.group(1)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[services.Database]:
    folder = tmp_path_factory.mktemp("trang")
    db = services.open_database(f"sqlite:///{folder / 'demo.db'}")
    build_demo(db)
    add_accounts(db)
    yield db
    db.close()


@pytest.fixture(scope="module")
def app(demo_db: services.Database) -> object:
    return make_app(demo_db)


@pytest.fixture(scope="module")
def login(app: object) -> Iterator[Callable[[str], TestClient]]:
    """A signed-in client per account, made once per module."""
    clients: dict[str, TestClient] = {}

    def client_for(username: str) -> TestClient:
        if username not in clients:
            client = TestClient(app, base_url="http://127.0.0.1")  # type: ignore[arg-type]
            clients[username] = sign_in(client, username)
        return clients[username]

    yield client_for
    for client in clients.values():
        client.close()


@pytest.fixture(scope="module")
def anonymous(app: object) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://127.0.0.1") as client:  # type: ignore[arg-type]
        yield client


SEED = Path(__file__).parents[3] / "src" / "kehoach" / "data" / "nq-74-2023-phuong-1.txt"


@pytest.fixture(scope="session")
def seed_file() -> Path:
    """The bundled resolution 74/NQ-HĐND."""
    return SEED


@pytest.fixture(scope="session")
def accounts_adder() -> Callable[[services.Database], None]:
    return add_accounts
