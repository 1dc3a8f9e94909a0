"""API operations of supervision: alerts and the cases behind them, discretion
consistency, 督办 (issue, answer, escalate) and the parties' ratings."""

# No `from __future__ import annotations`: paginated operations take query schemas (the
# lists filter as their pages do, zhifa.core.filtering), which ninja resolves at import.

from datetime import date
from decimal import Decimal
from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from zhifa.accounts.access import scope
from zhifa.accounts.models import User
from zhifa.cases import presenters
from zhifa.cases import selectors as case_selectors
from zhifa.cases.api.schemas import CaseList
from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.errors import invalid
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import get_or_not_found, reference, references
from zhifa.law.models import Cleanup, LegalBasis
from zhifa.org.models import Agency
from zhifa.oversight import dashboard, evaluation, filters, implementation, selectors, services
from zhifa.oversight.models import (
    DIMENSION_MAX,
    AccountabilityMatter,
    CaseReview,
    CleanupReport,
    Evaluation,
    ImplementationMeasure,
    InspectionFinding,
    Lawsuit,
    PartyRating,
    Reconsideration,
    ReviewRound,
    SpecialInspection,
    SupervisionNotice,
)
from zhifa.people.models import Officer

router = Router(tags=["执法监督"])

# The lists filter as their pages do: one FilterSet each (zhifa.core.filtering).
NoticeQuery = query_schema(filters.NoticeFilter)
CleanupReportQuery = query_schema(filters.CleanupReportFilter)
PublicCleanupQuery = query_schema(filters.PublicCleanupFilter)
MeasureQuery = query_schema(filters.MeasureFilter)
SpecialInspectionQuery = query_schema(filters.SpecialInspectionFilter)


class AlertKindOut(Schema):
    code: str = Field(..., description="预警类别代码")
    label: str = Field(..., description="预警名称")
    group: str = Field(..., description="预警分组")
    clauses: list[str] = Field(..., description="所依据的《决定》条款编号")
    law: str = Field(..., description="所依据的法律条文（没有时为空）")
    description: str = Field(..., description="预警的含义")
    count: int = Field(..., description="触发该预警的案件数（在您的查看范围内）")


def _kind(c) -> dict:
    k = c.kind
    return {
        "code": k.code,
        "label": k.label,
        "group": k.group,
        "clauses": list(k.clauses),
        "law": k.law,
        "description": k.description,
        "count": c.count,
    }


@router.get("alerts", response={200: list[AlertKindOut], **errors(401)}, summary="监督预警：每一类预警及其案件数")
def alert_list(request):
    return [_kind(c) for c in selectors.alert_counts(request.auth)]


class OversightPage(Schema):
    limit: int = Field(20, ge=1, le=100, description="每页条数")
    offset: int = Field(0, ge=0, description="跳过的条数")


@router.get(
    "alerts/{code}",
    response={200: CaseList, **errors(400, 401, 404)},
    summary="触发一类预警的案件（items 与 count，limit/offset 分页）",
)
def alert_cases(request, code: str, page: Query[OversightPage]):
    qs = selectors.alert_cases(request.auth, code).prefetch_related("payments", "payment_plans__instalments")
    on = clock.today()
    return {
        "count": qs.count(),
        "items": [presenters.case_row(c, on) for c in qs[page.offset : page.offset + page.limit]],
    }


class SpreadGroupOut(Schema):
    id: int | None = Field(None, description="机关或承办人编号")
    name: str = Field(..., description="机关或承办人")
    count: int = Field(..., description="罚款决定件数")
    average: Decimal = Field(..., description="平均罚款（元）")


class SpreadOut(Schema):
    item_id: int = Field(..., description="违法行为编号")
    item: str = Field(..., description="违法行为")
    groups: list[SpreadGroupOut] = Field(..., description="各机关或承办人的罚款")
    low: Decimal = Field(..., description="最低的平均罚款（元）")
    high: Decimal = Field(..., description="最高的平均罚款（元）")
    ratio: Decimal | None = Field(None, description="最高与最低之比（最低为零时为空）")
    cases: int = Field(..., description="案件数")
    flagged: bool = Field(..., description="相差达到预警倍数")


@router.get(
    "consistency", response={200: list[SpreadOut], **errors(400, 401)}, summary="裁量一致性：同一违法行为的罚款差异"
)
def consistency(request, by: str = Query("agency", description="agency 按机关，officer 按承办人")):
    return selectors.fine_spread(request.auth, by="officer" if by == "officer" else "agency")


# --- 督办 -------------------------------------------------------------------------------


@described(SupervisionNotice, agency="被督办机关", case_id="涉及案件（编号）")
class OversightNoticeOut(Schema):
    id: int
    number: str
    agency_id: int
    agency: str
    case_id: int | None
    alert_code: str
    subject: str
    requirement: str
    issued_on: date
    due_on: date
    state: str
    state_label: str
    overdue: bool = Field(..., description="期限届满仍未答复")
    answered_on: date | None
    answer: str
    escalated_on: date | None
    escalation_note: str

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name

    @staticmethod
    def resolve_state_label(obj):
        return obj.get_state_display()

    @staticmethod
    def resolve_overdue(obj):
        return obj.answered_on is None and clock.today() > obj.due_on


class OversightNoticeIn(Schema):
    agency_id: int = Field(..., description="被督办机关（编号）")
    case_id: int | None = Field(None, description="涉及案件（编号）")
    alert_code: str = Field("", max_length=40, description="预警类别代码")
    subject: str = Field(..., max_length=200, description="督办事项")
    requirement: str = Field(..., description="整改要求")
    due_on: date = Field(..., description="答复期限")


class OversightAnswerIn(Schema):
    answer: str = Field(..., description="整改情况和结果")


class EscalateIn(Schema):
    note: str = Field("", description="升级督办说明")


def _agency_get(user, pk: int) -> Agency:
    return get_or_not_found(scope(Agency.objects.all(), user, "pk"), "执法机关", pk=pk)


