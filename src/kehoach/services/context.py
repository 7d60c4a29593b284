"""What every tracking use case needs to know about one plan: the plan, its targets by key,
its unit and the unit tree, its cut-off rule, and the checks "may this unit report for this
period in this plan?".

Loaded once per data version and kept in the database's memo (services.caching): a context is
read-only once built (its lookups only fill their own caches), so one serves every request
of that version."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kehoach.core.accounts import LOCAL_OPERATOR, Actor
from kehoach.core.periods import CutoffRule, Period, PeriodError, parse_period
from kehoach.core.plan import Plan
from kehoach.core.targets import TargetRef
from kehoach.core.units import OrgUnit, UnitTree
from kehoach.services.caching import CONTEXTS, kept, structure
from kehoach.services.database import unit_of_work
from kehoach.services.errors import DatabaseError, InputError, NotFoundError
from kehoach.services.permissions import check_plan_visible
from kehoach.services.plans import find_plan
from kehoach.services.unittrees import load_tree as load_tree  # re-exported: callers read the tree here
from kehoach.services.unittrees import tree_at
from kehoach.storage import Database, DataVersion, StoredPlan, Transaction


def vn_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def owner_texts(plan: Plan) -> dict[str, str]:
    """Each target key's indicator or task as a reader sees it: "5. Vận động 08 lao động …"."""
    owners: dict[str, str] = {}
    for task in plan.tasks:
        code = task.code.strip("().")
        for k in range(1, len(task.targets) + 1):
            owners[f"T{code}.{k}"] = f"Nhiệm vụ {task.code}. {task.text}"
    for indicator in plan.indicators:
        for k in range(1, len(indicator.targets) + 1):
            owners[f"{indicator.number}.{k}"] = f"{indicator.number}. {indicator.text}"
    return owners


