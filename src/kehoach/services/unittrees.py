"""The stored unit tree, read in a transaction (kept for the data version: services.caching)."""

from __future__ import annotations

from kehoach.core.unitlevels import UnitError
from kehoach.core.units import UnitTree
from kehoach.services.caching import TREES, kept, structure
from kehoach.services.errors import DatabaseError
from kehoach.storage import DataVersion, Transaction


def load_tree(tx: Transaction) -> UnitTree:
    return tree_at(tx, tx.versions.current())


def tree_at(tx: Transaction, version: DataVersion | None) -> UnitTree:
    """:func:`load_tree` for the data version already read in ``tx``."""
    return kept(tx, TREES, "tree", structure(version), lambda: _read_tree(tx))


def _read_tree(tx: Transaction) -> UnitTree:
    try:
        return UnitTree(stored.unit for stored in tx.units.all())
    except UnitError as exc:  # imports validate the tree: only a hand-edited database gets here
        raise DatabaseError(f"danh sách đơn vị trong cơ sở dữ liệu không hợp lệ: {exc}") from exc
