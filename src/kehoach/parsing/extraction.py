"""What the target grammar works with and produces: the sentence context, the targets found."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.core.plan import ParseWarning
from kehoach.core.targets import Comparator, Target
from kehoach.parsing.figures import Figure


@dataclass
class ClauseContext:
    """What the caller knows about the sentence: the plan year and the kind of section."""

    plan_year: int | None = None
    mode: str = "indicator"  # "indicator" | "task" | "cell" | "loose" (a press report's sentences)
    name_hint: str | None = None  # for table cells: the row's indicator name
    midyear: bool = False  # the document was issued in the plan year's second half: "6 tháng đầu năm" is past


@dataclass
class Extraction:
    targets: list[Target] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


@dataclass
class Found:
    figure: Figure
    comparator: Comparator
    text_start: int
    text_end: int
    name: str
    unit: str | None
