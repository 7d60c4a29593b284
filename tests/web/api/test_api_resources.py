"""Every API endpoint: what it answers, exact numbers in and out, scope, errors in Vietnamese."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from kehoach import services
from kehoach.storage.observations import ObservationRepository
from tests.services.conftest import at_once
from tests.web.api.conftest import KHOM_1, KHOM_2, KHOM_3, PROVINCE, WARD, WARD_2, World, plan_json

API = "/api/v1"


def exact(response) -> object:  # type: ignore[no-untyped-def]
    """The body with every number read as a Decimal, as a client that cares would."""
    return json.loads(response.text, parse_float=Decimal)


def put_figure(client: TestClient, world: World, who: str, body: dict[str, object], plan: int | None = None):  # type: ignore[no-untyped-def]
    return client.put(
        f"{API}/plans/{plan or world.plan_a}/figures",
        headers={**world.bearer(who), "Content-Type": "application/json"},
        content=json.dumps(body),
    )


# Who am I, tokens ----------------------------------------------------------------------


def test_me_names_the_account_of_the_token(client: TestClient, world: World) -> None:
    response = client.get(f"{API}/me", headers=world.bearer("truongkhom"))
    assert response.status_code == 200
    assert response.json() == {
        "username": "truongkhom",
        "full_name": "Truongkhom",
        "role": "truong_khom",
        "role_label": "Trưởng khóm",
        "unit_code": KHOM_1,
        "csrf_token": None,
    }


def test_without_credentials_the_api_answers_401_in_vietnamese(client: TestClient) -> None:
    response = client.get(f"{API}/plans")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"detail": "Cần đăng nhập để dùng chức năng này"}
    bad = client.get(f"{API}/plans", headers={"Authorization": "Bearer khk_khong-co-khoa-nay-dau-123456"})
    assert bad.status_code == 401
    assert "Khóa API không hợp lệ" in bad.json()["detail"]


def test_a_token_is_shown_once_listed_without_its_secret_and_revoked(client: TestClient, world: World) -> None:
    headers = world.bearer("canbo")
    created = client.post(f"{API}/tokens", headers=headers, json={"name": "đồng bộ"})
    assert created.status_code == 201
    secret = created.json()["token"]
    assert secret.startswith("khk_") and len(secret) > 40
    listed = client.get(f"{API}/tokens", headers=headers).json()["items"]
    assert {t["name"] for t in listed} == {"kiểm thử", "đồng bộ"}
    assert secret not in json.dumps(listed)
    assert all(secret.startswith(t["prefix"]) or t["name"] != "đồng bộ" for t in listed)
    assert client.get(f"{API}/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    revoked = client.delete(f"{API}/tokens/{created.json()['token_id']}", headers=headers)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    assert client.get(f"{API}/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_nobody_revokes_the_token_of_an_account_they_do_not_administer(client: TestClient, world: World) -> None:
    token_id = next(t.token_id for t in services.list_tokens(world.db, username="lanhdao"))
    refused = client.delete(f"{API}/tokens/{token_id}", headers=world.bearer("truongkhom"))
    assert refused.status_code == 403
    assert client.delete(f"{API}/tokens/{token_id}", headers=world.bearer("qt-phuong")).status_code == 200
    assert client.delete(f"{API}/tokens/999999", headers=world.bearer("quantri")).status_code == 404


# Units and periods ---------------------------------------------------------------------


def test_units_are_those_of_the_scope_and_above_it(client: TestClient, world: World) -> None:
    everyone = client.get(f"{API}/units", headers=world.bearer("quantri")).json()["items"]
    assert [u["code"] for u in everyone] == [PROVINCE, WARD, KHOM_1, KHOM_2, WARD_2, KHOM_3]
    khom_head = client.get(f"{API}/units", headers=world.bearer("truongkhom")).json()["items"]
    assert [u["code"] for u in khom_head] == [PROVINCE, WARD, KHOM_1]
    assert khom_head[2] == {
        "code": KHOM_1,
        "name": "Khóm 1",
        "level": "khom",
        "level_label": khom_head[2]["level_label"],
        "parent_code": WARD,
        "valid_from": None,
        "valid_to": None,
    }
    tree = client.get(f"{API}/units/tree", headers=world.bearer("canbo")).json()
    ward = tree["roots"][0]["children"][0]
    assert tree["roots"][0]["code"] == PROVINCE and len(tree["roots"][0]["children"]) == 1
    assert [k["code"] for k in ward["children"]] == [KHOM_1, KHOM_2]


def test_periods_carry_nd09_dates_and_vietnamese_labels(client: TestClient, world: World) -> None:
    body = client.get(f"{API}/periods", params={"year": 2024}, headers=world.bearer("daibieu")).json()
    periods = {p["code"]: p for p in body["items"]}
    assert body["cutoff_rule"] == "nd09"
    assert len(periods) == 12 + 4 + 4
    assert periods["2024-01"] == {
        "code": "2024-01",
        "kind": "month",
        "label": "Tháng 1 năm 2024",
        "start": "2023-12-15",
        "end": "2024-01-14",
    }
    assert periods["2024-H1"]["label"] == "6 tháng đầu năm 2024"
    assert (periods["2024"]["start"], periods["2024"]["end"]) == ("2023-12-15", "2024-12-14")
    calendar = client.get(f"{API}/periods", params={"year": 2024, "cutoff": "calendar"}, headers=world.bearer("canbo"))
    assert {p["code"]: p["end"] for p in calendar.json()["items"]}["2024-02"] == "2024-02-29"
    assert client.get(f"{API}/periods", params={"year": 99}, headers=world.bearer("canbo")).status_code == 422


# Plans -----------------------------------------------------------------------------------


def test_plans_listed_are_those_the_caller_may_see(client: TestClient, world: World) -> None:
    ids = {
        who: [p["plan_id"] for p in client.get(f"{API}/plans", headers=world.bearer(who)).json()["items"]]
        for who in ("quantri", "daibieu-tinh", "canbo", "truongkhom")
    }
    assert ids == {
        "quantri": [world.plan_a, world.plan_b],
        "daibieu-tinh": [world.plan_a, world.plan_b],
        "canbo": [world.plan_a],
        "truongkhom": [world.plan_a],  # the ward's plan is visible from a khóm under it
    }


def test_a_plan_is_served_as_kehoach_plan_1(client: TestClient, world: World) -> None:
    response = client.get(f"{API}/plans/{world.plan_a}", headers=world.bearer("truongkhom"))
    assert response.status_code == 200
    assert response.text == services.export_plan_json(world.db, world.plan_a)
    assert response.json()["schema"] == "kehoach.plan/1"
    assert client.get(f"{API}/plans/{world.plan_b}", headers=world.bearer("truongkhom")).status_code == 403
    missing = client.get(f"{API}/plans/9999", headers=world.bearer("quantri"))
    assert missing.status_code == 404 and missing.json() == {"detail": "không có kế hoạch số 9999"}


def test_importing_a_plan_body_keeps_decimals_exact(client: TestClient, world: World) -> None:
    data = json.loads(plan_json("80/NQ-HĐND", "Phường 1"))
    data["indicators"][0]["targets"][0].update({"value": "VALUE_A"})
    data["indicators"][1]["targets"][0].update({"value": "VALUE_B"})
    body = json.dumps(data, ensure_ascii=False).replace('"VALUE_A"', "1246.695").replace('"VALUE_B"', "97.5")
    headers = {**world.bearer("canbo"), "Content-Type": "application/json"}
    created = client.post(f"{API}/plans", params={"unit": WARD}, headers=headers, content=body.encode())
    assert created.status_code == 201, created.text
    assert created.json()["created"] is True and created.json()["unit_code"] == WARD
    plan_id = created.json()["plan_id"]
    served = client.get(f"{API}/plans/{plan_id}", headers=world.bearer("canbo"))
    assert '"value": 1246.695' in served.text and '"value": 97.5' in served.text
    targets = exact(client.get(f"{API}/plans/{plan_id}/targets", headers=world.bearer("canbo")))
    assert [t["value"] for t in targets["items"][1:3]] == [Decimal("1246.695"), Decimal("97.5")]  # type: ignore[index]
    again = client.post(f"{API}/plans", params={"unit": WARD}, headers=headers, content=body.encode())
    assert again.status_code == 200 and again.json() == {**created.json(), "created": False}


def test_importing_needs_plan_rights_at_the_unit_and_a_valid_plan(client: TestClient, world: World) -> None:
    body = plan_json("81/NQ-HĐND", "Phường 2").encode()
    headers = {**world.bearer("canbo"), "Content-Type": "application/json"}
    refused = client.post(f"{API}/plans", params={"unit": WARD_2}, headers=headers, content=body)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Tài khoản canbo (Cán bộ phường) không có quyền quản lý kế hoạch")
    unit_less = client.post(f"{API}/plans", headers=headers, content=body)  # would make up a new unit
    assert unit_less.status_code == 403
    broken = client.post(f"{API}/plans", params={"unit": WARD}, headers=headers, content=b'{"schema": "khac"}')
    assert broken.status_code == 422 and "schema" in broken.json()["detail"]
    assert services.list_plans(world.db) and len(services.list_plans(world.db)) == 2


def test_uploading_a_json_plan_file_imports_it(client: TestClient, world: World) -> None:
    files = {"file": ("ke-hoach.json", plan_json("82/NQ-HĐND", "Phường 1").encode(), "application/json")}
    response = client.post(f"{API}/plans/upload", headers=world.bearer("canbo"), files=files, data={"unit": WARD})
    assert response.status_code == 201, response.text
    assert response.json()["source_name"] == "ke-hoach.json"
    broken = client.post(
        f"{API}/plans/upload", headers=world.bearer("canbo"), files={"file": ("x.docx", b"not a zip", "x")}
    )
    assert broken.status_code == 422 and "DOCX" in broken.json()["detail"]


def test_plan_settings_are_read_and_changed_with_plan_rights(client: TestClient, world: World) -> None:
    url = f"{API}/plans/{world.plan_a}/settings"
    assert client.get(url, headers=world.bearer("daibieu")).json() == {
        "plan_id": world.plan_a,
        "unit_code": WARD,
        "unit_name": "Phường 1",
        "cutoff_rule": "nd09",
        "cutoff_label": "Chốt số liệu ngày 14 (Nghị định 09/2019/NĐ-CP)",
    }
    assert client.patch(url, headers=world.bearer("daibieu"), json={"cutoff_rule": "calendar"}).status_code == 403
    changed = client.patch(url, headers=world.bearer("canbo"), json={"cutoff_rule": "calendar"})
    assert changed.status_code == 200 and changed.json()["cutoff_rule"] == "calendar"
    events = [e for e in services.audit_log(world.db, actor=world.actors["quantri"]) if e.action == "plan.settings"]
    assert [(e.who, e.old["cutoff_rule"], e.new["cutoff_rule"]) for e in events] == [("canbo", "nd09", "calendar")]


# Targets ---------------------------------------------------------------------------------


def test_targets_are_listed_and_their_rules_changed(client: TestClient, world: World) -> None:
    url = f"{API}/plans/{world.plan_a}/targets"
    items = exact(client.get(url, headers=world.bearer("truongkhom")))["items"]  # type: ignore[index]
    bhyt = next(t for t in items if t["key"] == "4.1")
    assert (bhyt["comparator"], bhyt["value"], bhyt["unit"], bhyt["over_units"]) == (
        ">=",
        Decimal("97.5"),
        "%",
        "ratio",
    )
    assert (
        client.patch(f"{url}/5.2", headers=world.bearer("truongkhom"), json={"over_time": "latest"}).status_code == 403
    )
    changed = client.patch(f"{url}/5.2", headers=world.bearer("canbo"), json={"over_time": "latest"})
    assert changed.status_code == 200 and changed.json()["over_time"] == "latest"
    assert client.patch(f"{url}/99.9", headers=world.bearer("canbo"), json={"over_time": "latest"}).status_code == 404
    bad = client.patch(f"{url}/5.2", headers=world.bearer("canbo"), json={"over_time": "moi-ngay"})
    assert bad.status_code == 422


# Figures ---------------------------------------------------------------------------------


def test_figures_round_trip_exactly(client: TestClient, world: World) -> None:
    first = put_figure(
        client,
        world,
        "canbo",
        {"target_key": "4.1", "unit_code": KHOM_1, "period": "2024-01", "value": 97.5, "replaces": None},
    )
    assert first.status_code == 200, first.text
    assert first.json()["result"] == "created"
    second = put_figure(
        client,
        world,
        "canbo",
        {"target_key": "1.1", "unit_code": WARD, "period": "2024-01", "value": 1246.695, "replaces": None},
    )
    assert second.status_code == 200
    listed = client.get(
        f"{API}/plans/{world.plan_a}/figures", params={"period": "2024-01"}, headers=world.bearer("canbo")
    )
    assert '"value": 97.5' in listed.text and '"value": 1246.695' in listed.text
    values = {(f["target_key"], f["unit_code"]): (f["seq"], f["value"]) for f in exact(listed)["items"]}  # type: ignore[index]
    assert values == {("1.1", WARD): (1, Decimal("1246.695")), ("4.1", KHOM_1): (1, Decimal("97.5"))}
    stored = services.history(world.db, world.plan_a, "1.1", WARD, "2024-01")[-1].new
    assert stored is not None and stored.value == Decimal("1246.695")
    assert stored.value.as_tuple() == Decimal("1246.695").as_tuple()


def test_a_stale_write_is_refused_with_409_and_the_current_figure(client: TestClient, world: World) -> None:
    slot = {"target_key": "5.2", "unit_code": KHOM_1, "period": "2024-02"}
    assert put_figure(client, world, "truongkhom", {**slot, "value": 12, "replaces": None}).json()["figure"]["seq"] == 1
    # Two people opened the figure at revision 1; the first saves 13, the second 14.
    assert put_figure(client, world, "canbo", {**slot, "value": 13, "replaces": 1}).json()["result"] == "changed"
    stale = put_figure(client, world, "truongkhom", {**slot, "value": 14, "replaces": 1})
    assert stale.status_code == 409
    body = stale.json()
    assert "đã được thay đổi trong lúc bạn sửa" in body["detail"]
    assert body["current"] == {
        "seq": 2,
        "value": 13,
        "numerator": None,
        "denominator": None,
        "grade": None,
        "rank": None,
        "note": None,
    }
    # A new slot claimed by two writers: the second "new" write is stale too.
    assert (
        put_figure(client, world, "truongkhom", {**slot, "period": "2024-03", "value": 1, "replaces": None}).status_code
        == 200
    )
    assert (
        put_figure(client, world, "canbo", {**slot, "period": "2024-03", "value": 2, "replaces": None}).status_code
        == 409
    )
    # Saving again exactly what is stored loses nothing: no conflict, nothing written.
    same = put_figure(client, world, "truongkhom", {**slot, "value": 13, "replaces": 1})
    assert same.status_code == 200 and same.json()["result"] == "unchanged"
    assert [r.new.value for r in services.history(world.db, world.plan_a, "5.2", KHOM_1, "2024-02") if r.new] == [
        12,
        13,
    ]


def test_replaces_is_required(client: TestClient, world: World) -> None:
    missing = put_figure(
        client, world, "canbo", {"target_key": "5.2", "unit_code": KHOM_1, "period": "2024-01", "value": 3}
    )
    assert missing.status_code == 422
    assert missing.json()["detail"].startswith("Dữ liệu gửi lên không hợp lệ")
    assert ["body", "replaces"] in [e["loc"] for e in missing.json()["errors"]]


def test_a_figure_is_cleared_and_its_history_read(client: TestClient, world: World) -> None:
    slot = {"target_key": "3.1", "unit_code": KHOM_2, "period": "2024-04"}
    put_figure(client, world, "canbo", {**slot, "numerator": 2, "denominator": 1000, "replaces": None, "note": "sổ"})
    url = f"{API}/plans/{world.plan_a}/figures/clear"
    assert client.post(url, headers=world.bearer("canbo"), json={**slot, "replaces": 2}).status_code == 409
    cleared = client.post(url, headers=world.bearer("canbo"), json={**slot, "replaces": 1, "reason": "nhầm khóm"})
    assert cleared.status_code == 200 and cleared.json()["result"] == "cleared"
    assert cleared.json()["figure"]["seq"] == 2 and cleared.json()["figure"]["numerator"] is None
    history = client.get(
        f"{API}/plans/{world.plan_a}/figures/history",
        params={"key": "3.1", "unit": KHOM_2, "period": "2024-04"},
        headers=world.bearer("daibieu"),
    ).json()
    assert [(r["seq"], r["kind"], r["who"], r["reason"]) for r in history["revisions"]] == [
        (1, "created", "canbo", ""),
        (2, "cleared", "canbo", "nhầm khóm"),
    ]
    assert history["revisions"][0]["new"]["numerator"] == 2 and history["revisions"][0]["new"]["note"] == "sổ"
    assert history["revisions"][1]["old"]["denominator"] == 1000 and history["revisions"][1]["new"] is None
    assert history["state"] == "draft" and history["locked_because"] is None


def test_two_saves_of_one_figure_at_the_same_moment(
    client: TestClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both saw the slot empty and save at once: one is stored, the other is told it is stale."""
    slot = {"target_key": "5.2", "unit_code": KHOM_1, "period": "2024-04", "replaces": None}

    def saving(who: str, value: int) -> Callable[[], object]:
        return lambda: put_figure(client, world, who, {**slot, "value": value})

    answers = at_once(monkeypatch, ObservationRepository, saving("truongkhom", 5), saving("canbo", 6))

    assert sorted(a.status_code for a in answers) == [200, 409], answers  # type: ignore[attr-defined]
    stored, stale = sorted(answers, key=lambda a: a.status_code)  # type: ignore[attr-defined]
    assert "đã được thay đổi trong lúc bạn sửa" in stale.json()["detail"]
    assert stale.json()["current"]["seq"] == 1
    assert stale.json()["current"]["value"] == stored.json()["figure"]["value"]
    assert len(services.history(world.db, world.plan_a, "5.2", KHOM_1, "2024-04")) == 1