@router.get("notices", response={200: list[OversightNoticeOut], **errors(400, 401)}, summary="督办列表")
@paginate(LimitOffsetPagination)
def notice_list(request, query: Query[NoticeQuery]):
    return filtered(filters.NoticeFilter, selectors.notice_list(request.auth), query)


@router.get("notices/{int:pk}", response={200: OversightNoticeOut, **errors(401, 404)}, summary="督办")
def notice_get(request, pk: int):
    return selectors.notice_get(request.auth, pk)


@router.post(
    "notices", response={201: OversightNoticeOut, **errors(400, 401, 403, 404, 422)}, summary="发出督办（D6.1）"
)
def notice_issue(request, payload: OversightNoticeIn):
    agency = reference(_agency_get, payload.agency_id, "agency_id", request.auth)
    case = reference(case_selectors.case_get, payload.case_id, "case_id", request.auth)
    notice = services.supervision_issue(
        actor=request.auth,
        agency=agency,
        case=case,
        alert_code=payload.alert_code,
        subject=payload.subject,
        requirement=payload.requirement,
        due_on=payload.due_on,
    )
    return Status(201, notice)


@router.post(
    "notices/{int:pk}/answer", response={200: OversightNoticeOut, **errors(400, 401, 403, 404, 422)}, summary="答复督办"
)
def notice_answer(request, pk: int, payload: OversightAnswerIn):
    notice = selectors.notice_get(request.auth, pk)
    return services.supervision_answer(actor=request.auth, notice=notice, answer=payload.answer)


@router.post(
    "notices/{int:pk}/escalate",
    response={200: OversightNoticeOut, **errors(400, 401, 403, 404, 422)},
    summary="逾期未答复的督办升级",
)
def notice_escalate(request, pk: int, payload: EscalateIn):
    notice = selectors.notice_get(request.auth, pk)
    return services.supervision_escalate(actor=request.auth, notice=notice, note=payload.note)


# --- ratings ----------------------------------------------------------------------------


@described(PartyRating, agency="被评价机关")
class RatingOut(Schema):
    id: int
    party_id: int
    case_id: int
    agency_id: int
    agency: str
    inspection_id: int | None
    kind: str
    score: int
    comment: str
    submitted_on: date

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name


@router.get("ratings", response={200: list[RatingOut], **errors(400, 401)}, summary="当事人评价（D6.4b）")
@paginate(LimitOffsetPagination)
def rating_list(request):
    return selectors.rating_list(request.auth)


# --- case-file review -------------------------------------------------------------------


class FindingOut(Schema):
    code: str = Field(..., description="问题代码")
    label: str = Field(..., description="问题")
    dimension: str = Field(
        ..., description="所属评查项：body 主体、procedure 程序、facts 事实、evidence 证据、law 适用法律"
    )
    clause: str = Field(..., description="所依据的《决定》条款编号")
    detail: str = Field(..., description="记录中发现的情况")


@described(CaseReview, case_number="案卷（案号）")
class ReviewOut(Schema):
    id: int
    round_id: int
    case_id: int
    case_number: str
    position: int
    prefilled: list[FindingOut]
    confirmed: list[FindingOut]
    added: str
    body: int | None
    procedure: int | None
    facts: int | None
    evidence: int | None
    law: int | None
    total: int | None = Field(None, description="总分（满分100）")
    completed_on: date | None

    @staticmethod
    def resolve_case_number(obj):
        return obj.case.number


@described(ReviewRound, agency="被评查机关")
class RoundOut(Schema):
    id: int
    kind: str
    agency_id: int
    agency: str
    year: int
    seed: str
    population: int
    sample_size: int
    opened_on: date

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name


class RoundDetailOut(RoundOut):
    reviews: list[ReviewOut] = Field(..., description="抽中的案卷，按抽取顺序")

    @staticmethod
    def resolve_reviews(obj):
        return list(selectors.round_reviews(obj))


class RoundIn(Schema):
    kind: Literal["self", "spot"] = Field(..., description="self 机关年度自查，spot 政府法制机构抽查")
    agency_id: int = Field(..., description="被评查机关（编号）")
    year: int = Field(..., ge=2000, le=2100, description="案卷年度")
    sample_size: int | None = Field(None, ge=1, le=10000, description="抽取件数（自查不填则全部）")
    seed: str = Field("", max_length=64, description="随机种子（不填由平台生成，随评查公开）")


class OversightReviewIn(Schema):
    body: int = Field(..., ge=0, le=DIMENSION_MAX, description="主体合格（0–20分）")
    procedure: int = Field(..., ge=0, le=DIMENSION_MAX, description="程序合法（0–20分）")
    facts: int = Field(..., ge=0, le=DIMENSION_MAX, description="事实清楚（0–20分）")
    evidence: int = Field(..., ge=0, le=DIMENSION_MAX, description="证据确凿（0–20分）")
    law: int = Field(..., ge=0, le=DIMENSION_MAX, description="适法得当（0–20分）")
    confirmed: list[str] = Field(default_factory=list, description="确认的平台预填问题（问题代码）")
    added: str = Field("", description="阅卷发现的其他问题")


@router.get("rounds", response={200: list[RoundOut], **errors(400, 401)}, summary="案卷评查列表")
@paginate(LimitOffsetPagination)
def round_list(request):
    return selectors.round_list(request.auth)


@router.get("rounds/{int:pk}", response={200: RoundDetailOut, **errors(401, 404)}, summary="一轮评查及其抽中的案卷")
def round_get(request, pk: int):
    return selectors.round_get(request.auth, pk)


@router.post(
    "rounds", response={201: RoundDetailOut, **errors(400, 401, 403, 404, 422)}, summary="开始案卷评查或抽查（D6.2c）"
)
def round_open(request, payload: RoundIn):
    agency = reference(_agency_get, payload.agency_id, "agency_id", request.auth)
    rnd = services.review_round_open(
        actor=request.auth,
        kind=payload.kind,
        agency=agency,
        year=payload.year,
        sample_size=payload.sample_size,
        seed=payload.seed,
    )
    return Status(201, selectors.round_get(request.auth, rnd.pk))


