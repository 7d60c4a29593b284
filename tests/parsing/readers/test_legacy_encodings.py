"""TCVN3 and VNI: tables, detection, round trips, and refusal instead of mojibake."""

from __future__ import annotations

import pytest

from kehoach.parsing.readers import ReadError, read_bytes
from kehoach.parsing.readers.legacy import (
    convert_legacy_text,
    tcvn3_restore_capitals,
    tcvn3_to_unicode,
    vni_to_unicode,
)
from kehoach.parsing.readers.syllables import is_vietnamese_word

MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam"


# --- tables ---------------------------------------------------------------------------------


def test_tcvn3_table_on_known_text():
    assert tcvn3_to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam") == MOTTO
    assert tcvn3_to_unicode("§éc lËp - Tù do - H¹nh phóc") == "Độc lập - Tự do - Hạnh phúc"
    assert tcvn3_to_unicode("ng\u00adêi ®\u00adîc n¨m b»ng mÆt s¾c") == "người được năm bằng mặt sắc"


def test_vni_table_on_known_text():
    assert vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == MOTTO
    assert vni_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
    assert vni_to_unicode("Nghò quyeát, Chæ tieâu, ngöôøi ñöôïc, AÊn, OÂ") == "Nghị quyết, Chỉ tiêu, người được, Ăn, Ô"


def test_encoders_invert_the_tables(legacy):
    assert legacy.to_tcvn3(MOTTO) == "Céng hßa x· héi chñ nghÜa ViÖt Nam"
    assert legacy.to_vni(MOTTO) == "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"


def test_syllable_check():
    for word in ["người", "nghiêng", "khuyến", "quốc", "giữ", "HĐND", "Đắk", "hoà", "hòa", "khuya", "xoong"]:
        assert is_vietnamese_word(word), word
    for word in ["hßa", "x·", "Coäng", "nghÜa", "héiá", "ằằ"]:
        assert not is_vietnamese_word(word), word


# --- TCVN3 capitals --------------------------------------------------------------------------


def test_tcvn3_capitals_come_back_in_capital_lines_and_words():
    assert tcvn3_restore_capitals("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", line_start=True) == MOTTO.upper()
    assert tcvn3_restore_capitals("X· T¢N PHó", line_start=True) == "XÃ TÂN PHÚ"
    assert tcvn3_restore_capitals("Phường KHãA IX", line_start=False) == "Phường KHÓA IX"


def test_tcvn3_capital_at_line_start():
    assert tcvn3_restore_capitals("ñy ban nh©n d©n", line_start=True) == "Ủy ban nhân dân"
    assert tcvn3_restore_capitals("®) VÒ x©y dùng", line_start=True) == "đ) Về xây dựng"  # a label, not a word
    assert tcvn3_restore_capitals("Sè: 74/NQ-H§ND", line_start=True) == "Số: 74/NQ-HĐND"


def test_tcvn3_loses_a_toned_capital_inside_a_line():
    # a known limit: without the ".VnTimeH" font name, "ñy" mid-sentence stays lower case
    assert tcvn3_restore_capitals("cña ñy ban", line_start=True) == "của ủy ban"


# --- round trips through .txt bytes ---------------------------------------------------------


def realistic_tcvn3_source(text: str) -> str:
    """TCVN3 typists wrote "Uỷ ban" (old tone placement) for a capital Ủ mid-sentence."""
    return text.replace("≥", ">=").replace("≤", "<=").replace("Ủy", "Uỷ")


def test_seed_round_trip_tcvn3(seed_text, legacy):
    text = realistic_tcvn3_source(seed_text)
    source = read_bytes(legacy.as_bytes(legacy.to_tcvn3(text)), "nq.txt")
    assert source.text == text
    assert source.encoding == "tcvn3"
    assert source.notes == ["Đã chuyển từ bảng mã TCVN3 sang Unicode"]


def test_seed_round_trip_vni(seed_text, legacy):
    source = read_bytes(legacy.as_bytes(legacy.to_vni(seed_text)), "nq.txt")
    assert source.text == seed_text
    assert source.encoding == "vni"
    assert source.notes == ["Đã chuyển từ bảng mã VNI sang Unicode"]


def test_corpus_round_trips(corpus_texts, legacy):
    for original in corpus_texts:
        text = realistic_tcvn3_source(original)
        assert read_bytes(legacy.as_bytes(legacy.to_tcvn3(text)), "nq.txt").text == text
        assert read_bytes(legacy.as_bytes(legacy.to_vni(text)), "nq.txt").text == text


def test_corpus_paragraphs_round_trip_one_by_one(corpus_texts, legacy):
    paragraphs = [p for text in corpus_texts for p in text.split("\n\n") if len(p.split()) >= 8]
    assert len(paragraphs) > 100
    for paragraph in paragraphs:
        text = realistic_tcvn3_source(paragraph)
        tcvn3 = read_bytes(legacy.as_bytes(legacy.to_tcvn3(text)), "nq.txt")
        vni = read_bytes(legacy.as_bytes(legacy.to_vni(text)), "nq.txt")
        assert (tcvn3.text, tcvn3.encoding) == (text, "tcvn3")
        assert (vni.text, vni.encoding) == (text, "vni")


