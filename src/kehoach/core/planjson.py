"""The plan JSON format ``kehoach.plan/1`` (DESIGN §4): Plan ↔ dict ↔ text, exact decimals."""

from __future__ import annotations

import json
import re
import secrets
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from kehoach.core.numbers import normalize_decimal, plain
from kehoach.core.plan import Document, Indicator, IndicatorGroup, ParseWarning, Plan, Solution, Task
from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits, Target
from kehoach.core.text import fold, nfc

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


def _encode_decimals(obj: Any, marker: str) -> Any:
    if isinstance(obj, Decimal):
        if not obj.is_finite():
            raise ValueError(f"'{obj}' không ghi được thành số JSON")
        return f"{marker}{plain(obj)}{marker}"
    if isinstance(obj, dict):
        return {k: _encode_decimals(v, marker) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_encode_decimals(v, marker) for v in obj]
    return obj


def dumps(data: dict[str, Any], *, indent: int | None = 2) -> str:
    """JSON text with every Decimal written as a plain JSON number (0.8, 1246.695), never a float."""
    # Decimals travel through json.dumps as marked strings, then lose their quotes. The marker is
    # fresh for every call, so no text of the plan (PDF extractions hold private-use characters)
    # can pass for a number.
    marker = f"\ue000{secrets.token_hex(8)}\ue001"
    text = json.dumps(_encode_decimals(data, marker), ensure_ascii=False, indent=indent)
    return re.sub(f'"{re.escape(marker)}(-?[0-9.]+){re.escape(marker)}"', r"\1", text)


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
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise _fail(path, f"'{value}' không phải là số") from exc
    if not number.is_finite():
        raise _fail(path, f"'{value}' không phải là số hữu hạn")
    return normalize_decimal(number)


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
        or not 0 <= value[0] <= value[1]
    ):
        raise _fail(path, "phải là [đầu, cuối] với 0 <= đầu <= cuối")
    return (value[0], value[1])


def target_from_dict(obj: Any, path: str) -> Target:
    if not isinstance(obj, dict):
        raise _fail(path, "phải là một đối tượng")
    comparator = _enum(Comparator, _get(obj, "comparator", path, str, True), f"{path}.comparator")
    if comparator is Comparator.QUALITATIVE and obj.get("value") is not None:
        raise _fail(f"{path}.value", "chỉ tiêu định tính (qualitative) không có giá trị số")
    if comparator is not Comparator.QUALITATIVE and obj.get("value") is None:
        raise _fail(f"{path}.value", "thiếu giá trị bắt buộc")
    if (comparator is Comparator.RANGE) != (obj.get("value_max") is not None):
        raise _fail(f"{path}.value_max", "chỉ khoảng giá trị (range) mới có, và phải có, giá trị tối đa")
    name = _get(obj, "name", path, str)
    if name is None:  # an empty name stays empty; only a missing one is taken from the text
        name = _get(obj, "text", path, str) or ""
    try:
        return Target(
            name=name,
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


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: Any, path: str) -> date | None:
    if value is None:
        return None
    # date.fromisoformat alone would also take 20231212, "2023-W50-2" and, through str(), an int.
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _fail(path, f"'{value}' không phải ngày dạng YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _fail(path, f"'{value}' không phải ngày dạng YYYY-MM-DD") from exc


def _str_list(obj: dict[str, Any], key: str, path: str) -> list[str]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(f"{path}.{key}", "phải là danh sách chuỗi")
    return [nfc(v) for v in value]


def _list(obj: dict[str, Any], key: str, path: str = "") -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(f"{path}.{key}" if path else key, "phải là một danh sách")
    return value


_GROUPS = {fold(g): g for g in IndicatorGroup.ALL}


def _group(value: str, path: str) -> str:
    """The canonical group name, whatever the case, spacing or tone style ("văn hoá - xã hội")."""
    group = _GROUPS.get(" ".join(fold(value).split()))
    if group is None:
        raise _fail(path, f"'{value}' không phải nhóm chỉ tiêu ({', '.join(IndicatorGroup.ALL)})")
    return group


def plan_from_dict(data: Any) -> Plan:
    """Read a kehoach.plan/1 dict; a PlanFormatError names the first bad field."""
    if not isinstance(data, dict):
        raise PlanFormatError("tệp JSON không phải là một kế hoạch (cần một đối tượng)")
    if data.get("schema") != SCHEMA:
        raise _fail("schema", f"phải là '{SCHEMA}' (đang là '{data.get('schema')}')")
    doc = data.get("document")
    if doc is None:
        doc = {}
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
                targets=[
                    target_from_dict(t, f"{path}.targets[{k}]") for k, t in enumerate(_list(obj, "targets", path))
                ],
                span=_span_from(obj.get("span"), f"{path}.span"),
            )
        )
    indicators: list[Indicator] = []
    for i, obj in enumerate(_list(data, "indicators")):
        path = f"indicators[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, "phải là một đối tượng")
        group = _group(_get(obj, "group", path, str) or IndicatorGroup.OTHER, f"{path}.group")
        number = _get(obj, "number", path, int, True)
        if number < 1:
            raise _fail(f"{path}.number", f"số thứ tự chỉ tiêu phải từ 1 trở lên (đang là {number})")
        for k, earlier in enumerate(indicators):
            if earlier.number == number:
                raise _fail(f"{path}.number", f"số thứ tự chỉ tiêu {number} trùng với indicators[{k}]")
        indicators.append(
            Indicator(
                number=number,
                group=group,
                text=_get(obj, "text", path, str) or "",
                code=_get(obj, "code", path, str),
                targets=[
                    target_from_dict(t, f"{path}.targets[{k}]") for k, t in enumerate(_list(obj, "targets", path))
                ],
                span=_span_from(obj.get("span"), f"{path}.span"),
            )
        )
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
