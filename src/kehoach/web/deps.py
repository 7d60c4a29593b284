"""Dependencies of the routes, declared once as ``Annotated`` aliases.

DbDep             the app's services.Database
ActorDep          the signed-in actor (session cookie or Bearer token); none: the API
                  answers 401, a page redirects to /dang-nhap?next=…
OptionalActorDep  the actor, or None
CsrfDep           the CSRF check (the app already runs it on every router; naming it in a
                  route documents that the route changes state)
csrf_token(request) -> str   the token a template puts in forms and htmx headers
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from kehoach.core.accounts import Actor
from kehoach.services import Database
from kehoach.web.security import csrf_token, current_actor, database, required_actor, verify_csrf

DbDep = Annotated[Database, Depends(database)]
ActorDep = Annotated[Actor, Depends(required_actor)]
OptionalActorDep = Annotated[Actor | None, Depends(current_actor)]
CsrfDep = Annotated[None, Depends(verify_csrf)]

__all__ = ["ActorDep", "CsrfDep", "DbDep", "OptionalActorDep", "csrf_token"]
