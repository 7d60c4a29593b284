"""The demo: Phường 1 with its 5 khóm, the bundled resolution 74/NQ-HĐND (2023) as its plan,
and figures for the first half of 2024, so a new user sees a living plan at once.

Everything comes from small data files in ``kehoach/data`` and goes through the same
services an officer uses: the units CSV (``import_units_csv``), the resolution
(``import_text``), the figures (``record_many``), the workflow (``submit``, ``approve``).

- ``demo-units.csv``: the ward (code 99001, a made-up code: province code 99 does not
  exist) and its khóm 99001-01 … 99001-05.
- ``demo-figures-2024.json``: month-by-month series per target and unit ("a/b" is a
  numerator and a denominator, a word is a grade, a number a value, or a rank for a rank
  target, null a month not reported), one ward-level estimate for the year ("ước"), a
  measurement rule changed (the budget is the ward's own, cumulative), and the approval
  workflow: Khóm 1's 2024-H1 approved, Khóm 2's submitted.

Building is idempotent: units, plan and figures already there are left as they are (a
figure recorded again as it is writes nothing), and a workflow step already taken is not
taken again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from importlib.resources import as_file, files
from typing import Any

from kehoach.core.approval import PeriodAction, PeriodState
from kehoach.core.entries import FigureEntry
from kehoach.core.targets import Comparator
from kehoach.services.approval import PeriodStatus, approve, period_status, submit
from kehoach.services.importing import ImportResult, import_text
from kehoach.services.plansettings import change_plan_settings
from kehoach.services.recording import RecordResult, record_many
from kehoach.services.targets import set_target_rule
from kehoach.services.units import UnitImportResult, import_units_csv
from kehoach.storage import Database

DEMO_FILE = "nq-74-2023-phuong-1.txt"
DEMO_UNITS_FILE = "demo-units.csv"
DEMO_FIGURES_FILE = "demo-figures-2024.json"
DEMO_UNIT = "99001"
DEMO_PERIOD = "2024-H1"
DEMO_WHO = "kehoach demo"
DEMO_SOURCE = "dữ liệu mẫu kehoach"


def _data(name: str) -> Any:
    return files("kehoach").joinpath("data", name)


def demo_text() -> str:
    return str(_data(DEMO_FILE).read_text(encoding="utf-8"))


def demo_figures() -> dict[str, Any]:
    """The demo's figures file, as data."""
    loaded: dict[str, Any] = json.loads(_data(DEMO_FIGURES_FILE).read_text(encoding="utf-8"))
    return loaded


def import_demo_units(db: Database) -> UnitImportResult:
    with as_file(_data(DEMO_UNITS_FILE)) as path:
        return import_units_csv(db, path)


def import_demo(db: Database) -> ImportResult:
    """The demo units and the demo resolution as the plan of Phường 1 (each only once)."""
    import_demo_units(db)
    result = import_text(db, demo_text(), name=DEMO_FILE, format="txt", unit_code=DEMO_UNIT)
    if result.unit is None or result.unit.code != DEMO_UNIT:  # imported earlier under another unit
        change_plan_settings(db, result.plan_id, unit_code=DEMO_UNIT)
    return result


@dataclass(frozen=True)
class DemoResult:
    plan: ImportResult
    units: UnitImportResult
    figures: RecordResult
    steps: tuple[str, ...]  # workflow steps taken now ("submit 99001-02 2024-H1" …)
    workflow: tuple[PeriodStatus, ...]  # the approval state of each unit × period the demo sets
    period_code: str = DEMO_PERIOD

    @property
    def plan_id(self) -> int:
        return self.plan.plan_id


def demo_entries(data: dict[str, Any], kinds: dict[str, Comparator]) -> list[FigureEntry]:
    """The figures of the demo file as entries; ``kinds`` gives each target's comparator."""
    entries: list[FigureEntry] = []
    default_months: list[str] = data["months"]
    for key, block in data["figures"].items():
        months: list[str] = block.get("months", default_months)
        for unit, series in block["by_unit"].items():
            if len(series) != len(months):
                raise ValueError(f"demo {key} {unit}: {len(series)} figures for {len(months)} months")
            for month, text in zip(months, series, strict=True):
                if text is not None:
                    entries.append(_entry(key, unit, month, str(text), kinds[key], f"mẫu {key} {unit} {month}"))
    for estimate in data.get("estimates", []):
        entry = _entry(
            estimate["key"], estimate["unit"], str(data["year"]), str(estimate["value"]), kinds[estimate["key"]], ""
        )
        entries.append(
            FigureEntry(
                entry.target_key,
                entry.unit_code,
                entry.period_code,
                entry.value,
                entry.numerator,
                entry.denominator,
                entry.grade,
                entry.rank,
                estimate=True,
                note=estimate.get("note"),
                location=f"mẫu ước {estimate['key']} {estimate['unit']}",
            )
        )
    return entries


def _entry(key: str, unit: str, period: str, text: str, comparator: Comparator, where: str) -> FigureEntry:
    numerator, slash, denominator = text.partition("/")
    if slash:
        return FigureEntry(
            key, unit, period, numerator=Decimal(numerator), denominator=Decimal(denominator), location=where
        )
    if comparator is Comparator.RANK_TOP:
        return FigureEntry(key, unit, period, rank=int(text), location=where)
    try:
        return FigureEntry(key, unit, period, value=Decimal(text), location=where)
    except ArithmeticError:  # decimal.InvalidOperation: a word, so a grade
        return FigureEntry(key, unit, period, grade=text, location=where)


def _run_workflow(db: Database, plan_id: int, steps: list[dict[str, Any]]) -> tuple[str, ...]:
    """Take each unit's steps up to the state the last one leads to; steps already taken are skipped."""
    taken: list[str] = []
    actions = {PeriodAction.SUBMIT: submit, PeriodAction.APPROVE: approve}
    for item in steps:
        unit, period = item["unit"], item["period"]
        wanted = [PeriodAction(step) for step in item["steps"]]
        final = wanted[-1].result
        state = period_status(db, plan_id, unit, period).state
        for action in wanted:
            if state is final:
                break
            if state is PeriodState.DRAFT and action is not PeriodAction.SUBMIT:
                continue
            state = actions[action](db, plan_id, unit, period, DEMO_WHO).state
            taken.append(f"{action.value} {unit} {period}")
    return tuple(taken)


def build_demo(db: Database) -> DemoResult:
    """Build (or complete) the demo database; running it again changes nothing."""
    units = import_demo_units(db)
    plan = import_demo(db)
    data = demo_figures()
    for key, rule in data.get("rules", {}).items():
        set_target_rule(db, plan.plan_id, key, over_units=rule.get("over_units"), over_time=rule.get("over_time"))
    kinds = {key: target.comparator for key, target in plan.plan.keyed_targets()}
    figures = record_many(db, plan.plan_id, demo_entries(data, kinds), who=DEMO_WHO, source=DEMO_SOURCE)
    workflow = data.get("workflow", [])
    steps = _run_workflow(db, plan.plan_id, workflow)
    states = tuple(period_status(db, plan.plan_id, item["unit"], item["period"]) for item in workflow)
    return DemoResult(plan, units, figures, steps, states)
