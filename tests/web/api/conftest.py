"""The API's test world: a province with two wards, the first with two khóm, a plan for each
ward, one account per role (most at the first ward), an API token for each, and a client.

Password hashing runs with cheap argon2 parameters here (the real ones take 0.1 s a hash).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from kehoach import services
from kehoach.core import OrgUnit
from kehoach.core.accounts import Actor, Role
from kehoach.core.unitlevels import UnitLevel
from kehoach.services import passwords
from kehoach.storage import Database
from kehoach.web.app import create_app

SEED_PLAN = Path(__file__).parents[2] / "services" / "data" / "nq-74-2023-phuong-1.plan.json"
PASSWORD = "mat-khau-thu-nghiem"

PROVINCE, WARD, KHOM_1, KHOM_2 = "99", "99001", "99001-01", "99001-02"
WARD_2, KHOM_3 = "99002", "99002-01"

UNITS = [
    OrgUnit(PROVINCE, "Tỉnh Thử", UnitLevel.TINH),
    OrgUnit(WARD, "Phường 1", UnitLevel.XA, PROVINCE),
    OrgUnit(KHOM_1, "Khóm 1", UnitLevel.KHOM, WARD),
    OrgUnit(KHOM_2, "Khóm 2", UnitLevel.KHOM, WARD),
    OrgUnit(WARD_2, "Phường 2", UnitLevel.XA, PROVINCE),
    OrgUnit(KHOM_3, "Khóm 3", UnitLevel.KHOM, WARD_2),
]

# username: (role, unit)
ACCOUNTS = {
    "quantri": (Role.ADMIN, None),
    "qt-phuong": (Role.ADMIN, WARD),
    "canbo": (Role.WARD_OFFICER, WARD),
    "truongkhom": (Role.KHOM_HEAD, KHOM_1),
    "lanhdao": (Role.LEADER, WARD),
    "daibieu": (Role.COUNCIL, WARD),
    "daibieu-tinh": (Role.COUNCIL, PROVINCE),
}


def plan_json(number: str, place: str) -> str:
    data = json.loads(SEED_PLAN.read_text(encoding="utf-8"))
    data["document"]["number"] = number
    data["document"]["issuer"] = f"Hội đồng nhân dân {place}"
    data["document"]["place"] = place
    return json.dumps(data, ensure_ascii=False)


@dataclass
class World:
    db: Database
    plan_a: int  # of WARD
    plan_b: int  # of WARD_2
    actors: dict[str, Actor] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def bearer(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[username]}"}


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def build_world(db: Database) -> World:
    services.add_units(db, UNITS)
    plan_a = services.import_plan_json(db, plan_json("74/NQ-HĐND", "Phường 1"), unit_code=WARD).plan_id
    plan_b = services.import_plan_json(db, plan_json("75/NQ-HĐND", "Phường 2"), unit_code=WARD_2).plan_id
    world = World(db, plan_a, plan_b)
    for username, (role, unit) in ACCOUNTS.items():
        user = services.create_user(db, username, PASSWORD, role=role, unit_code=unit, full_name=username.title())
        world.actors[username] = user.actor
        world.tokens[username], _ = services.create_token(db, "kiểm thử", actor=user.actor)
    return world


@pytest.fixture
def world(db: Database) -> World:
    return build_world(db)


@pytest.fixture
def client(database_url: str, world: World) -> Iterator[TestClient]:
    """A client of an app over the test database (the app opens its own connection pool)."""
    with TestClient(create_app(database_url)) as test_client:
        yield test_client
