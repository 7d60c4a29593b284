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
from dataclasses import dataclass, field
from decimal import Decimal

from kehoach.core.plan import ParseWarning
from kehoach.core.targets import Comparator, Target
from kehoach.core.text import fold
from kehoach.parsing import vocab
from kehoach.parsing.figures import Figure, find_figures, generic_unit
from kehoach.parsing.measurement import basis_for, direction_for, grade_for, measurement_for

_W = "a-zà-ỹđ0-9"


def _phrases(pairs: tuple[tuple[str, Comparator], ...]) -> list[tuple[str, Comparator]]:
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


_BEFORE = _phrases((*vocab.COMPARATOR_BEFORE, ("đạt từ", Comparator.AT_LEAST), ("từ", Comparator.AT_LEAST)))
_STARTERS = tuple(
    sorted(
        set(vocab.NOUN_HEADS)
        | {
            "có",
            "phấn đấu",
            "đảm bảo",
            "bảo đảm",
            "duy trì",
            "trong đó",
            "tăng",
            "giảm",
            "kéo giảm",
            "nâng",
            "chính quyền",
            "cải cách",
            "hoàn thành",
            "không",
            "100%",
        },
        key=len,
        reverse=True,
    )
)
_LEAD_NOISE = re.compile(
    r"(?:[\s,;:.\-–+*•)]|\(\d{1,2}\)|và\s|hoặc\s|đồng thời\s|trong đó(?:\s+có)?[\s,:]|ph[ấâ]n đấu(?:\s+đạt)?\s|"
    r"có\s|đảm bảo\s|bảo đảm\s|cụ thể[\s:,]|gồm[\s:]|bao gồm[\s:]|duy trì\s(?=tỷ lệ|số|tổng))+"
)
_TRAIL_NOISE = re.compile(
    r"(?:[\s,;:.\-–(]|hằng năm|hàng năm|cả năm|năm \d{4}|trong năm|\bcho|\bnằm trong|\bđứng trong|"
    r"\bđứng|\bthuộc|\bxếp)+$"
)
_TAIL_BASIS = re.compile(r"(?:^|\s)(?:chỉ tiêu|kế hoạch|dự toán)(?:\s+[a-zà-ỹđ]+){0,3}?\s+(?:giao|đề ra)$")
_TAIL_CUT = re.compile(r"(?:^|\s)(?:so với|theo|trong năm|trong đó|trên địa bàn|vào năm|đến năm)(?![a-zà-ỹđ]).*$")
_TAIL_LEAD = re.compile(r"^(?:chỉ tiêu)\s+")
_NAME_OLD_VALUE = re.compile(r"\s*:?\s*(?:điều chỉnh\s+)?(?:giảm |tăng )?từ\s+\d[\d.,]*\s*%?.*$")
_NAME_FOOTNOTE = re.compile(r"\[\d+\]")
_NAME_NUMERIC_BRACKET = re.compile(r"\s*\([^()]*(?:\d|giá so sánh)[^()]*\)\s*$")
_NAME_HEAD_VERB = re.compile(r"^(?:giảm|kéo giảm|tăng|phấn đấu|duy trì)\s+(?=tỷ lệ|số|tổng|mức)")
_QUALIFIER = re.compile(
    r"(?:mức hỗ trợ|mức chi|định mức|kinh phí|tổng mức đầu tư|mức thu|mức phí|đơn giá|giá bán)(?![a-zà-ỹđ])"
)
_SEPARATOR_ONLY = re.compile(r"[\s,;:.\-–+*•]*(?:\(\d{1,2}\)\s*)?")
_CLASSIFIERS = ("căn", "ngôi", "chiếc", "cái", "con", "tuyến", "đợt", "lượt")
_PAST_YEAR = re.compile(r"(?<!so với )(?<!so với cuối )(?<!giá so sánh )(?<!giai đoạn )(?<!từ )năm\s+((?:19|20)\d\d)")
_FUTURE_YEAR = re.compile(r"(?:đến|tới|vào)\s+năm\s+((?:19|20)\d\d)")
_ESTIMATE = re.compile(
    rf"(?<![{_W}])(?:ước(?: tính| đạt| thực hiện| cả năm)?|đã đạt|đạt được|thực hiện được)(?![{_W}])"
)
_OLD_VALUE_AFTER = re.compile(r"\s*(?:lên|xuống)(?![" + _W + "])")
_AFTER_PHRASES = _phrases(vocab.COMPARATOR_AFTER)
_SEPARATOR = re.compile(r",|;|\(|\)|:|\bvà\b")


