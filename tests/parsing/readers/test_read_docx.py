""".docx: paragraphs and tables in order, run-in headings, lists, footnotes, legacy fonts."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml

from kehoach.parsing.readers import read_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read(document, docx_kit, name="nq.docx"):
    source = read_bytes(docx_kit.to_bytes(document), name)
    assert source.format == "docx"
    return source


def test_paragraphs_and_tables_in_document_order(docx_kit):
    document = docx.Document()
    document.add_paragraph("Điều 1. Thông qua kế hoạch.")
    document.add_paragraph("")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=3)
    for i, row in enumerate([["STT", "Chỉ tiêu", "Kế hoạch"], ["1", "Thu ngân sách", "45,6"]]):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.add_paragraph("Điều 2. Tổ chức thực hiện.")
    assert read(document, docx_kit).text == (
        "Điều 1. Thông qua kế hoạch.\n\n"
        "STT | Chỉ tiêu | Kế hoạch\n1 | Thu ngân sách | 45,6\n\n"
        "Điều 2. Tổ chức thực hiện.\n"
    )


def test_merged_cells_appear_once(docx_kit):
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for j, value in enumerate(["STT", "Chỉ tiêu", "Kế hoạch"]):
        table.cell(0, j).text = value
    table.cell(1, 0).merge(table.cell(1, 2)).text = "I. Chỉ tiêu kinh tế"
    table.cell(2, 0).text = "1"
    table.cell(2, 1).text = "Thu ngân sách\ntrên địa bàn"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "45,6"
    table.cell(3, 0).text = "2"
    table.cell(3, 1).text = "Chi ngân sách"
    assert read(document, docx_kit).text == (
        "STT | Chỉ tiêu | Kế hoạch\nI. Chỉ tiêu kinh tế\n1 | Thu ngân sách trên địa bàn | 45,6\n2 | Chi ngân sách |\n"
    )


def test_empty_cells_keep_their_columns(docx_kit):
    document = docx.Document()
    table = document.add_table(rows=1, cols=5)
    table.cell(0, 0).text = "I"
    table.cell(0, 1).text = "Chỉ tiêu kinh tế"
    assert read(document, docx_kit).text == "I | Chỉ tiêu kinh tế | | |\n"


def test_run_in_heading_in_italic_or_bold(docx_kit):
    document = docx.Document()
    docx_kit.marked_paragraph(document, "2.1. *Chỉ tiêu về kinh tế:* Thu ngân sách đạt 100% chỉ tiêu đề ra.")
    paragraph = document.add_paragraph()
    paragraph.add_run("Về văn hóa").bold = True  # a heading made of consecutive emphasized runs
    paragraph.add_run(" - xã hội").bold = True
    paragraph.add_run(": tỷ lệ hộ nghèo giảm còn 0,2%.")  # the colon outside the emphasis
    assert read(document, docx_kit).text == (
        "2.1. *Chỉ tiêu về kinh tế:* Thu ngân sách đạt 100% chỉ tiêu đề ra.\n\n"
        "*Về văn hóa - xã hội:* tỷ lệ hộ nghèo giảm còn 0,2%.\n"
    )


def test_emphasized_paragraphs_that_are_not_run_in_headings(docx_kit):
    document = docx.Document()
    document.add_paragraph().add_run("NGHỊ QUYẾT").bold = True
    document.add_paragraph().add_run("QUYẾT NGHỊ:").bold = True
    paragraph = document.add_paragraph()
    paragraph.add_run("Điều 1.").bold = True
    paragraph.add_run(" Thông qua kế hoạch năm 2024.")
    document.add_paragraph().add_run("Căn cứ Luật Tổ chức chính quyền địa phương;").italic = True
    text = read(document, docx_kit).text
    assert "*" not in text
    assert text == (
        "NGHỊ QUYẾT\n\nQUYẾT NGHỊ:\n\nĐiều 1. Thông qua kế hoạch năm 2024.\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
    )


def test_italic_list_item_ending_in_colon_is_a_heading(docx_kit):
    document = docx.Document()
    docx_kit.marked_paragraph(document, "- *Về phát triển kinh tế:*")
    assert read(document, docx_kit).text == "- *Về phát triển kinh tế:*\n"


def test_word_bullets_and_numbering(docx_kit):
    document = docx.Document()
    document.add_paragraph("Thu ngân sách đạt 100%.", style="List Bullet")
    document.add_paragraph("Giải quyết việc làm cho 275 lao động.", style="List Bullet")
    document.add_paragraph("Các nhiệm vụ trọng tâm.", style="List Number")
    document.add_paragraph("Các chỉ tiêu chủ yếu.", style="List Number")
    paragraph = document.add_paragraph("Về kinh tế:", style="List Bullet 2")
    paragraph.runs[0].italic = True
    paragraph.add_run(" tăng trưởng 7%.")
    assert read(document, docx_kit).text == (
        "- Thu ngân sách đạt 100%.\n\n- Giải quyết việc làm cho 275 lao động.\n\n"
        "1. Các nhiệm vụ trọng tâm.\n\n2. Các chỉ tiêu chủ yếu.\n\n"
        "- *Về kinh tế:* tăng trưởng 7%.\n"
    )


def test_multilevel_numbering_with_letters(docx_kit):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [
        (0, "Kinh tế"),
        (1, "Thu ngân sách"),
        (2, "Thuế"),
        (2, "Phí"),
        (1, "Chi ngân sách"),
        (0, "Xã hội"),
    ]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    assert read(document, docx_kit).text.split("\n\n") == [
        "1. Kinh tế",
        "1.1. Thu ngân sách",
        "a) Thuế",
        "b) Phí",
        "1.2. Chi ngân sách",
        "2. Xã hội\n",
    ]


def test_footnotes_follow_the_corpus_convention(docx_kit):
    document = docx.Document()
    docx_kit.footnotes(document, {1: "Năm 2021 ước đạt 5,9%.", 2: "Tính theo giá hiện hành."})
    paragraph = document.add_paragraph("- Tốc độ tăng trưởng đạt 6,5-7%")
    docx_kit.footnote_reference(paragraph, 1)
    paragraph.add_run(", trong đó:")
    paragraph = document.add_paragraph("- Thu nhập bình quân đầu người đạt 58 triệu đồng/người/năm")
    docx_kit.footnote_reference(paragraph, 2)
    paragraph.add_run(".")
    assert read(document, docx_kit).text == (
        "- Tốc độ tăng trưởng đạt 6,5-7%[1], trong đó:\n\n"
        "- Thu nhập bình quân đầu người đạt 58 triệu đồng/người/năm[2].\n\n"
        "______________________\n[1] Năm 2021 ước đạt 5,9%.\n[2] Tính theo giá hiện hành.\n"
    )


def test_headers_and_footers_are_not_body_text(docx_kit):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Nghị quyết số 74/NQ-HĐND"
    document.sections[0].footer.paragraphs[0].text = "Trang 1"
    document.add_paragraph("Nội dung.")
    assert read(document, docx_kit).text == "Nội dung.\n"


def test_letterhead_table_is_read_as_paragraphs(docx_kit):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "HỘI ĐỒNG NHÂN DÂN\nPHƯỜNG 1"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = "Số: 74/NQ-HĐND"
    table.cell(1, 1).text = "Phường 1, ngày 12 tháng 12 năm 2023"
    document.add_paragraph("NGHỊ QUYẾT")
    assert read(document, docx_kit).text == (
        "HỘI ĐỒNG NHÂN DÂN\nPHƯỜNG 1\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 74/NQ-HĐND\n\nPhường 1, ngày 12 tháng 12 năm 2023\n\nNGHỊ QUYẾT\n"
    )


def test_hyperlinks_insertions_and_tabs_are_text_deletions_are_not(docx_kit):
    document = docx.Document()
    paragraph = document.add_paragraph("Số: 74/NQ-HĐND\tPhường 1")
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink xmlns:w="{W}"><w:r><w:t xml:space="preserve"> – xem cổng thông tin</w:t></w:r></w:hyperlink>'
        )
    )
    paragraph._p.append(parse_xml(f'<w:del xmlns:w="{W}"><w:r><w:delText> bản cũ</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins xmlns:w="{W}"><w:r><w:t xml:space="preserve"> bản mới</w:t></w:r></w:ins>'))
    assert read(document, docx_kit).text == "Số: 74/NQ-HĐND\tPhường 1 – xem cổng thông tin bản mới\n"


def test_text_box_is_read_once_after_its_paragraph(docx_kit):
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>Số: 74/NQ-HĐND</w:t></w:r></w:p></w:txbxContent>"
    document = docx.Document()
    paragraph = document.add_paragraph("HỘI ĐỒNG NHÂN DÂN PHƯỜNG 1")
    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W}" xmlns:mc="{mc}"><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:drawing><w:anchor>{box}</w:anchor></w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict><w:shape>{box}</w:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )
    document.add_paragraph("NGHỊ QUYẾT")
    assert read(document, docx_kit).text == "HỘI ĐỒNG NHÂN DÂN PHƯỜNG 1\n\nSố: 74/NQ-HĐND\n\nNGHỊ QUYẾT\n"


def test_seed_built_as_docx_comes_back(seed_text, docx_kit):
    document = docx.Document()
    for block in seed_text.split("\n\n"):
        if block.strip():
            docx_kit.marked_paragraph(document, block.strip())
    text = read(document, docx_kit).text
    assert text.split() == seed_text.split()
    assert [p.strip() for p in text.split("\n\n")] == [b.strip() for b in seed_text.split("\n\n") if b.strip()]


def test_nfd_runs_come_out_composed(docx_kit):
    import unicodedata

    document = docx.Document()
    document.add_paragraph(unicodedata.normalize("NFD", "Tỷ lệ hộ nghèo giảm còn 0,2%"))
    assert read(document, docx_kit).text == "Tỷ lệ hộ nghèo giảm còn 0,2%\n"


# --- legacy fonts ---------------------------------------------------------------------------


def legacy_paragraph(document, text: str, font: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).font.name = font
    return paragraph


def test_runs_in_tcvn3_fonts_are_converted(docx_kit, legacy):
    document = docx.Document()
    legacy_paragraph(document, legacy.to_tcvn3("cộng hòa xã hội chủ nghĩa việt nam"), ".VnTimeH")
    legacy_paragraph(document, legacy.to_tcvn3("Độc lập - Tự do - Hạnh phúc"), ".VnTime")
    document.add_paragraph("Tỷ lệ hộ nghèo giảm còn 0,2%.")  # a Unicode paragraph stays as it is
    # Word may store TCVN3's "ư" (code 0xAD, the soft hyphen) as a w:softHyphen element
    run = legacy_paragraph(document, "ng", ".VnTime").runs[0]
    run._r.append(parse_xml(f'<w:softHyphen xmlns:w="{W}"/>'))
    run._r.append(parse_xml(f'<w:t xmlns:w="{W}">êi d©n</w:t>'))
    source = read(document, docx_kit)
    assert source.text == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nTỷ lệ hộ nghèo giảm còn 0,2%.\n\n"
        "người dân\n"
    )
    assert source.encoding == "tcvn3"
    assert source.notes == ["Đã chuyển từ bảng mã TCVN3 sang Unicode"]


def test_runs_in_vni_fonts_are_converted_even_when_a_letter_spans_two_runs(docx_kit, legacy):
    document = docx.Document()
    encoded = legacy.to_vni("Nghị quyết về kế hoạch phát triển kinh tế - xã hội")
    cut = encoded.index("eá") + 1  # "quye" | "át": vowel and tone mark in different runs
    paragraph = document.add_paragraph()
    paragraph.add_run(encoded[:cut]).font.name = "VNI-Times"
    second = paragraph.add_run(encoded[cut:])
    second.font.name = "VNI-Times"
    second.bold = True
    source = read(document, docx_kit)
    assert source.text == "Nghị quyết về kế hoạch phát triển kinh tế - xã hội\n"
    assert source.encoding == "vni"


def test_unicode_text_in_a_legacy_font_is_not_converted(docx_kit):
    document = docx.Document()
    legacy_paragraph(document, "Cộng hòa xã hội chủ nghĩa Việt Nam", ".VnTime")
    legacy_paragraph(document, "Hòa Bình", ".VnTime")
    source = read(document, docx_kit)
    assert source.text == "Cộng hòa xã hội chủ nghĩa Việt Nam\n\nHòa Bình\n"
    assert (source.encoding, source.notes) == (None, [])


def test_legacy_text_without_a_legacy_font_is_found_by_its_letters(seed_text, docx_kit, legacy):
    document = docx.Document()
    for block in seed_text.split("\n\n")[:12]:
        if block.strip():
            document.add_paragraph(legacy.to_vni(block.strip()))
    source = read(document, docx_kit)
    assert source.encoding == "vni"
    assert "Điều 1. Thống nhất thông qua kế hoạch phát triển kinh tế - xã hội năm 2024" in source.text


@pytest.mark.parametrize("name", ["nq.docx", "nq.bin"])
def test_docx_is_recognised_by_content(docx_kit, name):
    document = docx.Document()
    document.add_paragraph("Nội dung.")
    source = read_bytes(docx_kit.to_bytes(document), name)
    assert (source.format, source.text) == ("docx", "Nội dung.\n")


def test_docx_without_text_is_empty(docx_kit):
    from kehoach.parsing.readers import ReadError

    document = docx.Document()
    document.add_paragraph("")
    with pytest.raises(ReadError, match=r"^du-thao\.docx: tệp rỗng"):
        read_bytes(docx_kit.to_bytes(document), "du-thao.docx")