def test_a_khom_head_reads_and_writes_only_their_khom(client: TestClient, world: World) -> None:
    put_figure(
        client,
        world,
        "canbo",
        {"target_key": "5.2", "unit_code": KHOM_2, "period": "2024-01", "value": 4, "replaces": None},
    )
    put_figure(
        client,
        world,
        "truongkhom",
        {"target_key": "5.2", "unit_code": KHOM_1, "period": "2024-01", "value": 5, "replaces": None},
    )
    mine = client.get(
        f"{API}/plans/{world.plan_a}/figures", params={"period": "2024-01"}, headers=world.bearer("truongkhom")
    )
    assert [(f["unit_code"], f["value"]) for f in mine.json()["items"]] == [(KHOM_1, 5)]
    other = client.get(
        f"{API}/plans/{world.plan_a}/figures",
        params={"period": "2024-01", "unit": KHOM_2},
        headers=world.bearer("truongkhom"),
    )
    assert other.status_code == 403
    refused = put_figure(
        client,
        world,
        "truongkhom",
        {"target_key": "5.2", "unit_code": KHOM_2, "period": "2024-01", "value": 9, "replaces": 1},
    )
    assert refused.status_code == 403
    assert (
        refused.json()["detail"]
        == "Tài khoản truongkhom (Trưởng khóm) không có quyền nhập số liệu tại Khóm 2 (99001-02)"
    )
    ward = client.get(
        f"{API}/plans/{world.plan_a}/figures", params={"period": "2024-01"}, headers=world.bearer("daibieu")
    )
    assert [f["unit_code"] for f in ward.json()["items"]] == [KHOM_1, KHOM_2]


