"""A draft resolution (Nghị quyết cá biệt, NĐ 30 Phụ lục III Mẫu 1.1) for next year's plan,
made from this year's plan:

    HỘI ĐỒNG NHÂN DÂN / PHƯỜNG 1 | Quốc hiệu, Tiêu ngữ; Số:      /NQ-HĐND | Phường 1, ngày …
    NGHỊ QUYẾT / Về kế hoạch phát triển kinh tế - xã hội năm 2025
    HỘI ĐỒNG NHÂN DÂN PHƯỜNG 1 / KHÓA IX, KỲ HỌP THỨ …
    Căn cứ …; Xét Tờ trình số …/TTr-UBND …
    QUYẾT NGHỊ:
    Điều 1. the plan: 1. focus tasks, 2. main indicators by group (each target's wording kept,
            its value blank "…" or proposed "(đề xuất)"), 3. measures by sector
    Điều 2. Tổ chức thực hiện;  Điều 3. Hiệu lực thi hành "./."
    Nơi nhận | TM. HỘI ĐỒNG NHÂN DÂN / CHỦ TỊCH

Decisions: the Luật Tổ chức chính quyền địa phương of 2015 gave way to the law of 16 June
2025 (Luật 72/2025/QH15, in force 1 July 2025): a draft for 2026 or later cites the new law
instead. Years of this plan in the texts ("năm 2024") move on by one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kehoach.core.groups import group_label
from kehoach.core.narratives import task_code
from kehoach.core.plan import Plan
from kehoach.core.reportsettings import ReportSettings
from kehoach.core.targets import Target
from kehoach.core.text import fold
from kehoach.core.units import OrgUnit
from kehoach.reports.model import (
    Block,
    BlockKind,
    Letterhead,
    ReportModel,
    SignatureBlock,
    bullet,
    close_lists,
    heading,
    text,
)
from kehoach.reports.proposals import mark_values, shift_years
from kehoach.reports.wording import BLANK, document_number, keep_numbers_with_words, lower_first, place_date

LOCAL_GOVERNMENT_LAW = "Luật Tổ chức chính quyền địa phương"
LAW_2025 = "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
LAW_2015 = (
    "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
    "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019"
)
_LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass(frozen=True)
class ResolutionInput:
    plan: Plan
    unit: OrgUnit
    year: int  # the year the draft plans for (this plan's year + 1)
    settings: ReportSettings
    proposals: Mapping[str, Decimal | None] = field(default_factory=dict)  # target key → value (None: blank)


def legal_bases(plan: Plan, year: int) -> list[str]:
    bases = [b.strip().rstrip(";.") for b in plan.document.legal_bases if b.strip()]
    if year >= 2026:
        bases = [b for b in bases if LOCAL_GOVERNMENT_LAW.lower() not in fold(b)]
        return [LAW_2025, *bases]
    return bases or [LAW_2015]


def _council(data: ResolutionInput) -> str:
    return f"Hội đồng nhân dân {data.unit.name}"


def _plan_year(data: ResolutionInput) -> int:
    return data.plan.document.plan_year or data.year - 1


def _shifted(data: ResolutionInput, text_: str) -> str:
    """Years of this year's plan moved to the draft's year."""
    plan_year = _plan_year(data)
    return shift_years(text_, plan_year, data.year - plan_year)


def _subject(data: ResolutionInput) -> str:
    subject = (data.plan.document.subject or "").strip().rstrip(".")
    if not subject:
        return f"Về kế hoạch phát triển kinh tế - xã hội năm {data.year}"
    return _shifted(data, subject)


def _marked(data: ResolutionInput, targets_text: str, targets: list[Target], keys: list[str]) -> str:
    values = [data.proposals.get(key) for key in keys]
    return _shifted(data, mark_values(targets_text, targets, values))


def _article_one(data: ResolutionInput) -> list[Block]:
    plan = data.plan
    blocks = [
        text(
            f"Thông qua kế hoạch phát triển kinh tế - xã hội năm {data.year} của {data.unit.name} "
            "với các nội dung chủ yếu sau:",
            lead="Điều 1. ",
        )
    ]
    number = 0
    if plan.tasks:
        number += 1
        blocks.append(heading(f"{number}. Nhiệm vụ trọng tâm", 2))
        for task in plan.tasks:
            code = task_code(task.code)
            keys = [f"T{code}.{k}" for k in range(1, len(task.targets) + 1)]
            blocks.append(text(_marked(data, task.text.strip(), task.targets, keys), lead=f"{code}. "))
    if plan.indicators:
        number += 1
        blocks.append(heading(f"{number}. Các chỉ tiêu chủ yếu", 2))
        groups: dict[str, list[Block]] = {}
        for indicator in plan.indicators:
            keys = [f"{indicator.number}.{k}" for k in range(1, len(indicator.targets) + 1)]
            wording = _marked(data, indicator.text.strip(), indicator.targets, keys)
            groups.setdefault(group_label(indicator.group), []).append(bullet(f"({indicator.number}) {wording};"))
        for n, (name, items) in enumerate(groups.items()):
            letter = _LETTERS[n] if n < len(_LETTERS) else str(n + 1)
            blocks.append(heading(f"{letter}) Về {lower_first(name)}", 3))
            blocks.extend(items)
    if plan.solutions:
        number += 1
        blocks.append(heading(f"{number}. Nhiệm vụ, giải pháp chủ yếu", 2))
        for solution in plan.solutions:
            blocks.append(heading(_shifted(data, solution.sector.strip().rstrip(":")), 3))
            blocks.extend(bullet(_shifted(data, item.strip())) for item in solution.items if item.strip())
    return blocks


def build_resolution(data: ResolutionInput) -> ReportModel:
    council = _council(data)
    session_year = data.year - 1  # the December session before the plan year
    term = data.plan.document.term
    session = f"KHÓA {term.upper()}, KỲ HỌP THỨ …" if term else "KHÓA …, KỲ HỌP THỨ …"
    body: list[Block] = [
        Block(BlockKind.CENTERED, council.upper()),
        Block(BlockKind.CENTERED, session),
    ]
    body += [Block(BlockKind.BASIS, f"Căn cứ {basis};") for basis in legal_bases(data.plan, data.year)]
    body.append(
        Block(
            BlockKind.BASIS,
            f"Xét Tờ trình số{BLANK}/TTr-UBND ngày{BLANK}tháng{BLANK}năm {session_year} của Ủy ban nhân dân "
            f"{data.unit.name} về kế hoạch phát triển kinh tế - xã hội năm {data.year}; Báo cáo thẩm tra của "
            f"Ban Kinh tế - Ngân sách {council}; ý kiến thảo luận của đại biểu {council} tại kỳ họp.",
        )
    )
    body.append(Block(BlockKind.CENTERED, "QUYẾT NGHỊ:"))
    body += _article_one(data)
    body += [
        text("Tổ chức thực hiện", lead="Điều 2. "),
        text(f"1. Giao Ủy ban nhân dân {data.unit.name} tổ chức triển khai thực hiện Nghị quyết này."),
        text(
            f"2. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu "
            f"{council} giám sát việc thực hiện Nghị quyết."
        ),
        text("Hiệu lực thi hành", lead="Điều 3. "),
        text(
            f"Nghị quyết này đã được {council} khóa {term or '…'}, kỳ họp thứ … thông qua "
            f"ngày{BLANK}tháng{BLANK}năm {session_year} và có hiệu lực kể từ ngày thông qua./."
        ),
    ]
    settings = data.settings
    return ReportModel(
        letterhead=Letterhead(
            issuer=settings.council_issuer,
            number=document_number(None, "NQ-HĐND"),
            place_date=place_date(settings.place, None, session_year),
            doc_type="NGHỊ QUYẾT",
            subject=keep_numbers_with_words(_subject(data)),
            draft=True,
        ),
        body=tuple(close_lists(body, every_item=True)),
        signature=SignatureBlock(settings.council_signature, settings.council_signer, settings.council_recipients),
        title=f"Dự thảo Nghị quyết {lower_first(_subject(data))}",
        author=council,
    )
