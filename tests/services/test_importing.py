from collections.abc import Callable
from pathlib import Path

import pytest

from kehoach.core import Plan
from kehoach.core.planjson import plan_to_json
from kehoach.parsing import ParsedDocument, SourceText
from kehoach.services import (
    DatabaseError,
    InputError,
    export_plan_json,
    get_plan,
    import_document,
    import_path,
    import_plan_json,
    import_text,
    list_plans,
)
from kehoach.services.database import open_database
from kehoach.storage import Database

SEED_TEXT = "Số: 74/NQ-HĐND\nNGHỊ QUYẾT\n"

InstallParser = Callable[..., None]


@pytest.fixture
def parser_returns(monkeypatch: pytest.MonkeyPatch) -> InstallParser:
    """Make the file parser return a given plan, so these tests don't depend on the real parser."""

    def install(plan: Plan, text: str = SEED_TEXT) -> None:
        def fake_parse_file(path: Path | str) -> ParsedDocument:
            assert Path(path).is_file()
            return ParsedDocument(plan=plan, source=SourceText(text=text, format="txt", encoding="utf-8"))

        monkeypatch.setattr("kehoach.services.reading.parse_file", fake_parse_file)

    return install


def test_import_plan_json_stores_the_plan(db: Database, seed_plan_json: Path, seed_plan: Plan) -> None:
    result = import_plan_json(db, seed_plan_json)
    assert result.created
    assert result.plan == seed_plan
    assert get_plan(db, result.plan_id).plan == seed_plan


def test_import_plan_json_accepts_the_text(db: Database, seed_plan: Plan) -> None:
    result = import_plan_json(db, plan_to_json(seed_plan))
    assert result.created and result.source_name is None
    assert get_plan(db, result.plan_id).plan == seed_plan


def test_reimporting_json_does_not_duplicate(db: Database, seed_plan_json: Path) -> None:
    first = import_plan_json(db, seed_plan_json)
    second = import_plan_json(db, seed_plan_json)
    assert not second.created
    assert second.plan_id == first.plan_id
    assert second.plan == first.plan
    assert len(list_plans(db)) == 1


def test_reimporting_the_same_file_does_not_duplicate(
    db: Database, tmp_path: Path, seed_plan: Plan, parser_returns: InstallParser
) -> None:
    parser_returns(seed_plan)
    path = tmp_path / "nq.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    first = import_document(db, path)
    again = import_document(db, path)
    assert first.created and not again.created
    assert again.plan_id == first.plan_id
    assert len(list_plans(db)) == 1


def test_same_text_dedups_even_when_the_parse_differs(
    db: Database, tmp_path: Path, seed_plan: Plan, parser_returns: InstallParser
) -> None:
    path = tmp_path / "nq.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    parser_returns(seed_plan)
    first = import_document(db, path)
    parser_returns(Plan())  # e.g. a newer parser reads the same text differently
    again = import_document(db, path)
    assert (again.created, again.plan_id, again.plan) == (False, first.plan_id, seed_plan)


def test_exported_json_of_an_imported_file_is_recognised(
    db: Database, tmp_path: Path, seed_plan: Plan, parser_returns: InstallParser
) -> None:
    parser_returns(seed_plan)
    path = tmp_path / "nq.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    first = import_document(db, path)
    exported = tmp_path / "plan.json"
    exported.write_text(export_plan_json(db, first.plan_id), encoding="utf-8")
    again = import_path(db, exported)
    assert not again.created and again.plan_id == first.plan_id
    assert len(list_plans(db)) == 1


def test_same_number_issuer_and_date_is_the_same_document(
    db: Database, tmp_path: Path, seed_plan: Plan, seed_plan_json: Path, parser_returns: InstallParser
) -> None:
    imported = import_plan_json(db, seed_plan_json)
    parser_returns(seed_plan, text="Một bản gõ lại khác đôi chút của nghị quyết 74/NQ-HĐND")
    path = tmp_path / "retyped.txt"
    path.write_text("x", encoding="utf-8")
    again = import_document(db, path)
    assert not again.created and again.plan_id == imported.plan_id


def test_the_stored_source_is_the_normalized_text(db: Database, tmp_path: Path, parser_returns: InstallParser) -> None:
    decomposed = "Nghi\u0323 quyê\u0301t\r\nso\u0302\u0301 1"
    parser_returns(Plan(), text=decomposed)
    path = tmp_path / "nq.txt"
    path.write_text("x", encoding="utf-8")
    result = import_document(db, path)
    with db.transaction() as tx:
        assert tx.plans.source_text(result.plan_id) == "Nghị quyết\nsố 1"
    stored = get_plan(db, result.plan_id)
    assert (stored.source_name, stored.source_format) == ("nq.txt", "txt")
    assert stored.fingerprint is not None and len(stored.fingerprint) == 64


def test_import_text_dedups_on_the_text(db: Database) -> None:
    first = import_text(db, "Nghị quyết số 1\n", name="a.txt")
    again = import_text(db, "Nghị quyết số 1\r\n", name="b.txt")
    assert first.created and not again.created and again.plan_id == first.plan_id
    assert again.source_name == "a.txt"


def test_a_missing_file_is_an_input_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không tìm thấy"):
        import_document(db, tmp_path / "missing.txt")
    with pytest.raises(InputError, match="không tìm thấy"):
        import_plan_json(db, tmp_path / "missing.json")


def test_a_folder_is_an_input_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        import_document(db, tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "tệp rỗng"),
        ("   \n", "tệp rỗng"),
        ("{not json", "JSON không hợp lệ"),
        ('{"schema": "other/1"}', "schema"),
        ('{"schema": "kehoach.plan/1", "indicators": [{"number": 1, "group": "không có"}]}', "group"),
    ],
)
def test_bad_json_is_an_input_error(db: Database, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "plan.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        import_plan_json(db, path)
    assert str(path) in str(info.value)
    assert list_plans(db) == []


def test_json_that_is_not_utf8_is_an_input_error(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes('{"schema": "kehoach.plan/1", "x": "Nghị quyết"}'.encode("utf-16"))
    with pytest.raises(InputError, match="UTF-8"):
        import_plan_json(db, path)


def test_import_path_picks_json_by_suffix(db: Database, tmp_path: Path, seed_plan: Plan) -> None:
    path = tmp_path / "PLAN.JSON"
    path.write_text(plan_to_json(seed_plan), encoding="utf-8")
    assert import_path(db, path).plan == seed_plan


def test_the_seed_file_imports_once(db: Database, seed_text_path: Path, txt_reader: None) -> None:
    first = import_document(db, seed_text_path)
    again = import_document(db, seed_text_path)
    assert first.created and not again.created
    assert again.plan_id == first.plan_id
    assert get_plan(db, first.plan_id).plan == first.plan


def test_open_database_reports_a_bad_url() -> None:
    with pytest.raises(DatabaseError, match="cơ sở dữ liệu"):
        open_database("nosuchdialect://x")
