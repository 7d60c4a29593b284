"""Revisions: every change of a recorded figure, kept as history (nothing is overwritten).

Storage appends one :class:`Revision` per change: ``old`` None when a figure is first
recorded, ``new`` None when it is cleared. :func:`current_observation` replays them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kehoach.core.observations import Observation, ObservationError
from kehoach.core.periods import Period


class RevisionKind(StrEnum):
    CREATED = "created"
    CHANGED = "changed"
    CLEARED = "cleared"

    @property
    def label(self) -> str:
        return {"created": "Nhập mới", "changed": "Sửa", "cleared": "Xóa số liệu"}[self.value]


_FIGURE_FIELDS = ("value", "numerator", "denominator", "grade", "rank", "note", "source")


@dataclass(frozen=True)
class Revision:
    """One change of an observation: ``old`` None when first recorded, ``new`` None when cleared."""

    who: str
    when: datetime
    old: Observation | None
    new: Observation | None
    reason: str = ""

    def __post_init__(self) -> None:
        if self.old is None and self.new is None:
            raise ObservationError("một lần sửa cần số liệu cũ hoặc số liệu mới")
        if self.old is not None and self.new is not None and self.old.key != self.new.key:
            raise ObservationError("số liệu cũ và mới phải cùng chỉ tiêu, đơn vị, kỳ và loại (thực hiện hay ước)")

    @property
    def kind(self) -> RevisionKind:
        if self.old is None:
            return RevisionKind.CREATED
        if self.new is None:
            return RevisionKind.CLEARED
        return RevisionKind.CHANGED

    @property
    def key(self) -> tuple[str, str, Period, bool]:
        observation = self.new or self.old
        assert observation is not None
        return observation.key

    def changed_fields(self) -> tuple[str, ...]:
        """Names of the recorded parts that differ between old and new."""

        def part(observation: Observation | None, name: str) -> object:
            if observation is None:  # nothing recorded: no figure, empty note and source
                return "" if name in ("note", "source") else None
            return getattr(observation, name)

        return tuple(name for name in _FIGURE_FIELDS if part(self.old, name) != part(self.new, name))


def current_observation(revisions: list[Revision]) -> Observation | None:
    """The observation after applying ``revisions`` in order; each must start where the last ended."""
    current: Observation | None = None
    for number, revision in enumerate(revisions, start=1):
        if revision.old != current:
            raise ObservationError(f"lần sửa thứ {number} không nối tiếp số liệu trước đó")
        current = revision.new
    return current