# Status and entry form -------------------------------------------------------------------


def test_status_is_the_kehoach_status_json(client: TestClient, world: World) -> None:
    for unit, num, den in ((KHOM_1, 451, 460), (KHOM_2, 300, 310)):
        put_figure(
            client,
            world,
            "canbo",
            {
                "target_key": "4.1",
                "unit_code": unit,
                "period": "2024-06",
                "numerator": num,
                "denominator": den,
                "replaces": None,
            },
        )
    response = client.get(
        f"{API}/plans/{world.plan_a}/status", params={"period": "2024-06"}, headers=world.bearer("daibieu")
    )
    assert response.status_code == 200
    expected = services.status_to_dict(services.plan_status(world.db, world.plan_a, "2024-06"))
    assert exact(response) == json.loads(services_dumps(expected), parse_float=Decimal)
    bhyt = next(t for t in exact(response)["targets"] if t["key"] == "4.1")  # type: ignore[index]
    assert (bhyt["numerator"], bhyt["denominator"], bhyt["actual"]) == (751, 770, Decimal("97.532468"))
    assert bhyt["coverage"] == {"reported": 2, "expected": 2}
    khom = client.get(
        f"{API}/plans/{world.plan_a}/status", params={"period": "2024-06"}, headers=world.bearer("truongkhom")
    )
    assert khom.json()["unit"] == KHOM_1  # the ward's plan, read at the khóm
    assert (
        client.get(
            f"{API}/plans/{world.plan_a}/status",
            params={"period": "2024-06", "unit": WARD},
            headers=world.bearer("truongkhom"),
        ).status_code
        == 403
    )
    bad = client.get(
        f"{API}/plans/{world.plan_a}/status", params={"period": "2024-13"}, headers=world.bearer("daibieu")
    )
    assert bad.status_code == 422


