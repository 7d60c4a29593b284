"""Target matching as the project's scorer defines it (value, unit family, comparator)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "nghìn tỷ": 1e12, "ngàn tỷ": 1e12}
FIXTURES = Path(__file__).parent / "fixtures"


def unit_family(unit: str | None) -> tuple[str, float]:
    u = " ".join((unit or "").strip().lower().replace("tỉ", "tỷ").split("/")[0].split())
    if u in ("%", "phần trăm", "điểm phần trăm", "điểm %"):
        return ("percent", 1.0)
    for currency in ("usd", "đồng"):
        if u.endswith(currency) or (currency == "đồng" and u in SCALES):
            prefix = u[: -len(currency)].strip() if u.endswith(currency) else u
            return (currency, SCALES.get(prefix, 1.0))
    return ("count", 1.0)


def key(t: dict[str, Any]) -> tuple[Any, ...]:
    family, scale = unit_family(t.get("unit"))

    def num(x: Any) -> float | None:
        return None if x is None else round(float(x) * scale, 6)

    comparator = t.get("comparator")
    comparator = ">=" if comparator == "increase_by" else comparator
    return family, num(t.get("value")), num(t.get("value_max")), comparator


def strict_hits(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> int:
    used = [False] * len(gold)
    hits = 0
    for t in predicted:
        for i, g in enumerate(gold):
            if not used[i] and key(t) == key(g):
                used[i] = True
                hits += 1
                break
    return hits


def plan_targets(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for section in ("tasks", "indicators") for item in plan.get(section, []) for t in item["targets"]]


def gold_targets(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return list(gold["targets"]) + [t for task in gold.get("tasks", []) for t in task.get("targets", [])]


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
