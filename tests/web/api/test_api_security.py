"""Signing in and out, session cookies, CSRF, login throttling, secrets stored only hashed."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from kehoach import services
from kehoach.services import authentication
from kehoach.web.app import create_app
from kehoach.web.security import LOGIN_CSRF_COOKIE, SESSION_COOKIE
from tests.web.api.conftest import PASSWORD, World

API = "/api/v1"


def login_form(client: TestClient, username: str, password: str = PASSWORD, next_path: str = "/ke-hoach"):  # type: ignore[no-untyped-def]
    """Open the login page (it hands out the form's CSRF cookie), then post the form."""
    page = client.get("/dang-nhap")
    assert page.status_code == 200
    token = client.cookies.get(LOGIN_CSRF_COOKIE)
    assert token
    form = {"username": username, "password": password, "csrf_token": token, "next": next_path}
    return client.post("/dang-nhap", data=form, follow_redirects=False)


def set_cookie_header(response, name: str) -> str:  # type: ignore[no-untyped-def]
    found = [v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith(f"{name}=")]
    assert len(found) == 1, response.headers
    return found[0]


def test_signing_in_sets_an_httponly_samesite_session_cookie(client: TestClient, world: World) -> None:
    login_cookie = set_cookie_header(client.get("/dang-nhap"), LOGIN_CSRF_COOKIE).lower()
    assert "httponly" in login_cookie and "samesite=lax" in login_cookie
    response = login_form(client, "canbo")
    assert response.status_code == 303
    assert response.headers["location"] == "/ke-hoach"
    cookie = set_cookie_header(response, SESSION_COOKIE).lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie
    assert "secure" not in cookie  # plain http on 127.0.0.1
    me = client.get(f"{API}/me").json()
    assert me["username"] == "canbo" and me["csrf_token"]


def test_the_cookie_is_secure_when_served_over_https(database_url: str, world: World) -> None:
    with TestClient(create_app(database_url, https=True), base_url="https://kehoach.test") as client:
        page = client.get("/dang-nhap")
        assert "secure" in set_cookie_header(page, LOGIN_CSRF_COOKIE).lower()
        response = login_form(client, "canbo")
        cookie = set_cookie_header(response, SESSION_COOKIE).lower()
        assert "secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie


def test_state_changes_of_a_session_need_its_csrf_token(client: TestClient, world: World) -> None:
    login_form(client, "canbo")
    body = {"target_key": "5.2", "unit_code": "99001-01", "period": "2024-01", "value": 3, "replaces": None}
    url = f"{API}/plans/{world.plan_a}/figures"
    refused = client.put(url, json=body)
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert client.put(url, json=body, headers={"X-CSRF-Token": "khong-dung"}).status_code == 403
    token = client.get(f"{API}/me").json()["csrf_token"]
    assert client.put(url, json=body, headers={"X-CSRF-Token": token}).status_code == 200
    # A form field does as well as the header (the pages post forms).
    form = client.post(f"{API}/tokens", data={"csrf_token": token, "name": "x"})
    assert form.status_code != 403
    assert client.post(f"{API}/tokens", data={"name": "x"}).status_code == 403
    # Reading needs no token.
    assert client.get(url, params={"period": "2024-01"}).status_code == 200


def test_bearer_requests_need_no_csrf_token_and_ignore_cookies(client: TestClient, world: World) -> None:
    login_form(client, "canbo")  # a session cookie of another account is present
    body = {"target_key": "5.2", "unit_code": "99001-01", "period": "2024-01", "value": 3, "replaces": None}
    response = client.put(f"{API}/plans/{world.plan_a}/figures", json=body, headers=world.bearer("truongkhom"))
    assert response.status_code == 200
    assert services.history(world.db, world.plan_a, "5.2", "99001-01", "2024-01")[-1].who == "truongkhom"


def test_signing_out_needs_the_token_and_ends_the_session(client: TestClient, world: World) -> None:
    login_form(client, "lanhdao")
    assert client.post("/dang-xuat", follow_redirects=False).status_code == 403
    token = client.get(f"{API}/me").json()["csrf_token"]
    out = client.post("/dang-xuat", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/dang-nhap?tb=da-dang-xuat"
    assert (
        'kehoach_phien=""' in set_cookie_header(out, SESSION_COOKIE)
        or "max-age=0" in set_cookie_header(out, SESSION_COOKIE).lower()
    )
    assert client.get(f"{API}/me").status_code == 401


def test_a_stolen_cookie_stops_working_after_sign_out(client: TestClient, world: World) -> None:
    login_form(client, "lanhdao")
    stolen = client.cookies.get(SESSION_COOKIE)
    token = client.get(f"{API}/me").json()["csrf_token"]
    client.post("/dang-xuat", data={"csrf_token": token}, follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, stolen)
    assert client.get(f"{API}/me").status_code == 401


def test_a_wrong_login_never_says_whether_the_account_exists(client: TestClient, world: World) -> None:
    services.deactivate(world.db, "daibieu")
    answers = {
        who: login_form(client, who, password)
        for who, password in (("canbo", "sai-mat-khau"), ("khong-ai-ca", PASSWORD), ("daibieu", PASSWORD))
    }
    for response in answers.values():
        assert response.status_code == 401
        assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.text
        assert SESSION_COOKIE not in response.headers.get("set-cookie", "")
    assert 'value="canbo"' in answers["canbo"].text  # the form comes back filled in


def test_the_login_form_needs_its_csrf_token(client: TestClient, world: World) -> None:
    client.get("/dang-nhap")
    response = client.post(
        "/dang-nhap", data={"username": "canbo", "password": PASSWORD, "csrf_token": "gia"}, follow_redirects=False
    )
    assert response.status_code == 403
    assert client.get(f"{API}/me").status_code == 401


@pytest.mark.parametrize("target", ["//ke-xau.vn/x", "https://ke-xau.vn", "/\\ke-xau.vn", "javascript:alert(1)"])
def test_login_never_redirects_to_another_site(client: TestClient, world: World, target: str) -> None:
    response = login_form(client, "canbo", next_path=target)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_login_is_throttled_after_five_failures(
    client: TestClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(5):
        assert login_form(client, "canbo", "sai-mat-khau").status_code == 401
    throttled = login_form(client, "canbo")  # even the right password is not heard now
    assert throttled.status_code == 429
    assert "thử lại sau" in throttled.text
    assert 1 <= int(throttled.headers["retry-after"]) <= 15 * 60
    assert login_form(client, "lanhdao").status_code == 303  # another account is not locked
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16)
    monkeypatch.setattr(authentication, "_now", lambda: later)
    assert login_form(client, "canbo").status_code == 303


def test_secrets_are_stored_only_hashed(database_url: str, client: TestClient, world: World) -> None:
    login_form(client, "canbo")
    session_token = client.cookies.get(SESSION_COOKIE)
    api_token = world.tokens["canbo"]
    engine = create_engine(database_url)
    with engine.connect() as connection:
        users = connection.execute(text("SELECT username, password_hash FROM users")).all()
        sessions = connection.execute(text("SELECT token_hash, csrf_secret FROM sessions")).all()
        tokens = connection.execute(text("SELECT token_hash, prefix FROM api_tokens")).all()
        dump = repr([users, sessions, tokens])
    engine.dispose()
    assert all(h.startswith("$argon2id$") for _, h in users)
    assert PASSWORD not in dump and session_token not in dump and api_token not in dump
    assert hashlib.sha256(session_token.encode()).hexdigest() in {h for h, _ in sessions}
    assert hashlib.sha256(api_token.encode()).hexdigest() in {h for h, _ in tokens}
    assert api_token[:12] in {p for _, p in tokens}


def test_responses_carry_protective_headers(client: TestClient, world: World) -> None:
    response = client.get(f"{API}/me", headers=world.bearer("canbo"))
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"
