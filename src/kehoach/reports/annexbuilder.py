"""The annex table (Phụ lục: Biểu tổng hợp kết quả thực hiện các chỉ tiêu): one row per target
under its group, with the columns of vn-conventions §2.2.

    STT | Chỉ tiêu | ĐVT | KH năm (NQ) | TH cùng kỳ | TH kỳ báo cáo | Ước TH năm | TH/KH % |
    TH/cùng kỳ % | Đánh giá | Ghi chú

"–" where a column does not apply: no figure, no TH/KH % for lower-is-better targets, ranks
and grades (DESIGN §3), no TH/cùng kỳ % without last year's figure of the same period.
Figures are rounded for reading as in ``kehoach status`` (two decimals at most, TH/KH % one);
each cell also keeps the rounded Decimal so the XLSX writes numbers, not text.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from kehoach.core.numbers import format_vn_number, normalize_decimal
from kehoach.core.observations import Figure
from kehoach.core.status import ProjectionMethod, round_half_up
from kehoach.core.targets import Comparator, Target
from kehoach.core.wording import NONE, exact_number, rounded
from kehoach.reports.facts import TargetFacts
from kehoach.reports.model import Annex, AnnexCell, AnnexColumn, AnnexRow

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
FIGURE_PLACES = 2
PCT_PLACES = 1
_PLAN_SYMBOLS = {
    Comparator.AT_LEAST: "≥ ",
    Comparator.MORE_THAN: "> ",
    Comparator.AT_MOST: "≤ ",
    Comparator.LESS_THAN: "< ",
    Comparator.EQUAL: "",
}


def unit_cell(target: Target) -> str:
    """Đơn vị tính: the target's unit; "Thứ hạng" for a ranking, "Xếp loại" for a grade."""
    if target.comparator is Comparator.RANK_TOP:
        return "Thứ hạng"
    if target.comparator is Comparator.QUALITATIVE:
        return "Xếp loại"
    return target.unit or NONE


def plan_cell(target: Target) -> str:
    """The plan value as annexes write it, without the unit: "≥ 97,5", "< 12", "6,5–7", "5/5",
    "Top 3/15", "Giảm 0,5", "Tốt"."""
    c = target.comparator
    total = f"/{exact_number(target.total)}" if target.total is not None else ""
    if c is Comparator.QUALITATIVE:
        return target.grade or "Đạt"
    if c is Comparator.RANK_TOP:
        return f"Top {exact_number(target.value)}{total}"
    if c is Comparator.RANGE:
        return f"{exact_number(target.value)}–{exact_number(target.value_max)}{total}"
    if c is Comparator.REDUCE_BY:
        return f"Giảm {exact_number(target.value)}"
    if c is Comparator.INCREASE_BY:
        return f"Tăng {exact_number(target.value)}"
    return f"{_PLAN_SYMBOLS[c]}{exact_number(target.value)}{total}"


def number_cell(value: Decimal | None, places: int = FIGURE_PLACES, suffix: str = "") -> AnnexCell:
    if value is None:
        return AnnexCell(NONE)
    shown = normalize_decimal(round_half_up(value, places))
    exponent = shown.as_tuple().exponent
    digits = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return AnnexCell(rounded(value, places) + suffix, shown, digits)


def figure_cell(figure: Figure | None, target: Target) -> AnnexCell:
    if figure is None or figure.is_empty:
        return AnnexCell(NONE)
    if figure.grade is not None:
        return AnnexCell(figure.grade)
    if figure.rank is not None:
        return AnnexCell(str(figure.rank), Decimal(figure.rank))
    return number_cell(figure.number(target.is_percent))


def pct_cell(value: Decimal | None) -> AnnexCell:
    if value is None:
        return AnnexCell(NONE)
    shown = round_half_up(value, PCT_PLACES)
    return AnnexCell(format_vn_number(shown, PCT_PLACES), shown, PCT_PLACES)  # "100,0" like "97,5"


def note(facts: TargetFacts) -> str:
    parts: list[str] = []
    evaluation = facts.evaluation
    if facts.lower_is_better and facts.target.comparator is not Comparator.RANK_TOP:
        parts.append("Chỉ tiêu càng thấp càng tốt")
    if not evaluation.coverage.complete:
        parts.append(f"{evaluation.coverage.text} đơn vị báo cáo")
    projection = evaluation.projection
    if projection is not None and projection.method is ProjectionMethod.ESTIMATE:
        parts.append("Ước của đơn vị")
    if evaluation.reason and evaluation.actual.has_data:
        parts.append(evaluation.reason[:1].upper() + evaluation.reason[1:])
    return "; ".join(parts)


def target_row(number: str, facts: TargetFacts) -> AnnexRow:
    target = facts.target
    cells = {
        AnnexColumn.UNIT: AnnexCell(unit_cell(target)),
        AnnexColumn.PLAN: AnnexCell(plan_cell(target), target.value if target.comparator is Comparator.EQUAL else None),
        AnnexColumn.PREVIOUS: figure_cell(facts.previous, target),
        AnnexColumn.ACTUAL: figure_cell(facts.actual, target),
        AnnexColumn.PROJECTED: figure_cell(facts.projected, target),
        AnnexColumn.PCT_PLAN: pct_cell(facts.evaluation.achievement_pct),
        AnnexColumn.PCT_PREVIOUS: pct_cell(facts.previous_pct),
        AnnexColumn.ASSESSMENT: AnnexCell(facts.status.label),
        AnnexColumn.NOTE: AnnexCell(note(facts)),
    }
    return AnnexRow(number, target.name, cells, key=facts.key, status=facts.status)


def row_number(key: str, siblings: int) -> str:
    """STT of a target: its indicator's number ("4"), or "5.2" when the indicator has several;
    a focus task's target: "NV 1.1" (or "NV 1.1.2")."""
    if key.startswith("T"):
        code, _, k = key[1:].rpartition(".")
        return f"NV {code}" if siblings == 1 else f"NV {code}.{k}"
    indicator, _, k = key.partition(".")
    return indicator if siblings == 1 else f"{indicator}.{k}"


def build_annex(
    groups: Sequence[tuple[str, Sequence[TargetFacts]]],
    headers: dict[AnnexColumn, str],
    subtitle: str,
) -> Annex:
    """The annex for targets already grouped and ordered (the report's group order)."""
    siblings: dict[str, int] = {}
    for _, members in groups:
        for facts in members:
            owner = facts.key.rpartition(".")[0]
            siblings[owner] = siblings.get(owner, 0) + 1
    rows: list[AnnexRow] = []
    for index, (name, members) in enumerate(groups):
        rows.append(AnnexRow(ROMAN[index] if index < len(ROMAN) else str(index + 1), name, is_group=True))
        rows.extend(target_row(row_number(f.key, siblings[f.key.rpartition(".")[0]]), f) for f in members)
    return Annex(
        label="Phụ lục",
        title="BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        subtitle=subtitle,
        headers=headers,
        rows=tuple(rows),
    )