def services_dumps(data: dict[str, object]) -> str:
    from kehoach.core.planjson import dumps

    return dumps(data)


def test_the_entry_form_lists_the_rows_of_the_scope(client: TestClient, world: World) -> None:
    put_figure(
        client,
        world,
        "canbo",
        {"target_key": "5.2", "unit_code": KHOM_1, "period": "2024-05", "value": 7, "replaces": None},
    )
    ward = client.get(
        f"{API}/plans/{world.plan_a}/entry-form", params={"period": "2024-05"}, headers=world.bearer("canbo")
    )
    assert ward.status_code == 200
    units = {row["unit_code"] for row in ward.json()["rows"]}
    assert units == {WARD, KHOM_1, KHOM_2}
    khom = client.get(
        f"{API}/plans/{world.plan_a}/entry-form", params={"period": "2024-05"}, headers=world.bearer("truongkhom")
    )
    rows = khom.json()["rows"]
    assert {row["unit_code"] for row in rows} == {KHOM_1}
    row = next(r for r in rows if r["target_key"] == "5.2")
    assert (row["kind"], row["current"]["value"], row["locked"]) == ("value", 7, False)
    assert next(r for r in rows if r["target_key"] == "4.1")["kind"] == "ratio"


# Approvals -------------------------------------------------------------------------------


