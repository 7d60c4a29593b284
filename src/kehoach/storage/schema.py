"""Every table of kehoach on one metadata: what migrations are compared against."""

from __future__ import annotations

from kehoach.storage import accounttables, figuretables, narrativetables, tables, unittables
from kehoach.storage.base import Base

TABLE_MODULES = (tables, unittables, figuretables, accounttables, narrativetables)
metadata = Base.metadata

__all__ = ["TABLE_MODULES", "Base", "metadata"]
