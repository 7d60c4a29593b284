"""The authorization matrix: every API route, tried by every role inside and outside its unit
scope, is allowed or refused exactly as core.accounts says, and no list answer holds anything
the caller may not read.

A route is allowed when its answer is anything but 401/403 (a state error such as approving a
draft is a 422, still past the permission check), refused when it is 403. A route added to
the API without a row here fails :func:`test_every_api_route_is_in_the_matrix`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from kehoach import services
from kehoach.core.accounts import Action, Actor, allowed
from kehoach.core.units import UnitTree
from kehoach.web.app import create_app
from tests.web.api.conftest import ACCOUNTS, KHOM_1, KHOM_2, KHOM_3, UNITS, WARD, WARD_2, World, build_world, plan_json

API = "/api/v1"
TREE = UnitTree(UNITS)
Rule = Callable[[Actor], bool]


def acts(action: Action, unit: str) -> Rule:
    return lambda actor: allowed(actor, action, unit, TREE)


def sees(plan_unit: str) -> Rule:
    """A plan is visible in the scope, or from a unit under the plan's unit."""

    def rule(actor: Actor) -> bool:
        if allowed(actor, Action.READ, plan_unit, TREE):
            return True
        home = actor.unit_code
        return home is not None and allowed(Actor("x", actor.role, plan_unit), Action.READ, home, TREE)

    return rule


def reads(plan_unit: str, unit: str) -> Rule:
    return lambda actor: sees(plan_unit)(actor) and allowed(actor, Action.READ, unit, TREE)


def anyone(actor: Actor) -> bool:
    return True


@dataclass
class Case:
    rule: Rule
    params: dict[str, Any] = field(default_factory=dict)
    json: Any = None
    content: bytes | None = None
    files: dict[str, Any] | None = None
    data: dict[str, Any] | None = None
    path: dict[str, Any] = field(default_factory=dict)


PLAN_UNITS = ("a", WARD), ("b", WARD_2)
# (plan, unit) pairs: inside and outside each role's scope
SLOTS = (("a", KHOM_1), ("a", KHOM_2), ("a", WARD), ("b", KHOM_3))
KEY_FOR = {KHOM_1: "5.2", KHOM_2: "5.2", KHOM_3: "5.2", WARD: "1.1"}


def plan_id(world: World, which: str) -> int:
    return world.plan_a if which == "a" else world.plan_b


def unit_of(which: str) -> str:
    return WARD if which == "a" else WARD_2


