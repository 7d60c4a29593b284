"""Document metadata from the NĐ 30 header."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.parsing.metadata import read_metadata, session_number

HEADER = """HỘI ĐỒNG NHÂN DÂN
XÃ TÂN PHÚ

CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 18/NQ-HĐND

Tân Phú, ngày 20 tháng 12 năm 2018

NGHỊ QUYẾT
Về nhiệm vụ phát triển kinh tế - xã hội năm 2019

HỘI ĐỒNG NHÂN DÂN XÃ TÂN PHÚ
KHOÁ X, KỲ HỌP THỨ MƯỜI MỘT

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;

Xét Báo cáo số 318/BC-UBND ngày 01 tháng 12 năm 2018; Tờ trình số 112/TTr-UBND ngày 10 tháng 12 năm 2018 của Uỷ ban nhân dân xã;

QUYẾT NGHỊ:
"""


def test_header_fields():
    doc = read_metadata(HEADER, len(HEADER))
    assert doc.number == "18/NQ-HĐND"
    assert doc.type == "Nghị quyết"
    assert doc.issuer == "Hội đồng nhân dân xã Tân Phú"
    assert doc.place == "Tân Phú"
    assert doc.date == date(2018, 12, 20)
    assert doc.subject == "Về nhiệm vụ phát triển kinh tế - xã hội năm 2019"
    assert doc.plan_year == 2019
    assert (doc.term, doc.session) == ("X", 11)
    assert doc.references == ["318/BC-UBND", "112/TTr-UBND"]
    assert doc.legal_bases == [
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
        "Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015",
    ]


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("bảy", 7),
        ("BẢY", 7),
        ("thứ", None),
        ("mười", 10),
        ("mười bảy", 17),
        ("mười một", 11),
        ("mười lăm", 15),
        ("hai mươi", 20),
        ("hai mươi mốt", 21),
        ("hai mươi tư", 24),
        ("ba mươi lăm", 35),
        ("nhất", 1),
        ("tư", 4),
        ("14", 14),
    ],
)
def test_session_number_words(words, number):
    assert session_number(words) == number


def test_plan_year_from_the_date_when_no_subject():
    text = "Phường 5, ngày 20 tháng 12 năm 2023\nNội dung không có tiêu đề."
    doc = read_metadata(text, len(text))
    assert doc.date == date(2023, 12, 20)
    assert doc.plan_year == 2024


def test_numbered_ward_keeps_its_capital():
    text = "HỘI ĐỒNG NHÂN DÂN\nPHƯỜNG 1\n\nNGHỊ QUYẾT\nVề kế hoạch năm 2024\n\nHỘI ĐỒNG NHÂN DÂN PHƯỜNG 1\n"
    assert read_metadata(text, len(text)).issuer == "Hội đồng nhân dân Phường 1"
