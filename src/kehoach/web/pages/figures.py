"""View models of evaluations: the dashboard's rows by group, its summary line, and the
ECharts options of its charts (status by group, units side by side, a target's trend).

Charts get plain JSON options; the tables next to them carry the exact figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kehoach.core.groups import OTHER_GROUP, TASKS_GROUP, target_groups
from kehoach.core.palette import STATUS_COLOURS, STATUS_ORDER
from kehoach.core.periods import Period
from kehoach.core.plan import Plan
from kehoach.core.rollup import effective_over_units
from kehoach.core.status import Status, achievement_text
from kehoach.core.targets import Comparator, OverTime, OverUnits, Target
from kehoach.core.tracking import TargetEvaluation
from kehoach.core.wording import NONE, figure_text, number_text, requirement
from kehoach.web.pages.words import chart_number


def reported_below(target: Target) -> bool:
    """Does the target have figures of its own in the units under the plan's unit? (Budget,
    grades and ranks of the ward do not: a khóm's page leaves them out.)"""
    return effective_over_units(target) is not OverUnits.UNIT_ONLY


def for_unit(evaluations: Sequence[TargetEvaluation], is_plan_unit: bool) -> list[TargetEvaluation]:
    return list(evaluations) if is_plan_unit else [e for e in evaluations if reported_below(e.target)]


def trend_order(evaluations: Sequence[TargetEvaluation]) -> list[TargetEvaluation]:
    """Targets worth a trend first: numbers with figures, then the rest; grades never."""
    numeric = [e for e in evaluations if e.target.comparator is not Comparator.QUALITATIVE]
    return sorted(numeric, key=lambda e: (e.target.comparator is Comparator.RANK_TOP, not e.actual.has_data))


@dataclass(frozen=True)
class Row:
    key: str
    name: str
    text: str
    requirement: str
    actual: str
    to_date: str
    projected: str
    projection_method: str
    achievement: str
    status: Status
    reason: str | None
    coverage: str
    coverage_complete: bool
    lower_is_better: bool
    shared: str | None  # the plan's target, for a unit with none of its own: "≥ 8 lao động"


def share_text(evaluation: TargetEvaluation, whole_name: str) -> str:
    """What a unit with no target of its own is told: "không giao chỉ tiêu riêng; bằng 19,2% …"."""
    text = "không giao chỉ tiêu riêng"
    if evaluation.share_pct is not None:
        text += f"; bằng {number_text(evaluation.share_pct, '%', places=1)} lũy kế của {whole_name}"
    return text


@dataclass(frozen=True)
class Group:
    name: str
    rows: list[Row]


def row(evaluation: TargetEvaluation, whole_name: str = "đơn vị cấp trên") -> Row:
    """A target's line on a page; ``whole_name``: the plan's unit, whose total a unit with no
    target of its own is a share of."""
    target = evaluation.target
    own = evaluation.own_target
    projection = evaluation.projection
    return Row(
        key=evaluation.key,
        name=target.name,
        text=target.text,
        requirement=requirement(own) if own is not None else NONE,
        actual=figure_text(evaluation.actual.figure, target),
        to_date=figure_text(evaluation.year_to_date.figure, target),
        projected=figure_text(projection.figure, target) if projection else NONE,
        projection_method=projection.method.label if projection else "",
        achievement=achievement_text(evaluation.achievement_pct),
        status=evaluation.status,
        reason=evaluation.reason if own is not None else share_text(evaluation, whole_name),
        coverage=evaluation.coverage.text,
        coverage_complete=evaluation.coverage.complete,
        lower_is_better=target.direction.value == "lower",
        shared=None if own is not None else requirement(target),
    )


def grouped_rows(
    plan: Plan, evaluations: Sequence[TargetEvaluation], whole_name: str = "đơn vị cấp trên"
) -> list[Group]:
    groups = target_groups(plan)
    found: dict[str, list[Row]] = {}
    for evaluation in evaluations:
        found.setdefault(groups.get(evaluation.key, OTHER_GROUP), []).append(row(evaluation, whole_name))
    order = [g for g in found if g != TASKS_GROUP] + ([TASKS_GROUP] if TASKS_GROUP in found else [])
    return [Group(name, found[name]) for name in order]


