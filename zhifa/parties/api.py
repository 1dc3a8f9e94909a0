"""API operations on parties: staff users only (no public reads)."""

from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.parties import selectors, services

router = Router(tags=["当事人"])


class PartyOut(Schema):
    id: int
    kind: str
    name: str
    id_number: str
    uscc: str
    legal_representative: str
    address: str
    phone: str
    government_id: int | None


class PartyIn(Schema):
    kind: str
    name: str = Field(..., min_length=1, max_length=200)
    id_number: str = Field("", max_length=30)
    uscc: str = Field("", max_length=30)
    legal_representative: str = Field("", max_length=60)
    address: str = Field("", max_length=200)
    phone: str = Field("", max_length=30)
    government_id: int | None = None


class PartyPatch(Schema):
    kind: str | None = None
    name: str | None = Field(None, min_length=1, max_length=200)
    id_number: str | None = Field(None, max_length=30)
    uscc: str | None = Field(None, max_length=30)
    legal_representative: str | None = Field(None, max_length=60)
    address: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=30)
    government_id: int | None = None


def _government(pk):
    from zhifa.org.selectors import government_get

    return government_get(pk) if pk else None


@router.get("", response=list[PartyOut], summary="当事人列表（按姓名、名称或号码查询）")
@paginate(LimitOffsetPagination)
def party_list(request, q: str | None = None, kind: str | None = None):
    return selectors.party_list(request.auth, q=q, kind=kind)


@router.get("{pk}", response=PartyOut, summary="当事人")
def party_get(request, pk: int):
    return selectors.party_get(request.auth, pk)


@router.post("", response={201: PartyOut}, summary="登记当事人")
def party_register(request, payload: PartyIn):
    data = payload.dict()
    government = _government(data.pop("government_id"))
    return Status(201, services.party_register(actor=request.auth, government=government, **data))


@router.patch("{pk}", response=PartyOut, summary="更正当事人信息")
def party_update(request, pk: int, payload: PartyPatch):
    data = payload.dict(exclude_unset=True)
    if "government_id" in data:
        data["government"] = _government(data.pop("government_id"))
    party = selectors.party_get(request.auth, pk)
    return services.party_update(actor=request.auth, party=party, **data)
