"""The approval states of a unit's period and the transitions between them."""

from __future__ import annotations

import pytest

from kehoach.core.approval import ApprovalError, PeriodAction, PeriodState, transition

S, A = PeriodState, PeriodAction


@pytest.mark.parametrize(
    ("state", "action", "after"),
    [
        (S.DRAFT, A.SUBMIT, S.SUBMITTED),
        (S.REOPENED, A.SUBMIT, S.SUBMITTED),
        (S.SUBMITTED, A.APPROVE, S.APPROVED),
        (S.APPROVED, A.REOPEN, S.REOPENED),
        (S.SUBMITTED, A.REOPEN, S.REOPENED),
    ],
)
def test_allowed(state: PeriodState, action: PeriodAction, after: PeriodState) -> None:
    assert transition(state, action, reason="lý do") is after


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (S.SUBMITTED, A.SUBMIT, "đã nộp rồi"),
        (S.APPROVED, A.SUBMIT, "cần mở lại trước khi nộp lại"),
        (S.DRAFT, A.APPROVE, "chưa nộp nên chưa duyệt được"),
        (S.REOPENED, A.APPROVE, "cần nộp lại trước khi duyệt"),
        (S.APPROVED, A.APPROVE, "đã được duyệt rồi"),
        (S.DRAFT, A.REOPEN, "chưa nộp, không cần mở lại"),
        (S.REOPENED, A.REOPEN, "đã được mở lại rồi"),
    ],
)
def test_refused(state: PeriodState, action: PeriodAction, message: str) -> None:
    with pytest.raises(ApprovalError, match=message):
        transition(state, action, reason="lý do")


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_reopening_needs_a_reason(reason: str | None) -> None:
    with pytest.raises(ApprovalError, match="cần ghi lý do"):
        transition(S.APPROVED, A.REOPEN, reason)


def test_only_approved_is_locked() -> None:
    assert [s for s in PeriodState if s.locked] == [S.APPROVED]
    assert [s.label for s in PeriodState] == ["Đang nhập", "Đã nộp", "Đã duyệt (khóa sổ)", "Đã mở lại"]
