"""The cells of the entry grid: form field names, what an officer typed, and the checks
made while typing (the full checks run in services when the figures are saved)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kehoach.core.entries import EntryKind, EntryRow, FigureEntry
from kehoach.core.numbers import NumberFormatError, format_vn_number, parse_vn_number
from kehoach.core.text import fold

FIELDS = ("gt", "ts", "ms", "xl", "xh", "gc")  # value, numerator, denominator, grade, rank, note


def row_id(row: EntryRow) -> str:
    return f"{row.target_key}|{row.unit_code}"


def split_row_id(rid: str) -> tuple[str, str]:
    key, _, unit = rid.partition("|")
    return key, unit


def _text(value: Decimal | None) -> str:
    return "" if value is None else format_vn_number(value)


@dataclass
class Cell:
    """One row of the grid as shown: the typed (or stored) texts and the problems found."""

    row: EntryRow
    number: int
    typed: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    saved: bool = False

    @property
    def rid(self) -> str:
        return row_id(self.row)

    def text(self, name: str) -> str:
        return self.typed.get(name, "")


def stored_texts(row: EntryRow) -> dict[str, str]:
    current = row.current
    if current is None:
        return {}
    return {
        "gt": _text(current.value) if current.numerator is None else "",
        "ts": _text(current.numerator),
        "ms": _text(current.denominator),
        "xl": current.grade or "",
        "xh": "" if current.rank is None else str(current.rank),
        "gc": current.note or "",
    }


def typed_texts(form: Mapping[str, str], rid: str) -> dict[str, str]:
    return {name: str(form.get(f"{name}:{rid}", "")).strip() for name in FIELDS}


def _number(text: str, label: str, errors: list[str]) -> Decimal | None:
    if not text:
        return None
    try:
        value = parse_vn_number(text.rstrip("%").strip())
    except NumberFormatError as exc:
        errors.append(f"{label}: {exc}")
        return None
    if value < 0:
        errors.append(f"{label} không được âm")
    return value


def check(
    kind: EntryKind, typed: Mapping[str, str], grades: tuple[str, ...] = ()
) -> tuple[dict[str, object], list[str]]:
    """The figure typed in a row, or the Vietnamese problems with it."""
    errors: list[str] = []
    parts: dict[str, object] = {}
    if kind is EntryKind.GRADE:
        grade = typed.get("xl", "")
        if grade:
            known = {fold(g): g for g in grades}
            if grades and fold(grade) not in known:
                errors.append(f"mức đánh giá '{grade}' không có trong danh sách ({', '.join(grades)})")
            else:
                parts["grade"] = known.get(fold(grade), grade)
    elif kind is EntryKind.RANK:
        rank = typed.get("xh", "")
        if rank:
            if not rank.isdigit() or int(rank) < 1:
                errors.append(f"thứ hạng '{rank}' phải là số nguyên dương (1, 2, 3 …)")
            else:
                parts["rank"] = int(rank)
    elif kind is EntryKind.RATIO:
        numerator = _number(typed.get("ts", ""), "Tử số", errors)
        denominator = _number(typed.get("ms", ""), "Mẫu số", errors)
        value = _number(typed.get("gt", ""), "Giá trị", errors)
        if not errors:
            if (numerator is None) != (denominator is None):
                errors.append("cần nhập cả tử số và mẫu số" if value is None else "nhập tỷ lệ, hoặc cả tử số và mẫu số")
            elif denominator is not None and denominator == 0:
                errors.append("mẫu số phải lớn hơn 0")
            elif numerator is not None and denominator is not None and numerator > denominator:
                errors.append("tử số không được lớn hơn mẫu số")
        parts.update(value=value, numerator=numerator, denominator=denominator)
    else:
        parts["value"] = _number(typed.get("gt", ""), "Giá trị", errors)
    return {k: v for k, v in parts.items() if v is not None}, errors


def entry(rid: str, period_code: str, parts: Mapping[str, object], note: str | None) -> FigureEntry:
    """The figure of row ``rid`` (its location, so problems come back to the row)."""
    key, unit_code = split_row_id(rid)
    return FigureEntry(
        key,
        unit_code,
        period_code,
        value=parts.get("value"),  # type: ignore[arg-type]
        numerator=parts.get("numerator"),  # type: ignore[arg-type]
        denominator=parts.get("denominator"),  # type: ignore[arg-type]
        grade=parts.get("grade"),  # type: ignore[arg-type]
        rank=parts.get("rank"),  # type: ignore[arg-type]
        note=note,
        location=rid,
    )
