"""The caller: who they are, their personal API tokens."""

from __future__ import annotations

import datetime as dt

from fastapi import Path, Request
from fastapi.responses import Response

from kehoach import services
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import Schema, ShortText
from kehoach.web.deps import ActorDep, DbDep
from kehoach.web.security import request_auth

router = resource_router("tài khoản")


class MeOut(Schema):
    username: str
    full_name: str
    role: str
    role_label: str
    unit_code: str | None
    csrf_token: str | None  # signed in by a session cookie: send it as X-CSRF-Token; null for a Bearer token


class TokenOut(Schema):
    token_id: int
    name: str
    prefix: str
    username: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class TokenList(Schema):
    items: list[TokenOut]


class NewTokenIn(Schema):
    name: ShortText


class NewTokenOut(TokenOut):
    token: str  # shown once


def _token(token: services.ApiToken) -> TokenOut:
    return TokenOut(
        token_id=token.token_id,
        name=token.name,
        prefix=token.prefix,
        username=token.username,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


@router.get("/me", response_model=MeOut, summary="Tài khoản đang gọi (và mã CSRF của phiên đăng nhập)")
def me(request: Request, actor: ActorDep) -> Response:
    auth = request_auth(request)
    return answer(
        MeOut(
            username=actor.username,
            full_name=actor.full_name,
            role=actor.role.value,
            role_label=actor.role.label,
            unit_code=actor.unit_code,
            csrf_token=auth.csrf if auth is not None else None,
        )
    )


@router.get("/tokens", response_model=TokenList, summary="Các khóa API của mình")
def list_tokens(db: DbDep, actor: ActorDep) -> Response:
    if actor.user_id is None:
        return answer(TokenList(items=[]))
    return answer(TokenList(items=[_token(t) for t in services.list_tokens(db, actor=actor, username=actor.username)]))


@router.post("/tokens", response_model=NewTokenOut, status_code=201, summary="Tạo khóa API cho mình (chỉ hiện một lần)")
def create_token(body: NewTokenIn, db: DbDep, actor: ActorDep) -> Response:
    secret, token = services.create_token(db, body.name, actor=actor)
    return answer(NewTokenOut(token=secret, **_token(token).model_dump()), status_code=201)


@router.delete("/tokens/{token_id}", response_model=TokenOut, summary="Thu hồi một khóa API")
def revoke_token(db: DbDep, actor: ActorDep, token_id: int = Path(ge=1, le=2**31 - 1)) -> Response:
    return answer(_token(services.revoke_token(db, token_id, actor=actor)))
