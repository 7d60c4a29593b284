"""The plan JSON format kehoach.plan/1 (DESIGN §4)."""

from __future__ import annotations

import copy
import json
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.core.plan import Document, Indicator, IndicatorGroup, ParseWarning, Plan, Solution, Task
from kehoach.core.planjson import (
    SCHEMA,
    PlanFormatError,
    dumps,
    plan_from_dict,
    plan_from_json,
    plan_to_dict,
    plan_to_json,
    target_from_dict,
    target_to_dict,
)
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits, Target

D = Decimal


def sample_plan() -> Plan:
    return Plan(
        document=Document(
            number="74/NQ-HĐND",
            type="Nghị quyết",
            issuer="Hội đồng nhân dân Phường 1",
            place="Phường 1",
            date=date(2023, 12, 12),
            subject="Về kế hoạch phát triển kinh tế - xã hội năm 2024",
            plan_year=2024,
            term="IX",
            session=7,
            legal_bases=["Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"],
            references=["931/TTr-UBND"],
            signer="Nguyễn Văn A",
        ),
        tasks=[
            Task(
                code="(2)",
                text="Phấn đấu xếp hạng top 03 trên 15 xã, phường",
                targets=[
                    Target(
                        name="Xếp hạng chỉ số cải cách hành chính",
                        comparator=Comparator.RANK_TOP,
                        value=D("3"),
                        total=D("15"),
                        direction=Direction.LOWER,
                        text="top 03 trên 15 xã, phường",
                        span=(100, 126),
                    )
                ],
                span=(90, 130),
            )
        ],
        indicators=[
            Indicator(
                number=1,
                code="2.1",
                group=IndicatorGroup.ECONOMY,
                text="Thu ngân sách 1.246,695 triệu đồng",
                targets=[
                    Target(
                        name="Thu ngân sách",
                        comparator=Comparator.AT_LEAST,
                        value=D("1246.695"),
                        unit="triệu đồng",
                        over_units=OverUnits.SUM,
                        over_time=OverTime.CUMULATIVE,
                        text="Thu ngân sách 1.246,695 triệu đồng",
                        span=(200, 234),
                    ),
                    Target(name="Chỉ tiêu dự toán", comparator=Comparator.AT_LEAST, value=D("100"), unit="%"),
                ],
            ),
            Indicator(
                number=2,
                code="2.2",
                group=IndicatorGroup.CULTURE_SOCIETY,
                text="Tỷ lệ hộ nghèo giảm còn 0,8%; tăng trưởng 6,5-7%",
                targets=[
                    Target(
                        name="Tỷ lệ hộ nghèo",
                        comparator=Comparator.AT_MOST,
                        value=D("0.8"),
                        unit="%",
                        direction=Direction.LOWER,
                        over_units=OverUnits.RATIO,
                        text="Tỷ lệ hộ nghèo giảm còn 0,8%",
                        span=(300, 328),
                    ),
                    Target(name="Tăng trưởng", comparator=Comparator.RANGE, value=D("6.5"), value_max=D("7"), unit="%"),
                    Target(
                        name="Tỷ lệ hộ nghèo",
                        comparator=Comparator.REDUCE_BY,
                        value=D("0.3"),
                        unit="%",
                        direction=Direction.LOWER,
                        basis=ChangeBasis.POINTS,
                    ),
                ],
            ),
            Indicator(
                number=3,
                code=None,
                group=IndicatorGroup.GOVERNMENT,
                text="5/5 khóm đạt chuẩn văn minh đô thị; chính quyền xếp loại tốt",
                targets=[
                    Target(
                        name="Khóm đạt chuẩn văn minh đô thị",
                        comparator=Comparator.AT_LEAST,
                        value=D("5"),
                        total=D("5"),
                        unit="khóm",
                        over_units=OverUnits.UNITS_MEETING,
                    ),
                    Target(name="Chính quyền xếp loại", comparator=Comparator.QUALITATIVE, grade="Tốt"),
                    Target(
                        name="Số vụ phạm pháp hình sự",
                        comparator=Comparator.REDUCE_BY,
                        value=D("10"),
                        unit="%",
                        direction=Direction.LOWER,
                        basis=ChangeBasis.RELATIVE,
                    ),
                    Target(name="Tỷ lệ", comparator=Comparator.EQUAL, value=D("0.30000000000000004")),
                ],
            ),
        ],
        solutions=[
            Solution(sector="Về phát triển kinh tế", items=["Tăng cường thu ngân sách", "Hỗ trợ doanh nghiệp"]),
            Solution(sector="Về văn hóa - xã hội"),
        ],
        warnings=[
            ParseWarning(message="Không đọc được chỉ tiêu 7", span=(500, 540), kind="unparsed_target"),
            ParseWarning(message="Thiếu ngày ban hành"),
        ],
    )


