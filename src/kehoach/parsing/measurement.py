"""The parser's proposals for how a target is measured: direction, over units, over time,
change basis and required grade (DESIGN §3). Officers can change them later."""

from __future__ import annotations

from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits
from kehoach.core.text import fold
from kehoach.parsing import vocab

_SUB_UNITS = ("khóm", "ấp", "thôn", "bản", "tổ dân phố", "khu phố", "xã", "phường", "thị trấn", "tổ", "làng")
_RATE_HEADS = ("tỷ lệ", "tỷ suất", "mức", "tốc độ", "chỉ số", "hệ số", "cơ cấu")
_PER_CAPITA = ("bình quân", "đầu người", "/người", "trên một vạn", "/vạn", "vạn dân", "năng suất", "/ha")
_OF_ASSIGNED = ("chỉ tiêu", "dự toán", "kế hoạch")


def direction_for(comparator: Comparator, name: str) -> Direction:
    if comparator in (Comparator.LESS_THAN, Comparator.AT_MOST, Comparator.REDUCE_BY, Comparator.RANK_TOP):
        return Direction.LOWER
    if comparator in (Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.INCREASE_BY):
        return Direction.HIGHER
    key = fold(name)
    if any(word in key for word in vocab.LOWER_IS_BETTER):
        return Direction.LOWER
    return Direction.HIGHER


def is_rate(name: str) -> bool:
    return fold(name).strip().startswith(_RATE_HEADS)


def basis_for(comparator: Comparator, unit: str | None, name: str) -> ChangeBasis | None:
    if comparator not in (Comparator.REDUCE_BY, Comparator.INCREASE_BY):
        return None
    if unit == "%" and not is_rate(name):
        return ChangeBasis.RELATIVE
    return ChangeBasis.POINTS


def measurement_for(
    comparator: Comparator, unit: str | None, name: str, total_given: bool, text: str
) -> tuple[OverUnits, OverTime]:
    key = fold(name)
    unit_key = fold(unit or "")
    context = fold(text)
    if comparator in (Comparator.QUALITATIVE, Comparator.RANK_TOP):
        return OverUnits.UNIT_ONLY, OverTime.LATEST
    if total_given and unit_key in _SUB_UNITS:
        return OverUnits.UNITS_MEETING, OverTime.LATEST
    if unit == "%":
        if comparator in (Comparator.REDUCE_BY, Comparator.INCREASE_BY):
            return OverUnits.UNIT_ONLY, OverTime.LATEST
        if not key.startswith(_RATE_HEADS) and any(f"% {w}" in context for w in _OF_ASSIGNED):
            return OverUnits.RATIO, OverTime.CUMULATIVE
        if any(key.startswith(u) for u in _SUB_UNITS):
            return OverUnits.UNITS_MEETING, OverTime.LATEST
        if key.startswith(("tốc độ", "cơ cấu", "chỉ số")) or "tăng" in context.split("%")[0][-12:]:
            return OverUnits.UNIT_ONLY, OverTime.LATEST
        return OverUnits.RATIO, OverTime.LATEST
    if any(word in key or word in unit_key for word in _PER_CAPITA):
        return OverUnits.UNIT_ONLY, OverTime.LATEST
    if comparator is Comparator.REDUCE_BY:
        return OverUnits.SUM, OverTime.CUMULATIVE
    return OverUnits.SUM, OverTime.CUMULATIVE


def grade_for(text: str) -> str:
    key = fold(text)
    if "hoàn thành xuất sắc" in key:
        return "Hoàn thành xuất sắc"
    if "hoàn thành tốt" in key:
        return "Hoàn thành tốt"
    cue = next((c for c in ("xếp loại", "đạt loại", "đánh giá") if c in key), None)
    if cue is not None:
        after = key.split(cue, 1)[1]
        for word, label in vocab.GRADE_WORDS:
            if after.strip().startswith(word) or f" {word}" in after[:20]:
                return label
    return "Đạt"
