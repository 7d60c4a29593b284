"""Warnings about the document as a whole: a copy cut short, counts that do not add up."""

from __future__ import annotations

import re

from kehoach.core.plan import ParseWarning, Plan
from kehoach.parsing.builder import Builder
from kehoach.parsing.zones import Zones


def truncation(text: str, zones: Zones, plan: Plan, is_resolution: bool) -> ParseWarning | None:
    stripped = text.rstrip()
    if not stripped:
        return None
    last_line = stripped.rsplit("\n", 1)[-1].strip()
    end = len(stripped)
    start = end - len(last_line)
    cut_mid_sentence = not re.search(r"[.;!?…)\]\"”'/]$|\./\.$", last_line) and not last_line.endswith(":")
    dangling_heading = last_line.endswith(":") or last_line.endswith(":*")
    if zones.closing_found and not zones.appendix:
        # a signature block ends the document; a name on the last line is normal
        return None
    if zones.appendix and "|" in last_line:
        return None
    if dangling_heading:
        return ParseWarning(
            f"Văn bản bị cắt cụt: kết thúc ở đề mục “{last_line[:80]}” mà không có nội dung phía sau",
            (start, end),
            "truncated",
        )
    if cut_mid_sentence and (is_resolution or len(last_line) > 20):
        return ParseWarning(
            f"Văn bản bị cắt cụt giữa câu: “…{last_line[-80:]}”; chỉ đọc được phần trước điểm cắt",
            (start, end),
            "truncated",
        )
    if is_resolution and not zones.closing_found:
        return ParseWarning(
            "Văn bản có thể không đầy đủ: không thấy phần ký ban hành (Nơi nhận, TM. Hội đồng nhân dân)",
            (start, end),
            "truncated",
        )
    return None


def count_warnings(builder: Builder, plan: Plan) -> None:
    stated = builder.stated_indicators
    if stated is not None and plan.indicators and stated != len(plan.indicators):
        plan.warnings.append(
            ParseWarning(
                f"Văn bản nêu {stated} chỉ tiêu chủ yếu nhưng đọc được {len(plan.indicators)} chỉ tiêu; cần rà soát",
                None,
                "count_mismatch",
            )
        )
    if builder.stated_tasks is not None and plan.tasks and builder.stated_tasks != len(plan.tasks):
        plan.warnings.append(
            ParseWarning(
                f"Văn bản nêu {builder.stated_tasks} nhiệm vụ trọng tâm nhưng đọc được {len(plan.tasks)}; cần rà soát",
                None,
                "count_mismatch",
            )
        )
