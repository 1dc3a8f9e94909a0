"""API operations on enforcement bodies. Reads of public records (governments, offices,
organs, terms, agencies with their standing, powers with their articles) need no login;
delegations and posts are scoped; every write goes through a service."""

# No `from __future__ import annotations`: paginated operations take query schemas, which
# django-ninja resolves from the annotation objects, not from this module's names.

from datetime import date

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference, references
from zhifa.law.models import Article, ViolationItem
from zhifa.org import filters, selectors, services
from zhifa.org.models import (
    Agency,
    Delegation,
    Government,
    GovernmentTerm,
    LegalAffairsOffice,
    Post,
    Power,
    StandingDecision,
)

router = Router(tags=["执法主体"])

# The lists filter as their pages do: one FilterSet each (zhifa.core.filtering).
GovernmentQuery = query_schema(filters.GovernmentFilter)
TermQuery = query_schema(filters.TermFilter)
AgencyQuery = query_schema(filters.AgencyFilter)
PowerQuery = query_schema(filters.PowerFilter)
DelegationQuery = query_schema(filters.DelegationFilter)
PostQuery = query_schema(filters.PostFilter)


def _articles(ids, field="basis_article_ids") -> list:
    return references(Article.objects.select_related("basis"), ids, field)


def _items(ids, field="violation_item_ids") -> list:
    return references(ViolationItem.objects.all(), ids, field)


# --- Governments ----------------------------------------------------------------------


@described(Government)
class GovernmentOut(Schema):
    id: int
    name: str
    level: str
    parent_id: int | None
    division_code: str


@described(Government)
class GovernmentIn(Schema):
    name: str = Field(..., max_length=100)
    level: str
    division_code: str = Field(..., max_length=6)
    parent_id: int | None = None


@described(Government)
class GovernmentPatch(Schema):
    name: str | None = Field(None, max_length=100)
    level: str | None = None
    division_code: str | None = Field(None, max_length=6)
    parent_id: int | None = None


@router.get("governments", response={200: list[GovernmentOut], **errors(400)}, auth=None, summary="人民政府列表")
@paginate(LimitOffsetPagination)
def government_list(request, query: Query[GovernmentQuery]):
    return filtered(filters.GovernmentFilter, selectors.government_list(), query)


@router.get("governments/{pk}", response={200: GovernmentOut, **errors(400, 404)}, auth=None, summary="人民政府")
def government_get(request, pk: int):
    return selectors.government_get(pk)


@router.post("governments", response={201: GovernmentOut, **errors(400, 401, 403, 409, 422)}, summary="登记人民政府")
def government_create(request, payload: GovernmentIn):
    data = payload.dict()
    parent_id = data.pop("parent_id")
    parent = reference(selectors.government_get, parent_id or None, "parent_id")
    return Status(201, services.government_create(actor=request.auth, parent=parent, **data))


@router.patch(
    "governments/{pk}", response={200: GovernmentOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改人民政府"
)
def government_update(request, pk: int, payload: GovernmentPatch):
    data = payload.dict(exclude_unset=True)
    if "parent_id" in data:
        pid = data.pop("parent_id")
        data["parent"] = reference(selectors.government_get, pid or None, "parent_id")
    return services.government_update(actor=request.auth, government=selectors.government_get(pk), **data)


# --- Legal affairs offices and supervisory organs -------------------------------------


@described(LegalAffairsOffice)
class BodyOut(Schema):
    id: int
    government_id: int
    government: str
    name: str
    address: str
    phone: str

    @staticmethod
    def resolve_government(obj) -> str:
        return obj.government.name


@described(LegalAffairsOffice)
class BodyIn(Schema):
    government_id: int
    name: str = Field(..., max_length=100)
    address: str = Field("", max_length=200)
    phone: str = Field("", max_length=30)


@described(LegalAffairsOffice)
class BodyPatch(Schema):
    government_id: int | None = None
    name: str | None = Field(None, max_length=100)
    address: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=30)


def _body_data(payload, partial: bool) -> dict:
    data = payload.dict(exclude_unset=partial)
    if "government_id" in data:
        data["government"] = reference(selectors.government_get, data.pop("government_id"), "government")
    return {k: v for k, v in data.items() if v is not None}


