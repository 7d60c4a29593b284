"""One report per commune of a province's plan (``kehoach report --all-units``), in parallel.

The figures are read once and every commune evaluated in this process (the observation index
is shared; sending it to workers would cost more than the evaluations). The DOCX files are
written by worker processes, and for PDF the LibreOffice conversions run several at a time,
each converting a chunk of files per call (LibreOffice's start-up is most of the cost of one
file), each with its own user profile (reports.pdf). ``progress(done, total, name)`` is
called as files are finished.

Which units: the communes (level xã: xã, phường, đặc khu, thị trấn) under the plan's unit
when it is above that level (a province, or a district before 2025), else the units right
under it (the khóm of a ward), keeping those in the actor's scope.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor
from kehoach.core.unitlevels import UnitLevel
from kehoach.reports.annexxlsx import write_annex_xlsx
from kehoach.reports.documentdocx import write_docx
from kehoach.reports.reportbuilder import ReportInput, build_report
from kehoach.services.context import PlanContext
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError
from kehoach.services.evaluating import load_figures, plan_totals
from kehoach.services.files import describe_os_error
from kehoach.services.permissions import check, in_scope
from kehoach.services.reporting import ReportFormat, convert, parse_format, report_input, report_name
from kehoach.storage import Database

Progress = Callable[[int, int, str], None]
MAX_CHUNK = 20  # files per LibreOffice call, at most


@dataclass(frozen=True)
class BatchResult:
    folder: Path
    files: tuple[Path, ...]
    seconds: float


def batch_units(ctx: PlanContext, day: date, actor: Actor) -> list[str]:
    top = ctx.tree.get(ctx.unit_code, day)
    if top.level.is_above(UnitLevel.XA):
        units = [u for u in ctx.tree.descendants(ctx.unit_code, day) if u.level is UnitLevel.XA]
    else:
        units = list(ctx.tree.children(ctx.unit_code, day))
    return [u.code for u in units if in_scope(actor, u.code, ctx.tree, day)]


def _write_one(data: ReportInput, path: Path, fmt: str) -> Path:
    """In a worker process: the report (or its annex) of one unit."""
    model = build_report(data)
    if fmt == ReportFormat.XLSX.value:
        assert model.annex is not None
        write_annex_xlsx(model.annex, path, model.author)
    else:
        write_docx(model, path)
    return path


def _workers(requested: int | None) -> int:
    return max(1, requested or min(os.cpu_count() or 1, 4))


def _prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(describe_os_error(folder, exc)) from exc
    if not folder.is_dir():
        raise InputError(f"{folder}: không phải thư mục")


def write_batch(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    fmt: ReportFormat | str,
    folder: Path,
    *,
    actor: Actor = LOCAL_OPERATOR,
    workers: int | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """Write one report per commune (see the module docstring) into ``folder``."""
    started = time.perf_counter()
    chosen = parse_format(fmt)
    loaded = load_figures(db, plan_ref, period_code, actor)
    ctx, period = loaded.ctx, loaded.period
    day = ctx.day(ctx.unit_code, period)
    codes = batch_units(ctx, day, actor)
    if not codes:
        raise InputError(f"kế hoạch số {ctx.plan_id} không có đơn vị trực thuộc nào để lập báo cáo")
    for code in codes:
        check(actor, Action.READ, code, ctx.tree, ctx.day(code, period))
    _prepare_folder(folder)
    index = loaded.figures
    totals = plan_totals(ctx, index, period)
    with unit_of_work(db) as tx:
        inputs = [report_input(tx, ctx, index, period, code, actor=actor, totals=totals) for code in codes]
    names = [report_name(code, period, chosen) for code in codes]
    files = _run(inputs, names, chosen, folder, _workers(workers), progress)
    return BatchResult(folder, tuple(files), time.perf_counter() - started)


def _run(
    inputs: Sequence[ReportInput],
    names: Sequence[str],
    fmt: ReportFormat,
    folder: Path,
    workers: int,
    progress: Progress | None,
) -> list[Path]:
    total = len(inputs)
    done = 0

    def tick(name: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, name)

    if fmt is not ReportFormat.PDF:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            jobs = [pool.submit(_write_one, d, folder / n, fmt.value) for d, n in zip(inputs, names, strict=True)]
            for job in as_completed(jobs):
                tick(job.result().name)
        return [folder / n for n in names]
    with tempfile.TemporaryDirectory(prefix="kehoach-batch-") as scratch:
        sources = [Path(scratch) / n.replace(".pdf", ".docx") for n in names]
        with ProcessPoolExecutor(max_workers=workers) as pool, ThreadPoolExecutor(max_workers=workers) as converters:
            written = [pool.submit(_write_one, d, s, "docx") for d, s in zip(inputs, sources, strict=True)]
            conversions: list[Future[list[Path]]] = []
            ready: list[Path] = []
            chunk = max(1, min(MAX_CHUNK, math.ceil(total / (workers * 3))))
            for job in as_completed(written):
                ready.append(job.result())
                if len(ready) >= chunk:
                    conversions.append(converters.submit(convert, ready, folder))
                    ready = []
            if ready:
                conversions.append(converters.submit(convert, ready, folder))
            for conversion in as_completed(conversions):
                for pdf in conversion.result():
                    tick(pdf.name)
    return [folder / n for n in names]
