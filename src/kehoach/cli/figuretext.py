"""Figures in words for the CLI's tables: the one wording of every surface (core.wording)."""

from __future__ import annotations

from kehoach.core.wording import NONE, figure_text, number_text

__all__ = ["NONE", "figure_text", "number_text"]