def _body_routes(path: str, kind: services.BodyKind, get_one, get_all, name: str) -> None:
    """The four operations of a registry of government bodies (offices, organs): one definition."""
    label = kind.label

    @router.get(
        path,
        response={200: list[BodyOut], **errors(400)},
        auth=None,
        summary=f"{label}列表",
        operation_id=f"{name}_list",
    )
    @paginate(LimitOffsetPagination)
    def body_list(request):
        return get_all()

    @router.get(
        f"{path}/{{pk}}", response={200: BodyOut, **errors(404)}, auth=None, summary=label, operation_id=f"{name}_get"
    )
    def body_get(request, pk: int):
        return get_one(pk)

    @router.post(
        path,
        response={201: BodyOut, **errors(400, 401, 403, 409)},
        summary=f"登记{label}",
        operation_id=f"{name}_create",
    )
    def body_create(request, payload: BodyIn):
        return Status(201, services.body_create(kind, actor=request.auth, **_body_data(payload, False)))

    @router.patch(
        f"{path}/{{pk}}",
        response={200: BodyOut, **errors(400, 401, 403, 404, 409)},
        summary=f"修改{label}",
        operation_id=f"{name}_update",
    )
    def body_update(request, pk: int, payload: BodyPatch):
        body = get_one(pk)
        return services.body_update(kind, actor=request.auth, body=body, **_body_data(payload, True))


_body_routes(
    "legal-affairs-offices",
    services.OFFICE,
    selectors.legal_affairs_office_get,
    selectors.legal_affairs_office_list,
    "zhifa_org_api_office",
)
_body_routes(
    "supervisory-organs",
    services.ORGAN,
    selectors.supervisory_organ_get,
    selectors.supervisory_organ_list,
    "zhifa_org_api_organ",
)


# --- Government terms -----------------------------------------------------------------


@described(GovernmentTerm)
class TermOut(Schema):
    id: int
    government_id: int
    government: str
    number: int
    starts_on: date
    ends_on: date

    @staticmethod
    def resolve_government(obj) -> str:
        return obj.government.name


@described(GovernmentTerm)
class TermIn(Schema):
    government_id: int
    number: int = Field(..., ge=1)
    starts_on: date
    ends_on: date


@described(GovernmentTerm)
class TermPatch(Schema):
    number: int | None = Field(None, ge=1)
    starts_on: date | None = None
    ends_on: date | None = None


@router.get("government-terms", response={200: list[TermOut], **errors(400)}, auth=None, summary="政府任期列表")
@paginate(LimitOffsetPagination)
def term_list(request, query: Query[TermQuery]):
    return filtered(filters.TermFilter, selectors.government_term_list(), query)


@router.get("government-terms/{pk}", response={200: TermOut, **errors(400, 404)}, auth=None, summary="政府任期")
def term_get(request, pk: int):
    return selectors.government_term_get(pk)


@router.post("government-terms", response={201: TermOut, **errors(400, 401, 403, 409, 422)}, summary="登记政府任期")
def term_create(request, payload: TermIn):
    data = payload.dict()
    data["government"] = reference(selectors.government_get, data.pop("government_id"), "government")
    return Status(201, services.government_term_create(actor=request.auth, **data))


@router.patch(
    "government-terms/{pk}", response={200: TermOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改政府任期"
)
def term_update(request, pk: int, payload: TermPatch):
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    return services.government_term_update(actor=request.auth, term=selectors.government_term_get(pk), **data)


# --- Agencies and standing ------------------------------------------------------------


@described(Agency)
class AgencyOut(Schema):
    id: int
    name: str
    short_name: str
    code: str
    case_prefix: str
    kind: str
    kind_label: str
    field: str
    field_label: str
    government_id: int
    government: str
    uscc: str
    address: str
    phone: str
    standing: str
    standing_label: str
    standing_confirmed_on: date | None
    standing_note: str

    @staticmethod
    def resolve_government(obj) -> str:
        return obj.government.name

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_field_label(obj) -> str:
        return obj.get_field_display()

    @staticmethod
    def resolve_standing_label(obj) -> str:
        return obj.get_standing_display()


@described(Agency)
class AgencyIn(Schema):
    name: str = Field(..., max_length=100)
    code: str = Field(..., max_length=40)
    case_prefix: str = Field(..., max_length=12)
    field: str
    government_id: int
    kind: str = Agency.Kind.AGENCY
    short_name: str = Field("", max_length=40)
    uscc: str = Field("", max_length=18)
    address: str = Field("", max_length=200)
    phone: str = Field("", max_length=30)


@described(Agency)
class AgencyPatch(Schema):
    name: str | None = Field(None, max_length=100)
    code: str | None = Field(None, max_length=40)
    case_prefix: str | None = Field(None, max_length=12)
    field: str | None = None
    government_id: int | None = None
    kind: str | None = None
    short_name: str | None = Field(None, max_length=40)
    uscc: str | None = Field(None, max_length=18)
    address: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=30)


