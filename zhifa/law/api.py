"""API operations on legal bases, articles, violation items and cleanups.

Legal bases, articles, violation items, repeals and published cleanups are public
(``auth=None``, D3.2a/D3.2b); everything that changes state needs a user.
"""

from datetime import date

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference
from zhifa.law import filters, selectors, services
from zhifa.law.models import Article, Cleanup, CleanupEntry, LegalBasis, ViolationItem
from zhifa.org.models import Agency, Government
from zhifa.org.selectors import agency_get, government_get

router = Router(tags=["执法依据"])

# The lists filter as their pages do: one FilterSet each (zhifa.core.filtering).
BasisQuery = query_schema(filters.LegalBasisFilter)
ItemQuery = query_schema(filters.ViolationItemFilter)

Levels = str  # one of LegalBasis.Level: the model validates it and answers at the field


@described(Article, citation="条文的引用（如“行政处罚法第二十条”）")
class ArticleOut(Schema):
    id: int
    number: int
    label: str
    chapter: str
    text: str
    citation: str

    @staticmethod
    def resolve_citation(obj) -> str:
        return str(obj)


@described(LegalBasis, may_ground="可否作为设定执法职权或处罚的依据（法律、法规、规章）")
class BasisOut(Schema):
    id: int
    title: str
    short_title: str
    slug: str
    level: str
    level_label: str
    issuer: str
    issuing_agency_id: int | None
    issuing_government_id: int | None
    document_number: str
    promulgated_on: date
    effective_from: date
    amended_on: date | None
    amendments: list
    repealed_on: date | None
    repeal_reason: str
    source: str
    may_ground: bool

    @staticmethod
    def resolve_level_label(obj) -> str:
        return obj.get_level_display()


@described(LegalBasis, may_ground="可否作为设定执法职权或处罚的依据（法律、法规、规章）", articles="条文")
class BasisDetailOut(BasisOut):
    articles: list[ArticleOut]

    @staticmethod
    def resolve_articles(obj):
        return list(obj.articles.order_by("number"))


@described(LegalBasis)
class BasisIn(Schema):
    title: str = Field(..., max_length=200)
    short_title: str = Field("", max_length=100)
    level: Levels
    issuer: str = Field("", max_length=100)
    issuing_agency_id: int | None = None
    issuing_government_id: int | None = None
    document_number: str = Field("", max_length=80)
    promulgated_on: date
    effective_from: date
    amended_on: date | None = None
    source: str = Field("", max_length=300)


@described(LegalBasis)
class BasisPatch(Schema):
    title: str | None = Field(None, max_length=200)
    short_title: str | None = Field(None, max_length=100)
    level: Levels | None = None
    issuer: str | None = Field(None, max_length=100)
    document_number: str | None = Field(None, max_length=80)
    promulgated_on: date | None = None
    effective_from: date | None = None
    amended_on: date | None = None
    source: str | None = Field(None, max_length=300)


@described(LegalBasis, reason="废止理由")
class RepealIn(Schema):
    repealed_on: date
    reason: str = Field(..., max_length=300)


@described(Article)
class ArticleIn(Schema):
    number: int = Field(..., ge=1)
    label: str = Field("", max_length=40)
    chapter: str = Field("", max_length=100)
    text: str


@described(Article)
class ArticlePatch(Schema):
    label: str | None = Field(None, max_length=40)
    chapter: str | None = Field(None, max_length=100)
    text: str | None = None


@described(ViolationItem, violated="违反的条文", penalty="处罚依据条文")
class ViolationItemOut(Schema):
    id: int
    code: str
    name: str
    field: str
    penalty_summary: str
    health_or_finance: bool
    violated: list[str]
    penalty: list[str]

    @staticmethod
    def resolve_violated(obj):
        return [str(a) for a in obj.violated_articles.all()]

    @staticmethod
    def resolve_penalty(obj):
        return [str(a) for a in obj.penalty_articles.all()]


@described(ViolationItem, violated="违反的条文（引用，如“食品安全法第三十四条”）", penalty="处罚依据条文（引用）")
class ItemIn(Schema):
    code: str = Field(..., max_length=40)
    name: str = Field(..., max_length=200)
    field: str
    violated: list[str]
    penalty: list[str]
    penalty_summary: str = Field("", max_length=300)
    health_or_finance: bool = False


@described(ViolationItem, violated="违反的条文（引用）", penalty="处罚依据条文（引用）")
class ItemPatch(Schema):
    code: str | None = Field(None, max_length=40)
    name: str | None = Field(None, max_length=200)
    field: str | None = None
    violated: list[str] | None = None
    penalty: list[str] | None = None
    penalty_summary: str | None = Field(None, max_length=300)
    health_or_finance: bool | None = None


