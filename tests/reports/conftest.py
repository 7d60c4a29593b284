from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.core import Observation, ObservationIndex, OrgUnit, Target, TargetRef, UnitLevel, UnitTree, parse_period
from kehoach.core.entries import EntryForm, EntryKind, EntryRow, FigureEntry
from kehoach.core.observations import Figure
from kehoach.core.tracking import TargetEvaluation, evaluate_target
from kehoach.reports.facts import TargetFacts

GRADES = ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu")


@pytest.fixture
def entry_form() -> EntryForm:
    """A small form: a ratio row, a sum row, a grade row, a rank row of a locked period."""
    return EntryForm(
        plan_ref="3",
        plan_title="Nghị quyết 74/NQ-HĐND — Về kế hoạch phát triển kinh tế - xã hội năm 2024",
        owner_unit="Phường 1",
        period_code="2024-H1",
        period_label="6 tháng đầu năm 2024",
        rows=[
            EntryRow(
                "4.1",
                "4. Tỷ lệ dân số tham gia bảo hiểm y tế",
                "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,5%",
                "%",
                EntryKind.RATIO,
                "99001-01",
                "Khóm 1",
                current=FigureEntry("4.1", "99001-01", "2024-H1", numerator=Decimal(1170), denominator=Decimal(1200)),
            ),
            EntryRow(
                "5.2",
                "5. Giới thiệu việc làm",
                "giới thiệu việc làm cho 275 lao động",
                "lao động",
                EntryKind.VALUE,
                "99001-02",
                "Khóm 2",
            ),
            EntryRow(
                "11.1",
                "11. Xây dựng chính quyền",
                "Xây dựng chính quyền hàng năm được xếp loại tốt",
                None,
                EntryKind.GRADE,
                "99001",
                "Phường 1",
                current=FigureEntry("11.1", "99001", "2024-H1", grade="Tốt", note="theo đánh giá quý II"),
                grades=GRADES,
            ),
            EntryRow(
                "T1.1.1",
                "T1.1. Cải cách hành chính",
                "nằm trong top 03 trên 15 xã, phường",
                "xã, phường",
                EntryKind.RANK,
                "99001",
                "Phường 1",
                current=FigureEntry("T1.1.1", "99001", "2024-H1", rank=4),
                locked=True,
            ),
        ],
    )


# Report tests: one ward, one target evaluated from a few of its own figures.
WARD = OrgUnit("W1", "Phường 1", UnitLevel.XA)
TREE = UnitTree([WARD])


def evaluated(
    target: Target,
    period: str,
    figures: dict[str, dict[str, object]],
    *,
    key: str = "1.1",
    baseline: Decimal | None = None,
) -> TargetEvaluation:
    """``target`` (the ward's own figures) evaluated for ``period``; ``figures`` maps a period
    code to Observation fields (``value=…``, ``grade=…``, ``rank=…``, ``estimate=True`` …)."""
    observations = [Observation(key, WARD.code, code, **fields) for code, fields in figures.items()]  # type: ignore[arg-type]
    index = ObservationIndex(observations)
    return evaluate_target(TargetRef(key, target), WARD.code, parse_period(period), index, TREE, baseline)


def make_facts(
    target: Target,
    period: str,
    figures: dict[str, dict[str, object]],
    *,
    key: str = "1.1",
    previous: Figure | None = None,
    baseline: Decimal | None = None,
) -> TargetFacts:
    return TargetFacts(evaluated(target, period, figures, key=key, baseline=baseline), previous, baseline)
