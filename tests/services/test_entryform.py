"""The entry form: one row per target × unit that must report, pre-filled, with locks and kinds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.core.entries import EntryKind
from kehoach.services import InputError, approve, entry_form, record, record_many, submit
from kehoach.storage import Database

KHOM = ["P9-1", "P9-2", "P9-3"]


def test_who_reports_what(db: Database, ward: int) -> None:
    form = entry_form(db, ward, "2024-06")
    assert (form.plan_ref, form.owner_unit, form.period_code, form.period_label) == (
        str(ward),
        "Phường Mẫu",
        "2024-06",
        "Tháng 6 năm 2024",
    )
    assert form.plan_title == "Nghị quyết 9/NQ-HĐND — Về kế hoạch phát triển kinh tế - xã hội năm 2024"
    rows = {(r.target_key, r.unit_code): r for r in form.rows}
    by_key: dict[str, list[str]] = {}
    for row in form.rows:
        by_key.setdefault(row.target_key, []).append(row.unit_code)
    assert by_key == {
        "1.1": KHOM,  # ratio: the leaf units
        "1.2": KHOM,
        "2.1": KHOM,  # sum
        "3.1": KHOM,  # units meeting: the units under the ward, each with its grade
        "4.1": ["P9"],  # unit only
        "5.1": KHOM,
        "6.1": ["P9"],  # a grade
    }
    assert rows[("1.1", "P9-1")].kind is EntryKind.RATIO
    assert rows[("2.1", "P9-1")].kind is EntryKind.VALUE
    assert rows[("3.1", "P9-2")].kind is EntryKind.GRADE
    assert rows[("3.1", "P9-2")].grades == ("Đạt", "Không đạt")
    assert rows[("6.1", "P9")].kind is EntryKind.GRADE
    assert rows[("6.1", "P9")].grades == ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu")
    first = rows[("1.1", "P9-1")]
    assert (first.indicator, first.target_text, first.unit_of_measure, first.unit_name) == (
        "1. Tỷ lệ hộ nghèo còn dưới 2%, giảm 0,5% so với năm trước",
        "còn dưới 2%",
        "%",
        "Khóm 1",
    )
    assert not any(r.locked or r.current for r in form.rows)


def test_current_figures_and_locks(db: Database, ward: int) -> None:
    record(db, ward, "2.1", "P9-2", "2024-06", value=Decimal(7), note="theo sổ", who="An")
    record(db, ward, "2.1", "P9-2", "2024", value=Decimal(70), estimate=True, who="An")
    submit(db, ward, "P9-1", "2024-06", "An")
    approve(db, ward, "P9-1", "2024-06", "Chủ tịch")
    rows = {(r.target_key, r.unit_code): r for r in entry_form(db, ward, "2024-06").rows}
    current = rows[("2.1", "P9-2")].current
    assert current is not None
    assert (current.value, current.note, current.period_code, current.estimate) == (7, "theo sổ", "2024-06", False)
    assert [code for (key, code), row in rows.items() if row.locked and key == "2.1"] == ["P9-1"]
    estimates = {(r.target_key, r.unit_code): r for r in entry_form(db, ward, "2024", estimate=True).rows}
    assert estimates[("2.1", "P9-2")].current is not None


def test_the_form_of_one_unit(db: Database, ward: int) -> None:
    form = entry_form(db, ward, "2024-06", "P9-3")
    assert {r.unit_code for r in form.rows} == {"P9-3"}
    assert [r.target_key for r in form.rows] == ["1.1", "1.2", "2.1", "3.1", "5.1"]
    with pytest.raises(InputError, match="không thuộc Phường Mẫu"):
        entry_form(db, ward, "2024-06", "X8-1")


def test_a_filled_form_records_back(db: Database, ward: int) -> None:
    form = entry_form(db, ward, "2024-06")
    from kehoach.core.entries import FigureEntry

    entries = [
        FigureEntry(row.target_key, row.unit_code, form.period_code, value=Decimal(1))
        for row in form.rows
        if row.kind is EntryKind.VALUE
    ]
    assert record_many(db, ward, entries, who="An").created == len(entries) == 4
