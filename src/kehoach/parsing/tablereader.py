"""Indicator tables in the body or an appendix: one indicator per row, targets from the plan
column only (see :mod:`kehoach.parsing.tables` for the layout rules)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kehoach.core.plan import ParseWarning
from kehoach.core.targets import Comparator, Target
from kehoach.parsing import sections
from kehoach.parsing.grammar import extract
from kehoach.parsing.measurement import basis_for, direction_for, measurement_for
from kehoach.parsing.outline import Line
from kehoach.parsing.sections import group_label
from kehoach.parsing.tables import (
    Row,
    TableLayout,
    column_starts,
    is_header,
    layout,
    merge_header,
    row_kind,
    split_row,
)

if TYPE_CHECKING:
    from kehoach.parsing.builder import Builder


def read_table(b: Builder, rows: list[Line], groups: list[str] | None, kind: str | None) -> None:
    lines = [r for r in rows if r.style == "table"]
    aligned = all("|" not in b.line_text(r) and "\t" not in b.line_text(r) for r in lines)
    columns = None
    if aligned and lines:
        first = split_row(b.line_text(lines[0]), lines[0].start)
        if is_header(first):
            columns = column_starts(b.line_text(lines[0]))
    parsed = [split_row(b.line_text(r), r.start, columns) for r in lines]
    if len(parsed) < 2:
        # a lone "a | b" line is not a table ("Ngày đăng: … | Lượt xem: …")
        if kind == sections.INDICATORS:
            for r in lines:
                b.indicator_content(r.start, r.end, groups, code=None, chain=True)
        return
    header = parsed[0] if is_header(parsed[0]) else None
    body = parsed[1:] if header else parsed
    if header is not None:
        header, used = merge_header(header, body)
        body = body[used:]
    width = max(len(r.cells) for r in parsed)
    lay = layout(header, width, b.plan_year)
    if lay is None:
        return  # a table of another year's results, not of the plan
    current = groups
    before = len(b.indicators)
    for row in body:
        row_type = row_kind(row, lay)
        if row_type == "group":
            name_cell = row.cells[lay.name] if lay.name < len(row.cells) else None
            current = group_label(name_cell.text if name_cell else "") or current
            continue
        if row_type != "indicator":
            continue
        targets, warnings = _row_targets(b, row, lay)
        stt = row.cells[lay.stt].text if lay.stt is not None and lay.stt < len(row.cells) else None
        b.add_indicator(row.start, row.end, targets, warnings, current, stt)
    if len(b.indicators) > before:
        b.found_indicator_section = True


_SLASH = re.compile(r"\s+/\s+")
_DASH = re.compile(r"\s+[-–]\s+")  # "32,5 - 39,3 - 28,2": three shares, not a range


def _parts(text: str, count: int) -> list[str] | None:
    """ "NLTS / CN - XD / DV" split to match ``count`` figures; a shared stem before a colon
    is kept on every part."""
    stem = ""
    body = text
    if ":" in text:
        stem, body = text.split(":", 1)
        stem = stem.strip() + ": "
    pieces = [p.strip() for p in _SLASH.split(body.strip())] if " / " in body else [p.strip() for p in body.split("/")]
    if len(pieces) != count:
        return None
    out = []
    for i, piece in enumerate(pieces):
        if i and piece[:1].islower() and not stem:
            piece = f"{pieces[0]} {piece}"
        out.append(stem + piece)
    return out


def _row_targets(b: Builder, row: Row, lay: TableLayout) -> tuple[list[Target], list[ParseWarning]]:
    targets, warnings = _cell_targets(b, row, lay, lay.plan)
    if lay.stretch is not None and lay.stretch < len(row.cells):
        # "Phấn đấu": a bare figure there is a floor to strive for, not a plain value
        more, more_warnings = _cell_targets(b, row, lay, lay.stretch)
        targets += [
            t.with_changes(comparator=Comparator.AT_LEAST) if t.comparator is Comparator.EQUAL else t for t in more
        ]
        warnings += more_warnings
    return [remeasure(t) for t in targets], warnings


def _cell_targets(b: Builder, row: Row, lay: TableLayout, column: int) -> tuple[list[Target], list[ParseWarning]]:
    name = row.cells[lay.name].text
    unit_text = row.cells[lay.unit].text if lay.unit is not None and lay.unit < len(row.cells) else ""
    cell = row.cells[column]
    # "17,5 / 36,2 / 40,1" or "≥ 95 / 100": one target per figure, each with its part of the name
    spans = [(cell.start, cell.end)]
    splitter = _SLASH if _SLASH.search(cell.text) else (_DASH if len(_DASH.split(cell.text)) >= 3 else None)
    if splitter is not None and all(re.search(r"\d", p) for p in splitter.split(cell.text)):
        spans = []
        pos = cell.start
        for piece in splitter.split(cell.text):
            at = b.text.index(piece, pos, cell.end)
            spans.append((at, at + len(piece)))
            pos = at + len(piece)
    names = _parts(name, len(spans)) or [name] * len(spans)
    units = _parts(unit_text, len(spans)) if unit_text and len(spans) > 1 else None
    units = units or [unit_text] * len(spans)
    targets: list[Target] = []
    warnings: list[ParseWarning] = []
    row_text, row_span = b.text[row.start : row.end], (row.start, row.end)
    for (a, z), part_name, part_unit in zip(spans, names, units, strict=True):
        result = extract(b.text, b.folded, a, z, b.context("cell", part_name))
        warnings.extend(result.warnings)
        for t in result.targets:
            if t.comparator is Comparator.QUALITATIVE:
                targets.append(t.with_changes(name=part_name, text=row_text, span=row_span))
                continue
            unit = t.unit
            if part_unit and (unit is None or unit == cell.text):
                unit = part_unit
            if part_unit.strip() == "%" and t.unit is None:
                unit = "%"
            changed = t.with_changes(name=part_name, unit=unit, text=row_text, span=row_span)
            targets.append(changed)
    return targets, warnings


def remeasure(t: Target) -> Target:
    """Direction and measurement rules again, once the row's name and unit are known."""
    over_units, over_time = measurement_for(t.comparator, t.unit, t.name, t.total is not None, t.text)
    return t.with_changes(
        direction=direction_for(t.comparator, t.name),
        basis=basis_for(t.comparator, t.unit, t.name),
        over_units=over_units,
        over_time=over_time,
    )
