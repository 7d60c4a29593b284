"""The index of recorded figures, and how one unit's figures combine over time.

:class:`ObservationIndex` groups observations by (target, actual/estimate, year) and then
by unit, with a slot per month, so a roll-up fetches its target's units once and touches
only the series it needs (a province of 300,000 figures is evaluated in a fraction of a
second).

Selection within a period, per unit (:class:`YearSeries`):

- a figure recorded for the period itself is used as it is;
- cumulative: otherwise the recorded periods inside the period that do not overlap and
  cover the most months, and among those the finest (months before quarters). Months
  with nothing recorded are missing, not zero;
- latest: the recorded period inside the period that ends last; of two ending together
  the longer one (the report for 2024-Q1 over the one for March).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from kehoach.core.observations import Observation, ObservationError
from kehoach.core.periods import Period, PeriodKind


class YearSeries:
    """The observations of one target, unit and kind (actual/estimate) in one year."""

    __slots__ = ("months", "others")

    def __init__(self) -> None:
        self.months: list[Observation | None] = [None] * 12
        self.others: dict[Period, Observation] = {}

    def add(self, obs: Observation) -> None:
        period = obs.period
        if period.kind is PeriodKind.MONTH:
            assert period.index is not None
            taken = self.months[period.index - 1] is not None
            if not taken:
                self.months[period.index - 1] = obs
        else:
            taken = period in self.others
            if not taken:
                self.others[period] = obs
        if taken:
            kind = "số ước" if obs.estimate else "số liệu"
            raise ObservationError(
                f"có hai {kind} cho chỉ tiêu {obs.target_key}, đơn vị {obs.unit_code}, kỳ {period.code}"
            )

    def direct(self, period: Period) -> Observation | None:
        if period.kind is PeriodKind.MONTH:
            assert period.index is not None
            return self.months[period.index - 1]
        return self.others.get(period)

    def _inside(self, period: Period) -> list[Observation]:
        found = [o for o in self.months[period.first_month - 1 : period.last_month] if o is not None]
        found.extend(o for p, o in self.others.items() if period.contains(p))
        return found

    def latest(self, period: Period) -> Observation | None:
        if not self.others:
            for month in range(period.last_month, period.first_month - 1, -1):
                obs = self.months[month - 1]
                if obs is not None:
                    return obs
            return None
        inside = self._inside(period)
        return max(inside, key=lambda o: o.period.sort_key) if inside else None

    def cumulative(self, period: Period) -> list[Observation]:
        own = self.direct(period)
        if own is not None:
            return [own]
        if not self.others or not any(period.contains(p) for p in self.others):
            return [o for o in self.months[period.first_month - 1 : period.last_month] if o is not None]
        return _best_cover(period, self._inside(period))

    def __iter__(self) -> Iterator[Observation]:
        yield from (o for o in self.months if o is not None)
        yield from self.others.values()


def _best_cover(period: Period, candidates: list[Observation]) -> list[Observation]:
    """Non-overlapping observations covering the most months of ``period``, finest first."""
    starts: dict[int, list[Observation]] = {}
    for obs in candidates:
        starts.setdefault(obs.period.first_month, []).append(obs)
    # best[m] = (months covered, pieces, chosen) for months m..last
    best: dict[int, tuple[int, int, tuple[Observation, ...]]] = {period.last_month + 1: (0, 0, ())}
    for month in range(period.last_month, period.first_month - 1, -1):
        choice = best[month + 1]
        for obs in starts.get(month, ()):
            covered, pieces, chosen = best[obs.period.last_month + 1]
            option = (covered + obs.period.month_count, pieces + 1, (obs, *chosen))
            if option[:2] > choice[:2]:
                choice = option
        best[month] = choice
    return list(best[period.first_month][2])


class ObservationIndex:
    """Observations keyed by (target, unit, period, actual/estimate), built once.

    Observations with nothing recorded are left out (missing, not zero); two observations
    with the same key raise ``ObservationError``.
    """

    def __init__(self, observations: Iterable[Observation] = ()) -> None:
        # (target, estimate, year) -> unit -> series: a roll-up fetches its target's units once.
        self._series: dict[tuple[str, bool, int], dict[str, YearSeries]] = {}
        self._count = 0
        for obs in observations:
            if obs.is_empty:
                continue
            key = (obs.target_key, obs.estimate, obs.period.year)
            units = self._series.get(key)
            if units is None:
                units = self._series[key] = {}
            series = units.get(obs.unit_code)
            if series is None:
                series = units[obs.unit_code] = YearSeries()
            series.add(obs)
            self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Observation]:
        for units in self._series.values():
            for series in units.values():
                yield from series

    def get(self, target_key: str, unit_code: str, period: Period, estimate: bool = False) -> Observation | None:
        """The observation recorded for exactly this period (None if none)."""
        series = self.units(target_key, period.year, estimate).get(unit_code)
        return None if series is None else series.direct(period)

    def units(self, target_key: str, year: int, estimate: bool = False) -> Mapping[str, YearSeries]:
        """The series of every unit that recorded ``target_key`` in ``year``, by unit code."""
        return self._series.get((target_key, estimate, year), _NO_SERIES)


_NO_SERIES: Mapping[str, YearSeries] = MappingProxyType({})
