"""The set-up promise: the README opens with exactly the two commands, and CI runs the very
test command the README gives."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _code_blocks(text: str) -> list[list[str]]:
    return [
        [line.strip() for line in block.strip().splitlines() if line.strip()]
        for block in re.findall(r"^```[a-z]*\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)
    ]


def test_the_readme_opens_with_the_two_commands() -> None:
    blocks = _code_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks, "README has no code block"
    assert blocks[0] == ["make run", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert any(re.search(r"(^|\s)make test$", line) for line in commands)


def test_the_makefile_has_both_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, flags=re.MULTILINE)
    assert re.search(r"^test:", makefile, flags=re.MULTILINE)
