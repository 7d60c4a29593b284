"""The installed ``kehoach`` script, run as a real process."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.core import Plan
from kehoach.core.planjson import plan_to_json


def _script() -> str:
    beside = Path(sys.executable).with_name("kehoach")
    found = str(beside) if beside.exists() else shutil.which("kehoach")
    if found is None:
        pytest.fail("the kehoach script is not installed (pip install -e '.[dev]')")
    return found


def kehoach(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DATABASE_URL"}
    env.update(KEHOACH_HOME=str(home), COLUMNS="200")
    return subprocess.run([_script(), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize(
    "args",
    [
        ("parse", "/nonexistent/nq.txt"),
        ("import", "/nonexistent/plan.json"),
        ("show", "42"),
        ("export", "42", "--json"),
    ],
)
def test_errors_are_one_vietnamese_line(args: tuple[str, ...], tmp_path: Path) -> None:
    done = kehoach(*args, home=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("Lỗi: ")
    assert "Traceback" not in done.stderr


def test_bad_json_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("[1, 2", encoding="utf-8")
    done = kehoach("import", str(path), home=tmp_path)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_import_show_and_demo(tmp_path: Path, seed_plan_json: Path, seed_plan: Plan) -> None:
    imported = kehoach("import", str(seed_plan_json), home=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Đã nhập kế hoạch số 1")
    shown = kehoach("show", "74/NQ-HĐND", "--json", home=tmp_path)
    assert shown.returncode == 0 and shown.stderr == ""
    assert shown.stdout == plan_to_json(seed_plan) + "\n"
    assert json.loads(shown.stdout)["document"]["number"] == "74/NQ-HĐND"
    demo = kehoach("demo", home=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "Traceback" not in demo.stderr
    assert (tmp_path / "kehoach.db").is_file()


def test_the_cli_starts_without_the_database_libraries() -> None:
    """``kehoach parse`` needs no database: SQLAlchemy and Alembic load only when a command opens one."""
    code = "import sys, kehoach.cli.app; print(sorted(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
