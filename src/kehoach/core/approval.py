"""The approval state of one unit's figures for one period: draft → submitted → approved
(locked) → reopened → submitted … Every transition is kept as history by storage.

Decisions where the brief was silent:

- A period nobody acted on is a draft. Figures can be recorded in every state except
  ``approved``; a submitted period can still be corrected before it is approved.
- ``approve`` needs a submitted period; ``reopen`` works on an approved period (to correct
  it) or a submitted one (sent back to the officer) and needs a reason.
- Doing what is already done (submitting a submitted period …) is refused with the reason,
  so a mistaken double approval never looks like a second check.
"""

from __future__ import annotations

from enum import StrEnum


class ApprovalError(ValueError):
    """A transition that the period's current state does not allow (Vietnamese message)."""


class PeriodState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REOPENED = "reopened"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def locked(self) -> bool:
        """Figures of a locked period cannot change."""
        return self is PeriodState.APPROVED


_STATE_LABELS = {
    PeriodState.DRAFT: "Đang nhập",
    PeriodState.SUBMITTED: "Đã nộp",
    PeriodState.APPROVED: "Đã duyệt (khóa sổ)",
    PeriodState.REOPENED: "Đã mở lại",
}


class PeriodAction(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    REOPEN = "reopen"

    @property
    def label(self) -> str:
        return {"submit": "nộp", "approve": "duyệt", "reopen": "mở lại"}[self.value]

    @property
    def result(self) -> PeriodState:
        return {
            PeriodAction.SUBMIT: PeriodState.SUBMITTED,
            PeriodAction.APPROVE: PeriodState.APPROVED,
            PeriodAction.REOPEN: PeriodState.REOPENED,
        }[self]


_ALLOWED = {
    PeriodAction.SUBMIT: {PeriodState.DRAFT, PeriodState.REOPENED},
    PeriodAction.APPROVE: {PeriodState.SUBMITTED},
    PeriodAction.REOPEN: {PeriodState.SUBMITTED, PeriodState.APPROVED},
}

_REFUSALS = {
    (PeriodAction.SUBMIT, PeriodState.SUBMITTED): "đã nộp rồi, đang chờ duyệt",
    (PeriodAction.SUBMIT, PeriodState.APPROVED): "đã được duyệt (khóa sổ); cần mở lại trước khi nộp lại",
    (PeriodAction.APPROVE, PeriodState.DRAFT): "chưa nộp nên chưa duyệt được",
    (PeriodAction.APPROVE, PeriodState.REOPENED): "đã được mở lại, cần nộp lại trước khi duyệt",
    (PeriodAction.APPROVE, PeriodState.APPROVED): "đã được duyệt rồi",
    (PeriodAction.REOPEN, PeriodState.DRAFT): "chưa nộp, không cần mở lại",
    (PeriodAction.REOPEN, PeriodState.REOPENED): "đã được mở lại rồi",
}


def transition(state: PeriodState, action: PeriodAction, reason: str | None = None) -> PeriodState:
    """The state after ``action``; :class:`ApprovalError` when the action is not allowed now."""
    if state not in _ALLOWED[action]:
        raise ApprovalError(_REFUSALS[(action, state)])
    if action is PeriodAction.REOPEN and not (reason and reason.strip()):
        raise ApprovalError("mở lại kỳ đã nộp hoặc đã duyệt cần ghi lý do")
    return action.result
