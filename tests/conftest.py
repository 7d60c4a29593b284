"""Shared fixtures: an isolated home per test, and a database on each backend.

``db`` and ``database_url`` run every test on SQLite (a file in a temp dir) and on
PostgreSQL when ``KEHOACH_TEST_POSTGRES_URL`` is set (each test in its own schema,
dropped afterwards). ``scripts/with-postgres`` starts a throwaway server and sets it.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url

from kehoach.core import (
    ChangeBasis,
    Comparator,
    Direction,
    Document,
    Indicator,
    IndicatorGroup,
    OverTime,
    OverUnits,
    ParseWarning,
    Plan,
    Solution,
    Target,
    Task,
)
from kehoach.core.planjson import plan_from_json
from kehoach.parsing import ReadError
from kehoach.parsing.readers import read_bytes
from kehoach.storage import Database, open_database

POSTGRES_URL_VAR = "KEHOACH_TEST_POSTGRES_URL"
TESTS = Path(__file__).parent
SEED_PLAN_JSON = TESTS / "services" / "data" / "nq-74-2023-phuong-1.plan.json"
SEED_TEXT = TESTS.parent / "src" / "kehoach" / "data" / "nq-74-2023-phuong-1.txt"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the user's data dir or a configured database."""
    home = tmp_path / "kehoach-home"
    monkeypatch.setenv("KEHOACH_HOME", str(home))
    monkeypatch.delenv("KEHOACH_DATABASE_URL", raising=False)
    return home


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = os.environ.get(POSTGRES_URL_VAR)
    if not base:
        reason = f"PostgreSQL tests need {POSTGRES_URL_VAR} (scripts/with-postgres sets it)"
        if os.environ.get("KEHOACH_REQUIRE_POSTGRES"):
            pytest.fail(reason)
        pytest.skip(reason)
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def use_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point KEHOACH_DATABASE_URL (what the CLI opens) at the test database."""
    monkeypatch.setenv("KEHOACH_DATABASE_URL", database_url)
    return database_url


def _txt_reader_ready() -> bool:
    try:
        read_bytes("Nghị quyết".encode(), "probe.txt")
    except ReadError:
        return False
    return True


@pytest.fixture
def txt_reader() -> None:
    """Skip while the .txt reader (parsing/readers) is still a stub."""
    if not _txt_reader_ready():
        pytest.skip("the .txt reader in kehoach.parsing.readers is not implemented yet")


@pytest.fixture
def seed_plan_json() -> Path:
    """A kehoach.plan/1 file for the seed resolution, written by hand (not parser output)."""
    return SEED_PLAN_JSON


@pytest.fixture
def seed_plan() -> Plan:
    return plan_from_json(SEED_PLAN_JSON.read_text(encoding="utf-8"))


@pytest.fixture
def seed_text_path() -> Path:
    return SEED_TEXT


@pytest.fixture
def edge_plan() -> Plan:
    """A plan exercising every field and comparator, with decimals floats would get wrong."""
    return Plan(
        document=Document(
            number="12/NQ-HĐND",
            type="Nghị quyết",
            issuer="Hội đồng nhân dân xã Mẫu",
            place="xã Mẫu",
            date=dt.date(2024, 12, 20),
            subject="Về kế hoạch phát triển kinh tế - xã hội năm 2025",
            plan_year=2025,
            term="XII",
            session=9,
            legal_bases=["Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"],
            references=["88/TTr-UBND", "89/BC-UBND"],
            signer="Nguyễn Văn A",
        ),
        tasks=[
            Task(
                code="1.1",
                text="Cải cách hành chính nằm trong top 03 trên 15 xã, phường.",
                targets=[
                    Target(
                        "Cải cách hành chính",
                        Comparator.RANK_TOP,
                        Decimal(3),
                        total=Decimal(15),
                        direction=Direction.LOWER,
                        text="top 03 trên 15 xã, phường",
                        span=(30, 56),
                    )
                ],
                span=(0, 57),
            ),
            Task(code="(1.2)", text="Chỉnh trang đô thị."),
        ],
        indicators=[
            Indicator(
                number=1,
                group=IndicatorGroup.ECONOMY,
                code="2.1",
                text="Thu ngân sách 1.246,695 tỷ đồng; tăng 0,1 + 0,2 điểm",
                targets=[
                    Target("Thu ngân sách", Comparator.EQUAL, Decimal("1246.695"), unit="tỷ đồng", span=(5, 40)),
                    Target(
                        "Tỷ trọng dịch vụ",
                        Comparator.INCREASE_BY,
                        Decimal("0.1") + Decimal("0.2"),
                        unit="%",
                        basis=ChangeBasis.POINTS,
                    ),
                    Target(
                        "Tăng trưởng",
                        Comparator.RANGE,
                        Decimal("6.5"),
                        value_max=Decimal("7.00"),
                        unit="%",
                        text="6,5-7%",
                    ),
                ],
                span=(0, 60),
            ),
            Indicator(
                number=2,
                group=IndicatorGroup.CULTURE_SOCIETY,
                text="Bảo hiểm y tế 97,5%; hộ nghèo giảm 0,05%; tiêu chí 12-13/18",
                targets=[
                    Target("Bảo hiểm y tế", Comparator.AT_LEAST, Decimal("97.5"), unit="%", over_units=OverUnits.RATIO),
                    Target(
                        "Tỷ lệ hộ nghèo",
                        Comparator.REDUCE_BY,
                        Decimal("0.05"),
                        unit="%",
                        direction=Direction.LOWER,
                        basis=ChangeBasis.RELATIVE,
                        over_units=OverUnits.RATIO,
                    ),
                    Target("Tiêu chí", Comparator.RANGE, Decimal(12), value_max=Decimal(13), total=Decimal(18)),
                    Target(
                        "Lao động có việc làm",
                        Comparator.MORE_THAN,
                        Decimal("123456789012345678901234567890.123456789"),
                        unit="lao động",
                        over_units=OverUnits.SUM,
                        over_time=OverTime.CUMULATIVE,
                    ),
                    Target("Suy dinh dưỡng", Comparator.LESS_THAN, Decimal(12), unit="%", direction=Direction.LOWER),
                    Target("Hộ nghèo", Comparator.AT_MOST, Decimal("0.2"), unit="%", direction=Direction.LOWER),
                ],
            ),
            Indicator(
                number=3,
                group=IndicatorGroup.GOVERNMENT,
                text="Chính quyền xếp loại tốt",
                targets=[Target("Xây dựng chính quyền", Comparator.QUALITATIVE, grade="Tốt", text="xếp loại tốt")],
            ),
            Indicator(number=4, group=IndicatorGroup.DEFENCE_SECURITY, text="Giữ vững an ninh chính trị"),
        ],
        solutions=[
            Solution("Về kinh tế", ["Tăng thu ngân sách.", "Hỗ trợ doanh nghiệp [nhỏ] và vừa."]),
            Solution("Về quốc phòng - an ninh"),
        ],
        warnings=[
            ParseWarning("Câu này có vẻ là chỉ tiêu nhưng không đọc được", (70, 90), "target"),
            ParseWarning("Không rõ năm kế hoạch"),
        ],
    )
