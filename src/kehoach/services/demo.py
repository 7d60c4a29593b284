"""The demo: the bundled resolution 74/NQ-HĐND of Phường 1 (2023), imported once."""

from __future__ import annotations

from importlib.resources import files

from kehoach.services.importing import ImportResult, import_text
from kehoach.storage import Database

DEMO_FILE = "nq-74-2023-phuong-1.txt"


def demo_text() -> str:
    return files("kehoach").joinpath("data", DEMO_FILE).read_text(encoding="utf-8")


def import_demo(db: Database) -> ImportResult:
    """Import the demo resolution unless it is already there."""
    return import_text(db, demo_text(), name=DEMO_FILE, format="txt")
