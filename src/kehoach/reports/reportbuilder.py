"""The implementation report (Báo cáo tình hình thực hiện Nghị quyết … về kế hoạch phát triển
kinh tế - xã hội năm N) as a view model, from core objects only:

    header (NĐ 30): ỦY BAN NHÂN DÂN / PHƯỜNG 1 | Quốc hiệu, Tiêu ngữ; Số:      /BC-UBND |
                    Phường 1, ngày      tháng      năm 2024; BÁO CÁO; trích yếu
    lead-in         "Thực hiện Nghị quyết số 74/NQ-HĐND …, Ủy ban nhân dân Phường 1 báo cáo …"
    I.   KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, CHỈ TIÊU
         1. Nhiệm vụ trọng tâm: each task, its targets' sentences, the officers' text
         2.… one heading per indicator group: a sentence per target, the officers' text
    II.  ĐÁNH GIÁ CHUNG: counts by status, charts, targets at risk (or not met) and without
         data, shortcomings, causes
    III. PHƯƠNG HƯỚNG, NHIỆM VỤ <next period>: the officers' text, or a default from the
         targets at risk
    IV.  ĐỀ XUẤT, KIẾN NGHỊ (only when written)
    closing sentence "./.", signature block and Nơi nhận, then the annex.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from kehoach.core.groups import TASKS_GROUP, indicator_groups, target_groups
from kehoach.core.narratives import TASK_PREFIX, SectionKind, paragraphs, task_code
from kehoach.core.periods import Period
from kehoach.core.plan import Document, Plan
from kehoach.core.reportsettings import ReportSettings
from kehoach.core.status import Status
from kehoach.core.text import ascii_slug
from kehoach.core.tracking import TargetEvaluation
from kehoach.core.units import OrgUnit
from kehoach.reports.annexbuilder import build_annex
from kehoach.reports.charts_data import group_chart, unit_chart
from kehoach.reports.facts import TargetFacts
from kehoach.reports.model import (
    AnnexColumn,
    Block,
    BlockKind,
    ChartData,
    Letterhead,
    ReportModel,
    SignatureBlock,
    bullet,
    close_lists,
    heading,
    placeholder,
    text,
)
from kehoach.reports.sentences import sentence, short_result
from kehoach.reports.wording import (
    document_number,
    keep_numbers_with_words,
    lower_first,
    nd30_date,
    next_period_phrase,
    number_symbol,
    period_phrase,
    place_date,
    short_date,
    upper_first,
)

ROMAN = ("I", "II", "III", "IV", "V")


@dataclass(frozen=True)
class ReportInput:
    """Everything a report is made from; ``settings`` already merged with the unit's defaults."""

    plan: Plan
    unit: OrgUnit
    period: Period
    facts: tuple[TargetFacts, ...]
    settings: ReportSettings
    narratives: Mapping[str, str] = field(default_factory=dict)
    sub_units: tuple[tuple[OrgUnit, tuple[TargetEvaluation, ...]], ...] = ()
    number: str | None = None  # số văn bản, once assigned
    issued: date | None = None  # ngày ban hành, once signed


def resolution_reference(document: Document, unit: OrgUnit) -> str:
    """ "Nghị quyết số 74/NQ-HĐND ngày 12/12/2023 của Hội đồng nhân dân Phường 1" """
    number = document.number or "…/NQ-HĐND"
    issuer = document.issuer or f"Hội đồng nhân dân {unit.name}"
    when = f" ngày {short_date(document.date)}" if document.date else ""
    return f"Nghị quyết số {number}{when} của {issuer}"


def plan_subject(document: Document, year: int) -> str:
    """ "về kế hoạch phát triển kinh tế - xã hội năm 2024" """
    subject = (document.subject or "").strip().rstrip(".")
    return lower_first(subject) if subject else f"về kế hoạch phát triển kinh tế - xã hội năm {year}"


def report_subject(data: ReportInput) -> str:
    year = data.plan.document.plan_year or data.period.year
    base = f"{resolution_reference(data.plan.document, data.unit)} {plan_subject(data.plan.document, year)}"
    if data.period.is_whole_year:
        return f"Kết quả thực hiện {base}"
    return f"Tình hình thực hiện {base}, {period_phrase(data.period)}"


def letterhead(data: ReportInput) -> Letterhead:
    return Letterhead(
        issuer=data.settings.issuer,
        parent=data.settings.parent,
        number=document_number(data.number, "BC-UBND"),
        place_date=place_date(data.settings.place, data.issued, (data.issued or _period_end(data.period)).year),
        doc_type="BÁO CÁO",
        subject=keep_numbers_with_words(report_subject(data)),
    )


def _period_end(period: Period) -> date:
    return date(period.year, period.last_month, 1)


def grouped_facts(data: ReportInput) -> list[tuple[str, list[TargetFacts]]]:
    """Targets by group: focus tasks first, then the indicator groups in reading order."""
    labels = target_groups(data.plan)
    order = [TASKS_GROUP, *indicator_groups(data.plan)]
    found: dict[str, list[TargetFacts]] = {name: [] for name in order}
    for facts in data.facts:
        found.setdefault(labels.get(facts.key, "Khác"), []).append(facts)
    return [(name, members) for name, members in found.items() if members]


