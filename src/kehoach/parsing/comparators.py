"""Which comparator a figure carries: the words next to it ("đạt", "còn dưới", "không quá",
"trở lên"), a shared stem, the head of its clause, or the figure before it (DESIGN §3)."""

from __future__ import annotations

import re

from kehoach.core.targets import Comparator
from kehoach.core.text import fold
from kehoach.parsing import vocab
from kehoach.parsing.clauses import stem_colon
from kehoach.parsing.extraction import ClauseContext, Found
from kehoach.parsing.figures import Figure
from kehoach.parsing.patterns import LETTERS, alternation, word_pattern


def _phrases(pairs: tuple[tuple[str, Comparator], ...]) -> list[tuple[str, Comparator]]:
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


_BEFORE = _phrases((*vocab.COMPARATOR_BEFORE, ("đạt từ", Comparator.AT_LEAST), ("từ", Comparator.AT_LEAST)))


_AFTER_PHRASES = _phrases(vocab.COMPARATOR_AFTER)


OLD_VALUE_AFTER = re.compile(r"\s*(?:lên|xuống)(?![" + LETTERS + "])")


QUALIFIER = re.compile(word_pattern(vocab.QUALIFIER_WORDS))


def _ends_with_phrase(text: str, phrase: str) -> bool:
    if not text.endswith(phrase):
        return False
    before = text[: -len(phrase)]
    return not before or not re.match(rf"[{LETTERS}]", before[-1])


_BEFORE_AT_END = re.compile(rf"(?:^|(?<![{LETTERS}]))(?P<p>{'|'.join(re.escape(p) for p, _ in _BEFORE)})$")
_BEFORE_MAP = dict(_BEFORE)


def _phrase_at_end(text: str) -> str | None:
    m = _BEFORE_AT_END.search(text[-40:])
    return m.group("p") if m else None


def comparator_before(folded: str, a: int, b: int) -> tuple[Comparator | None, int]:
    """A comparator phrase that ends right before ``b`` (fillers like "cho" skipped)."""
    text = folded[a:b].rstrip()
    if _ends_with_phrase(text, "trở lên") or _ends_with_phrase(text, "trở xuống"):
        return None, b  # "sinh con thứ 3 trở lên 0,3%": part of the name, not the figure's comparator
    phrase = _phrase_at_end(text)
    if phrase is None:
        for filler in ("cho", "với", "mức"):
            if _ends_with_phrase(text, filler):
                text = text[: -len(filler)].rstrip()
                phrase = _phrase_at_end(text)
                break
    if phrase is not None:
        return _BEFORE_MAP[phrase], a + len(text) - len(phrase)
    return None, b


def comparator_after(folded: str, pos: int, limit: int) -> tuple[Comparator | None, int]:
    rest = folded[pos:limit]
    stripped = rest.lstrip()
    for phrase, comparator in _AFTER_PHRASES:
        if stripped.startswith(phrase):
            return comparator, pos + len(rest) - len(stripped) + len(phrase)
    return None, pos


def head_rule(region: str, late: bool = True) -> Comparator | None:
    """Comparator implied by the head of the clause when no word stands next to the figure."""
    r = region.strip(" ,;:-–+*•")
    r = re.sub(r"^(?:\(\d{1,2}\)\s*|và\s+|hoặc\s+|đồng thời\s+|trong đó\s+)+", "", r)
    if r.startswith(("giảm", "kéo giảm", "phấn đấu giảm")) and not r.startswith(("giảm còn", "giảm xuống")):
        return Comparator.REDUCE_BY
    if r.startswith(("duy trì", "ổn định")):
        return Comparator.EQUAL
    for verb in vocab.ACTION_VERBS:
        if r.startswith(verb) and (len(r) == len(verb) or not re.match(rf"[{LETTERS}]", r[len(verb)])):
            return Comparator.AT_LEAST
    if r.startswith("phấn đấu"):
        return Comparator.AT_LEAST
    if r.startswith(vocab.NOUN_HEADS):
        return None
    # an action verb later in a clause that does not open on an indicator's name:
    # "nhiệm vụ trọng tâm là hoàn thành xóa 42 căn nhà tạm"
    if late and _LATE_VERB.search(r):
        return Comparator.AT_LEAST
    return None


_LATE_VERB = re.compile(
    rf"(?<![{LETTERS}])(?:{alternation(vocab.PREDICATE_CUES)})\s+(?:[{LETTERS}]+\s+){{0,2}}?"
    rf"(?:{alternation(vocab.ACTION_VERBS)})(?:\s+[{LETTERS}]+){{0,3}}$"
)


PREAMBLE = re.compile(
    r"^(?:về [^,]{2,60},\s*|(?:trong )?năm \d{4},?\s*"
    rf"|(?:{alternation(vocab.PREAMBLE_CONNECTORS)}),?\s*"
    rf"|(?:{alternation(vocab.PREAMBLE_SUBJECTS)})\s+"
    rf"|(?:{alternation(vocab.PREAMBLE_STANCES)})\s+"
    r"|ph[ấâ]n đấu\s+(?=giảm|tăng|có|đạt|nâng))+"
)


def decide(
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
    kept: list[Found],
) -> Comparator:
    """The comparator of one figure, from the strongest evidence to the weakest."""
    before = folded[region:anchor]
    if after is Comparator.AT_LEAST and re.search(r"giảm\s+từ\s*$", folded[region:anchor]):
        return Comparator.REDUCE_BY  # "kéo giảm từ 5% trở lên"
    if after is not None and comparator in (None, Comparator.EQUAL, Comparator.AT_LEAST, Comparator.MORE_THAN):
        comparator = after
    if comparator is Comparator.EQUAL and folded[comp_start:anchor].strip() == "lên":
        head = PREAMBLE.sub("", before.strip(" ,;:(").lstrip())
        if head.startswith("nâng"):
            return Comparator.AT_LEAST  # "nâng tỷ lệ … lên 81,4%"
    head_text = PREAMBLE.sub("", re.sub(r"^[\s,;:(\-–+*•]+", "", before))
    if (
        comparator is Comparator.AT_LEAST
        and folded[comp_start:anchor].strip()
        in (
            "ít nhất",
            "tối thiểu",
            "không dưới",
        )
        and head_rule(head_text) is Comparator.REDUCE_BY
    ):
        return Comparator.REDUCE_BY  # "kéo giảm tội phạm ít nhất 5%": a reduction of at least 5%
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
    colon = stem_colon(folded, cs, anchor)
    if colon >= 0:
        stem_cmp, _ = comparator_before(folded, cs, colon)
        if stem_cmp is not None:
            return stem_cmp  # "… đạt: tiểu học 100%, THCS 99,5%"
    if name_region_empty and kept:
        return kept[-1].comparator
    implied = head_rule(head_text, late=colon < 0)
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
