"""The .docx model (:mod:`.docx_walk`) as text.

* One paragraph per block, blocks separated by a blank line; empty paragraphs skipped.
* A run-in heading — a paragraph that opens (after its list label) with italic or bold
  text ending in ":" followed by ordinary text — is wrapped in asterisks:
  "2.1. *Chỉ tiêu về kinh tế:* Thu ngân sách …". A paragraph that is emphasized as a
  whole is left alone ("NGHỊ QUYẾT", "QUYẾT NGHỊ:"), except an italic list item that
  ends in ":" ("- *Về phát triển kinh tế:*"), a heading of the following paragraphs.
* A data table is one line per row, cells joined by " | "; a merged cell appears once
  (horizontally) or empty below its first row (vertically).
* A letterhead/signature table (:mod:`.letterhead`) is read cell by cell as paragraphs,
  the lines of one cell joined by "\\n".
* Footnotes: "[n]" where referenced, and after the body a line of underscores followed
  by "[n] text" lines (the convention of the corpus).
"""

from __future__ import annotations

import re

from kehoach.parsing.readers.docx_walk import Block, Para, Table
from kehoach.parsing.readers.letterhead import is_layout_table

FOOTNOTE_RULE = "_" * 22

# A list label typed by hand: "2.1.", "1)", "a)", "(3)", "IV.", "-", "+", "•".
_MANUAL_LABEL = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|\d+\)|[a-zđ]\)|\(\d+\)|[IVXLC]+\.|[-+•–])\s+")


def render_blocks(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            text = render_paragraph(block, run_in=True).strip()
            if text:
                out.append(text)
        elif _is_layout(block):
            out += _layout_blocks(block)
        else:
            lines = [_row_line(row) for row in block.rows]
            lines = [line for line in lines if line]
            if lines:
                out.append("\n".join(lines))
    return out


def render_paragraph(para: Para, *, run_in: bool) -> str:
    if run_in:
        heading = _run_in_heading(para)
        if heading is not None:
            return heading
    return para.text


def render_notes(notes: list[tuple[int, list[Block]]]) -> str:
    lines = []
    for number, blocks in notes:
        parts = [render_paragraph(b, run_in=False) for b in blocks if isinstance(b, Para)]
        text = " ".join(" ".join(parts).split())
        lines.append(f"[{number}] {text}".rstrip())
    return "\n".join([FOOTNOTE_RULE, *lines])


# --- run-in headings ---------------------------------------------------------------------------


def _run_in_heading(para: Para) -> str | None:
    full = "".join(s.text for s in para.segments)
    label = _MANUAL_LABEL.match(full)
    start = label.end() if label else len(full) - len(full.lstrip())
    has_label = bool(para.marker or label)
    offset = 0
    prefix_end = start
    italic_only = True
    emphasized_seen = False
    for segment in para.segments:
        seg_start, seg_end = offset, offset + len(segment.text)
        offset = seg_end
        if seg_end <= start:
            continue
        if segment.note or not segment.text.strip():
            if seg_start <= prefix_end:
                prefix_end = seg_end  # neutral: footnote marks and white space
            continue
        if not (segment.italic or segment.bold):
            break
        if seg_start > prefix_end:
            break
        emphasized_seen = True
        italic_only = italic_only and segment.italic
        prefix_end = seg_end
    if not emphasized_seen:
        return None
    prefix, rest = full[start:prefix_end], full[prefix_end:]
    heading = prefix.strip()
    if not heading or "\n" in heading:
        return None
    if rest.strip():
        if rest.lstrip(" \t").startswith("\n"):
            return None
        if heading.endswith(":"):
            rest = rest.lstrip()
        elif rest.lstrip().startswith(":"):
            heading += ":"
            rest = rest.lstrip()[1:].lstrip()
        else:
            return None
    elif not (heading.endswith(":") and italic_only and has_label):
        return None
    return para.marker + full[:start] + f"*{heading}*" + (f" {rest}" if rest else "")


# --- tables ------------------------------------------------------------------------------------


def _cell_text(blocks: list[Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            parts.append(block.text)
        else:
            parts += [_row_line(row) for row in block.rows]
    return " ".join(" ".join(parts).split())


def _row_line(row: list[list[Block] | None]) -> str:
    cells = [_cell_text(cell) if cell is not None else "" for cell in row]
    if not any(cells):
        return ""
    line = cells[0]
    for cell in cells[1:]:
        line += " |" + (f" {cell}" if cell else "")
    return line.strip()


def _is_layout(table: Table) -> bool:
    texts = [[_cell_text(cell) if cell is not None else "" for cell in row] for row in table.rows]
    return is_layout_table(texts)


def _layout_blocks(table: Table) -> list[str]:
    out: list[str] = []
    for row in table.rows:
        for cell in row:
            if cell is None:
                continue
            lines: list[str] = []
            for block in cell:
                if isinstance(block, Para):
                    text = render_paragraph(block, run_in=False).strip()
                    if text:
                        lines.append(text)
                    continue
                if lines:
                    out.append("\n".join(lines))
                    lines = []
                out += render_blocks([block])
            if lines:
                out.append("\n".join(lines))
    return out
