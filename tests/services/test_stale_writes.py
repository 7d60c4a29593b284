"""A write naming the revision it replaces: refused when someone changed the figure meanwhile,
also when both saved at the very same moment (on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kehoach import services
from kehoach.core.entries import FigureEntry
from kehoach.services.database import write_work
from kehoach.services.errors import StaleFigure
from kehoach.storage import Database, Transaction, WriteConflict
from kehoach.storage.observations import FIGURE_CONFLICT, ObservationRepository
from kehoach.storage.periodstatus import PeriodStatusRepository
from tests.services.conftest import RowCounts, at_once


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


# Two writers at the same moment --------------------------------------------------------------


def _saving(db: Database, ward: int, value: int, replaces: int | services.Replaces | None) -> Callable[[], object]:
    return lambda: services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(value), replaces=replaces)


def test_two_first_figures_at_once_one_is_stored_the_other_is_stale(
    db: Database, ward: int, row_counts: RowCounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcomes = at_once(monkeypatch, ObservationRepository, _saving(db, ward, 3, None), _saving(db, ward, 4, None))

    stored = [o for o in outcomes if isinstance(o, services.RecordResult)]
    refused = [o for o in outcomes if isinstance(o, StaleFigure)]
    assert len(stored) == 1 and len(refused) == 1, outcomes
    winner = Decimal(3) if outcomes[0] is stored[0] else Decimal(4)
    assert (refused[0].current_seq, refused[0].current.value) == (1, winner)  # type: ignore[union-attr]
    assert "đã được thay đổi trong lúc bạn sửa" in str(refused[0])
    counts = row_counts()
    assert (counts["observations"], counts["observation_revisions"]) == (1, 1)  # nothing of the loser
    assert [r.new.value for r in services.history(db, ward, "2.1", "P9-1", "2024-01") if r.new] == [winner]


def test_two_changes_of_one_revision_at_once(
    db: Database, ward: int, row_counts: RowCounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.record(db, ward, "2.1", "P9-1", "2024-01", value=Decimal(1))

    outcomes = at_once(monkeypatch, ObservationRepository, _saving(db, ward, 3, 1), _saving(db, ward, 4, 1))

    assert sorted(type(o).__name__ for o in outcomes) == ["RecordResult", "StaleFigure"], outcomes
    refused = next(o for o in outcomes if isinstance(o, StaleFigure))
    assert refused.current_seq == 2
    assert row_counts()["observation_revisions"] == 2


def test_writes_that_name_no_revision_are_stored_one_after_the_other(
    db: Database, ward: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like the entry page's saves: the second write goes on top of the first, as if a moment later."""
    any_revision = services.Replaces.ANY
    outcomes = at_once(
        monkeypatch, ObservationRepository, _saving(db, ward, 3, any_revision), _saving(db, ward, 4, any_revision)
    )

    assert all(isinstance(o, services.RecordResult) and o.written == 1 for o in outcomes), outcomes
    figures = services.current_figures(db, ward, "2024-01")
    assert [(f.unit_code, f.seq) for f in figures] == [("P9-1", 2)]
    assert sorted(r.new.value for r in services.history(db, ward, "2.1", "P9-1", "2024-01") if r.new) == [3, 4]


def test_two_approvals_at_once(db: Database, ward: int, row_counts: RowCounts, monkeypatch: pytest.MonkeyPatch) -> None:
    services.submit(db, ward, "P9", "2024-01")

    def approving() -> object:
        return services.approve(db, ward, "P9", "2024-01")

    outcomes = at_once(monkeypatch, PeriodStatusRepository, approving, approving)

    assert sorted(type(o).__name__ for o in outcomes) == ["InputError", "PeriodStatus"], outcomes
    assert "đã được duyệt rồi" in str(next(o for o in outcomes if isinstance(o, services.InputError)))
    assert row_counts()["period_statuses"] == 2


def test_a_write_colliding_twice_is_a_conflict_and_stores_nothing(
    db: Database, ward: int, row_counts: RowCounts
) -> None:
    before = row_counts()
    runs = []

    def colliding(tx: Transaction) -> None:
        runs.append(tx)
        tx.observations.append(ward, [], "A")  # stands for the writes the other writer beat
        raise WriteConflict(FIGURE_CONFLICT)

    with pytest.raises(services.ConcurrentWrite) as refused:
        write_work(db, colliding)
    assert len(runs) == 2  # once more, then given up
    assert isinstance(refused.value, services.ConflictError)  # answered 409, like a stale write
    assert str(refused.value) == "Số liệu vừa được người khác sửa; hãy tải lại và nhập lại"
    assert row_counts() == before