def test_tcvn3_document_saved_as_unicode_text_by_word(seed_text, legacy):
    # Word's "Unicode text" (UTF-16 with a BOM) keeps the look-alikes of a ".VnTime" document
    text = realistic_tcvn3_source(seed_text)
    source = read_bytes(legacy.to_tcvn3(text).encode("utf-16"), "nq.txt")
    assert (source.text, source.encoding) == (text, "tcvn3")
    assert source.notes == ["Đã chuyển từ bảng mã TCVN3 sang Unicode"]


def test_legacy_text_inside_unicode_text_is_converted(seed_text, legacy):
    # a .docx/.pdf run in ".VnTime": Unicode characters that are really TCVN3 codes
    result = convert_legacy_text(legacy.to_tcvn3(seed_text), "nq.docx")
    assert (result.text, result.encoding) == (seed_text.replace("Ủy", "ủy").replace("\nủy", "\nỦy"), "tcvn3")
    assert result.note == "Đã chuyển từ bảng mã TCVN3 sang Unicode"
    result = convert_legacy_text(legacy.to_vni(seed_text), "nq.docx")
    assert (result.text, result.encoding) == (seed_text, "vni")


def test_a_legacy_paragraph_among_unicode_paragraphs(seed_text, legacy):
    paragraphs = seed_text.split("\n\n")
    target = next(i for i, p in enumerate(paragraphs) if p.startswith("1.2."))
    mixed = paragraphs.copy()
    mixed[target] = legacy.to_vni(paragraphs[target])
    result = convert_legacy_text("\n\n".join(mixed), "nq.docx")
    assert result.text == seed_text
    assert result.note == "Đã chuyển từ bảng mã VNI sang Unicode (1 đoạn)"


# --- no false positives ---------------------------------------------------------------------


def test_unicode_text_is_never_converted(sample_path):
    text = sample_path.read_text(encoding="utf-8")
    result = convert_legacy_text(text, sample_path.name)
    assert (result.text, result.encoding) == (text, None)


def test_unicode_paragraphs_and_lines_are_never_converted_one_by_one(sample_path):
    text = sample_path.read_text(encoding="utf-8")
    for unit in text.split("\n\n") + text.split("\n"):
        result = convert_legacy_text(unit, sample_path.name)
        assert (result.text, result.encoding, result.warning) == (unit, None, None)


def test_a_few_garbled_words_give_a_note_not_a_conversion():
    text = "Ghi chú: x· héi chñ ÐÞ¿ ¿ÞÐ ÞÐ¿"  # half TCVN3, half noise: too little to decide
    result = convert_legacy_text(text, "nq.txt")
    assert (result.text, result.encoding) == (text, None)
    assert result.warning == "Văn bản có chữ lạ, có thể do bảng mã cũ (ví dụ “x·”, “héi”, “chñ”)"
    assert read_bytes(text.encode(), "nq.txt").notes == [result.warning]


def test_short_unicode_texts_are_left_alone():
    for text in ["Hòa Bình", "Số: 74", "Bà Rịa - Vũng Tàu", "Cà Mau, ngày 12", "m² ° ± × «Gia đình văn hóa»"]:
        assert convert_legacy_text(text, "x").encoding is None, text


# --- refusals -------------------------------------------------------------------------------


def test_legacy_text_that_converts_badly_is_refused(legacy):
    garbled = legacy.to_tcvn3(MOTTO) + " " + "Ÿ¿Ð¿ ÐÞ¿Ð ¿ÞÐ ÞÐ¿ Ð¿Þ ¿ÐÞ ßÞÐ¿ " * 3
    with pytest.raises(ReadError, match="bảng mã") as caught:
        read_bytes(garbled.encode("cp1252"), "nq.txt")
    assert str(caught.value).startswith("nq.txt: ")


def test_text_that_reads_as_both_tcvn3_and_vni_is_refused():
    # "ñi" is "ủi" in TCVN3 and "đi" in VNI: both are words, nothing decides
    with pytest.raises(ReadError) as caught:
        read_bytes("ñi ñi ñi ñi".encode("cp1252"), "nq.txt")
    assert str(caught.value) == (
        "nq.txt: không xác định được tệp dùng bảng mã TCVN3 hay VNI; hãy lưu lại tệp dưới dạng Unicode (UTF-8)"
    )
    with pytest.raises(ReadError, match=r"^nq\.docx: không xác định được văn bản dùng bảng mã TCVN3 hay VNI"):
        convert_legacy_text("ñi ñi ñi ñi", "nq.docx")


def test_leftover_characters_after_conversion_are_refused(seed_text, legacy):
    text = legacy.to_vni(seed_text) + " tø bø cø"  # VNI tone marks with no vowel to sit on
    with pytest.raises(ReadError) as caught:
        read_bytes(text.encode("cp1252"), "nq.txt")
    message = str(caught.value)
    assert message.startswith("nq.txt: tệp dùng bảng mã VNI nhưng sau khi chuyển sang Unicode vẫn còn chữ lỗi")
    assert "“tø”" in message
