"""Plain-text files: encodings, byte-order marks, normal form."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from kehoach.parsing.readers import read_bytes, read_document

SAMPLE = "Cộng hòa xã hội chủ nghĩa Việt Nam\nTỷ lệ hộ nghèo giảm còn 0,2%; xã hội hoá, hòa giải.\n"


def test_seed_and_corpus_come_back_verbatim(sample_path):
    source = read_document(sample_path)
    assert source.text == sample_path.read_text(encoding="utf-8")
    assert (source.format, source.encoding, source.notes) == ("txt", "utf-8", [])


def test_utf8_bom_is_removed():
    source = read_bytes(codecs.BOM_UTF8 + SAMPLE.encode(), "nq.txt")
    assert source.text == SAMPLE
    assert source.encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    source = read_bytes(bom + SAMPLE.encode(codec), "nq.txt")
    assert source.text == SAMPLE
    assert source.encoding == "utf-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_zero_bytes(codec, seed_text):
    text = seed_text
    source = read_bytes(text.encode(codec), "nq.txt")
    assert source.text == text
    assert source.encoding == "utf-16"
    assert source.notes == ["Tệp dùng mã UTF-16 không có BOM"]


def test_utf32_with_bom():
    source = read_bytes(codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "nq.txt")
    assert source.text == SAMPLE
    assert source.encoding == "utf-32"


def test_decomposed_text_comes_out_composed():
    nfd = unicodedata.normalize("NFD", SAMPLE)
    assert nfd != SAMPLE
    source = read_bytes(nfd.encode(), "nq.txt")
    assert source.text == SAMPLE
    assert unicodedata.is_normalized("NFC", source.text)


def test_line_ends_become_lf():
    source = read_bytes("một\r\nhai\rba\n".encode(), "nq.txt")
    assert source.text == "một\nhai\nba\n"


def test_nbsp_becomes_space_tabs_stay_and_trailing_spaces_go():
    text = "Số:\u00a074/NQ-HĐND\tPhường 1   \nThu ngân sách \t\n"
    assert read_bytes(text.encode(), "nq.txt").text == "Số: 74/NQ-HĐND\tPhường 1\nThu ngân sách\n"


def test_both_tone_styles_are_kept_as_written():
    text = "hoà hòa, khoẻ khỏe, thuỷ thủy, Uỷ ban Ủy ban\n"
    assert read_bytes(text.encode(), "nq.txt").text == text


def test_zero_width_characters_and_soft_hyphens_are_dropped():
    assert read_bytes("Thu\u200b ngân\ufeff sá\u00adch\n".encode(), "nq.txt").text == "Thu ngân sách\n"


def test_unknown_extension_is_read_as_text():
    source = read_bytes(SAMPLE.encode(), "nghi-quyet.md")
    assert (source.format, source.text) == ("txt", SAMPLE)


def to_cp1258(text: str) -> bytes:
    """As Windows writes it: a letter of the code page as is (á, ê, ơ, đ …), other toned
    letters as a base letter and a combining tone mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    pieces = []
    for ch in text:
        try:
            ch.encode("cp1258")
        except UnicodeEncodeError:
            pass
        else:
            pieces.append(ch)
            continue
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        pieces.append(base + "".join(c for c in parts if c in tones))
    return "".join(pieces).encode("cp1258")


def test_windows_1258_text_is_converted():
    text = "Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2024. Tỷ lệ hộ nghèo giảm còn 0,2%.\n"
    source = read_bytes(to_cp1258(text), "nq.txt")
    assert source.text == text
    assert source.encoding == "windows-1258"
    assert source.notes == ["Đã chuyển từ bảng mã Windows-1258 sang Unicode"]


def test_windows_1252_punctuation_only():
    source = read_bytes("“Gia dinh van hoa” – 2024".encode("cp1252"), "nq.txt")
    assert source.text == "“Gia dinh van hoa” – 2024"
    assert source.encoding == "windows-1252"


def test_eight_bit_text_whose_letters_read_as_tcvn3_too_is_decided_by_common_words():
    # every word is also a valid shape in TCVN3 ("tháng" -> "thỏng"): common words decide
    text = "Báo cáo tháng này và là có, thì mà hòa bình."
    source = read_bytes(to_cp1258(text), "nq.txt")
    assert (source.text, source.encoding) == (text, "windows-1258")


def test_utf8_with_a_few_stray_bytes_is_read_as_utf8():
    data = "Tỷ lệ hộ nghèo giảm còn 0,2%; tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng".encode()
    source = read_bytes(data.replace(b"0,2%", b"\x930,2%\x94"), "nq.txt")
    assert source.text == "Tỷ lệ hộ nghèo giảm còn “0,2%”; tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng"
    assert source.encoding == "utf-8"
    assert source.notes == ["Tệp UTF-8 có 2 byte không hợp lệ; đã đọc chúng theo bảng mã Windows-1252"]
