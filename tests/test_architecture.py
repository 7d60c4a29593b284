"""Imports point inward (DESIGN §2): web, cli -> services -> parsing, storage, reports -> core.

An AST check over every module under src/kehoach, including imports inside functions.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "kehoach"

# Which kehoach layers each layer may import (its own included).
ALLOWED = {
    "core": {"core"},
    "parsing": {"core", "parsing"},
    "storage": {"core", "storage"},
    "reports": {"core", "reports"},
    "services": {"core", "parsing", "storage", "reports", "services"},
    "cli": {"core", "parsing", "services", "cli"},
    "web": {"core", "parsing", "services", "reports", "web"},
    "": set(),  # kehoach/__init__.py
}
DATABASE_LIBRARIES = {"sqlalchemy", "alembic"}
STDLIB = set(sys.stdlib_module_names) | {"__future__"}


def _module_parts(root: Path, path: Path) -> list[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_modules(root: Path, path: Path) -> list[str]:
    """Absolute names of everything ``path`` imports; relative imports resolved inside kehoach."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ["kehoach", *_module_parts(root, path)]
    if path.name != "__init__.py":
        package = package[:-1]
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                names.append(".".join([*base, node.module] if node.module else base))
            elif node.module:
                names.append(node.module)
    return names


def violations(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = _module_parts(root, path)
        layer = parts[0] if parts else ""
        if layer not in ALLOWED:
            continue
        where = path.relative_to(root.parent)
        for name in imported_modules(root, path):
            top = name.split(".")[0]
            if top == "kehoach":
                target = name.split(".")[1] if "." in name else ""
                if target and target not in ALLOWED[layer]:
                    found.append(f"{where}: {layer or 'kehoach'} must not import kehoach.{target}")
            elif top in DATABASE_LIBRARIES and layer != "storage":
                found.append(f"{where}: only storage may import {top}")
            elif layer == "core" and top not in STDLIB:
                found.append(f"{where}: core may import the standard library only, not {top}")
    return found


def test_imports_point_inward() -> None:
    assert violations(SRC) == []


def test_every_layer_is_checked() -> None:
    layers = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert layers <= set(ALLOWED), f"a new package needs a rule here: {sorted(layers - set(ALLOWED))}"


@pytest.mark.parametrize(
    ("module", "source", "complaint"),
    [
        ("core/x.py", "import sqlalchemy\n", "only storage may import sqlalchemy"),
        ("core/x.py", "import rich\n", "core may import the standard library only"),
        ("core/x.py", "from kehoach.parsing import parse_text\n", "core must not import kehoach.parsing"),
        ("storage/x.py", "from kehoach.services import get_plan\n", "storage must not import kehoach.services"),
        ("services/x.py", "from ..cli import app\n", "services must not import kehoach.cli"),
        ("services/x.py", "def f():\n    from alembic import op\n", "only storage may import alembic"),
        ("parsing/x.py", "from kehoach.storage import Database\n", "parsing must not import kehoach.storage"),
        ("cli/x.py", "from kehoach.storage.tables import Base\n", "cli must not import kehoach.storage"),
        ("cli/x.py", "from kehoach.web import app\n", "cli must not import kehoach.web"),
        ("reports/x.py", "from kehoach.services import get_plan\n", "reports must not import kehoach.services"),
        ("reports/x.py", "from kehoach.storage import Database\n", "reports must not import kehoach.storage"),
        ("reports/x.py", "from kehoach.parsing import parse_text\n", "reports must not import kehoach.parsing"),
        ("reports/x.py", "import sqlalchemy\n", "only storage may import sqlalchemy"),
        ("parsing/x.py", "from kehoach.reports import entryform\n", "parsing must not import kehoach.reports"),
    ],
)
def test_the_check_catches_outward_imports(tmp_path: Path, module: str, source: str, complaint: str) -> None:
    root = tmp_path / "kehoach"
    path = root / module
    path.parent.mkdir(parents=True)
    (path.parent / "__init__.py").write_text("")
    path.write_text(source)
    assert any(complaint in v for v in violations(root)), violations(root)


def test_allowed_imports_pass(tmp_path: Path) -> None:
    root = tmp_path / "kehoach"
    (root / "services").mkdir(parents=True)
    (root / "services" / "x.py").write_text(
        "import json\nfrom kehoach.storage import Database\nfrom . import errors\nfrom ..core import plan\n"
    )
    assert violations(root) == []