@dataclass
class PlanContext:
    stored: StoredPlan
    tree: UnitTree
    targets: dict[str, TargetRef]
    _periods: dict[str, Period | str] = field(default_factory=dict, repr=False)
    _unit_checks: dict[tuple[str, Period], str | None] = field(default_factory=dict, repr=False)
    _days: dict[tuple[str, Period], date] = field(default_factory=dict, repr=False)

    @property
    def plan_id(self) -> int:
        return self.stored.plan_id

    @property
    def plan(self) -> Plan:
        return self.stored.plan

    @property
    def unit_code(self) -> str:
        return self.stored.unit_code

    @property
    def rule(self) -> CutoffRule:
        return self.stored.cutoff_rule

    @property
    def plan_year(self) -> int | None:
        return self.plan.document.plan_year

    @property
    def unit(self) -> OrgUnit:
        return self.tree.get(self.unit_code)

    @property
    def title(self) -> str:
        document = self.plan.document
        title = f"{document.type or 'Văn bản'} {document.number or '(chưa rõ số)'}"
        return f"{title} — {document.subject}" if document.subject else title

    def unit_label(self, code: str) -> str:
        unit = self.tree.find(code)
        return f"{unit.name} ({code})" if unit is not None else code

    # Lookups that raise ----------------------------------------------------------------
    def target(self, key: str) -> TargetRef:
        found = self.targets.get(key.strip())
        if found is None:
            raise NotFoundError(f"kế hoạch số {self.plan_id} không có chỉ tiêu mã '{key}'")
        return found

    def period(self, code: str) -> Period:
        found = self.period_or_problem(code)
        if isinstance(found, str):
            raise InputError(found)
        return found

    def reporting_unit(self, code: str, period: Period) -> OrgUnit:
        problem = self.unit_problem(code, period)
        if problem is not None:
            raise InputError(problem)
        return self.tree.get(code, self.day(code, period))

    def scope_unit(self, code: str | None, period: Period) -> str:
        """The unit a question is asked about: ``code`` or the plan's unit, checked to be in
        force in ``period`` and in the plan's tree."""
        return self.reporting_unit(self.unit_code if code is None else code.strip(), period).code

    # Checks that report ----------------------------------------------------------------
    def period_or_problem(self, code: str) -> Period | str:
        """The period of ``code``, or the Vietnamese reason it cannot be used in this plan."""
        found = self._periods.get(code)
        if found is None:
            try:
                period = parse_period(code)
            except PeriodError as exc:
                found = str(exc)
            else:
                found = period
                year = self.plan_year
                if year is not None and period.year not in (year, year - 1):
                    found = (
                        f"kỳ {period.code} không thuộc năm kế hoạch {year} "
                        f"(nhận kỳ của năm {year}, hoặc năm {year - 1} làm số liệu năm trước)"
                    )
            self._periods[code] = found
        return found

    def day(self, code: str, period: Period) -> date:
        """The day whose unit tree applies to ``code`` in ``period``: the period's last day, or
        the unit's last day in force within the period."""
        key = (code, period)
        found = self._days.get(key)
        if found is None:
            start, end = period.dates(self.rule)
            versions = [v for v in self.tree.versions(code) if v.overlaps(start, end)]
            found = min(versions[-1].end, end) if versions else end
            self._days[key] = found
        return found

    def unit_problem(self, code: str, period: Period) -> str | None:
        """Why ``code`` cannot report for ``period`` in this plan (None when it can)."""
        key = (code, period)
        if key in self._unit_checks:
            return self._unit_checks[key]
        problem: str | None = None
        if code not in self.tree:
            problem = f"không có đơn vị mã '{code}'"
        else:
            start, end = period.dates(self.rule)
            if not any(v.overlaps(start, end) for v in self.tree.versions(code)):
                problem = (
                    f"đơn vị {self.unit_label(code)} không có hiệu lực trong kỳ {period.label} "
                    f"({vn_date(start)}–{vn_date(end)})"
                )
            elif not self.tree.is_within(code, self.unit_code, self.day(code, period)):
                problem = (
                    f"đơn vị {self.unit_label(code)} không thuộc {self.unit_label(self.unit_code)}, "
                    f"đơn vị của kế hoạch số {self.plan_id}"
                )
        self._unit_checks[key] = problem
        return problem

    def ancestors_in_plan(self, code: str, period: Period) -> list[str]:
        """The units above ``code`` up to the plan's unit, nearest first (for locks)."""
        if code == self.unit_code:
            return []
        found: list[str] = []
        for unit in self.tree.ancestors(code, self.day(code, period)):
            found.append(unit.code)
            if unit.code == self.unit_code:
                break
        return found


def open_plan(db: Database, plan_ref: int | str, *, actor: Actor = LOCAL_OPERATOR) -> PlanContext:
    """A plan's context, for an actor who may see the plan (services.permissions)."""
    with unit_of_work(db) as tx:
        ctx = load_context(tx, plan_ref)
    check_plan_visible(actor, ctx.unit_code, ctx.tree)
    return ctx


def load_context(tx: Transaction, plan_ref: int | str) -> PlanContext:
    """The plan's context as ``tx`` sees it (kept for the data version: services.caching)."""
    return context_at(tx, plan_ref, tx.versions.current())


def context_at(tx: Transaction, plan_ref: int | str, version: DataVersion | None) -> PlanContext:
    """:func:`load_context` for the data version already read in ``tx``."""
    return kept(tx, CONTEXTS, str(plan_ref).strip(), structure(version), lambda: _read_context(tx, plan_ref, version))


def _read_context(tx: Transaction, plan_ref: int | str, version: DataVersion | None) -> PlanContext:
    stored = find_plan(tx, plan_ref)
    tree = tree_at(tx, version)
    if stored.unit_code not in tree:
        raise DatabaseError(
            f"kế hoạch số {stored.plan_id} thuộc đơn vị mã '{stored.unit_code}' nhưng không có đơn vị này"
        )
    targets = {key: TargetRef(key, target) for key, target in stored.plan.keyed_targets()}
    return PlanContext(stored, tree, targets)
