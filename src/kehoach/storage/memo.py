"""Values computed from the stored data, kept in this process beside the database they came
from (``Database.memo``) and keyed by the data version they were computed at
(storage.versions).

A value is found only under the version it was computed at: a write moves the version, and
every value computed before it is then out of reach, with nothing to invalidate by hand.
Each shelf holds a bounded number of values (least recently used first out); a value is
replaced when it is computed again at another version. When several threads miss the same
value at once, one computes it and the others wait for it. Thread-safe; nothing is shared
between processes (each worker of a server keeps its own, equally correct).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

T = TypeVar("T")

WAIT = 60.0  # seconds a thread waits for another computing the same value, then computes it itself


@dataclass
class ShelfStats:
    hits: int = 0
    misses: int = 0


class Shelf:
    """One kind of value (contexts, figure indexes, evaluations …), at most ``size`` of them."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.stats = ShelfStats()
        self._lock = threading.Lock()
        self._values: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._computing: dict[tuple[Hashable, Hashable], threading.Event] = {}

    def __len__(self) -> int:
        return len(self._values)

    def _find(self, key: Hashable, version: Hashable) -> tuple[bool, Any]:
        found = self._values.get(key)
        if found is None or found[0] != version:
            return False, None
        self._values.move_to_end(key)
        return True, found[1]

    def get(self, key: Hashable, version: Hashable) -> tuple[bool, Any]:
        """(True, value) when ``key`` was computed at ``version``, else (False, None)."""
        with self._lock:
            return self._find(key, version)

    def put(self, key: Hashable, version: Hashable, value: Any) -> None:
        with self._lock:
            self._values[key] = (version, value)
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def get_or_compute(self, key: Hashable, version: Hashable, compute: Callable[[], T]) -> T:
        """The value of ``key`` at ``version``, computed (once, whoever asks) when missing."""
        flight = (key, version)
        with self._lock:
            hit, value = self._find(key, version)
            if hit:
                self.stats.hits += 1
                return cast(T, value)
            self.stats.misses += 1
            running = self._computing.get(flight)
            if running is None:
                running = self._computing[flight] = threading.Event()
                leader = True
            else:
                leader = False
        if not leader:
            running.wait(WAIT)
            hit, value = self.get(key, version)
            return cast(T, value) if hit else compute()
        try:
            value = compute()
            self.put(key, version, value)
            return value
        finally:
            with self._lock:
                self._computing.pop(flight, None)
            running.set()

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


class Memo:
    """The shelves of one database, created on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._shelves: dict[str, Shelf] = {}

    def shelf(self, name: str, size: int) -> Shelf:
        found = self._shelves.get(name)
        if found is None:
            with self._lock:
                found = self._shelves.setdefault(name, Shelf(size))
        return found

    def clear(self) -> None:
        for shelf in list(self._shelves.values()):
            shelf.clear()
