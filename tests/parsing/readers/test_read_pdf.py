""".pdf with a text layer, built with fpdf2: paragraphs, running lines, tables, scans."""

from __future__ import annotations

import pytest

from kehoach.parsing.readers import ReadError, read_bytes


def pdf_bytes(pdf) -> bytes:
    return bytes(pdf.output())


def write_paragraphs(pdf, paragraphs: list[str]) -> None:
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(3)


def test_wrapped_lines_are_joined_into_paragraphs(new_pdf, seed_text):
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 150 and "*" not in p]
    pdf = new_pdf()
    write_paragraphs(pdf, paragraphs)
    source = read_bytes(pdf_bytes(pdf), "nq.pdf")
    assert source.format == "pdf"
    assert source.text.split("\n\n") == [*paragraphs[:-1], paragraphs[-1] + "\n"]


def test_numbered_and_bulleted_lines_start_paragraphs(new_pdf):
    lines = [
        "1. Các nhiệm vụ trọng tâm",
        "1.1. Nâng cao chất lượng công tác cải cách hành chính",
        "a) Tỷ lệ hộ nghèo giảm còn 0,2%",
        "(1) Duy trì tỷ lệ tăng dân số tự nhiên còn 0,8%",
        "- Thu ngân sách đạt 100%",
        "+ Nông, lâm nghiệp và thủy sản tăng 3,2%",
        "Điều 2. Tổ chức thực hiện",
    ]
    pdf = new_pdf()
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    assert read_bytes(pdf_bytes(pdf), "nq.pdf").text == "\n\n".join(lines) + "\n"


def test_capital_lines_stand_alone(new_pdf):
    pdf = new_pdf()
    for line in ["NGHỊ QUYẾT", "Về kế hoạch phát triển kinh tế - xã hội năm 2024", "HỘI ĐỒNG NHÂN DÂN PHƯỜNG 1"]:
        pdf.cell(0, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
    assert read_bytes(pdf_bytes(pdf), "nq.pdf").text == (
        "NGHỊ QUYẾT\n\nVề kế hoạch phát triển kinh tế - xã hội năm 2024\n\nHỘI ĐỒNG NHÂN DÂN PHƯỜNG 1\n"
    )


def test_page_numbers_and_running_headers_are_dropped_and_paragraphs_cross_pages(new_pdf, seed_text):
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 150 and "*" not in p] * 3
    pdf = new_pdf(header="Nghị quyết số 74/NQ-HĐND", page_numbers=True)
    write_paragraphs(pdf, paragraphs)
    assert pdf.page_no() >= 3
    text = read_bytes(pdf_bytes(pdf), "nq.pdf").text
    assert "74/NQ-HĐND" not in text
    assert "- 2 -" not in text and "\n2\n" not in text
    assert text.split("\n\n") == [*paragraphs[:-1], paragraphs[-1] + "\n"]


def test_ruled_table_is_rendered_in_place(new_pdf):
    pdf = new_pdf()
    pdf.multi_cell(0, 6, "2. Các chỉ tiêu chủ yếu (chi tiết theo bảng dưới đây)")
    pdf.ln(3)
    with pdf.table(first_row_as_headings=False) as table:
        for values in [
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025"],
            ["1", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "45,6"],
            ["2", "Tỷ lệ hộ nghèo", "%", "< 0,3"],
        ]:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(3)
    pdf.multi_cell(0, 6, "3. Nhiệm vụ trọng tâm.")
    assert read_bytes(pdf_bytes(pdf), "nq.pdf").text == (
        "2. Các chỉ tiêu chủ yếu (chi tiết theo bảng dưới đây)\n\n"
        "STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2025\n"
        "1 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | 45,6\n"
        "2 | Tỷ lệ hộ nghèo | % | < 0,3\n\n"
        "3. Nhiệm vụ trọng tâm.\n"
    )


def test_table_with_a_merged_cell(new_pdf):
    pdf = new_pdf()
    with pdf.table(first_row_as_headings=False) as table:
        row = table.row()
        for value in ["STT", "Chỉ tiêu", "Kế hoạch"]:
            row.cell(value)
        table.row().cell("I. Chỉ tiêu kinh tế", colspan=3)
        row = table.row()
        for value in ["1", "Thu ngân sách", "45,6"]:
            row.cell(value)
    assert read_bytes(pdf_bytes(pdf), "nq.pdf").text == (
        "STT | Chỉ tiêu | Kế hoạch\nI. Chỉ tiêu kinh tế\n1 | Thu ngân sách | 45,6\n"
    )


