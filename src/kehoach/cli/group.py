"""Command classes: one line on stderr and exit code 1 for a KehoachError; Vietnamese help."""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand, TyperGroup

from kehoach.cli.localization import VietnameseHelp
from kehoach.cli.output import fail
from kehoach.services.errors import KehoachError


class KehoachCommand(VietnameseHelp, TyperCommand):
    pass


class KehoachGroup(VietnameseHelp, TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KehoachError as exc:
            raise fail(str(exc)) from None
