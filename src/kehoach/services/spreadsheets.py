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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kehoach.core.entries import EntryForm, FigureEntry, Problem
from kehoach.core.entrysheet import Column, file_container, sheet_container
from kehoach.core.observations import Observation
from kehoach.core.periods import PeriodError, parse_period
from kehoach.core.text import fold
from kehoach.parsing import ReadError
from kehoach.parsing.figuresheet import CSV_SUFFIXES, XLSX_SUFFIXES, FigureSheet, read_figure_file
from kehoach.reports import write_entry_form_csv, write_entry_form_xlsx
from kehoach.services.context import load_context
from kehoach.services.database import unit_of_work
from kehoach.services.entrycheck import canonical_grade
from kehoach.services.entryform import entry_form
from kehoach.services.errors import InputError, InputProblems
from kehoach.services.files import describe_os_error
from kehoach.services.recording import RecordResult, check_who, write_entries
from kehoach.storage import Database, Slot, SlotKey


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
    db: Database, plan_ref: int | str, period_code: str, unit_code: str | None, path: Path | str
) -> EntryForm:
    """Write the entry form of ``plan_ref`` for ``period_code`` (only ``unit_code``'s rows when
    given) to ``path``: ``.xlsx`` for Excel, ``.csv`` for anything else."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InputError(f"{p.name}: biểu nhập ghi ra tệp .xlsx (Excel) hoặc .csv")
    form = entry_form(db, plan_ref, period_code, unit_code)
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


def load_file(db: Database, path: Path | str, *, who: str, plan_ref: int | str | None = None) -> LoadResult:
    """Record every figure of a filled entry sheet, or none (``InputProblems`` lists every problem)."""
    name = check_who(who)
    sheet = read_sheet(path)
    ref = plan_ref if plan_ref is not None else sheet.plan_ref
    if ref is None or not str(ref).strip():
        raise InputError(f"{sheet.name}: tệp không ghi mã kế hoạch; hãy chỉ rõ kế hoạch (tùy chọn --plan)")
    with unit_of_work(db) as tx:
        ctx = load_context(tx, ref)
        periods = _period_codes(sheet.entries)
        slots = tx.observations.slots(ctx.plan_id, periods)
        fresh = [entry for entry in sheet.entries if not _unchanged(entry, slots)]
        result: RecordResult | None = None
        plan_problems: list[Problem] = []
        try:
            result = write_entries(tx, ctx, fresh, who=name, source=f"tệp {sheet.name}")
        except InputProblems as exc:
            plan_problems = exc.problems
        problems = _merge(sheet, plan_problems)
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


def _merge(sheet: FigureSheet, plan_problems: list[Problem]) -> list[Problem]:
    entries = {entry.location: entry for entry in sheet.entries if entry.location}
    problems = list(sheet.problems) + [_placed(sheet, p, entries) for p in plan_problems]
    containers = [sheet_container(name) for name in sheet.sheets_read] + [file_container(sheet.name)]
    indexed = sorted(enumerate(problems), key=lambda item: (*_order(item[1], containers), item[0]))
    return [problem for _, problem in indexed]
