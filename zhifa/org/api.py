"""API operations on enforcement bodies."""

from __future__ import annotations

from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.org import selectors, services

router = Router(tags=["执法主体"])


class GovernmentOut(Schema):
    id: int
    name: str
    level: str
    parent_id: int | None
    division_code: str


class GovernmentIn(Schema):
    name: str = Field(..., max_length=100)
    level: str
    division_code: str = Field(..., max_length=6)
    parent_id: int | None = None


class GovernmentPatch(Schema):
    name: str | None = Field(None, max_length=100)
    level: str | None = None
    division_code: str | None = Field(None, max_length=6)
    parent_id: int | None = None


@router.get("governments", response=list[GovernmentOut], auth=None, summary="人民政府列表")
@paginate(LimitOffsetPagination)
def government_list(request, level: str | None = None):
    qs = selectors.government_list()
    return qs.filter(level=level) if level else qs


@router.get("governments/{pk}", response=GovernmentOut, auth=None, summary="人民政府")
def government_get(request, pk: int):
    return selectors.government_get(pk)


@router.post("governments", response={201: GovernmentOut}, summary="登记人民政府")
def government_create(request, payload: GovernmentIn):
    data = payload.dict()
    parent_id = data.pop("parent_id")
    parent = selectors.government_get(parent_id) if parent_id else None
    return Status(201, services.government_create(actor=request.auth, parent=parent, **data))


@router.patch("governments/{pk}", response=GovernmentOut, summary="修改人民政府")
def government_update(request, pk: int, payload: GovernmentPatch):
    data = payload.dict(exclude_unset=True)
    if "parent_id" in data:
        pid = data.pop("parent_id")
        data["parent"] = selectors.government_get(pid) if pid else None
    return services.government_update(actor=request.auth, government=selectors.government_get(pk), **data)
