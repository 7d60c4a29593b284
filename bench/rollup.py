"""A synthetic province through the service layer: load a year of figures, evaluate every commune.

    .venv/bin/python bench/rollup.py [--communes 100] [--khom 10] [--months 12] [--period 2024-06]
                                     [--postgres URL] [--no-sqlite]

The province (tỉnh T99) has ``--communes`` communes (xã X001 …) of ``--khom`` khóm each, and
ONE provincial plan of 25 targets owned by the province: 10 counts (sum, cumulative), 10
shares (ratio of numerators and denominators, latest), 5 "units meeting their target"
(every khóm gives Đạt / Không đạt). Every khóm reports every target every month: with the
defaults 1,000 khóm × 25 targets × 12 months = 300,000 figures, loaded with one
``record_bulk`` call (one transaction, every figure checked). Then every target of every
commune is evaluated for one period (``evaluate_units``: the figures are read once into an
ObservationIndex, then 100 × 25 evaluations, each with its year-to-date roll-up, projection
and status): with nothing kept in the memo (services.caching), again with the data unchanged
(the kept evaluations), and after one more figure is recorded (read and evaluated again).

Runs on SQLite (a temporary file) and, when ``--postgres URL`` or KEHOACH_TEST_POSTGRES_URL is
given (scripts/with-postgres sets it), on PostgreSQL in a throwaway schema. Prints figures
only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, make_url

from kehoach.core import Comparator, Document, Indicator, OrgUnit, OverTime, OverUnits, Plan, Target, UnitLevel
from kehoach.core.entries import FigureEntry
from kehoach.core.planjson import plan_to_json
from kehoach.services import add_units, import_plan_json, open_database, record, record_bulk
from kehoach.services.evaluating import evaluate_units, load_figures
from kehoach.storage import Database

YEAR = 2024
PROVINCE = "T99"


def province(communes: int, khom: int) -> list[OrgUnit]:
    units = [OrgUnit(PROVINCE, "Tỉnh Mẫu", UnitLevel.TINH)]
    for c in range(1, communes + 1):
        code = f"X{c:03d}"
        units.append(OrgUnit(code, f"Xã {c}", UnitLevel.XA, PROVINCE))
        units.extend(OrgUnit(f"{code}-{k:02d}", f"Khóm {k}", UnitLevel.KHOM, code) for k in range(1, khom + 1))
    return units


def provincial_plan() -> Plan:
    indicators = []
    for n in range(1, 11):
        target = Target(
            f"Số lượng {n}",
            Comparator.AT_LEAST,
            Decimal(1000 * n),
            unit="người",
            over_units=OverUnits.SUM,
            over_time=OverTime.CUMULATIVE,
        )
        indicators.append(Indicator(n, "kinh tế", f"Số lượng {n}", targets=[target]))
    for n in range(11, 21):
        target = Target(
            f"Tỷ lệ {n}",
            Comparator.AT_LEAST,
            Decimal("85.5"),
            unit="%",
            over_units=OverUnits.RATIO,
            over_time=OverTime.LATEST,
        )
        indicators.append(Indicator(n, "văn hóa - xã hội", f"Tỷ lệ {n}", targets=[target]))
    for n in range(21, 26):
        target = Target(
            f"Khóm đạt chuẩn {n}",
            Comparator.AT_LEAST,
            Decimal(8),
            unit="khóm",
            over_units=OverUnits.UNITS_MEETING,
            over_time=OverTime.LATEST,
        )
        indicators.append(Indicator(n, "xây dựng chính quyền", f"Khóm đạt chuẩn {n}", targets=[target]))
    document = Document(number="99/NQ-HĐND", issuer="Hội đồng nhân dân tỉnh Mẫu", place="Tỉnh Mẫu", plan_year=YEAR)
    return Plan(document=document, indicators=indicators)


def figures(units: list[OrgUnit], months: int) -> list[FigureEntry]:
    """Every khóm, every target, every month: plausible and varied, all valid."""
    entries = []
    khom = [u.code for u in units if u.level is UnitLevel.KHOM]
    for i, code in enumerate(khom):
        for month in range(1, months + 1):
            period = f"{YEAR}-{month:02d}"
            seed = i * 31 + month * 7
            for n in range(1, 11):
                entries.append(FigureEntry(f"{n}.1", code, period, value=Decimal((seed + n) % 17)))
            for n in range(11, 21):
                den = 200 + (seed + n) % 50
                num = den - (seed * n) % 40
                entries.append(FigureEntry(f"{n}.1", code, period, numerator=Decimal(num), denominator=Decimal(den)))
            for n in range(21, 26):
                grade = "Đạt" if (seed + n) % 5 else "Không đạt"
                entries.append(FigureEntry(f"{n}.1", code, period, grade=grade))
    return entries


@contextmanager
def sqlite_database() -> Iterator[Database]:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            yield db
        finally:
            db.close()


@contextmanager
def postgres_database(url: str) -> Iterator[Database]:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
        db = open_database(scoped.render_as_string(hide_password=False))
        try:
            yield db
        finally:
            db.close()
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


def run(name: str, db: Database, args: argparse.Namespace) -> None:
    units = province(args.communes, args.khom)
    add_units(db, units)
    plan_id = import_plan_json(db, plan_to_json(provincial_plan()), unit_code=PROVINCE).plan_id
    started = time.perf_counter()
    entries = figures(units, args.months)
    built = time.perf_counter() - started

    started = time.perf_counter()
    result = record_bulk(db, plan_id, entries, who="bench", source="bench/rollup.py")
    load = time.perf_counter() - started

    communes = [u.code for u in units if u.level is UnitLevel.XA]
    print(f"{name}: {len(units):,} units, {result.created:,} figures ({built:.1f} s to build the entries)")
    print(
        f"  load (record_bulk, one transaction, every figure checked): {load:.1f} s "
        f"({result.created / load:,.0f} figures/s)"
    )
    cold: list[tuple[float, float, float]] = []
    for _ in range(args.repeat):
        db.memo.clear()  # nothing kept: what the first reader after a restart waits
        started = time.perf_counter()
        loaded = load_figures(db, plan_id, args.period)
        read = time.perf_counter() - started
        found = evaluate_units(db, plan_id, args.period, communes)
        cold.append((time.perf_counter() - started, read, time.perf_counter() - started - read))
    total, read, evaluate = min(cold)
    count = sum(len(e) for e in found.values())
    print(
        f"  evaluate {len(communes)} communes × 25 targets for {args.period}, nothing kept "
        f"({count:,} evaluations, {len(loaded.observations):,} figures read): {total:.2f} s "
        f"= read {read:.2f} s + evaluate {evaluate:.2f} s (best of {args.repeat})"
    )
    started = time.perf_counter()
    evaluate_units(db, plan_id, args.period, communes)
    warm = time.perf_counter() - started
    print(f"  the same again, data unchanged (kept for the data version): {warm * 1000:.1f} ms")
    khom = next(u.code for u in units if u.level is UnitLevel.KHOM)
    record(db, plan_id, "1.1", khom, args.period, value=Decimal(7), who="bench")
    started = time.perf_counter()
    evaluate_units(db, plan_id, args.period, communes)
    after = time.perf_counter() - started
    print(f"  the same after one figure was recorded (figures read and evaluated again): {after:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--khom", type=int, default=10)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--period", default=f"{YEAR}-06", help="the period evaluated (default: June)")
    parser.add_argument("--repeat", type=int, default=3, help="evaluation runs (the best is printed)")
    parser.add_argument("--postgres", default=os.environ.get("KEHOACH_TEST_POSTGRES_URL"))
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    if not args.no_sqlite:
        with sqlite_database() as db:
            run("SQLite", db, args)
    if args.postgres:
        with postgres_database(args.postgres) as db:
            run("PostgreSQL", db, args)
    elif args.no_sqlite:
        print("nothing to run: give --postgres URL or drop --no-sqlite")


if __name__ == "__main__":
    main()