def test_submit_approve_lock_and_reopen(client: TestClient, world: World) -> None:
    base = f"{API}/plans/{world.plan_a}/approvals"
    slot = {"unit_code": KHOM_1, "period": "2024-06"}
    put_figure(client, world, "truongkhom", {"target_key": "5.2", **slot, "value": 20, "replaces": None})
    assert client.post(f"{base}/approve", headers=world.bearer("lanhdao"), json=slot).status_code == 422  # a draft
    submitted = client.post(f"{base}/submit", headers=world.bearer("truongkhom"), json=slot)
    assert submitted.status_code == 200 and submitted.json()["state"] == "submitted"
    assert client.post(f"{base}/approve", headers=world.bearer("truongkhom"), json=slot).status_code == 403
    approved = client.post(f"{base}/approve", headers=world.bearer("lanhdao"), json=slot)
    assert approved.json()["state"] == "approved" and approved.json()["state_label"]
    locked = put_figure(client, world, "truongkhom", {"target_key": "5.2", **slot, "value": 21, "replaces": 1})
    assert locked.status_code == 422 and "đã khóa sổ" in locked.json()["detail"]
    assert client.post(f"{base}/reopen", headers=world.bearer("lanhdao"), json=slot).status_code == 422  # no reason
    reopened = client.post(f"{base}/reopen", headers=world.bearer("lanhdao"), json={**slot, "reason": "sai số"})
    assert reopened.json()["state"] == "reopened"
    state = client.get(base, params={"unit": KHOM_1, "period": "2024-06"}, headers=world.bearer("daibieu")).json()
    assert [(h["state"], h["who"], h["reason"]) for h in state["history"]] == [
        ("submitted", "truongkhom", ""),
        ("approved", "lanhdao", ""),
        ("reopened", "lanhdao", "sai số"),
    ]


