"""Resolution text → Plan: zones (header, body, closing, appendix, footnotes), the outline
tree, section kinds, then tasks, indicators and solutions with their targets.

:func:`parse_resolution` never raises: whatever the input, it returns a Plan, with warnings
for what it could not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.core.plan import Indicator, ParseWarning, Plan, Solution, Task
from kehoach.core.targets import Comparator, Target
from kehoach.core.text import fold, nfc
from kehoach.parsing import sections
from kehoach.parsing.grammar import ClauseContext, extract, split_clauses
from kehoach.parsing.metadata import read_metadata, read_signer
from kehoach.parsing.outline import Line, Node, build_tree, split_lines
from kehoach.parsing.sections import group_by_content, group_label, section_kind, split_label
from kehoach.parsing.tables import is_header, layout, row_kind, split_row

# superscript footnote markers ("đạt 85%⁵") read as spaces when matching; the text keeps them
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "          ")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_INLINE_ITEM = re.compile(r"(?:^|(?<=[;.:,])\s*|(?<=\s))\((\d{1,2})\)\s*(?=\S)")


_LIST_START = re.compile(r"[ ]*(?:\d{1,2}(?:\.\d{1,2})*[.)]\s|\(\d{1,2}\)|[a-zđ]\)\s|[-+*•–]\s)")


def _continues(line: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the sentence of ``line`` (a hard-wrapped copy)."""
    end, first = line.rstrip()[-1:], nxt.lstrip()[:1]
    if not end or not first or "|" in line or "|" in nxt or _LIST_START.match(nxt):
        return False
    if end == ":":
        return first.isdigit()  # "… chứng chỉ:" / "28,5%."
    if end in ".;!?…":
        return False
    return first.islower() or first.isdigit() or first in '(“"'


