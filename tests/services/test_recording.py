"""Recording figures: checked first, all or nothing, append-only, idempotent."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kehoach.core import RevisionKind
from kehoach.core.entries import EntryProblems, FigureEntry
from kehoach.services import (
    InputError,
    InputProblems,
    NotFoundError,
    approve,
    clear,
    history,
    record,
    record_bulk,
    record_many,
    submit,
)
from kehoach.storage import Database

RowCounts = Callable[[], dict[str, int]]  # the row_counts fixture

D = Decimal


def _jobs(unit: str, month: int, value: int, **extra: object) -> FigureEntry:
    return FigureEntry("2.1", unit, f"2024-{month:02d}", value=D(value), **extra)  # type: ignore[arg-type]


def test_record_then_change_appends_revisions(db: Database, ward: int, row_counts: RowCounts) -> None:
    first = record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), note="sổ tháng 1", who="An")
    assert (first.created, first.changed, first.unchanged) == (1, 0, 0)
    changed = record(db, ward, "2.1", "P9-1", "2024-01", value=D(6), reason="đếm lại", who="Bình")
    assert (changed.created, changed.changed) == (0, 1)
    counts = row_counts()
    assert (counts["observations"], counts["observation_revisions"]) == (1, 2)
    revisions = history(db, ward, "2.1", "P9-1", "2024-01")
    assert [r.kind for r in revisions] == [RevisionKind.CREATED, RevisionKind.CHANGED]
    assert [r.who for r in revisions] == ["An", "Bình"]
    assert revisions[1].old is not None and revisions[1].old.value == 5
    assert revisions[1].new is not None and revisions[1].new.value == 6
    assert revisions[1].reason == "đếm lại"
    assert revisions[1].new.note == "sổ tháng 1"  # no note given: the note stays
    assert revisions[0].when <= revisions[1].when


def test_recording_the_same_figure_again_writes_nothing(db: Database, ward: int, row_counts: RowCounts) -> None:
    record(db, ward, "5.1", "P9-1", "2024-01", numerator=D(180), denominator=D(200), who="An")
    before = row_counts()
    again = record(db, ward, "5.1", "P9-1", "2024-01", numerator=D("180.0"), denominator=D(200), who="Bình")
    assert (again.created, again.changed, again.unchanged, again.written) == (0, 0, 1, 0)
    assert row_counts() == before
    # a grade written another way is the same grade
    record(db, ward, "6.1", "P9", "2024-06", grade="Tốt", who="An")
    assert record(db, ward, "6.1", "P9", "2024-06", grade="  tốt ", who="An").unchanged == 1


def test_only_the_note_changing_is_a_change(db: Database, ward: int) -> None:
    record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), who="An")
    assert record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), note="có ghi chú", who="An").changed == 1
    assert record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), note="", who="An").changed == 1
    assert [r.new.note for r in history(db, ward, "2.1", "P9-1", "2024-01") if r.new] == ["", "có ghi chú", ""]


def test_estimates_are_kept_apart_from_actuals(db: Database, ward: int) -> None:
    record(db, ward, "2.1", "P9", "2024", value=D(120), estimate=True, who="An")
    record(db, ward, "2.1", "P9", "2024", value=D(90), who="An")
    assert [r.new.value for r in history(db, ward, "2.1", "P9", "2024", estimate=True) if r.new] == [120]
    assert [r.new.value for r in history(db, ward, "2.1", "P9", "2024") if r.new] == [90]


def test_clearing_keeps_the_history(db: Database, ward: int, row_counts: RowCounts) -> None:
    record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), who="An")
    assert clear(db, ward, "2.1", "P9-1", "2024-01", reason="nhập nhầm khóm", who="An").changed == 1
    assert clear(db, ward, "2.1", "P9-1", "2024-01", who="An").unchanged == 1  # nothing left to clear
    revisions = history(db, ward, "2.1", "P9-1", "2024-01")
    assert [r.kind for r in revisions] == [RevisionKind.CREATED, RevisionKind.CLEARED]
    assert row_counts()["observation_revisions"] == 2
    assert record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), who="An").created == 1


@pytest.mark.parametrize(
    ("key", "unit", "period", "figure", "message"),
    [
        ("9.9", "P9-1", "2024-01", {"value": D(1)}, "kế hoạch số 1 không có chỉ tiêu mã '9.9'"),
        ("2.1", "P9-1", "2024-13", {"value": D(1)}, "kỳ báo cáo '2024-13' không hợp lệ"),
        ("2.1", "P9-1", "2026-01", {"value": D(1)}, "kỳ 2026-01 không thuộc năm kế hoạch 2024"),
        ("2.1", "ZZ", "2024-01", {"value": D(1)}, "không có đơn vị mã 'ZZ'"),
        ("2.1", "X8-1", "2024-01", {"value": D(1)}, r"đơn vị Ấp 1 \(X8-1\) không thuộc Phường Mẫu \(P9\)"),
        ("5.1", "P9-1", "2024-01", {"numerator": D(201), "denominator": D(200)}, "tử số 201 lớn hơn mẫu số 200"),
        ("5.1", "P9-1", "2024-01", {"value": D("100.5")}, "tỷ lệ 100,5% lớn hơn 100%"),
        ("5.1", "P9-1", "2024-01", {"numerator": D(5)}, "có tử số nhưng thiếu mẫu số"),
        ("2.1", "P9-1", "2024-01", {"grade": "Tốt"}, "chỉ tiêu định lượng không nhận mức đánh giá 'Tốt'"),
        ("6.1", "P9", "2024-01", {"value": D(1)}, "chỉ tiêu định tính cần mức đánh giá"),
        ("6.1", "P9", "2024-01", {"grade": "Rất tốt"}, "không nhận ra mức đánh giá 'Rất tốt'"),
        ("3.1", "P9-1", "2024-01", {"value": D(1)}, "chỉ tiêu định tính cần mức đánh giá"),  # a khóm meets or not
    ],
)
def test_bad_figures_are_refused(
    db: Database, ward: int, key: str, unit: str, period: str, figure: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        record(db, ward, key, unit, period, who="An", **figure)  # type: ignore[arg-type]


def test_the_ward_records_the_count_of_khom_itself(db: Database, ward: int) -> None:
    # units_meeting: a khóm gives a grade, the ward may give the count
    assert record(db, ward, "3.1", "P9-1", "2024-06", grade="Đạt", who="An").created == 1
    assert record(db, ward, "3.1", "P9", "2024-06", value=D(3), who="An").created == 1


def test_last_years_figures_are_accepted_as_baseline(db: Database, ward: int) -> None:
    assert record(db, ward, "1.1", "P9-1", "2023", numerator=D(6), denominator=D(200), who="An").created == 1


def test_unknown_plan_and_empty_figure(db: Database, ward: int) -> None:
    with pytest.raises(NotFoundError, match="không có kế hoạch số 7"):
        record(db, 7, "2.1", "P9-1", "2024-01", value=D(1), who="An")
    with pytest.raises(InputError, match="chưa nhập số liệu"):
        record(db, ward, "2.1", "P9-1", "2024-01", who="An")
    with pytest.raises(InputError, match="cần ghi tên người nhập"):
        record(db, ward, "2.1", "P9-1", "2024-01", value=D(1), who="  ")


# ---------------------------------------------------------------- record_many


def test_record_many_in_one_go(db: Database, ward: int, row_counts: RowCounts) -> None:
    entries = [_jobs(unit, month, month) for unit in ("P9-1", "P9-2", "P9-3") for month in range(1, 7)]
    entries.append(FigureEntry("5.1", "P9-1", "2024-06", numerator=D(180), denominator=D(200)))
    entries.append(FigureEntry("2.1", "P9-1", "2024-07"))  # an empty row of a form: skipped
    result = record_many(db, ward, entries, who="An", source="bieu-nhap.xlsx")
    assert (result.created, result.changed, result.unchanged, result.skipped) == (19, 0, 0, 1)
    assert len(result.changes) == 19
    counts = row_counts()
    assert (counts["observations"], counts["observation_revisions"]) == (19, 19)
    assert history(db, ward, "5.1", "P9-1", "2024-06")[0].new.source == "bieu-nhap.xlsx"  # type: ignore[union-attr]
    # the same batch again changes nothing
    again = record_many(db, ward, entries, who="An", source="bieu-nhap.xlsx")
    assert (again.created, again.changed, again.unchanged, again.written) == (0, 0, 19, 0)
    assert row_counts() == counts
    # one figure changed: one more revision
    entries[0] = _jobs("P9-1", 1, 50)
    assert record_many(db, ward, entries, who="An").changed == 1
    assert row_counts()["observation_revisions"] == 20


def test_a_bad_batch_changes_nothing_and_names_every_problem(db: Database, ward: int, row_counts: RowCounts) -> None:
    record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), who="An")
    before = row_counts()
    entries = [
        _jobs("P9-1", 1, 7, location="Nhập liệu, dòng 2"),  # fine: would change a figure
        _jobs("P9-2", 1, 3, location="Nhập liệu, dòng 3"),  # fine: would add one
        FigureEntry("9.9", "P9-1", "2024-01", value=D(1), location="Nhập liệu, dòng 4"),
        FigureEntry("5.1", "P9-2", "2024-01", numerator=D(9), denominator=D(4), location="Nhập liệu, dòng 5"),
        FigureEntry("5.1", "P9-3", "2024-01", value=D(101), location="Nhập liệu, dòng 6"),
        FigureEntry("2.1", "ZZ", "2024-01", value=D(1), location="Nhập liệu, dòng 7"),
        FigureEntry("2.1", "P9-3", "2024-1x", value=D(1), location="Nhập liệu, dòng 8"),
        _jobs("P9-2", 1, 4, location="Nhập liệu, dòng 9"),  # the same slot as line 3, another figure
        FigureEntry("2.1", "P9-3", "2024-02", value=D(2)),  # no location: described by its number
        FigureEntry("2.1", "P9-3", "2024-02", grade="Tốt"),
    ]
    with pytest.raises(EntryProblems) as caught:
        record_many(db, ward, entries, who="An", source="bieu.xlsx")
    assert isinstance(caught.value, InputProblems)
    assert [p.location for p in caught.value.problems] == [
        "Nhập liệu, dòng 4",
        "Nhập liệu, dòng 5",
        "Nhập liệu, dòng 6",
        "Nhập liệu, dòng 7",
        "Nhập liệu, dòng 8",
        "Nhập liệu, dòng 9",
        "mục 10 (chỉ tiêu 2.1, đơn vị P9-3, kỳ 2024-02)",
    ]
    assert "cùng chỉ tiêu, đơn vị và kỳ với Nhập liệu, dòng 3 nhưng số liệu khác nhau" in str(caught.value)
    assert row_counts() == before
    assert [r.new.value for r in history(db, ward, "2.1", "P9-1", "2024-01") if r.new] == [5]


def test_the_same_entry_twice_in_a_batch_is_one_figure(db: Database, ward: int) -> None:
    result = record_many(db, ward, [_jobs("P9-1", 1, 5), _jobs("P9-1", 1, 5)], who="An")
    assert (result.created, result.unchanged) == (1, 1)


def test_record_bulk_checks_the_same_way(db: Database, ward: int, row_counts: RowCounts) -> None:
    entries = (_jobs(unit, month, 1) for unit in ("P9-1", "P9-2", "P9-3") for month in range(1, 13))
    result = record_bulk(db, ward, entries, who="bench", source="tải hàng loạt")
    assert (result.created, result.changes) == (36, ())
    before = row_counts()
    with pytest.raises(InputProblems) as caught:
        record_bulk(db, ward, [_jobs("P9-1", 1, 2), FigureEntry("2.1", "X8-1", "2024-01", value=D(1))], who="bench")
    assert len(caught.value.problems) == 1
    assert row_counts() == before


# ---------------------------------------------------------------- locks


def test_an_approved_period_is_locked_for_the_unit_and_its_khom(db: Database, ward: int, row_counts: RowCounts) -> None:
    record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), who="An")
    submit(db, ward, "P9", "2024-01", "An")
    approve(db, ward, "P9", "2024-01", "Chủ tịch")
    before = row_counts()
    with pytest.raises(InputError) as caught:
        record(db, ward, "2.1", "P9-1", "2024-01", value=D(6), who="An")
    assert str(caught.value) == (
        "số liệu kỳ Tháng 1 năm 2024 của đơn vị Khóm 1 (P9-1) đã được duyệt, đã khóa sổ "
        "(đã duyệt cùng Phường Mẫu (P9)); cần mở lại kỳ này trước khi sửa"
    )
    with pytest.raises(InputError, match="đã khóa sổ"):
        clear(db, ward, "2.1", "P9-1", "2024-01", who="An")
    with pytest.raises(InputProblems, match="Khóm 2 \\(P9-2\\) đã được duyệt"):
        record_many(db, ward, [_jobs("P9-2", 1, 1), _jobs("P9-2", 2, 1)], who="An")
    # recording a locked figure again as it is is no edit: it passes and writes nothing
    assert record(db, ward, "2.1", "P9-1", "2024-01", value=D(5), who="An").unchanged == 1
    assert record_many(db, ward, [_jobs("P9-1", 1, 5, location="dòng 2")], who="An").unchanged == 1
    assert row_counts() == before
    # other periods stay open
    assert record(db, ward, "2.1", "P9-1", "2024-02", value=D(1), who="An").created == 1


def test_a_khom_approval_locks_only_that_khom(db: Database, ward: int) -> None:
    submit(db, ward, "P9-2", "2024-03", "An")
    approve(db, ward, "P9-2", "2024-03", "Chủ tịch")
    with pytest.raises(InputError, match=r"Khóm 2 \(P9-2\) đã được duyệt, đã khóa sổ; cần mở lại"):
        record(db, ward, "2.1", "P9-2", "2024-03", value=D(6), who="An")
    assert record(db, ward, "2.1", "P9-1", "2024-03", value=D(6), who="An").created == 1
    assert record(db, ward, "4.1", "P9", "2024-03", value=D(6), who="An").created == 1