@described(StandingDecision, on="决定日期")
class StandingIn(Schema):
    standing: str = Field(..., description="confirmed（确认）、suspended（暂停）或 revoked（撤销）")
    reason: str = Field(..., max_length=200)
    on: date


@described(StandingDecision)
class StandingDecisionOut(Schema):
    id: int
    agency_id: int
    standing: str
    standing_label: str
    previous: str
    decided_on: date
    reason: str
    office: str | None

    @staticmethod
    def resolve_standing_label(obj) -> str:
        return obj.get_standing_display()

    @staticmethod
    def resolve_office(obj) -> str | None:
        return obj.office.name if obj.office else None


@router.get("agencies", response={200: list[AgencyOut], **errors(400)}, auth=None, summary="执法主体列表（公开）")
@paginate(LimitOffsetPagination)
def agency_list(request, query: Query[AgencyQuery]):
    return filtered(filters.AgencyFilter, selectors.agency_list(), query)


@router.get("agencies/{pk}", response={200: AgencyOut, **errors(400, 404)}, auth=None, summary="执法主体（公开）")
def agency_get(request, pk: int):
    return selectors.agency_get(pk)


@router.post("agencies", response={201: AgencyOut, **errors(400, 401, 403, 409, 422)}, summary="登记执法主体")
def agency_create(request, payload: AgencyIn):
    data = payload.dict()
    data["government"] = reference(selectors.government_get, data.pop("government_id"), "government")
    return Status(201, services.agency_create(actor=request.auth, **data))


