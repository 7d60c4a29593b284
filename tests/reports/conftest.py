from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.core.entries import EntryForm, EntryKind, EntryRow, FigureEntry

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
