from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from kehoach.core.entries import EntryForm, EntryKind, EntryRow, FigureEntry
from kehoach.core.entrysheet import COLUMNS
from kehoach.reports.entrycsv import entry_form_csv_text, write_entry_form_csv


def test_the_file_is_utf8_with_a_bom_and_semicolons(entry_form: EntryForm, tmp_path: Path) -> None:
    path = tmp_path / "bieu.csv"
    write_entry_form_csv(entry_form, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == ["Định dạng", "kehoach.entryform/1"]
    assert rows[1] == ["Mã kế hoạch", "3"]
    assert rows[2] == ["Mã kỳ", "2024-H1", "6 tháng đầu năm 2024"]
    header_at = rows.index([c.header for c in COLUMNS])
    assert rows[header_at - 1] == []
    body = rows[header_at + 1 :]
    assert [r[0] for r in body] == ["4.1", "5.2", "11.1", "T1.1.1"]
    assert all(len(r) == len(COLUMNS) for r in body)


def test_numbers_are_written_the_vietnamese_way() -> None:
    form = EntryForm(
        "7",
        "NQ",
        "Phường 1",
        "2024-Q1",
        "Quý I năm 2024",
        [
            EntryRow(
                "1.1",
                "1",
                "Thu ngân sách",
                "%",
                EntryKind.RATIO,
                "P1",
                "Phường 1",
                current=FigureEntry(
                    "1.1", "P1", "2024-Q1", Decimal("97.5"), Decimal("1246.695"), Decimal("1280"), estimate=True
                ),
            )
        ],
    )
    last = list(csv.reader(io.StringIO(entry_form_csv_text(form), newline=""), delimiter=";"))[-1]
    assert last[7:10] == ["97,5", "1.246,695", "1.280"]
    assert last[12] == "x"
