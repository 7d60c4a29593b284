"""What the report's charts count: targets by status for each group, and for each sub-unit
(khóm, or commune of a province) side by side.

Sub-units are compared on the targets they can be compared on: the rates rolled up as a
ratio (each khóm's share measured against the ward's target). Counts summed over sub-units
("275 lao động") would put every khóm "at risk" against the ward's whole target, and the
ward's own figures (budget, grades, ranks) have no sub-unit figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kehoach.core.palette import STATUS_ORDER
from kehoach.core.status import Status
from kehoach.core.targets import OverUnits
from kehoach.core.tracking import TargetEvaluation
from kehoach.core.units import OrgUnit
from kehoach.reports.facts import TargetFacts
from kehoach.reports.model import ChartData


def _counts(statuses: Sequence[Status]) -> tuple[tuple[Status, int], ...]:
    found = Counter(statuses)
    return tuple((status, found[status]) for status in STATUS_ORDER)


def group_chart(groups: Sequence[tuple[str, Sequence[TargetFacts]]]) -> ChartData:
    return ChartData(
        title="Đánh giá các chỉ tiêu theo lĩnh vực",
        categories=tuple(name for name, _ in groups),
        counts=tuple(_counts([f.status for f in members]) for _, members in groups),
    )


def unit_chart(sub_units: Sequence[tuple[OrgUnit, Sequence[TargetEvaluation]]]) -> ChartData:
    rows = [
        (unit.name, [e.status for e in evaluations if e.target.over_units is OverUnits.RATIO])
        for unit, evaluations in sub_units
    ]
    level = sub_units[0][0].name.split(" ")[0].lower() if sub_units else "đơn vị"
    return ChartData(
        title=f"Đánh giá các chỉ tiêu tỷ lệ theo từng {level}",
        categories=tuple(name for name, _ in rows),
        counts=tuple(_counts(statuses) for _, statuses in rows),
    )