# ---------------------------------------------------------------- round trip


def test_round_trip_through_json_text() -> None:
    plan = sample_plan()
    text = plan_to_json(plan)
    assert plan_from_json(text) == plan


def test_round_trip_through_compact_json_text() -> None:
    plan = sample_plan()
    text = plan_to_json(plan, indent=None)
    assert "\n" not in text
    assert plan_from_json(text) == plan


def test_round_trip_through_dict() -> None:
    plan = sample_plan()
    assert plan_from_dict(plan_to_dict(plan)) == plan


def test_round_trip_is_stable() -> None:
    text = plan_to_json(sample_plan())
    assert plan_to_json(plan_from_json(text)) == text


def test_empty_plan_round_trips() -> None:
    assert plan_from_json(plan_to_json(Plan())) == Plan()


def test_empty_name_is_not_replaced_by_the_text() -> None:
    t = Target(name="", comparator=Comparator.AT_LEAST, value=D("1"), text="đạt 1")
    assert target_from_dict(target_to_dict(t), "t") == t


def test_missing_name_is_taken_from_the_text() -> None:
    t = target_from_dict({"comparator": ">=", "value": 1, "text": "đạt 1"}, "t")
    assert t.name == "đạt 1"


def test_output_is_vietnamese_not_escaped() -> None:
    text = plan_to_json(sample_plan())
    assert "Hội đồng nhân dân Phường 1" in text
    assert "\\u" not in text


def test_output_keys_follow_the_schema() -> None:
    data = json.loads(plan_to_json(sample_plan()))
    assert data["schema"] == SCHEMA == "kehoach.plan/1"
    assert data["document"]["date"] == "2023-12-12"
    assert data["document"]["plan_year"] == 2024
    target = data["indicators"][1]["targets"][0]
    assert {"name", "comparator", "value", "value_max", "total", "unit", "direction", "basis"} <= set(target)
    assert {"over_units", "over_time", "text", "span"} <= set(target)
    assert target["comparator"] == "<="
    assert target["direction"] == "lower"
    assert target["over_units"] == "ratio"
    assert target["span"] == [300, 328]
    assert data["indicators"][1]["targets"][1]["value_max"] == 7


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        ("0.8", "0.8"),
        ("0.80", "0.8"),
        ("1246.695", "1246.695"),
        ("100", "100"),
        ("1E+2", "100"),
        ("100.0", "100"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("0.3", "0.3"),
        ("-2.5", "-2.5"),
        ("0", "0"),
        ("-0.0", "0"),
        ("0.0000001", "0.0000001"),
        ("123456789012345678901234567890.5", "123456789012345678901234567890.5"),
    ],
)
def test_values_are_plain_json_numbers(value: str, literal: str) -> None:
    t = Target(name="x", comparator=Comparator.AT_LEAST, value=D(value))
    text = dumps({"value": target_to_dict(t)["value"]}, indent=None)
    assert text == '{"value": ' + literal + "}"


def test_no_value_is_quoted_or_floated() -> None:
    text = plan_to_json(sample_plan())
    assert '"value": 1246.695,' in text
    assert '"value": 0.8,' in text
    assert '"value": 100,' in text
    assert '"value_max": 7,' in text
    assert '"total": 15,' in text
    assert '"value": 0.30000000000000004,' in text
    assert "E+" not in text
    assert '"value": "' not in text


