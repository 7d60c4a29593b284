"""The JSON API under /api/v1 (OpenAPI): one small router module per resource."""

from fastapi import APIRouter

router = APIRouter()
