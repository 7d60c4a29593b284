"""Periods of a unit: draft → submitted → approved (locked) → reopened …, every step kept."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.core.approval import PeriodState
from kehoach.services import InputError, approve, figure_history, period_status, record, reopen, submit
from kehoach.storage import Database


def test_the_whole_flow_is_kept_as_history(db: Database, ward: int) -> None:
    assert period_status(db, ward, "P9", "2024-Q1").state is PeriodState.DRAFT
    assert submit(db, ward, "P9", "2024-Q1", "Cán bộ").state is PeriodState.SUBMITTED
    assert approve(db, ward, "P9", "2024-Q1", "Chủ tịch").state is PeriodState.APPROVED
    reopened = reopen(db, ward, "P9", "2024-Q1", "Chủ tịch", reason="Khóm 2 báo cáo lại")
    assert reopened.state is PeriodState.REOPENED
    assert record(db, ward, "2.1", "P9-2", "2024-Q1", value=Decimal(9), who="Cán bộ").created == 1
    submit(db, ward, "P9", "2024-Q1", "Cán bộ")
    final = approve(db, ward, "P9", "2024-Q1", "Chủ tịch", reason="đã kiểm tra")
    assert [(c.state, c.who, c.reason) for c in final.history] == [
        (PeriodState.SUBMITTED, "Cán bộ", ""),
        (PeriodState.APPROVED, "Chủ tịch", ""),
        (PeriodState.REOPENED, "Chủ tịch", "Khóm 2 báo cáo lại"),
        (PeriodState.SUBMITTED, "Cán bộ", ""),
        (PeriodState.APPROVED, "Chủ tịch", "đã kiểm tra"),
    ]
    assert period_status(db, ward, "P9", "2024-Q1").history == final.history
    found = figure_history(db, ward, "2.1", "P9-2", "2024-Q1")
    assert found.state is PeriodState.DRAFT  # the khóm's own period was never acted on …
    assert found.locked_because is not None and "đã duyệt cùng Phường Mẫu (P9)" in found.locked_because  # … but locked


@pytest.mark.parametrize(
    ("steps", "action", "message"),
    [
        (
            [],
            approve,
            "không duyệt được số liệu kỳ Quý I năm 2024 của đơn vị Phường Mẫu \\(P9\\): chưa nộp nên chưa duyệt được",
        ),
        ([], reopen, "chưa nộp, không cần mở lại"),
        ([submit], submit, "đã nộp rồi, đang chờ duyệt"),
        ([submit, approve], approve, "đã được duyệt rồi"),
        ([submit, approve], submit, "đã được duyệt \\(khóa sổ\\); cần mở lại trước khi nộp lại"),
    ],
)
def test_transitions_that_are_refused(db: Database, ward: int, steps: list, action, message: str) -> None:  # type: ignore[no-untyped-def]
    for step in steps:
        step(db, ward, "P9", "2024-Q1", "An")
    with pytest.raises(InputError, match=message):
        action(db, ward, "P9", "2024-Q1", "An", reason="lý do")
    assert len(period_status(db, ward, "P9", "2024-Q1").history) == len(steps)


def test_reopening_needs_a_reason(db: Database, ward: int) -> None:
    submit(db, ward, "P9", "2024-06", "An")
    with pytest.raises(InputError, match="cần ghi lý do"):
        reopen(db, ward, "P9", "2024-06", "An", reason="  ")
    assert reopen(db, ward, "P9", "2024-06", "An", reason="trả lại để sửa").state is PeriodState.REOPENED


def test_only_units_of_the_plan_and_valid_periods(db: Database, ward: int) -> None:
    with pytest.raises(InputError, match="không thuộc Phường Mẫu"):
        submit(db, ward, "X8", "2024-06", "An")
    with pytest.raises(InputError, match="kỳ báo cáo '2024-Q5' không hợp lệ"):
        submit(db, ward, "P9", "2024-Q5", "An")
