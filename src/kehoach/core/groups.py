"""Which group each target of a plan belongs to, as a reader names it: the indicator's
group ("Kinh tế", "Văn hóa - xã hội" …) or "Nhiệm vụ trọng tâm" for a focus task's target."""

from __future__ import annotations

from kehoach.core.plan import Plan

TASKS_GROUP = "Nhiệm vụ trọng tâm"
OTHER_GROUP = "Khác"


def group_label(group: str) -> str:
    """ "văn hóa - xã hội" → "Văn hóa - xã hội" (the plan JSON keeps group names lower case)."""
    return group[:1].upper() + group[1:] if group else OTHER_GROUP


def target_groups(plan: Plan) -> dict[str, str]:
    """Each target key's group label, tasks first, then the indicators in reading order."""
    groups: dict[str, str] = {}
    for task in plan.tasks:
        code = task.code.strip("().")
        for k in range(1, len(task.targets) + 1):
            groups[f"T{code}.{k}"] = TASKS_GROUP
    for indicator in plan.indicators:
        for k in range(1, len(indicator.targets) + 1):
            groups[f"{indicator.number}.{k}"] = group_label(indicator.group)
    return groups


def indicator_groups(plan: Plan) -> list[str]:
    """The plan's indicator group labels, each once, in reading order."""
    seen: dict[str, None] = {}
    for indicator in plan.indicators:
        seen.setdefault(group_label(indicator.group), None)
    return list(seen)
