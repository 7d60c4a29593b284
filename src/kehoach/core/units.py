"""Administrative units (đơn vị hành chính) and the tree they form, with their history.

Levels (tỉnh, huyện before July 2025, xã, khóm) are in core.unitlevels.

Units keep their history: a merger closes the old units (``valid_to``) and opens a new
one; a code may be reused by a new unit with a later ``valid_from`` (vn-conventions §4:
00004 was Phường Trúc Bạch, is now Phường Ba Đình). A unit version is identified by
``(code, valid_from)``, never by the code alone.

Decisions where the brief was silent:

- ``valid_from`` and ``valid_to`` are inclusive; None means "since ever" / "still in
  force". A unit closed by a merger on 1/7/2025 has ``valid_to`` 30/6/2025.
- Two versions of one code must not overlap in time, so a code names at most one unit
  on any day.
- ``parent_code`` names a code, resolved on each day: on every day a unit is in force
  some version of its parent code must be in force too, and every such version must be
  of a higher level (not necessarily the next one: after 2025 a xã sits right under its
  tỉnh). Because a parent is always of a strictly higher level, cycles cannot occur;
  a unit naming itself as its parent gets its own message.
- Structural queries take ``on``: the tree as it stood that day. ``on=None`` means the
  tree after every recorded change (the units still in force, ``valid_to`` None).
  ``get(code)`` without a day returns the latest version of the code, in force or not.
- ``leaves_under(code, on)`` is the unit itself when it has no sub-units that day.
- All problems found while building a tree are reported together in one ``UnitError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from kehoach.core.unitlevels import UnitError, UnitLevel, parse_level


def _vn_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@dataclass(frozen=True)
class OrgUnit:
    """One version of an administrative unit."""

    code: str
    name: str
    level: UnitLevel
    parent_code: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    def __post_init__(self) -> None:
        if not self.code.strip():
            raise UnitError(f"đơn vị '{self.name}' thiếu mã")
        if not self.name.strip():
            raise UnitError(f"đơn vị {self.code} thiếu tên")
        if not isinstance(self.level, UnitLevel):
            object.__setattr__(self, "level", parse_level(str(self.level)))
        if self.valid_from is not None and self.valid_to is not None and self.valid_to < self.valid_from:
            raise UnitError(
                f"đơn vị {self.code}: ngày hết hiệu lực {_vn_date(self.valid_to)} "
                f"trước ngày bắt đầu hiệu lực {_vn_date(self.valid_from)}"
            )

    @property
    def start(self) -> date:
        return self.valid_from or date.min

    @property
    def end(self) -> date:
        return self.valid_to or date.max

    def active_on(self, day: date | None) -> bool:
        """In force on ``day``; with None, still in force after every recorded change."""
        if day is None:
            return self.valid_to is None
        return self.start <= day <= self.end

    def overlaps(self, start: date, end: date) -> bool:
        return self.start <= end and start <= self.end


class UnitTree:
    """The units of an installation with their history; validated when built."""

    def __init__(self, units: Iterable[OrgUnit]) -> None:
        self._units: tuple[OrgUnit, ...] = tuple(units)
        versions: dict[str, list[OrgUnit]] = {}
        by_parent: dict[str, list[OrgUnit]] = {}
        for unit in self._units:
            versions.setdefault(unit.code, []).append(unit)
            if unit.parent_code is not None:
                by_parent.setdefault(unit.parent_code, []).append(unit)
        for found in versions.values():
            found.sort(key=lambda u: u.start)
        self._versions = {code: tuple(found) for code, found in versions.items()}
        self._by_parent = {code: tuple(found) for code, found in by_parent.items()}
        self._children_cache: dict[tuple[str, date | None], tuple[OrgUnit, ...]] = {}
        self._leaves_cache: dict[tuple[str, date | None], tuple[OrgUnit, ...]] = {}
        problems = self._problems()
        if problems:
            raise UnitError(problems)

    # Validation -----------------------------------------------------------------------
    def _problems(self) -> list[str]:
        problems: list[str] = []
        for code, versions in self._versions.items():
            for earlier, later in pairwise(versions):
                if earlier.valid_from == later.valid_from:
                    since = "không ghi ngày" if later.valid_from is None else f"từ {_vn_date(later.valid_from)}"
                    problems.append(f"đơn vị {code} được khai báo hai lần với cùng ngày bắt đầu hiệu lực ({since})")
                elif earlier.end >= later.start:
                    problems.append(
                        f"đơn vị {code} có hai thời kỳ hiệu lực chồng lên nhau "
                        f"({earlier.name} và {later.name}, ngày {_vn_date(later.start)})"
                    )
        for unit in self._units:
            problems.extend(self._parent_problems(unit))
        return problems

    def _parent_problems(self, unit: OrgUnit) -> list[str]:
        parent = unit.parent_code
        if parent is None:
            return []
        if parent == unit.code:
            return [f"đơn vị {unit.code} không thể là cấp trên của chính nó"]
        versions = self._versions.get(parent)
        if not versions:
            return [f"đơn vị {unit.code} ghi cấp trên là {parent} nhưng không có đơn vị mã {parent}"]
        overlapping = [p for p in versions if p.overlaps(unit.start, unit.end)]
        problems = [
            f"đơn vị {unit.code} ({unit.level.label.lower()}) không thể trực thuộc đơn vị {parent} "
            f"({p.level.label.lower()}): cấp trên phải ở cấp cao hơn"
            for p in overlapping
            if not p.level.is_above(unit.level)
        ]
        gap = _first_uncovered_day(unit.start, unit.end, overlapping)
        if gap is not None:
            problems.append(f"đơn vị {unit.code}: đơn vị cấp trên {parent} không có hiệu lực vào ngày {_vn_date(gap)}")
        return problems

    # Lookups --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._units)

    def __contains__(self, code: object) -> bool:
        return code in self._versions

    @property
    def units(self) -> tuple[OrgUnit, ...]:
        return self._units

    def versions(self, code: str) -> tuple[OrgUnit, ...]:
        """Every version of ``code``, oldest first (empty when unknown)."""
        return self._versions.get(code, ())

    def find(self, code: str, on: date | None = None) -> OrgUnit | None:
        versions = self._versions.get(code, ())
        if on is None:
            return versions[-1] if versions else None
        for unit in versions:
            if unit.active_on(on):
                return unit
        return None

    def get(self, code: str, on: date | None = None) -> OrgUnit:
        """The version of ``code`` in force on ``on``; without a day, its latest version."""
        unit = self.find(code, on)
        if unit is None:
            when = "" if on is None else f" vào ngày {_vn_date(on)}"
            raise UnitError(f"không có đơn vị mã {code}{when}")
        return unit

    def _require(self, code: str, on: date | None) -> OrgUnit:
        unit = self.find(code, on)
        if unit is None or not unit.active_on(on):
            when = "hiện nay" if on is None else f"vào ngày {_vn_date(on)}"
            raise UnitError(f"không có đơn vị mã {code} còn hiệu lực {when}")
        return unit

    def active_on(self, day: date | None) -> tuple[OrgUnit, ...]:
        return tuple(u for u in self._units if u.active_on(day))

    def roots(self, on: date | None = None) -> tuple[OrgUnit, ...]:
        return tuple(u for u in self.active_on(on) if u.parent_code is None)

    def children(self, code: str, on: date | None = None) -> tuple[OrgUnit, ...]:
        """The units directly under ``code`` on ``on``, in the order given."""
        key = (code, on)
        cached = self._children_cache.get(key)
        if cached is None:
            self._require(code, on)
            cached = tuple(u for u in self._by_parent.get(code, ()) if u.active_on(on))
            self._children_cache[key] = cached
        return cached

    def descendants(self, code: str, on: date | None = None) -> tuple[OrgUnit, ...]:
        """Every unit below ``code`` on ``on``, depth first, parents before their children."""
        found: list[OrgUnit] = []
        stack = list(reversed(self.children(code, on)))
        while stack:
            unit = stack.pop()
            found.append(unit)
            stack.extend(reversed(self.children(unit.code, on)))
        return tuple(found)

    def ancestors(self, code: str, on: date | None = None) -> tuple[OrgUnit, ...]:
        """The units above ``code`` on ``on``, nearest first."""
        found: list[OrgUnit] = []
        unit = self._require(code, on)
        while unit.parent_code is not None:
            unit = self._require(unit.parent_code, on)
            found.append(unit)
        return tuple(found)

    def leaves_under(self, code: str, on: date | None = None) -> tuple[OrgUnit, ...]:
        """The units under ``code`` with no sub-units on ``on`` (the unit itself when it has none)."""
        key = (code, on)
        cached = self._leaves_cache.get(key)
        if cached is None:
            kids = self.children(code, on)
            if not kids:
                cached = (self._require(code, on),)
            else:
                cached = tuple(leaf for kid in kids for leaf in self.leaves_under(kid.code, on))
            self._leaves_cache[key] = cached
        return cached

    def is_within(self, code: str, scope_code: str, on: date | None = None) -> bool:
        """``code`` is ``scope_code`` or lies under it on ``on`` (False when ``code`` is not in force)."""
        unit = self.find(code, on)
        if unit is None or not unit.active_on(on):
            return False
        return code == scope_code or any(u.code == scope_code for u in self.ancestors(code, on))


def _first_uncovered_day(start: date, end: date, covering: list[OrgUnit]) -> date | None:
    """The first day of [start, end] on which none of ``covering`` is in force, if any."""
    day = start
    for unit in sorted(covering, key=lambda u: u.start):
        if unit.start > day:
            return day
        if unit.end >= end:
            return None
        day = max(day, _next_day(unit.end))
    return day if day <= end else None


def _next_day(day: date) -> date:
    return day if day == date.max else date.fromordinal(day.toordinal() + 1)
