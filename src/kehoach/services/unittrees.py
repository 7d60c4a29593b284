"""The stored unit tree, read in a transaction."""

from __future__ import annotations

from kehoach.core.unitlevels import UnitError
from kehoach.core.units import UnitTree
from kehoach.services.errors import DatabaseError
from kehoach.storage import Transaction


def load_tree(tx: Transaction) -> UnitTree:
    try:
        return UnitTree(stored.unit for stored in tx.units.all())
    except UnitError as exc:  # imports validate the tree: only a hand-edited database gets here
        raise DatabaseError(f"danh sách đơn vị trong cơ sở dữ liệu không hợp lệ: {exc}") from exc
