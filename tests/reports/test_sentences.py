"""One sentence per target: figure, the resolution's target, comparison, assessment."""

from __future__ import annotations

from decimal import Decimal

from kehoach.core import ChangeBasis, Comparator, Direction, OverTime, Target
from kehoach.core.observations import Figure
from kehoach.reports.sentences import amount, plan_phrase, sentence, short_result
from tests.reports.conftest import make_facts

INSURANCE = Target("Tỷ lệ dân số tham gia bảo hiểm y tế", Comparator.AT_LEAST, Decimal("97.5"), unit="%")
POVERTY = Target("Tỷ lệ hộ nghèo", Comparator.AT_MOST, Decimal("0.2"), unit="%", direction=Direction.LOWER)
JOBS = Target("Giới thiệu việc làm", Comparator.AT_LEAST, Decimal(275), unit="lao động", over_time=OverTime.CUMULATIVE)


def test_the_issue_example_on_an_officers_estimate() -> None:
    facts = make_facts(
        INSURANCE,
        "2024-H1",
        {"2024-H1": {"value": Decimal("96.8")}, "2024": {"value": Decimal("97.5"), "estimate": True}},
    )
    assert sentence(facts) == (
        "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 96,8%, chỉ tiêu Nghị quyết 97,5%, ước cả năm đạt chỉ tiêu."
    )


def test_a_rate_ahead_of_its_target_is_expected_to_exceed_it() -> None:
    facts = make_facts(INSURANCE, "2024-H1", {"2024-H1": {"value": Decimal("97.812")}})
    assert sentence(facts) == (
        "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,81%, chỉ tiêu Nghị quyết 97,5%, ước cả năm vượt chỉ tiêu."
    )


def test_a_rate_behind_is_at_risk() -> None:
    facts = make_facts(INSURANCE, "2024-H1", {"2024-H1": {"value": Decimal("96.8")}})
    assert sentence(facts).endswith("chỉ tiêu Nghị quyết 97,5%, có nguy cơ không đạt chỉ tiêu.")


def test_lower_is_better_is_worded_by_the_comparison_with_last_year() -> None:
    facts = make_facts(POVERTY, "2024", {"2024": {"value": Decimal("0.18")}}, previous=Figure(Decimal("0.25")))
    assert sentence(facts) == (
        "Tỷ lệ hộ nghèo giảm còn 0,18% (cùng kỳ năm trước 0,25%), chỉ tiêu Nghị quyết không quá 0,2%, vượt chỉ tiêu."
    )


def test_lower_is_better_without_last_year_says_con() -> None:
    facts = make_facts(POVERTY, "2024-H1", {"2024-H1": {"value": Decimal("0.2237")}})
    assert sentence(facts) == (
        "Tỷ lệ hộ nghèo còn 0,22%, chỉ tiêu Nghị quyết không quá 0,2%, có nguy cơ không đạt chỉ tiêu."
    )


def test_a_ceiling_missed_at_year_end_is_not_met() -> None:
    facts = make_facts(POVERTY, "2024", {"2024": {"value": Decimal("0.25")}})
    assert sentence(facts).endswith("không đạt chỉ tiêu.")


def test_a_count_gives_its_share_of_the_year_and_the_projection() -> None:
    facts = make_facts(JOBS, "2024-H1", {"2024-H1": {"value": Decimal(146)}})
    assert sentence(facts) == (
        "Giới thiệu việc làm đạt 146 lao động, bằng 53,1% chỉ tiêu Nghị quyết (275 lao động); "
        "ước cả năm đạt 292 lao động, vượt chỉ tiêu."
    )


def test_a_count_behind_says_only() -> None:
    target = Target(
        "Lao động đi làm việc ở nước ngoài",
        Comparator.AT_LEAST,
        Decimal(8),
        unit="lao động",
        over_time=OverTime.CUMULATIVE,
    )
    facts = make_facts(target, "2024-H1", {"2024-H1": {"value": Decimal(3)}})
    assert "ước cả năm chỉ đạt 6 lao động, có nguy cơ không đạt chỉ tiêu." in sentence(facts)


