"""A target in words for the CLI's tables: the one wording of every surface (core.wording)."""

from __future__ import annotations

from kehoach.core.wording import requirement

__all__ = ["requirement"]
