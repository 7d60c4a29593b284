"""Server-rendered pages (Jinja2 templates, htmx fragments named _*.html)."""

from fastapi import APIRouter

router = APIRouter()
