"""Words the pages need beyond core.wording (which writes targets and figures the same way on
every surface): the labels of comparators and measurement rules in the forms, and a figure
as a chart point."""

from __future__ import annotations

from kehoach.core.observations import Figure
from kehoach.core.status import round_half_up
from kehoach.core.targets import Comparator, OverTime, OverUnits, Target

COMPARATOR_LABELS = {
    Comparator.AT_LEAST: "≥ từ … trở lên, đạt …",
    Comparator.MORE_THAN: "> trên …",
    Comparator.AT_MOST: "≤ còn …, không quá …",
    Comparator.LESS_THAN: "< dưới …",
    Comparator.EQUAL: "= bằng, duy trì …",
    Comparator.RANGE: "khoảng từ … đến …",
    Comparator.REDUCE_BY: "giảm …",
    Comparator.INCREASE_BY: "tăng thêm …",
    Comparator.RANK_TOP: "xếp hạng trong top …",
    Comparator.QUALITATIVE: "định tính (xếp loại)",
}

OVER_UNITS_LABELS = {
    OverUnits.SUM: "Cộng số của các đơn vị",
    OverUnits.RATIO: "Tỷ lệ: cộng tử số và mẫu số rồi chia",
    OverUnits.UNITS_MEETING: "Đếm số đơn vị đạt",
    OverUnits.UNIT_ONLY: "Riêng số của đơn vị",
}

OVER_TIME_LABELS = {
    OverTime.CUMULATIVE: "Lũy kế (cộng các kỳ)",
    OverTime.LATEST: "Số mới nhất",
}

DIRECTION_LABELS = {"higher": "Càng cao càng tốt", "lower": "Càng thấp càng tốt"}


def chart_number(figure: Figure | None, target: Target) -> float | None:
    """A figure as a chart point (charts draw floats; the tables keep the exact text)."""
    if figure is None or figure.is_empty:
        return None
    if figure.rank is not None:
        return float(figure.rank)
    number = figure.number(target.is_percent)
    return None if number is None else float(round_half_up(number, 4))
