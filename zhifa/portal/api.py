"""API operations of the portal: published decisions (public, ``auth=None``) and the
agencies' publication acts and reads (D5.6; 行政处罚法第四十八条)."""

from datetime import date
from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference
from zhifa.portal import deadlines, filters, opendata, selectors, services
from zhifa.portal.models import Publication

router = Router(tags=["公开"])

PublicationQuery = query_schema(filters.PublicationFilter)
ManagedQuery = query_schema(filters.ManagedPublicationFilter)

ChangeKind = Literal[tuple(Publication.Change.values)]  # type: ignore[valid-type]


@described(
    Publication,
    kind_label="信息类别（中文）",
    grounds_label="公开依据（中文）",
    display_label="公示期（中文）",
    status_label="状态（中文）",
)
class PublicationOut(Schema):
    id: int
    index_number: str
    document_number: str
    title: str
    category: str
    kind: str
    kind_label: str
    grounds: str
    grounds_label: str
    status: str
    status_label: str
    written_on: date
    published_on: date | None
    display: str
    display_label: str
    takedown_on: date | None
    party_name: str
    party_code: str
    legal_representative: str
    violation: str
    summary: str
    facts: str
    basis: str
    penalty: str
    agency_name: str
    withdrawn_on: date | None
    withdrawal_reason: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_grounds_label(obj) -> str:
        return obj.get_grounds_display()

    @staticmethod
    def resolve_display_label(obj) -> str:
        return obj.get_display_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


@described(
    Publication,
    agency_id="公开机关（编号）",
    decision_id="决定（编号）",
    late_reasons="逾期情况（中文；按期的为空）",
)
class ManagedOut(PublicationOut):
    agency_id: int
    decision_id: int
    social_impact_reason: str
    due_on: date
    change_kind: str
    changed_on: date | None
    change_reason: str
    withdrawal_due_on: date | None
    late_reasons: list[str]

    @staticmethod
    def resolve_late_reasons(obj) -> list[str]:
        return deadlines.late_reasons(obj, clock.today())


@described(None)
class OpenDataField(Schema):
    name: str = Field(..., description="字段名")
    label: str = Field(..., description="中文名")
    description: str = Field(..., description="说明")


@described(None)
class OpenDataOut(Schema):
    fields: list[OpenDataField] = Field(..., description="字段说明")
    count: int = Field(..., description="条数")
    items: list[dict] = Field(..., description="公开中的决定，每条按字段说明的字段")


class PrepareIn(Schema):
    decision_id: int = Field(..., description="决定（编号）")
    social_impact: bool = Field(False, description="具有一定社会影响（行政处罚法第四十八条）")
    social_impact_reason: str = Field("", max_length=300, description="社会影响的理由")
    on: date | None = Field(None, description="登记日期，默认今天")


class PublishIn(Schema):
    on: date | None = Field(None, description="发布日期，默认今天")


class ChangeIn(Schema):
    kind: ChangeKind = Field(
        ..., description="决定变化：changed 依法变更、revoked 依法撤销、unlawful 确认违法、void 确认无效"
    )
    reason: str = Field(..., max_length=300, description="依据（复议决定书、判决书文号或本机关决定）")
    on: date | None = Field(None, description="变化日期，默认今天")


class WithdrawIn(Schema):
    reason: str = Field(..., max_length=300, description="撤回理由（向社会说明）")
    on: date | None = Field(None, description="撤回日期，默认今天")


ACT_ERRORS = errors(400, 401, 403, 404, 409, 422)


# --- public reads ---------------------------------------------------------------------


@router.get(
    "public/publications",
    response={200: list[PublicationOut], **errors(400)},
    auth=None,
    summary="公开的行政处罚决定",
)
@paginate(LimitOffsetPagination)
def public_publication_list(request, query: Query[PublicationQuery]):
    return filtered(filters.PublicationFilter, selectors.published_list(), query)


@router.get(
    "public/publications/{int:pk}",
    response={200: PublicationOut, **errors(400, 404)},
    auth=None,
    summary="公开的行政处罚决定（或其撤回公告）",
)
def public_publication_get(request, pk: int):
    return selectors.public_get(pk)


@router.get(
    "public/withdrawals",
    response={200: list[PublicationOut], **errors(400)},
    auth=None,
    summary="撤回公告",
)
@paginate(LimitOffsetPagination)
def public_withdrawal_list(request):
    return selectors.withdrawn_list()


@router.get("public/open-data", response={200: OpenDataOut}, auth=None, summary="开放数据：公开中的全部决定（JSON）")
def open_data(request):
    return opendata.as_json(selectors.published_list())


# --- the agencies' reads and acts ------------------------------------------------------


@router.get("publications", response={200: list[ManagedOut], **errors(400, 401)}, summary="本人查看范围内的公开信息")
@paginate(LimitOffsetPagination)
def publication_list(request, query: Query[ManagedQuery]):
    return filtered(filters.ManagedPublicationFilter, selectors.publication_list(request.auth), query)


@router.get("publications/late", response={200: list[ManagedOut], **errors(400, 401)}, summary="逾期公开、逾期撤回")
@paginate(LimitOffsetPagination)
def late_list(request):
    return selectors.late_publications(request.auth)


@router.get("publications/{int:pk}", response={200: ManagedOut, **errors(400, 401, 404)}, summary="一项公开信息")
def publication_get(request, pk: int):
    return selectors.publication_get(request.auth, pk)


@router.post("publications", response={201: ManagedOut, **ACT_ERRORS}, summary="登记执法决定公开")
def publication_prepare(request, payload: PrepareIn):
    decision = reference(selectors.decision_get, payload.decision_id, "decision_id", request.auth)
    pub = services.publication_prepare(
        actor=request.auth,
        decision=decision,
        social_impact=payload.social_impact,
        social_impact_reason=payload.social_impact_reason,
        on=payload.on,
    )
    return Status(201, pub)


@router.post("publications/{int:pk}/publish", response={200: ManagedOut, **ACT_ERRORS}, summary="公开决定信息")
def publication_publish(request, pk: int, payload: PublishIn):
    pub = selectors.publication_get(request.auth, pk)
    return services.publication_publish(actor=request.auth, publication=pub, on=payload.on)


@router.post("publications/{int:pk}/change", response={200: ManagedOut, **ACT_ERRORS}, summary="登记决定的变更、撤销")
def decision_change_record(request, pk: int, payload: ChangeIn):
    pub = selectors.publication_get(request.auth, pk)
    return services.decision_change_record(actor=request.auth, publication=pub, **payload.dict())


@router.post("publications/{int:pk}/withdraw", response={200: ManagedOut, **ACT_ERRORS}, summary="撤回公开信息")
def publication_withdraw(request, pk: int, payload: WithdrawIn):
    pub = selectors.publication_get(request.auth, pk)
    return services.publication_withdraw(actor=request.auth, publication=pub, **payload.dict())
