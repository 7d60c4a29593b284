"""The draft of a plan under review: the parser's plan as ``kehoach.plan/1`` data, carried
in the review form, with the officer's edits applied (every field of every target) and the
operations on targets (add, split, merge with the one above, remove).

The draft travels in the page (a hidden field), so a review needs no table and survives
any number of edits; publishing checks it with core.planjson like any imported plan."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from markupsafe import Markup, escape

from kehoach.core.numbers import NumberFormatError, parse_vn_number
from kehoach.core.plan import IndicatorGroup, Plan
from kehoach.core.planjson import PlanFormatError, dumps, plan_from_dict, plan_to_dict
from kehoach.core.targets import Comparator, Direction, OverTime, OverUnits

TARGET_TEXT_FIELDS = ("name", "unit", "grade")
TARGET_NUMBER_FIELDS = ("value", "value_max", "total")
TARGET_CHOICES = {
    "comparator": tuple(c.value for c in Comparator),
    "direction": tuple(d.value for d in Direction),
    "over_units": tuple(o.value for o in OverUnits),
    "over_time": tuple(o.value for o in OverTime),
}
DOCUMENT_TEXT_FIELDS = ("number", "issuer", "subject", "place")


def draft_from_plan(plan: Plan) -> dict[str, Any]:
    return loads(dumps(plan_to_dict(plan)))


def loads(text: str) -> dict[str, Any]:
    data = json.loads(text, parse_float=Decimal)
    if not isinstance(data, dict):
        raise ValueError("bản nháp không hợp lệ")
    return data


def owners(draft: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every holder of targets with its form prefix: ("k0", task), ("i3", indicator)."""
    found = [(f"k{n}", task) for n, task in enumerate(draft.get("tasks", []))]
    found += [(f"i{n}", ind) for n, ind in enumerate(draft.get("indicators", []))]
    return found


def _owner(draft: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    return dict(owners(draft)).get(prefix)


def blank_target() -> dict[str, Any]:
    return {
        "name": "",
        "comparator": ">=",
        "value": None,
        "value_max": None,
        "total": None,
        "unit": None,
        "direction": "higher",
        "basis": None,
        "over_units": "unit_only",
        "over_time": "latest",
        "grade": None,
        "text": "",
        "span": None,
    }


@dataclass
class Applied:
    draft: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)  # field name -> message


def _number(text: str) -> Decimal | None:
    text = text.strip()
    return parse_vn_number(text.rstrip("%").strip()) if text else None


def apply_form(draft: dict[str, Any], form: Mapping[str, str]) -> Applied:
    """The draft with every edited field of the form written into it."""
    result = Applied(copy.deepcopy(draft))
    document = result.draft.setdefault("document", {})
    for name in DOCUMENT_TEXT_FIELDS:
        if f"vb-{name}" in form:
            document[name] = form[f"vb-{name}"].strip() or None
    if "vb-date" in form:
        document["date"] = form["vb-date"].strip() or None
    if "vb-plan_year" in form:
        year = form["vb-plan_year"].strip()
        if year and not (year.isdigit() and 1900 <= int(year) <= 2200):
            result.errors["vb-plan_year"] = "năm kế hoạch phải là một năm, ví dụ 2024"
        else:
            document["plan_year"] = int(year) if year else None
    for prefix, owner in owners(result.draft):
        if f"{prefix}-text" in form:
            owner["text"] = form[f"{prefix}-text"].strip()
        if prefix.startswith("i") and f"{prefix}-group" in form and form[f"{prefix}-group"] in IndicatorGroup.ALL:
            owner["group"] = form[f"{prefix}-group"]
        for j, target in enumerate(owner.get("targets", [])):
            base = f"t-{prefix}-{j}-"
            for name in TARGET_TEXT_FIELDS:
                if base + name in form:
                    target[name] = form[base + name].strip() or None
            if target.get("name") is None:
                target["name"] = ""
            for name, choices in TARGET_CHOICES.items():
                if base + name in form and form[base + name] in choices:
                    target[name] = form[base + name]
            for name in TARGET_NUMBER_FIELDS:
                if base + name in form:
                    try:
                        target[name] = _number(form[base + name])
                    except NumberFormatError as exc:
                        result.errors[base + name] = str(exc)
            if target["comparator"] != "range":
                target["value_max"] = None
            if target["comparator"] == "qualitative":
                target["value"] = None
    return result


def apply_operation(draft: dict[str, Any], operation: str) -> str | None:
    """Add, split, merge or remove a target in place: ``them:i3``, ``tach:i3:0``,
    ``gop:i3:1`` (with the target above), ``xoa:i3:0``. Returns the prefix of the target to
    show (for the page's focus), or None."""
    verb, _, rest = operation.partition(":")
    prefix, _, index = rest.partition(":")
    owner = _owner(draft, prefix)
    if owner is None:
        return None
    targets: list[dict[str, Any]] = owner.setdefault("targets", [])
    if verb == "them":
        targets.append(blank_target())
        return f"t-{prefix}-{len(targets) - 1}"
    if not index.isdigit() or int(index) >= len(targets):
        return None
    j = int(index)
    if verb == "tach":
        targets.insert(j + 1, copy.deepcopy(targets[j]))
        return f"t-{prefix}-{j + 1}"
    if verb == "gop" and j > 0:
        above, this = targets[j - 1], targets[j]
        above["text"] = " ".join(t for t in (above.get("text"), this.get("text")) if t)
        spans = [s for s in (above.get("span"), this.get("span")) if s]
        if spans:
            above["span"] = [min(s[0] for s in spans), max(s[1] for s in spans)]
        del targets[j]
        return f"t-{prefix}-{j - 1}"
    if verb == "xoa":
        del targets[j]
    return None


def check_plan(draft: dict[str, Any]) -> tuple[Plan | None, str | None]:
    try:
        return plan_from_dict(draft), None
    except PlanFormatError as exc:
        return None, str(exc)


def draft_json(draft: dict[str, Any]) -> str:
    return dumps(draft, indent=None)


def marked_text(text: str, draft: dict[str, Any]) -> Markup:
    """The source text with every target's span in a <mark id="m-t-i3-0"> (overlaps skipped)
    and every warning's span underlined."""
    spans: list[tuple[int, int, str, str]] = []
    for prefix, owner in owners(draft):
        for j, target in enumerate(owner.get("targets", [])):
            span = target.get("span")
            if span and 0 <= span[0] < span[1] <= len(text):
                spans.append((span[0], span[1], f"m-t-{prefix}-{j}", ""))
    for n, warning in enumerate(draft.get("warnings", [])):
        span = warning.get("span")
        if span and 0 <= span[0] < span[1] <= len(text):
            spans.append((span[0], span[1], f"m-w-{n}", "canh-bao"))
    spans.sort()
    parts: list[str] = []
    at = 0
    for start, end, mark_id, css in spans:
        if start < at:
            continue
        parts.append(str(escape(text[at:start])))
        css_attr = f' class="{css}"' if css else ""
        parts.append(f'<mark id="{mark_id}"{css_attr}>{escape(text[start:end])}</mark>')
        at = end
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))
