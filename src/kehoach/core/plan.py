"""The plan of one unit for one year, as read from its resolution (DESIGN §1)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from kehoach.core.targets import Target


class IndicatorGroup:
    """The indicator group names of DESIGN §1, lower case as in the plan JSON."""

    ECONOMY = "kinh tế"
    CULTURE_SOCIETY = "văn hóa - xã hội"
    GOVERNMENT = "xây dựng chính quyền"
    DEFENCE_SECURITY = "quốc phòng - an ninh"
    URBAN_ENVIRONMENT = "đô thị - môi trường"
    OTHER = "khác"

    ALL: tuple[str, ...] = (
        ECONOMY,
        CULTURE_SOCIETY,
        GOVERNMENT,
        DEFENCE_SECURITY,
        URBAN_ENVIRONMENT,
        OTHER,
    )


@dataclass
class Document:
    """The resolution itself: who issued it, when, on what grounds."""

    number: str | None = None
    type: str | None = None
    issuer: str | None = None
    place: str | None = None
    date: date | None = None
    subject: str | None = None
    plan_year: int | None = None
    term: str | None = None
    session: int | None = None
    legal_bases: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    signer: str | None = None


@dataclass
class Task:
    """A focus task (nhiệm vụ trọng tâm); mostly prose, sometimes with targets."""

    code: str
    text: str
    targets: list[Target] = field(default_factory=list)
    span: tuple[int, int] | None = None


@dataclass
class Indicator:
    """A numbered main indicator (chỉ tiêu chủ yếu) holding one or more targets."""

    number: int
    group: str
    text: str
    code: str | None = None
    targets: list[Target] = field(default_factory=list)
    span: tuple[int, int] | None = None


@dataclass
class Solution:
    """The measures of one sector (giải pháp)."""

    sector: str
    items: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser could not read, with where it is in the normalized text."""

    message: str
    span: tuple[int, int] | None = None
    kind: str = "general"


@dataclass
class Plan:
    document: Document = field(default_factory=Document)
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    solutions: list[Solution] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    def keyed_targets(self) -> Iterator[tuple[str, Target]]:
        """Every target with its stable key: ``N.k`` for indicators, ``T<code>.k`` for tasks."""
        for task in self.tasks:
            code = task.code.strip("().")
            for k, target in enumerate(task.targets, start=1):
                yield f"T{code}.{k}", target
        for indicator in self.indicators:
            for k, target in enumerate(indicator.targets, start=1):
                yield f"{indicator.number}.{k}", target

    def target(self, key: str) -> Target:
        for found_key, target in self.keyed_targets():
            if found_key == key:
                return target
        raise KeyError(key)

    @property
    def is_empty(self) -> bool:
        return not (self.tasks or self.indicators or self.solutions)