def test_reading_keeps_decimals_exact() -> None:
    plan = plan_from_json(plan_to_json(sample_plan()))
    values = {key: t.value for key, t in plan.keyed_targets()}
    assert values["1.1"] == D("1246.695")
    assert isinstance(values["1.1"], Decimal)
    assert str(values["2.1"]) == "0.8"
    assert str(values["3.4"]) == "0.30000000000000004"
    assert str(plan.target("2.2").value_max) == "7"


def test_reading_json_numbers_is_exact_even_beyond_float_precision() -> None:
    data = plan_to_dict(Plan())
    data["indicators"] = [{"number": 1, "group": "kinh tế", "text": "x", "targets": [{"comparator": ">="}]}]
    text = dumps(data).replace(
        '"comparator": ">="', '"comparator": ">=", "value": 0.1000000000000000055511151231257827'
    )
    assert plan_from_json(text).indicators[0].targets[0].value == D("0.1000000000000000055511151231257827")


def test_exponent_notation_is_read_as_its_value() -> None:
    data = minimal_dict()
    text = json.dumps(data).replace('"value": 1', '"value": 1e30')
    value = plan_from_json(text).indicators[0].targets[0].value
    assert value == D("1E+30")
    assert str(value) == "1" + "0" * 30


def test_a_string_of_the_plan_cannot_pass_for_a_number() -> None:
    # private-use characters do occur in text extracted from PDFs
    odd = "\ue0001\ue001"
    plan = Plan(solutions=[Solution(sector=odd, items=[odd])])
    assert plan_from_json(plan_to_json(plan)) == plan


@given(
    st.lists(
        st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**20), max_value=10**20),
        min_size=1,
        max_size=5,
    )
)
def test_any_decimal_round_trips_exactly(values: list[Decimal]) -> None:
    targets = [Target(name=f"t{k}", comparator=Comparator.AT_LEAST, value=v) for k, v in enumerate(values)]
    plan = Plan(indicators=[Indicator(number=1, group="kinh tế", text="x", targets=targets)])
    text = plan_to_json(plan)
    assert "E" not in text
    assert [t.value for t in plan_from_json(text).indicators[0].targets] == values


def test_non_finite_decimals_are_refused_when_writing() -> None:
    with pytest.raises(ValueError):
        dumps({"value": D("NaN")})


# ---------------------------------------------------------------- validation


def minimal_dict() -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "document": {"number": "74/NQ-HĐND", "date": "2023-12-12"},
        "tasks": [{"code": "1", "text": "Nhiệm vụ", "targets": []}],
        "indicators": [
            {"number": 1, "group": "kinh tế", "text": "a", "targets": [{"comparator": ">=", "value": 1}]},
            {"number": 2, "group": "kinh tế", "text": "b", "targets": [{"comparator": ">=", "value": 1}]},
            {"number": 3, "group": "kinh tế", "text": "c", "targets": [{"comparator": ">=", "value": 1}]},
        ],
        "solutions": [{"sector": "Về kinh tế", "items": ["Giải pháp"]}],
        "warnings": [{"message": "Cảnh báo", "span": [1, 2]}],
    }


def test_minimal_dict_is_valid() -> None:
    plan = plan_from_dict(minimal_dict())
    assert plan.document.date == date(2023, 12, 12)
    assert [i.number for i in plan.indicators] == [1, 2, 3]
    assert plan.indicators[0].targets[0].direction is Direction.HIGHER
    assert plan.indicators[0].targets[0].over_units is OverUnits.UNIT_ONLY


