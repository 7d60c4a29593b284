"""Clauses and regions of a sentence: where a clause ends, where a target's name begins,
which words after a figure still belong to it, and whether it reports a past year."""

from __future__ import annotations

import re

from kehoach.parsing import vocab
from kehoach.parsing.patterns import LETTERS, alternation, word_pattern

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


SEPARATOR_ONLY = re.compile(r"[\s,;:.\-–+*•]*(?:\(\d{1,2}\)\s*)?")


_PAST_YEAR = re.compile(r"(?<!so với )(?<!so với cuối )(?<!giá so sánh )(?<!giai đoạn )(?<!từ )năm\s+((?:19|20)\d\d)")


_FUTURE_YEAR = re.compile(r"(?:đến|tới|vào)\s+năm\s+((?:19|20)\d\d)")


_ESTIMATE = re.compile(word_pattern(vocab.ESTIMATE_WORDS))


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


def trim(original: str, folded: str, a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` past leading connectors and trailing punctuation."""
    m = _LEAD_NOISE.match(folded, a, b)
    while m and m.end() > a:
        a = m.end()
        m = _LEAD_NOISE.match(folded, a, b)
    while b > a and folded[b - 1] in " ,;:.-–(\t":
        b -= 1
    return a, b


def region_start(folded: str, lo: int, hi: int) -> int:
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


_NOW = re.compile(
    word_pattern(vocab.NOW_WORDS)
    + f"|(?<![{LETTERS}])"
    + "".join(f"(?<!{re.escape(w)} )" for w in vocab.NOT_NOW_BEFORE_HIEN)
    + f"hiện (?!{alternation(vocab.NOT_NOW_AFTER_HIEN)})"
)
_HALF_PAST = re.compile(alternation(vocab.FIRST_HALF_WORDS) + r"|quý i(?![iv])")
_HALF_NEXT = re.compile(alternation(vocab.SECOND_HALF_WORDS) + r"|năm \d{4}")
_YEAR_AFTER = re.compile(r"\s*(?:%|[a-zà-ỹđ/ ]{0,20}?)\s*(?:trong |của |vào )?năm\s+((?:19|20)\d\d)(?![\d])")


def _without_closed_brackets(text: str) -> str:
    """The text with every closed "( … )" blanked: an aside about last year does not date what
    follows it ("đạt 212,6 tỷ đồng (năm 2025 ước thực hiện 198,3 tỷ đồng), trong đó …")."""
    out = list(text)
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            if not stack:
                out[start : i + 1] = " " * (i + 1 - start)
    return "".join(out)


def is_past(
    folded: str, cs: int, region: int, b: int, plan_year: int | None, midyear: bool = False, fig_end: int = -1
) -> bool:
    """A figure reported for an earlier time, not set for the plan: "ước đạt" or "hiện" next to it;
    the last year named before it in its clause ("Năm 2023, thu ngân sách đạt …") or right after
    it ("đạt 8,12% năm 2025") is before the plan year; in a mid-year document, a figure for the
    first six months."""
    if _ESTIMATE.search(folded, region, b) or _NOW.search(folded, region, b):
        return True
    if midyear:
        past = [m.end() for m in _HALF_PAST.finditer(folded, cs, b)]
        nxt = [m.end() for m in _HALF_NEXT.finditer(folded, cs, b)]
        if past and (not nxt or max(past) > max(nxt)):
            return True
    if plan_year is None:
        return False
    years = [int(y) for y in _PAST_YEAR.findall(_without_closed_brackets(folded[cs:b]))]
    if years:
        return years[-1] < plan_year
    if fig_end >= 0:
        after = _YEAR_AFTER.match(folded, fig_end, min(len(folded), fig_end + 40))
        if after and not re.search(r"so với|giá so sánh|từ|giai đoạn|lần|bằng", folded[fig_end : after.start(1)]):
            return int(after.group(1)) < plan_year
    return False


_PERIOD = r"giai đoạn\s+(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)"
_AVERAGE_PERIOD = re.compile(rf"bình quân[^;]{{0,40}}{_PERIOD}|/năm,? {_PERIOD}")


def is_multi_year(folded: str, a: int, b: int, plan_year: int | None) -> bool:
    """A goal beyond the plan year: "đến năm 2030", "tăng bình quân 8%/năm giai đoạn 2026 - 2030"."""
    for m in _FUTURE_YEAR.finditer(folded, a, b):
        year = int(m.group(1))
        if plan_year is None or year > plan_year:
            return True
    for m in _AVERAGE_PERIOD.finditer(folded, a, b):
        year = int(m.group(1) or m.group(2))
        if plan_year is None or year > plan_year:
            return True
    return False


def figure_tail_end(folded: str, pos: int, limit: int, before_figure: bool = False) -> int:
    """End of the words that follow a figure and still belong to it (up to a separator).
    ``before_figure``: ``limit`` is where the next figure's words begin, so a "và" on the way
    joins two targets ("… cho 275 lao động và dạy nghề nông thôn 36 lao động")."""
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
            if (
                before_figure
                or re.search(r"\d", rest.split(",")[0].split(";")[0])
                or any(m in rest for m in ("đạt chuẩn", "xếp loại", "không để"))
            ):
                break
        i += 1
    while i > pos and folded[i - 1] in " .":
        i -= 1
    return i


def stem_colon(folded: str, cs: int, anchor: int) -> int:
    """The last colon before ``anchor`` that ends a stem (not "01-1:2018", not "10:30")."""
    colon = folded.rfind(":", cs, anchor)
    while colon >= cs and colon > 0 and folded[colon - 1].isdigit() and folded[colon + 1 : colon + 2].isdigit():
        colon = folded.rfind(":", cs, colon)
    return colon if colon >= cs else -1
