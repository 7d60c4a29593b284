"""Rendering a page template from outside the pages package (the login form after a failed
sign-in, an error page), through the pages' own renderer when it is there, else a minimal
Vietnamese HTML page, so the app works without templates."""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse


def render(request: Request, name: str, context: dict[str, Any], status_code: int, fallback: str) -> HTMLResponse:
    try:
        from kehoach.web.pages.render import page  # imported here: the pages are optional for this module

        response: HTMLResponse = page(request, name, context, status_code=status_code)
        return response
    except Exception:  # no template, or the pages cannot render: the plain page below
        return HTMLResponse(_shell(str(context.get("title", "kehoach")), fallback), status_code=status_code)


def _shell(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} – kehoach</title></head><body>{body}</body></html>"
    )


def error_html(title: str, message: str) -> str:
    return f'<h1>{escape(title)}</h1><p role="alert">{escape(message)}</p><p><a href="/">Về trang chính</a></p>'


def login_html(csrf: str, next_path: str, username: str, error: str | None) -> str:
    alert = f'<p role="alert">{escape(error)}</p>' if error else ""
    return (
        f"<h1>Đăng nhập</h1>{alert}"
        '<form method="post" action="/dang-nhap">'
        f'<input type="hidden" name="csrf_token" value="{escape(csrf)}">'
        f'<input type="hidden" name="next" value="{escape(next_path)}">'
        '<label for="username">Tên đăng nhập</label> '
        f'<input id="username" name="username" autocomplete="username" required value="{escape(username)}"> '
        '<label for="password">Mật khẩu</label> '
        '<input id="password" name="password" type="password" autocomplete="current-password" required> '
        '<button type="submit">Đăng nhập</button></form>'
    )