def _set(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = minimal_dict()
    node: Any = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


def _delete(path: tuple[Any, ...]) -> dict[str, Any]:
    data = minimal_dict()
    node: Any = data
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return data


T2 = ("indicators", 2, "targets", 0)

INVALID = [
    ("bad comparator", _set((*T2, "comparator"), "~="), "indicators[2].targets[0].comparator", "không hợp lệ"),
    ("missing comparator", _delete((*T2, "comparator")), "indicators[2].targets[0].comparator", "thiếu"),
    ("comparator not a string", _set((*T2, "comparator"), 5), "indicators[2].targets[0].comparator", "kiểu"),
    ("bad direction", _set((*T2, "direction"), "up"), "indicators[2].targets[0].direction", "không hợp lệ"),
    ("bad basis", _set((*T2, "basis"), "percent"), "indicators[2].targets[0].basis", "không hợp lệ"),
    ("bad over_units", _set((*T2, "over_units"), "mean"), "indicators[2].targets[0].over_units", "không hợp lệ"),
    ("bad over_time", _set((*T2, "over_time"), "max"), "indicators[2].targets[0].over_time", "không hợp lệ"),
    ("value a word", _set((*T2, "value"), "nhiều"), "indicators[2].targets[0].value", "không phải là số"),
    ("value a bool", _set((*T2, "value"), True), "indicators[2].targets[0].value", "phải là một số"),
    ("value a list", _set((*T2, "value"), [1]), "indicators[2].targets[0].value", "phải là một số"),
    ("value NaN", _set((*T2, "value"), float("nan")), "indicators[2].targets[0].value", "hữu hạn"),
    ("value Infinity", _set((*T2, "value"), "Infinity"), "indicators[2].targets[0].value", "hữu hạn"),
    ("missing value", _delete((*T2, "value")), "indicators[2].targets[0].value", "thiếu"),
    (
        "value for qualitative",
        _set(T2, {"comparator": "qualitative", "value": 1, "grade": "Tốt"}),
        "indicators[2].targets[0].value",
        "định tính",
    ),
    (
        "range without value_max",
        _set(T2, {"comparator": "range", "value": 6.5}),
        "indicators[2].targets[0].value_max",
        "range",
    ),
    ("value_max without range", _set((*T2, "value_max"), 2), "indicators[2].targets[0].value_max", "range"),
    (
        "range upside down",
        _set(T2, {"comparator": "range", "value": 7, "value_max": 6.5}),
        "indicators[2].targets[0]",
        "đầu trên nhỏ hơn đầu dưới",
    ),
    ("target not an object", _set(T2, [1]), "indicators[2].targets[0]", "đối tượng"),
    ("targets not a list", _set(("indicators", 2, "targets"), {"a": 1}), "indicators[2].targets", "danh sách"),
    ("task targets not a list", _set(("tasks", 0, "targets"), "x"), "tasks[0].targets", "danh sách"),
    ("span backwards", _set((*T2, "span"), [5, 2]), "indicators[2].targets[0].span", "đầu"),
    ("span negative", _set((*T2, "span"), [-1, 2]), "indicators[2].targets[0].span", "đầu"),
    ("span three numbers", _set((*T2, "span"), [1, 2, 3]), "indicators[2].targets[0].span", "đầu"),
    ("span of floats", _set((*T2, "span"), [1.5, 2]), "indicators[2].targets[0].span", "đầu"),
    ("unit not a string", _set((*T2, "unit"), 5), "indicators[2].targets[0].unit", "kiểu"),
    ("wrong schema", _set(("schema",), "kehoach.plan/2"), "schema", "kehoach.plan/1"),
    ("missing schema", _delete(("schema",)), "schema", "kehoach.plan/1"),
    ("bad date", _set(("document", "date"), "12/12/2023"), "document.date", "YYYY-MM-DD"),
    ("impossible date", _set(("document", "date"), "2023-02-30"), "document.date", "YYYY-MM-DD"),
    ("date as int", _set(("document", "date"), 20231212), "document.date", "YYYY-MM-DD"),
    ("date basic format", _set(("document", "date"), "20231212"), "document.date", "YYYY-MM-DD"),
    ("plan_year a string", _set(("document", "plan_year"), "2024"), "document.plan_year", "kiểu"),
    ("session a bool", _set(("document", "session"), True), "document.session", "kiểu"),
    ("document a list", _set(("document",), []), "document", "đối tượng"),
    ("legal_bases a string", _set(("document", "legal_bases"), "Luật"), "document.legal_bases", "danh sách"),
    ("duplicate indicator number", _set(("indicators", 2, "number"), 1), "indicators[2].number", "trùng"),
    ("indicator number zero", _set(("indicators", 0, "number"), 0), "indicators[0].number", "từ 1"),
    ("indicator number missing", _delete(("indicators", 1, "number")), "indicators[1].number", "thiếu"),
    ("indicator number a string", _set(("indicators", 1, "number"), "2"), "indicators[1].number", "kiểu"),
    ("bad group", _set(("indicators", 1, "group"), "thể thao"), "indicators[1].group", "nhóm chỉ tiêu"),
    ("indicators not a list", _set(("indicators",), {}), "indicators", "danh sách"),
    ("task without code", _delete(("tasks", 0, "code")), "tasks[0].code", "thiếu"),
    ("solution without sector", _delete(("solutions", 0, "sector")), "solutions[0].sector", "thiếu"),
    ("solution items not strings", _set(("solutions", 0, "items"), [1]), "solutions[0].items", "danh sách chuỗi"),
    ("warning without message", _delete(("warnings", 0, "message")), "warnings[0].message", "thiếu"),
]


@pytest.mark.parametrize(("data", "path", "words"), [case[1:] for case in INVALID], ids=[case[0] for case in INVALID])
def test_validation_errors_name_the_field(data: dict[str, Any], path: str, words: str) -> None:
    with pytest.raises(PlanFormatError) as info:
        plan_from_dict(copy.deepcopy(data))
    message = str(info.value)
    assert f"'{path}'" in message
    assert words in message


@pytest.mark.parametrize(("data", "path", "words"), [case[1:] for case in INVALID[:8]], ids=[c[0] for c in INVALID[:8]])
def test_validation_errors_from_json_text_too(data: dict[str, Any], path: str, words: str) -> None:
    with pytest.raises(PlanFormatError, match=path.replace("[", r"\[").replace("]", r"\]")):
        plan_from_json(json.dumps(data, ensure_ascii=False))


def test_plan_format_error_is_a_value_error() -> None:
    assert issubclass(PlanFormatError, ValueError)


@pytest.mark.parametrize("data", [[], "plan", 3, None], ids=["list", "string", "number", "null"])
def test_top_level_must_be_an_object(data: Any) -> None:
    with pytest.raises(PlanFormatError, match="đối tượng"):
        plan_from_dict(data)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"schema": "kehoach.plan/1",\n  "tasks": [,]}', 2, 13),
        ('{"schema": "kehoach.plan/1"', 1, 28),
        ("", 1, 1),
        ('{\n\n   "a": tru}', 3, 9),
    ],
    ids=["stray-comma", "unterminated", "empty", "bad-literal"],
)
def test_invalid_json_reports_line_and_column(text: str, line: int, column: int) -> None:
    with pytest.raises(PlanFormatError) as info:
        plan_from_json(text)
    message = str(info.value)
    assert f"dòng {line}, cột {column}" in message
    assert "JSON không hợp lệ" in message


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_literals_are_refused(literal: str) -> None:
    text = json.dumps(minimal_dict()).replace('"value": 1', f'"value": {literal}', 1)
    with pytest.raises(PlanFormatError, match=r"indicators\[0\]\.targets\[0\]\.value"):
        plan_from_json(text)


