"""Exact numbers in and out of the API: JSON numbers are read as Decimals (never floats) and
written as plain JSON numbers (core.planjson.dumps), so 97.5 and 1246.695 round-trip exactly."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Coroutine
from decimal import Decimal
from enum import Enum
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel

from kehoach.core.planjson import dumps


def _no_constants(name: str) -> Any:
    raise ValueError(f"JSON không nhận {name}")


class ExactJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()
            self._json = json.loads(body, parse_float=Decimal, parse_constant=_no_constants)
        return self._json


class ExactJSONRoute(APIRoute):
    """Routes whose JSON bodies are parsed with Decimals for numbers with a fraction."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def exact(request: Request) -> Response:
            return await handler(ExactJSONRequest(request.scope, request.receive))

        return exact


def plain_data(value: Any) -> Any:
    """Data ready for :func:`core.planjson.dumps`: models dumped, dates ISO, enums by value,
    Decimals kept (written as numbers)."""
    if isinstance(value, BaseModel):
        return plain_data(value.model_dump(mode="python"))
    if isinstance(value, dict):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_data(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


class ExactJSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(plain_data(content), indent=None).encode("utf-8")
