"""Figures in a sentence: numbers, ranges, "N/M", rankings, with their units.

Works on the folded text (same length as the original, see core.text.fold) and returns
absolute offsets, so the unit "as written" is cut from the original text. Numbers that are
dates, years, ages, addresses, legal references, phone numbers or counts of sections are
dropped here ("noise"), before any comparator is considered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kehoach.core.numbers import NumberFormatError, parse_vn_number
from kehoach.parsing import vocab

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NO_BEFORE = r"(?<![\w.,/+\-:\[#])"
_NO_AFTER = r"(?![\w]|[.,]\d|\s*/\s*\d|:\d)"
# phone numbers and other digit groups ("0263 3822 115", "0912.345.678")
_DIGIT_GROUPS = re.compile(r"(?<![\w.,])0\d{2,4}(?:[ .]\d{2,4}){2,}(?![\w])|(?<![\w.,])\d{3,4}(?: \d{3,4}){2,}(?![\w])")
_W = "a-zà-ỹđ0-9"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


RANK_UNIT_WORDS = (
    "xã, phường, thị trấn",
    "xã, phường",
    "xã, thị trấn",
    "huyện, thị xã, thành phố",
    "xã",
    "phường",
    "thị trấn",
    "huyện",
    "quận",
    "thị xã",
    "thành phố",
    "tỉnh",
    "tỉnh, thành phố",
    "đơn vị",
    "địa phương",
    "khóm",
    "ấp",
    "thôn",
    "khu phố",
    "tổ dân phố",
    "trường",
    "cơ quan",
)

_RANK = re.compile(
    rf"(?:(?:top|tốp)\s+0*(?P<n>\d+)(?:\s+(?:trên|/|trong số|của)\s+(?P<m>\d+)"
    rf"(?:\s+(?P<u>{_alternation(RANK_UNIT_WORDS)})(?![{_W}]))?)?)"
    rf"|(?:(?:xếp|giữ vững|duy trì|đạt|đứng)? ?(?:thứ hạng|xếp thứ|xếp hạng|hạng)(?: thứ)?\s+0*(?P<n2>\d+)"
    rf"(?:\s*/\s*(?P<m2>\d+)(?:\s+(?P<u2>{_alternation(RANK_UNIT_WORDS)})(?![{_W}]))?)?)"
    rf"|(?:nhóm\s+0*(?P<n3>\d+)\s+(?:[{_W} ,]{{0,30}}?)dẫn đầu)"
)
_FRACTION = re.compile(rf"{_NO_BEFORE}(?P<a>\d+)(?:\s*[-–]\s*(?P<b>\d+))?\s*/\s*(?P<m>\d+)(?![\w/]|[.,]\d|\s*/|:\d)")
_RANGE = re.compile(
    rf"(?P<tu>từ\s+)?{_NO_BEFORE}(?P<a>{NUM})\s?(?P<pa>%)?\s*(?:-|–|—|‑|‒|−|÷|đến|tới)\s*(?P<b>{NUM})(?P<pb>\s?%)?{_NO_AFTER}"
)
_NUMBER = re.compile(rf"{_NO_BEFORE}(?P<a>{NUM})(?:(?P<p>\s?%)(?:\d{{1,2}}(?![\d.,]))?)?{_NO_AFTER}")
_DOT_DECIMAL = re.compile(rf"{_NO_BEFORE}(?P<a>\d+\.\d{{1,2}})(?P<p>\s?%)(?![\w])")

_UNIT = re.compile(
    rf"\s*(?P<u>{_alternation(vocab.MONEY_UNITS + vocab.MEASURE_UNITS + vocab.COUNT_UNITS)})"
    rf"(?P<tail>(?:/[{_W}]+(?: [{_W}]+)?)*)(?![{_W}])"
)
_NOT_UNIT = re.compile(rf"\s*(?:{_alternation(vocab.NOT_UNITS)})(?![{_W}])")
_GENERIC_WORD = re.compile(rf"\s+(?P<u>[{_W}]+)")
_NOT_BEFORE = re.compile(rf"(?:^|(?<![{_W}]))(?:{_alternation(vocab.NOT_FIGURE_BEFORE)})\s*[.]?\s*$")
_PLACE_BEFORE = re.compile(rf"(?:^|(?<![{_W}]))(?:{_alternation(vocab.PLACE_BEFORE)})\s*[.]?\s*$")
_VOTE = re.compile(rf"\s*(?:{_alternation(vocab.VOTE_NOUNS)})(?![{_W}])")
_TIMES = re.compile(r"\s*(lần)(?![a-zà-ỹđ])")
_PER_UNIT_BEFORE = re.compile(r"(?:trên|/|mỗi|một)\s*$")
_YEAR = re.compile(r"^(19[4-9]\d|20\d\d|21\d\d)$")
_CONNECTOR_WORDS = {
    "và",
    "hoặc",
    "so",
    "với",
    "trong",
    "đến",
    "trở",
    "của",
    "ở",
    "tại",
    "theo",
    "cho",
    "là",
    "đạt",
    "trên",
    "dưới",
    "được",
    "có",
    "đi",
    "vào",
    "từ",
    "để",
    "thuộc",
    "về",
    "đối",
    "so với",
    "tương",
    "trở lên",
    "kế",
    "trước",
    "sau",
    "tới",
    "nhằm",
}


@dataclass(frozen=True)
class Figure:
    """A figure found in the text, with absolute offsets into the normalized text."""

    start: int  # first character of the figure (after "từ" for ranges)
    end: int  # end of the figure including its unit and per-tail
    kind: str  # "number" | "range" | "fraction" | "rank"
    value: Decimal
    value_max: Decimal | None = None
    total: Decimal | None = None
    unit: str | None = None
    percent: bool = False
    known_unit: bool = False
    lead: int | None = None  # start of a leading "từ" of a range


def _parse(text: str) -> Decimal | None:
    try:
        return parse_vn_number(text, allow_dot_decimal=True)
    except NumberFormatError:
        return None


_SCALED_COUNT = re.compile(
    rf"\s*(?P<u>(?:nghìn|ngàn|triệu|vạn)\s+(?!đồng|usd)[{_W}]+(?:\s+(?:người|khách))?)(?![{_W}])"
)


_BARE_MONEY = re.compile(r"\s*(?P<u>nghìn tỷ|ngàn tỷ|tỷ|triệu)(?=\s*(?:$|[,;.)(]|\s(?:và|trong|so|trở|đồng)\b))")


def _unit_after(original: str, folded: str, pos: int, limit: int) -> tuple[str | None, int, bool]:
    """The unit right after ``pos``: (unit as written, end offset, known?)."""
    m = _UNIT.match(folded, pos, limit)
    if m:
        end = m.end()
        unit = original[m.start("u") : end]
        return unit, end, True
    m = _BARE_MONEY.match(folded, pos, limit)
    if m:
        # "Thu NS: 5,2 tỷ", "1.850 triệu (trong đó …)": money with "đồng" left out
        return original[m.start("u") : m.end("u")], m.end("u"), True
    m = _SCALED_COUNT.match(folded, pos, limit)
    if m:
        # "1,25 triệu lượt", "650 nghìn lượt khách": a count in thousands or millions
        return original[m.start("u") : m.end()], m.end(), True
    return None, pos, False


_EVERY_YEAR = re.compile(r"(?:cả|hằng|hàng|mỗi|trong|cuối|đầu)\s+năm\s*$")


def _is_noise_before(folded: str, seg_start: int, start: int, has_unit: bool = False) -> bool:
    before = folded[max(seg_start, start - 40) : start]
    if _NOT_BEFORE.search(before) and not (has_unit and _EVERY_YEAR.search(before)):
        return True
    return not has_unit and bool(_PLACE_BEFORE.search(before))


def _is_not_unit_after(folded: str, pos: int, limit: int) -> bool:
    return bool(_NOT_UNIT.match(folded, pos, limit))


def find_figures(original: str, folded: str, start: int, end: int) -> list[Figure]:
    """Every target-like figure in ``[start, end)``, in reading order, noise removed."""
    taken: list[tuple[int, int]] = []
    found: list[Figure] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _DIGIT_GROUPS.finditer(folded, start, end):
        taken.append((m.start(), m.end()))

    for m in _RANK.finditer(folded, start, end):
        n = m.group("n") or m.group("n2") or m.group("n3")
        total = m.group("m") or m.group("m2")
        unit_name = "u" if m.group("u") else ("u2" if m.group("u2") else None)
        unit = original[m.start(unit_name) : m.end(unit_name)] if unit_name else None
        found.append(
            Figure(
                start=m.start(),
                end=m.end(),
                kind="rank",
                value=Decimal(int(n)),
                total=Decimal(int(total)) if total else None,
                unit=unit,
            )
        )
        taken.append((m.start(), m.end()))

    for m in _FRACTION.finditer(folded, start, end):
        if not free(m.start(), m.end()):
            continue
        a, b, total = int(m.group("a")), m.group("b"), int(m.group("m"))
        high = int(b) if b else None
        if total == 0 or a > total or (high is not None and (high > total or high < a)):
            continue
        unit, unit_end, known = _unit_after(original, folded, m.end(), end)
        if _is_noise_before(folded, start, m.start(), known) or (
            not known and _is_not_unit_after(folded, m.end(), end)
        ):
            taken.append((m.start(), m.end()))
            continue
        found.append(
            Figure(
                start=m.start(),
                end=unit_end,
                kind="fraction",
                value=Decimal(a),
                value_max=Decimal(high) if high is not None else None,
                total=Decimal(total),
                unit=unit,
                known_unit=known,
            )
        )
        taken.append((m.start(), unit_end))

    for m in _RANGE.finditer(folded, start, end):
        a_start = m.start("a")
        if not free(a_start, m.end()):
            continue
        low, upper = _parse(m.group("a")), _parse(m.group("b"))
        if low is None or upper is None or upper <= low:
            continue
        percent = bool(m.group("pa") or m.group("pb"))
        if not percent and (_YEAR.match(m.group("a")) or _YEAR.match(m.group("b"))):
            continue
        unit, unit_end, known = (None, m.end(), False) if percent else _unit_after(original, folded, m.end(), end)
        if _is_noise_before(folded, start, m.start(), known or percent) or (
            not percent and not known and _is_not_unit_after(folded, m.end(), end)
        ):
            taken.append((m.start(), m.end()))  # "từ 6 đến 14 tuổi": neither end is a figure
            continue
        found.append(
            Figure(
                start=a_start,
                end=unit_end,
                kind="range",
                value=low,
                value_max=upper,
                unit="%" if percent else unit,
                percent=percent,
                known_unit=known or percent,
                lead=m.start() if m.group("tu") else None,
            )
        )
        taken.append((m.start(), unit_end))

    for pattern in (_DOT_DECIMAL, _NUMBER):
        for m in pattern.finditer(folded, start, end):
            if not free(m.start(), m.end()):
                continue
            figure = _single(original, folded, m, start, end)
            if figure is not None:
                found.append(figure)
                taken.append((figure.start, figure.end))

    found.sort(key=lambda f: f.start)
    return found


def _single(original: str, folded: str, m: re.Match[str], start: int, end: int) -> Figure | None:
    raw = m.group("a")
    if m.start() > start and folded[m.start() - 1] == "(" and folded.startswith(")", m.end("a")):
        return None  # an item marker "(3)"
    value = _parse(raw)
    if value is None:
        return None
    percent = bool(m.group("p"))
    unit, unit_end, known = _unit_after(original, folded, m.end(), end)
    if _is_noise_before(folded, start, m.start(), known or percent):
        return None
    if percent:
        if _VOTE.match(folded, m.end(), end):
            return None  # "100% đại biểu có mặt tán thành": a vote, not a target
        return Figure(m.start(), m.end(), "number", value, unit="%", percent=True, known_unit=True)
    times = _TIMES.match(folded, m.end(), end)
    if times and re.search(r"gấp\s*$", folded[max(start, m.start() - 8) : m.start()]):
        return Figure(
            m.start(), times.end(), "number", value, unit=original[times.start(1) : times.end(1)], known_unit=True
        )
    if _YEAR.match(raw):
        if not known or unit in ("m", "km"):
            return None
        return Figure(m.start(), unit_end, "number", value, unit=unit, known_unit=True)
    if _is_not_unit_after(folded, m.end(), end):
        return None
    if not known and _after_proper_name(original, start, m.start()):
        return None
    if known and value == 1 and unit is not None:
        # "trên 1 ha", "/1 người": a per-unit denominator, not a figure
        head = folded[max(start, m.start() - 8) : m.start()]
        if _PER_UNIT_BEFORE.search(head) and unit.lower() in vocab.PER_UNIT_DENOMINATORS:
            return None
    return Figure(m.start(), unit_end, "number", value, unit=unit, known_unit=known)


_WORD_BEFORE = re.compile(r"(\S*)(\s+)(\w+)\s+$")


def _after_proper_name(original: str, start: int, pos: int) -> bool:
    """A capitalised word (not starting a sentence) right before the number labels it:
    "thôn Hưng Phú 1", "Trường Tiểu học Suối Mây số 2"."""
    m = _WORD_BEFORE.search(original[max(start, pos - 60) : pos])
    if m is None or not m.group(3)[0].isupper() or m.group(3).isupper():
        return False
    return not m.group(1).endswith((".", ":", ";", "(", "!", "?")) and bool(m.group(1))


def generic_unit(original: str, folded: str, figure: Figure, end: int) -> tuple[str | None, int]:
    """A plain word after a unitless figure, taken as its unit ("05 đội" → "đội")."""
    m = _GENERIC_WORD.match(folded, figure.end, end)
    if not m or m.group("u") in _CONNECTOR_WORDS or m.group("u").isdigit():
        return None, figure.end
    return original[m.start("u") : m.end("u")], m.end()
