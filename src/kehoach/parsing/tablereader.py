"""Indicator tables in the body or an appendix: one indicator per row, targets from the plan
column only (see :mod:`kehoach.parsing.tables` for the layout rules)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach.core.targets import Comparator, Target
from kehoach.parsing import sections
from kehoach.parsing.grammar import ClauseContext, extract
from kehoach.parsing.measurement import basis_for, direction_for, measurement_for
from kehoach.parsing.outline import Line
from kehoach.parsing.sections import group_label
from kehoach.parsing.tables import is_header, layout, row_kind, split_row

if TYPE_CHECKING:
    from kehoach.parsing.builder import Builder


def read_table(b: Builder, rows: list[Line], groups: list[str] | None, kind: str | None) -> None:
    parsed = [split_row(b.line_text(r), r.start) for r in rows if r.style == "table"]
    if len(parsed) < 2:
        # a lone "a | b" line is not a table ("Ngày đăng: … | Lượt xem: …")
        if kind == sections.INDICATORS:
            for r in rows:
                if r.style == "table":
                    b.indicator_content(r.start, r.end, groups, code=None, chain=True)
        return
    header = parsed[0] if is_header(parsed[0]) else None
    body = parsed[1:] if header else parsed
    width = max(len(r.cells) for r in parsed)
    lay = layout(header, width, b.plan_year)
    if lay is None:
        return  # a table of another year's results, not of the plan
    current = groups
    before = len(b.indicators)
    for row in body:
        kind = row_kind(row, lay)
        if kind == "group":
            name_cell = row.cells[lay.name] if lay.name < len(row.cells) else None
            label = name_cell.text if name_cell else ""
            current = group_label(label) or current
            continue
        if kind != "indicator":
            continue
        name = row.cells[lay.name].text
        unit_text = row.cells[lay.unit].text if lay.unit is not None and lay.unit < len(row.cells) else ""
        cell = row.cells[lay.plan]
        result = extract(b.text, b.folded, cell.start, cell.end, ClauseContext(b.plan_year, "cell", name_hint=name))
        targets = []
        for t in result.targets:
            if t.comparator is Comparator.QUALITATIVE:
                targets.append(t.with_changes(name=name, text=b.text[row.start : row.end], span=(row.start, row.end)))
                continue
            unit = t.unit
            if unit_text and (unit is None or unit == cell.text):
                unit = unit_text
            if unit_text.strip() == "%" and t.unit is None:
                unit = "%"
            targets.append(
                t.with_changes(
                    name=name,
                    unit=unit,
                    text=b.text[row.start : row.end],
                    span=(row.start, row.end),
                )
            )
        targets = [remeasure(t) for t in targets]
        stt = row.cells[lay.stt].text if lay.stt is not None and lay.stt < len(row.cells) else None
        b.add_indicator(row.start, row.end, targets, result.warnings, current, stt)
    if len(b.indicators) > before:
        b.found_indicator_section = True


# ------------------------------------------------------------ tasks and solutions


def remeasure(t: Target) -> Target:

    over_units, over_time = measurement_for(t.comparator, t.unit, t.name, t.total is not None, t.text)
    return t.with_changes(
        direction=direction_for(t.comparator, t.name),
        basis=basis_for(t.comparator, t.unit, t.name),
        over_units=over_units,
        over_time=over_time,
    )
