"""Paragraph rebuilding from positioned lines (no PDF needed)."""

from __future__ import annotations

from kehoach.parsing.readers.layout import Fragment, Line, Page, TableItem, compose

LEFT, RIGHT, PITCH = 50.0, 550.0, 18.0


def line(text: str, row: float, *, page: int = 1, full: bool = True, x0: float = LEFT) -> Line:
    x1 = RIGHT if full else x0 + 4 * len(text)
    top = 100 + row * PITCH
    return Line(text, x0, x1, top, top + 12, 12.0, page, [Fragment(text, x0, x1)])


def two_columns(left: str, right: str, row: float) -> Line:
    top = 100 + row * PITCH
    fragments = [Fragment(left, 80, 80 + 5 * len(left)), Fragment(right, 320, 320 + 5 * len(right))]
    return Line(f"{left} {right}", 80, fragments[-1].x1, top, top + 12, 12.0, 1, fragments)


def pages_of(*lines: Line, tables: tuple[TableItem, ...] = ()) -> list[Page]:
    numbers = sorted({ln.page for ln in lines} | {t.page for t in tables})
    return [
        Page(
            n,
            600.0,
            842.0,
            [ln for ln in lines if ln.page == n],
            [t for t in tables if t.page == n],
        )
        for n in numbers
    ]


def test_continuation_lines_are_joined_with_a_space():
    text = compose(
        pages_of(
            line("Tập trung thực hiện nhiệm vụ thu chi ngân sách nhà nước theo kế hoạch đề ra,", 0),
            line("trong đó phát huy lợi thế tiềm năng sẵn có ở địa phương để mở rộng các nguồn", 1),
            line("thu.", 2, full=False),
        )
    )
    assert text == (
        "Tập trung thực hiện nhiệm vụ thu chi ngân sách nhà nước theo kế hoạch đề ra, trong đó phát huy "
        "lợi thế tiềm năng sẵn có ở địa phương để mở rộng các nguồn thu.\n"
    )


def test_a_sentence_ending_inside_a_full_line_does_not_end_the_paragraph():
    text = compose(
        pages_of(
            line("Tổ chức rà soát tập trung giải pháp thực hiện hoàn thành các chỉ tiêu kinh tế.", 0),
            line("Hoàn thành việc đề nghị cấp giấy chứng nhận quyền sử dụng đất.", 1, full=False),
        )
    )
    assert text.count("\n\n") == 0


def test_short_line_ending_a_sentence_ends_the_paragraph():
    text = compose(
        pages_of(
            line("Quan tâm hơn nữa hỗ trợ người lao động trong và sau khi đi làm việc ở nước ngoài", 0),
            line("theo hợp đồng trở về.", 1, full=False),
            line("Thực hiện tốt các chương trình đảm bảo chất lượng vệ sinh an toàn thực phẩm.", 2, full=False),
        )
    )
    assert text.split("\n\n")[1] == "Thực hiện tốt các chương trình đảm bảo chất lượng vệ sinh an toàn thực phẩm.\n"


def test_first_line_indent_starts_a_paragraph():
    text = compose(
        pages_of(
            line("Kiên quyết xử lý những trường hợp xây dựng nhà không phép, sai phép và tái lấn chiếm.", 0),
            line("Phối hợp vận động nhân dân thực hiện tốt vệ sinh môi trường, đăng ký thu gom rác.", 1, x0=LEFT + 30),
        )
    )
    assert text.count("\n\n") == 1


def test_vertical_gap_starts_a_paragraph():
    text = compose(
        pages_of(line("Đảm bảo giữ vững tình hình an ninh chính trị", 0), line("và trật tự an toàn xã hội", 1.6))
    )
    assert text == "Đảm bảo giữ vững tình hình an ninh chính trị\n\nvà trật tự an toàn xã hội\n"


def test_labels_start_paragraphs_but_wrapped_dashes_and_years_do_not():
    text = compose(
        pages_of(
            line("1.1. Nâng cao chất lượng công tác cải cách hành chính, phát triển kinh tế", 0),
            line("- xã hội của phường trong năm", 1),
            line("2024. Phấn đấu công tác cải cách hành chính nằm trong top 03 trên 15 xã,", 2),
            line("phường.", 3, full=False),
            line("1.2. Lãnh đạo UBND phường tham mưu rà soát.", 4, full=False),
            line("a) Tỷ lệ hộ nghèo giảm còn 0,2%;", 5, full=False),
            line("- Thu ngân sách đạt 100%;", 6, full=False),
            line("+ Nông nghiệp tăng 3,2%;", 7, full=False),
            line("Điều 2. Tổ chức thực hiện", 8, full=False),
        )
    )
    assert text.split("\n\n") == [
        "1.1. Nâng cao chất lượng công tác cải cách hành chính, phát triển kinh tế - xã hội của phường trong "
        "năm 2024. Phấn đấu công tác cải cách hành chính nằm trong top 03 trên 15 xã, phường.",
        "1.2. Lãnh đạo UBND phường tham mưu rà soát.",
        "a) Tỷ lệ hộ nghèo giảm còn 0,2%;",
        "- Thu ngân sách đạt 100%;",
        "+ Nông nghiệp tăng 3,2%;",
        "Điều 2. Tổ chức thực hiện\n",
    ]


