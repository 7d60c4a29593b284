"""What services keep between calls, in the database's memo (storage.memo) and keyed by the
data version (storage.versions): the loaded plans (services.context.PlanContext, with their
unit tree), the indexes of figures an evaluation reads, and the evaluations themselves.

Nothing is invalidated by hand: every write moves the data version, and a value is found
only under the version it was computed at (plans and unit trees under the version's structure
part alone, which recording a figure does not move). Each kind of value has a bounded shelf (least
recently used out first). A server's workers each keep their own memo; they stay correct for
the same reason.

Only values that do not depend on who asks are kept: permission checks run on every call,
before anything is looked up (services.evaluating).

The version is global, not per plan: it is read with one query on the highest row ids (a
plan's own highest revision would need a scan of its figures, 300,000 in a province), so a
write to one plan makes the others' values unreachable too; they are computed again once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from kehoach.services.database import unit_of_work
from kehoach.storage import Database, DataVersion, Shelf, Transaction

T = TypeVar("T")

# Shelves: (name, how many values at most).
CONTEXTS = ("contexts", 32)  # PlanContext by plan reference: a plan and the unit tree
INDEXES = ("figure-indexes", 6)  # ObservationIndex by plan and months: a province's holds 150,000 figures
EVALUATIONS = ("evaluations", 4096)  # the targets of one plan evaluated for one unit and period
TREES = ("unit-trees", 2)  # the unit tree alone
VIEWS = ("views", 512)  # what a page derives from evaluations (web.pages), by what it shows


def data_version(db: Database) -> DataVersion | None:
    """The current data version (one small query)."""
    with unit_of_work(db) as tx:
        return tx.versions.current()


def shelf(holder: Database | Transaction, kind: tuple[str, int]) -> Shelf:
    return holder.memo.shelf(*kind)


def structure(version: DataVersion | None) -> Hashable | None:
    """The part of the version plans and units depend on (recording figures leaves it)."""
    return None if version is None else version.of_structure


def kept(
    holder: Database | Transaction,
    kind: tuple[str, int],
    key: Hashable,
    version: Hashable | None,
    compute: Callable[[], T],
) -> T:
    """The value of ``key`` computed at ``version`` (kept in the database's memo), computed now
    when it is not kept yet; never kept when there is no version (a transaction that wrote)."""
    if version is None:
        return compute()
    return shelf(holder, kind).get_or_compute(key, version, compute)
