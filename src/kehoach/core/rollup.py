"""Roll-up: the actual of a target for a unit and a period, computed from recorded figures.

Over time (``over_time``, per unit; the periods chosen are described in core.series):

- a figure recorded for the period itself is used as it is;
- ``cumulative``: otherwise the sum over non-overlapping recorded periods inside it
  (months missing are missing, not zero: the result lists the periods it used);
  numerators and denominators are summed separately for a ratio;
- ``latest``: the figure of the recorded period inside the period that ends last.

Over units (``over_units``), after each unit's figures are combined over time:

- precedence: a unit's own recorded figure wins over its sub-units' (no double counting);
  sub-units are rolled up only where a unit recorded nothing;
- ``sum``: values added; ``ratio``: numerators and denominators added separately, then
  divided (× 100 for a percent target), never a mean of percentages. A sub-unit that
  recorded a percentage without numerator and denominator cannot be added: it is left
  out with a problem message, and its own sub-units are used if it has any;
- ``units_meeting``: how many *direct* sub-units meet their own target (``member_target``;
  by default a qualitative target needing the grade "Đạt"), each judged with
  core.evaluation on its own recorded figure; sub-units that recorded nothing are not
  counted, and the count is None (no data) when none reported;
- ``unit_only``: the unit's own figure; sub-units are never looked at.

A qualitative or rank target is always taken as ``latest`` over time, and as
``unit_only`` when its rule says ``sum`` or ``ratio`` (grades and ranks do not add up).

Coverage: for ``sum`` and ``ratio`` the expected reporters are the leaf units under the
unit (the unit itself when it has none) and a leaf counts as reported when a figure
covering it was used (its own or an ancestor's own, up to the unit asked); for
``units_meeting`` the direct sub-units; for ``unit_only`` the unit itself.

Estimates ("ước") are rolled up apart from actuals (``estimate=True``), by the same rules.
The unit tree is read as it stood on ``on``; by default the period's last day under
``rule``, or the last day in the period on which the unit was in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kehoach.core.evaluation import EvaluationError, Outcome, evaluate
from kehoach.core.observations import Figure, FigureParts, Observation, ratio_value
from kehoach.core.periods import CutoffRule, Period
from kehoach.core.series import ObservationIndex
from kehoach.core.targets import DEFAULT_REQUIRED_GRADE, Comparator, OverTime, OverUnits, Target, TargetRef
from kehoach.core.units import UnitTree

_ZERO = Decimal(0)


@dataclass(frozen=True)
class Coverage:
    """How many of the units expected to report did report."""

    reported: int
    expected: int

    @property
    def complete(self) -> bool:
        return self.reported >= self.expected

    @property
    def missing(self) -> int:
        return max(self.expected - self.reported, 0)

    @property
    def text(self) -> str:
        return f"{self.reported}/{self.expected}"


@dataclass(frozen=True)
class RollupResult:
    """The actual (or estimate) of a target for a unit and a period, and where it came from."""

    target_key: str
    unit_code: str
    period: Period
    figure: Figure
    coverage: Coverage
    periods: tuple[Period, ...] = ()  # periods of the observations used, in order
    units: tuple[str, ...] = ()  # units whose observations were used
    estimate: bool = False
    problems: tuple[str, ...] = ()

    @property
    def value(self) -> Decimal | None:
        return self.figure.value

    @property
    def numerator(self) -> Decimal | None:
        return self.figure.numerator

    @property
    def denominator(self) -> Decimal | None:
        return self.figure.denominator

    @property
    def grade(self) -> str | None:
        return self.figure.grade

    @property
    def rank(self) -> int | None:
        return self.figure.rank

    @property
    def has_data(self) -> bool:
        return not self.figure.is_empty


def default_member_target(target: Target) -> Target:
    """What each sub-unit must reach for a ``units_meeting`` target, unless told otherwise."""
    return Target(name=target.name, comparator=Comparator.QUALITATIVE, grade=target.grade or DEFAULT_REQUIRED_GRADE)


def _is_graded(target: Target) -> bool:
    return target.comparator in (Comparator.QUALITATIVE, Comparator.RANK_TOP)


def effective_over_units(target: Target) -> OverUnits:
    """How the target is rolled up over units: its rule, except that grades and ranks, which do
    not add up, are the unit's own (``unit_only``) when the rule says ``sum`` or ``ratio``."""
    if _is_graded(target) and target.over_units in (OverUnits.SUM, OverUnits.RATIO):
        return OverUnits.UNIT_ONLY
    return target.over_units