@dataclass
class ClauseContext:
    """What the caller knows about the sentence: the plan year and the kind of section."""

    plan_year: int | None = None
    mode: str = "indicator"  # "indicator" | "task" | "cell" | "loose" (a press report's sentences)
    name_hint: str | None = None  # for table cells: the row's indicator name


@dataclass
class Extraction:
    targets: list[Target] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def split_clauses(original: str, folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``[start, end)`` at ";" and at sentence ends, never inside brackets or quotes."""
    clauses: list[tuple[int, int]] = []
    depth = 0
    quote = False
    cs = start
    i = start
    while i < end:
        ch = folded[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in '“”"':
            quote = not quote if ch == '"' else ch == "“"
        elif (
            depth == 0
            and not quote
            and (
                ch == ";"
                or (ch == "." and (i + 1 >= end or (folded[i + 1] == " " and _upper_next(original, i + 2, end))))
            )
        ):
            if folded[cs:i].strip():
                clauses.append((cs, i))
            cs = i + 1
        i += 1
    if folded[cs:end].strip():
        clauses.append((cs, end))
    return clauses


def _upper_next(original: str, i: int, end: int) -> bool:
    """A sentence starts after ". " when a capital letter or a "(n)" marker follows."""
    return i < end and (original[i].isupper() or original[i] == "(")


def _trim(original: str, folded: str, a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` past leading connectors and trailing punctuation."""
    m = _LEAD_NOISE.match(folded, a, b)
    while m and m.end() > a:
        a = m.end()
        m = _LEAD_NOISE.match(folded, a, b)
    while b > a and folded[b - 1] in " ,;:.-–(\t":
        b -= 1
    return a, b


def _clean_name(original: str, folded: str, a: int, b: int, capital: bool = True) -> str:
    a, b = _trim(original, folded, a, b)
    text = original[a:b]
    m = _TRAIL_NOISE.search(fold(text))
    if m and m.start() > 0:
        text = text[: m.start()]
    text = " ".join(text.split())
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")].rstrip()
    return text[:1].upper() + text[1:] if text and capital else text


def _ends_with_phrase(text: str, phrase: str) -> bool:
    if not text.endswith(phrase):
        return False
    before = text[: -len(phrase)]
    return not before or not re.match(rf"[{_W}]", before[-1])


def _comparator_before(folded: str, a: int, b: int) -> tuple[Comparator | None, int]:
    """A comparator phrase that ends right before ``b`` (fillers like "cho" skipped)."""
    text = folded[a:b].rstrip()
    for filler in ("cho", "với", "mức"):
        if _ends_with_phrase(text, filler) and not any(_ends_with_phrase(text, p) for p, _ in _BEFORE):
            text = text[: -len(filler)].rstrip()
    for phrase, comparator in _BEFORE:
        if _ends_with_phrase(text, phrase):
            return comparator, a + len(text) - len(phrase)
    return None, b


def _comparator_after(folded: str, pos: int, limit: int) -> tuple[Comparator | None, int]:
    rest = folded[pos:limit]
    stripped = rest.lstrip()
    for phrase, comparator in _AFTER_PHRASES:
        if stripped.startswith(phrase):
            return comparator, pos + len(rest) - len(stripped) + len(phrase)
    return None, pos


def _region_start(folded: str, lo: int, hi: int) -> int:
    """Start of the name region before ``hi``: after the last separator that opens a new clause."""
    best = lo
    depth = 0
    i = hi - 1
    while i >= lo:
        ch = folded[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif (
            depth == 0
            and ch in ",:"
            and not (ch == ":" and folded[i - 1 : i].isdigit() and folded[i + 1 : i + 2].isdigit())
        ):
            after = folded[i + 1 : hi].lstrip()
            if ch == ":" or after.startswith(_STARTERS):
                return i + 1
        i -= 1
    return best


def _is_past(folded: str, cs: int, region: int, b: int, plan_year: int | None) -> bool:
    """A figure reported for an earlier year: "ước đạt" next to it, or the last year named
    before it in its clause ("Năm 2023, thu ngân sách đạt …") is before the plan year."""
    if _ESTIMATE.search(folded, region, b):
        return True
    if plan_year is None:
        return False
    years = [int(y) for y in _PAST_YEAR.findall(folded, cs, b)]
    return bool(years) and years[-1] < plan_year


def _is_multi_year(folded: str, a: int, b: int, plan_year: int | None) -> bool:
    for m in _FUTURE_YEAR.finditer(folded, a, b):
        year = int(m.group(1))
        if plan_year is None or year > plan_year:
            return True
    return False


def _head_rule(region: str) -> Comparator | None:
    """Comparator implied by the head of the clause when no word stands next to the figure."""
    r = region.strip(" ,;:-–+*•")
    r = re.sub(r"^(?:\(\d{1,2}\)\s*|và\s+|hoặc\s+|đồng thời\s+|trong đó\s+)+", "", r)
    if r.startswith(("giảm", "kéo giảm", "phấn đấu giảm")) and not r.startswith(("giảm còn", "giảm xuống")):
        return Comparator.REDUCE_BY
    if r.startswith(("duy trì", "ổn định")):
        return Comparator.EQUAL
    for verb in vocab.ACTION_VERBS:
        if r.startswith(verb) and (len(r) == len(verb) or not re.match(rf"[{_W}]", r[len(verb)])):
            return Comparator.AT_LEAST
    if r.startswith("phấn đấu"):
        return Comparator.AT_LEAST
    return None


_PREAMBLE = re.compile(
    r"^(?:về [^,]{2,60},\s*|(?:trong )?năm \d{4},?\s*|bên cạnh đó,?\s*|ngoài ra,?\s*|đồng thời,?\s*|cụ thể,?\s*|"
    r"(?:huyện|phường|xã|thị trấn|tỉnh|thành phố|thị xã|đặc khu|hđnd|ubnd|hội đồng nhân dân|ủy ban nhân dân)\s+|"
    r"đặt mục tiêu\s+|thống nhất\s+|quyết tâm\s+|"
    r"tiếp tục\s+|sẽ\s+|cần\s+|phải\s+|ph[ấâ]n đấu\s+(?=giảm|tăng|có|đạt|nâng)|"
    r"đề ra\s+|mục tiêu\s+)+"
)


def _decide(
    folded: str,
    fig: Figure,
    region: int,
    anchor: int,
    comparator: Comparator | None,
    comp_start: int,
    after: Comparator | None,
    name_region_empty: bool,
    cs: int,
    ctx: ClauseContext,
    kept: list[_Found],
) -> Comparator:
    """The comparator of one figure, from the strongest evidence to the weakest."""
    before = folded[region:anchor]
    if after is Comparator.AT_LEAST and re.search(r"giảm\s+từ\s*$", folded[region:anchor]):
        return Comparator.REDUCE_BY  # "kéo giảm từ 5% trở lên"
    if after is not None and comparator in (None, Comparator.EQUAL, Comparator.AT_LEAST, Comparator.MORE_THAN):
        comparator = after
    if comparator is Comparator.EQUAL and folded[comp_start:anchor].strip() == "lên":
        head = _PREAMBLE.sub("", before.strip(" ,;:(").lstrip())
        if head.startswith("nâng"):
            return Comparator.AT_LEAST  # "nâng tỷ lệ … lên 81,4%"
    if comparator is not None:
        return comparator
    if "tương đương" in before and kept:
        return kept[-1].comparator
    if ctx.mode == "cell":
        hint = fold(ctx.name_hint or "").strip()
        if hint.startswith(("giảm", "kéo giảm")):
            return Comparator.REDUCE_BY
        if "tăng thêm" in hint or hint.startswith("có thêm"):
            return Comparator.INCREASE_BY
        return Comparator.EQUAL
    colon = _stem_colon(folded, cs, anchor)
    if colon >= 0:
        stem_cmp, _ = _comparator_before(folded, cs, colon)
        if stem_cmp is not None:
            return stem_cmp  # "… đạt: tiểu học 100%, THCS 99,5%"
    if name_region_empty and kept:
        return kept[-1].comparator
    head_text = _PREAMBLE.sub("", re.sub(r"^[\s,;:(\-–+*•]+", "", before))
    implied = _head_rule(head_text)
    if implied is not None:
        return implied
    if colon >= 0:
        return Comparator.EQUAL  # "Tên chỉ tiêu: giá trị"
    if re.search(r"(?<![a-zà-ỹđ])cho\s*$", before):
        return Comparator.AT_LEAST  # "… cho 90 học viên"
    if name_region_empty:
        return Comparator.AT_LEAST  # the figure first: "100% thôn đạt danh hiệu …"
    if kept and len(head_text.split()) <= 4 and not head_text.strip().startswith(vocab.NOUN_HEADS):
        return kept[-1].comparator  # an elided verb: "giảm tỷ lệ hộ nghèo 1%, hộ cận nghèo 0,5%"
    if fig.percent and not head_text.strip().startswith(vocab.NOUN_HEADS) and _is_noun_after(folded, fig.end):
        return Comparator.AT_LEAST  # a share of a set after a verb: "phủ sóng wifi tại 100% điểm du lịch"
    return Comparator.EQUAL


_NOT_NOUNS = ("so", "kế", "dự", "chỉ", "trở", "và", "trong", "của", "theo", "ở", "tại")


def _is_noun_after(folded: str, pos: int) -> bool:
    m = re.match(r"\s+([a-zà-ỹđ]+)", folded[pos : pos + 30])
    return m is not None and m.group(1) not in _NOT_NOUNS


@dataclass
class _Found:
    figure: Figure
    comparator: Comparator
    text_start: int
    text_end: int
    name: str
    unit: str | None


def _tail_end(folded: str, pos: int, limit: int) -> int:
    """End of the words that follow a figure and still belong to it (up to a separator)."""
    depth = 0
    i = pos
    while i < limit:
        ch = folded[i]
        if ch == "(":
            if i > pos and folded[pos:i].strip():
                # a bracket after some words belongs to the phrase; a bracket right after the figure does not
                depth += 1
            else:
                break
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in ",;":
            break
        elif depth == 0 and folded.startswith(" và ", i):
            rest = folded[i + 4 : limit]
            if re.search(r"\d", rest.split(",")[0].split(";")[0]) or any(
                m in rest for m in ("đạt chuẩn", "xếp loại", "không để")
            ):
                break
        i += 1
    while i > pos and folded[i - 1] in " .":
        i -= 1
    return i


def extract(original: str, folded: str, start: int, end: int, ctx: ClauseContext) -> Extraction:
    """Targets in the sentence ``original[start:end]`` (``folded`` is its folded twin)."""
    out = Extraction()
    for cs, ce in split_clauses(original, folded, start, end):
        _clause(original, folded, cs, ce, ctx, out)
    return out


def _clause(original: str, folded: str, cs: int, ce: int, ctx: ClauseContext, out: Extraction) -> None:
    if _is_multi_year(folded, cs, ce, ctx.plan_year) and ctx.mode != "cell":
        return
    figures = find_figures(original, folded, cs, ce)
    kept: list[_Found] = []
    prev_end = cs
    past = False
    for _i, fig in enumerate(figures):
        lo = max(prev_end, cs)
        # "từ A lên B", "từ A xuống (còn) B": A is the old value
        if _OLD_VALUE_AFTER.match(folded, fig.end, ce) and folded[lo : fig.start].rstrip().endswith("từ"):
            continue
        region = _region_start(folded, lo, fig.lead if fig.lead is not None else fig.start)
        if ctx.mode != "cell" and _is_past(folded, cs, region, fig.start, ctx.plan_year):
            prev_end = fig.end
            past = True
            continue
        later = [f.lead if f.lead is not None else f.start for f in figures if f.start > fig.end]
        found = _read_figure(original, folded, fig, region, cs, ce, ctx, kept, min(later) if later else None)
        if found is None:
            continue
        kept.append(found)
        prev_end = found.text_end
    for found in kept:
        out.targets.append(_to_target(found, original))
    if not (past and not kept):
        _qualitative(original, folded, cs, ce, ctx, kept, out)


def _read_figure(
    original: str,
    folded: str,
    fig: Figure,
    region: int,
    cs: int,
    ce: int,
    ctx: ClauseContext,
    kept: list[_Found],
    limit: int | None = None,
) -> _Found | None:
    anchor = fig.lead if fig.lead is not None else fig.start
    comparator, comp_start = _comparator_before(folded, region, anchor)
    unit = fig.unit
    fig_end = fig.end
    if unit is None and not fig.percent and fig.kind in ("number", "range", "fraction"):
        generic, generic_end = generic_unit(original, folded, fig, ce)
        beneficiary = bool(re.search(r"(?<![a-zà-ỹđ])cho\s*$", folded[region : fig.start]))
        action = _head_rule(_PREAMBLE.sub("", folded[region:anchor].strip(" ,;:(-–+*•"))) is Comparator.AT_LEAST
        if generic and (
            comparator is not None or beneficiary or action or ctx.mode == "cell" or fig.kind == "fraction"
        ):
            unit, fig_end = generic, generic_end
    after, after_end = _comparator_after(folded, fig_end, ce)
    text_end = max(fig_end, after_end)
    tail_limit = ce
    if limit is not None and limit > text_end:
        # the next figure's own comparator words ("… cho 90 học viên") are not part of this name
        tail_limit = _comparator_before(folded, text_end, limit)[1]
        filler = re.search(r"\s(?:cho|với|mức)\s*$", folded[text_end:tail_limit])
        if filler:
            tail_limit = text_end + filler.start()
    elif limit is not None:
        tail_limit = text_end
    tail_end = _tail_end(folded, text_end, tail_limit)
    while (
        folded.startswith(",", tail_end)
        and len(folded[text_end:tail_end].split()) <= 2
        and not _comparator_before(folded, region, anchor)[0]
        and not folded[region:anchor].strip(" ,;:(")
    ):
        # figure first, nouns joined by commas: "100% xã, thị trấn đạt chuẩn …"
        nxt = _tail_end(folded, tail_end + 1, tail_limit)
        if re.search(r"\d", folded[tail_end:nxt]):
            break
        tail_end = nxt

    name_text = folded[region:comp_start].strip(" ,;:")
    name_region_empty = (
        not _trim(original, folded, region, comp_start)[1] > _trim(original, folded, region, comp_start)[0]
    )

    if comparator is Comparator.AT_LEAST and folded[comp_start:anchor].strip() == "từ" and after is None:
        comparator, comp_start = None, anchor  # a bare "từ" without "trở lên" is not a comparator
    explicit = comparator is not None or after is not None
    comparator = _decide(folded, fig, region, anchor, comparator, comp_start, after, name_region_empty, cs, ctx, kept)
    if _QUALIFIER.match(_PREAMBLE.sub("", folded[region:comp_start].strip(" ,;:(-–+*•"))):
        return None  # "mức hỗ trợ mỗi dự án không quá 100 triệu đồng": a rule's parameter, not a target
    if ctx.mode == "loose" and not explicit and comparator is Comparator.EQUAL and fig.kind == "number":
        head_text = _PREAMBLE.sub("", re.sub(r"^[\s,;:(\-–+*•]+", "", folded[region:anchor]))
        if not head_text.strip().startswith(vocab.NOUN_HEADS) and _stem_colon(folded, cs, anchor) < 0:
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
        explicit = _comparator_before(folded, region, anchor)[0] is not None or after is not None
        after_colon = folded[region:anchor].strip() == "" and folded[:anchor].rstrip().endswith(":")
        if ctx.mode == "task" or not (explicit or after_colon):
            return None  # a bare number in prose is an address, a label or a count of parts

    # the name: words before the comparator, or (figure first) the words after it
    lead = _SEPARATOR_ONLY.match(folded, region, comp_start)
    text_start = lead.end() if lead else region
    text_end2 = tail_end
    if ctx.mode == "cell" and ctx.name_hint:
        name = ctx.name_hint
        cut = _TAIL_CUT.search(fold(name))
        if cut and cut.start() > 0 and comparator in (Comparator.REDUCE_BY, Comparator.INCREASE_BY):
            name = name[: cut.start()]
        text_start, text_end2 = cs, ce
    elif (
        kept
        and name_text.lstrip(" ,(").startswith("trong đó")
        and re.sub(r"^[\s,(]*trong đó\s*(?:có\s*)?", "", name_text)
        and not _verb_phrase(re.sub(r"^[\s,(]*trong đó\s*(?:có\s+)?", "", name_text))
    ):
        rest = re.sub(r"^[\s,(]*trong đó\s*", "", original[region:comp_start], flags=re.IGNORECASE)
        rest = " ".join(rest.split()).strip(" ,:")
        name = rest if fold(rest).startswith(vocab.NOUN_HEADS) else f"{kept[-1].name} {rest}".strip()
    elif (
        name_region_empty
        or not re.sub(r"^[\s,(]*trong đó\s*(?:có\s*)?", "", name_text)
        or _verb_phrase(re.sub(r"^[\s,(]*trong đó\s*", "", name_text))
    ):
        tail = _tail_name(original, folded, text_end, tail_end)
        stem = _colon_stem(original, folded, cs, region, anchor)
        unit_key = fold(unit or "")
        count_noun = bool(unit) and unit != "%" and unit_key not in _CLASSIFIERS and unit_key not in _MEASURES
        if name_region_empty and stem:
            name = stem
        elif name_region_empty:
            lead_words = f"{unit} " if unit and count_noun and fig.kind in ("number", "fraction") else ""
            name = (lead_words + tail).strip() or (kept[-1].name if kept else "")
        else:
            verb = _clean_name(original, folded, region, comp_start)
            if count_noun and len(tail.split()) >= 2:
                name = f"{unit} {tail}"
            elif tail and not count_noun:
                name = f"{verb} {tail}"
            else:
                name = verb
        name = name[:1].upper() + name[1:]
    else:
        name = _clean_name(original, folded, region, comp_start)
        if kept and "tương đương" in folded[region:comp_start]:
            name = kept[-1].name
        elif fold(name).startswith("nâng tổng số"):
            name = "Tổng số" + (f" {unit}" if unit and unit != "%" else "") + name[len("nâng tổng số") :]
    name = _tidy_name(name)
    stem = _colon_stem(original, folded, cs, region, anchor)
    if stem and name and not fold(name).startswith(fold(stem)) and not name_region_empty:
        name = f"{stem}: {name[:1].lower() + name[1:]}" if not name[:2].isupper() else f"{stem}: {name}"
    if not name and kept:
        name = kept[-1].name
    return _Found(
        figure=fig,
        comparator=comparator,
        text_start=text_start,
        text_end=max(text_end2, text_end),
        name=name,
        unit=unit,
    )


def _stem_colon(folded: str, cs: int, anchor: int) -> int:
    """The last colon before ``anchor`` that ends a stem (not "01-1:2018", not "10:30")."""
    colon = folded.rfind(":", cs, anchor)
    while colon >= cs and colon > 0 and folded[colon - 1].isdigit() and folded[colon + 1 : colon + 2].isdigit():
        colon = folded.rfind(":", cs, colon)
    return colon if colon >= cs else -1


def _colon_stem(original: str, folded: str, cs: int, region: int, anchor: int) -> str | None:
    """The shared stem of a list after a colon ("Tỷ lệ học sinh đi học trong độ tuổi: tiểu học 100%,
    THCS 100%" → "Tỷ lệ học sinh đi học trong độ tuổi"), when the figure is in that list."""
    colon = _stem_colon(folded, cs, anchor)
    if colon < 0:
        return None
    if region < colon:
        return None
    stem_start = _region_start(folded, cs, colon)
    comparator, comp_start = _comparator_before(folded, stem_start, colon)
    stem = _clean_name(original, folded, stem_start, comp_start if comparator else colon)
    return stem or None


_MEASURES = frozenset(fold(u) for u in vocab.MEASURE_UNITS + vocab.MONEY_UNITS)
_VERB_HEADS = tuple(
    sorted(set(vocab.ACTION_VERBS) | {"duy trì", "nâng cao", "giữ vững", "phấn đấu", "hoàn thành"}, key=len)
)


def _tidy_name(name: str) -> str:
    head = _NAME_HEAD_VERB.match(fold(name))
    if head:
        name = name[head.end() :]
    name = _NAME_FOOTNOTE.sub("", name)
    old_value = _NAME_OLD_VALUE.search(fold(name))
    if old_value and old_value.start() > 0:
        name = name[: old_value.start()]
    name = _NAME_NUMERIC_BRACKET.sub("", name).strip(" ,;:")
    return name[:1].upper() + name[1:]


def _verb_phrase(text: str) -> bool:
    """A name region that is only a verb phrase ("Vận động", "duy trì và nâng cao chất lượng")."""
    t = re.sub(r"^(?:ph[ấâ]n đấu|và|có)\s+", "", text.strip(" ,;:"))
    if not t.startswith(_VERB_HEADS):
        return False
    return not any(
        re.search(rf"(?<![{_W}]){re.escape(h)}(?![{_W}])", t) for h in vocab.NOUN_HEADS if h not in ("thu", "chi")
    )


def _tail_name(original: str, folded: str, a: int, b: int) -> str:
    tail = _clean_name(original, folded, a, b, capital=False)
    cut = _TAIL_CUT.search(fold(tail))
    if cut:
        tail = tail[: cut.start()]
    basis = _TAIL_BASIS.search(fold(tail))
    if basis:
        tail = tail[: basis.start()]
    lead = _TAIL_LEAD.match(fold(tail))
    if lead and len(tail) > lead.end():
        tail = tail[lead.end() :]
    return tail.strip(" ,")


def _to_target(found: _Found, original: str) -> Target:
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


_CELL_GRADE = re.compile(rf"(?<![{_W}])(?:đạt|tốt|khá|xuất sắc|hoàn thành|giữ vững|chuẩn|xếp loại|duy trì)(?![{_W}])")
_STRONG_MARKERS = ("đạt chuẩn", "xếp loại", "đạt tiêu chí", "giữ vững danh hiệu", "không để phát sinh", "đạt danh hiệu")


def _qualitative(
    original: str, folded: str, cs: int, ce: int, ctx: ClauseContext, kept: list[_Found], out: Extraction
) -> None:
    if ctx.mode == "cell":
        a, b = _trim(original, folded, cs, ce)
        if not kept and b > a and _CELL_GRADE.search(folded[a:b]):
            out.targets.append(_qualitative_target(original, folded, a, b))
        return
    markers = vocab.TASK_QUALITATIVE_MARKERS if ctx.mode == "task" else vocab.QUALITATIVE_MARKERS
    if not kept:
        a, b = _trim(original, folded, cs, ce)
        if b <= a:
            return
        text = folded[a:b]
        if any(re.search(rf"(?<![{_W}]){re.escape(m)}(?![{_W}])", text) for m in markers):
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
    a, b = _trim(original, folded, last.text_end + m.end(), ce)
    if b - a < 8:
        return
    if any(mk in folded[a:b] for mk in _STRONG_MARKERS) and not re.search(r"\d", folded[a:b]):
        out.targets.append(_qualitative_target(original, folded, a, b))


_TARGET_WORDS = re.compile(rf"(?<![{_W}])(?:đạt|phấn đấu|giảm|tăng|tối thiểu|ít nhất|không quá|trở lên)(?![{_W}])")


def _looks_like_target(text: str) -> bool:
    return bool(_TARGET_WORDS.search(text)) and len(text.split()) >= 3


def _qualitative_target(original: str, folded: str, a: int, b: int) -> Target:
    name = _clean_name(original, folded, a, b)
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
