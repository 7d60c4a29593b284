"""The JSON Schema of ``kehoach.plan/1`` (DESIGN §4) for the OpenAPI document: what
``GET /plans/{plan_id}`` answers and ``POST /plans`` accepts. The plan itself is read and
written by core.planjson, which says exactly what is wrong with a plan it refuses."""

from __future__ import annotations

from typing import Any

from kehoach.core.targets import ChangeBasis, Comparator, Direction, OverTime, OverUnits

_STRING_OR_NULL: dict[str, Any] = {"type": ["string", "null"], "maxLength": 2000}
_NUMBER_OR_NULL: dict[str, Any] = {"type": ["number", "null"]}
_SPAN: dict[str, Any] = {
    "type": ["array", "null"],
    "items": {"type": "integer", "minimum": 0},
    "minItems": 2,
    "maxItems": 2,
}

TARGET_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["comparator"],
    "properties": {
        "name": _STRING_OR_NULL,
        "comparator": {"type": "string", "enum": [c.value for c in Comparator]},
        "value": _NUMBER_OR_NULL,
        "value_max": _NUMBER_OR_NULL,
        "total": _NUMBER_OR_NULL,
        "unit": _STRING_OR_NULL,
        "direction": {"type": ["string", "null"], "enum": [*(d.value for d in Direction), None]},
        "basis": {"type": ["string", "null"], "enum": [*(b.value for b in ChangeBasis), None]},
        "over_units": {"type": ["string", "null"], "enum": [*(r.value for r in OverUnits), None]},
        "over_time": {"type": ["string", "null"], "enum": [*(r.value for r in OverTime), None]},
        "grade": _STRING_OR_NULL,
        "text": _STRING_OR_NULL,
        "span": _SPAN,
    },
}

PLAN_SCHEMA: dict[str, Any] = {
    "title": "kehoach.plan/1",
    "type": "object",
    "required": ["schema"],
    "properties": {
        "schema": {"type": "string", "const": "kehoach.plan/1"},
        "document": {
            "type": ["object", "null"],
            "properties": {
                "number": _STRING_OR_NULL,
                "type": _STRING_OR_NULL,
                "issuer": _STRING_OR_NULL,
                "place": _STRING_OR_NULL,
                "date": {"type": ["string", "null"], "format": "date"},
                "subject": _STRING_OR_NULL,
                "plan_year": {"type": ["integer", "null"], "minimum": 1000, "maximum": 9999},
                "term": _STRING_OR_NULL,
                "session": {"type": ["integer", "null"], "minimum": 0, "maximum": 1000},
                "legal_bases": {"type": "array", "items": {"type": "string"}},
                "references": {"type": "array", "items": {"type": "string"}},
                "signer": _STRING_OR_NULL,
            },
        },
        "tasks": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code"],
                "properties": {
                    "code": {"type": "string", "minLength": 1, "maxLength": 40},
                    "text": _STRING_OR_NULL,
                    "targets": {"type": "array", "items": TARGET_SCHEMA},
                    "span": _SPAN,
                },
            },
        },
        "indicators": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["number"],
                "properties": {
                    "number": {"type": "integer", "minimum": 1, "maximum": 1000},
                    "code": _STRING_OR_NULL,
                    "group": _STRING_OR_NULL,
                    "text": _STRING_OR_NULL,
                    "targets": {"type": "array", "items": TARGET_SCHEMA},
                    "span": _SPAN,
                },
            },
        },
        "solutions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"sector": _STRING_OR_NULL, "items": {"type": "array", "items": {"type": "string"}}},
            },
        },
        "warnings": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"message": _STRING_OR_NULL, "span": _SPAN, "kind": _STRING_OR_NULL},
            },
        },
    },
}