def _reflow(text: str) -> str:
    """Join hard-wrapped lines (a copy from a PDF or an e-mail): a line that does not end a
    sentence and is followed by a line starting in lower case continues on it. The newline
    becomes a space, so offsets do not move."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 < len(lines):
            out.append(" " if line.strip() and _continues(line, lines[i + 1]) else "\n")
    return "".join(out)


def normalize(text: str) -> str:
    """The text spans refer to: NFC, "\\n" line ends, control characters as spaces, hard-wrapped
    lines joined."""
    t = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    return _reflow(_CONTROL.sub(" ", t))


@dataclass
class _Zones:
    header_end: int
    body: list[Line]
    appendix: list[Line]
    closing_found: bool
    footnotes_found: bool


def _zones(text: str, lines: list[Line]) -> _Zones:
    folded_lines = [fold(text[ln.start : ln.end]).strip() for ln in lines]
    header_idx = 0
    for i, fl in enumerate(folded_lines):
        if fl.startswith("quyết nghị") and len(fl) < 20:
            header_idx = i + 1
            break
    else:
        for i, ln in enumerate(lines):
            if ln.style in ("article", "roman"):
                header_idx = i
                break
        else:
            last_basis = max((i for i, fl in enumerate(folded_lines) if fl.startswith(("căn cứ", "xét "))), default=-1)
            header_idx = last_basis + 1
    header_end = lines[header_idx].start if header_idx < len(lines) else len(text)
    body: list[Line] = []
    appendix: list[Line] = []
    closing = False
    footnotes = False
    state = "body"
    for i in range(header_idx, len(lines)):
        ln, fl = lines[i], folded_lines[i]
        raw = text[ln.start : ln.end].strip()
        if re.fullmatch(r"[_\-–—=*]{5,}", raw):
            if state == "body":
                state = "footnotes"
                footnotes = True
            continue
        if (fl.startswith("phụ lục") or fl.startswith("biểu chỉ tiêu")) and (raw.isupper() or len(raw) < 40):
            state = "appendix"
            continue
        if state == "body" and (
            fl.startswith(("nơi nhận", "tm.", "t/m", "tm ", "kt.", "k/t", "tin liên quan", "bài liên quan", "xem thêm"))
            or (raw.isupper() and fl in ("chủ tịch", "phó chủ tịch"))
        ):
            state = "closing"
            closing = True
            continue
        if state == "body":
            body.append(ln)
        elif state == "appendix":
            appendix.append(ln)
        elif state == "footnotes" and not re.match(r"^\[\d+\]", raw) and ln.style != "para":
            body.append(ln)
    return _Zones(header_end, body, appendix, closing, footnotes)


@dataclass
class _Builder:
    text: str
    folded: str
    plan_year: int | None
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    solutions: list[Solution] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    stated_indicators: int | None = None
    stated_tasks: int | None = None
    found_indicator_section: bool = False
    dedupe: bool = False
    seen: list[tuple[tuple[object, ...], str]] = field(default_factory=list)

    # ------------------------------------------------------------ helpers
    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]

    def body_text(self, line: Line) -> str:
        return self.text[line.body_start : line.end]

    def heading_of(self, node: Node) -> str:
        line = node.line
        assert line is not None
        if line.heading:
            return line.heading
        return self.body_text(line)

    def note_counts(self, text: str) -> None:
        f = fold(text)
        m = sections.STATED_INDICATORS.search(f)
        if m and self.stated_indicators is None and "đạt" not in f[max(0, m.start() - 20) : m.start()]:
            self.stated_indicators = int(m.group(1))
        m = sections.STATED_TASKS.search(f)
        if m and self.stated_tasks is None:
            self.stated_tasks = int(m.group(1))

    def is_heading(self, node: Node) -> bool:
        line = node.line
        if line is None:
            return False
        if line.style in ("article", "runin"):
            return True
        if line.style in ("table", "table_rule"):
            return False
        body = self.body_text(line).strip()
        if line.style == "para":
            if re.search(r"\d", re.sub(r"(?:19|20)\d\d", "", body)) and not body.isupper():
                return False
            return (body.isupper() and len(body) < 200) or (body.endswith(":") and len(body) < 100)
        return bool(node.children) or (len(body) < 120 and not re.search(r"\d+(?:,\d+)?\s?%", body))

    # ------------------------------------------------------------ the walk
    def _continuation(self, node: Node) -> tuple[int, list[Node]]:
        """An item whose line stops mid-sentence (";", ",") continues on the plain lines after it
        (a wrapped copy): the end of the whole item, and the children left to visit."""
        line = node.line
        assert line is not None
        end = line.end
        children = list(node.children)
        while children and re.search(r"[;,]\s*$|[^\s.:;!?…)”\"]\s*$", self.text[line.start : end]):
            first = children[0]
            if first.line is None or first.line.style != "para" or first.children:
                break
            body = self.text[first.line.start : first.line.end]
            if split_label(body)[0] is not None or self.is_heading(first):
                break
            end = first.line.end
            children.pop(0)
        return end, children

    def visit_children(self, children: list[Node], kind: str | None, groups: list[str] | None) -> None:
        holder = Node(None, children=children)
        self.visit(holder, kind, groups)

    def visit(self, node: Node, kind: str | None, groups: list[str] | None) -> None:
        local_kind = kind
        children = node.children
        i = 0
        while i < len(children):
            child = children[i]
            line = child.line
            assert line is not None
            if line.style in ("table", "table_rule"):
                j = i
                rows: list[Line] = []
                while j < len(children):
                    row_line = children[j].line
                    if row_line is None or not row_line.style.startswith("table"):
                        break
                    rows.append(row_line)
                    j += 1
                self.table(rows, groups, local_kind)
                i = j
                continue
            heading_kind = section_kind(self.heading_of(child)) if self.is_heading(child) else None
            if line.style == "para" and heading_kind is not None and self.is_heading(child):
                local_kind = heading_kind
                self.note_counts(self.body_text(line))
                if heading_kind == sections.INDICATORS:
                    self.found_indicator_section = True
                i += 1
                continue
            self.item(child, local_kind, heading_kind, groups)
            i += 1

    def item(self, node: Node, kind: str | None, heading_kind: str | None, groups: list[str] | None) -> None:
        line = node.line
        assert line is not None
        own_kind = heading_kind
        if kind == sections.INDICATORS and line.style != "article":
            label_groups = group_label(self.heading_of(node).rstrip(":")) if self.is_heading(node) else None
            if label_groups is not None and not self._has_own_content(node):
                self.visit(node, sections.INDICATORS, label_groups)
                return
            if own_kind in (sections.INDICATORS, None, sections.RESULTS):
                own_kind = None
        if own_kind is not None and own_kind != kind:
            if own_kind == sections.INDICATORS:
                self.found_indicator_section = True
            self.note_counts(self.heading_of(node))
            if own_kind in (sections.TASKS, sections.SOLUTIONS, sections.INDICATORS):
                content = self._inline_content(node)
                if own_kind == sections.INDICATORS and content is not None:
                    self.indicator_content(content[0], content[1], groups, code=line.marker, chain=True)
                self.visit(node, own_kind, groups)
                return
            if own_kind in sections.SKIPPED:
                self.visit(node, own_kind, groups)
                return
        if (
            own_kind is not None
            and own_kind == kind
            and any(c.line is not None and c.line.style != "para" for c in node.children)
        ):
            self.note_counts(self.heading_of(node))
            self.visit(node, kind, groups)
            return
        if own_kind == sections.INDICATORS and line.style == "article":
            self.found_indicator_section = True
            self.note_counts(self.heading_of(node))
            self.visit(node, sections.INDICATORS, groups)
            return
        if kind == sections.INDICATORS:
            self.indicator_item(node, groups)
        elif kind == sections.TASKS:
            self.task_item(node)
        elif kind == sections.SOLUTIONS:
            self.solution_item(node)
        else:
            if line.style == "article" or node.children:
                self.note_counts(self.heading_of(node))
            self.visit(node, kind, groups)

    def _inline_content(self, node: Node) -> tuple[int, int] | None:
        """Content written on a heading's own line after its colon ("Điều 1. …: (1) …")."""
        line = node.line
        assert line is not None
        body = self.body_text(line)
        colon = body.find(":")
        if colon < 0 or colon == len(body.rstrip()) - 1:
            return None
        rest_start = line.body_start + colon + 1
        if not re.search(r"\d", self.text[rest_start : line.end]):
            return None
        return rest_start, line.end

    def _has_own_content(self, node: Node) -> bool:
        line = node.line
        assert line is not None
        if line.style == "runin":
            return bool(self.text[line.body_start : line.end].strip())
        body = self.body_text(line)
        colon = body.find(":")
        return colon >= 0 and bool(body[colon + 1 :].strip())

    # ------------------------------------------------------------ indicators
    def indicator_item(self, node: Node, groups: list[str] | None) -> None:
        line = node.line
        assert line is not None
        start = line.start if line.style == "paren" else line.body_start
        if line.style == "runin" or line.style == "para":
            label_groups, offset = split_label(self.text[line.body_start : line.end])
            if line.style == "runin":
                label_groups = group_label(line.heading or "")
                offset = 0
            if label_groups is not None:
                self.indicator_content(line.body_start + offset, line.end, label_groups, code=None, chain=True)
                self.visit(node, sections.INDICATORS, label_groups)
                return
            if line.style == "para":
                body = self.body_text(line).strip()
                if body.endswith(":") and not re.search(r"\d+(?:,\d+)?\s?%|\d+\s*/\s*\d+", body):
                    self.note_counts(body)
                    self.visit(node, sections.INDICATORS, groups)
                    return
                self.indicator_content(line.body_start, line.end, groups, code=None, chain=True)
                self.visit(node, sections.INDICATORS, groups)
                return
        body_groups, offset = split_label(self.text[line.body_start : line.end])
        if body_groups is not None:
            self.indicator_content(line.body_start + offset, line.end, body_groups, code=line.marker, chain=True)
            self.visit(node, sections.INDICATORS, body_groups)
            return
        end, rest = self._continuation(node)
        own = extract(self.text, self.folded, start, end, ClauseContext(self.plan_year, "indicator"))
        marked_children = [c for c in rest if c.line is not None and c.line.style != "para"]
        if self._inline_items(start, end):
            self.indicator_content(start, end, groups, code=line.marker)
            self.visit_children(rest, sections.INDICATORS, groups)
            return
        if (marked_children or rest) and not own.targets:
            self.visit_children(rest, sections.INDICATORS, groups)
            return
        targets = list(own.targets)
        warnings = list(own.warnings)
        for child in [n for c in rest for n in [c, *c.walk()]]:
            if child.line is None or child.line.style.startswith("table"):
                continue
            sub = extract(
                self.text,
                self.folded,
                child.line.body_start,
                child.line.end,
                ClauseContext(self.plan_year, "indicator"),
            )
            targets.extend(sub.targets)
            warnings.extend(sub.warnings)
            end = max(end, child.line.end)
        self.add_indicator(start, end, targets, warnings, groups, line.marker)

    def _inline_items(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """ "(1) … (2) …" runs inside one paragraph: the items' spans and numbers."""
        found = [m for m in _INLINE_ITEM.finditer(self.text, start, end)]
        items: list[tuple[int, int, str]] = []
        expected = None
        starts: list[re.Match[str]] = []
        for m in found:
            n = int(m.group(1))
            if expected is None or n == expected:
                starts.append(m)
                expected = n + 1
        if not starts:
            return []
        if len(starts) == 1 and self.text[start : starts[0].start()].strip(" *_:"):
            label_groups, offset = split_label(self.text[start : starts[0].start()])
            if label_groups is None or self.text[start + offset : starts[0].start()].strip():
                return []
        for k, m in enumerate(starts):
            a = m.end()
            b = starts[k + 1].start(1) - 1 if k + 1 < len(starts) else end
            items.append((a, b, f"({m.group(1)})"))
        return items

    def indicator_content(
        self, start: int, end: int, groups: list[str] | None, code: str | None, chain: bool = False
    ) -> None:
        """A run of indicator text: "(1) … (2) …" items, or a ";" chain (one indicator per clause)."""
        items = self._inline_items(start, end)
        if items:
            lead_end = self.text.rfind("(", start, items[0][0])
            if self.text[start:lead_end].strip():
                label_groups, _ = split_label(self.text[start:lead_end])
                groups = label_groups or groups
            for a, b, marker in items:
                full = f"{code}.{marker}" if code else marker
                result = extract(self.text, self.folded, a, b, ClauseContext(self.plan_year, "indicator"))
                self.add_indicator(a, b, result.targets, result.warnings, groups, full)
            return
        if not chain:
            result = extract(self.text, self.folded, start, end, ClauseContext(self.plan_year, "indicator"))
            self.add_indicator(start, end, result.targets, result.warnings, groups, code)
            return
        for a, b in _chain_clauses(self.folded, start, end):
            result = extract(self.text, self.folded, a, b, ClauseContext(self.plan_year, "indicator"))
            self.add_indicator(a, b, result.targets, result.warnings, groups, code)

    def loose_content(self, start: int, end: int) -> None:
        for a, b in _chain_clauses(self.folded, start, end):
            result = extract(self.text, self.folded, a, b, ClauseContext(self.plan_year, "loose"))
            self.add_indicator(a, b, result.targets, result.warnings, None, None)

    def add_indicator(
        self,
        start: int,
        end: int,
        targets: list[Target],
        warnings: list[ParseWarning],
        groups: list[str] | None,
        code: str | None,
    ) -> None:
        if self.dedupe:
            # a loose text (a press report) restates its targets: headline, lead, body
            fresh = []
            for t in targets:
                key = (t.comparator, t.value, t.value_max, t.total, t.unit)
                name = " ".join(fold(t.name).split())
                if not any(k == key and n and name and (n in name or name in n) for k, n in self.seen):
                    self.seen.append((key, name))
                    fresh.append(t)
            targets = fresh
        if not targets:
            return
        text = " ".join(self.text[start:end].split()).strip(" ;.")
        group = group_by_content(text, groups)
        self.indicators.append(
            Indicator(
                number=len(self.indicators) + 1,
                group=group,
                text=text,
                code=code or None,
                targets=targets,
                span=(start, end),
            )
        )
        self.warnings.extend(warnings)

    def table(self, rows: list[Line], groups: list[str] | None, kind: str | None) -> None:
        parsed = [split_row(self.line_text(r), r.start) for r in rows if r.style == "table"]
        if len(parsed) < 2:
            # a lone "a | b" line is not a table ("Ngày đăng: … | Lượt xem: …")
            if kind == sections.INDICATORS:
                for r in rows:
                    if r.style == "table":
                        self.indicator_content(r.start, r.end, groups, code=None, chain=True)
            return
        header = parsed[0] if is_header(parsed[0]) else None
        body = parsed[1:] if header else parsed
        width = max(len(r.cells) for r in parsed)
        lay = layout(header, width, self.plan_year)
        if lay is None:
            return  # a table of another year's results, not of the plan
        current = groups
        before = len(self.indicators)
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
            result = extract(
                self.text, self.folded, cell.start, cell.end, ClauseContext(self.plan_year, "cell", name_hint=name)
            )
            targets = []
            for t in result.targets:
                if t.comparator is Comparator.QUALITATIVE:
                    targets.append(
                        t.with_changes(name=name, text=self.text[row.start : row.end], span=(row.start, row.end))
                    )
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
                        text=self.text[row.start : row.end],
                        span=(row.start, row.end),
                    )
                )
            targets = [_remeasure(t) for t in targets]
            stt = row.cells[lay.stt].text if lay.stt is not None and lay.stt < len(row.cells) else None
            self.add_indicator(row.start, row.end, targets, result.warnings, current, stt)
        if len(self.indicators) > before:
            self.found_indicator_section = True

    # ------------------------------------------------------------ tasks and solutions
    def task_item(self, node: Node) -> None:
        line = node.line
        assert line is not None
        code = str(len(self.tasks) + 1) if line.style == "para" and not line.marker else line.marker
        end = node.end
        text = " ".join(self.text[line.body_start : end].split())
        ctx = ClauseContext(self.plan_year, "task")
        result = extract(self.text, self.folded, line.body_start, line.end, ctx)
        targets = list(result.targets)
        for child in node.walk():
            if child.line is not None:
                targets.extend(extract(self.text, self.folded, child.line.body_start, child.line.end, ctx).targets)
        self.tasks.append(Task(code=code, text=text, targets=targets, span=(line.start, end)))

    def solution_item(self, node: Node) -> None:
        line = node.line
        assert line is not None
        body = self.body_text(line).strip()
        heading = (line.heading or "").strip()
        label = heading or (body.strip("*_ ") if body.endswith(":") or body.endswith(":*") else "")
        items: list[str] = []
        if not label:
            m = re.match(r"^\*?([^:]{2,80}?):\*?\s+(.+)$", body)
            if m and fold(m.group(1)).startswith(("về ", "lĩnh vực")):
                label, rest = m.group(1).strip("*_ "), m.group(2)
                items.append(rest.strip())
        elif line.style == "runin":
            rest = self.text[line.body_start : line.end].strip()
            if rest:
                items.append(rest)
        if not label:
            items.append(body)
        for child in node.walk():
            if child.line is not None:
                items.append(self.body_text(child.line).strip())
        label = label.strip("*_ ").rstrip(":").strip("*_ ")
        if label:
            self.solutions.append(Solution(sector=label, items=[i for i in items if i]))
        elif self.solutions:
            self.solutions[-1].items.extend(i for i in items if i)
        else:
            self.solutions.append(Solution(sector="Giải pháp", items=[i for i in items if i]))