def reference_date(tree: UnitTree, unit_code: str, period: Period, rule: CutoffRule = CutoffRule.ND09) -> date:
    """The day whose unit tree a roll-up reads: the period's last day, or the last day in
    the period on which the unit was in force."""
    start, end = period.dates(rule)
    versions = [u for u in tree.versions(unit_code) if u.overlaps(start, end)]
    if not versions or versions[-1].active_on(end):
        return end
    return min(versions[-1].end, end)


class _Timed(FigureParts):
    """One unit's figures combined over the period, and the periods they came from.

    A light record (no validation: its parts come from validated observations); the value
    of a numerator/denominator pair is derived only when needed.
    """

    __slots__ = ("denominator", "grade", "numerator", "periods", "rank", "value")

    def __init__(
        self,
        periods: tuple[Period, ...],
        value: Decimal | None = None,
        numerator: Decimal | None = None,
        denominator: Decimal | None = None,
        grade: str | None = None,
        rank: int | None = None,
    ) -> None:
        self.periods = periods
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.grade = grade
        self.rank = rank

    @classmethod
    def of(cls, obs: Observation) -> _Timed:
        return cls((obs.period,), obs.value, obs.numerator, obs.denominator, obs.grade, obs.rank)

    def figure(self, percent: bool) -> Figure:
        return Figure(self.number(percent), self.numerator, self.denominator, self.grade, self.rank)


class _Rollup:
    """The state of one roll-up: what it looks at and what it used."""

    def __init__(self, key: str, period: Period, index: ObservationIndex, estimate: bool, percent: bool) -> None:
        self.key = key
        self.period = period
        self.series = index.units(key, period.year, estimate)
        self.estimate = estimate
        self.percent = percent
        self.problems: list[str] = []
        self.units: list[str] = []
        self.periods: list[Period] = []

    def timed(self, unit_code: str, over_time: OverTime, ratio: bool) -> _Timed | None:
        """The unit's own figures combined over the period (None when it recorded nothing)."""
        series = self.series.get(unit_code)
        if series is None:
            return None
        if over_time is OverTime.LATEST:
            obs = series.latest(self.period)
            return None if obs is None else _Timed.of(obs)
        used = series.cumulative(self.period)
        if not used:
            return None
        if len(used) == 1:
            return _Timed.of(used[0])
        periods = tuple(o.period for o in used)
        if ratio:
            num = den = _ZERO
            for o in used:
                if o.numerator is None or o.denominator is None:
                    self.problems.append(
                        f"đơn vị {unit_code}: không cộng dồn được tỷ lệ vì có kỳ thiếu tử số hoặc mẫu số"
                    )
                    return None
                num += o.numerator
                den += o.denominator
            return _Timed(periods, None, num, den)
        total = _ZERO
        for o in used:
            number = o.value
            if number is None and o.numerator is not None and o.denominator is not None:
                number = ratio_value(o.numerator, o.denominator, self.percent)
            if number is None:
                self.problems.append(f"đơn vị {unit_code}: có kỳ không có giá trị số, không cộng dồn được")
                return None
            total += number
        return _Timed(periods, total)

    def use(self, unit_code: str, timed: _Timed) -> None:
        self.units.append(unit_code)
        self.periods.extend(timed.periods)

    def result(self, unit_code: str, figure: Figure, coverage: Coverage) -> RollupResult:
        return RollupResult(
            target_key=self.key,
            unit_code=unit_code,
            period=self.period,
            figure=figure,
            coverage=coverage,
            periods=tuple(p for _, p in sorted({p.ordinal: p for p in self.periods}.items())),
            units=tuple(self.units),
            estimate=self.estimate,
            problems=tuple(self.problems),
        )


