"""The structured pass: walk the outline tree, follow section kinds and indicator groups, and
read tasks, indicators (lists, "(1) … (2) …" runs, ";" chains, tables) and solutions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.core.plan import Indicator, ParseWarning, Solution, Task
from kehoach.core.targets import Target
from kehoach.core.text import fold
from kehoach.parsing import sections
from kehoach.parsing.grammar import ClauseContext, extract
from kehoach.parsing.outline import Line, Node
from kehoach.parsing.sections import group_by_content, group_label, section_kind, split_label
from kehoach.parsing.tablereader import read_table
from kehoach.parsing.tasks import read_solution, read_task

_INLINE_ITEM = re.compile(r"(?:^|(?<=[;.:,])\s*|(?<=\s))\((\d{1,2})\)\s*(?=\S)")


@dataclass
class Builder:
    text: str
    folded: str
    plan_year: int | None
    midyear: bool = False
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
    def context(self, mode: str, name_hint: str | None = None) -> ClauseContext:
        return ClauseContext(self.plan_year, mode, name_hint, self.midyear)

    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]

    def body_text(self, line: Line) -> str:
        return self.text[line.body_start : line.end]

    def heading_of(self, node: Node) -> str:
        """The heading words of a line: a run-in heading, the words before a colon that
        introduces content ("Điều 2. Năm 2026, xã … phấn đấu: …"), or the first sentence."""
        line = node.line
        assert line is not None
        if line.heading:
            return line.heading
        body = self.body_text(line)
        colon = body.find(":")
        if 0 <= colon < 250 and body[colon + 1 :].strip():
            return body[:colon]
        if len(body) > 250:
            stop = re.search(r"[.;](?:\s|$)", body)
            return body[: stop.start()] if stop else body[:250]
        return body

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
                read_table(self, rows, groups, local_kind)
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
            read_task(self, node)
        elif kind == sections.SOLUTIONS:
            read_solution(self, node)
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
        own = extract(self.text, self.folded, start, end, self.context("indicator"))
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
        # sub-items ("+ …" under "- …") belong to this indicator; a paragraph that opens a new
        # group ("Về nông thôn mới, môi trường: …" in a copy that lost its italics) does not
        split_at = next((i for i, c in enumerate(rest) if self._opens_group(c)), len(rest))
        later = rest[split_at:]
        rest = rest[:split_at]
        for child in [n for c in rest for n in [c, *c.walk()]]:
            if child.line is None or child.line.style.startswith("table"):
                continue
            sub = extract(
                self.text,
                self.folded,
                child.line.body_start,
                child.line.end,
                self.context("indicator"),
            )
            targets.extend(sub.targets)
            warnings.extend(sub.warnings)
            end = max(end, child.line.end)
        self.add_indicator(start, end, targets, warnings, groups, line.marker)
        if later:
            self.visit_children(later, sections.INDICATORS, groups)

    def _opens_group(self, node: Node) -> bool:
        line = node.line
        if line is None or line.style != "para":
            return False
        return split_label(self.text[line.body_start : line.end])[0] is not None or self.is_heading(node)

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
                result = extract(self.text, self.folded, a, b, self.context("indicator"))
                self.add_indicator(a, b, result.targets, result.warnings, groups, full)
            return
        if not chain:
            result = extract(self.text, self.folded, start, end, self.context("indicator"))
            self.add_indicator(start, end, result.targets, result.warnings, groups, code)
            return
        for a, b in chain_clauses(self.folded, start, end):
            result = extract(self.text, self.folded, a, b, self.context("indicator"))
            self.add_indicator(a, b, result.targets, result.warnings, groups, code)

    def loose_content(self, start: int, end: int) -> None:
        for a, b in chain_clauses(self.folded, start, end):
            result = extract(self.text, self.folded, a, b, self.context("loose"))
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


def chain_clauses(folded: str, start: int, end: int) -> list[tuple[int, int]]:
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
