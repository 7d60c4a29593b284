"""Where the database lives: ``KEHOACH_DATABASE_URL``, else a SQLite file under ``KEHOACH_HOME``
or the user data directory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

DATABASE_URL_VAR = "KEHOACH_DATABASE_URL"
HOME_VAR = "KEHOACH_HOME"
DATABASE_FILE = "kehoach.db"


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """The folder for kehoach's own files: ``$KEHOACH_HOME`` or the platform's user data dir."""
    env = os.environ if env is None else env
    home = env.get(HOME_VAR, "").strip()
    return Path(home).expanduser() if home else Path(user_data_dir("kehoach"))


def database_url(env: Mapping[str, str] | None = None) -> str:
    """The SQLAlchemy URL of the database to use (any dialect SQLAlchemy knows)."""
    env = os.environ if env is None else env
    url = env.get(DATABASE_URL_VAR, "").strip()
    if url:
        return url
    return sqlite_url(data_home(env) / DATABASE_FILE)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"
