"""Focus tasks (nhiệm vụ trọng tâm) with the few targets they hold, and solutions by sector."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kehoach.core.plan import Solution, Task
from kehoach.core.text import fold
from kehoach.parsing.grammar import extract
from kehoach.parsing.outline import Node

if TYPE_CHECKING:
    from kehoach.parsing.builder import Builder


def read_task(b: Builder, node: Node) -> None:
    line = node.line
    assert line is not None
    code = str(len(b.tasks) + 1) if line.style == "para" and not line.marker else line.marker
    end = node.end
    text = " ".join(b.text[line.body_start : end].split())
    ctx = b.context("task")
    result = extract(b.text, b.folded, line.body_start, line.end, ctx)
    targets = list(result.targets)
    for child in node.walk():
        if child.line is not None:
            targets.extend(extract(b.text, b.folded, child.line.body_start, child.line.end, ctx).targets)
    b.tasks.append(Task(code=code, text=text, targets=targets, span=(line.start, end)))


def read_solution(b: Builder, node: Node) -> None:
    line = node.line
    assert line is not None
    body = b.body_text(line).strip()
    heading = (line.heading or "").strip()
    label = heading or (body.strip("*_ ") if body.endswith(":") or body.endswith(":*") else "")
    items: list[str] = []
    if not label:
        m = re.match(r"^\*?([^:]{2,80}?):\*?\s+(.+)$", body)
        if m and fold(m.group(1)).startswith(("về ", "lĩnh vực")):
            label, rest = m.group(1).strip("*_ "), m.group(2)
            items.append(rest.strip())
    elif line.style == "runin":
        rest = b.text[line.body_start : line.end].strip()
        if rest:
            items.append(rest)
    if not label:
        items.append(body)
    for child in node.walk():
        if child.line is not None:
            items.append(b.body_text(child.line).strip())
    label = label.strip("*_ ").rstrip(":").strip("*_ ")
    if label:
        b.solutions.append(Solution(sector=label, items=[i for i in items if i]))
    elif b.solutions:
        b.solutions[-1].items.extend(i for i in items if i)
    else:
        b.solutions.append(Solution(sector="Giải pháp", items=[i for i in items if i]))
