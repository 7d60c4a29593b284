"""The target grammar: one indicator's (or task's) sentence → its Targets.

Figure-centred: every figure kept by :mod:`figures` becomes a target; its comparator
comes from the words right before it ("đạt", "còn dưới", "không quá" …), the words after
it ("trở lên"), a shared stem before a colon ("… đạt: tiểu học 100%, THCS 99,5%"), the
head of its clause (an action verb → a floor; a noun phrase → a plain value; "Giảm …"
→ a reduction), or the target before it ("… 90% ở đô thị và 70% ở nông thôn").
Clauses without figures become qualitative targets when they carry a grade or a standard
("được xếp loại tốt", "đạt chuẩn …"). Names and spans are cut from the sentence.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kehoach.core.targets import Comparator, Target
from kehoach.core.text import fold
from kehoach.parsing import vocab
from kehoach.parsing.clauses import (
    SEPARATOR_ONLY,
    figure_tail_end,
    is_multi_year,
    is_past,
    region_start,
    split_clauses,
    stem_colon,
    trim,
)
from kehoach.parsing.comparators import (
    OLD_VALUE_AFTER,
    PREAMBLE,
    QUALIFIER,
    comparator_after,
    comparator_before,
    decide,
    head_rule,
)
from kehoach.parsing.extraction import ClauseContext, Extraction, Found
from kehoach.parsing.figures import Figure, find_figures, generic_unit
from kehoach.parsing.measurement import basis_for, direction_for, measurement_for
from kehoach.parsing.naming import (
    CLASSIFIERS,
    MEASURES,
    TAIL_CUT,
    clean_name,
    colon_stem,
    tail_name,
    tidy_name,
    verb_phrase,
)
from kehoach.parsing.qualitative import qualitative

__all__ = ["ClauseContext", "Extraction", "extract", "split_clauses"]


def extract(original: str, folded: str, start: int, end: int, ctx: ClauseContext) -> Extraction:
    """Targets in the sentence ``original[start:end]`` (``folded`` is its folded twin)."""
    out = Extraction()
    for cs, ce in split_clauses(original, folded, start, end):
        _clause(original, folded, cs, ce, ctx, out)
    return out


def _clause(original: str, folded: str, cs: int, ce: int, ctx: ClauseContext, out: Extraction) -> None:
    figures = find_figures(original, folded, cs, ce)
    kept: list[Found] = []
    prev_end = cs
    skipped = False
    for fig in figures:
        lo = max(prev_end, cs)
        # "từ A lên B", "từ A xuống (còn) B": A is the old value
        if OLD_VALUE_AFTER.match(folded, fig.end, ce) and folded[lo : fig.start].rstrip().endswith("từ"):
            continue
        region = region_start(folded, lo, fig.lead if fig.lead is not None else fig.start)
        if ctx.mode != "cell" and (
            is_past(folded, cs, region, fig.start, ctx.plan_year, ctx.midyear, fig.end)
            or is_multi_year(
                folded, _segment_start(folded, cs, fig.start), _segment_end(folded, fig.end, ce), ctx.plan_year
            )
            or _describes_a_place(original, folded, cs, fig.start)
        ):
            prev_end = fig.end
            skipped = True
            continue
        later = [f.lead if f.lead is not None else f.start for f in figures if f.start > fig.end]
        found = _read_figure(original, folded, fig, region, cs, ce, ctx, kept, min(later) if later else None)
        if found is None:
            continue
        kept.append(found)
        prev_end = found.text_end
    for found in kept:
        out.targets.append(_to_target(found, original))
    if not (skipped and not kept) and (ctx.mode == "cell" or not is_multi_year(folded, cs, ce, ctx.plan_year)):
        qualitative(original, folded, cs, ce, ctx, kept, out)


def _beyond_plan_year(folded: str, cs: int, ce: int, fig: Figure, ctx: ClauseContext) -> bool:
    return is_multi_year(
        folded, _segment_start(folded, cs, fig.start), _segment_end(folded, fig.end, ce), ctx.plan_year
    )


def _segment_start(folded: str, cs: int, pos: int) -> int:
    return max(cs, folded.rfind(",", cs, pos) + 1, folded.rfind(";", cs, pos) + 1)


def _segment_end(folded: str, pos: int, ce: int) -> int:
    ends = [i for i in (folded.find(",", pos, ce), folded.find(";", pos, ce)) if i >= 0]
    return min(ends) if ends else ce


_WORD_BEFORE_BRACKET = re.compile(r"(\w+)\s*\($")


def _describes_a_place(original: str, folded: str, cs: int, pos: int) -> bool:
    """A figure inside a bracket that follows a place name: "xã Hòa Lâm (diện tích 46,8 km2,
    dân số 28.650 người, 12 thôn)" describes the place, it sets no target."""
    depth = 0
    i = pos - 1
    while i >= cs:
        ch = folded[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                word = _WORD_BEFORE_BRACKET.search(original[max(cs, i - 30) : i + 1])
                return word is not None and word.group(1)[0].isupper()
            depth -= 1
        i -= 1
    return False


def _read_figure(
    original: str,
    folded: str,
    fig: Figure,
    region: int,
    cs: int,
    ce: int,
    ctx: ClauseContext,
    kept: list[Found],
    limit: int | None = None,
) -> Found | None:
    anchor = fig.lead if fig.lead is not None else fig.start
    comparator, comp_start = comparator_before(folded, region, anchor)
    unit = fig.unit
    fig_end = fig.end
    if unit is None and not fig.percent and fig.kind in ("number", "range", "fraction"):
        generic, generic_end = generic_unit(original, folded, fig, ce)
        beneficiary = bool(re.search(r"(?<![a-zà-ỹđ])cho\s*$", folded[region : fig.start]))
        action = head_rule(PREAMBLE.sub("", folded[region:anchor].strip(" ,;:(-–+*•"))) is Comparator.AT_LEAST
        if generic and (
            comparator is not None or beneficiary or action or ctx.mode == "cell" or fig.kind == "fraction"
        ):
            unit, fig_end = generic, generic_end
    after, after_end = comparator_after(folded, fig_end, ce)
    text_end = max(fig_end, after_end)
    tail_limit = ce
    if limit is not None and limit > text_end:
        # the next figure's own comparator words ("… cho 90 học viên") are not part of this name
        tail_limit = comparator_before(folded, text_end, limit)[1]
        filler = re.search(r"\s(?:cho|với|mức)\s*$", folded[text_end:tail_limit])
        if filler:
            tail_limit = text_end + filler.start()
    elif limit is not None:
        tail_limit = text_end
    tail_end = figure_tail_end(folded, text_end, tail_limit, before_figure=limit is not None and tail_limit < ce)
    while (
        folded.startswith(",", tail_end)
        and len(folded[text_end:tail_end].split()) <= 2
        and not comparator_before(folded, region, anchor)[0]
        and not folded[region:anchor].strip(" ,;:(")
    ):
        # figure first, nouns joined by commas: "100% xã, thị trấn đạt chuẩn …"
        nxt = figure_tail_end(folded, tail_end + 1, tail_limit)
        if re.search(r"\d", folded[tail_end:nxt]):
            break
        tail_end = nxt

    name_text = folded[region:comp_start].strip(" ,;:")
    name_region_empty = (
        not trim(original, folded, region, comp_start)[1] > trim(original, folded, region, comp_start)[0]
    )

    if comparator is Comparator.AT_LEAST and folded[comp_start:anchor].strip() == "từ" and after is None:
        comparator, comp_start = None, anchor  # a bare "từ" without "trở lên" is not a comparator
    explicit = comparator is not None or after is not None
    comparator = decide(folded, fig, region, anchor, comparator, comp_start, after, name_region_empty, cs, ctx, kept)
    if QUALIFIER.match(PREAMBLE.sub("", folded[region:comp_start].strip(" ,;:(-–+*•"))):
        return None  # "mức hỗ trợ mỗi dự án không quá 100 triệu đồng": a rule's parameter, not a target
    money = fold(unit or "").endswith(("đồng", "usd"))
    if (
        ctx.mode == "loose"
        and not explicit
        and comparator is Comparator.EQUAL
        and fig.kind == "number"
        and not (fig.percent or money)
    ):
        head_text = PREAMBLE.sub("", re.sub(r"^[\s,;:(\-–+*•]+", "", folded[region:anchor]))
        if not head_text.strip().startswith(vocab.NOUN_HEADS) and stem_colon(folded, cs, anchor) < 0:
            return None  # a loose text: a bare figure needs a named indicator before it
    if fig.kind == "rank":
        comparator = Comparator.RANK_TOP
    elif fig.kind == "range" or (fig.kind == "fraction" and fig.value_max is not None):
        comparator = Comparator.RANGE
    elif fig.kind == "fraction" and comparator not in (Comparator.LESS_THAN, Comparator.AT_MOST, Comparator.MORE_THAN):
        comparator = Comparator.AT_LEAST
    elif comparator in (Comparator.RANGE, Comparator.RANK_TOP):
        comparator = Comparator.AT_LEAST  # inherited from a range or a rank before it; this figure is a plain number
    if fig.kind == "number" and not fig.percent and unit is None and ctx.mode != "cell":
        explicit = comparator_before(folded, region, anchor)[0] is not None or after is not None
        after_colon = folded[region:anchor].strip() == "" and folded[:anchor].rstrip().endswith(":")
        if ctx.mode == "task" or not (explicit or after_colon):
            return None  # a bare number in prose is an address, a label or a count of parts

    # the name: words before the comparator, or (figure first) the words after it
    lead = SEPARATOR_ONLY.match(folded, region, comp_start)
    text_start = lead.end() if lead else region
    text_end2 = tail_end
    if ctx.mode == "cell" and ctx.name_hint:
        name = ctx.name_hint
        cut = TAIL_CUT.search(fold(name))
        if cut and cut.start() > 0 and comparator in (Comparator.REDUCE_BY, Comparator.INCREASE_BY):
            name = name[: cut.start()]
        text_start, text_end2 = cs, ce
    elif (
        kept
        and name_text.lstrip(" ,(").startswith("trong đó")
        and re.sub(r"^[\s,(]*trong đó\s*(?:có\s*)?", "", name_text)
        and not verb_phrase(re.sub(r"^[\s,(]*trong đó\s*(?:có\s+)?", "", name_text))
    ):
        rest = re.sub(r"^[\s,(]*trong đó\s*", "", original[region:comp_start], flags=re.IGNORECASE)
        rest = " ".join(rest.split()).strip(" ,:")
        name = rest if fold(rest).startswith(vocab.NOUN_HEADS) else f"{kept[-1].name} {rest}".strip()
    elif (
        name_region_empty
        or not re.sub(r"^[\s,(]*trong đó\s*(?:có\s*)?", "", name_text)
        or verb_phrase(re.sub(r"^[\s,(]*trong đó\s*", "", name_text))
    ):
        tail = tail_name(original, folded, text_end, tail_end)
        stem = colon_stem(original, folded, cs, region, anchor)
        unit_key = fold(unit or "")
        count_noun = bool(unit) and unit != "%" and unit_key not in CLASSIFIERS and unit_key not in MEASURES
        if name_region_empty and stem:
            name = stem
        elif name_region_empty:
            lead_words = f"{unit} " if unit and count_noun and fig.kind in ("number", "fraction") else ""
            name = (lead_words + tail).strip() or (kept[-1].name if kept else "")
        else:
            verb = clean_name(original, folded, region, comp_start)
            if count_noun and len(tail.split()) >= 2:
                name = f"{unit} {tail}"
            elif tail and not count_noun:
                name = f"{verb} {tail}"
            else:
                name = verb
        name = name[:1].upper() + name[1:]
    else:
        name = clean_name(original, folded, region, comp_start)
        if kept and "tương đương" in folded[region:comp_start]:
            name = kept[-1].name
        elif fold(name).startswith("nâng tổng số"):
            name = "Tổng số" + (f" {unit}" if unit and unit != "%" else "") + name[len("nâng tổng số") :]
    name = tidy_name(name)
    stem = colon_stem(original, folded, cs, region, anchor)
    if stem and name and not fold(name).startswith(fold(stem)) and not name_region_empty:
        name = f"{stem}: {name[:1].lower() + name[1:]}" if not name[:2].isupper() else f"{stem}: {name}"
    if not name and kept:
        name = kept[-1].name
    return Found(
        figure=fig,
        comparator=comparator,
        text_start=text_start,
        text_end=max(text_end2, text_end),
        name=name,
        unit=unit,
    )


def _to_target(found: Found, original: str) -> Target:
    fig = found.figure
    unit = "%" if fig.percent else found.unit
    value: Decimal | None = fig.value
    value_max = fig.value_max if found.comparator is Comparator.RANGE else None
    comparator = found.comparator
    name = found.name
    text = original[found.text_start : found.text_end]
    over_units, over_time = measurement_for(comparator, unit, name, fig.total is not None, text)
    return Target(
        name=name,
        comparator=comparator,
        value=value,
        value_max=value_max,
        total=fig.total,
        unit=unit,
        direction=direction_for(comparator, name),
        basis=basis_for(comparator, unit, name),
        over_units=over_units,
        over_time=over_time,
        text=text,
        span=(found.text_start, found.text_end),
    )
