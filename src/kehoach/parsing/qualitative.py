"""Qualitative targets: clauses without a figure that name a grade or a standard
("được xếp loại tốt", "đạt chuẩn văn minh đô thị"), and target-like clauses that did not parse."""

from __future__ import annotations

import re

from kehoach.core.plan import ParseWarning
from kehoach.core.targets import Comparator, Target
from kehoach.parsing import vocab
from kehoach.parsing.clauses import trim
from kehoach.parsing.extraction import ClauseContext, Extraction, Found
from kehoach.parsing.measurement import direction_for, grade_for, measurement_for
from kehoach.parsing.naming import clean_name
from kehoach.parsing.patterns import LETTERS, word_pattern

_CELL_GRADE = re.compile(word_pattern(vocab.CELL_GRADE_WORDS))


_STRONG_MARKERS = (
    "đạt chuẩn",
    "xếp loại",
    "đạt tiêu chí",
    "đạt bộ tiêu chí",
    "giữ vững danh hiệu",
    "không để",
    "đạt danh hiệu",
    "đạt loại",
    "công nhận đạt",
    "được công nhận",
)


def qualitative(
    original: str, folded: str, cs: int, ce: int, ctx: ClauseContext, kept: list[Found], out: Extraction
) -> None:
    if ctx.mode == "cell":
        a, b = trim(original, folded, cs, ce)
        if not kept and b > a and _CELL_GRADE.search(folded[a:b]):
            out.targets.append(_qualitative_target(original, folded, a, b))
        return
    # prose (a task, a press report) names standards loosely: only the clearest words count there
    markers = vocab.TASK_QUALITATIVE_MARKERS if ctx.mode in ("task", "loose") else vocab.QUALITATIVE_MARKERS
    if not kept:
        a, b = trim(original, folded, cs, ce)
        if b <= a:
            return
        text = folded[a:b]
        if any(re.search(rf"(?<![{LETTERS}]){re.escape(m)}(?![{LETTERS}])", text) for m in markers):
            out.targets.append(_qualitative_target(original, folded, a, b))
        elif ctx.mode == "indicator" and _looks_like_target(text):
            out.targets.append(_qualitative_target(original, folded, a, b))
            out.warnings.append(
                ParseWarning(
                    f"Không đọc được giá trị của chỉ tiêu, ghi nhận là chỉ tiêu định tính: “{original[a:b][:80]}”",
                    (a, b),
                    "unparsed_target",
                )
            )
        return
    last = kept[-1]
    rest = folded[last.text_end : ce]
    m = re.match(r"\s*\)?\s*(?:,|\bvà\b|;)\s*(?:và\s+)?", rest)
    if not m:
        return
    a, b = trim(original, folded, last.text_end + m.end(), ce)
    if b - a < 8:
        return
    if any(mk in folded[a:b] for mk in _STRONG_MARKERS) and not re.search(r"\d", folded[a:b]):
        out.targets.append(_qualitative_target(original, folded, a, b))


_TARGET_WORDS = re.compile(word_pattern(vocab.TARGET_LIKE_WORDS))


def _looks_like_target(text: str) -> bool:
    return bool(_TARGET_WORDS.search(text)) and len(text.split()) >= 3


def _qualitative_target(original: str, folded: str, a: int, b: int) -> Target:
    name = clean_name(original, folded, a, b)
    name = re.sub(r"\s+(?:hằng|hàng) năm\b", "", name)
    name = re.sub(r"\s+được\s+(?=xếp loại)", " ", name)
    text = original[a:b]
    return Target(
        name=name,
        comparator=Comparator.QUALITATIVE,
        direction=direction_for(Comparator.QUALITATIVE, name),
        over_units=measurement_for(Comparator.QUALITATIVE, None, name, False, text)[0],
        over_time=measurement_for(Comparator.QUALITATIVE, None, name, False, text)[1],
        grade=grade_for(text),
        text=text,
        span=(a, b),
    )