@router.patch(
    "agencies/{pk}", response={200: AgencyOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改执法主体"
)
def agency_update(request, pk: int, payload: AgencyPatch):
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    if "government_id" in data:
        data["government"] = reference(selectors.government_get, data.pop("government_id"), "government")
    return services.agency_update(actor=request.auth, agency=selectors.agency_get(pk), **data)


@router.post(
    "agencies/{pk}/standing",
    response={201: StandingDecisionOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="确认、暂停或撤销执法主体资格",
)
def agency_standing(request, pk: int, payload: StandingIn):
    decision = services.agency_decide_standing(actor=request.auth, agency=selectors.agency_get(pk), **payload.dict())
    return Status(201, decision)


@router.get(
    "agencies/{pk}/standing-decisions",
    response={200: list[StandingDecisionOut], **errors(400, 404)},
    auth=None,
    summary="执法主体资格公告（公开）",
)
def agency_standing_decisions(request, pk: int):
    return list(selectors.standing_decisions(selectors.agency_get(pk)))


# --- Powers ----------------------------------------------------------------------------


@described(Article, citation="条文的引用（如“行政处罚法第二十条”）", level="执法依据的效力层级")
class ArticleRef(Schema):
    id: int
    citation: str
    basis: str
    level: str

    @staticmethod
    def resolve_citation(obj) -> str:
        return str(obj)

    @staticmethod
    def resolve_basis(obj) -> str:
        return obj.basis.title

    @staticmethod
    def resolve_level(obj) -> str:
        return obj.basis.level


@described(ViolationItem)
class ItemRef(Schema):
    id: int
    code: str
    name: str


@described(Power)
class PowerOut(Schema):
    id: int
    agency_id: int
    agency: str
    code: str
    name: str
    category: str
    valid_from: date
    valid_to: date | None
    basis_articles: list[ArticleRef]
    violation_items: list[ItemRef]

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_basis_articles(obj):
        # a power with no article has an empty prefetched list: that is its answer, not a miss
        basis_list = getattr(obj, "basis_list", None)
        return basis_list if basis_list is not None else list(obj.basis_articles.select_related("basis"))

    @staticmethod
    def resolve_violation_items(obj):
        return list(obj.violation_items.all())


@described(Power, basis_article_ids="设定依据条文的编号", violation_item_ids="覆盖的违法行为事项的编号")
class PowerIn(Schema):
    agency_id: int
    code: str = Field(..., max_length=40)
    name: str = Field(..., max_length=200)
    category: str = Power.Category.PENALTY
    valid_from: date
    valid_to: date | None = None
    basis_article_ids: list[int] = []
    violation_item_ids: list[int] = []


@described(Power, basis_article_ids="设定依据条文的编号", violation_item_ids="覆盖的违法行为事项的编号")
class PowerPatch(Schema):
    code: str | None = Field(None, max_length=40)
    name: str | None = Field(None, max_length=200)
    category: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    basis_article_ids: list[int] | None = None
    violation_item_ids: list[int] | None = None


@router.get("powers", response={200: list[PowerOut], **errors(400)}, auth=None, summary="执法事项目录（公开）")
@paginate(LimitOffsetPagination)
def power_list(request, query: Query[PowerQuery]):
    return filtered(filters.PowerFilter, selectors.power_list(), query)


@router.get("powers/{pk}", response={200: PowerOut, **errors(400, 404)}, auth=None, summary="执法事项（公开）")
def power_get(request, pk: int):
    return selectors.power_get(pk)


@router.post("powers", response={201: PowerOut, **errors(400, 401, 403, 409, 422)}, summary="列入执法事项")
def power_create(request, payload: PowerIn):
    data = payload.dict()
    agency = reference(selectors.agency_get, data.pop("agency_id"), "agency")
    data["basis_articles"] = _articles(data.pop("basis_article_ids"))
    data["violation_items"] = _items(data.pop("violation_item_ids"))
    return Status(201, services.power_create(actor=request.auth, agency=agency, **data))


@router.patch("powers/{pk}", response={200: PowerOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改执法事项")
def power_update(request, pk: int, payload: PowerPatch):
    data = payload.dict(exclude_unset=True)
    if "basis_article_ids" in data:
        data["basis_articles"] = _articles(data.pop("basis_article_ids"))
    if "violation_item_ids" in data:
        data["violation_items"] = _items(data.pop("violation_item_ids"))
    data = {k: v for k, v in data.items() if v is not None or k == "valid_to"}
    return services.power_update(actor=request.auth, power=selectors.power_get(pk), **data)


# --- Delegations -----------------------------------------------------------------------


@described(Power)
class PowerRef(Schema):
    id: int
    code: str
    name: str
    agency_id: int


@described(Delegation, status="今天的状态：in_force 有效、pending 尚未生效、expired 已到期、revoked 已撤回")
class DelegationOut(Schema):
    id: int
    kind: str
    kind_label: str
    delegator_id: int | None
    delegator: str | None
    recipient_id: int
    recipient: str
    powers: list[PowerRef]
    basis_article_id: int | None
    basis_article: str | None
    document_number: str
    scope_note: str
    valid_from: date
    valid_to: date
    revoked_on: date | None
    revocation_reason: str
    status: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_delegator(obj) -> str | None:
        return obj.delegator.name if obj.delegator else None

    @staticmethod
    def resolve_recipient(obj) -> str:
        return obj.recipient.name

    @staticmethod
    def resolve_powers(obj):
        return list(obj.powers.all())

    @staticmethod
    def resolve_basis_article(obj) -> str | None:
        return str(obj.basis_article) if obj.basis_article else None

    @staticmethod
    def resolve_status(obj) -> str:
        return obj.status_on(clock.today())[0]


@described(Delegation, power_ids="授权或委托的事项（法定职权）的编号")
class DelegationIn(Schema):
    kind: str
    recipient_id: int
    power_ids: list[int]
    valid_from: date
    valid_to: date
    delegator_id: int | None = None
    basis_article_id: int | None = None
    document_number: str = Field("", max_length=60)
    scope_note: str = ""


@described(Delegation, power_ids="授权或委托的事项（法定职权）的编号")
class DelegationPatch(Schema):
    power_ids: list[int] | None = None
    basis_article_id: int | None = None
    document_number: str | None = Field(None, max_length=60)
    scope_note: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@described(Delegation, reason="撤回理由", on="撤回日期")
class RevokeIn(Schema):
    reason: str = Field(..., max_length=200)
    on: date


def _powers(ids, field="power_ids") -> list:
    return references(Power.objects.select_related("agency"), ids, field)


def _article(pk, field="basis_article_id"):
    return _articles([pk], field)[0] if pk else None


@router.get(
    "delegations", response={200: list[DelegationOut], **errors(400, 401)}, summary="授权与委托（本机关及所辖）"
)
@paginate(LimitOffsetPagination)
def delegation_list(request, query: Query[DelegationQuery]):
    return filtered(filters.DelegationFilter, selectors.delegation_list(request.auth), query)


@router.get("delegations/{pk}", response={200: DelegationOut, **errors(400, 401, 404)}, summary="授权或委托")
def delegation_get(request, pk: int):
    return selectors.delegation_get(request.auth, pk)


@router.post("delegations", response={201: DelegationOut, **errors(400, 401, 403, 409, 422)}, summary="登记授权或委托")
def delegation_create(request, payload: DelegationIn):
    data = payload.dict()
    data["recipient"] = reference(selectors.agency_get, data.pop("recipient_id"), "recipient")
    data["delegator"] = reference(selectors.agency_get, data.pop("delegator_id"), "delegator")
    data["powers"] = _powers(data.pop("power_ids"))
    data["basis_article"] = _article(data.pop("basis_article_id"))
    return Status(201, services.delegation_create(actor=request.auth, **data))


@router.patch(
    "delegations/{pk}", response={200: DelegationOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改授权或委托"
)
def delegation_update(request, pk: int, payload: DelegationPatch):
    data = payload.dict(exclude_unset=True)
    if "power_ids" in data:
        data["powers"] = _powers(data.pop("power_ids"))
    if "basis_article_id" in data:
        data["basis_article"] = _article(data.pop("basis_article_id"))
    data = {k: v for k, v in data.items() if v is not None or k == "basis_article"}
    return services.delegation_update(actor=request.auth, delegation=selectors.delegation_get(request.auth, pk), **data)


@router.post(
    "delegations/{pk}/revoke",
    response={200: DelegationOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="撤回授权或委托",
)
def delegation_revoke(request, pk: int, payload: RevokeIn):
    delegation = selectors.delegation_get(request.auth, pk)
    return services.delegation_revoke(actor=request.auth, delegation=delegation, **payload.dict())


# --- Posts -----------------------------------------------------------------------------


@described(Post)
class PostOut(Schema):
    id: int
    agency_id: int
    agency: str
    name: str
    responsibilities: str
    liability: str
    powers: list[PowerRef]

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_powers(obj):
        return list(obj.powers.all())


@described(Post, power_ids="岗位承担的事项的编号")
class PostIn(Schema):
    agency_id: int
    name: str = Field(..., max_length=60)
    responsibilities: str
    liability: str = ""
    power_ids: list[int] = []


@described(Post, power_ids="岗位承担的事项的编号")
class PostPatch(Schema):
    name: str | None = Field(None, max_length=60)
    responsibilities: str | None = None
    liability: str | None = None
    power_ids: list[int] | None = None


@router.get("posts", response={200: list[PostOut], **errors(400, 401)}, summary="执法岗位（本机关及所辖）")
@paginate(LimitOffsetPagination)
def post_list(request, query: Query[PostQuery]):
    return filtered(filters.PostFilter, selectors.post_list(request.auth).prefetch_related("powers"), query)


@router.get("posts/{pk}", response={200: PostOut, **errors(400, 401, 404)}, summary="执法岗位")
def post_get(request, pk: int):
    return selectors.post_get(request.auth, pk)


@router.post("posts", response={201: PostOut, **errors(400, 401, 403, 409, 422)}, summary="设定执法岗位")
def post_create(request, payload: PostIn):
    data = payload.dict()
    data["agency"] = reference(selectors.agency_get, data.pop("agency_id"), "agency")
    data["powers"] = _powers(data.pop("power_ids"))
    return Status(201, services.post_create(actor=request.auth, **data))


@router.patch("posts/{pk}", response={200: PostOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改执法岗位")
def post_update(request, pk: int, payload: PostPatch):
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    if "power_ids" in data:
        data["powers"] = _powers(data.pop("power_ids"))
    return services.post_update(actor=request.auth, post=selectors.post_get(request.auth, pk), **data)
