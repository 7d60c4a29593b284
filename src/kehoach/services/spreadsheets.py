"""The spreadsheet round trip: write the entry form officers fill, load it back.

``make_template`` writes the entry form of a plan and period (services.entryform) as XLSX or
CSV (reports). ``load_file`` reads a filled file (parsing.figuresheet) and records its
figures in one transaction (services.recording): any problem anywhere, in a cell or against
the plan (unknown key or unit, locked period, numerator above denominator, a share above
100% …), refuses the whole file with every problem listed by sheet, row and column, and
the database unchanged.

Decisions:

- Cell problems and plan problems are collected in one pass: the entries are checked and
  written inside one transaction, which is rolled back when the file had any problem, so
  the officer sees every error of the file at once.
- A figure equal to what is stored (the same value, numerator, denominator, grade, rank;
  an empty note keeps the stored one) is left out before checking: re-loading a file
  changes nothing, and rows of an approved period that nobody touched are not refused.
- The plan comes from the file (the hidden sheet of the template, or the "Mã kế hoạch"
  line of a CSV) unless the caller names one.
- Problems the plan check reports for a row are placed in the column they are about, read
  from the message (key, unit, period, value, numerator, denominator, grade, rank); one
  that fits no column keeps the row's location.
- The ``actor`` must see the plan, and may write only rows of units where they may enter
  figures (``Action.ENTER``): every row's unit is checked, a row already equal to what is
  stored too, and a refused row is a problem in its unit column (a trưởng khóm's file with
  a row of another khóm is refused as a whole). The template holds only the actor's rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kehoach.core.accounts import LOCAL_OPERATOR, Action, Actor, refusal
from kehoach.core.entries import EntryForm, FigureEntry, Problem
from kehoach.core.entrysheet import Column, file_container, sheet_container
from kehoach.core.observations import Observation
from kehoach.core.periods import Period, PeriodError, parse_period
from kehoach.core.text import fold
from kehoach.parsing import ReadError
from kehoach.parsing.figuresheet import CSV_SUFFIXES, XLSX_SUFFIXES, FigureSheet, read_figure_file
from kehoach.reports import write_entry_form_csv, write_entry_form_xlsx
from kehoach.services.context import PlanContext, load_context
from kehoach.services.database import write_work
from kehoach.services.entrycheck import canonical_grade
from kehoach.services.entryform import entry_form
from kehoach.services.errors import InputError, InputProblems
from kehoach.services.files import describe_os_error
from kehoach.services.permissions import check_plan_visible, permitted
from kehoach.services.recording import RecordResult, recorded_name, write_entries
from kehoach.storage import Database, Slot, SlotKey, Transaction


@dataclass(frozen=True)
class LoadResult:
    plan_id: int
    file_name: str
    read: int  # figures read from the file
    created: int  # slots that got their first figure
    changed: int  # slots whose figure changed
    unchanged: int  # figures equal to what was stored: nothing written

    @property
    def written(self) -> int:
        return self.created + self.changed


def make_template(
    db: Database,
    plan_ref: int | str,
    period_code: str,
    unit_code: str | None,
    path: Path | str,
    *,
    actor: Actor = LOCAL_OPERATOR,
) -> EntryForm:
    """Write the entry form of ``plan_ref`` for ``period_code`` (only ``unit_code``'s rows when
    given; only rows in the actor's scope) to ``path``: ``.xlsx`` for Excel, ``.csv`` otherwise."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InputError(f"{p.name}: biểu nhập ghi ra tệp .xlsx (Excel) hoặc .csv")
    form = entry_form(db, plan_ref, period_code, unit_code, actor=actor)
    try:
        if suffix == ".xlsx":
            write_entry_form_xlsx(form, p)
        else:
            write_entry_form_csv(form, p)
    except OSError as exc:
        raise InputError(describe_os_error(p, exc)) from exc
    return form


def read_sheet(path: Path | str) -> FigureSheet:
    """Read a filled entry sheet (no database); a file that cannot be read is an InputError."""
    p = Path(path)
    if p.suffix.lower() not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise InputError(f"{p.name}: chỉ nạp được tệp .xlsx hoặc .csv")
    try:
        return read_figure_file(p)
    except ReadError as exc:
        raise InputError(str(exc)) from exc


def load_file(
    db: Database,
    path: Path | str,
    *,
    who: str | None = None,
    plan_ref: int | str | None = None,
    actor: Actor = LOCAL_OPERATOR,
) -> LoadResult:
    """Record every figure of a filled entry sheet, or none (``InputProblems`` lists every
    problem; ``PermissionDenied`` when the plan is not visible to ``actor``). The revisions
    name :func:`recorded_name` (``who`` only for the local operator)."""
    name = recorded_name(actor, who)
    sheet = read_sheet(path)
    ref = plan_ref if plan_ref is not None else sheet.plan_ref
    if ref is None or not str(ref).strip():
        raise InputError(f"{sheet.name}: tệp không ghi mã kế hoạch; hãy chỉ rõ kế hoạch (tùy chọn --plan)")
    source = f"tệp {sheet.name}"

    def work(tx: Transaction) -> LoadResult:
        ctx = load_context(tx, ref)
        check_plan_visible(actor, ctx.unit_code, ctx.tree)
        refused = _refused_rows(ctx, sheet, actor)
        slots = tx.observations.slots(ctx.plan_id, _period_codes(sheet.entries))
        fresh = [e for i, e in enumerate(sheet.entries) if i not in refused and not _unchanged(e, slots)]
        result: RecordResult | None = None
        plan_problems: list[Problem] = []
        try:
            result = write_entries(tx, ctx, fresh, who=name, source=source, actor=actor)
        except InputProblems as exc:
            plan_problems = exc.problems
        problems = _merge(sheet, plan_problems, list(refused.values()))
        if problems:  # raised inside the transaction: whatever was written is rolled back
            raise InputProblems(problems, what=f"Tệp {sheet.name}")
        assert result is not None
        return LoadResult(
            plan_id=ctx.plan_id,
            file_name=sheet.name,
            read=len(sheet.entries),
            created=result.created,
            changed=result.changed,
            unchanged=len(sheet.entries) - len(fresh) + result.unchanged,
        )

    return write_work(db, work)


def _refused_rows(ctx: PlanContext, sheet: FigureSheet, actor: Actor) -> dict[int, Problem]:
    """The entries whose unit the actor may not enter figures for, by index: a problem in the
    row's unit column each. A unit not in the tree, or a period that cannot be read, is left
    to the plan check (it refuses the row anyway); the unit tree of the period's day decides."""
    refused: dict[int, Problem] = {}
    for index, entry in enumerate(sheet.entries):
        code = entry.unit_code.strip()
        if entry.is_empty or code not in ctx.tree:
            continue
        period = ctx.period_or_problem(entry.period_code.strip())
        day = ctx.day(code, period) if isinstance(period, Period) else None
        if not permitted(actor, Action.ENTER, code, ctx.tree, day):
            message = refusal(actor, Action.ENTER, ctx.unit_label(code))
            refused[index] = Problem(message, sheet.location(entry, Column.UNIT_CODE))
    return refused


def _period_codes(entries: list[FigureEntry]) -> set[str]:
    codes = set()
    for entry in entries:
        try:
            codes.add(parse_period(entry.period_code).code)
        except PeriodError:
            continue  # reported by the check
    return codes


def _unchanged(entry: FigureEntry, slots: dict[SlotKey, Slot]) -> bool:
    """The entry records exactly the stored figure (an empty note keeps the stored note)."""
    try:
        period = parse_period(entry.period_code).code
    except PeriodError:
        return False
    slot = slots.get((entry.target_key.strip(), entry.unit_code.strip(), period, entry.estimate))
    current: Observation | None = slot.current if slot is not None else None
    if current is None:
        return False
    return (
        entry.value == current.value
        and entry.numerator == current.numerator
        and entry.denominator == current.denominator
        and canonical_grade(entry.grade) == current.grade
        and entry.rank == current.rank
        and (entry.note is None or entry.note == current.note)
    )


# Placing plan problems in their column ----------------------------------------------------

# (words in the folded message, the column), first match wins; the order matters: a rank
# message speaks of "đơn vị xếp hạng", a lock message of "kỳ" and "đơn vị".
_COLUMN_WORDS: tuple[tuple[str, Column], ...] = (
    ("chỉ tiêu mã", Column.KEY),
    ("đã được duyệt", Column.PERIOD),
    ("thứ hạng", Column.RANK),
    ("mức đánh giá", Column.GRADE),
    ("không khớp với tử số", Column.VALUE),
    ("thiếu mẫu số", Column.DENOMINATOR),
    ("thiếu tử số", Column.NUMERATOR),
    ("mẫu số bằng 0", Column.DENOMINATOR),
    ("tử số", Column.NUMERATOR),
    ("mẫu số", Column.DENOMINATOR),
    ("tỷ lệ", Column.VALUE),
    ("giá trị", Column.VALUE),
    ("đơn vị", Column.UNIT_CODE),
    ("kỳ", Column.PERIOD),
)


def problem_column(message: str) -> Column | None:
    """The column a plan problem is about, read from its message."""
    folded = fold(message)
    for words, column in _COLUMN_WORDS:
        if words in folded:
            return column
    return None


def _placed(sheet: FigureSheet, problem: Problem, entries: dict[str, FigureEntry]) -> Problem:
    entry = entries.get(problem.location or "")
    if entry is None:
        return problem
    return Problem(problem.message, sheet.location(entry, problem_column(problem.message)))


_ROW = re.compile(r"dòng (\d+)(?:, cột ([A-Z]+))?")


def _order(problem: Problem, containers: list[str]) -> tuple[int, int, int]:
    """File order: container, row, column (problems without a row first)."""
    location = problem.location or ""
    container = next((i for i, name in enumerate(containers) if location.startswith(name)), -1)
    match = _ROW.search(location)
    if match is None:
        return (container, 0, 0)
    letters = match.group(2) or ""
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - ord("A") + 1
    return (container, int(match.group(1)), column)


def _merge(sheet: FigureSheet, plan_problems: list[Problem], placed: list[Problem]) -> list[Problem]:
    entries = {entry.location: entry for entry in sheet.entries if entry.location}
    problems = list(sheet.problems) + placed + [_placed(sheet, p, entries) for p in plan_problems]
    containers = [sheet_container(name) for name in sheet.sheets_read] + [file_container(sheet.name)]
    indexed = sorted(enumerate(problems), key=lambda item: (*_order(item[1], containers), item[0]))
    return [problem for _, problem in indexed]
