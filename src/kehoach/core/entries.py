"""Figures as officers enter them (a form, a spreadsheet, the CLI), before they are stored.

These value objects travel between layers that must not know each other: the spreadsheet
reader in ``parsing`` produces :class:`FigureEntry` rows, the entry-form writer in ``reports``
consumes an :class:`EntryForm`, and ``services`` validates and stores them. Every problem
keeps *where* it was found (sheet, row, column, field) so a refused file can list every
error in Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kehoach.core.observations import FigureParts


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, in Vietnamese, with where it is."""

    message: str
    location: str | None = None  # "Trang tính “Nhập liệu”, dòng 7, cột F (Giá trị)"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class EntryProblems(ValueError):
    """Input refused as a whole; ``problems`` lists every error found, in order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        first = str(self.problems[0]) if self.problems else ""
        super().__init__(f"Có {count} lỗi trong dữ liệu nhập; không ghi gì vào cơ sở dữ liệu. Lỗi đầu tiên: {first}")


class EntryKind(StrEnum):
    """What a target asks an officer to enter."""

    VALUE = "value"  # a number
    RATIO = "ratio"  # a numerator and a denominator (a value may be given instead)
    GRADE = "grade"  # Xuất sắc / Tốt / Khá / Trung bình / Yếu, or Đạt / Không đạt
    RANK = "rank"  # a place in a ranking


@dataclass(frozen=True)
class FigureEntry(FigureParts):
    """One figure for target × unit × period as entered, not yet validated against the plan."""

    target_key: str
    unit_code: str
    period_code: str
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    grade: str | None = None
    rank: int | None = None
    estimate: bool = False
    note: str | None = None
    location: str | None = None  # where it came from, for error messages


@dataclass(frozen=True)
class EntryRow:
    """One line of an entry form: a target that a unit must report for a period."""

    target_key: str
    indicator: str  # "5. Vận động 08 lao động …"
    target_text: str  # the target as the resolution words it
    unit_of_measure: str | None
    kind: EntryKind
    unit_code: str
    unit_name: str
    current: FigureEntry | None = None  # what is already recorded, pre-filled
    locked: bool = False  # the unit's period is approved: the row cannot change
    grades: tuple[str, ...] = ()  # the allowed grades of a GRADE row


@dataclass(frozen=True)
class EntryForm:
    """The view model of an entry form (template) for one plan and period."""

    plan_ref: str  # what `kehoach load` finds the plan by (its id)
    plan_title: str  # "Nghị quyết 74/NQ-HĐND — Về kế hoạch phát triển kinh tế - xã hội năm 2024"
    owner_unit: str  # "Phường 1"
    period_code: str  # "2024-H1"
    period_label: str  # "6 tháng đầu năm 2024"
    rows: list[EntryRow] = field(default_factory=list)