def _chain_clauses(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    depth = 0
    cs = start
    for i in range(start, end):
        ch = folded[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            out.append((cs, i))
            cs = i + 1
    out.append((cs, end))
    return [(a, b) for a, b in out if folded[a:b].strip(" .;")]


def _remeasure(t: Target) -> Target:
    from kehoach.parsing.measurement import basis_for, direction_for, measurement_for

    over_units, over_time = measurement_for(t.comparator, t.unit, t.name, t.total is not None, t.text)
    return t.with_changes(
        direction=direction_for(t.comparator, t.name),
        basis=basis_for(t.comparator, t.unit, t.name),
        over_units=over_units,
        over_time=over_time,
    )


def _truncation(text: str, zones: _Zones, plan: Plan, is_resolution: bool) -> ParseWarning | None:
    stripped = text.rstrip()
    if not stripped:
        return None
    last_line = stripped.rsplit("\n", 1)[-1].strip()
    end = len(stripped)
    start = end - len(last_line)
    cut_mid_sentence = not re.search(r"[.;!?…)\]\"”'/]$|\./\.$", last_line) and not last_line.endswith(":")
    dangling_heading = last_line.endswith(":") or last_line.endswith(":*")
    if zones.closing_found and not zones.appendix:
        # a signature block ends the document; a name on the last line is normal
        return None
    if zones.appendix and "|" in last_line:
        return None
    if dangling_heading:
        return ParseWarning(
            f"Văn bản bị cắt cụt: kết thúc ở đề mục “{last_line[:80]}” mà không có nội dung phía sau",
            (start, end),
            "truncated",
        )
    if cut_mid_sentence and (is_resolution or len(last_line) > 20):
        return ParseWarning(
            f"Văn bản bị cắt cụt giữa câu: “…{last_line[-80:]}”; chỉ đọc được phần trước điểm cắt",
            (start, end),
            "truncated",
        )
    if is_resolution and not zones.closing_found:
        return ParseWarning(
            "Văn bản có thể không đầy đủ: không thấy phần ký ban hành (Nơi nhận, TM. Hội đồng nhân dân)",
            (start, end),
            "truncated",
        )
    return None


def parse_resolution(text: str) -> Plan:
    """Read a resolution (or a report or plan quoting one) into a draft Plan. Never raises."""
    try:
        return _parse(normalize(text))
    except Exception as exc:  # a parser bug must not lose the user's document: report it instead
        plan = Plan()
        plan.warnings.append(
            ParseWarning(f"Lỗi nội bộ khi phân tích văn bản ({type(exc).__name__}: {exc})", None, "internal")
        )
        return plan


def _parse(text: str) -> Plan:
    plan = Plan()
    if not text.strip():
        plan.warnings.append(ParseWarning("Văn bản rỗng: không có nội dung để đọc", None, "empty"))
        return plan
    folded = fold(text).translate(_SUPERSCRIPTS)
    lines = split_lines(text)
    zones = _zones(text, lines)
    plan.document = read_metadata(text, zones.header_end)
    plan.document.signer = read_signer(text)
    builder = _Builder(text, folded, plan.document.plan_year)
    builder.note_counts(text[zones.header_end : zones.header_end + 2000] if zones.header_end else "")
    builder.stated_indicators = None
    builder.stated_tasks = None
    root = build_tree(zones.body)
    builder.visit(root, None, None)
    if zones.appendix:
        appendix_root = build_tree(zones.appendix)
        builder.visit(appendix_root, sections.INDICATORS, None)
    _fallback(builder, root)
    plan.tasks = builder.tasks
    plan.indicators = builder.indicators
    plan.solutions = builder.solutions
    plan.warnings.extend(builder.warnings)
    is_resolution = "quyết nghị" in folded or (plan.document.type == "Nghị quyết")
    warning = _truncation(text, zones, plan, is_resolution)
    if warning is not None:
        plan.warnings.append(warning)
    _count_warnings(builder, plan)
    if plan.is_empty:
        plan.warnings.append(
            ParseWarning(
                "Không tìm thấy nhiệm vụ, chỉ tiêu hay giải pháp nào trong văn bản; kế hoạch để trống",
                None,
                "no_plan",
            )
        )
    return plan


_FUTURE_WORDS = re.compile(
    r"(?<![a-zà-ỹđ])(?:phấn đấu|mục tiêu|chỉ tiêu|kế hoạch|đề ra|đặt ra|sẽ|cần|phải|dự kiến|nhiệm vụ|tập trung|"
    r"quyết tâm|hướng tới)(?![a-zà-ỹđ])"
)
_PAST_WORDS = re.compile(
    r"(?<![a-zà-ỹđ])(?:đạt được|ước|kết quả|năm qua|vừa qua|cùng kỳ|chưa đạt|mới đạt|hoàn thành và vượt|"
    r"đạt và vượt|vượt \d[\d,.]*\s?% kế hoạch|bằng \d[\d,.]*\s?% (?:dự toán|kế hoạch))(?![a-zà-ỹđ])"
)
_YEAR_MENTION = re.compile(r"(?<!so với )(?<!so với cuối )(?<!giá so sánh )năm\s+((?:19|20)\d\d)")


def _sentence_tense(folded: str, a: int, b: int, plan_year: int | None) -> str | None:
    """ "future" for a sentence that sets targets, "past" for one that reports results, else None."""
    text = folded[a:b]
    years = [int(y) for y in _YEAR_MENTION.findall(text)]
    if plan_year is not None and years:
        if years[-1] < plan_year and not any(y >= plan_year for y in years):
            return "past"
        if any(y == plan_year for y in years):
            return "future"
    if _PAST_WORDS.search(text):
        return "past"
    if _FUTURE_WORDS.search(text):
        return "future"
    return None


def _fallback(builder: _Builder, root: Node) -> None:
    """Sentences outside every recognised section (a press report, a lead paragraph, a loose
    text): read those that set the plan year's targets, skip those that report earlier results,
    and drop restatements of targets already read."""
    builder.dedupe = True
    builder.seen = [
        ((t.comparator, t.value, t.value_max, t.total, t.unit), " ".join(fold(t.name).split()))
        for ind in builder.indicators
        for t in ind.targets
    ]
    _loose_walk(builder, root)


def _loose_walk(builder: _Builder, node: Node) -> None:
    local_kind: str | None = None
    tense: str | None = None
    for child in node.children:
        line = child.line
        if line is None or line.style.startswith("table"):
            continue
        heading_kind = section_kind(builder.heading_of(child)) if builder.is_heading(child) else None
        if line.style == "para" and heading_kind is not None:
            local_kind = heading_kind
            continue
        if heading_kind is not None or local_kind is not None:
            continue  # inside a recognised section: the structured pass has read it
        if line.style == "para":
            tense = None  # a new paragraph starts a new context; list items keep the lead-in's
            raw = builder.text[line.body_start : line.end].strip()
            if len(raw) < 200 and not re.search(r"[.;:…!?”\"]$", raw):
                continue  # a headline, a byline, a caption: not a statement of the plan
        for a, b in split_clauses(builder.text, builder.folded, line.body_start, line.end):
            sentence_tense = _sentence_tense(builder.folded, a, b, builder.plan_year)
            if sentence_tense is not None:
                tense = sentence_tense
            if tense == "future":
                builder.loose_content(a, b)
        _loose_walk(builder, child)


def _count_warnings(builder: _Builder, plan: Plan) -> None:
    stated = builder.stated_indicators
    if stated is not None and plan.indicators and stated != len(plan.indicators):
        plan.warnings.append(
            ParseWarning(
                f"Văn bản nêu {stated} chỉ tiêu chủ yếu nhưng đọc được {len(plan.indicators)} chỉ tiêu; cần rà soát",
                None,
                "count_mismatch",
            )
        )
    if builder.stated_tasks is not None and plan.tasks and builder.stated_tasks != len(plan.tasks):
        plan.warnings.append(
            ParseWarning(
                f"Văn bản nêu {builder.stated_tasks} nhiệm vụ trọng tâm nhưng đọc được {len(plan.tasks)}; cần rà soát",
                None,
                "count_mismatch",
            )
        )
