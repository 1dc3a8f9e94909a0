"""API operations on parties: staff users only (no public reads).

Lists show names and credit codes, with identity numbers masked and no address or
telephone. One party's personal information is shown to the agencies that hold it (and the
offices above them), otherwise after a look-up with its purpose (``POST {pk}/lookups``);
corrections come from the holding agency, with a reason (zhifa.parties.selectors, rules).
"""

from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.core.api_schemas import errors
from zhifa.parties import selectors, services

router = Router(tags=["当事人"])


class PartyListItem(Schema):
    id: int
    kind: str = Field(..., description="person（自然人）或 organisation（法人或者其他组织）")
    kind_label: str = Field(..., description="类别的中文名称")
    name: str = Field(..., description="姓名或名称")
    identifier: str = Field(..., description="统一社会信用代码；自然人的居民身份证号码只显示前4位和后4位")
    legal_representative: str = Field(..., description="法定代表人或负责人")
    government_id: int | None = Field(None, description="所在区县")

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_identifier(obj):
        return obj.masked_identifier


class PartyOut(Schema):
    id: int
    kind: str = Field(..., description="person（自然人）或 organisation（法人或者其他组织）")
    name: str = Field(..., description="姓名或名称")
    id_number: str = Field(..., description="居民身份证号码；access 为 masked 时只显示前4位和后4位")
    uscc: str = Field(..., description="统一社会信用代码")
    legal_representative: str = Field(..., description="法定代表人或负责人")
    address: str = Field(..., description="住所或经营场所；access 为 masked 时为空")
    phone: str = Field(..., description="联系电话；access 为 masked 时为空")
    government_id: int | None = Field(None, description="所在区县")
    access: str = Field(
        ...,
        description="holder：您所在（或监督的）机关持有该当事人；lookup：您已说明查询事由；masked：个人信息未显示，须先查询（POST lookups）",
    )
    may_correct: bool = Field(..., description="您是否可以更正该当事人的信息")


class PartyIn(Schema):
    kind: str = Field(..., description="person 或 organisation")
    name: str = Field(..., min_length=1, max_length=200, description="姓名或名称")
    id_number: str = Field("", max_length=30, description="自然人的18位居民身份证号码")
    uscc: str = Field("", max_length=30, description="组织的18位统一社会信用代码")
    legal_representative: str = Field("", max_length=60, description="法定代表人或负责人")
    address: str = Field("", max_length=200, description="住所或经营场所")
    phone: str = Field("", max_length=30, description="联系电话")
    government_id: int | None = Field(None, description="所在区县")


class PartyCorrectionIn(Schema):
    reason: str = Field(..., min_length=1, max_length=500, description="更正理由（记入更正记录和审计日志）")
    kind: str | None = None
    name: str | None = Field(None, min_length=1, max_length=200)
    id_number: str | None = Field(None, max_length=30)
    uscc: str | None = Field(None, max_length=30)
    legal_representative: str | None = Field(None, max_length=60)
    address: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=30)
    government_id: int | None = None


class LookupIn(Schema):
    purpose: str = Field(..., max_length=200, description="查询事由，如“受理投诉，核实被投诉人身份”（记入审计日志）")


def _government(pk):
    from zhifa.org.selectors import government_get

    return government_get(pk) if pk else None


def _out(view: selectors.PartyView) -> PartyOut:
    p = view.party
    return PartyOut(
        id=p.pk,
        kind=p.kind,
        name=p.name,
        id_number=view.id_number,
        uscc=p.uscc,
        legal_representative=p.legal_representative,
        address=view.address,
        phone=view.phone,
        government_id=p.government_id,
        access=view.access,
        may_correct=view.may_correct,
    )


@router.get(
    "",
    response={200: list[PartyListItem], **errors(400, 401)},
    summary="当事人列表（按姓名、名称、统一社会信用代码或完整的身份证号码查询）",
)
@paginate(LimitOffsetPagination)
def party_list(request, q: str | None = None, kind: str | None = None):
    return selectors.party_list(request.auth, q=q, kind=kind)


@router.get("{pk}", response={200: PartyOut, **errors(400, 401, 404)}, summary="当事人")
def party_get(request, pk: int):
    return _out(selectors.party_view(request.auth, pk))


@router.post(
    "{pk}/lookups",
    response={201: PartyOut, **errors(400, 401, 404, 422)},
    summary="查询当事人信息（写明事由，记入审计日志）",
    description="在您所在机关的案件之外查看当事人的身份证号码、住址和电话，须写明事由（D5.6、行政处罚法第五十条）。",
)
def party_lookup(request, pk: int, payload: LookupIn):
    party = selectors.party_get(request.auth, pk)
    services.party_lookup(actor=request.auth, party=party, purpose=payload.purpose)
    return Status(201, _out(selectors.party_view(request.auth, pk)))


@router.post("", response={201: PartyOut, **errors(400, 401, 403, 404, 409)}, summary="登记当事人")
def party_register(request, payload: PartyIn):
    data = payload.dict()
    government = _government(data.pop("government_id"))
    party = services.party_register(actor=request.auth, government=government, **data)
    return Status(201, _out(selectors.party_view(request.auth, party.pk)))


@router.patch(
    "{pk}",
    response={200: PartyOut, **errors(400, 401, 403, 404, 409)},
    summary="更正当事人信息（持有该当事人的执法机关，写明理由）",
)
def party_correct(request, pk: int, payload: PartyCorrectionIn):
    data = payload.dict(exclude_unset=True)
    reason = data.pop("reason")
    if "government_id" in data:
        data["government"] = _government(data.pop("government_id"))
    party = selectors.party_get(request.auth, pk)
    services.party_correct(actor=request.auth, party=party, reason=reason, **data)
    return _out(selectors.party_view(request.auth, pk))