class _Body:
    """Blocks of the body and the charts they point at."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.charts: list[ChartData] = []

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def narrative(self, value: str | None, lead: str = "") -> bool:
        texts = paragraphs(value or "")
        for n, paragraph in enumerate(texts):
            self.add(text(paragraph, lead if n == 0 else ""))
        return bool(texts)

    def chart(self, chart: ChartData) -> None:
        if chart.is_empty:
            return
        self.charts.append(chart)
        caption = f"Biểu đồ {len(self.charts)}. {chart.title}"
        self.add(Block(BlockKind.CHART, caption, chart=len(self.charts) - 1))


def _results(data: ReportInput, body: _Body, groups: list[tuple[str, list[TargetFacts]]]) -> None:
    notes = data.narratives
    body.add(heading("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, CHỈ TIÊU", 1))
    number = 0
    by_key = {f.key: f for f in data.facts}
    if data.plan.tasks:
        number += 1
        body.add(heading(f"{number}. Thực hiện các nhiệm vụ trọng tâm", 2))
        for task in data.plan.tasks:
            code = task_code(task.code)
            body.add(text(task.text.strip(), lead=f"Nhiệm vụ {code}: "))
            keys = [f"T{code}.{k}" for k in range(1, len(task.targets) + 1)]
            body.add(*(bullet(sentence(by_key[key])) for key in keys if key in by_key))
            wrote = body.narrative(notes.get(f"{SectionKind.RESULTS.value}:{TASK_PREFIX}{code}"), "Kết quả: ")
            body.narrative(notes.get(f"{SectionKind.SHORTCOMINGS.value}:{TASK_PREFIX}{code}"), "Hạn chế: ")
            if not wrote and not keys:
                body.add(placeholder(f"(Cán bộ bổ sung kết quả thực hiện nhiệm vụ {code}.)"))
    for name, members in groups:
        if name == TASKS_GROUP:
            continue
        number += 1
        body.add(heading(f"{number}. Lĩnh vực {lower_first(name)}", 2))
        body.add(*(bullet(sentence(f)) for f in members))
        slug = ascii_slug(name)
        body.narrative(notes.get(f"{SectionKind.RESULTS.value}:{slug}"))
        body.narrative(notes.get(f"{SectionKind.SHORTCOMINGS.value}:{slug}"), "Hạn chế: ")


def counts_sentence(data: ReportInput) -> str:
    """ "Trong tổng số 25 chỉ tiêu: 18 chỉ tiêu đúng tiến độ … (ước vượt 5, ước đạt 13); …" """
    total = len(data.facts)
    count = {s: sum(1 for f in data.facts if f.status is s) for s in Status}
    parts: list[str] = []
    if data.period.is_whole_year:
        good = count[Status.EXCEEDED] + count[Status.MET]
        parts.append(f"{good} chỉ tiêu đạt và vượt kế hoạch (vượt {count[Status.EXCEEDED]}, đạt {count[Status.MET]})")
        parts.append(f"{count[Status.NOT_MET]} chỉ tiêu không đạt")
    else:
        on_track = [f for f in data.facts if f.status is Status.ON_TRACK]
        ahead = sum(1 for f in on_track if f.outcome is not None and f.outcome.value == "exceeded")
        parts.append(
            f"{len(on_track)} chỉ tiêu đúng tiến độ, ước cả năm đạt và vượt kế hoạch "
            f"(ước vượt {ahead}, ước đạt {len(on_track) - ahead})"
        )
        parts.append(f"{count[Status.AT_RISK]} chỉ tiêu có nguy cơ không đạt")
    parts.append(f"{count[Status.NO_DATA]} chỉ tiêu chưa có số liệu để đánh giá")
    if count[Status.NOT_ASSIGNED]:
        parts.append(f"{count[Status.NOT_ASSIGNED]} chỉ tiêu chung của đơn vị cấp trên, không giao riêng")
    when = "" if data.period.is_whole_year else f", đến hết {period_phrase(data.period)}"
    return f"Trong tổng số {total} chỉ tiêu của Nghị quyết{when}: " + "; ".join(parts) + "."


def _assessment(data: ReportInput, body: _Body, groups: list[tuple[str, list[TargetFacts]]]) -> None:
    notes = data.narratives
    year_end = data.period.is_whole_year
    body.add(heading("II. ĐÁNH GIÁ CHUNG", 1))
    body.add(heading("1. Kết quả thực hiện các chỉ tiêu", 2), text(counts_sentence(data)))
    body.chart(group_chart(groups))
    if data.sub_units:
        body.chart(unit_chart(data.sub_units))
    body.narrative(notes.get(SectionKind.RESULTS.value))
    bad = Status.NOT_MET if year_end else Status.AT_RISK
    title = "Các chỉ tiêu không đạt" if year_end else "Các chỉ tiêu có nguy cơ không đạt"
    body.add(heading(f"2. {title}", 2))
    behind = [f for f in data.facts if f.status is bad]
    if behind:
        body.add(*(bullet(short_result(f) + ";") for f in behind))
    else:
        body.add(text(f"Không có chỉ tiêu {'không đạt' if year_end else 'có nguy cơ không đạt'}."))
    missing = [f for f in data.facts if f.status is Status.NO_DATA]
    if missing:
        body.add(text("Các chỉ tiêu chưa có số liệu để đánh giá:"))
        body.add(*(bullet(f"{f.target.name} ({f.evaluation.reason or 'chưa có số liệu'});") for f in missing))
    body.add(heading("3. Tồn tại, hạn chế", 2))
    if not body.narrative(notes.get(SectionKind.SHORTCOMINGS.value)):
        body.add(placeholder("(Cán bộ bổ sung những tồn tại, hạn chế.)"))
    body.add(heading("4. Nguyên nhân", 2))
    if not body.narrative(notes.get(SectionKind.CAUSES.value)):
        body.add(placeholder("(Cán bộ bổ sung nguyên nhân khách quan, chủ quan.)"))


def default_directions(data: ReportInput) -> list[Block]:
    """Directions when officers wrote none: carry on with the resolution, then the targets
    behind and without data."""
    reference = resolution_reference(data.plan.document, data.unit)
    year = data.plan.document.plan_year or data.period.year
    blocks = [
        bullet(
            f"Tiếp tục triển khai đồng bộ các nhiệm vụ, giải pháp theo {reference}, "
            f"phấn đấu hoàn thành các chỉ tiêu kế hoạch năm {year};"
        )
    ]
    behind = [f for f in data.facts if f.status in (Status.AT_RISK, Status.NOT_MET)]
    if behind:
        names = "; ".join(lower_first(f.target.name) for f in behind)
        blocks.append(bullet(f"Tập trung chỉ đạo, có giải pháp cụ thể đối với các chỉ tiêu chưa đạt yêu cầu: {names};"))
    missing = [f for f in data.facts if f.status is Status.NO_DATA]
    if missing:
        names = "; ".join(lower_first(f.target.name) for f in missing)
        blocks.append(bullet(f"Đôn đốc các đơn vị báo cáo đầy đủ số liệu các chỉ tiêu: {names};"))
    return blocks


def build_report(data: ReportInput) -> ReportModel:
    groups = grouped_facts(data)
    body = _Body()
    reference = resolution_reference(data.plan.document, data.unit)
    year = data.plan.document.plan_year or data.period.year
    subject = plan_subject(data.plan.document, year)
    issuer = f"Ủy ban nhân dân {data.unit.name}"
    what = "kết quả thực hiện năm" if data.period.is_whole_year else "tình hình thực hiện"
    when = "" if data.period.is_whole_year else f" {period_phrase(data.period)}"
    body.add(text(f"Thực hiện {reference} {subject}, {issuer} báo cáo {what}{when} như sau:"))
    _results(data, body, groups)
    _assessment(data, body, groups)
    body.add(heading(f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ {next_period_phrase(data.period).upper()}", 1))
    if not body.narrative(data.narratives.get(SectionKind.DIRECTIONS.value)):
        body.add(*default_directions(data))
    proposals = paragraphs(data.narratives.get(SectionKind.PROPOSALS.value, ""))
    if proposals:
        body.add(heading("IV. ĐỀ XUẤT, KIẾN NGHỊ", 1))
        body.narrative(data.narratives.get(SectionKind.PROPOSALS.value))
    body.add(text(f"Trên đây là báo cáo {lower_first(report_subject(data))} của {issuer}./."))
    number = number_symbol(data.number, "BC-UBND")
    issued = nd30_date(data.issued, (data.issued or _period_end(data.period)).year)
    headers = annex_headers(data, year)
    annex = build_annex(
        groups,
        headers,
        f"(Kèm theo Báo cáo số {number} {issued} của {issuer})",
    )
    return ReportModel(
        letterhead=letterhead(data),
        body=tuple(close_lists(body.blocks)),
        signature=SignatureBlock(data.settings.signature, data.settings.signer, data.settings.recipients),
        annex=annex,
        charts=tuple(body.charts),
        title=upper_first(report_subject(data)),
        author=issuer,
    )


def annex_headers(data: ReportInput, year: int) -> dict[AnnexColumn, str]:
    number = data.plan.document.number
    plan = f"KH năm {year} (NQ số {number})" if number else f"KH năm {year} (NQ)"
    period = period_phrase(data.period)
    return {
        AnnexColumn.UNIT: "ĐVT",
        AnnexColumn.PLAN: plan,
        AnnexColumn.PREVIOUS: f"TH cùng kỳ năm {data.period.year - 1}",
        AnnexColumn.ACTUAL: f"TH {period}",
        AnnexColumn.PROJECTED: f"Ước TH năm {year}",
        AnnexColumn.PCT_PLAN: "TH/KH (%)",
        AnnexColumn.PCT_PREVIOUS: "TH/cùng kỳ (%)",
        AnnexColumn.ASSESSMENT: "Đánh giá",
        AnnexColumn.NOTE: "Ghi chú",
    }