@router.get("reviews/{int:pk}", response={200: ReviewOut, **errors(401, 404)}, summary="一件案卷的评查")
def review_get(request, pk: int):
    return selectors.review_get(request.auth, pk)


@router.post(
    "reviews/{int:pk}/complete",
    response={200: ReviewOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="评查一件案卷：确认预填问题、补充、五项评分（D6.2b）",
)
def review_complete(request, pk: int, payload: OversightReviewIn):
    review = selectors.review_get(request.auth, pk)
    data = payload.dict()
    services.case_review_complete(
        actor=request.auth,
        review=review,
        scores={d: data[d] for d in ("body", "procedure", "facts", "evidence", "law")},
        confirmed=data["confirmed"],
        added=data["added"],
    )
    return selectors.review_get(request.auth, pk)


# --- accountability ---------------------------------------------------------------------


@described(AccountabilityMatter, agency="执法机关", officers="责任人员")
class MatterOut(Schema):
    id: int
    number: str
    origin: str
    origin_reference: str
    review_id: int | None
    case_id: int
    agency_id: int
    agency: str
    fault: str
    officers: list[str]
    opened_on: date
    state: str
    cause: str
    sanction: str
    certificate_revoked: bool
    removed_from_post: bool
    serious_consequences: bool
    head_accountable: bool
    compensation: Decimal | None
    decided_on: date | None
    public_summary: str
    published_on: date | None

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name

    @staticmethod
    def resolve_officers(obj):
        return [o.name for o in obj.officers.all()]


@described(AccountabilityMatter, agency="执法机关")
class PublicMatterOut(Schema):
    id: int
    number: str
    agency: str
    decided_on: date | None
    published_on: date | None
    public_summary: str

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name


class MatterIn(Schema):
    origin: Literal["review", "reconsideration", "litigation", "complaint"] = Field(
        ..., description="问题来源：review 案卷评查，reconsideration 行政复议，litigation 行政诉讼，complaint 举报投诉"
    )
    case_id: int = Field(..., description="案件（编号）")
    review_id: int | None = Field(None, description="评查记录（编号）")
    origin_reference: str = Field("", max_length=80, description="来源编号")
    fault: str = Field(..., description="过错事实")
    officer_ids: list[int] = Field(default_factory=list, description="责任人员（执法人员编号）")


class OversightDecideIn(Schema):
    cause: str = Field(..., description="查明的原因")
    sanction: str = Field(..., description="处理结果")
    certificate_revoked: bool = Field(False, description="吊销责任人员的行政执法证件")
    removed_from_post: bool = Field(False, description="责令所在机关调离执法岗位")
    serious_consequences: bool = Field(False, description="过错造成严重后果")
    head_accountable: bool = Field(False, description="对行政首长问责")
    compensation: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2, description="赔偿金额（元）")


class OversightPublishIn(Schema):
    public_summary: str = Field(..., description="向社会公开的内容")


@router.get("matters", response={200: list[MatterOut], **errors(400, 401)}, summary="执法过错责任追究列表")
@paginate(LimitOffsetPagination)
def matter_list(request):
    return selectors.matter_list(request.auth).order_by("-opened_on", "-pk")


@router.get("matters/{int:pk}", response={200: MatterOut, **errors(401, 404)}, summary="追责事项")
def matter_get(request, pk: int):
    return selectors.matter_get(request.auth, pk)


@router.post(
    "matters", response={201: MatterOut, **errors(400, 401, 403, 404, 422)}, summary="立项追究执法过错责任（D6.3a）"
)
def matter_open(request, payload: MatterIn):
    case = reference(case_selectors.case_get, payload.case_id, "case_id", request.auth)
    review = reference(selectors.review_get, payload.review_id, "review_id", request.auth)
    officers = references(Officer.objects.filter(agency_id=case.agency_id), payload.officer_ids, "officer_ids")
    matter = services.matter_open(
        actor=request.auth,
        origin=payload.origin,
        case=case,
        review=review,
        origin_reference=payload.origin_reference,
        fault=payload.fault,
        officers=officers,
    )
    return Status(201, selectors.matter_get(request.auth, matter.pk))


@router.post(
    "matters/{int:pk}/decide", response={200: MatterOut, **errors(400, 401, 403, 404, 409, 422)}, summary="作出追责处理"
)
def matter_decide(request, pk: int, payload: OversightDecideIn):
    services.matter_decide(actor=request.auth, matter=selectors.matter_get(request.auth, pk), **payload.dict())
    return selectors.matter_get(request.auth, pk)


