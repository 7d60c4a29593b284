"""A plan belongs to a unit (given, found by the document's place, or created) and has a cut-off rule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from kehoach.core import CutoffRule, Document, OrgUnit, Plan, UnitLevel
from kehoach.core.planjson import plan_to_json
from kehoach.services import (
    AmbiguousReferenceError,
    InputError,
    NotFoundError,
    add_units,
    change_plan_settings,
    get_plan,
    import_plan_json,
    plan_settings,
    record,
    unit_tree,
)
from kehoach.storage import Database


def _plan(place: str | None, issuer: str | None, number: str = "1/NQ-HĐND", year: int = 2024) -> str:
    document = Document(number=number, issuer=issuer, place=place, date=dt.date(year - 1, 12, 1), plan_year=year)
    return plan_to_json(Plan(document=document))


def test_without_a_unit_the_documents_place_is_created(db: Database, seed_plan_json: Path) -> None:
    result = import_plan_json(db, seed_plan_json)
    assert result.unit is not None and result.unit_created
    assert (result.unit.code, result.unit.name, result.unit.level) == ("phuong-1", "Phường 1", UnitLevel.XA)
    assert get_plan(db, result.plan_id).unit_code == "phuong-1"
    # another plan of the same place finds it
    second = import_plan_json(db, _plan("Phường 1", "Hội đồng nhân dân Phường 1", "2/NQ-HĐND"))
    assert second.unit == result.unit and not second.unit_created
    assert len(unit_tree(db)) == 1


@pytest.mark.parametrize(
    ("place", "issuer", "name", "level"),
    [
        ("Đồng Khê", "Hội đồng nhân dân huyện Đồng Khê", "Huyện Đồng Khê", UnitLevel.HUYEN),
        ("Phú Sơn", "Uỷ ban nhân dân xã Phú Sơn", "Xã Phú Sơn", UnitLevel.XA),
        ("Vĩnh Đức", "HĐND tỉnh Vĩnh Đức", "Tỉnh Vĩnh Đức", UnitLevel.TINH),
        ("Suối Mây", None, "Suối Mây", UnitLevel.XA),
        (None, None, "Đơn vị chưa rõ", UnitLevel.XA),
    ],
)
def test_the_default_unit_is_named_from_the_issuer_or_place(
    db: Database, place: str | None, issuer: str | None, name: str, level: UnitLevel
) -> None:
    result = import_plan_json(db, _plan(place, issuer))
    assert result.unit is not None
    assert (result.unit.name, result.unit.level) == (name, level)


def test_a_stored_unit_of_that_name_is_used(db: Database, seed_plan_json: Path) -> None:
    add_units(db, [OrgUnit("32001", "Phường 1", UnitLevel.XA), OrgUnit("32001-1", "Khóm 1", UnitLevel.KHOM, "32001")])
    result = import_plan_json(db, seed_plan_json)
    assert result.unit is not None and result.unit.code == "32001" and not result.unit_created


def test_two_units_of_that_name_need_a_choice(db: Database, seed_plan_json: Path) -> None:
    add_units(db, [OrgUnit("A", "Phường 1", UnitLevel.XA), OrgUnit("B", "phường  1", UnitLevel.XA)])
    with pytest.raises(AmbiguousReferenceError, match=r"có 2 đơn vị mang tên 'Phường 1'.*--unit"):
        import_plan_json(db, seed_plan_json)
    assert import_plan_json(db, seed_plan_json, unit_code="B").unit == OrgUnit("B", "phường  1", UnitLevel.XA)


def test_a_unit_no_longer_in_force_is_not_found_by_name(db: Database, seed_plan_json: Path) -> None:
    add_units(db, [OrgUnit("A", "Phường 1", UnitLevel.XA, valid_to=dt.date(2023, 6, 30))])
    result = import_plan_json(db, seed_plan_json)  # plan year 2024
    assert result.unit is not None and result.unit_created and result.unit.code == "phuong-1"


def test_a_unit_given_must_exist_and_be_in_force(db: Database, seed_plan_json: Path) -> None:
    with pytest.raises(NotFoundError, match="không có đơn vị mã 'X'"):
        import_plan_json(db, seed_plan_json, unit_code="X")
    add_units(db, [OrgUnit("A", "Phường Cũ", UnitLevel.XA, valid_to=dt.date(2023, 6, 30))])
    with pytest.raises(InputError, match="không có hiệu lực trong năm kế hoạch 2024"):
        import_plan_json(db, seed_plan_json, unit_code="A")
    assert unit_tree(db).units == (OrgUnit("A", "Phường Cũ", UnitLevel.XA, valid_to=dt.date(2023, 6, 30)),)


def test_the_cut_off_rule_is_kept_and_changed(db: Database, seed_plan_json: Path) -> None:
    result = import_plan_json(db, seed_plan_json, cutoff_rule=CutoffRule.CALENDAR)
    assert plan_settings(db, result.plan_id).cutoff_rule is CutoffRule.CALENDAR
    assert change_plan_settings(db, "74/NQ-HĐND", cutoff_rule="nd09").cutoff_rule is CutoffRule.ND09
    assert get_plan(db, result.plan_id).cutoff_rule is CutoffRule.ND09
    assert change_plan_settings(db, 1, cutoff_rule="dương lịch").cutoff_rule is CutoffRule.CALENDAR
    with pytest.raises(InputError, match="không nhận ra cách chốt số liệu 'tuần'"):
        change_plan_settings(db, 1, cutoff_rule="tuần")


def test_the_unit_changes_only_while_no_figure_is_recorded(db: Database, seed_plan_json: Path) -> None:
    add_units(db, [OrgUnit("32001", "Phường Một", UnitLevel.XA), OrgUnit("32001-1", "Khóm 1", UnitLevel.KHOM, "32001")])
    plan_id = import_plan_json(db, seed_plan_json).plan_id  # a made-up "Phường 1"
    assert change_plan_settings(db, plan_id, unit_code="32001").unit.code == "32001"
    record(db, plan_id, "5.2", "32001-1", "2024-01", value=Decimal(3), who="An")
    with pytest.raises(InputError, match="đã có số liệu"):
        change_plan_settings(db, plan_id, unit_code="phuong-1")
    assert plan_settings(db, plan_id).unit.code == "32001"