def cases(world: World, extra_token: int) -> dict[tuple[str, str], list[Case]]:
    def per_plan(rule: Callable[[str], Rule], **kw: Any) -> list[Case]:
        return [Case(rule(unit), path={"plan_id": plan_id(world, p)}, **kw) for p, unit in PLAN_UNITS]

    def per_slot(rule: Callable[[str, str], Rule], build: Callable[[str, str], dict[str, Any]]) -> list[Case]:
        return [
            Case(rule(unit_of(p), unit), path={"plan_id": plan_id(world, p)}, **build(p, unit)) for p, unit in SLOTS
        ]

    def figure(unit: str, **more: Any) -> dict[str, Any]:
        return {"target_key": KEY_FOR[unit], "unit_code": unit, "period": "2024-06", **more}

    imported = {
        WARD: plan_json("90/NQ-HĐND", "Phường 1").encode(),
        WARD_2: plan_json("91/NQ-HĐND", "Phường 2").encode(),
    }
    return {
        ("GET", "/me"): [Case(anyone)],
        ("GET", "/tokens"): [Case(anyone)],
        ("POST", "/tokens"): [Case(anyone, json={"name": "ma trận"})],
        ("DELETE", "/tokens/{token_id}"): [
            Case(
                lambda a: a.username == "lanhdao" or allowed(a, Action.ADMINISTER, WARD, TREE),
                path={"token_id": extra_token},
            )
        ],
        ("GET", "/units"): [Case(anyone)],
        ("GET", "/units/tree"): [Case(anyone)],
        ("GET", "/periods"): [Case(anyone, params={"year": 2024})],
        ("GET", "/plans"): [Case(anyone)],
        ("POST", "/plans"): [
            Case(acts(Action.MANAGE_PLANS, unit), params={"unit": unit}, content=body)
            for unit, body in imported.items()
        ],
        ("POST", "/plans/upload"): [
            Case(
                acts(Action.MANAGE_PLANS, unit),
                files={"file": ("k.json", body, "application/json")},
                data={"unit": unit},
            )
            for unit, body in imported.items()
        ],
        ("GET", "/plans/{plan_id}"): per_plan(sees),
        ("GET", "/plans/{plan_id}/settings"): per_plan(sees),
        ("PATCH", "/plans/{plan_id}/settings"): per_plan(
            lambda unit: acts(Action.MANAGE_PLANS, unit), json={"cutoff_rule": "nd09"}
        ),
        ("GET", "/plans/{plan_id}/targets"): per_plan(sees),
        ("PATCH", "/plans/{plan_id}/targets/{key}"): [
            Case(
                acts(Action.MANAGE_PLANS, unit),
                path={"plan_id": plan_id(world, p), "key": "5.2"},
                json={"over_time": "cumulative"},
            )
            for p, unit in PLAN_UNITS
        ],
        ("GET", "/plans/{plan_id}/figures"): per_slot(reads, lambda p, u: {"params": {"period": "2024-06", "unit": u}}),
        ("PUT", "/plans/{plan_id}/figures"): per_slot(
            lambda _, u: acts(Action.ENTER, u), lambda p, u: {"json": figure(u, value=7, replaces=None)}
        ),
        ("POST", "/plans/{plan_id}/figures/clear"): per_slot(
            lambda _, u: acts(Action.ENTER, u), lambda p, u: {"json": figure(u, replaces=1)}
        ),
        ("GET", "/plans/{plan_id}/figures/history"): per_slot(
            reads, lambda p, u: {"params": {"key": KEY_FOR[u], "unit": u, "period": "2024-06"}}
        ),
        ("GET", "/plans/{plan_id}/status"): per_slot(reads, lambda p, u: {"params": {"period": "2024-06", "unit": u}}),
        ("GET", "/plans/{plan_id}/entry-form"): per_slot(
            reads, lambda p, u: {"params": {"period": "2024-06", "unit": u}}
        ),
        ("GET", "/plans/{plan_id}/approvals"): per_slot(
            reads, lambda p, u: {"params": {"period": "2024-06", "unit": u}}
        ),
        **{
            ("POST", f"/plans/{{plan_id}}/approvals/{verb}"): per_slot(
                lambda _, u, action=action: acts(action, u),  # type: ignore[misc]
                lambda p, u: {"json": {"unit_code": u, "period": "2024-06", "reason": "kiểm tra quyền"}},
            )
            for verb, action in (("submit", Action.SUBMIT), ("approve", Action.APPROVE), ("reopen", Action.REOPEN))
        },
        ("GET", "/audit"): [
            Case(anyone),
            *(Case(acts(Action.READ, u), params={"unit": u}) for u in (KHOM_1, WARD, WARD_2)),
        ],
    }


def api_routes() -> set[tuple[str, str]]:
    """Every (method, path) the app routes under /api/v1, schema or not."""
    app = create_app("sqlite://")
    found = set()
    for context in iter_route_contexts(app.routes):
        path, methods = context.path, context.methods
        if path and path.startswith(API) and methods and path != f"{API}/openapi.json":
            found |= {(method, path.removeprefix(API)) for method in methods - {"HEAD"}}
    app.state.db.close()
    return found


# The world, built once per backend for the module -----------------------------------------


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def matrix(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, World, int]]:
    from argon2 import PasswordHasher

    from kehoach.services import passwords
    from tests.conftest import POSTGRES_URL_VAR

    hasher = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    url, cleanup = _database(request.param, tmp_path_factory, POSTGRES_URL_VAR)
    try:
        db = services.open_database(url)
        world = build_world(db)
        extra, _ = services.create_token(db, "để thu hồi", username="lanhdao")
        extra_id = max(t.token_id for t in services.list_tokens(db, username="lanhdao"))
        assert extra
        with TestClient(create_app(url)) as client:
            yield client, world, extra_id
        db.close()
    finally:
        passwords._hasher = hasher
        cleanup()


def _database(kind: str, tmp: pytest.TempPathFactory, var: str) -> tuple[str, Callable[[], None]]:
    import os
    import uuid

    from sqlalchemy import create_engine, make_url

    if kind == "sqlite":
        return f"sqlite:///{tmp.mktemp('matrix') / 'matrix.db'}", lambda: None
    base = os.environ.get(var)
    if not base:
        if os.environ.get("KEHOACH_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL tests need {var}")
        pytest.skip(f"PostgreSQL tests need {var} (scripts/with-postgres sets it)")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()

    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), drop


# The tests -------------------------------------------------------------------------------------


def test_every_api_route_is_in_the_matrix(matrix: tuple[TestClient, World, int]) -> None:
    _, world, extra = matrix
    assert api_routes() == set(cases(world, extra))