@described(CleanupEntry, basis_title="文件名称")
class EntryOut(Schema):
    id: int
    basis_id: int
    basis_title: str
    outcome: str
    reason: str
    decided_on: date

    @staticmethod
    def resolve_basis_title(obj) -> str:
        return obj.basis.title


@described(Cleanup)
class CleanupOut(Schema):
    id: int
    title: str
    scope: str
    agency_id: int | None
    government_id: int | None
    started_on: date
    completed_on: date | None
    published_on: date | None
    summary: str


@described(Cleanup, entries="清理结论")
class CleanupDetailOut(CleanupOut):
    entries: list[EntryOut]

    @staticmethod
    def resolve_entries(obj):
        return list(selectors.cleanup_entries(obj))


@described(Cleanup)
class CleanupIn(Schema):
    title: str = Field(..., max_length=200)
    scope: str = Cleanup.Scope.PERIODIC
    agency_id: int | None = None
    government_id: int | None = None
    started_on: date


@described(CleanupEntry)
class EntryIn(Schema):
    basis_id: int
    outcome: str
    reason: str = Field(..., min_length=1)
    decided_on: date


@described(Cleanup)
class CompleteIn(Schema):
    completed_on: date


@described(Cleanup)
class PublishIn(Schema):
    published_on: date
    summary: str = ""


@described(
    government_id="政府（编号）",
    government="政府",
    term_id="任期（编号）",
    term_number="届次",
    starts_on="任期开始",
    ends_on="任期结束",
    code="提醒所依据的规则代码",
    clauses="所执行的《决定》条款编号",
    message="提醒的中文说明",
)
class ReminderOut(Schema):
    government_id: int
    government: str
    term_id: int
    term_number: int
    starts_on: date
    ends_on: date
    code: str
    clauses: list[str]
    message: str


def _agency(pk, field: str) -> Agency | None:
    return reference(agency_get, pk, field)


def _government(pk, field: str) -> Government | None:
    return reference(government_get, pk, field)


# --- legal bases (public reads) ----------------------------------------------------------


@router.get("bases", response={200: list[BasisOut], **errors(400)}, auth=None, summary="执法依据列表")
@paginate(LimitOffsetPagination)
def basis_list(request, query: Query[BasisQuery]):
    return filtered(filters.LegalBasisFilter, selectors.basis_list(), query)


@router.get("bases/{pk}", response={200: BasisDetailOut, **errors(400, 404)}, auth=None, summary="执法依据及其条文")
def basis_get(request, pk: int):
    return selectors.basis_get(pk)


@router.get("public/bases", response={200: list[BasisOut], **errors(400)}, auth=None, summary="现行执法依据（公开）")
@paginate(LimitOffsetPagination)
def public_basis_list(request, query: Query[BasisQuery], on: date | None = None):
    return filtered(filters.LegalBasisFilter, selectors.bases_in_force(on or clock.today()), query)


@router.get(
    "public/bases/{pk}",
    response={200: BasisDetailOut, **errors(400, 404)},
    auth=None,
    summary="现行执法依据及其条文（公开）",
)
def public_basis_get(request, pk: int, on: date | None = None):
    return selectors.public_basis_get(pk, on or clock.today())


@router.get("public/repeals", response={200: list[BasisOut], **errors(400)}, auth=None, summary="废止公告（公开）")
@paginate(LimitOffsetPagination)
def public_repeals(request):
    return selectors.repeals()


@router.get(
    "public/cleanups", response={200: list[CleanupOut], **errors(400)}, auth=None, summary="清理结果公告（公开）"
)
@paginate(LimitOffsetPagination)
def public_cleanups(request):
    return selectors.published_cleanups()


@router.get(
    "public/cleanups/{pk}", response={200: CleanupDetailOut, **errors(400, 404)}, auth=None, summary="清理结果（公开）"
)
def public_cleanup_get(request, pk: int):
    return selectors.published_cleanup_get(pk)


# --- legal bases (acts) -----------------------------------------------------------------


@router.post("bases", response={201: BasisDetailOut, **errors(400, 401, 403, 409, 422)}, summary="登记执法依据")
def basis_create(request, payload: BasisIn):
    data = payload.dict()
    agency = _agency(data.pop("issuing_agency_id"), "issuing_agency_id")
    government = _government(data.pop("issuing_government_id"), "issuing_government_id")
    basis = services.legal_basis_create(
        actor=request.auth, issuing_agency=agency, issuing_government=government, **data
    )
    return Status(201, basis)


