"""Next year's targets for a draft resolution: this year's wording with each target's value
left blank ("…") for the officers, or proposed from this year's results and marked
"(đề xuất)".

The proposal: the year-end projection of this year (the officers' estimate, else the year
to date extrapolated, else the latest rate) when it is better than this year's target, else
this year's target — a plan should not fall below what the ward already does. Counts are
rounded to whole numbers, rates and amounts to one decimal, towards this year's result (down
for higher-is-better, up for lower-is-better targets, so the result already meets it); a
share ("tỷ lệ …", a ratio) never above 100%, a count of units never above their total; a
target of 100% or more of a percentage ("đạt 100% chỉ tiêu") stays as it is. Ranges, reductions,
increases, ranks and grades get no proposal (their value is a choice, not a trend): blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from kehoach.core.numbers import NumberFormatError, format_vn_number, normalize_decimal, parse_vn_number
from kehoach.core.targets import Comparator, Direction, OverUnits, Target
from kehoach.core.text import fold
from kehoach.reports.facts import TargetFacts

BLANK_VALUE = "…"
PROPOSED = "(đề xuất)"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PROPOSABLE = (Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.AT_MOST, Comparator.LESS_THAN, Comparator.EQUAL)


def _is_share(target: Target) -> bool:
    return target.is_percent and (target.over_units is OverUnits.RATIO or fold(target.name).startswith("tỷ lệ"))


def propose(facts: TargetFacts) -> Decimal | None:
    """A value for next year's target, or None to leave it to the officers."""
    target = facts.target
    if target.comparator not in _PROPOSABLE or target.value is None:
        return None
    projected = facts.projected
    figure = None if projected is None else projected.number(target.is_percent)
    if figure is None:
        return None
    if target.is_percent and target.value >= 100:
        return target.value  # "đạt 100%": already the whole
    lower = target.direction is Direction.LOWER
    better = min(figure, target.value) if lower else max(figure, target.value)
    places = 1 if target.is_percent or not _whole(target.value) else 0
    # Rounded towards this year's result, so what is done already meets the proposal.
    value = normalize_decimal(better.quantize(Decimal(1).scaleb(-places), ROUND_CEILING if lower else ROUND_FLOOR))
    if _is_share(target):
        value = min(value, Decimal(100))
    if target.total is not None:
        value = min(value, target.total)
    return value


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def _value_at(text: str, start: int, wanted: Decimal) -> re.Match[str] | None:
    for match in _NUMBER.finditer(text, start):
        try:
            if parse_vn_number(match.group(), allow_dot_decimal=False) == wanted:
                return match
        except NumberFormatError:
            continue
    return None


def _unit_end(text: str, end: int, target: Target) -> int:
    """Where the value's total and unit end right after it ("97,5%", "275 lao động", "5/5 khóm")."""
    total = re.match(r"/\d+", text[end:])
    if total:
        end += total.end()
    unit = (target.unit or "").strip()
    if not unit:
        return end
    if text.startswith(unit, end):
        return end + len(unit)
    if text.startswith(" " + unit, end):
        return end + 1 + len(unit)
    return end


def mark_values(text: str, targets: Sequence[Target], values: Sequence[Decimal | None]) -> str:
    """``text`` with each target's value replaced by ``…`` (None) or by the proposed value and
    "(đề xuất)" after its unit. Targets are found in order; a value not found is left alone."""
    out: list[str] = []
    cursor = 0
    folded = fold(text)
    for target, proposal in zip(targets, values, strict=True):
        if target.value is None or target.comparator is Comparator.QUALITATIVE:
            continue
        clause = folded.find(fold(target.text), cursor) if target.text else -1
        start = clause if clause >= 0 else cursor
        match = _value_at(text, start, target.value)
        if match is None:
            continue
        out.append(text[cursor : match.start()])
        if proposal is None:
            out.append(BLANK_VALUE)
            cursor = match.end()
        else:
            end = _unit_end(text, match.end(), target)
            out.append(_as_written(proposal, match.group()) + text[match.end() : end] + f" {PROPOSED}")
            cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _as_written(value: Decimal, original: str) -> str:
    """The proposal written like the value it replaces: "08" stays two digits."""
    if original.startswith("0") and len(original) == 2 and _whole(value) and 0 <= value < 10:
        return f"{int(value):02d}"
    return format_vn_number(value)


def shift_years(text: str, year: int, by: int = 1) -> str:
    """The plan year ``year`` and the one before move on by ``by`` years: "năm 2024" → "năm 2025"
    (a goal "đến năm 2030" is left alone)."""
    return re.sub(
        rf"\b(năm\s+)({year}|{year - 1})\b",
        lambda m: m.group(1) + str(int(m.group(2)) + by),
        text,
    )
