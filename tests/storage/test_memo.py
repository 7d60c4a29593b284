"""The memo of computed values: found only under the version they were computed at, bounded,
and computed once when several threads miss the same value together."""

from __future__ import annotations

import threading
import time

import pytest

from kehoach.storage.memo import Memo, Shelf


def test_a_value_is_found_only_under_its_version() -> None:
    shelf = Shelf(4)
    assert shelf.get_or_compute("a", 1, lambda: "one") == "one"
    assert shelf.get_or_compute("a", 1, lambda: "other") == "one"
    assert shelf.get("a", 2) == (False, None)
    assert shelf.get_or_compute("a", 2, lambda: "two") == "two"
    assert shelf.get("a", 1) == (False, None)  # replaced: the old version is out of reach
    assert (shelf.stats.hits, shelf.stats.misses) == (1, 2)


def test_the_least_recently_used_value_goes_first() -> None:
    shelf = Shelf(2)
    shelf.put("a", 1, "A")
    shelf.put("b", 1, "B")
    assert shelf.get("a", 1) == (True, "A")  # "a" is now the most recent
    shelf.put("c", 1, "C")
    assert len(shelf) == 2
    assert shelf.get("b", 1) == (False, None)
    assert shelf.get("a", 1) == (True, "A") and shelf.get("c", 1) == (True, "C")


def test_threads_missing_the_same_value_compute_it_once() -> None:
    shelf = Shelf(4)
    calls: list[int] = []
    started = threading.Event()

    def slow() -> str:
        calls.append(1)
        started.set()
        time.sleep(0.2)
        return "value"

    found: list[str] = []
    threads = [threading.Thread(target=lambda: found.append(shelf.get_or_compute("k", 7, slow))) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert found == ["value"] * 5
    assert len(calls) == 1


def test_a_failed_computation_is_not_kept_and_does_not_block_others() -> None:
    shelf = Shelf(4)

    def broken() -> str:
        raise ValueError("no")

    with pytest.raises(ValueError):
        shelf.get_or_compute("k", 1, broken)
    assert shelf.get("k", 1) == (False, None)
    assert shelf.get_or_compute("k", 1, lambda: "ok") == "ok"


def test_the_memo_gives_one_shelf_per_name_and_clears_them_all() -> None:
    memo = Memo()
    first = memo.shelf("x", 3)
    assert memo.shelf("x", 99) is first and first.size == 3
    first.put("k", 1, "v")
    memo.shelf("y", 1).put("k", 1, "w")
    memo.clear()
    assert first.get("k", 1) == (False, None) and memo.shelf("y", 1).get("k", 1) == (False, None)
