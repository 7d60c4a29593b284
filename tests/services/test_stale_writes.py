"""A write naming the revision it replaces: refused when someone changed the figure meanwhile."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach import services
from kehoach.core.entries import FigureEntry
from kehoach.services.errors import StaleFigure
from kehoach.storage import Database


def test_the_current_revision_is_required_to_change_a_figure(db: Database, ward: int) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(3), replaces=None)
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(4), replaces=1)
    with pytest.raises(StaleFigure) as stale:
        services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(5), replaces=1)
    assert (stale.value.current_seq, stale.value.current.value) == (2, Decimal(4))  # type: ignore[union-attr]
    assert "đã được thay đổi trong lúc bạn sửa (bạn sửa từ: lần sửa thứ 1; hiện tại: lần sửa thứ 2)" in str(stale.value)
    with pytest.raises(StaleFigure) as taken:
        services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(5), replaces=None)
    assert taken.value.current_seq == 2
    assert services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(4), replaces=None).unchanged == 1
    assert [r.new.value for r in services.history(db, ward, "2.1", "P9-1", "2024-01") if r.new] == [3, 4]


def test_a_stale_slot_refuses_the_whole_batch(db: Database, ward: int) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(3))
    entries = [
        FigureEntry("2.1", "P9-2", "2024-01", value=Decimal(1)),
        FigureEntry("2.1", "P9-1", "2024-01", value=Decimal(9)),
    ]
    replaces = {("2.1", "P9-2", "2024-01", False): None, ("2.1", "P9-1", "2024-01", False): None}
    with pytest.raises(StaleFigure):
        services.record_many(db, ward, entries, replaces=replaces)
    assert services.history(db, ward, "2.1", "P9-2", "2024-01") == []


def test_clearing_names_the_revision_too(db: Database, ward: int) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(3))
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(6))
    with pytest.raises(StaleFigure):
        services.clear(db, ward, "2.1", "P9-1", "2024-01", replaces=1)
    assert services.clear(db, ward, "2.1", "P9-1", "2024-01", replaces=2).changed == 1
    figures = services.current_figures(db, ward, "2024-01")
    assert [(f.unit_code, f.seq, f.figure) for f in figures] == [("P9-1", 3, None)]


def test_periods_are_listed_with_their_dates() -> None:
    periods = services.list_periods(2024, "calendar")
    assert [p.code for p in periods][:3] == ["2024-01", "2024-02", "2024-03"]
    assert [p.code for p in periods][-6:] == ["2024-Q3", "2024-Q4", "2024-H1", "2024-9M", "2024-H2", "2024"]
    q1 = next(p for p in services.list_periods(2024) if p.code == "2024-Q1")
    assert (q1.label, q1.start.isoformat(), q1.end.isoformat()) == ("Quý I năm 2024", "2023-12-15", "2024-03-14")
    with pytest.raises(services.InputError):
        services.list_periods(20240)
