"""The parser never raises and never loses the document: arbitrary text, mutated seeds, edge cases."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoring import FIXTURES

from kehoach.core.planjson import plan_from_json, plan_to_json
from kehoach.parsing import parse_text

SEED = (FIXTURES / "000_8cf2f54e953284da.txt").read_text(encoding="utf-8")
ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "Z", "S", "Cc"))


def _check(text: str) -> None:
    plan = parse_text(text)
    assert not [w for w in plan.warnings if w.kind == "internal"], plan.warnings
    # the result is always a valid plan document
    assert plan_from_json(plan_to_json(plan)) is not None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_arbitrary_text(text):
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=40))
def test_mutated_seed(seed, edits):
    rng = random.Random(seed)
    chars = list(SEED)
    pieces = ["(", ")", "*", ":", ";", "%", "|", "\n", "1.", "-", "–", " ", "2/3", "đạt ", "còn ", "Điều 3."]
    for _ in range(edits):
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.4:
            del chars[i : i + rng.randint(1, 30)]
        elif op < 0.8:
            chars.insert(i, rng.choice(pieces))
        else:
            j = rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
    _check("".join(chars))


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=len(SEED)))
def test_seed_cut_anywhere(cut):
    text = SEED[:cut]
    plan = parse_text(text)
    assert not [w for w in plan.warnings if w.kind == "internal"]
    for _, target in plan.keyed_targets():
        assert target.span is not None and target.span[1] <= len(text)


def test_empty_and_blank_text_give_an_empty_plan_with_a_warning():
    for text in ("", "   \n\n\t"):
        plan = parse_text(text)
        assert plan.is_empty and [w.kind for w in plan.warnings] == ["empty"]


def test_text_without_a_plan_gives_an_empty_plan_with_a_warning():
    plan = parse_text("Hôm nay trời đẹp. Chúng tôi đi chợ mua rau và cá.")
    assert plan.is_empty
    assert any(w.kind == "no_plan" for w in plan.warnings)


def test_windows_line_ends_and_nfd_text_parse_like_the_original():
    import unicodedata

    reference = parse_text(SEED)
    variant = parse_text(unicodedata.normalize("NFD", SEED).replace("\n", "\r\n"))
    assert len(variant.indicators) == len(reference.indicators) == 13
    assert [t.value for _, t in variant.keyed_targets()] == [t.value for _, t in reference.keyed_targets()]


def test_old_tone_style_everywhere_parses_the_same():
    old_style = SEED.replace("hòa", "hoà").replace("hóa", "hoá").replace("Ủy", "Uỷ").replace("tỷ lệ", "tỉ lệ")
    a, b = parse_text(SEED), parse_text(old_style)
    assert [(k, t.comparator, t.value) for k, t in a.keyed_targets()] == [
        (k, t.comparator, t.value) for k, t in b.keyed_targets()
    ]
