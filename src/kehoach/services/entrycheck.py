"""Checking figures as entered against a plan, before anything is written.

Per entry: the target key is the plan's; the period is valid and in the plan year (or the
year before, for baselines); the unit exists, is in force in the period and lies in the
plan's unit tree; the figure fits its target (core.observations.validate_observation:
numerator above denominator of a share, a share above 100%, a grade for a number …).
A figure that would change is refused when its period is locked (approved) for its unit or
a unit above it up to the plan's unit (:meth:`EntryChecker.lock`); the same figure again passes.
Sub-units report a ``units_meeting`` target against their own target (by default the grade
"Đạt"), not against the count the plan's unit must reach.
"""

from __future__ import annotations

from decimal import Decimal

from kehoach.core.approval import PeriodState
from kehoach.core.entries import FigureEntry
from kehoach.core.observations import Observation, ObservationError, validate_observation
from kehoach.core.periods import Period
from kehoach.core.rollup import default_member_target
from kehoach.core.targets import GRADE_SCALES, OverUnits, Target
from kehoach.core.text import fold
from kehoach.services.context import PlanContext

_GRADES = {" ".join(fold(grade).split()): grade for scale in GRADE_SCALES for grade in scale}


def canonical_grade(grade: str | None) -> str | None:
    """ "tốt" → "Tốt": grades are kept as their scale writes them (unknown ones as given)."""
    if grade is None:
        return None
    return _GRADES.get(" ".join(fold(grade).split()), grade.strip())


class EntryChecker:
    """Checks entries for one plan; caches what thousands of entries share."""

    def __init__(self, ctx: PlanContext, states: dict[tuple[str, str], PeriodState]) -> None:
        self.ctx = ctx
        self._approved = {key for key, state in states.items() if state.locked}
        self._locks: dict[tuple[str, Period], str | None] = {}
        self._targets: dict[tuple[str, str], Target] = {}

    def reporting_target(self, key: str, unit_code: str) -> Target:
        """What a unit's own figure for ``key`` is checked against."""
        cached = self._targets.get((key, unit_code))
        if cached is None:
            target = self.ctx.targets[key].target
            if target.over_units is OverUnits.UNITS_MEETING and unit_code != self.ctx.unit_code:
                target = default_member_target(target)
            cached = self._targets[(key, unit_code)] = target
        return cached

    def lock(self, unit_code: str, period: Period) -> str | None:
        """Why figures of ``unit_code`` for ``period`` cannot change (None when they can)."""
        key = (unit_code, period)
        if key in self._locks:
            return self._locks[key]
        reason = None
        if self._approved:
            for code in [unit_code, *self.ctx.ancestors_in_plan(unit_code, period)]:
                if (code, period.code) in self._approved:
                    whose = "" if code == unit_code else f" (đã duyệt cùng {self.ctx.unit_label(code)})"
                    reason = (
                        f"số liệu kỳ {period.label} của đơn vị {self.ctx.unit_label(unit_code)} đã được duyệt, "
                        f"đã khóa sổ{whose}; cần mở lại kỳ này trước khi sửa"
                    )
                    break
        self._locks[key] = reason
        return reason

    def check(self, entry: FigureEntry, source: str) -> tuple[Observation | None, list[str]]:
        """The observation to record, or the problems with the entry (Vietnamese). Locks are
        checked by the caller against the stored figure (:meth:`lock`): recording a locked
        figure again as it is changes nothing and is no edit."""
        problems: list[str] = []
        key = entry.target_key.strip()
        unit_code = entry.unit_code.strip()
        if key not in self.ctx.targets:
            problems.append(f"kế hoạch số {self.ctx.plan_id} không có chỉ tiêu mã '{entry.target_key}'")
        period = self.ctx.period_or_problem(entry.period_code.strip())
        if isinstance(period, str):
            problems.append(period)
        elif not unit_code:
            problems.append("thiếu mã đơn vị")
        else:
            unit_problem = self.ctx.unit_problem(unit_code, period)
            if unit_problem is not None:
                problems.append(unit_problem)
        if problems:
            return None, problems
        assert isinstance(period, Period)
        try:
            obs = Observation(
                key,
                unit_code,
                period,
                entry.value,
                entry.numerator,
                entry.denominator,
                canonical_grade(entry.grade),
                entry.rank,
                entry.estimate,
                entry.note or "",
                source,
            )
        except ObservationError as exc:
            return None, [str(exc)]
        problems = validate_observation(obs, self.reporting_target(key, unit_code))
        return (None, problems) if problems else (obs, [])


def same_figure(a: Observation, b: Observation) -> bool:
    """The same recorded figure and note (sources and representations like 97,50 vs 97,5 aside)."""
    return (
        _same(a.value, b.value)
        and _same(a.numerator, b.numerator)
        and _same(a.denominator, b.denominator)
        and a.grade == b.grade
        and a.rank == b.rank
        and a.note == b.note
    )


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    return a == b if a is not None and b is not None else a is b
