"""Server-rendered pages (Jinja2 templates, htmx fragments named _*.html), in Vietnamese.

``router`` holds every page route and the static files (/static/…); the app includes it.
One module per page group: plans (list, dashboard, trend), targets, entry (grid, checks,
save, submit, Excel), approval, upload (upload, review, publish), admin (units, users,
audit log), auth (the login page), assets (static files).
"""

from fastapi import APIRouter

from kehoach.web.pages import admin, approval, assets, auth, entry, plans, reports, targets, upload

router = APIRouter(include_in_schema=False)
for module in (assets, auth, plans, targets, entry, approval, upload, admin, reports):
    router.include_router(module.router)

__all__ = ["router"]
