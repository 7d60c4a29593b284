"""Core plans to rows and back: every field kept, order kept, target keys as ``Plan.keyed_targets``."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from kehoach.core.plan import Document, Indicator, ParseWarning, Plan, Solution, Task
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits, Target
from kehoach.storage.errors import StorageError
from kehoach.storage.identity import identity_key, number_key
from kehoach.storage.records import Source
from kehoach.storage.tables import (
    DocumentRow,
    IndicatorRow,
    ParseWarningRow,
    PlanRow,
    SolutionItemRow,
    SolutionRow,
    TargetRow,
    TaskRow,
)


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else (start, end)


def aware(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _document_row(document: Document, source: Source) -> DocumentRow:
    return DocumentRow(
        number=document.number,
        type=document.type,
        issuer=document.issuer,
        place=document.place,
        date=document.date,
        subject=document.subject,
        plan_year=document.plan_year,
        term=document.term,
        session=document.session,
        legal_bases=list(document.legal_bases),
        references=list(document.references),
        signer=document.signer,
        source_text=source.text,
        source_name=source.name,
        source_format=source.format,
        fingerprint=source.fingerprint,
        identity_key=identity_key(document),
        number_key=number_key(document.number),
    )


def _target_row(plan_row: PlanRow, key: str, position: int, target: Target) -> TargetRow:
    span = target.span
    return TargetRow(
        plan=plan_row,
        key=key,
        position=position,
        name=target.name,
        comparator=target.comparator.value,
        value=target.value,
        value_max=target.value_max,
        total=target.total,
        unit=target.unit,
        direction=target.direction.value,
        basis=target.basis.value if target.basis else None,
        over_units=target.over_units.value,
        over_time=target.over_time.value,
        grade=target.grade,
        text=target.text,
        span_start=span[0] if span else None,
        span_end=span[1] if span else None,
    )


def plan_to_row(plan: Plan, source: Source) -> PlanRow:
    keys = [key for key, _ in plan.keyed_targets()]
    duplicates = sorted(key for key, count in Counter(keys).items() if count > 1)
    if duplicates:
        raise StorageError(f"kế hoạch có chỉ tiêu trùng khóa ({', '.join(duplicates)}): mã nhiệm vụ bị lặp")
    row = PlanRow(document=_document_row(plan.document, source))
    key_iter = iter(keys)
    for position, task in enumerate(plan.tasks):
        task_row = TaskRow(
            position=position,
            code=task.code,
            text=task.text,
            span_start=task.span[0] if task.span else None,
            span_end=task.span[1] if task.span else None,
        )
        task_row.targets = [_target_row(row, next(key_iter), k, t) for k, t in enumerate(task.targets, start=1)]
        row.tasks.append(task_row)
    for position, indicator in enumerate(plan.indicators):
        indicator_row = IndicatorRow(
            position=position,
            number=indicator.number,
            code=indicator.code,
            group=indicator.group,
            text=indicator.text,
            span_start=indicator.span[0] if indicator.span else None,
            span_end=indicator.span[1] if indicator.span else None,
        )
        indicator_row.targets = [
            _target_row(row, next(key_iter), k, t) for k, t in enumerate(indicator.targets, start=1)
        ]
        row.indicators.append(indicator_row)
    for position, solution in enumerate(plan.solutions):
        row.solutions.append(
            SolutionRow(
                position=position,
                sector=solution.sector,
                items=[SolutionItemRow(position=i, text=text) for i, text in enumerate(solution.items)],
            )
        )
    for position, warning in enumerate(plan.warnings):
        row.warnings.append(
            ParseWarningRow(
                position=position,
                message=warning.message,
                kind=warning.kind,
                span_start=warning.span[0] if warning.span else None,
                span_end=warning.span[1] if warning.span else None,
            )
        )
    return row


# ---------------------------------------------------------------- rows -> core


def _target(row: TargetRow) -> Target:
    return Target(
        name=row.name,
        comparator=Comparator(row.comparator),
        value=row.value,
        value_max=row.value_max,
        total=row.total,
        unit=row.unit,
        direction=Direction(row.direction),
        basis=ChangeBasis(row.basis) if row.basis else None,
        over_units=OverUnits(row.over_units),
        over_time=OverTime(row.over_time),
        grade=row.grade,
        text=row.text,
        span=_span(row.span_start, row.span_end),
    )


def _document(row: DocumentRow) -> Document:
    return Document(
        number=row.number,
        type=row.type,
        issuer=row.issuer,
        place=row.place,
        date=row.date,
        subject=row.subject,
        plan_year=row.plan_year,
        term=row.term,
        session=row.session,
        legal_bases=list(row.legal_bases or []),
        references=list(row.references or []),
        signer=row.signer,
    )


def plan_from_row(row: PlanRow) -> Plan:
    return Plan(
        document=_document(row.document),
        tasks=[
            Task(
                code=t.code,
                text=t.text,
                targets=[_target(x) for x in t.targets],
                span=_span(t.span_start, t.span_end),
            )
            for t in row.tasks
        ],
        indicators=[
            Indicator(
                number=i.number,
                group=i.group,
                text=i.text,
                code=i.code,
                targets=[_target(x) for x in i.targets],
                span=_span(i.span_start, i.span_end),
            )
            for i in row.indicators
        ],
        solutions=[Solution(sector=s.sector, items=[item.text for item in s.items]) for s in row.solutions],
        warnings=[ParseWarning(w.message, _span(w.span_start, w.span_end), w.kind) for w in row.warnings],
    )
