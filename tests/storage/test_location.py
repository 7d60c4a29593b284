from pathlib import Path

from platformdirs import user_data_dir

from kehoach.storage.location import data_home, database_url


def test_database_url_variable_wins_over_home() -> None:
    env = {"KEHOACH_DATABASE_URL": "postgresql+psycopg://u@h/db", "KEHOACH_HOME": "/tmp/x"}
    assert database_url(env) == "postgresql+psycopg://u@h/db"


def test_home_variable_places_the_sqlite_file(tmp_path: Path) -> None:
    assert database_url({"KEHOACH_HOME": str(tmp_path)}) == f"sqlite:///{tmp_path / 'kehoach.db'}"


def test_default_is_the_user_data_dir() -> None:
    assert data_home({}) == Path(user_data_dir("kehoach"))
    assert database_url({}) == f"sqlite:///{Path(user_data_dir('kehoach')).resolve() / 'kehoach.db'}"


def test_blank_variables_are_ignored() -> None:
    assert database_url({"KEHOACH_DATABASE_URL": "  ", "KEHOACH_HOME": ""}) == database_url({})
