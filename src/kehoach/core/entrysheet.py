"""The layout of an entry sheet (biểu nhập số liệu): its columns, labels and metadata keys.

One source of truth for the two sides that must agree and may not import each other:
the XLSX/CSV writer in ``reports`` and the reader in ``parsing``. Column headers are
matched on core.text.fold, so "mã chỉ tiêu", "Mã Chỉ Tiêu" or an old tone style all name
the same column.
"""

from __future__ import annotations

from enum import StrEnum

from kehoach.core.text import fold

FORMAT = "kehoach.entryform/1"
SHEET_NAME = "Nhập liệu"  # the sheet officers fill
META_SHEET_NAME = "kehoach"  # hidden sheet with the plan reference and the period code
ESTIMATE_MARK = "x"
LOCKED_NOTE = "Kỳ đã được duyệt"


class Column(StrEnum):
    """A column of the entry sheet, in the order it is written."""

    KEY = "key"
    INDICATOR = "indicator"
    TARGET_TEXT = "target_text"
    UNIT_OF_MEASURE = "unit_of_measure"
    UNIT_CODE = "unit_code"
    UNIT_NAME = "unit_name"
    PERIOD = "period"
    VALUE = "value"
    NUMERATOR = "numerator"
    DENOMINATOR = "denominator"
    GRADE = "grade"
    RANK = "rank"
    ESTIMATE = "estimate"
    NOTE = "note"

    @property
    def header(self) -> str:
        return HEADERS[self]


HEADERS: dict[Column, str] = {
    Column.KEY: "Mã chỉ tiêu",
    Column.INDICATOR: "Chỉ tiêu",
    Column.TARGET_TEXT: "Chỉ tiêu NQ",
    Column.UNIT_OF_MEASURE: "ĐVT",
    Column.UNIT_CODE: "Mã đơn vị",
    Column.UNIT_NAME: "Đơn vị",
    Column.PERIOD: "Kỳ",
    Column.VALUE: "Giá trị",
    Column.NUMERATOR: "Tử số",
    Column.DENOMINATOR: "Mẫu số",
    Column.GRADE: "Xếp loại",
    Column.RANK: "Thứ hạng",
    Column.ESTIMATE: "Ước cả năm (x)",
    Column.NOTE: "Ghi chú",
}
COLUMNS: tuple[Column, ...] = tuple(Column)

# Columns a file must have; the others are for people (identity) or optional.
REQUIRED: frozenset[Column] = frozenset({Column.KEY, Column.UNIT_CODE, Column.PERIOD})
# What an officer types: everything else is the row's identity, written by the template.
ENTRY_COLUMNS: frozenset[Column] = frozenset(
    {
        Column.VALUE,
        Column.NUMERATOR,
        Column.DENOMINATOR,
        Column.GRADE,
        Column.RANK,
        Column.ESTIMATE,
        Column.NOTE,
    }
)
# The columns holding the figure itself (a row without any of them is skipped).
FIGURE_COLUMNS: frozenset[Column] = frozenset(
    {Column.VALUE, Column.NUMERATOR, Column.DENOMINATOR, Column.GRADE, Column.RANK}
)

# Other headers people write for the same columns.
_ALIASES: dict[str, Column] = {
    "mã": Column.KEY,
    "mã số chỉ tiêu": Column.KEY,
    "chỉ tiêu theo nghị quyết": Column.TARGET_TEXT,
    "đơn vị tính": Column.UNIT_OF_MEASURE,
    "mã đvị": Column.UNIT_CODE,
    "kỳ báo cáo": Column.PERIOD,
    "mã kỳ": Column.PERIOD,
    "giá trị thực hiện": Column.VALUE,
    "thực hiện": Column.VALUE,
    "mức đánh giá": Column.GRADE,
    "đánh giá": Column.GRADE,
    "xếp hạng": Column.RANK,
    "ước cả năm": Column.ESTIMATE,
    "ước": Column.ESTIMATE,
    "ước thực hiện cả năm": Column.ESTIMATE,
}


def _key(text: str) -> str:
    return " ".join(fold(text).split())


_BY_HEADER: dict[str, Column] = {_key(h): c for c, h in HEADERS.items()} | {_key(a): c for a, c in _ALIASES.items()}


def column_for_header(text: str) -> Column | None:
    """The column a header names (any case, spacing or tone style), or None."""
    return _BY_HEADER.get(_key(text))


# Metadata: the hidden sheet of an XLSX holds "key | value" rows; a CSV starts with the
# same rows (label first) above its header. Labels are what people see.
class Meta(StrEnum):
    FORMAT = "format"
    PLAN = "plan"
    PERIOD = "period"


META_LABELS: dict[Meta, str] = {
    Meta.FORMAT: "Định dạng",
    Meta.PLAN: "Mã kế hoạch",
    Meta.PERIOD: "Mã kỳ",
}
_META_BY_LABEL = {_key(label): meta for meta, label in META_LABELS.items()} | {m.value: m for m in Meta}


def meta_for_label(text: str) -> Meta | None:
    """The metadata key a label names (``"Mã kế hoạch"`` or ``"plan"``), or None."""
    return _META_BY_LABEL.get(_key(text.rstrip(":")))


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 1-based column index: 1 → A, 27 → AA."""
    if index < 1:
        raise ValueError(f"column index {index} < 1")
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_location(container: str, row: int, column: int | None = None, header: str | None = None) -> str:
    """ "Trang tính “Nhập liệu”, dòng 9, cột H (Giá trị)"; ``container`` is "Trang tính “…”" or "Tệp “…”"."""
    text = f"{container}, dòng {row}"
    if column is not None:
        text += f", cột {column_letter(column)}"
        if header:
            text += f" ({header})"
    return text


def sheet_container(name: str) -> str:
    return f"Trang tính “{name}”"


def file_container(name: str) -> str:
    return f"Tệp “{name}”"
