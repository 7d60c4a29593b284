"""The JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json): one small router module per
resource. Every route needs a signed-in actor (session cookie + CSRF token, or
``Authorization: Bearer``); numbers are exact (web.exactjson)."""

from fastapi import APIRouter, Depends

from kehoach.web.api import approvals, audit, figures, me, periods, plans, status, targets, units
from kehoach.web.security import required_actor

router = APIRouter(dependencies=[Depends(required_actor)])
for module in (me, units, periods, plans, targets, figures, status, approvals, audit):
    router.include_router(module.router)

__all__ = ["router"]
