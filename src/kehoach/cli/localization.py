"""Vietnamese for the help screens Typer draws (its own words are English).

Typer reads the panel titles from module-level settings of ``typer.rich_utils`` each
time it draws a help screen; the help option and the usage line come from the command
classes, which :class:`VietnameseHelp` adjusts.
"""

from __future__ import annotations

from typing import Any

import typer.rich_utils

HELP_OPTION_TEXT = "Hiển thị hướng dẫn này rồi thoát."
USAGE_PREFIX = "Cách dùng: "

_PANEL_TEXTS = {
    "ARGUMENTS_PANEL_TITLE": "Tham số",
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "DEFAULT_STRING": "[mặc định: {}]",
    "ABORTED_TEXT": "Đã dừng.",
    "RICH_HELP": "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng.",
}


def localize_help() -> None:
    for name, text in _PANEL_TEXTS.items():
        if hasattr(typer.rich_utils, name):
            setattr(typer.rich_utils, name, text)


class VietnameseHelp:
    """Mixin for Typer command classes: Vietnamese help option and usage line."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)
