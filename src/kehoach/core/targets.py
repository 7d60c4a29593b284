"""Targets: one measurable commitment of a plan, with its comparator and measurement rules.

See DESIGN §3. Values are exact Decimals; a target's ``direction`` says which side is better.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum


class Comparator(StrEnum):
    AT_LEAST = ">="
    MORE_THAN = ">"
    AT_MOST = "<="
    LESS_THAN = "<"
    EQUAL = "="
    RANGE = "range"
    REDUCE_BY = "reduce_by"
    INCREASE_BY = "increase_by"
    RANK_TOP = "rank_top"
    QUALITATIVE = "qualitative"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class OverUnits(StrEnum):
    """How figures of sub-units combine into the figure of their parent unit."""

    SUM = "sum"
    RATIO = "ratio"
    UNITS_MEETING = "units_meeting"
    UNIT_ONLY = "unit_only"


class OverTime(StrEnum):
    """How figures of periods combine into the figure of a longer period."""

    CUMULATIVE = "cumulative"
    LATEST = "latest"


class ChangeBasis(StrEnum):
    """How a reduce_by / increase_by change is measured against the baseline."""

    POINTS = "points"  # percentage points of a rate, or plain units of a count
    RELATIVE = "relative"  # percent of the baseline value


# Grades on their scales, best first. Qualitative targets name the least grade that meets them.
GRADE_SCALES: tuple[tuple[str, ...], ...] = (
    ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"),
    ("Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"),
    ("Đạt", "Không đạt"),
)
DEFAULT_REQUIRED_GRADE = "Đạt"


@dataclass(frozen=True)
class Target:
    """One measurable commitment.

    ``value`` is the target figure (for ``range`` its lower end, ``value_max`` its upper
    end); ``total`` is the M of "N/M khóm" or "top N trên M"; ``grade`` the least grade
    a qualitative target needs ("Tốt" for "xếp loại tốt").
    """

    name: str
    comparator: Comparator
    value: Decimal | None = None
    value_max: Decimal | None = None
    total: Decimal | None = None
    unit: str | None = None
    direction: Direction = Direction.HIGHER
    basis: ChangeBasis | None = None
    over_units: OverUnits = OverUnits.UNIT_ONLY
    over_time: OverTime = OverTime.LATEST
    grade: str | None = None
    text: str = ""
    span: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.comparator is Comparator.QUALITATIVE:
            if self.value is not None:
                raise ValueError("chỉ tiêu định tính không có giá trị số")
        elif self.value is None:
            raise ValueError(f"chỉ tiêu '{self.name}' thiếu giá trị")
        if (self.value_max is not None) != (self.comparator is Comparator.RANGE):
            raise ValueError("chỉ khoảng giá trị (range) mới có giá trị tối đa")
        if self.value_max is not None and self.value is not None and self.value_max < self.value:
            raise ValueError(f"khoảng giá trị của '{self.name}' có đầu trên nhỏ hơn đầu dưới")

    @property
    def is_percent(self) -> bool:
        return (self.unit or "").strip() in ("%", "phần trăm")

    def with_changes(self, **changes: object) -> Target:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class TargetRef:
    """Where a target sits in its plan: ``"5.2"`` or ``"T1.1.1"``."""

    key: str
    target: Target = field(compare=False)
