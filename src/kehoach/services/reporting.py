"""The implementation report of a plan for a unit and period, as DOCX, PDF or XLSX (annex).

    report_model(db, plan, period, unit_code=None, *, number=None, issued=None, actor) -> ReportModel
    render(model, fmt) -> bytes
    write_report(db, plan, period, fmt, output=None, unit_code=None, …) -> ReportFile

What goes in (reports.reportbuilder.ReportInput): every target evaluated for the unit
(services.evaluating, the same figures as ``kehoach status``), last year's figure of the same
period (cùng kỳ) and the baselines of reductions and increases, the sub-units side by side
for the chart, the officers' text (services.narratives) and the settings in force
(services.reportingsettings). Reading needs ``Action.READ`` at the unit.

The PDF is the DOCX converted by LibreOffice (reports.pdf); without LibreOffice it is a
:class:`PdfUnavailable` error saying how to install it.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from kehoach.core.accounts import LOCAL_OPERATOR, Actor
from kehoach.core.observations import Figure
from kehoach.core.periods import Period
from kehoach.core.rollup import rollup
from kehoach.core.series import ObservationIndex
from kehoach.core.unitlevels import UnitError
from kehoach.reports.annexxlsx import write_annex_xlsx
from kehoach.reports.documentdocx import docx_bytes, write_docx
from kehoach.reports.facts import TargetFacts
from kehoach.reports.model import ReportModel
from kehoach.reports.pdf import PdfError, convert_to_pdf
from kehoach.reports.reportbuilder import ReportInput, build_report
from kehoach.services.context import PlanContext
from kehoach.services.database import unit_of_work
from kehoach.services.errors import InputError, KehoachError
from kehoach.services.evaluating import baseline, evaluate_unit, load_figures, plan_totals, read_scope
from kehoach.services.files import describe_os_error
from kehoach.services.permissions import in_scope
from kehoach.services.reportingsettings import settings_view
from kehoach.storage import Database, Transaction


class ReportFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    XLSX = "xlsx"

    @property
    def label(self) -> str:
        return {"docx": "Word", "pdf": "PDF", "xlsx": "Excel, riêng phụ lục"}[self.value]


class PdfUnavailable(KehoachError):
    """LibreOffice is missing or failed: the PDF cannot be made (the DOCX can)."""


def parse_format(text: str | ReportFormat) -> ReportFormat:
    try:
        return ReportFormat(str(text).strip().lower().lstrip("."))
    except ValueError:
        raise InputError(f"định dạng '{text}' không có; chọn docx, pdf hoặc xlsx") from None


def same_period_last_year(period: Period) -> Period:
    return Period(period.kind, period.year - 1, period.index)


def previous_figures(ctx: PlanContext, index: ObservationIndex, period: Period, unit_code: str) -> dict[str, Figure]:
    """Each target's figure for the same period of last year (cùng kỳ), where recorded."""
    before = same_period_last_year(period)
    found: dict[str, Figure] = {}
    for key, ref in ctx.targets.items():
        try:
            result = rollup(ref, unit_code, before, index, ctx.tree, rule=ctx.rule)
        except UnitError:  # the unit did not exist last year
            continue
        if result.has_data:
            found[key] = result.figure
    return found


def unit_facts(
    ctx: PlanContext,
    index: ObservationIndex,
    period: Period,
    unit_code: str,
    totals: Mapping[str, Figure] | None = None,
) -> tuple[TargetFacts, ...]:
    evaluations = evaluate_unit(ctx, index, period, unit_code, totals)
    previous = previous_figures(ctx, index, period, unit_code)
    return tuple(
        TargetFacts(
            evaluation,
            previous.get(evaluation.key),
            baseline(ctx.targets[evaluation.key], unit_code, period, index, ctx),
        )
        for evaluation in evaluations
    )