# Audit -----------------------------------------------------------------------------------


def test_the_audit_log_is_scoped_and_filtered(client: TestClient, world: World) -> None:
    put_figure(
        client,
        world,
        "canbo",
        {"target_key": "5.2", "unit_code": KHOM_2, "period": "2024-01", "value": 4, "replaces": None},
    )
    put_figure(
        client,
        world,
        "canbo",
        {"target_key": "5.2", "unit_code": KHOM_2, "period": "2024-01", "value": 6, "replaces": 1},
    )
    put_figure(
        client,
        world,
        "quantri",
        {"target_key": "5.2", "unit_code": KHOM_3, "period": "2024-01", "value": 1, "replaces": None},
        plan=world.plan_b,
    )
    client.post(
        f"{API}/plans/{world.plan_a}/approvals/submit",
        headers=world.bearer("canbo"),
        json={"unit_code": KHOM_2, "period": "2024-01"},
    )
    ward = client.get(f"{API}/audit", params={"unit": KHOM_2}, headers=world.bearer("daibieu")).json()["items"]
    assert [(e["kind"], e["label"], e["who"]) for e in ward] == [
        ("approval", "Nộp số liệu", "canbo"),
        ("figure", "Ghi số liệu", "canbo"),
        ("figure", "Ghi số liệu", "canbo"),
    ]
    assert (ward[1]["old"]["value"], ward[1]["new"]["value"]) == (4, 6)
    mine = client.get(f"{API}/audit", headers=world.bearer("daibieu")).json()["items"]
    assert KHOM_3 not in {e["unit_code"] for e in mine}
    assert not any(e["action"].startswith("user.") for e in mine)  # accounts: administrators only
    province = client.get(f"{API}/audit", params={"period": "2024-01"}, headers=world.bearer("daibieu-tinh")).json()[
        "items"
    ]
    assert {e["unit_code"] for e in province} == {KHOM_2, KHOM_3}
    by_user = client.get(f"{API}/audit", params={"user": "quantri"}, headers=world.bearer("quantri")).json()["items"]
    assert {e["who"] for e in by_user} == {"quantri"}
    assert client.get(f"{API}/audit", params={"unit": WARD_2}, headers=world.bearer("daibieu")).status_code == 403
    admin = client.get(f"{API}/audit", headers=world.bearer("qt-phuong")).json()["items"]
    assert "tài khoản canbo" in {e["object"] for e in admin if e["action"] == "user.create"}


# Errors ----------------------------------------------------------------------------------


def test_unknown_paths_and_methods_answer_in_vietnamese(client: TestClient, world: World) -> None:
    assert client.get(f"{API}/khong-co", headers=world.bearer("canbo")).json() == {
        "detail": "Không tìm thấy trang hoặc tài nguyên này"
    }
    wrong = client.delete(f"{API}/plans", headers=world.bearer("canbo"))
    assert wrong.status_code == 405 and "Phương thức" in wrong.json()["detail"]
    nul = client.get(f"{API}/plans/1/status", params={"period": "2024\x00"}, headers=world.bearer("canbo"))
    assert nul.status_code == 400


def test_the_openapi_document_describes_every_route(client: TestClient) -> None:
    schema = client.get(f"{API}/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert f"{API}/plans/{{plan_id}}/figures" in schema["paths"]
    number = schema["components"]["schemas"]["FigureWrite"]["properties"]["value"]
    assert {"type": "number"} in number["anyOf"]
    assert client.get("/docs").status_code == 404  # no page pulling scripts from a CDN
