"""The target grammar of DESIGN §3, one sentence at a time (table-driven)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach.core.text import fold
from kehoach.parsing.grammar import ClauseContext, extract


def targets(sentence: str, mode: str = "indicator", plan_year: int = 2024, hint: str | None = None):
    result = extract(sentence, fold(sentence), 0, len(sentence), ClauseContext(plan_year, mode, hint))
    return [
        (
            t.comparator.value,
            None if t.value is None else str(t.value),
            None if t.value_max is None else str(t.value_max),
            None if t.total is None else str(t.total),
            t.unit,
        )
        for t in result.targets
    ]


CASES = [
    # comparators next to the figure
    ("Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,5%", [(">=", "97.5", None, None, "%")]),
    ("Tỷ lệ hộ nghèo giảm còn 0,2%", [("<=", "0.2", None, None, "%")]),
    ("tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng còn dưới 12%", [("<", "12", None, None, "%")]),
    ("đảm bảo đạt trên 50% thủ tục hành chính", [(">", "50", None, None, "%")]),
    ("Tỷ lệ tăng dân số tự nhiên không quá 0,85%", [("<=", "0.85", None, None, "%")]),
    ("tỷ lệ hồ sơ giải quyết quá hạn tối đa 1%", [("<=", "1", None, None, "%")]),
    ("tỷ lệ diện tích lúa được cơ giới hóa không dưới 90%", [(">=", "90", None, None, "%")]),
    ("Tỷ lệ hòa giải thành hằng năm là 90% trở lên", [(">=", "90", None, None, "%")]),
    ("Tỷ lệ hộ gia đình văn hóa từ 95% trở lên", [(">=", "95", None, None, "%")]),
    ("tỷ lệ hồ sơ trực tuyến toàn trình đạt hơn 70%", [(">", "70", None, None, "%")]),
    ("Tổng sản lượng lương thực có hạt ổn định trên 24.500 tấn", [(">", "24500", None, None, "tấn")]),
    ("Tỷ lệ rác thải sinh hoạt được thu gom, xử lý: 80 % trở lên", [(">=", "80", None, None, "%")]),
    # plain values
    ("Thu ngân sách nhà nước trên địa bàn: 326,5 tỷ đồng", [("=", "326.5", None, None, "tỷ đồng")]),
    ("Tổng vốn đầu tư phát triển trên địa bàn: 1.246,695 tỷ đồng", [("=", "1246.695", None, None, "tỷ đồng")]),
    ("Diện tích gieo trồng lúa cả năm 4.850 ha", [("=", "4850", None, None, "ha")]),
    ("tổng vốn đầu tư toàn xã hội khoảng 48,5 nghìn tỷ đồng", [("=", "48.5", None, None, "nghìn tỷ đồng")]),
    ("Tỷ lệ che phủ rừng duy trì ở mức 41,5%", [("=", "41.5", None, None, "%")]),
    ("Tổng thu ngân sách trên địa bàn: 9,85 tỉ đồng", [("=", "9.85", None, None, "tỉ đồng")]),
    # counts after an action verb
    ("Vận động 08 lao động đi làm việc ở nước ngoài", [(">=", "8", None, None, "lao động")]),
    ("giới thiệu việc làm cho 275 lao động", [(">=", "275", None, None, "lao động")]),
    ("Trồng mới 300 cây xanh trên các tuyến phố", [(">=", "300", None, None, "cây xanh")]),
    ("xây dựng mới, sửa chữa 02 căn nhà tình thương", [(">=", "2", None, None, "căn")]),
    # growth and changes
    ("Tổng giá trị sản xuất tăng 9% so với năm 2018", [(">=", "9", None, None, "%")]),
    (
        "Giảm tỷ lệ hộ nghèo 1,2% theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025",
        [("reduce_by", "1.2", None, None, "%")],
    ),
    ("Kéo giảm ít nhất 5% số vụ phạm pháp hình sự so với năm 2025", [("reduce_by", "5", None, None, "%")]),
    ("Phấn đấu đạt thêm 02 tiêu chí", [("increase_by", "2", None, None, "tiêu chí")]),
    (
        "Có thêm 02 xã đạt chuẩn nông thôn mới nâng cao, nâng tổng số lên 9/16 xã",
        [("increase_by", "2", None, None, "xã"), (">=", "9", None, "16", "xã")],
    ),
    ("Tỷ lệ hộ nghèo giảm từ 2,14% xuống còn 1,6%", [("<=", "1.6", None, None, "%")]),
    ("Tốc độ tăng giá trị sản xuất: điều chỉnh từ 6,5% lên 8%", [("=", "8", None, None, "%")]),
    ("Thu ngân sách: điều chỉnh từ 38,2 tỷ đồng lên tối thiểu 41,5 tỷ đồng", [(">=", "41.5", None, None, "tỷ đồng")]),
    (
        "Giảm tỷ lệ hộ nghèo 0,5% (tương đương 21 hộ)",
        [("reduce_by", "0.5", None, None, "%"), ("reduce_by", "21", None, None, "hộ")],
    ),
    # ranges, N/M, ranks
    ("Tốc độ tăng trưởng GRDP đạt 7,5 - 8,0%", [("range", "7.5", "8", None, "%")]),
    ("phấn đấu tăng thu từ 3 – 5% so với dự toán", [("range", "3", "5", None, "%")]),
    ("Nâng cấp đường giao thông nội thị: từ 1,2 đến 1,5 km", [("range", "1.2", "1.5", None, "km")]),
    ("Có 5/5 khóm đạt khóm văn minh đô thị", [(">=", "5", None, "5", "khóm")]),
    ("phấn đấu đạt 12-13/18 tiêu chí xã nông thôn mới nâng cao", [("range", "12", "13", "18", "tiêu chí")]),
    ("nằm trong top 03 trên 15 xã, phường", [("rank_top", "3", None, "15", "xã, phường")]),
    ("Chỉ số cải cách hành chính của huyện xếp thứ 3 trở lên", [("rank_top", "3", None, None, None)]),
    # shared stems and several targets in a sentence
    (
        "Tỷ lệ học sinh đi học trong độ tuổi: tiểu học 100%, THCS 100%",
        [("=", "100", None, None, "%"), ("=", "100", None, None, "%")],
    ),
    (
        "Tỷ lệ học sinh đi học đúng độ tuổi đạt: tiểu học 100%, THCS 99,5%",
        [(">=", "100", None, None, "%"), (">=", "99.5", None, None, "%")],
    ),
    (
        "Tỷ lệ chất thải rắn được thu gom đạt 90% ở đô thị và 70% ở nông thôn",
        [(">=", "90", None, None, "%"), (">=", "70", None, None, "%")],
    ),
    (
        "cơ cấu kinh tế: nông nghiệp 21,5%, công nghiệp - xây dựng 38,2%, dịch vụ 34,6%",
        [("=", "21.5", None, None, "%"), ("=", "38.2", None, None, "%"), ("=", "34.6", None, None, "%")],
    ),
    ("100% thôn đạt danh hiệu thôn văn hóa", [(">=", "100", None, None, "%")]),
    ("duy trì 100% ấp có điểm sinh hoạt văn hóa - thể thao", [("=", "100", None, None, "%")]),
    ("Duy trì 3/3 trường đạt chuẩn quốc gia", [(">=", "3", None, "3", "trường")]),
    # qualitative
    ("Xây dựng chính quyền hàng năm được xếp loại tốt", [("qualitative", None, None, None, None)]),
    ("Phường giữ vững danh hiệu đạt chuẩn văn minh đô thị", [("qualitative", None, None, None, None)]),
    ("Kéo giảm tai nạn giao thông trên cả 3 tiêu chí so với năm 2021", [("qualitative", None, None, None, None)]),
    # traps: not targets
    (
        "Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt đạt 112 triệu đồng",
        [(">=", "112", None, None, "triệu đồng")],
    ),
    (
        "Tỷ lệ công dân từ đủ 14 tuổi trở lên được cấp tài khoản mức độ 2 đạt 90% trở lên",
        [(">=", "90", None, None, "%")],
    ),
    ("tỷ lệ sinh con thứ 3 trở lên giảm còn tối đa 8,5%", [("<=", "8.5", None, None, "%")]),
    ("nước sạch đáp ứng quy chuẩn QCVN 01-1:2018/BYT đạt 40%", [(">=", "40", None, None, "%")]),
    ("Năm 2023, thu ngân sách đạt 48,6 tỷ đồng, bằng 125% dự toán", []),
    ("thu nhập bình quân đầu người ước đạt 41,2 triệu đồng", []),
    ("Phấn đấu đến năm 2030 xã đạt chuẩn nông thôn mới hiện đại", []),
    ("công khai số điện thoại đường dây nóng 0263 3822 115", []),
    ("mở rộng hẻm 45 và hẻm 112 đường Nguyễn Huệ; hoàn thành trước ngày 30 tháng 9 năm 2025", []),
    ("tuyến đường tỉnh 765 đoạn Km12+500 - Km27+300", []),
    ("Kế hoạch năm 2026 gồm 20 chỉ tiêu chủ yếu (chi tiết tại Phụ lục)", []),
    ("thực hiện Nghị định số 09/2019/NĐ-CP ngày 24 tháng 01 năm 2019", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_sentence(sentence, expected):
    assert targets(sentence) == expected


TABLE_CELLS = [
    ("≥ 25", "Số doanh nghiệp thành lập mới", [(">=", "25", None, None, None)]),
    ("< 0,3", "Tỷ lệ hộ nghèo", [("<", "0.3", None, None, None)]),
    ("Trên 60", "Tỷ lệ hồ sơ nộp trực tuyến", [(">", "60", None, None, None)]),
    ("Tối thiểu 70", "Tỷ lệ hồ sơ trực tuyến", [(">=", "70", None, None, None)]),
    ("11 - 12", "Tốc độ tăng tổng mức bán lẻ", [("range", "11", "12", None, None)]),
    ("6/6", "Khu phố văn hóa", [(">=", "6", None, "6", None)]),
    ("08", "Số hẻm được chỉnh trang", [("=", "8", None, None, None)]),
    ("0,3", "Giảm tỷ lệ hộ cận nghèo so với năm 2025", [("reduce_by", "0.3", None, None, None)]),
    ("Tốt", "Chính quyền xếp loại", [("qualitative", None, None, None, None)]),
]


@pytest.mark.parametrize(("cell", "name", "expected"), TABLE_CELLS, ids=[c[0] for c in TABLE_CELLS])
def test_table_cell(cell, name, expected):
    assert targets(cell, mode="cell", hint=name) == expected


def test_task_mode_needs_more_than_a_bare_number():
    assert targets("Vận động Nhân dân mở rộng hẻm 45 và hẻm 112", mode="task") == []
    assert targets("Thu hút ít nhất 03 dự án đầu tư vào Cụm công nghiệp", mode="task") == [
        (">=", "3", None, None, "dự án")
    ]
    assert targets("Đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất", mode="task") == []


def test_names_and_spans():
    sentence = "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,5%, tỷ lệ hộ nghèo giảm còn 0,2%"
    result = extract(sentence, fold(sentence), 0, len(sentence), ClauseContext(2024))
    names = [t.name for t in result.targets]
    assert names == ["Tỷ lệ dân số tham gia bảo hiểm y tế", "Tỷ lệ hộ nghèo"]
    for t in result.targets:
        assert t.span is not None and sentence[t.span[0] : t.span[1]] == t.text
    assert result.targets[1].value == Decimal("0.2")


def test_old_tone_style_and_ti_spelling_match():
    assert targets("Tỉ lệ hộ nghèo giảm còn 0,9%") == [("<=", "0.9", None, None, "%")]
    assert targets("Tỷ lệ hoà giải thành ở cơ sở: 85% trở lên") == [(">=", "85", None, None, "%")]


def test_unparsed_target_like_clause_becomes_qualitative_with_warning():
    sentence = "Tỷ lệ hộ nghèo giảm theo lộ trình của tỉnh"
    result = extract(sentence, fold(sentence), 0, len(sentence), ClauseContext(2024))
    assert [t.comparator.value for t in result.targets] == ["qualitative"]
    assert result.warnings and result.warnings[0].kind == "unparsed_target"