def _call(client: TestClient, world: World, username: str, method: str, path: str, case: Case) -> Any:
    headers = world.bearer(username)
    kwargs: dict[str, Any] = {"params": case.params}
    if case.json is not None:
        kwargs["content"] = json.dumps(case.json)
        headers["Content-Type"] = "application/json"
    if case.content is not None:
        kwargs["content"] = case.content
        headers["Content-Type"] = "application/json"
    if case.files is not None:
        kwargs["files"] = case.files
        kwargs["data"] = case.data
    return client.request(method, API + path.format(**case.path), headers=headers, **kwargs)


def test_every_route_allows_and_refuses_as_the_matrix_says(matrix: tuple[TestClient, World, int]) -> None:
    client, world, extra = matrix
    wrong = []
    tried = 0
    for (method, path), route_cases in sorted(cases(world, extra).items()):
        for case in route_cases:
            for username in ACCOUNTS:
                actor = world.actors[username]
                response = _call(client, world, username, method, path, case)
                tried += 1
                expected = case.rule(actor)
                status = response.status_code
                ok = status not in (401, 403) and status < 500 if expected else status == 403
                if not ok:
                    wrong.append(
                        f"{method} {path} {case.path} {case.params} as {username}: {status} {response.text[:160]}"
                    )
    assert wrong == [], "\n".join(wrong)
    assert tried >= 250


LEAK_CHECKS: dict[str, Callable[[Actor, dict[str, Any]], list[str]]] = {}


def _plans(actor: Actor, body: dict[str, Any]) -> list[str]:
    return [f"plan {p['plan_id']}" for p in body["items"] if not sees(p["unit_code"])(actor)]


def _units(actor: Actor, body: dict[str, Any]) -> list[str]:
    def fine(code: str) -> bool:
        home = actor.unit_code
        above = home is not None and TREE.is_within(home, code)
        return allowed(actor, Action.READ, code, TREE) or above

    return [u["code"] for u in body["items"] if not fine(u["code"])]


def _unit_items(actor: Actor, body: dict[str, Any]) -> list[str]:
    return [str(i) for i in body["items"] if not allowed(actor, Action.READ, i["unit_code"], TREE)]


def _audit(actor: Actor, body: dict[str, Any]) -> list[str]:
    leaks = []
    for item in body["items"]:
        unit = item["unit_code"]
        if (
            (unit is None and actor.unit_code is not None)
            or (unit is not None and not allowed(actor, Action.READ, unit, TREE))
            or (item["action"].startswith(("user.", "token.")) and not allowed(actor, Action.ADMINISTER, unit, TREE))
        ):
            leaks.append(str(item))
    return leaks


def test_no_list_answer_leaks_what_the_caller_may_not_read(matrix: tuple[TestClient, World, int]) -> None:
    client, world, _ = matrix
    # Figures everywhere first, so there is something to leak.
    for which, unit in SLOTS:
        services.record(world.db, plan_id(world, which), KEY_FOR[unit], unit, "2024-05", value=services_decimal(3))
    leaks = []
    for username, actor in world.actors.items():
        headers = world.bearer(username)
        leaks += _plans(actor, client.get(f"{API}/plans", headers=headers).json())
        leaks += _units(actor, client.get(f"{API}/units", headers=headers).json())
        leaks += _units(actor, client.get(f"{API}/units", params={"history": True}, headers=headers).json())
        leaks += _audit(actor, client.get(f"{API}/audit", params={"limit": 1000}, headers=headers).json())
        tokens = client.get(f"{API}/tokens", headers=headers).json()["items"]
        leaks += [str(t) for t in tokens if t["username"] != username]
        for which, plan_unit in PLAN_UNITS:
            if not sees(plan_unit)(actor):
                continue
            pid = plan_id(world, which)
            figures = client.get(f"{API}/plans/{pid}/figures", params={"period": "2024-05"}, headers=headers)
            leaks += _unit_items(actor, figures.json())
            form = client.get(f"{API}/plans/{pid}/entry-form", params={"period": "2024-05"}, headers=headers).json()
            leaks += [r["unit_code"] for r in form["rows"] if not allowed(actor, Action.READ, r["unit_code"], TREE)]
            status = client.get(f"{API}/plans/{pid}/status", params={"period": "2024-05"}, headers=headers).json()
            leaks += [] if allowed(actor, Action.READ, status["unit"], TREE) else [f"status of {status['unit']}"]
    assert leaks == []


def services_decimal(n: int) -> Any:
    from decimal import Decimal

    return Decimal(n)
