"""Next year's targets: this year's wording, the value blank or proposed from this year's results."""

from __future__ import annotations

from decimal import Decimal

from kehoach.core import Comparator, Direction, OverTime, OverUnits, Target
from kehoach.reports.proposals import mark_values, propose, shift_years
from tests.reports.conftest import make_facts

INSURANCE = Target(
    "Tỷ lệ dân số tham gia bảo hiểm y tế", Comparator.AT_LEAST, Decimal("97.5"), unit="%", over_units=OverUnits.RATIO,
    text="Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,5%",
)  # fmt: skip
WORKERS = Target(
    "Lao động đi làm việc ở nước ngoài",
    Comparator.AT_LEAST,
    Decimal(8),
    unit="lao động",
    over_time=OverTime.CUMULATIVE,
    text="Vận động 08 lao động",
)
MALNUTRITION = Target(
    "Suy dinh dưỡng", Comparator.LESS_THAN, Decimal(12), unit="%", direction=Direction.LOWER, text="còn dưới 12%"
)


def test_a_better_result_becomes_the_proposal_rounded_towards_what_is_done() -> None:
    assert propose(make_facts(INSURANCE, "2024-H1", {"2024-H1": {"value": Decimal("97.87")}})) == Decimal("97.8")
    assert propose(make_facts(MALNUTRITION, "2024-H1", {"2024-H1": {"value": Decimal("8.54")}})) == Decimal("8.6")


def test_a_worse_result_keeps_this_years_target() -> None:
    assert propose(make_facts(INSURANCE, "2024-H1", {"2024-H1": {"value": Decimal("96")}})) == Decimal("97.5")
    assert propose(make_facts(WORKERS, "2024-H1", {"2024-H1": {"value": Decimal(3)}})) == Decimal(8)


def test_no_figures_no_proposal_and_full_shares_stay() -> None:
    assert propose(make_facts(INSURANCE, "2024-H1", {})) is None
    full = Target("Huy động trẻ 5 tuổi", Comparator.AT_LEAST, Decimal(100), unit="%")
    assert propose(make_facts(full, "2024-H1", {"2024-H1": {"value": Decimal(100)}})) == Decimal(100)
    rank = Target("Cải cách hành chính", Comparator.RANK_TOP, Decimal(3), direction=Direction.LOWER)
    assert propose(make_facts(rank, "2024-H1", {"2024-H1": {"rank": 2}})) is None


def test_values_are_blanked_or_marked_in_the_wording() -> None:
    text = "Vận động 08 lao động đi làm việc ở nước ngoài; tỷ lệ trẻ 5 tuổi suy dinh dưỡng còn dưới 12%"
    assert mark_values(text, [WORKERS, MALNUTRITION], [None, None]) == (
        "Vận động … lao động đi làm việc ở nước ngoài; tỷ lệ trẻ 5 tuổi suy dinh dưỡng còn dưới …%"
    )
    assert mark_values(text, [WORKERS, MALNUTRITION], [Decimal(9), Decimal("8.6")]) == (
        "Vận động 09 lao động (đề xuất) đi làm việc ở nước ngoài; "
        "tỷ lệ trẻ 5 tuổi suy dinh dưỡng còn dưới 8,6% (đề xuất)"
    )


def test_a_total_stays_with_its_value() -> None:
    target = Target("Khóm văn minh", Comparator.AT_LEAST, Decimal(5), total=Decimal(5), unit="khóm", text="5/5 khóm")
    assert mark_values("Có 5/5 khóm đạt văn minh", [target], [Decimal(5)]) == "Có 5/5 khóm (đề xuất) đạt văn minh"


def test_years_move_on() -> None:
    assert shift_years("năm 2024, so với năm 2023; đến năm 2030", 2024) == "năm 2025, so với năm 2024; đến năm 2030"
    assert shift_years("năm 2024", 2024, 2) == "năm 2026"
