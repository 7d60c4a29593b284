from kehoach.core.text import nfc
from kehoach.services import demo_text, fingerprint, get_plan, import_demo, list_plans
from kehoach.storage import Database


def test_the_demo_resolution_is_bundled() -> None:
    text = demo_text()
    assert "74/NQ-HĐND" in nfc(text)
    assert len(text) > 5000


def test_the_demo_imports_once(db: Database) -> None:
    first = import_demo(db)
    again = import_demo(db)
    assert first.created and not again.created
    assert again.plan_id == first.plan_id
    assert len(list_plans(db)) == 1
    stored = get_plan(db, first.plan_id)
    assert stored.plan == first.plan
    assert stored.fingerprint == fingerprint(demo_text())