# ---------------------------------------------------------------- leniency


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("kinh tế", IndicatorGroup.ECONOMY),
        ("Văn hoá - xã hội", IndicatorGroup.CULTURE_SOCIETY),
        ("văn hóa  -  xã hội", IndicatorGroup.CULTURE_SOCIETY),
        ("QUỐC PHÒNG - AN NINH", IndicatorGroup.DEFENCE_SECURITY),
    ],
)
def test_group_names_are_read_in_any_case_and_tone_style(written: str, canonical: str) -> None:
    data = _set(("indicators", 0, "group"), written)
    assert plan_from_dict(data).indicators[0].group == canonical


def test_missing_group_is_other() -> None:
    data = _delete(("indicators", 0, "group"))
    assert plan_from_dict(data).indicators[0].group == IndicatorGroup.OTHER


def test_missing_lists_are_empty() -> None:
    plan = plan_from_dict({"schema": SCHEMA})
    assert plan == Plan()


def test_strings_are_stored_nfc() -> None:
    data = _set(("indicators", 0, "text"), unicodedata.normalize("NFD", "Tỷ lệ hộ nghèo"))
    assert plan_from_dict(data).indicators[0].text == "Tỷ lệ hộ nghèo"


def test_integer_task_code_is_read_as_text() -> None:
    data = _set(("tasks", 0, "code"), 2)
    assert plan_from_dict(data).tasks[0].code == "2"
