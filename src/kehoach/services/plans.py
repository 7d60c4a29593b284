"""Finding, listing and exporting stored plans (those the actor may see: services.permissions)."""

from __future__ import annotations

from kehoach.core.accounts import LOCAL_OPERATOR, Actor
from kehoach.core.planjson import plan_to_json
from kehoach.services.database import unit_of_work
from kehoach.services.errors import AmbiguousReferenceError, InputError, NotFoundError
from kehoach.services.permissions import check_plan_visible, sees_plan
from kehoach.services.unittrees import load_tree
from kehoach.storage import Database, PlanSummary, StoredPlan, Transaction


def list_plans(db: Database, *, actor: Actor = LOCAL_OPERATOR) -> list[PlanSummary]:
    """The plans the actor may see: of units in their scope, or of a unit above theirs."""
    with unit_of_work(db) as tx:
        summaries = tx.plans.summaries()
        if actor.unit_code is None:
            return summaries
        tree = load_tree(tx)
        return [summary for summary in summaries if sees_plan(actor, summary.unit_code, tree)]


def find_plan(tx: Transaction, ref: int | str) -> StoredPlan:
    """A plan by its id (``3``, ``"3"``) or by its document number (``"74/NQ-HĐND"``), in ``tx``."""
    text = str(ref).strip()
    if not text:
        raise InputError("cần số thứ tự kế hoạch hoặc số văn bản (ví dụ: 1 hoặc 74/NQ-HĐND)")
    if text.isdigit():
        stored = tx.plans.get(int(text))
        if stored is None:
            raise NotFoundError(f"không có kế hoạch số {text}")
        return stored
    ids = tx.plans.ids_by_number(text)
    if not ids:
        raise NotFoundError(f"không tìm thấy kế hoạch của văn bản '{text}'")
    if len(ids) > 1:
        listed = ", ".join(str(i) for i in ids)
        raise AmbiguousReferenceError(
            f"có {len(ids)} kế hoạch cùng số văn bản '{text}' (kế hoạch số {listed}); hãy chọn theo số thứ tự"
        )
    stored = tx.plans.get(ids[0])
    assert stored is not None
    return stored


def get_plan(db: Database, ref: int | str, *, actor: Actor = LOCAL_OPERATOR) -> StoredPlan:
    """A plan by its id (``3``, ``"3"``) or by its document number (``"74/NQ-HĐND"``)."""
    with unit_of_work(db) as tx:
        stored = find_plan(tx, ref)
        if actor.unit_code is not None:
            check_plan_visible(actor, stored.unit_code, load_tree(tx))
        return stored


def export_plan_json(db: Database, ref: int | str, *, actor: Actor = LOCAL_OPERATOR) -> str:
    """The plan as kehoach.plan/1 JSON text."""
    return plan_to_json(get_plan(db, ref, actor=actor).plan)
