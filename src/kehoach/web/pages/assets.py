"""Static files of the pages (CSS, JS, and the vendored htmx and ECharts copied at install
time by scripts/vendor-assets), served by the pages router itself so the app needs no mount."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from kehoach.web.pages.render import STATIC

router = APIRouter()

_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


@router.get("/static/{name:path}", include_in_schema=False)
def static_file(name: str) -> FileResponse:
    root = STATIC.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or not path.is_file() or path.name.startswith(".") or path.suffix not in _TYPES:
        raise HTTPException(status_code=404)
    cache = "public, max-age=86400" if path.parent.name == "vendor" else "no-cache"
    return FileResponse(path, media_type=_TYPES[path.suffix], headers={"Cache-Control": cache})
