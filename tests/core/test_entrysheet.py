from __future__ import annotations

import pytest

from kehoach.core.entrysheet import (
    COLUMNS,
    ENTRY_COLUMNS,
    FIGURE_COLUMNS,
    REQUIRED,
    Column,
    Meta,
    cell_location,
    column_for_header,
    column_letter,
    meta_for_label,
    sheet_container,
)


def test_every_column_has_a_header_that_names_it_back() -> None:
    assert len({c.header for c in COLUMNS}) == len(COLUMNS)
    assert all(column_for_header(c.header) is c for c in COLUMNS)
    assert REQUIRED.isdisjoint(ENTRY_COLUMNS) and FIGURE_COLUMNS <= ENTRY_COLUMNS


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("MÃ CHỈ TIÊU", Column.KEY),
        ("  mã   đơn vị ", Column.UNIT_CODE),
        ("Ước cả năm", Column.ESTIMATE),
        ("ước cả năm (X)", Column.ESTIMATE),
        ("Đơn vị tính", Column.UNIT_OF_MEASURE),
        ("Kỳ báo cáo", Column.PERIOD),
        ("Hoà giải", None),
        ("", None),
    ],
)
def test_headers_are_matched_folded(text: str, column: Column | None) -> None:
    assert column_for_header(text) is column


def test_metadata_labels() -> None:
    assert meta_for_label("Mã kế hoạch:") is Meta.PLAN
    assert meta_for_label("mã kỳ") is Meta.PERIOD
    assert meta_for_label("plan") is Meta.PLAN
    assert meta_for_label("Kế hoạch") is None


@pytest.mark.parametrize(("index", "letters"), [(1, "A"), (14, "N"), (26, "Z"), (27, "AA"), (703, "AAA")])
def test_column_letters(index: int, letters: str) -> None:
    assert column_letter(index) == letters


def test_column_letter_rejects_zero() -> None:
    with pytest.raises(ValueError):
        column_letter(0)


def test_cell_locations() -> None:
    sheet = sheet_container("Nhập liệu")
    assert cell_location(sheet, 9, 8, "Giá trị") == "Trang tính “Nhập liệu”, dòng 9, cột H (Giá trị)"
    assert cell_location(sheet, 9, 8) == "Trang tính “Nhập liệu”, dòng 9, cột H"
    assert cell_location(sheet, 9) == "Trang tính “Nhập liệu”, dòng 9"