def test_a_rank() -> None:
    target = Target(
        "Cải cách hành chính",
        Comparator.RANK_TOP,
        Decimal(3),
        total=Decimal(15),
        unit="xã, phường",
        direction=Direction.LOWER,
    )
    facts = make_facts(target, "2024-H1", {"2024-H1": {"rank": 4}})
    assert sentence(facts) == (
        "Cải cách hành chính xếp thứ 4 trên 15 xã, phường, chỉ tiêu Nghị quyết nằm trong top 3, "
        "có nguy cơ không đạt chỉ tiêu."
    )


def test_a_grade() -> None:
    target = Target("Xây dựng chính quyền", Comparator.QUALITATIVE, grade="Tốt")
    facts = make_facts(target, "2024", {"2024": {"grade": "Tốt"}})
    assert sentence(facts) == "Xây dựng chính quyền: kết quả Tốt, chỉ tiêu Nghị quyết Tốt, đạt chỉ tiêu."


def test_no_data_is_said_plainly() -> None:
    target = Target("Mô hình CCHC mới", Comparator.AT_LEAST, Decimal(1), unit="mô hình", over_time=OverTime.CUMULATIVE)
    facts = make_facts(target, "2024-H1", {})
    assert sentence(facts) == "Mô hình CCHC mới: chưa có số liệu báo cáo (chỉ tiêu Nghị quyết 1 mô hình)."


def test_a_reduction_against_last_year_in_percentage_points() -> None:
    target = Target(
        "Tỷ lệ hộ nghèo",
        Comparator.REDUCE_BY,
        Decimal("0.5"),
        unit="%",
        direction=Direction.LOWER,
        basis=ChangeBasis.POINTS,
    )
    facts = make_facts(target, "2024", {"2024": {"value": Decimal("1.8")}}, baseline=Decimal("2.4"))
    assert sentence(facts) == (
        "Tỷ lệ hộ nghèo còn 1,8% (năm trước 2,4%), giảm 0,6 điểm %, chỉ tiêu Nghị quyết giảm 0,5 điểm %, vượt chỉ tiêu."
    )


def test_a_name_that_says_dat_gets_a_colon() -> None:
    target = Target("Khóm đạt khóm văn minh đô thị", Comparator.AT_LEAST, Decimal(5), total=Decimal(5), unit="khóm")
    facts = make_facts(target, "2024-H1", {"2024-H1": {"value": Decimal(5)}})
    assert sentence(facts).startswith("Khóm đạt khóm văn minh đô thị: 5/5 khóm, chỉ tiêu Nghị quyết 5/5 khóm")


def test_plan_phrases() -> None:
    assert plan_phrase(Target("a", Comparator.MORE_THAN, Decimal(50), unit="%")) == "trên 50%"
    assert plan_phrase(Target("a", Comparator.LESS_THAN, Decimal(12), unit="%")) == "dưới 12%"
    assert (
        plan_phrase(Target("a", Comparator.RANGE, Decimal("6.5"), value_max=Decimal(7), unit="%")) == "từ 6,5% đến 7%"
    )
    assert plan_phrase(Target("a", Comparator.EQUAL, Decimal("1246.695"), unit="tỷ đồng")) == "1.246,695 tỷ đồng"


def test_amounts_round_for_reading() -> None:
    money = Target("Thu ngân sách", Comparator.AT_LEAST, Decimal(1200), unit="tỷ đồng")
    assert amount(Figure(Decimal("1246.695")), money) == "1.246,7 tỷ đồng"
    assert amount(Figure(), money) is None


def test_short_result_of_a_count_shows_the_projection() -> None:
    facts = make_facts(JOBS, "2024-H1", {"2024-H1": {"value": Decimal(100)}})
    assert short_result(facts) == "Giới thiệu việc làm: ước cả năm 200 lao động (chỉ tiêu Nghị quyết 275 lao động)"
