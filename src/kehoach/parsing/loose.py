"""The loose pass: sentences outside every recognised section (a press report, a lead paragraph)
that set the plan year's targets; sentences that report earlier results are skipped."""

from __future__ import annotations

import re

from kehoach.core.text import fold
from kehoach.parsing import vocab
from kehoach.parsing.builder import Builder
from kehoach.parsing.grammar import split_clauses
from kehoach.parsing.outline import Node
from kehoach.parsing.patterns import word_pattern
from kehoach.parsing.sections import section_kind

_FUTURE_WORDS = re.compile(word_pattern(vocab.FUTURE_WORDS))
_PAST_WORDS = re.compile(
    word_pattern(vocab.PAST_WORDS) + r"|vượt \d[\d,.]*\s?% kế hoạch|bằng \d[\d,.]*\s?% (?:dự toán|kế hoạch)"
)
_YEAR_MENTION = re.compile(r"(?<!so với )(?<!so với cuối )(?<!giá so sánh )năm\s+((?:19|20)\d\d)")


def _sentence_tense(folded: str, a: int, b: int, plan_year: int | None) -> str | None:
    """ "future" for a sentence that sets targets, "past" for one that reports results, else None."""
    text = folded[a:b]
    years = [int(y) for y in _YEAR_MENTION.findall(text)]
    if plan_year is not None and years:
        if years[-1] < plan_year and not any(y >= plan_year for y in years):
            return "past"
        if any(y == plan_year for y in years):
            return "future"
    if _PAST_WORDS.search(text):
        return "past"
    if _FUTURE_WORDS.search(text):
        return "future"
    return None


def fallback(builder: Builder, root: Node) -> None:
    """Sentences outside every recognised section (a press report, a lead paragraph, a loose
    text): read those that set the plan year's targets, skip those that report earlier results,
    and drop restatements of targets already read."""
    builder.dedupe = True
    builder.seen = [
        ((t.comparator, t.value, t.value_max, t.total, t.unit), " ".join(fold(t.name).split()))
        for ind in builder.indicators
        for t in ind.targets
    ]
    _loose_walk(builder, root)


def _loose_walk(builder: Builder, node: Node) -> None:
    local_kind: str | None = None
    tense: str | None = None
    for child in node.children:
        line = child.line
        if line is None or line.style.startswith("table"):
            continue
        heading_kind = section_kind(builder.heading_of(child)) if builder.is_heading(child) else None
        if line.style == "para" and heading_kind is not None:
            local_kind = heading_kind
            continue
        if heading_kind is not None or local_kind is not None:
            continue  # inside a recognised section: the structured pass has read it
        if line.style == "para":
            tense = None  # a new paragraph starts a new context; list items keep the lead-in's
            raw = builder.text[line.body_start : line.end].strip()
            if len(raw) < 200 and not re.search(r"[.;:…!?”\"]$", raw):
                continue  # a headline, a byline, a caption: not a statement of the plan
        for a, b in split_clauses(builder.text, builder.folded, line.body_start, line.end):
            sentence_tense = _sentence_tense(builder.folded, a, b, builder.plan_year)
            if sentence_tense is not None:
                tense = sentence_tense
            if tense == "future":
                builder.loose_content(a, b)
        _loose_walk(builder, child)