def rollup(
    target: TargetRef,
    unit_code: str,
    period: Period,
    index: ObservationIndex,
    tree: UnitTree,
    *,
    estimate: bool = False,
    on: date | None = None,
    rule: CutoffRule = CutoffRule.ND09,
    member_target: Target | None = None,
) -> RollupResult:
    """The actual (``estimate=False``) or estimate of ``target`` for ``unit_code`` over ``period``."""
    t = target.target
    graded = _is_graded(t)
    over_units = effective_over_units(t)
    over_time = OverTime.LATEST if graded else t.over_time
    ratio = over_units is OverUnits.RATIO
    run = _Rollup(target.key, period, index, estimate, t.is_percent)

    own = run.timed(unit_code, over_time, ratio)
    if over_units is OverUnits.UNIT_ONLY:
        if own is None:
            return run.result(unit_code, Figure(), Coverage(0, 1))
        run.use(unit_code, own)
        return run.result(unit_code, own.figure(run.percent), Coverage(1, 1))

    day = on if on is not None else reference_date(tree, unit_code, period, rule)
    if over_units is OverUnits.UNITS_MEETING:
        return _units_meeting(run, unit_code, own, tree, day, member_target or default_member_target(t))

    expected = len(tree.leaves_under(unit_code, day))
    if own is not None:
        run.use(unit_code, own)
        return run.result(unit_code, own.figure(run.percent), Coverage(expected, expected))
    if not run.series:  # nobody recorded this target this year: nothing to walk
        return run.result(unit_code, Figure(), Coverage(0, expected))
    used: list[_Timed] = []
    uncovered = 0  # leaves reached without a usable figure on the way down
    stack = list(reversed(tree.children(unit_code, day)))
    while stack:
        unit = stack.pop()
        timed = run.timed(unit.code, over_time, ratio)
        if timed is not None:
            why = _unusable(timed, ratio, run.percent)
            if why is None:
                run.use(unit.code, timed)
                used.append(timed)
                continue
            run.problems.append(f"đơn vị {unit.code}: {why}")
        kids = tree.children(unit.code, day)
        if kids:
            stack.extend(reversed(kids))
        else:
            uncovered += 1
    coverage = Coverage(expected - uncovered, expected)
    if not used:
        return run.result(unit_code, Figure(), coverage)
    if ratio:
        num = sum((u.numerator for u in used if u.numerator is not None), Decimal(0))
        den = sum((u.denominator for u in used if u.denominator is not None), Decimal(0))
        return run.result(unit_code, Figure(ratio_value(num, den, run.percent), num, den), coverage)
    numbers = (u.number(run.percent) for u in used)
    total = sum((n for n in numbers if n is not None), Decimal(0))
    return run.result(unit_code, Figure(total), coverage)


def _unusable(timed: _Timed, ratio: bool, percent: bool) -> str | None:
    if ratio and not timed.has_ratio:
        return "chỉ có tỷ lệ, thiếu tử số và mẫu số nên không cộng được"
    if not ratio and timed.number(percent) is None:
        return "không có giá trị số nên không cộng được"
    return None


def _units_meeting(
    run: _Rollup, unit_code: str, own: _Timed | None, tree: UnitTree, day: date, member: Target
) -> RollupResult:
    kids = tree.children(unit_code, day)
    expected = len(kids) or 1
    if own is not None:
        run.use(unit_code, own)
        return run.result(unit_code, own.figure(run.percent), Coverage(expected, expected))
    member_time = OverTime.LATEST if _is_graded(member) else member.over_time
    reported = meeting = 0
    for kid in kids:
        timed = run.timed(kid.code, member_time, False)
        if timed is None:
            continue
        actual = timed.figure(member.is_percent).as_actual(member.is_percent)
        if actual is None:
            run.problems.append(f"đơn vị {kid.code}: không có số liệu để đánh giá")
            continue
        try:
            outcome = evaluate(member, actual)
        except EvaluationError as exc:
            run.problems.append(f"đơn vị {kid.code}: {exc}")
            continue
        run.use(kid.code, timed)
        reported += 1
        meeting += outcome is not Outcome.NOT_MET
    figure = Figure(Decimal(meeting)) if reported else Figure()
    return run.result(unit_code, figure, Coverage(reported, expected))
