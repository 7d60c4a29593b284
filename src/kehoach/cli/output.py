"""Where the CLI writes: Rich on stdout for people, one plain line on stderr for errors."""

from __future__ import annotations

import typer
from rich.console import Console


def console() -> Console:
    """A console on the current stdout (so tests capturing stdout see it)."""
    return Console(highlight=False)


def say(message: str) -> None:
    console().print(message, markup=False, soft_wrap=True)


def print_raw(text: str) -> None:
    """Machine-readable output: exactly ``text`` and a newline, no markup, no wrapping."""
    typer.echo(text)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``Lỗi: message`` as one line on stderr; return the exit to raise."""
    typer.echo(f"Lỗi: {' '.join(message.split())}", err=True)
    return typer.Exit(code)
