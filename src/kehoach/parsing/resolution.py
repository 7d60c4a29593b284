"""Resolution text -> Plan. (Being written: the outline and target grammar.)"""

from __future__ import annotations

from kehoach.core.plan import ParseWarning, Plan


def parse_resolution(text: str) -> Plan:
    plan = Plan()
    if not text.strip():
        plan.warnings.append(ParseWarning("Văn bản rỗng: không có nội dung để đọc", None, "empty"))
    return plan