@router.patch(
    "bases/{pk}", response={200: BasisDetailOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改执法依据"
)
def basis_update(request, pk: int, payload: BasisPatch):
    return services.legal_basis_update(
        actor=request.auth, basis=selectors.basis_get(pk), **payload.dict(exclude_unset=True)
    )


@router.post(
    "bases/{pk}/repeal", response={200: BasisDetailOut, **errors(400, 401, 403, 404, 409, 422)}, summary="登记废止"
)
def basis_repeal(request, pk: int, payload: RepealIn):
    return services.legal_basis_repeal(actor=request.auth, basis=selectors.basis_get(pk), **payload.dict())


@router.post(
    "bases/{pk}/articles", response={201: ArticleOut, **errors(400, 401, 403, 404, 409, 422)}, summary="登记条文"
)
def article_create(request, pk: int, payload: ArticleIn):
    return Status(201, services.article_create(actor=request.auth, basis=selectors.basis_get(pk), **payload.dict()))


@router.patch("articles/{pk}", response={200: ArticleOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改条文")
def article_update(request, pk: int, payload: ArticlePatch):
    return services.article_update(
        actor=request.auth, article=selectors.article_get(pk), **payload.dict(exclude_unset=True)
    )


# --- violation items --------------------------------------------------------------------


@router.get("items", response={200: list[ViolationItemOut], **errors(400)}, auth=None, summary="违法行为事项列表")
@paginate(LimitOffsetPagination)
def item_list(request, query: Query[ItemQuery]):
    return filtered(filters.ViolationItemFilter, selectors.item_list(), query)


@router.get("items/{pk}", response={200: ViolationItemOut, **errors(400, 404)}, auth=None, summary="违法行为事项")
def item_get(request, pk: int):
    return selectors.item_get(pk)


@router.post("items", response={201: ViolationItemOut, **errors(400, 401, 403, 409, 422)}, summary="登记违法行为事项")
def item_create(request, payload: ItemIn):
    return Status(201, services.violation_item_create(actor=request.auth, **payload.dict()))


@router.patch(
    "items/{pk}", response={200: ViolationItemOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改违法行为事项"
)
def item_update(request, pk: int, payload: ItemPatch):
    return services.violation_item_update(
        actor=request.auth, item=selectors.item_get(pk), **payload.dict(exclude_unset=True)
    )


# --- cleanups ---------------------------------------------------------------------------


@router.get("cleanups", response={200: list[CleanupOut], **errors(400, 401)}, summary="清理列表")
@paginate(LimitOffsetPagination)
def cleanup_list(request):
    return selectors.cleanup_list(request.auth)


@router.get(
    "cleanups/reminders", response={200: list[ReminderOut], **errors(400, 401)}, summary="全面清理提醒（D3.2c）"
)
def cleanup_reminders(request, on: date | None = None):
    return [
        {
            "government_id": r.government.pk,
            "government": r.government.name,
            "term_id": r.term.pk,
            "term_number": r.term.number,
            "starts_on": r.term.starts_on,
            "ends_on": r.term.ends_on,
            "code": r.violation.code,
            "clauses": list(r.violation.clauses),
            "message": r.message,
        }
        for r in selectors.cleanup_reminders(request.auth, on or clock.today())
    ]


@router.get("cleanups/{pk}", response={200: CleanupDetailOut, **errors(400, 401, 404)}, summary="清理及其结论")
def cleanup_get(request, pk: int):
    return selectors.cleanup_get(request.auth, pk)


@router.post("cleanups", response={201: CleanupDetailOut, **errors(400, 401, 403, 409, 422)}, summary="组织清理")
def cleanup_open(request, payload: CleanupIn):
    data = payload.dict()
    agency = _agency(data.pop("agency_id"), "agency_id")
    government = _government(data.pop("government_id"), "government_id")
    return Status(201, services.cleanup_open(actor=request.auth, agency=agency, government=government, **data))


@router.post(
    "cleanups/{pk}/entries", response={201: EntryOut, **errors(400, 401, 403, 404, 409, 422)}, summary="登记清理结论"
)
def cleanup_entry(request, pk: int, payload: EntryIn):
    data = payload.dict()
    basis = reference(selectors.basis_get, data.pop("basis_id"), "basis_id")
    entry = services.cleanup_entry_record(
        actor=request.auth, cleanup=selectors.cleanup_get(request.auth, pk), basis=basis, **data
    )
    return Status(201, entry)


@router.post(
    "cleanups/{pk}/complete",
    response={200: CleanupDetailOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="完成清理",
)
def cleanup_complete(request, pk: int, payload: CompleteIn):
    return services.cleanup_complete(
        actor=request.auth, cleanup=selectors.cleanup_get(request.auth, pk), **payload.dict()
    )


@router.post(
    "cleanups/{pk}/publish",
    response={200: CleanupDetailOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="公布清理结果",
)
def cleanup_publish(request, pk: int, payload: PublishIn):
    return services.cleanup_publish(
        actor=request.auth, cleanup=selectors.cleanup_get(request.auth, pk), **payload.dict()
    )