def report_input(
    tx: Transaction,
    ctx: PlanContext,
    index: ObservationIndex,
    period: Period,
    unit_code: str,
    *,
    actor: Actor = LOCAL_OPERATOR,
    number: str | None = None,
    issued: date | None = None,
    sub_units: bool = True,
    totals: Mapping[str, Figure] | None = None,
) -> ReportInput:
    """What a report of ``unit_code`` is made from (the unit already checked for the actor).
    ``totals``: services.evaluating.plan_totals, when a caller making many reports has it."""
    if totals is None:
        totals = plan_totals(ctx, index, period)  # once, not once per unit evaluated below
    day = ctx.day(unit_code, period)
    unit = ctx.tree.get(unit_code, day)
    children = []
    if sub_units:
        for child in ctx.tree.children(unit_code, day):
            if in_scope(actor, child.code, ctx.tree, day):
                children.append((child, tuple(evaluate_unit(ctx, index, period, child.code, totals))))
    return ReportInput(
        plan=ctx.plan,
        unit=unit,
        period=period,
        facts=unit_facts(ctx, index, period, unit_code, totals),
        settings=settings_view(tx, ctx, unit).effective,
        narratives=tx.narratives.current(ctx.plan_id, unit_code, period.code),
        sub_units=tuple(children),
        number=number,
        issued=issued,
    )


def gather(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_code: str | None = None,
    *,
    number: str | None = None,
    issued: date | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> ReportInput:
    """Everything a report of the plan for ``unit_code`` (default: the plan's unit) is made from."""
    loaded = load_figures(db, plan_ref, period_code, actor)
    ctx, period = loaded.ctx, loaded.period
    code = read_scope(ctx, period, unit_code, actor)
    with unit_of_work(db) as tx:
        return report_input(tx, ctx, loaded.figures, period, code, actor=actor, number=number, issued=issued)


def report_model(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_code: str | None = None,
    *,
    number: str | None = None,
    issued: date | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> ReportModel:
    """The report's view model (what every format prints)."""
    return build_report(gather(db, plan_ref, period_code, unit_code, number=number, issued=issued, actor=actor))


def pdf_bytes(model: ReportModel, name: str = "bao-cao") -> bytes:
    with tempfile.TemporaryDirectory(prefix="kehoach-report-") as folder:
        source = Path(folder) / f"{name}.docx"
        write_docx(model, source)
        return convert([source], Path(folder) / "pdf")[0].read_bytes()


def convert(sources: list[Path], out_dir: Path) -> list[Path]:
    """DOCX files to PDF (LibreOffice), with our error."""
    try:
        return convert_to_pdf(sources, out_dir)
    except PdfError as exc:
        raise PdfUnavailable(str(exc)) from exc


def xlsx_bytes(model: ReportModel) -> bytes:
    if model.annex is None:
        raise InputError("văn bản này không có phụ lục để xuất Excel")
    buffer = io.BytesIO()
    write_annex_xlsx(model.annex, buffer, model.author)
    return buffer.getvalue()


def render(model: ReportModel, fmt: ReportFormat | str, name: str = "bao-cao") -> bytes:
    chosen = parse_format(fmt)
    if chosen is ReportFormat.DOCX:
        return docx_bytes(model)
    if chosen is ReportFormat.PDF:
        return pdf_bytes(model, name)
    return xlsx_bytes(model)


def report_name(unit_code: str, period: Period | str, fmt: ReportFormat) -> str:
    """ "bao-cao-99001-2024-H1.docx" (the XLSX is the annex: "phu-luc-…")."""
    code = period.code if isinstance(period, Period) else period
    stem = "phu-luc" if fmt is ReportFormat.XLSX else "bao-cao"
    return f"{stem}-{unit_code}-{code}.{fmt.value}"


@dataclass(frozen=True)
class ReportFile:
    path: Path
    model: ReportModel
    size: int


def write_bytes(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise InputError(describe_os_error(path, exc)) from exc


def write_report(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    fmt: ReportFormat | str,
    output: Path | None = None,
    unit_code: str | None = None,
    *,
    number: str | None = None,
    issued: date | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> ReportFile:
    """Write the report (or the annex as XLSX) to ``output`` (default: its standard name in
    the current folder)."""
    chosen = parse_format(fmt)
    data = gather(db, plan_ref, period_code, unit_code, number=number, issued=issued, actor=actor)
    model = build_report(data)
    path = output if output is not None else Path(report_name(data.unit.code, data.period, chosen))
    content = render(model, chosen, path.stem)
    write_bytes(path, content)
    return ReportFile(path, model, len(content))
