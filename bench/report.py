"""Time to write reports: one ward (the demo's Phường 1, 2024-H1) as DOCX and PDF, and a batch
of one report per commune of a synthetic province (bench/rollup.py's: --communes communes of
--khom khóm, 25 targets, figures for every month up to the period).

    .venv/bin/python bench/report.py [--communes 100] [--khom 10] [--months 6] [--repeat 3]
                                     [--workers N] [--no-pdf]

Runs on SQLite in a temporary folder. The single-report times are the whole service call
(read, evaluate, build, write; for PDF the LibreOffice conversion too), best of --repeat after
one warm-up call whose time (imports, LibreOffice profile) is printed apart. Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rollup import PROVINCE, figures, province, provincial_plan

from kehoach.core.planjson import plan_to_json
from kehoach.reports.pdf import pdf_available
from kehoach.services import add_units, import_plan_json, open_database, record_bulk
from kehoach.services.demo import DEMO_PERIOD, build_demo
from kehoach.services.reporting import write_report
from kehoach.services.reportingbatch import write_batch


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(first call, best of ``repeat`` further calls) in seconds."""
    started = time.perf_counter()
    action()
    first = time.perf_counter() - started
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return first, best


def ward(folder: Path, args: argparse.Namespace) -> None:
    db = open_database(f"sqlite:///{folder / 'demo.db'}")
    try:
        build_demo(db)
        formats = ["docx", "xlsx"] + (["pdf"] if args.pdf else [])
        for fmt in formats:
            first, best = timed(lambda f=fmt: write_report(db, 1, DEMO_PERIOD, f, folder / f"ward.{f}"), args.repeat)
            size = (folder / f"ward.{fmt}").stat().st_size
            timing = f"{best:.2f} s (best of {args.repeat}; first call {first:.2f} s)"
            print(f"one ward report, {fmt.upper()}: {timing}, {size:,} bytes")
    finally:
        db.close()


def batch(folder: Path, args: argparse.Namespace) -> None:
    db = open_database(f"sqlite:///{folder / 'province.db'}")
    try:
        units = province(args.communes, args.khom)
        add_units(db, units)
        plan_id = import_plan_json(db, plan_to_json(provincial_plan()), unit_code=PROVINCE).plan_id
        loaded = record_bulk(db, plan_id, figures(units, args.months), who="bench", source="bench/report.py")
        period = f"2024-{args.months:02d}"
        print(f"province: {args.communes} communes × {args.khom} khóm, {loaded.created:,} figures, period {period}")
        workers = args.workers or min(os.cpu_count() or 1, 4)
        formats = ["docx"] + (["pdf"] if args.pdf else [])
        for fmt in formats:
            result = write_batch(db, plan_id, period, fmt, folder / f"batch-{fmt}", workers=workers)
            print(
                f"batch of {len(result.files)} commune reports, {fmt.upper()}: {result.seconds:.1f} s "
                f"({result.seconds / len(result.files):.2f} s a report, {workers} workers, {os.cpu_count()} CPUs)"
            )
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--khom", type=int, default=10)
    parser.add_argument("--months", type=int, default=6, help="months of figures; the period is months 1..N")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--no-pdf", dest="pdf", action="store_false")
    args = parser.parse_args()
    if args.pdf and not pdf_available():
        print("LibreOffice not found: PDF timings skipped")
        args.pdf = False
    with tempfile.TemporaryDirectory() as folder:
        ward(Path(folder), args)
        batch(Path(folder), args)


if __name__ == "__main__":
    main()
