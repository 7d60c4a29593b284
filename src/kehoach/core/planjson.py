"""The plan JSON format ``kehoach.plan/1`` (DESIGN §4): Plan ↔ dict ↔ text, exact decimals."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from kehoach.core.numbers import normalize_decimal, plain
from kehoach.core.plan import Document, Indicator, IndicatorGroup, ParseWarning, Plan, Solution, Task
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits, Target
from kehoach.core.text import nfc

SCHEMA = "kehoach.plan/1"


class PlanFormatError(ValueError):
    """A plan JSON that does not follow kehoach.plan/1; the message names the field."""


# ---------------------------------------------------------------- Plan -> dict


def _num(value: Decimal | None) -> Decimal | None:
    return None if value is None else normalize_decimal(value)


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def target_to_dict(t: Target) -> dict[str, Any]:
    return {
        "name": t.name,
        "comparator": t.comparator.value,
        "value": _num(t.value),
        "value_max": _num(t.value_max),
        "total": _num(t.total),
        "unit": t.unit,
        "direction": t.direction.value,
        "basis": t.basis.value if t.basis else None,
        "over_units": t.over_units.value,
        "over_time": t.over_time.value,
        "grade": t.grade,
        "text": t.text,
        "span": _span(t.span),
    }


def document_to_dict(d: Document) -> dict[str, Any]:
    return {
        "number": d.number,
        "type": d.type,
        "issuer": d.issuer,
        "place": d.place,
        "date": d.date.isoformat() if d.date else None,
        "subject": d.subject,
        "plan_year": d.plan_year,
        "term": d.term,
        "session": d.session,
        "legal_bases": list(d.legal_bases),
        "references": list(d.references),
        "signer": d.signer,
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "document": document_to_dict(plan.document),
        "tasks": [
            {
                "code": task.code,
                "text": task.text,
                "targets": [target_to_dict(t) for t in task.targets],
                "span": _span(task.span),
            }
            for task in plan.tasks
        ],
        "indicators": [
            {
                "number": ind.number,
                "code": ind.code,
                "group": ind.group,
                "text": ind.text,
                "targets": [target_to_dict(t) for t in ind.targets],
                "span": _span(ind.span),
            }
            for ind in plan.indicators
        ],
        "solutions": [{"sector": s.sector, "items": list(s.items)} for s in plan.solutions],
        "warnings": [{"message": w.message, "span": _span(w.span), "kind": w.kind} for w in plan.warnings],
    }


_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile(f'"{_OPEN}(-?[0-9.]+){_CLOSE}"')


def _encode_decimals(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return f"{_OPEN}{plain(obj)}{_CLOSE}"
    if isinstance(obj, dict):
        return {k: _encode_decimals(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_encode_decimals(v) for v in obj]
    return obj


def dumps(data: dict[str, Any], *, indent: int | None = 2) -> str:
    """JSON text with every Decimal written as a plain JSON number (0.8, 1246.695), never a float."""
    text = json.dumps(_encode_decimals(data), ensure_ascii=False, indent=indent)
    return _TOKEN.sub(r"\1", text)


def plan_to_json(plan: Plan, *, indent: int | None = 2) -> str:
    return dumps(plan_to_dict(plan), indent=indent)


# ---------------------------------------------------------------- dict -> Plan


def _fail(path: str, message: str) -> PlanFormatError:
    return PlanFormatError(f"trường '{path}': {message}")


def _get(obj: dict[str, Any], key: str, path: str, kind: type | tuple[type, ...], required: bool = False) -> Any:
    if key not in obj or obj[key] is None:
        if required:
            raise _fail(f"{path}.{key}" if path else key, "thiếu giá trị bắt buộc")
        return None
    value = obj[key]
    if kind is float:
        kind = (int, float, Decimal)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise _fail(f"{path}.{key}" if path else key, f"kiểu dữ liệu không đúng ({type(value).__name__})")
    return nfc(value) if isinstance(value, str) else value


def _decimal(value: Any, path: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise _fail(path, "phải là một số")
    try:
        return normalize_decimal(Decimal(str(value)))
    except InvalidOperation as exc:
        raise _fail(path, f"'{value}' không phải là số") from exc


def _enum(enum: Any, value: Any, path: str, default: Any = None) -> Any:
    if value is None:
        return default
    try:
        return enum(value)
    except ValueError as exc:
        allowed = ", ".join(m.value for m in enum)
        raise _fail(path, f"'{value}' không hợp lệ (cho phép: {allowed})") from exc


def _span_from(value: Any, path: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise _fail(path, "phải là [đầu, cuối]")
    return (value[0], value[1])


def target_from_dict(obj: Any, path: str) -> Target:
    if not isinstance(obj, dict):
        raise _fail(path, "phải là một đối tượng")
    comparator = _enum(Comparator, _get(obj, "comparator", path, str, True), f"{path}.comparator")
    try:
        return Target(
            name=_get(obj, "name", path, str) or _get(obj, "text", path, str) or "",
            comparator=comparator,
            value=_decimal(obj.get("value"), f"{path}.value"),
            value_max=_decimal(obj.get("value_max"), f"{path}.value_max"),
            total=_decimal(obj.get("total"), f"{path}.total"),
            unit=_get(obj, "unit", path, str),
            direction=_enum(Direction, obj.get("direction"), f"{path}.direction", Direction.HIGHER),
            basis=_enum(ChangeBasis, obj.get("basis"), f"{path}.basis"),
            over_units=_enum(OverUnits, obj.get("over_units"), f"{path}.over_units", OverUnits.UNIT_ONLY),
            over_time=_enum(OverTime, obj.get("over_time"), f"{path}.over_time", OverTime.LATEST),
            grade=_get(obj, "grade", path, str),
            text=_get(obj, "text", path, str) or "",
            span=_span_from(obj.get("span"), f"{path}.span"),
        )
    except ValueError as exc:
        if isinstance(exc, PlanFormatError):
            raise
        raise _fail(path, str(exc)) from exc


def _date(value: Any, path: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise _fail(path, f"'{value}' không phải ngày dạng YYYY-MM-DD") from exc


def _str_list(obj: dict[str, Any], key: str, path: str) -> list[str]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(f"{path}.{key}", "phải là danh sách chuỗi")
    return [nfc(v) for v in value]


def _list(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key) or []
    if not isinstance(value, list):
        raise _fail(key, "phải là một danh sách")
    return value


def plan_from_dict(data: Any) -> Plan:
    """Read a kehoach.plan/1 dict; a PlanFormatError names the first bad field."""
    if not isinstance(data, dict):
        raise PlanFormatError("tệp JSON không phải là một kế hoạch (cần một đối tượng)")
    if data.get("schema") != SCHEMA:
        raise _fail("schema", f"phải là '{SCHEMA}' (đang là '{data.get('schema')}')")
    doc = data.get("document") or {}
    if not isinstance(doc, dict):
        raise _fail("document", "phải là một đối tượng")
    document = Document(
        number=_get(doc, "number", "document", str),
        type=_get(doc, "type", "document", str),
        issuer=_get(doc, "issuer", "document", str),
        place=_get(doc, "place", "document", str),
        date=_date(doc.get("date"), "document.date"),
        subject=_get(doc, "subject", "document", str),
        plan_year=_get(doc, "plan_year", "document", int),
        term=_get(doc, "term", "document", str),
        session=_get(doc, "session", "document", int),
        legal_bases=_str_list(doc, "legal_bases", "document"),
        references=_str_list(doc, "references", "document"),
        signer=_get(doc, "signer", "document", str),
    )
    tasks = []
    for i, obj in enumerate(_list(data, "tasks")):
        path = f"tasks[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, "phải là một đối tượng")
        tasks.append(
            Task(
                code=str(_get(obj, "code", path, (str, int), True)),
                text=_get(obj, "text", path, str) or "",
                targets=[target_from_dict(t, f"{path}.targets[{k}]") for k, t in enumerate(_list(obj, "targets"))],
                span=_span_from(obj.get("span"), f"{path}.span"),
            )
        )
    indicators = []
    for i, obj in enumerate(_list(data, "indicators")):
        path = f"indicators[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, "phải là một đối tượng")
        group = _get(obj, "group", path, str) or IndicatorGroup.OTHER
        if group not in IndicatorGroup.ALL:
            raise _fail(f"{path}.group", f"'{group}' không phải nhóm chỉ tiêu ({', '.join(IndicatorGroup.ALL)})")
        number = _get(obj, "number", path, int, True)
        indicators.append(
            Indicator(
                number=number,
                group=group,
                text=_get(obj, "text", path, str) or "",
                code=_get(obj, "code", path, str),
                targets=[target_from_dict(t, f"{path}.targets[{k}]") for k, t in enumerate(_list(obj, "targets"))],
                span=_span_from(obj.get("span"), f"{path}.span"),
            )
        )
    numbers = [ind.number for ind in indicators]
    if len(set(numbers)) != len(numbers):
        raise _fail("indicators", "số thứ tự chỉ tiêu bị trùng")
    solutions = []
    for i, obj in enumerate(_list(data, "solutions")):
        path = f"solutions[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, "phải là một đối tượng")
        solutions.append(Solution(sector=_get(obj, "sector", path, str, True), items=_str_list(obj, "items", path)))
    warnings = []
    for i, obj in enumerate(_list(data, "warnings")):
        path = f"warnings[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, "phải là một đối tượng")
        warnings.append(
            ParseWarning(
                message=_get(obj, "message", path, str, True),
                span=_span_from(obj.get("span"), f"{path}.span"),
                kind=_get(obj, "kind", path, str) or "general",
            )
        )
    return Plan(document=document, tasks=tasks, indicators=indicators, solutions=solutions, warnings=warnings)


def plan_from_json(text: str) -> Plan:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise PlanFormatError(f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}") from exc
    return plan_from_dict(data)
