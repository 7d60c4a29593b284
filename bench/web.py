"""The web pages under load: p50/p95 of the plan dashboard and of saving a figure, with 20
users at once, against the demo served on 127.0.0.1 by ``kehoach serve`` in a subprocess.

    .venv/bin/python bench/web.py [--users 20] [--requests 400] [--think 1.0] [--workers N]

A temporary KEHOACH_HOME gets the demo database (Phường 1, five khóm, January–June 2024) and a
cán bộ phường account; the server is started and one session signed in. Each of the
``--users`` clients then sends its share of ``--requests`` one after the other, in three runs:
GET /ke-hoach/1?ky=2024-06&don_vi=99001 (the ward's dashboard: every target evaluated for the
ward and its five khóm); POST /ke-hoach/1/nhap saving one figure (each user its own cell, a
count target of a khóm for July 2024; each save changes the value, so each writes a revision);
and a mixed run where each user saves and opens the dashboard in turn (every save moves the
data version, so the dashboard is computed again far more often: services.caching).

The three runs are made twice: with no pause between a user's requests (``--users`` requests
always in flight: the server's capacity, where latency is mostly waiting in line), then with
each user pausing ``--think`` seconds ± 50% after each request, as a person reading a page or
typing the next figure does. Loopback only, bounded in count and time; the server is stopped
at the end (``--workers`` as for ``kehoach serve``). Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from kehoach import services
from kehoach.core.accounts import Role
from kehoach.services import users
from kehoach.services.demo import build_demo

HOST = "127.0.0.1"
USERNAME, PASSWORD = "bench-canbo", "mat-khau-do-tai-web"
DASHBOARD = "/ke-hoach/1?ky=2024-06&don_vi=99001"
TIME_LIMIT = 300.0  # seconds for the whole run, whatever the arguments


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def prepare(home: Path) -> None:
    os.environ["KEHOACH_HOME"] = str(home)
    os.environ.pop("KEHOACH_DATABASE_URL", None)
    with services.open_database() as db:
        build_demo(db)
        users.create_user(db, USERNAME, PASSWORD, role=Role.WARD_OFFICER, unit_code="99001", full_name="Đo tải")


def start_server(home: Path, port: int, workers: int | None) -> subprocess.Popen[bytes]:
    kehoach = Path(sys.executable).with_name("kehoach")
    env = {**os.environ, "KEHOACH_HOME": str(home)}
    command = [str(kehoach), "serve", "--host", HOST, "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/dang-nhap", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


async def sign_in(client: httpx.AsyncClient) -> str:
    page = await client.get("/dang-nhap")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    answer = await client.post(
        "/dang-nhap", data={"username": USERNAME, "password": PASSWORD, "csrf_token": token.group(1), "next": "/"}
    )
    assert answer.status_code == 303, answer.text
    found = re.search(r'name="csrf_token" value="([^"]+)"', (await client.get("/ke-hoach")).text)
    assert found is not None
    return found.group(1)


SLOTS = [(key, f"99001-0{k}") for key in ("5.1", "5.2", "5.3", "9.1") for k in range(1, 6)]  # 20 count targets × khóm


def save_form(csrf: str, user: int, n: int) -> dict[str, str]:
    """User ``user`` saves its own cell (two officers do not type into the same cell at once)."""
    key, unit = SLOTS[user % len(SLOTS)]
    rid = f"{key}|{unit}"
    return {
        "csrf_token": csrf,
        "ky": "2024-07",
        "don_vi": unit,
        "dong": rid,
        f"loai:{rid}": "value",
        f"gt:{rid}": str(10 + n % 37),
        "hanh_dong": "luu",
    }


async def measure(
    client: httpx.AsyncClient,
    users_: int,
    total: int,
    send: object,
    expected: int,
    kinds: dict[str, list[float]],
    think: float,
) -> list[float]:
    timings: list[float] = []
    started = time.monotonic()
    pauses = random.Random(7)

    async def user(index: int) -> None:
        for n in range(index, total, users_):
            if time.monotonic() - started > TIME_LIMIT:
                return
            t0 = time.perf_counter()
            answer = await send(index, n)  # type: ignore[operator]
            spent = (time.perf_counter() - t0) * 1000
            timings.append(spent)
            kinds.setdefault(answer.request.method, []).append(spent)
            if answer.status_code != (expected if expected else (200 if answer.request.method == "GET" else 303)):
                alert = re.search(r'role="alert">([^<]*)<', answer.text)
                said = alert.group(1) if alert else answer.text[:200]
                raise SystemExit(f"unexpected answer {answer.status_code}: {said}")
            if think:  # the user reads the page or types the next figure
                await asyncio.sleep(pauses.uniform(0.5 * think, 1.5 * think))

    await asyncio.gather(*(user(i) for i in range(users_)))
    return timings


def report(name: str, timings: list[float], elapsed: float) -> None:
    ordered = sorted(timings)
    p50 = statistics.median(ordered)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(
        f"{name:<12} requests={len(ordered):>4}  p50={p50:7.1f} ms  p95={p95:7.1f} ms  "
        f"max={ordered[-1]:7.1f} ms  throughput={len(ordered) / elapsed:6.1f}/s"
    )


async def run(port: int, users_: int, total: int, think: float) -> None:
    limits = httpx.Limits(max_connections=users_, max_keepalive_connections=users_)
    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", limits=limits, timeout=60) as client:
        csrf = await sign_in(client)
        for n in range(10):  # warm-up: templates compiled, connections open
            await client.get(DASHBOARD)
            await client.post("/ke-hoach/1/nhap", data=save_form(csrf, n, n))

        async def dashboard(_: int, __: int) -> httpx.Response:
            return await client.get(DASHBOARD)

        async def save(user: int, n: int) -> httpx.Response:
            return await client.post("/ke-hoach/1/nhap", data=save_form(csrf, user, n + 1000))

        async def mixed(user: int, n: int) -> httpx.Response:
            return await (save(user, n + 2000) if n % 2 else dashboard(user, n))

        for name, send, expected in (("dashboard", dashboard, 200), ("save figure", save, 303)):
            t0 = time.monotonic()
            timings = await measure(client, users_, total, send, expected, {}, think)
            report(name, timings, time.monotonic() - t0)
        kinds: dict[str, list[float]] = {}
        t0 = time.monotonic()
        await measure(client, users_, total, mixed, 0, kinds, think)
        elapsed = time.monotonic() - t0
        report("mixed: dash", kinds.get("GET", [0.0]), elapsed)
        report("mixed: save", kinds.get("POST", [0.0]), elapsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--think", type=float, default=1.0, help="seconds a user pauses after a request (mean)")
    parser.add_argument("--workers", type=int, default=0, help="server processes (default: kehoach serve's)")
    args = parser.parse_args()
    users_ = max(1, min(args.users, 200))
    total = max(users_, min(args.requests, 5000))
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-web-") as folder:
        home = Path(folder)
        prepare(home)
        port = args.port or free_port()
        server = start_server(home, port, args.workers or None)
        try:
            workers = args.workers or "default"
            print(f"kehoach web bench: {users_} users at once, {total} requests, {HOST}:{port}, workers={workers}")
            for think in (0.0, args.think):
                what = "no pause between requests (saturation)" if not think else f"pause {think:g} s ± 50% after each"
                print(f"-- {what}")
                asyncio.run(run(port, users_, total, think))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
