"""Every command and every parameter has help text, and the README documents every command."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from kehoach.cli.app import app

README = Path(__file__).parents[2] / "README.md"
GROUP: Any = typer.main.get_command(app)


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every command with its full path ("units import"), groups included."""
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        yield " ".join(path), command
        if hasattr(command, "commands"):  # a group of commands
            yield from _commands(command, path)


ALL = dict(_commands(GROUP))
COMMANDS = sorted(ALL)


def test_the_commands() -> None:
    assert {
        "approve",
        "demo",
        "export",
        "history",
        "import",
        "load",
        "parse",
        "plans",
        "record",
        "reopen",
        "settings",
        "show",
        "status",
        "submit",
        "target",
        "target list",
        "target set",
        "template",
        "units",
        "units import",
        "units list",
    } <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_help(name: str) -> None:
    command = ALL[name]
    assert command.help and command.help.strip(), f"kehoach {name} has no help text"
    for param in command.params:
        assert getattr(param, "help", None), f"kehoach {name}: parameter {param.name} has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_help_screen_is_vietnamese(name: str) -> None:
    result = CliRunner().invoke(app, [*name.split(), "--help"], prog_name="kehoach")
    assert result.exit_code == 0
    assert "Cách dùng: kehoach" in result.stdout
    assert "Hiển thị hướng dẫn này rồi thoát" in result.stdout
    assert "Show this message" not in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_is_documented_in_the_readme(name: str) -> None:
    assert f"kehoach {name}" in README.read_text(encoding="utf-8")


def test_no_arguments_shows_the_command_list() -> None:
    result = CliRunner().invoke(app, [])
    for name in GROUP.commands:
        assert name in result.stdout


def test_the_readme_opens_with_the_two_set_up_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert first_block.splitlines()[1:] == ["make run", "make test"]  # after the language tag


def test_the_readme_says_where_make_run_serves() -> None:
    script = (README.parent / "scripts" / "run").read_text(encoding="utf-8")
    host = re.search(r'HOST="\$\{KEHOACH_HOST:-([^}]+)\}"', script)
    port = re.search(r'PORT="\$\{KEHOACH_PORT:-([^}]+)\}"', script)
    assert host is not None and port is not None
    assert f"`{host.group(1)}:{port.group(1)}`" in README.read_text(encoding="utf-8")
