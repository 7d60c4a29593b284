"""What every API resource module starts from: a router with exact-number JSON routes,
answering with exact-number JSON."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kehoach.web.api.schemas import ErrorOut
from kehoach.web.exactjson import ExactJSONResponse, ExactJSONRoute

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Chưa đăng nhập, hoặc khóa API không hợp lệ"},
    403: {"model": ErrorOut, "description": "Không có quyền (ngoài phạm vi đơn vị hoặc vai trò)"},
    404: {"model": ErrorOut, "description": "Không tìm thấy"},
    422: {"model": ErrorOut, "description": "Dữ liệu không hợp lệ"},
}


def resource_router(tag: str) -> APIRouter:
    return APIRouter(
        route_class=ExactJSONRoute,
        default_response_class=ExactJSONResponse,
        tags=[tag],
        responses=ERRORS,
    )


def answer(data: Any, status_code: int = 200) -> ExactJSONResponse:
    return ExactJSONResponse(data, status_code=status_code)