def test_letterhead_in_two_columns_is_read_column_by_column(new_pdf):
    pdf = new_pdf()
    top = pdf.get_y()
    pdf.set_xy(10, top)
    pdf.multi_cell(80, 6, "HỘI ĐỒNG NHÂN DÂN\nPHƯỜNG 1", align="C")
    pdf.set_xy(95, top)
    pdf.multi_cell(105, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", align="C")
    pdf.set_xy(10, top + 20)
    pdf.cell(80, 6, "Số: 74/NQ-HĐND", align="C")
    pdf.set_xy(95, top + 20)
    pdf.cell(105, 6, "Phường 1, ngày 12 tháng 12 năm 2023", align="C")
    pdf.set_xy(10, top + 36)
    pdf.cell(0, 6, "NGHỊ QUYẾT", align="C")
    assert read_bytes(pdf_bytes(pdf), "nq.pdf").text == (
        "HỘI ĐỒNG NHÂN DÂN\nPHƯỜNG 1\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 74/NQ-HĐND\n\nPhường 1, ngày 12 tháng 12 năm 2023\n\nNGHỊ QUYẾT\n"
    )


def write_paragraphs_verbatim(pdf, paragraphs: list[str]) -> None:
    """Wrap by hand and write line by line: multi_cell would treat TCVN3's "ư" (U+00AD) as a soft hyphen."""
    width = pdf.epw
    for paragraph in paragraphs:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and pdf.get_string_width(candidate) > width:
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
                candidate = word
            line = candidate
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)


@pytest.mark.parametrize(("encoding", "label"), [("vni", "VNI"), ("tcvn3", "TCVN3")])
def test_pdf_in_a_legacy_font_is_converted(new_pdf, legacy, seed_text, encoding, label):
    paragraphs = [p.replace("Ủy", "Uỷ") for p in seed_text.split("\n\n") if len(p) > 150 and "*" not in p][:3]
    encode = legacy.to_vni if encoding == "vni" else legacy.to_tcvn3
    pdf = new_pdf()
    write_paragraphs_verbatim(pdf, [encode(p) for p in paragraphs])
    source = read_bytes(pdf_bytes(pdf), "nq.pdf")
    assert source.text == "\n\n".join(paragraphs) + "\n"
    assert (source.encoding, source.notes) == (encoding, [f"Đã chuyển từ bảng mã {label} sang Unicode"])


def test_scanned_pdf_is_refused(new_pdf, tmp_path):
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (200, 280), color=255).save(image)
    pdf = new_pdf()
    pdf.image(str(image), x=10, y=10, w=180)
    with pytest.raises(ReadError) as caught:
        read_bytes(pdf_bytes(pdf), "nq.pdf")
    assert str(caught.value) == "nq.pdf: tệp PDF không có lớp văn bản (bản quét), cần nhận dạng chữ (OCR) trước"


def test_a_scanned_page_among_text_pages_is_noted(new_pdf):
    pdf = new_pdf()
    pdf.multi_cell(0, 6, "Điều 1. Thông qua kế hoạch phát triển kinh tế - xã hội năm 2024.")
    pdf.add_page()
    pdf.rect(20, 20, 100, 100)
    source = read_bytes(pdf_bytes(pdf), "nq.pdf")
    assert source.text == "Điều 1. Thông qua kế hoạch phát triển kinh tế - xã hội năm 2024.\n"
    assert source.notes == ["Trang 2 không có lớp văn bản (bản quét), nội dung chưa được đọc"]


def test_password_protected_pdf(new_pdf):
    pdf = new_pdf()
    pdf.multi_cell(0, 6, "Điều 1. Thông qua kế hoạch.")
    pdf.set_encryption(owner_password="chu-tich", user_password="mat-khau")
    with pytest.raises(ReadError, match=r"^nq\.pdf: tệp PDF được bảo vệ bằng mật khẩu"):
        read_bytes(pdf_bytes(pdf), "nq.pdf")


def test_truncated_pdf_is_corrupt(new_pdf):
    pdf = new_pdf()
    pdf.multi_cell(0, 6, "Điều 1. Thông qua kế hoạch.")
    data = pdf_bytes(pdf)
    with pytest.raises(ReadError, match=r"^nq\.pdf: tệp PDF bị hỏng"):
        read_bytes(data[: len(data) // 3], "nq.pdf")


def test_pdf_is_recognised_by_content(new_pdf):
    pdf = new_pdf()
    pdf.multi_cell(0, 6, "Điều 1. Thông qua kế hoạch.")
    source = read_bytes(pdf_bytes(pdf), "nq.txt")
    assert (source.format, source.text) == ("pdf", "Điều 1. Thông qua kế hoạch.\n")
    assert source.notes == ["Tệp có đuôi .txt nhưng nội dung là PDF; đã đọc theo nội dung"]
