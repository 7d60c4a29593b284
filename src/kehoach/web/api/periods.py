"""Reporting periods of a year, dated by a cut-off rule (Nghị định 09/2019 or calendar)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from kehoach import services
from kehoach.core.periods import MAX_YEAR, MIN_YEAR, CutoffRule
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import Schema
from kehoach.web.deps import ActorDep

router = resource_router("kỳ báo cáo")


class PeriodOut(Schema):
    code: str
    kind: str
    label: str
    start: dt.date
    end: dt.date


class PeriodList(Schema):
    year: int
    cutoff_rule: str
    items: list[PeriodOut]


@router.get("/periods", response_model=PeriodList, summary="Các kỳ báo cáo của một năm")
def list_periods(
    actor: ActorDep,
    year: Annotated[int, Query(ge=MIN_YEAR, le=MAX_YEAR, description="Năm, ví dụ 2024")],
    cutoff: Annotated[
        CutoffRule, Query(description="nd09: ngày 15 đến ngày 14; calendar: tháng dương lịch")
    ] = CutoffRule.ND09,
) -> Response:
    periods = services.list_periods(year, cutoff)
    items = [PeriodOut(code=p.code, kind=p.kind.value, label=p.label, start=p.start, end=p.end) for p in periods]
    return answer(PeriodList(year=year, cutoff_rule=cutoff.value, items=items))
