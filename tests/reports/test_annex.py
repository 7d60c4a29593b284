"""The annex: one row per target under its group, "–" where a column does not apply, and the
same table as XLSX with numbers as numbers."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from kehoach.core import Comparator, Direction, OverTime, Status, Target
from kehoach.core.observations import Figure
from kehoach.reports.annexbuilder import build_annex, plan_cell, row_number, unit_cell
from kehoach.reports.annexxlsx import write_annex_xlsx
from kehoach.reports.model import AnnexColumn
from tests.reports.conftest import make_facts

HEADERS = {column: column.value for column in AnnexColumn}
INSURANCE = Target("Tỷ lệ dân số tham gia bảo hiểm y tế", Comparator.AT_LEAST, Decimal("97.5"), unit="%")
POVERTY = Target("Tỷ lệ hộ nghèo", Comparator.AT_MOST, Decimal("0.2"), unit="%", direction=Direction.LOWER)
BUDGET = Target("Thu ngân sách", Comparator.EQUAL, Decimal("1246.695"), unit="tỷ đồng", over_time=OverTime.CUMULATIVE)


def annex():  # type: ignore[no-untyped-def]
    insurance = make_facts(
        INSURANCE, "2024-H1", {"2024-H1": {"value": Decimal("97.8123")}}, key="4.1", previous=Figure(Decimal("96.5"))
    )
    poverty = make_facts(POVERTY, "2024-H1", {"2024-H1": {"value": Decimal("0.2237")}}, key="3.1")
    budget = make_facts(BUDGET, "2024-H1", {"2024-H1": {"value": Decimal("700.25")}}, key="1.1")
    return build_annex([("Kinh tế", [budget]), ("Văn hóa - xã hội", [poverty, insurance])], HEADERS, "(Kèm theo …)")


def test_one_row_per_target_under_roman_groups() -> None:
    made = annex()
    assert [(r.number, r.is_group) for r in made.rows] == [
        ("I", True),
        ("1", False),
        ("II", True),
        ("3", False),
        ("4", False),
    ]
    assert [r.key for r in made.target_rows] == ["1.1", "3.1", "4.1"]


def test_cells_are_vietnamese_numbers_and_dashes() -> None:
    insurance = annex().target_rows[2]
    cells = {column: insurance.cell(column).text for column in AnnexColumn}
    assert cells == {
        AnnexColumn.UNIT: "%",
        AnnexColumn.PLAN: "≥ 97,5",
        AnnexColumn.PREVIOUS: "96,5",
        AnnexColumn.ACTUAL: "97,81",
        AnnexColumn.PROJECTED: "97,81",
        AnnexColumn.PCT_PLAN: "100,3",
        AnnexColumn.PCT_PREVIOUS: "101,4",
        AnnexColumn.ASSESSMENT: "Đúng tiến độ",
        AnnexColumn.NOTE: "",
    }


def test_lower_is_better_has_no_share_of_plan_and_says_why() -> None:
    poverty = annex().target_rows[1]
    assert poverty.cell(AnnexColumn.PCT_PLAN).text == "–"
    assert poverty.cell(AnnexColumn.PREVIOUS).text == "–"
    assert poverty.cell(AnnexColumn.ASSESSMENT).text == "Có nguy cơ không đạt"
    assert poverty.status is Status.AT_RISK
    assert poverty.cell(AnnexColumn.NOTE).text == "Chỉ tiêu càng thấp càng tốt"


def test_plan_and_unit_cells() -> None:
    assert plan_cell(POVERTY) == "≤ 0,2"
    assert plan_cell(BUDGET) == "1.246,695"
    assert plan_cell(Target("a", Comparator.RANK_TOP, Decimal(3), total=Decimal(15))) == "Top 3/15"
    assert plan_cell(Target("a", Comparator.RANGE, Decimal("6.5"), value_max=Decimal(7))) == "6,5–7"
    assert plan_cell(Target("a", Comparator.QUALITATIVE, grade="Tốt")) == "Tốt"
    assert unit_cell(Target("a", Comparator.RANK_TOP, Decimal(3))) == "Thứ hạng"
    assert unit_cell(Target("a", Comparator.QUALITATIVE, grade="Tốt")) == "Xếp loại"


def test_row_numbers_follow_the_resolution() -> None:
    assert row_number("4.1", 1) == "4"
    assert row_number("5.2", 3) == "5.2"
    assert row_number("T1.1.1", 1) == "NV 1.1"


def test_the_xlsx_holds_numbers_with_their_formats() -> None:
    buffer = io.BytesIO()
    write_annex_xlsx(annex(), buffer, "Ủy ban nhân dân Phường 1")
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert sheet is not None
    assert sheet.title == "Phụ lục"
    assert [c.value for c in sheet[5]][:4] == ["STT", "Chỉ tiêu", "unit", "plan"]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=6)}
    budget = rows["Thu ngân sách"]
    assert budget[5].value == 700.25 and budget[5].number_format == "#,##0.00"
    assert budget[3].value == "1.246,695"  # the plan value is text, as written
    insurance = rows["Tỷ lệ dân số tham gia bảo hiểm y tế"]
    assert insurance[7].value == 100.3 and insurance[7].number_format == "#,##0.0"
    assert rows["Tỷ lệ hộ nghèo"][7].value == "–"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$5:$5"
