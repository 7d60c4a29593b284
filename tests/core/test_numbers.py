"""Vietnamese number notation (kehoach.core.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.core.numbers import (
    NumberFormatError,
    format_vn_number,
    format_vn_percent,
    normalize_decimal,
    parse_vn_number,
    plain,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.246,695", "1246.695"),
        ("65.194", "65194"),
        ("0,8", "0.8"),
        ("08", "8"),
        ("02", "2"),
        ("80", "80"),
        ("1.200", "1200"),
        ("1.000.000", "1000000"),
        ("-2,5", "-2.5"),
        ("−2,5", "-2.5"),  # U+2212 minus sign
        ("+3", "3"),
        (" 97,5 ", "97.5"),
        ("97,50", "97.5"),
        ("1 246,7", "1246.7"),
        ("1\u00a0246,7", "1246.7"),
        ("97.5", "97.5"),  # dot-decimal from spreadsheets
        ("1.24", "1.24"),  # dot + two digits: a decimal point
        ("1.2345", "1.2345"),
        ("0.125", "0.125"),  # a thousands group never follows a bare zero
        ("0", "0"),
        ("-0", "0"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("1.234.567.890.123.456.789.012.345.678,9", "1234567890123456789012345678.9"),
    ],
    ids=lambda v: repr(v),
)
def test_parse_vn_number(text: str, expected: str) -> None:
    value = parse_vn_number(text)
    assert value == Decimal(expected)
    assert str(value) == expected  # exact, and no exponent or trailing zeros


@pytest.mark.parametrize(
    "text",
    ["abc", "1,2,3", "", "   ", "-", "1..2", "1.2.3", "12,", ",5", "1.24,5", "1,234.5", "0.125.000", "٣", "5%"],
    ids=lambda v: repr(v),
)
def test_parse_vn_number_rejects(text: str) -> None:
    with pytest.raises(NumberFormatError) as info:
        parse_vn_number(text)
    assert "không phải là số" in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("text", ["97.5", "1.24", "0.125"])
def test_parse_vn_number_without_dot_decimal_rejects_dot_fractions(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_vn_number(text, allow_dot_decimal=False)


def test_parse_vn_number_three_digits_after_a_dot_group_thousands_either_way() -> None:
    assert parse_vn_number("1.200", allow_dot_decimal=False) == 1200
    assert parse_vn_number("1.200", allow_dot_decimal=True) == 1200


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("8.0", "8"),
        ("1E+2", "100"),
        ("0.800", "0.8"),
        ("-0.0", "0"),
        ("0E-5", "0"),
        ("1.23456789012345678901234567890123", "1.23456789012345678901234567890123"),
        ("1E+30", "1000000000000000000000000000000"),
    ],
)
def test_normalize_decimal_and_plain(value: str, expected: str) -> None:
    assert str(normalize_decimal(Decimal(value))) == expected
    assert plain(Decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("1246.695", None, "1.246,695"),
        ("1246.7", 1, "1.246,7"),
        ("1246.695", 1, "1.246,7"),
        ("1246.65", 1, "1.246,7"),
        ("2.25", 1, "2,3"),  # half up, not banker's rounding (which gives 2,2)
        ("2.35", 1, "2,4"),
        ("0.125", 2, "0,13"),
        ("-2.25", 1, "-2,3"),
        ("-1246.695", None, "-1.246,695"),
        ("-0.04", 1, "0,0"),  # no "-0,0"
        ("12", None, "12"),
        ("12.0", None, "12"),  # no ",0" unless places say so
        ("12", 1, "12,0"),
        ("12", 0, "12"),
        ("1000000", None, "1.000.000"),
        ("100", None, "100"),
        ("999", None, "999"),
        ("1000", None, "1.000"),
        ("1E+2", None, "100"),
        ("0.8", None, "0,8"),
        ("1E+30", 1, "1.000.000.000.000.000.000.000.000.000.000,0"),
    ],
)
def test_format_vn_number(value: str, places: int | None, expected: str) -> None:
    assert format_vn_number(Decimal(value), places) == expected


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_format_vn_number_refuses_non_finite(value: str) -> None:
    with pytest.raises(ValueError):
        format_vn_number(Decimal(value))


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [("97.5", None, "97,5%"), ("100", None, "100%"), ("36.456", 1, "36,5%"), ("0.2", 2, "0,20%")],
)
def test_format_vn_percent(value: str, places: int | None, expected: str) -> None:
    assert format_vn_percent(Decimal(value), places) == expected


decimals = st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=6)


@given(decimals)
def test_format_then_parse_round_trips(value: Decimal) -> None:
    assert parse_vn_number(format_vn_number(value)) == value


@given(decimals)
def test_format_then_parse_round_trips_without_dot_decimal(value: Decimal) -> None:
    assert parse_vn_number(format_vn_number(value), allow_dot_decimal=False) == value


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_normalize_decimal_is_exact_and_plain(value: Decimal) -> None:
    normal = normalize_decimal(value)
    assert normal == value
    if normal == normal.to_integral_value():
        assert "E" not in str(normal)  # integers never show an exponent (1E+2 → 100)
    text = plain(value)
    assert "E" not in text
    assert Decimal(text) == value
