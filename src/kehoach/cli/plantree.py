"""A plan as a Rich tree: document, focus tasks, indicator groups, solutions, warnings."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from kehoach.cli.targettext import requirement
from kehoach.core.plan import Document, Indicator, ParseWarning, Plan
from kehoach.core.targets import Comparator, Direction, Target

ITEM_WIDTH = 160  # solution items are paragraphs: the tree shows their beginning


def _short(text: str, width: int = ITEM_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _title(document: Document, plan_id: int | None) -> Text:
    title = Text()
    if plan_id is not None:
        title.append(f"Kế hoạch số {plan_id}: ", style="bold")
    title.append(document.type or "Văn bản", style="bold")
    title.append(f" số {document.number}" if document.number else " (chưa rõ số)", style="bold cyan")
    if document.subject:
        title.append(f" — {document.subject}")
    return title


def _document_lines(document: Document) -> list[Text]:
    facts = []
    if document.issuer:
        facts.append(("Cơ quan ban hành", document.issuer))
    if document.place or document.date:
        when = document.date.strftime("%d/%m/%Y") if document.date else ""
        facts.append(("Nơi, ngày ban hành", ", ".join(p for p in (document.place, when) if p)))
    if document.term or document.session:
        parts = [
            f"khóa {document.term}" if document.term else "",
            f"kỳ họp thứ {document.session}" if document.session else "",
        ]
        facts.append(("Khóa, kỳ họp", ", ".join(p for p in parts if p)))
    if document.plan_year:
        facts.append(("Năm kế hoạch", str(document.plan_year)))
    if document.signer:
        facts.append(("Người ký", document.signer))
    for reference in document.references:
        facts.append(("Tham chiếu", reference))
    return [Text.assemble((f"{label}: ", "dim"), value) for label, value in facts]


def _target_text(key: str, target: Target) -> Text:
    line = Text.assemble((f"[{key}] ", "dim"), target.name or target.text, ": ", (requirement(target), "bold green"))
    # The comparator says which side is better, except for "=" and ranges.
    if target.direction is Direction.LOWER and target.comparator in (Comparator.EQUAL, Comparator.RANGE):
        line.append(" (càng thấp càng tốt)", style="dim")
    return line


def _add_targets(node: Tree, prefix: str, targets: list[Target]) -> None:
    for k, target in enumerate(targets, start=1):
        node.add(_target_text(f"{prefix}.{k}", target))


def _indicator_text(indicator: Indicator) -> Text:
    head = Text(f"{indicator.number}. ", style="bold")
    if indicator.code:
        head.append(f"({indicator.code}) ", style="dim")
    head.append(indicator.text)
    return head


def _warning_text(warning: ParseWarning) -> Text:
    where = f" [ký tự {warning.span[0]}–{warning.span[1]}]" if warning.span else ""
    return Text(f"⚠ {warning.message}{where}", style="yellow")


def plan_tree(plan: Plan, plan_id: int | None = None) -> Tree:
    tree = Tree(_title(plan.document, plan_id))
    for line in _document_lines(plan.document):
        tree.add(line)
    if plan.document.legal_bases:
        bases = tree.add(Text(f"Căn cứ ({len(plan.document.legal_bases)})", style="bold"))
        for basis in plan.document.legal_bases:
            bases.add(_short(basis))
    if plan.tasks:
        tasks = tree.add(Text(f"Nhiệm vụ trọng tâm ({len(plan.tasks)})", style="bold magenta"))
        for task in plan.tasks:
            node = tasks.add(Text.assemble((f"{task.code} ", "bold"), task.text))
            _add_targets(node, f"T{task.code.strip('().')}", task.targets)
    if plan.indicators:
        indicators = tree.add(Text(f"Chỉ tiêu chủ yếu ({len(plan.indicators)})", style="bold magenta"))
        groups: dict[str, Tree] = {}
        for indicator in plan.indicators:
            if indicator.group not in groups:
                label = indicator.group[:1].upper() + indicator.group[1:]
                groups[indicator.group] = indicators.add(Text(f"Nhóm {label}", style="bold blue"))
            node = groups[indicator.group].add(_indicator_text(indicator))
            _add_targets(node, str(indicator.number), indicator.targets)
    if plan.solutions:
        solutions = tree.add(Text(f"Giải pháp ({len(plan.solutions)})", style="bold magenta"))
        for solution in plan.solutions:
            node = solutions.add(Text(solution.sector, style="bold"))
            for item in solution.items:
                node.add(_short(item))
    if plan.is_empty:
        tree.add(Text("Chưa đọc được nhiệm vụ, chỉ tiêu hay giải pháp nào.", style="italic"))
    if plan.warnings:
        warnings = tree.add(Text(f"Cảnh báo ({len(plan.warnings)})", style="bold yellow"))
        for warning in plan.warnings:
            warnings.add(_warning_text(warning))
    return tree
