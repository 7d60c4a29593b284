"""Rendering pages: the Jinja2 environment, Vietnamese number and status filters, and
``page(request, name, context)`` which adds what every page needs (the signed-in actor,
the CSRF token, the navigation)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from kehoach.core.accounts import Action, Actor, allowed
from kehoach.core.numbers import format_vn_number, normalize_decimal
from kehoach.core.status import Status, round_half_up
from kehoach.web.deps import csrf_token

WEB = Path(__file__).resolve().parents[1]
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"

templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True


def number(value: Decimal | int | None, places: int = 2) -> str:
    """A figure the Vietnamese way, at most ``places`` decimals: 1246.695 → "1.246,7" (places=1)."""
    if value is None:
        return "–"
    return format_vn_number(normalize_decimal(round_half_up(Decimal(value), places)))


def number_input(value: Decimal | int | float | str | None) -> str:
    """A stored figure as typed in an input: exact, Vietnamese notation, empty when missing."""
    if value is None or value == "":
        return ""
    return format_vn_number(Decimal(str(value)))


def with_unit(value: Decimal | int | None, unit: str | None, places: int = 2) -> str:
    """ "1.246,7 tỷ đồng", "97,5%"."""
    if value is None:
        return "–"
    text = number(value, places)
    if not unit:
        return text
    return f"{text}%" if unit.strip() == "%" else f"{text} {unit}"


STATUS_CLASSES = {
    Status.EXCEEDED: "vuot",
    Status.MET: "dat",
    Status.ON_TRACK: "dung-tien-do",
    Status.AT_RISK: "nguy-co",
    Status.NOT_MET: "khong-dat",
    Status.NO_DATA: "chua-co",
    Status.NOT_ASSIGNED: "khong-giao",
}


def status_class(status: Status | str) -> str:
    return STATUS_CLASSES[Status(status)]


def status_text(status: Status | str) -> str:
    """A status badge's text: its label, or "–" when there is no verdict (no target of its own)."""
    found = Status(status)
    return found.label if found.is_verdict else "–"


def audit_value(value: Any) -> str:
    """An audit log's before/after value in words: "vai trò: lanh_dao; đơn vị: 99001"."""
    if value is None or value == "":
        return "–"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {audit_value(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(audit_value(item) for item in value)
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return format_vn_number(normalize_decimal(Decimal(str(value))))
    return str(value)


templates.env.filters["so"] = number
templates.env.filters["gia_tri"] = audit_value
templates.env.filters["so_nhap"] = number_input
templates.env.filters["kem_dvt"] = with_unit
templates.env.filters["lop_trang_thai"] = status_class
templates.env.filters["nhan_trang_thai"] = status_text


def can(actor: Actor | None, action: str, unit_code: str | None = None, tree: Any = None) -> bool:
    return actor is not None and allowed(actor, Action(action), unit_code, tree)


# Messages shown after a redirect (``?tb=code``): codes only, so a link cannot put words on a page.
NOTICES = {
    "da-luu": "Đã lưu số liệu.",
    "da-gui": "Đã nộp số liệu để lãnh đạo duyệt.",
    "da-duyet": "Đã duyệt và khóa sổ kỳ báo cáo.",
    "da-mo-lai": "Đã mở lại kỳ báo cáo.",
    "da-cong-bo": "Đã công bố kế hoạch.",
    "da-co": "Văn bản này đã có trong cơ sở dữ liệu; không nhập lại.",
    "da-doi-quy-tac": "Đã đổi cách tính chỉ tiêu.",
    "da-nap-don-vi": "Đã cập nhật danh sách đơn vị.",
    "da-dang-xuat": "Đã đăng xuất.",
}


def page(request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200) -> HTMLResponse:
    """Render ``name`` with the actor, the CSRF token and the helpers every template uses."""
    data: dict[str, Any] = dict(context or {})
    data.setdefault("actor", None)
    data.setdefault("message", NOTICES.get(request.query_params.get("tb", "")))
    data["csrf"] = csrf_token(request)
    data["can"] = can
    data["path"] = request.url.path
    return templates.TemplateResponse(request, name, data, status_code=status_code)