def test_numbered_run_inside_a_paragraph_stays_together():
    text = compose(
        pages_of(
            line("2.2. Chỉ tiêu về văn hóa - xã hội: (1) Duy trì tỷ lệ tăng dân số tự nhiên còn 0,8%;", 0),
            line("(2) Tỷ lệ hộ nghèo giảm còn 0,2%; (3) Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,5%.", 1),
            line("(1) Một mục riêng sau dòng ngắn:", 2, full=False),
            line("(2) Mục thứ hai.", 3, full=False),
        )
    )
    assert text.split("\n\n") == [
        "2.2. Chỉ tiêu về văn hóa - xã hội: (1) Duy trì tỷ lệ tăng dân số tự nhiên còn 0,8%; "
        "(2) Tỷ lệ hộ nghèo giảm còn 0,2%; (3) Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,5%.",
        "(1) Một mục riêng sau dòng ngắn:",
        "(2) Mục thứ hai.\n",
    ]


def test_capital_lines_are_paragraphs_of_their_own():
    text = compose(
        pages_of(
            line("NGHỊ QUYẾT", 0, full=False, x0=260),
            line("Về kế hoạch phát triển kinh tế - xã hội năm 2024", 1, full=False, x0=150),
            line("HỘI ĐỒNG NHÂN DÂN PHƯỜNG 1", 2, full=False, x0=200),
        )
    )
    assert text == "NGHỊ QUYẾT\n\nVề kế hoạch phát triển kinh tế - xã hội năm 2024\n\nHỘI ĐỒNG NHÂN DÂN PHƯỜNG 1\n"


def bottom_line(text: str, page: int) -> Line:
    return Line(text, 290, 310, 800, 810, 9.0, page, [Fragment(text, 290, 310)])


def top_line(text: str, page: int) -> Line:
    return Line(text, 400, 550, 20, 30, 9.0, page, [Fragment(text, 400, 550)])


def test_page_numbers_and_running_headers_are_dropped():
    body = [line(f"Đoạn văn trang {n}.", 1, page=n, full=False) for n in (1, 2, 3)]
    numbers = [bottom_line(label, n) for n, label in ((1, "- 1 -"), (2, "Trang 2"), (3, "3/3"))]
    headers = [top_line(f"Nghị quyết số 74/NQ-HĐND - trang {n}", n) for n in (2, 3)]
    text = compose(pages_of(*body, *numbers, *headers))
    assert text == "Đoạn văn trang 1.\n\nĐoạn văn trang 2.\n\nĐoạn văn trang 3.\n"


def test_a_line_at_the_top_of_one_page_only_is_kept():
    text = compose(pages_of(top_line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1), line("Nội dung.", 3, page=2)))
    assert text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nNội dung.\n"


def test_paragraph_continues_across_a_page_break():
    text = compose(
        pages_of(
            line("Tiếp tục chăm lo đời sống vật chất và tinh thần đối với gia đình chính sách,", 30),
            line("người có công cách mạng và các đối tượng bảo trợ xã hội.", 0, page=2, full=False),
        )
    )
    assert text.count("\n\n") == 0


def test_table_is_placed_between_paragraphs():
    table = TableItem("STT | Chỉ tiêu\n1 | Thu ngân sách", top=100 + 1.5 * PITCH, bottom=100 + 3 * PITCH, page=1)
    text = compose(
        pages_of(
            line("2. Các chỉ tiêu chủ yếu", 0, full=False),
            line("3. Nhiệm vụ trọng tâm", 4, full=False),
            tables=(table,),
        )
    )
    assert text == "2. Các chỉ tiêu chủ yếu\n\nSTT | Chỉ tiêu\n1 | Thu ngân sách\n\n3. Nhiệm vụ trọng tâm\n"


def test_two_column_rows_are_read_left_then_right_row_by_row():
    text = compose(
        pages_of(
            two_columns("HỘI ĐỒNG NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0),
            two_columns("PHƯỜNG 1", "Độc lập - Tự do - Hạnh phúc", 1),
            two_columns("Số: 74/NQ-HĐND", "Phường 1, ngày 12 tháng 12 năm 2023", 2.5),
            line("NGHỊ QUYẾT", 4, full=False, x0=260),
        )
    )
    assert text.split("\n\n") == [
        "HỘI ĐỒNG NHÂN DÂN\nPHƯỜNG 1",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        "Số: 74/NQ-HĐND",
        "Phường 1, ngày 12 tháng 12 năm 2023",
        "NGHỊ QUYẾT\n",
    ]
