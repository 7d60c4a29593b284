"""The entry form as CSV: the same columns as the XLSX template, for any spreadsheet or script.

Dialect: UTF-8 with a byte order mark (so Excel shows the diacritics), fields separated by
a semicolon, CRLF line ends, quotes only where needed. The semicolon is what Excel uses
as list separator under a Vietnamese locale (where the comma is the decimal mark), so a
double click opens the file in columns and "97,5" stays one field. Numbers are written
the Vietnamese way ("1.246,695"). The reader (parsing.figuresheet) accepts ";", "," and
tab, with or without the BOM.

Above the header, "label;value" lines carry the format, the plan reference and the
period code (what the hidden sheet holds in the XLSX), then the plan title and unit
for people, then one blank line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kehoach.core.entries import EntryForm, EntryRow
from kehoach.core.entrysheet import COLUMNS, ESTIMATE_MARK, FORMAT, META_LABELS, Column, Meta
from kehoach.core.numbers import format_vn_number

DELIMITER = ";"
ENCODING = "utf-8-sig"


def _cells(row: EntryRow, period_code: str) -> list[str]:
    current = row.current
    values: dict[Column, str] = {
        Column.KEY: row.target_key,
        Column.INDICATOR: row.indicator,
        Column.TARGET_TEXT: row.target_text,
        Column.UNIT_OF_MEASURE: row.unit_of_measure or "",
        Column.UNIT_CODE: row.unit_code,
        Column.UNIT_NAME: row.unit_name,
        Column.PERIOD: period_code,
    }
    if current is not None:
        for column in (Column.VALUE, Column.NUMERATOR, Column.DENOMINATOR):
            number = getattr(current, column.value)
            if number is not None:
                values[column] = format_vn_number(number)
        if current.grade is not None:
            values[Column.GRADE] = current.grade
        if current.rank is not None:
            values[Column.RANK] = str(current.rank)
        if current.estimate:
            values[Column.ESTIMATE] = ESTIMATE_MARK
        if current.note:
            values[Column.NOTE] = current.note
    return [values.get(column, "") for column in COLUMNS]


def entry_form_csv_text(form: EntryForm) -> str:
    """The CSV text of ``form`` (without the byte order mark, which the writer adds)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([META_LABELS[Meta.FORMAT], FORMAT])
    writer.writerow([META_LABELS[Meta.PLAN], form.plan_ref])
    writer.writerow([META_LABELS[Meta.PERIOD], form.period_code, form.period_label])
    writer.writerow(["Kế hoạch", form.plan_title])
    writer.writerow(["Đơn vị", form.owner_unit])
    writer.writerow([])
    writer.writerow([column.header for column in COLUMNS])
    for row in form.rows:
        writer.writerow(_cells(row, form.period_code))
    return buffer.getvalue()


def write_entry_form_csv(form: EntryForm, path: Path | str) -> None:
    """Write ``form`` as a CSV file (UTF-8 with BOM, ";")."""
    Path(path).write_text(entry_form_csv_text(form), encoding=ENCODING, newline="")
