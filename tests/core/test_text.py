"""Tone-style folding and NFC handling (kehoach.core.text)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.core.text import fold, new_tone_style, nfc, same_words

# Old tone placement (tone on the second vowel of oa/oe/uy) next to the new one.
TONE_PAIRS = [
    ("hoà", "hòa"),
    ("hoá", "hóa"),
    ("hoạ", "họa"),
    ("khoẻ", "khỏe"),
    ("xoè", "xòe"),
    ("thuỷ", "thủy"),
    ("thuỵ", "thụy"),
    ("Uỷ", "Ủy"),
    ("tuỳ", "tùy"),
    ("Hoà", "hòa"),
    ("văn hoá - xã hội", "Văn hóa - Xã hội"),
    ("Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN"),
]


@pytest.mark.parametrize(("old", "new"), TONE_PAIRS, ids=[old for old, _ in TONE_PAIRS])
def test_fold_maps_both_tone_styles_to_one_form(old: str, new: str) -> None:
    assert fold(old) == fold(new)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoà", "hòa"),
        ("Hoà", "hòa"),
        ("khoẻ", "khỏe"),
        ("thuỷ", "thủy"),
        ("Uỷ ban", "ủy ban"),
        ("hoà-bình", "hòa-bình"),  # a hyphen ends the syllable
        ("hoà.", "hòa."),
        ("oà khóc", "òa khóc"),
    ],
    ids=["hoa", "Hoa-capital", "khoe", "thuy", "Uy-ban", "before-hyphen", "before-dot", "word-initial"],
)
def test_fold_gives_the_new_style_lower_case(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    "word",
    ["quý", "quỳnh", "quỷ", "hoàng", "toàn", "khuya", "thuyền", "khuỷu", "hoạch", "của", "tỉnh"],
)
def test_fold_leaves_words_without_style_variants_alone(word: str) -> None:
    assert fold(word) == word


def test_fold_keeps_qu_plus_y_even_in_capitals() -> None:
    assert fold("QUÝ") == "quý"
    assert new_tone_style("Quý") == "Quý"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("211 tỉ đồng", "211 tỷ đồng"),
        ("Tỉ lệ hộ nghèo", "tỷ lệ hộ nghèo"),
        ("tỉ", "tỷ"),
        ("tỉnh", "tỉnh"),  # only the word "tỉ"
        ("cả tỉnh", "cả tỉnh"),
    ],
    ids=["ti-dong", "Ti-le", "alone", "tinh-untouched", "ca-tinh-untouched"],
)
def test_fold_reads_ti_as_ty(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_new_tone_style_keeps_case() -> None:
    assert new_tone_style("Hoà bình, HOÀ, Thuỷ") == "Hòa bình, HÒA, Thủy"


def test_fold_of_nfd_input_equals_fold_of_nfc_input() -> None:
    text = "Uỷ ban nhân dân phường, văn hoá, khoẻ, tỉ lệ"
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert fold(decomposed) == fold(text)
    assert len(fold(decomposed)) == len(text)


def test_nfc_composes() -> None:
    assert nfc(unicodedata.normalize("NFD", "Hòa")) == "Hòa"
    assert len(nfc(unicodedata.normalize("NFD", "Hòa"))) == 3


def test_fold_keeps_offsets_of_a_match() -> None:
    text = "Chỉ tiêu: Uỷ ban xếp loại Tốt; Tỉ lệ hộ nghèo còn 0,2%"
    folded = fold(text)
    start = folded.index("tỷ lệ hộ nghèo")
    assert text[start : start + len("Tỉ lệ hộ nghèo")] == "Tỉ lệ hộ nghèo"


@given(st.text())
def test_fold_is_length_preserving(text: str) -> None:
    assert len(fold(text)) == len(nfc(text))


VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list("aăâeêioôơuưyqhtkđAOUY ,.-") + list("àáảãạèéẻẽẹỳýỷỹỵòóỏõọùúủũụ") + ["\u0300", "\u0309"]
    ),
    max_size=40,
)


@given(VIETNAMESE)
def test_fold_is_length_preserving_on_vietnamese_letters(text: str) -> None:
    assert len(fold(text)) == len(nfc(text))


@given(VIETNAMESE)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Văn hoá  -  xã hội", "văn hóa - xã hội", True),
        ("  Tỉ lệ\thộ nghèo ", "tỷ lệ hộ nghèo", True),
        ("Uỷ ban", "ỦY BAN", True),
        ("hộ nghèo", "hộ cận nghèo", False),
        ("hòa", "hoa", False),  # tones still count
        ("quý", "quy", False),
    ],
    ids=["spacing-and-style", "tabs-and-ti", "case", "different-words", "tone-matters", "qu-tone-matters"],
)
def test_same_words(a: str, b: str, same: bool) -> None:
    assert same_words(a, b) is same