@router.post(
    "matters/{int:pk}/publish",
    response={200: MatterOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="向社会公开追责结果（D6.3b）",
)
def matter_publish(request, pk: int, payload: OversightPublishIn):
    services.matter_publish(
        actor=request.auth, matter=selectors.matter_get(request.auth, pk), public_summary=payload.public_summary
    )
    return selectors.matter_get(request.auth, pk)


@router.get(
    "public/accountability", response={200: list[PublicMatterOut], **errors(400)}, auth=None, summary="追责结果公开"
)
@paginate(LimitOffsetPagination)
def public_matters(request):
    return selectors.published_matters()


@router.get(
    "public/accountability/{int:pk}",
    response={200: PublicMatterOut, **errors(404)},
    auth=None,
    summary="追责结果（公开）",
)
def public_matter(request, pk: int):
    return selectors.published_matter_get(pk)


# --- reconsideration and litigation -----------------------------------------------------

REMEDY = Literal["upheld", "revoked", "altered", "unlawful", "withdrawn"]
REMEDY_TEXT = "upheld 维持或驳回，revoked 撤销，altered 变更，unlawful 确认违法，withdrawn 撤回、终止"


@described(Reconsideration, agency="被申请人")
class ReconsiderationOut(Schema):
    id: int
    number: str
    case_id: int
    agency_id: int
    agency: str
    body: str
    applicant: str
    known_on: date
    applied_on: date
    late_reason: str
    accepted: bool | None
    accepted_on: date | None
    refusal_reason: str
    extended: bool
    decided_on: date | None
    outcome: str
    reasons: str
    public_hearing: bool
    corrected_on: date | None
    correction: str
    late_fee_paused: bool = Field(..., description="复议期间加处罚款不予计算（行政处罚法第七十三条）")

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name

    @staticmethod
    def resolve_late_fee_paused(obj):
        return obj.accepted is not False


class ReconsiderationIn(Schema):
    case_id: int = Field(..., description="被申请复议的案件（编号）")
    number: str = Field(..., min_length=1, max_length=60, description="复议案号")
    body: str = Field(..., min_length=1, max_length=100, description="复议机关")
    applicant: str = Field(..., min_length=1, max_length=100, description="申请人")
    known_on: date = Field(..., description="知道该行政行为之日")
    applied_on: date = Field(..., description="申请日期")


class AcceptIn(Schema):
    accepted: bool = Field(..., description="受理（true）或不予受理（false）")
    on: date = Field(..., description="决定日期")
    late_reason: str = Field("", max_length=300, description="超过申请期限的正当理由")
    refusal_reason: str = Field("", description="不予受理的理由")


class RemedyDecideIn(Schema):
    outcome: REMEDY = Field(..., description=REMEDY_TEXT)
    reasons: str = Field(..., description="决定理由")
    decided_on: date = Field(..., description="复议决定日期")
    extended: bool = Field(False, description="经批准延长审理期限")
    extension_reason: str = Field("", max_length=300, description="延长理由")
    public_hearing: bool = Field(False, description="公开审理")


class OversightCorrectIn(Schema):
    correction: str = Field(..., description="纠正情况")
    on: date | None = Field(None, description="纠正日期（默认今天）")


@described(Lawsuit, agency="被告")
class LawsuitOut(Schema):
    id: int
    number: str
    case_id: int
    agency_id: int
    agency: str
    plaintiff: str
    court: str
    filed_on: date
    judged_on: date | None
    outcome: str
    judgment: str
    corrected_on: date | None
    correction: str

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name


class LawsuitIn(Schema):
    case_id: int = Field(..., description="被诉行政行为的案件（编号）")
    number: str = Field(..., min_length=1, max_length=60, description="案号")
    plaintiff: str = Field(..., min_length=1, max_length=100, description="原告")
    court: str = Field(..., min_length=1, max_length=100, description="人民法院")
    filed_on: date = Field(..., description="立案日期")


class JudgeIn(Schema):
    outcome: REMEDY = Field(..., description=REMEDY_TEXT)
    judgment: str = Field("", description="裁判要旨")
    judged_on: date = Field(..., description="裁判日期")


class AppearanceIn(Schema):
    head_id: int = Field(..., description="出庭的机关负责人（用户编号）")
    on: date = Field(..., description="出庭日期")


class AppearanceOut(Schema):
    id: int = Field(..., description="编号")
    agency_id: int = Field(..., description="机关（编号）")
    head: str = Field(..., description="出庭负责人")
    on: date = Field(..., description="出庭日期")

    @staticmethod
    def resolve_head(obj):
        return str(obj.head)


class ShortfallOut(Schema):
    id: int = Field(..., description="机关编号")
    name: str = Field(..., description="被诉而负责人本年度未出庭应诉的机关")


def _head_get(user, pk: int):
    return get_or_not_found(scope(User.objects.filter(role="head"), user, "agency"), "机关负责人", pk=pk)


@router.get("reconsiderations", response={200: list[ReconsiderationOut], **errors(400, 401)}, summary="行政复议列表")
@paginate(LimitOffsetPagination)
def reconsideration_list(request):
    return selectors.reconsideration_list(request.auth)


@router.get("reconsiderations/{int:pk}", response={200: ReconsiderationOut, **errors(401, 404)}, summary="行政复议")
def reconsideration_get(request, pk: int):
    return selectors.reconsideration_get(request.auth, pk)


@router.post(
    "reconsiderations",
    response={201: ReconsiderationOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="登记行政复议申请",
)
def reconsideration_record(request, payload: ReconsiderationIn):
    data = payload.dict()
    case = reference(case_selectors.case_get, data.pop("case_id"), "case_id", request.auth)
    return Status(201, services.reconsideration_record(actor=request.auth, case=case, **data))


@router.post(
    "reconsiderations/{int:pk}/accept",
    response={200: ReconsiderationOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="受理或不予受理（行政复议法第三十条）",
)
def reconsideration_accept(request, pk: int, payload: AcceptIn):
    item = selectors.reconsideration_get(request.auth, pk)
    return services.reconsideration_accept(actor=request.auth, item=item, **payload.dict())


@router.post(
    "reconsiderations/{int:pk}/decide",
    response={200: ReconsiderationOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="作出行政复议决定（行政复议法第六十二条）",
)
def reconsideration_decide(request, pk: int, payload: RemedyDecideIn):
    item = selectors.reconsideration_get(request.auth, pk)
    return services.reconsideration_decide(actor=request.auth, item=item, **payload.dict())


@router.post(
    "reconsiderations/{int:pk}/correct",
    response={200: ReconsiderationOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="纠正被撤销、变更或确认违法的行为（D6.5a）",
)
def reconsideration_correct(request, pk: int, payload: OversightCorrectIn):
    item = selectors.reconsideration_get(request.auth, pk)
    return services.remedy_correct(actor=request.auth, item=item, **payload.dict())


@router.post(
    "reconsiderations/{int:pk}/appearances",
    response={201: AppearanceOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="负责人参加行政复议公开审理（D6.6）",
)
def reconsideration_appearance(request, pk: int, payload: AppearanceIn):
    item = selectors.reconsideration_get(request.auth, pk)
    head = reference(_head_get, payload.head_id, "head_id", request.auth)
    return Status(201, services.appearance_record(actor=request.auth, head=head, on=payload.on, reconsideration=item))


@router.get("lawsuits", response={200: list[LawsuitOut], **errors(400, 401)}, summary="行政诉讼列表")
@paginate(LimitOffsetPagination)
def lawsuit_list(request):
    return selectors.lawsuit_list(request.auth)


@router.get("lawsuits/{int:pk}", response={200: LawsuitOut, **errors(401, 404)}, summary="行政诉讼")
def lawsuit_get(request, pk: int):
    return selectors.lawsuit_get(request.auth, pk)


@router.post("lawsuits", response={201: LawsuitOut, **errors(400, 401, 403, 404, 409, 422)}, summary="登记行政诉讼")
def lawsuit_record(request, payload: LawsuitIn):
    data = payload.dict()
    case = reference(case_selectors.case_get, data.pop("case_id"), "case_id", request.auth)
    return Status(201, services.lawsuit_record(actor=request.auth, case=case, **data))


@router.post(
    "lawsuits/{int:pk}/judgment",
    response={200: LawsuitOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="登记裁判结果",
)
def lawsuit_judge(request, pk: int, payload: JudgeIn):
    suit = selectors.lawsuit_get(request.auth, pk)
    return services.lawsuit_judge(actor=request.auth, suit=suit, **payload.dict())


@router.post(
    "lawsuits/{int:pk}/correct",
    response={200: LawsuitOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="纠正被判决撤销、变更或确认违法的行为",
)
def lawsuit_correct(request, pk: int, payload: OversightCorrectIn):
    suit = selectors.lawsuit_get(request.auth, pk)
    return services.remedy_correct(actor=request.auth, item=suit, **payload.dict())


@router.post(
    "lawsuits/{int:pk}/appearances",
    response={201: AppearanceOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="负责人出庭应诉（D6.6）",
)
def lawsuit_appearance(request, pk: int, payload: AppearanceIn):
    suit = selectors.lawsuit_get(request.auth, pk)
    head = reference(_head_get, payload.head_id, "head_id", request.auth)
    return Status(201, services.appearance_record(actor=request.auth, head=head, on=payload.on, lawsuit=suit))


@router.get(
    "appearance-shortfalls",
    response={200: list[ShortfallOut], **errors(400, 401)},
    summary="被诉而负责人本年度未出庭应诉的机关（D6.6）",
)
def appearance_shortfalls(request, year: int | None = None):
    if year is not None and not 2000 <= year <= 2100:
        raise invalid("年度应为2000至2100之间的年份。", field="year")
    return list(selectors.appearance_shortfalls(request.auth, year))


# --- the dashboard ----------------------------------------------------------------------


class BarOut(Schema):
    key: str = Field(..., description="统计项代码（明细的 key）")
    label: str = Field(..., description="统计项")
    count: int = Field(..., description="案件数（等于明细所列案件数）")


class ChartOut(Schema):
    metric: str = Field(..., description="图表代码（明细的 metric）")
    title: str = Field(..., description="图表名称")
    unit: str = Field(..., description="计数的单位（案件数，或举报投诉、媒体曝光的件数）")
    bars: list[BarOut] = Field(..., description="各统计项")


@router.get("dashboard", response={200: list[ChartOut], **errors(401)}, summary="执法监督看板的数据")
def dashboard_data(request):
    return dashboard.as_data(dashboard.charts(request.auth, clock.today()))


@router.get(
    "dashboard/cases",
    response={200: CaseList, **errors(400, 401, 404)},
    summary="看板上一个数字背后的案件（items 与 count，limit/offset 分页）",
)
def dashboard_cases(
    request,
    page: Query[OversightPage],
    metric: str = Query("", description="图表代码"),
    key: str = Query("", description="统计项代码"),
):
    on = clock.today()
    qs = (
        dashboard.drill(request.auth, metric, key, on)
        .select_related("agency", "party", "violation_item", "decision")
        .prefetch_related("payments", "payment_plans__instalments")
        .order_by("-received_on", "-pk")
    )
    return {
        "count": qs.count(),
        "items": [presenters.case_row(c, on) for c in qs[page.offset : page.offset + page.limit]],
    }


class OversightDashboardComplaintOut(Schema):
    id: int = Field(..., description="举报投诉（编号）")
    tracking_number: str = Field(..., description="查询码")
    kind: str = Field(..., description="类别：enforcement 投诉执法行为，violation 举报违法行为")
    status: str = Field(..., description="状态：received 待分办，routed 已转交，handling 办理中，answered 已答复")
    agency: str | None = Field(None, description="办理机关（未分办时为空）")
    received_on: date = Field(..., description="收到日期")
    due_on: date = Field(..., description="答复期限")
    answered_on: date | None = Field(None, description="答复日期")

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name if obj.agency_id else None


class OversightDashboardMediaOut(Schema):
    id: int = Field(..., description="媒体曝光（编号）")
    outlet: str = Field(..., description="媒体")
    title: str = Field(..., description="报道标题")
    agency: str = Field(..., description="被曝光的执法机关")
    reported_on: date = Field(..., description="报道日期")
    status: str = Field(..., description="状态：following 追查中，concluded 已查处并发布结果")

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name


@router.get(
    "dashboard/complaints",
    response={200: list[OversightDashboardComplaintOut], **errors(400, 401, 404)},
    summary="看板上举报投诉数字背后的举报投诉",
)
@paginate(LimitOffsetPagination)
def dashboard_complaints(request, metric: str = "", key: str = ""):
    return dashboard.complaint_drill(request.auth, metric, key, clock.today()).order_by("-received_on", "-pk")


@router.get(
    "dashboard/media",
    response={200: list[OversightDashboardMediaOut], **errors(400, 401, 404)},
    summary="看板上媒体曝光数字背后的曝光案件",
)
@paginate(LimitOffsetPagination)
def dashboard_media(request, metric: str = "", key: str = ""):
    return dashboard.media_drill(request.auth, metric, key).order_by("-reported_on", "-pk")


# --- evaluation -------------------------------------------------------------------------


class IndicatorsOut(Schema):
    decisions: int = Field(..., description="作出的处理决定（件）")
    reviews: int = Field(..., description="评查的案卷（件）")
    review_average: float | None = Field(None, description="案卷评查平均分")
    corrected_by_reconsideration: int = Field(..., description="被复议纠正（件）")
    corrected_by_court: int = Field(..., description="被判决纠正（件）")
    supervision_overdue: int | None = Field(None, description="督办逾期答复（件；考核执法人员时为空）")
    ratings: int = Field(..., description="当事人评价（条）")
    rating_average: float | None = Field(None, description="当事人评价平均分")
    inspection_faults: int | None = Field(None, description="年度专项执法检查发现的执法过错（件；考核执法人员时为空）")
    inspection_deduction: int | None = Field(None, description="年度专项执法检查扣分（考核执法人员时为空）")


@described(Evaluation, agency="被考核机关", officer="被考核执法人员")
class EvaluationOut(Schema):
    id: int
    year: int
    agency_id: int
    agency: str
    officer_id: int | None
    officer: str
    indicators: dict
    ratings_heard: int
    opinions: str
    score: Decimal
    conclusion: str
    comment: str
    for_annual_assessment: bool
    decided_on: date

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name

    @staticmethod
    def resolve_officer(obj):
        return obj.officer.name if obj.officer_id else ""


class EvaluationIn(Schema):
    year: int = Field(..., ge=2000, le=2100, description="考核年度")
    agency_id: int = Field(..., description="被考核机关（编号）")
    officer_id: int | None = Field(None, description="被考核执法人员（编号；考核机关时不填）")
    score: Decimal = Field(..., ge=0, le=100, max_digits=5, decimal_places=2, description="得分（0–100）")
    conclusion: Literal["excellent", "competent", "basic", "incompetent"] = Field(
        ..., description="等次：excellent 优秀，competent 合格，basic 基本合格，incompetent 不合格"
    )
    opinions: str = Field(..., description="听取行政管理相对人意见的情况")
    comment: str = Field("", description="评语")
    extra_indicators: dict[str, float] = Field(default_factory=dict, description="考核人补充的指标（不得为罚没款数额）")
    for_annual_assessment: bool = Field(True, description="纳入年度目标考核")


def _officer_get(user, pk: int):
    return get_or_not_found(scope(Officer.objects.all(), user, "agency"), "执法人员", pk=pk)


@router.get("evaluations", response={200: list[EvaluationOut], **errors(400, 401)}, summary="考核评议列表")
@paginate(LimitOffsetPagination)
def evaluation_list(request):
    return selectors.evaluation_list(request.auth)


@router.get(
    "evaluations/indicators",
    response={200: IndicatorsOut, **errors(400, 401, 404)},
    summary="考核指标（按记录计算；不含罚没款数额）",
)
def evaluation_indicators(
    request,
    agency_id: int = Query(0, description="机关（编号）"),
    year: int = Query(2000, ge=2000, le=2100, description="考核年度"),
    officer_id: int | None = Query(None, description="执法人员（编号）"),
):
    agency = _agency_get(request.auth, agency_id)
    officer = _officer_get(request.auth, officer_id) if officer_id else None
    return evaluation.indicators(agency.pk, year, officer.pk if officer else None)


@router.post(
    "evaluations", response={201: EvaluationOut, **errors(400, 401, 403, 404, 409, 422)}, summary="考核评议（D6.4）"
)
def evaluation_record(request, payload: EvaluationIn):
    data = payload.dict()
    agency = reference(_agency_get, data.pop("agency_id"), "agency_id", request.auth)
    officer = reference(_officer_get, data.pop("officer_id"), "officer_id", request.auth)
    return Status(201, services.evaluation_record(actor=request.auth, agency=agency, officer=officer, **data))


# --- implementation (D3.5, D7, D8) -------------------------------------------------------


class OversightOwedReportOut(Schema):
    basis_id: int = Field(..., description="法律、法规或规章（编号）")
    basis: str = Field(..., description="法律、法规或规章的名称")
    effective_from: date = Field(..., description="施行日期")
    agency_id: int = Field(..., description="应当报告的机关（编号）")
    agency: str = Field(..., description="应当报告的机关")
    due_on: date = Field(..., description="应当报告的日期（施行满一年）")
    state: str = Field(..., description="overdue 逾期未报告，due 今日应报告，pending 未满一年，reported 已报告")
    reported_on: date | None = Field(None, description="报告日期")
    content: str = Field("", description="报告的执行情况")


class OversightReportIn(Schema):
    basis_id: int = Field(..., description="法律、法规或规章（编号）")
    agency_id: int = Field(..., description="报告机关（编号）")
    content: str = Field(..., description="执行情况")
    problems: str = Field("", description="存在的问题和建议")


def _owed_out(r) -> dict:
    return {
        "basis_id": r.basis.pk,
        "basis": r.basis.title,
        "effective_from": r.basis.effective_from,
        "agency_id": r.agency.pk,
        "agency": r.agency.name,
        "due_on": r.due_on,
        "state": r.status,
        "reported_on": r.report.reported_on if r.report else None,
        "content": r.report.content if r.report else "",
    }


@router.get(
    "implementation/reports",
    response={200: list[OversightOwedReportOut], **errors(400, 401)},
    summary="新法实施情况报告：应当报告的机关、期限和报告（D3.5）",
)
@paginate(LimitOffsetPagination)
def implementation_reports(request, state: str = ""):
    """state：overdue（逾期未报告）、due（今日应报告）、pending（未满一年）、reported（已报告）；留空为全部。"""
    if state and state not in implementation.STATE_LABELS:
        raise invalid("状态应为 overdue、due、pending 或 reported。", field="state")
    return [_owed_out(r) for r in implementation.owed(request.auth, clock.today(), state or "")]


@router.post(
    "implementation/reports",
    response={201: OversightOwedReportOut, **errors(400, 401, 403, 404, 422)},
    summary="报告新法实施情况（D3.5）",
)
def implementation_report(request, payload: OversightReportIn):
    basis = get_or_not_found(LegalBasis.objects.all(), "法律、法规或规章", pk=payload.basis_id)
    agency = _agency_get(request.auth, payload.agency_id)
    services.implementation_report(
        actor=request.auth, basis=basis, agency=agency, content=payload.content, problems=payload.problems
    )
    row = next(r for r in implementation.owed(request.auth, clock.today()) if r.key == f"{basis.pk}-{agency.pk}")
    return Status(201, _owed_out(row))


@described(
    CleanupReport,
    agency="清理机关",
    subject="清理事项：" + "、".join(f"{v}（{t}）" for v, t in CleanupReport.Subject.choices),
)
class OversightCleanupOut(Schema):
    id: int
    agency_id: int
    agency: str
    subject: str
    year: int
    law_cleanup_id: int | None
    summary: str
    submitted_on: date
    state: str
    reviewed_on: date | None
    review_opinion: str
    published_on: date | None
    public_summary: str

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name


@described(CleanupReport, agency="清理机关", subject="清理事项")
class OversightPublicCleanupOut(Schema):
    id: int
    agency: str
    subject: str
    year: int
    published_on: date | None
    public_summary: str

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name


class OversightCleanupIn(Schema):
    agency_id: int = Field(..., description="清理机关（编号）")
    subject: Literal["bodies", "bases", "powers", "documents", "officers"] = Field(
        ...,
        description="清理事项：bodies 执法主体，bases 执法依据，powers 执法权责，documents 执法文书，officers 执法人员",
    )
    year: int = Field(..., ge=2006, le=2100, description="年度")
    law_cleanup_id: int | None = Field(None, description="执法依据清理记录（依据库的清理编号，清理执法依据时必填）")
    summary: str = Field(..., description="清理情况")


class OversightCleanupReviewIn(Schema):
    approve: bool = Field(..., description="true 审核通过，false 退回补正")
    review_opinion: str = Field("", description="审核意见（退回补正时必填）")


class OversightCleanupPublishIn(Schema):
    public_summary: str = Field(..., description="向社会公示的清理结果")


@router.get(
    "implementation/cleanups", response={200: list[OversightCleanupOut], **errors(400, 401)}, summary="五项清理（D7）"
)
@paginate(LimitOffsetPagination)
def cleanup_list(request, query: Query[CleanupReportQuery]):
    return filtered(filters.CleanupReportFilter, selectors.cleanup_report_list(request.auth), query)


@router.get(
    "implementation/cleanups/{int:pk}", response={200: OversightCleanupOut, **errors(401, 404)}, summary="一项清理结果"
)
def cleanup_get(request, pk: int):
    return selectors.cleanup_report_get(request.auth, pk)


def _law_cleanup_get(user, pk: int):
    return get_or_not_found(scope(Cleanup.objects.all(), user, "agency"), "清理记录", pk=pk)


@router.post(
    "implementation/cleanups",
    response={201: OversightCleanupOut, **errors(400, 401, 403, 404, 422)},
    summary="报送五项清理结果（D7）",
)
def cleanup_submit(request, payload: OversightCleanupIn):
    agency = _agency_get(request.auth, payload.agency_id)
    law_cleanup = reference(_law_cleanup_get, payload.law_cleanup_id, "law_cleanup_id", request.auth)
    report = services.cleanup_submit(
        actor=request.auth,
        agency=agency,
        subject=payload.subject,
        year=payload.year,
        summary=payload.summary,
        law_cleanup=law_cleanup,
    )
    return Status(201, selectors.cleanup_report_get(request.auth, report.pk))


@router.post(
    "implementation/cleanups/{int:pk}/review",
    response={200: OversightCleanupOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="政府法制机构审核清理结果（D7）",
)
def cleanup_review(request, pk: int, payload: OversightCleanupReviewIn):
    services.cleanup_review(actor=request.auth, report=selectors.cleanup_report_get(request.auth, pk), **payload.dict())
    return selectors.cleanup_report_get(request.auth, pk)


@router.post(
    "implementation/cleanups/{int:pk}/publish",
    response={200: OversightCleanupOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="向社会公示清理结果（D7）",
)
def cleanup_publish(request, pk: int, payload: OversightCleanupPublishIn):
    services.cleanup_publish(
        actor=request.auth,
        report=selectors.cleanup_report_get(request.auth, pk),
        public_summary=payload.public_summary,
    )
    return selectors.cleanup_report_get(request.auth, pk)


@router.get(
    "public/cleanups",
    response={200: list[OversightPublicCleanupOut], **errors(400)},
    auth=None,
    summary="“五项清理”结果公示（D7）",
)
@paginate(LimitOffsetPagination)
def public_cleanups(request, query: Query[PublicCleanupQuery]):
    return filtered(filters.PublicCleanupFilter, selectors.published_cleanups(), query)


@router.get(
    "public/cleanups/{int:pk}",
    response={200: OversightPublicCleanupOut, **errors(404)},
    auth=None,
    summary="一项清理结果（公示）",
)
def public_cleanup(request, pk: int):
    return selectors.published_cleanup_get(pk)


@described(ImplementationMeasure, agency="制定部门（市人民政府部门）", government="制定政府（区县人民政府）")
class OversightMeasureOut(Schema):
    id: int
    agency_id: int | None
    agency: str
    government_id: int | None
    government: str
    maker: str = Field(..., description="制定机关：市人民政府部门或区县人民政府")
    title: str
    document_number: str
    adopted_on: date
    content: str
    filed_on: date
    state: str
    reviewed_on: date | None
    review_opinion: str

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name if obj.agency_id else ""

    @staticmethod
    def resolve_government(obj):
        return obj.government.name if obj.government_id else ""

    @staticmethod
    def resolve_maker(obj):
        return obj.maker_name


class OversightMeasureIn(Schema):
    agency_id: int | None = Field(None, description="制定部门（编号）：市人民政府部门报送本部门的实施办法")
    government_id: int | None = Field(
        None, description="制定政府（编号）：区县司法局报送本级人民政府的实施办法；与 agency_id 二选一"
    )
    title: str = Field(..., max_length=200, description="实施办法名称")
    document_number: str = Field("", max_length=80, description="文号")
    adopted_on: date = Field(..., description="印发日期")
    content: str = Field(..., description="主要内容")


class OversightMeasureReviewIn(Schema):
    accept: bool = Field(..., description="true 准予备案，false 退回修改")
    review_opinion: str = Field("", description="审查意见（退回修改时必填）")


@router.get(
    "implementation/measures",
    response={200: list[OversightMeasureOut], **errors(400, 401)},
    summary="实施办法备案（D8）",
)
@paginate(LimitOffsetPagination)
def measure_list(request, query: Query[MeasureQuery]):
    return filtered(filters.MeasureFilter, selectors.measure_list(request.auth), query)


@router.get(
    "implementation/measures/{int:pk}", response={200: OversightMeasureOut, **errors(401, 404)}, summary="实施办法"
)
def measure_get(request, pk: int):
    return selectors.measure_get(request.auth, pk)


@router.post(
    "implementation/measures",
    response={201: OversightMeasureOut, **errors(400, 401, 403, 404, 422)},
    summary="报送实施办法备案（D8）",
)
def measure_file(request, payload: OversightMeasureIn):
    data = payload.dict()
    agency = reference(_agency_get, data.pop("agency_id"), "agency_id", request.auth)
    government = reference(selectors.government_get, data.pop("government_id"), "government_id", request.auth)
    measure = services.measure_file(actor=request.auth, agency=agency, government=government, **data)
    return Status(201, selectors.measure_get(request.auth, measure.pk))


@router.post(
    "implementation/measures/{int:pk}/review",
    response={200: OversightMeasureOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="审查报送备案的实施办法（D8）",
)
def measure_review(request, pk: int, payload: OversightMeasureReviewIn):
    services.measure_review(actor=request.auth, measure=selectors.measure_get(request.auth, pk), **payload.dict())
    return selectors.measure_get(request.auth, pk)


@described(InspectionFinding, agency="被检查机关", matter_id="移送的责任追究（编号）")
class OversightFindingOut(Schema):
    id: int
    agency_id: int
    agency: str
    case_id: int | None
    finding: str
    fault: bool
    score_deduction: int
    found_on: date
    matter_id: int | None

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name


@described(SpecialInspection, government="组织检查的政府", finding_count="检查发现数", fault_count="执法过错数")
class OversightInspectionOut(Schema):
    id: int
    government_id: int
    government: str
    year: int
    title: str
    focus: str
    opened_on: date
    finding_count: int
    fault_count: int

    @staticmethod
    def resolve_government(obj):
        return obj.government.name


class OversightInspectionDetailOut(OversightInspectionOut):
    findings: list[OversightFindingOut] = Field(..., description="检查发现（在您的查看范围内）")

    @staticmethod
    def resolve_findings(obj):
        return obj.visible_findings


class OversightInspectionIn(Schema):
    year: int = Field(..., ge=2006, le=2100, description="检查年度")
    title: str = Field(..., max_length=200, description="检查名称")
    focus: str = Field(..., description="检查重点")


class OversightFindingIn(Schema):
    agency_id: int = Field(..., description="被检查机关（编号）")
    finding: str = Field(..., description="检查发现")
    fault: bool = Field(False, description="存在执法过错")
    score_deduction: int = Field(0, ge=0, le=100, description="年终目标考核扣分")
    case_id: int | None = Field(None, description="涉及案件（编号）")


class OversightReferIn(Schema):
    officer_ids: list[int] = Field(default_factory=list, description="责任人员（执法人员编号）")


def _inspection_out(user, inspection):
    inspection.visible_findings = list(selectors.inspection_findings(user, inspection))
    return inspection


@router.get(
    "implementation/inspections",
    response={200: list[OversightInspectionOut], **errors(400, 401)},
    summary="年度专项执法检查（D8）",
)
@paginate(LimitOffsetPagination)
def inspection_list(request, query: Query[SpecialInspectionQuery]):
    return filtered(filters.SpecialInspectionFilter, selectors.special_inspection_list(request.auth), query)


@router.get(
    "implementation/inspections/{int:pk}",
    response={200: OversightInspectionDetailOut, **errors(401, 404)},
    summary="一次专项执法检查及其发现",
)
def inspection_get(request, pk: int):
    return _inspection_out(request.auth, selectors.special_inspection_get(request.auth, pk))


@router.post(
    "implementation/inspections",
    response={201: OversightInspectionDetailOut, **errors(400, 401, 403, 422)},
    summary="组织年度专项执法检查（D8）",
)
def inspection_open(request, payload: OversightInspectionIn):
    inspection = services.special_inspection_open(actor=request.auth, **payload.dict())
    return Status(201, _inspection_out(request.auth, selectors.special_inspection_get(request.auth, inspection.pk)))


@router.post(
    "implementation/inspections/{int:pk}/findings",
    response={201: OversightFindingOut, **errors(400, 401, 403, 404, 422)},
    summary="登记专项检查发现（D8）",
)
def inspection_find(request, pk: int, payload: OversightFindingIn):
    inspection = selectors.special_inspection_get(request.auth, pk)
    agency = _agency_get(request.auth, payload.agency_id)
    case = reference(case_selectors.case_get, payload.case_id, "case_id", request.auth)
    finding = services.inspection_find(
        actor=request.auth,
        inspection=inspection,
        agency=agency,
        finding=payload.finding,
        fault=payload.fault,
        score_deduction=payload.score_deduction,
        case=case,
    )
    return Status(201, selectors.finding_get(request.auth, finding.pk))


@router.post(
    "implementation/findings/{int:pk}/refer",
    response={201: MatterOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="专项检查发现的执法过错移送责任追究（D8、D6.3a）",
)
def finding_refer(request, pk: int, payload: OversightReferIn):
    finding = selectors.finding_get(request.auth, pk)
    officers = references(Officer.objects.filter(agency_id=finding.agency_id), payload.officer_ids, "officer_ids")
    matter = services.finding_refer(actor=request.auth, finding=finding, officers=officers)
    return Status(201, selectors.matter_get(request.auth, matter.pk))