@dataclass(frozen=True)
class Summary:
    total: int  # targets judged (the unit's own)
    good: int  # exceeded, met or on track
    at_risk: int
    not_met: int
    no_data: int
    final: bool  # a year-end verdict
    not_assigned: int = 0  # shown with no target of the unit's own

    @property
    def text(self) -> str:
        good = "đạt hoặc vượt" if self.final else "đạt hoặc đúng tiến độ"
        parts = [f"{self.good}/{self.total} chỉ tiêu {good}"]
        if self.at_risk:
            parts.append(f"{self.at_risk} có nguy cơ")
        if self.not_met:
            parts.append(f"{self.not_met} không đạt")
        if self.no_data:
            parts.append(f"{self.no_data} chưa có số liệu")
        text = ", ".join(parts)
        if self.not_assigned:
            text += f"; {self.not_assigned} chỉ tiêu chung không giao riêng (chỉ báo số liệu)"
        return text


def summary(evaluations: Sequence[TargetEvaluation], period: Period) -> Summary:
    counts = Counter(e.status for e in evaluations)
    return Summary(
        total=len(evaluations) - counts[Status.NOT_ASSIGNED],
        good=counts[Status.EXCEEDED] + counts[Status.MET] + counts[Status.ON_TRACK],
        at_risk=counts[Status.AT_RISK],
        not_met=counts[Status.NOT_MET],
        no_data=counts[Status.NO_DATA],
        final=period.is_whole_year,
        not_assigned=counts[Status.NOT_ASSIGNED],
    )


def _stacked(categories: list[str], counts: list[Counter[Status]], horizontal: bool) -> dict[str, Any]:
    used = [s for s in STATUS_ORDER if any(c[s] for c in counts)]
    category_axis = {"type": "category", "data": categories, "axisLabel": {"interval": 0}}
    value_axis = {"type": "value", "minInterval": 1}
    return {
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "legend": {"top": 0},
        "grid": {"left": 8, "right": 16, "bottom": 8, "top": 40, "containLabel": True},
        "xAxis": value_axis if horizontal else category_axis,
        "yAxis": {**category_axis, "inverse": True} if horizontal else value_axis,
        "series": [
            {
                "name": s.label,
                "type": "bar",
                "stack": "tong",
                "itemStyle": {"color": STATUS_COLOURS[s]},
                "label": {"show": True, "formatter": "{c}"} if horizontal else {"show": False},
                "data": [c[s] or None for c in counts],
            }
            for s in used
        ],
    }


def status_by_group_chart(groups: list[Group]) -> dict[str, Any]:
    return _stacked([g.name for g in groups], [Counter(r.status for r in g.rows) for g in groups], horizontal=True)


def units_chart(names: list[str], evaluations: Iterable[Sequence[TargetEvaluation]]) -> dict[str, Any]:
    return _stacked(names, [Counter(e.status for e in evs) for evs in evaluations], horizontal=False)


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    actual: str
    to_date: str
    status: Status


def trend_chart(target: Target, points: list[tuple[Period, TargetEvaluation]]) -> dict[str, Any]:
    """Month by month: the month's figure (bars) and the year to date or the latest figure
    (line) against the plan value (dashed line)."""
    months = [p.label.replace(" năm ", "/").replace("Tháng ", "T") for p, _ in points]
    cumulative = target.over_time is OverTime.CUMULATIVE
    series: list[dict[str, Any]] = []
    if cumulative:
        series.append(
            {
                "name": "Trong tháng",
                "type": "bar",
                "itemStyle": {"color": "#9ecae1"},
                "data": [chart_number(e.actual.figure, target) for _, e in points],
            }
        )
    series.append(
        {
            "name": "Lũy kế" if cumulative else "Thực hiện",
            "type": "line",
            "connectNulls": False,
            "itemStyle": {"color": "#0b4f8a"},
            "data": [chart_number(e.year_to_date.figure, target) for _, e in points],
        }
    )
    numeric = target.value is not None and target.comparator is not Comparator.QUALITATIVE
    if numeric and target.comparator not in (Comparator.REDUCE_BY, Comparator.INCREASE_BY):
        goal = float(target.value or Decimal(0))
        series.append(
            {
                "name": "Kế hoạch",
                "type": "line",
                "symbol": "none",
                "lineStyle": {"type": "dashed", "color": "#c62828"},
                "itemStyle": {"color": "#c62828"},
                "data": [goal for _ in points],
            }
        )
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "grid": {"left": 8, "right": 16, "bottom": 8, "top": 40, "containLabel": True},
        "xAxis": {"type": "category", "data": months},
        "yAxis": {
            "type": "value",
            "name": target.unit or "",
            "inverse": target.comparator is Comparator.RANK_TOP,
            "scale": True,
        },
        "series": series,
    }
