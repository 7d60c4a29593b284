"""Administrative units: the list and the tree (those of the caller's scope and above it)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from kehoach import services
from kehoach.core.units import OrgUnit, UnitTree
from kehoach.web.api.routing import answer, resource_router
from kehoach.web.api.schemas import Schema
from kehoach.web.deps import ActorDep, DbDep

router = resource_router("đơn vị")

OnQuery = Annotated[dt.date | None, Query(description="Ngày xem (YYYY-MM-DD); mặc định: các đơn vị còn hiệu lực")]


class UnitOut(Schema):
    code: str
    name: str
    level: str
    level_label: str
    parent_code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None


class UnitList(Schema):
    items: list[UnitOut]


class UnitNode(Schema):
    code: str
    name: str
    level: str
    children: list[UnitNode]


class UnitTreeOut(Schema):
    roots: list[UnitNode]


def unit_out(unit: OrgUnit) -> UnitOut:
    return UnitOut(
        code=unit.code,
        name=unit.name,
        level=unit.level.value,
        level_label=unit.level.label,
        parent_code=unit.parent_code,
        valid_from=unit.valid_from,
        valid_to=unit.valid_to,
    )


@router.get("/units", response_model=UnitList, summary="Danh sách đơn vị")
def list_units(
    db: DbDep,
    actor: ActorDep,
    on: OnQuery = None,
    history: Annotated[bool, Query(description="Mọi thời kỳ của mọi đơn vị, kể cả đã hết hiệu lực")] = False,
) -> Response:
    return answer(UnitList(items=[unit_out(u) for u in services.list_units(db, on, history=history, actor=actor)]))


def _node(tree: UnitTree, unit: OrgUnit, on: dt.date | None, seen: set[str]) -> UnitNode:
    children = [_node(tree, child, on, seen) for child in tree.children(unit.code, on) if child.code in seen]
    return UnitNode(code=unit.code, name=unit.name, level=unit.level.value, children=children)


@router.get("/units/tree", response_model=UnitTreeOut, summary="Cây đơn vị")
def unit_tree(db: DbDep, actor: ActorDep, on: OnQuery = None) -> Response:
    tree = services.unit_tree(db)
    seen = services.visible_units(actor, tree)
    roots = [unit for unit in tree.active_on(on) if unit.code in seen and (unit.parent_code not in seen)]
    return answer(UnitTreeOut(roots=[_node(tree, root, on, seen) for root in roots]))
