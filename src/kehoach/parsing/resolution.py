"""Resolution text → Plan: zones (header, body, closing, appendix, footnotes), the outline
tree, section kinds, then tasks, indicators and solutions with their targets.

:func:`parse_resolution` never raises: whatever the input, it returns a Plan, with warnings
for what it could not read.
"""

from __future__ import annotations

from kehoach.core.plan import Document, ParseWarning, Plan
from kehoach.core.text import fold
from kehoach.parsing import sections
from kehoach.parsing.builder import Builder
from kehoach.parsing.checks import count_warnings, truncation
from kehoach.parsing.loose import fallback
from kehoach.parsing.metadata import read_metadata, read_signer
from kehoach.parsing.outline import build_tree, split_lines
from kehoach.parsing.zones import SUPERSCRIPTS, normalize, zones_of

__all__ = ["normalize", "parse_resolution"]


def parse_resolution(text: str) -> Plan:
    """Read a resolution (or a report or plan quoting one) into a draft Plan. Never raises."""
    try:
        return _parse(normalize(text))
    except Exception as exc:  # a parser bug must not lose the user's document: report it instead
        plan = Plan()
        plan.warnings.append(
            ParseWarning(f"Lỗi nội bộ khi phân tích văn bản ({type(exc).__name__}: {exc})", None, "internal")
        )
        return plan


def _midyear(document: Document) -> bool:
    """A document of the plan year's second half (a mid-year resolution, a 6-month report): its
    first-half figures are results, not targets."""
    issued = document.date
    subject = fold(document.subject or "")
    if "6 tháng cuối năm" in subject or "sáu tháng cuối năm" in subject:
        return True
    return issued is not None and issued.year == document.plan_year and issued.month >= 6


def _parse(text: str) -> Plan:
    plan = Plan()
    if not text.strip():
        plan.warnings.append(ParseWarning("Văn bản rỗng: không có nội dung để đọc", None, "empty"))
        return plan
    folded = fold(text).translate(SUPERSCRIPTS)
    lines = split_lines(text)
    zones = zones_of(text, lines)
    plan.document = read_metadata(text, zones.header_end)
    plan.document.signer = read_signer(text)
    builder = Builder(text, folded, plan.document.plan_year, _midyear(plan.document))
    root = build_tree(zones.body)
    builder.visit(root, None, None)
    if zones.appendix:
        appendix_root = build_tree(zones.appendix)
        builder.visit(appendix_root, sections.INDICATORS, None)
    fallback(builder, root)
    plan.tasks = builder.tasks
    plan.indicators = builder.indicators
    plan.solutions = builder.solutions
    plan.warnings.extend(builder.warnings)
    is_resolution = "quyết nghị" in folded or (plan.document.type == "Nghị quyết")
    warning = truncation(text, zones, plan, is_resolution)
    if warning is not None:
        plan.warnings.append(warning)
    count_warnings(builder, plan)
    if plan.is_empty:
        plan.warnings.append(
            ParseWarning(
                "Không tìm thấy nhiệm vụ, chỉ tiêu hay giải pháp nào trong văn bản; kế hoạch để trống",
                None,
                "no_plan",
            )
        )
    return plan
