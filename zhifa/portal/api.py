"""API operations of the portal: published decisions (public, ``auth=None``) and the
agencies' publication acts and reads (D5.6; 行政处罚法第四十八条)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.cases.models import Case
from zhifa.cases.selectors import case_get
from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.errors import not_found
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference
from zhifa.org.selectors import agency_get
from zhifa.portal import deadlines, filters, opendata, selectors, services
from zhifa.portal.models import (
    AccessCode,
    LicensingHearing,
    Publication,
    ServiceCard,
    ServiceConsent,
    ServiceGuide,
    StakeholderOpinion,
    Submission,
)
from zhifa.portal.party_auth import PARTY_AUTH, SESSION_KEY, token_for

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
    previous_id="变更前的公开信息（编号；重新公开的才有）",
    republication_id="变更后重新公开的信息（编号；已撤下并重新公开的才有）",
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
    amendment: str
    previous_id: int | None
    republication_id: int | None

    @staticmethod
    def resolve_republication_id(obj) -> int | None:
        new = selectors.public_republication(obj)
        return new.pk if new else None

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


class PortalPublishIn(Schema):
    on: date | None = Field(None, description="发布日期，默认今天")


class ChangeIn(Schema):
    kind: ChangeKind = Field(
        ...,
        description="决定变化：changed 依法变更、revoked 依法撤销、unlawful 确认违法、void 确认无效、corrected 依法更正",
    )
    reason: str = Field(..., max_length=300, description="依据（复议决定书、判决书文号或本机关决定）")
    on: date | None = Field(None, description="变化日期，默认今天")


class PortalWithdrawIn(Schema):
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
def publication_publish(request, pk: int, payload: PortalPublishIn):
    pub = selectors.publication_get(request.auth, pk)
    return services.publication_publish(actor=request.auth, publication=pub, on=payload.on)


@router.post("publications/{int:pk}/change", response={200: ManagedOut, **ACT_ERRORS}, summary="登记决定的变更、撤销")
def decision_change_record(request, pk: int, payload: ChangeIn):
    pub = selectors.publication_get(request.auth, pk)
    return services.decision_change_record(actor=request.auth, publication=pub, **payload.dict())


@router.post("publications/{int:pk}/withdraw", response={200: ManagedOut, **ACT_ERRORS}, summary="撤回公开信息")
def publication_withdraw(request, pk: int, payload: PortalWithdrawIn):
    pub = selectors.publication_get(request.auth, pk)
    return services.publication_withdraw(actor=request.auth, publication=pub, **payload.dict())


@router.post(
    "publications/{int:pk}/republish", response={201: ManagedOut, **ACT_ERRORS}, summary="重新公开变更后的决定"
)
def publication_republish(request, pk: int, payload: PortalPublishIn):
    pub = selectors.publication_get(request.auth, pk)
    return Status(201, services.publication_republish(actor=request.auth, publication=pub, on=payload.on))


# --- the party's own operations (the party's session, PARTY_AUTH) ------------------------


@described(
    Case, agency_name="办案机关", violation="违法行为", status_label="状态（中文）", number="案件编号或决定书文号"
)
class PartyCaseOut(Schema):
    id: int
    number: str
    agency_name: str
    violation: str
    status: str
    status_label: str

    @staticmethod
    def resolve_agency_name(obj) -> str:
        return obj.acting_agency.name

    @staticmethod
    def resolve_violation(obj) -> str:
        return obj.violation_item.name if obj.violation_item else ""

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


@described(Submission, kind_label="事项（中文）", status_label="状态（中文）", case_id="案件（编号）")
class SubmissionOut(Schema):
    id: int
    case_id: int
    kind: str
    kind_label: str
    status: str
    status_label: str
    submitted_on: date
    made_by: str
    text: str
    points: list[str]
    plan_kind: str
    proposal: list[dict]
    satisfaction: int | None
    received_on: date | None
    answer: str
    case_record: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class PartyLoginIn(Schema):
    identifier: str = Field(..., max_length=18, description="统一社会信用代码或居民身份证号码")
    code: str = Field(..., max_length=20, description="访问码（见事先告知书）")


@described(None)
class PortalPartyOut(Schema):
    name: str = Field(..., description="当事人姓名或名称")
    token: str = Field(..., description="不用浏览器会话的客户端使用的令牌（Authorization: Bearer …）")
    cases: list[PartyCaseOut] = Field(..., description="当事人的案件")


SubmissionKind = Literal[tuple(Submission.Kind.values)]  # type: ignore[valid-type]
PlanKind = Literal[("", *Submission.PlanKind.values)]  # type: ignore[valid-type]


class PortalInstalmentIn(Schema):
    amount: Decimal = Field(..., gt=0, max_digits=14, decimal_places=2, description="金额（元）")
    due_on: date = Field(..., description="缴纳期限")


class SubmissionIn(Schema):
    kind: SubmissionKind = Field(
        ..., description="事项：defence 陈述申辩、hearing 要求听证、payment_plan 申请暂缓或分期缴纳、survey 回访问卷"
    )
    text: str = Field("", max_length=2000, description="内容：经济困难的情况、回访中反映的问题")
    points: list[str] = Field(default_factory=list, description="陈述申辩的事实、理由和证据，每项一条")
    made_by: str = Field("", max_length=100, description="提出人（默认当事人本人）")
    plan_kind: PlanKind = Field("", description="申请方式：deferral 暂缓缴纳、instalments 分期缴纳")
    proposal: list[PortalInstalmentIn] = Field(default_factory=list, description="拟分期安排")
    satisfaction: int | None = Field(None, ge=1, le=5, description="满意度（1至5）")


class ConsentIn(Schema):
    channel: Literal[tuple(ServiceConsent.Channel.values)] = Field(..., description="email 电子邮件、sms 手机短信")  # type: ignore[valid-type]
    address: str = Field(..., max_length=100, description="电子邮件地址或手机号码")


@described(ServiceConsent, channel_label="方式（中文）")
class ConsentOut(Schema):
    id: int
    channel: str
    channel_label: str
    consented_on: date
    withdrawn_on: date | None

    @staticmethod
    def resolve_channel_label(obj) -> str:
        return obj.get_channel_display()


@router.post("party/login", response={200: PortalPartyOut, **errors(400)}, auth=None, summary="当事人以访问码登录")
def party_login(request, payload: PartyLoginIn):
    access = services.party_login(identifier=payload.identifier, code=payload.code)
    request.session.cycle_key()
    request.session[SESSION_KEY] = access.pk
    return {"name": access.party.name, "token": token_for(access), "cases": list(selectors.party_cases(access.party))}


@router.get("party/cases", response={200: list[PartyCaseOut], **errors(401)}, auth=PARTY_AUTH, summary="当事人的案件")
def party_case_list(request):
    return list(selectors.party_cases(request.auth.party))


@router.post(
    "party/cases/{int:pk}/submissions",
    response={201: SubmissionOut, **errors(400, 401, 403, 404, 409, 422)},
    auth=PARTY_AUTH,
    summary="当事人在线陈述申辩、要求听证、申请暂缓或分期缴纳、填写回访问卷",
)
def party_submit(request, pk: int, payload: SubmissionIn):
    party = request.auth.party
    case = selectors.party_case_get(party, pk)
    data = payload.dict()
    data["proposal"] = [{"amount": str(i["amount"]), "due_on": i["due_on"]} for i in data["proposal"]]
    return Status(201, services.submission_make(party=party, case=case, **data))


@router.post(
    "party/consent",
    response={201: ConsentOut, **errors(400, 401, 403)},
    auth=PARTY_AUTH,
    summary="当事人同意电子送达并确认地址",
)
def party_consent(request, payload: ConsentIn):
    return Status(201, services.service_consent_give(party=request.auth.party, **payload.dict()))


@router.post("party/logout", response={204: None, **errors(401, 403)}, auth=PARTY_AUTH, summary="当事人退出登录")
def party_logout(request):
    request.session.pop(SESSION_KEY, None)
    return Status(204, None)


@described(None)
class PortalPartyNoticeOut(Schema):
    number: str = Field(..., description="告知书文号")
    served_on: date | None = Field(..., description="送达日期")
    facts: str = Field(..., description="违法事实")
    reasons: str = Field(..., description="理由")
    penalty_text: str = Field(..., description="拟作出的处罚")
    defence_due: date | None = Field(..., description="陈述、申辩的最后一日")
    hearing_due: date | None = Field(..., description="要求听证的最后一日（告知听证权利的才有）")


@described(None)
class PortalPartyDecisionOut(Schema):
    number: str = Field(..., description="决定书文号")
    outcome_label: str = Field(..., description="决定（中文）")
    decided_on: date = Field(..., description="决定日期")
    served_on: date | None = Field(..., description="送达日期")
    penalty_text: str = Field(..., description="处罚内容")
    facts: str = Field(..., description="违法事实和证据")
    reasons: str = Field(..., description="理由")
    remedies: str = Field(..., description="救济途径和期限")


@described(None)
class PortalPartyInstalmentOut(Schema):
    number: int = Field(..., description="期次")
    amount: Decimal = Field(..., description="金额（元）")
    due_on: date = Field(..., description="缴纳期限")


@described(None)
class PortalPartyPaymentOut(Schema):
    principal: Decimal = Field(..., description="应缴金额（元）")
    paid: Decimal = Field(..., description="已缴金额（元）")
    late_fee: Decimal = Field(..., description="加处罚款（元，每日百分之三，行政处罚法第七十二条）")
    outstanding: Decimal = Field(..., description="尚欠（元）")
    due_on: date | None = Field(..., description="缴纳期限（经批准分期的为下一期的期限）")
    instalments: list[PortalPartyInstalmentOut] = Field(..., description="经批准的暂缓或分期安排")
    bank: str = Field(..., description="代收银行或缴款渠道（行政处罚法第六十七条）")
    account_name: str = Field(..., description="收款户名")
    account: str = Field(..., description="收款账号")
    instructions: str = Field(..., description="缴纳说明")


@described(None)
class PortalPartyDocumentOut(Schema):
    id: int = Field(..., description="文书编号")
    title: str = Field(..., description="标题")
    number: str = Field(..., description="文号")
    version: int = Field(..., description="版本")
    issued_on: date = Field(..., description="签发日期")
    superseded: bool = Field(..., description="已被更正后的版本取代")
    verification_code: str = Field(..., description="核验码")
    verify_url: str = Field(..., description="核验文书真伪的公开地址")


@described(None)
class PortalPartyCaseDetailOut(Schema):
    case: PartyCaseOut = Field(..., description="案件")
    notice: PortalPartyNoticeOut | None = Field(..., description="事先告知书（已制作的）")
    decision: PortalPartyDecisionOut | None = Field(..., description="处理决定")
    payment: PortalPartyPaymentOut | None = Field(..., description="罚没款及缴纳方式（决定送达后）")
    submissions: list[SubmissionOut] = Field(..., description="在线提交的事项及机关答复")
    documents: list[PortalPartyDocumentOut] = Field(..., description="本案的执法文书")


PAYMENT_INSTRUCTIONS = (
    "请持决定书到指定银行或者通过电子支付系统缴纳罚款，执法人员不得自行收缴（行政处罚法第六十七条）。"
    "到期不缴纳的，每日按罚款数额的百分之三加处罚款（第七十二条）。"
)


def _party_case_detail(case) -> dict:
    today = clock.today()
    view = selectors.party_case_view(case, today)
    notice, decision, ob = view["notice"], view["decision"], view["obligation"]
    payment = None
    if ob is not None:
        profile = selectors.payment_channel(case)
        payment = {
            "principal": ob.principal,
            "paid": ob.paid,
            "late_fee": ob.late_fee,
            "outstanding": ob.outstanding,
            "due_on": ob.next_due or view["payment_due"],
            "instalments": [
                {"number": i.number, "amount": i.amount, "due_on": i.due_on} for i in view.get("instalments", [])
            ],
            "bank": profile.payment_bank if profile else "",
            "account_name": profile.payment_account_name if profile else "",
            "account": profile.payment_account if profile else "",
            "instructions": PAYMENT_INSTRUCTIONS,
        }
    return {
        "case": case,
        "notice": None
        if notice is None
        else {
            "number": notice.number,
            "served_on": notice.served_on,
            "facts": notice.facts,
            "reasons": notice.reasons,
            "penalty_text": notice.penalty_text,
            "defence_due": view["defence_due"],
            "hearing_due": view["hearing_due"],
        },
        "decision": None
        if decision is None
        else {
            "number": decision.number,
            "outcome_label": decision.get_outcome_display(),
            "decided_on": decision.decided_on,
            "served_on": decision.served_on,
            "penalty_text": decision.penalty_text,
            "facts": decision.facts,
            "reasons": decision.reasons,
            "remedies": decision.remedies,
        },
        "payment": payment,
        "submissions": view["submissions"],
        "documents": [
            {
                "id": d.pk,
                "title": d.title,
                "number": d.number,
                "version": d.version,
                "issued_on": d.issued_on,
                "superseded": d.superseded_on is not None,
                "verification_code": d.verification_code,
                "verify_url": reverse("documents:verify", args=[d.verification_code]),
            }
            for d in selectors.party_documents(case)
        ],
    }


@router.get(
    "party/cases/{int:pk}",
    response={200: PortalPartyCaseDetailOut, **errors(401, 404)},
    auth=PARTY_AUTH,
    summary="当事人的一个案件：告知书、决定、应缴罚款和缴纳方式、在线提交、执法文书",
)
def party_case_get(request, pk: int):
    return _party_case_detail(selectors.party_case_get(request.auth.party, pk))


@router.get(
    "party/cases/{int:pk}/submissions",
    response={200: list[SubmissionOut], **errors(400, 401, 404)},
    auth=PARTY_AUTH,
    summary="当事人在本案在线提交的事项及机关答复",
)
@paginate(LimitOffsetPagination)
def party_submission_list(request, pk: int):
    case = selectors.party_case_get(request.auth.party, pk)
    return selectors.party_submissions(case)


@router.get(
    "party/consent",
    response={200: ConsentOut, **errors(401, 404)},
    auth=PARTY_AUTH,
    summary="当事人现行的电子送达同意",
)
def party_consent_get(request):
    consent = selectors.live_consent(request.auth.party)
    if consent is None:
        raise not_found("电子送达同意")
    return consent


@router.post(
    "party/consent/withdraw",
    response={200: ConsentOut, **errors(401, 403, 409)},
    auth=PARTY_AUTH,
    summary="当事人撤回电子送达同意",
)
def party_consent_withdraw(request):
    return services.service_consent_withdraw(party=request.auth.party)


class PortalVisitRatingIn(Schema):
    score: int = Field(..., ge=1, le=5, description="评分（1至5）")
    comment: str = Field("", max_length=1000, description="意见")


@described(None)
class PortalVisitRatedOut(Schema):
    token: str = Field(..., description="扫码记录凭证")
    rated_at: datetime = Field(..., description="评价时间")


@router.post(
    "party/visits/{token}/rating",
    response={201: PortalVisitRatedOut, **errors(400, 401, 403, 404, 409, 422)},
    auth=PARTY_AUTH,
    summary="当事人评价扫码登记的检查（D6.4b）",
)
def party_visit_rate(request, token: str, payload: PortalVisitRatingIn):
    visit = selectors.party_visit_get(request.auth.party, token)
    visit = services.visit_rate(party=request.auth.party, visit=visit, **payload.dict())
    return Status(201, {"token": visit.token, "rated_at": visit.rated_at})


@described(None)
class PortalCreditLineOut(Schema):
    key: str = Field(..., description="评价项标识（提出异议时使用）")
    source: str = Field(..., description="依据（哪一份决定或哪一次抽查）")
    rule: str = Field(..., description="适用的规则及其来源")
    full_points: int = Field(..., description="该项的分值")
    points: int = Field(..., description="评价日计入的分值")
    since: date = Field(..., description="计入起始日")
    until: date = Field(..., description="计入截止日")
    state: str = Field(..., description="状态")


@described(None)
class PortalCreditObjectionOut(Schema):
    id: int = Field(..., description="异议编号")
    line_key: str = Field(..., description="评价项标识")
    line_label: str = Field(..., description="评价项")
    reason: str = Field(..., description="异议理由")
    filed_on: date = Field(..., description="提出日期")
    agency_name: str = Field(..., description="答复机关")
    status: str = Field(..., description="状态：open 待答复、upheld 异议成立、rejected 异议不成立")
    status_label: str = Field(..., description="状态（中文）")
    answer: str = Field(..., description="答复")
    answered_on: date | None = Field(..., description="答复日期")


@described(None)
class PortalPartyCreditOut(Schema):
    on: date = Field(..., description="评价日期")
    score: int = Field(..., description="信用分（满分100）")
    grade: str = Field(..., description="信用等级：A 良好、B 一般、C 较差")
    grade_label: str = Field(..., description="信用等级（中文）")
    lines: list[PortalCreditLineOut] = Field(..., description="逐项说明")
    objections: list[PortalCreditObjectionOut] = Field(..., description="当事人提出的异议及答复")


class PortalObjectionIn(Schema):
    line_key: str = Field(..., max_length=40, description="评价项标识（见 lines.key）")
    reason: str = Field(..., max_length=4000, description="异议理由")


def _objection(o) -> dict:
    return {
        "id": o.pk,
        "line_key": o.line_key,
        "line_label": o.line_label,
        "reason": o.reason,
        "filed_on": o.filed_on,
        "agency_name": o.agency.name,
        "status": o.status,
        "status_label": o.get_status_display(),
        "answer": o.answer,
        "answered_on": o.answered_on,
    }


@router.get(
    "party/credit",
    response={200: PortalPartyCreditOut, **errors(401)},
    auth=PARTY_AUTH,
    summary="当事人自己的信用评价（逐项说明）和异议",
)
def party_credit(request):
    view = selectors.party_credit(request.auth.party, clock.today())
    r = view["rating"]
    return {
        "on": r.on,
        "score": r.score,
        "grade": r.grade,
        "grade_label": r.grade_label,
        "lines": [line.__dict__ for line in r.lines],
        "objections": [_objection(o) for o in view["objections"]],
    }


@router.post(
    "party/credit/objections",
    response={201: PortalCreditObjectionOut, **errors(400, 401, 403, 409, 422)},
    auth=PARTY_AUTH,
    summary="当事人对自己信用评价中的一项提出异议（D5.7）",
)
def party_objection(request, payload: PortalObjectionIn):
    objection = services.credit_objection_make(party=request.auth.party, **payload.dict())
    return Status(201, _objection(objection))


# --- the agencies' handling of what parties and stakeholders submit ------------------------


class ReceiveIn(Schema):
    answer: str = Field("", max_length=2000, description="答复或解释（回访问卷中反映问题的须填写）")
    on: date | None = Field(None, description="接收日期，默认今天")


class PortalDecideIn(Schema):
    approve: bool = Field(..., description="批准")
    answer: str = Field("", max_length=2000, description="理由或说明（不予批准的须填写）")
    instalments: list[PortalInstalmentIn] | None = Field(None, description="批准的缴纳安排（默认按当事人申请）")
    on: date | None = Field(None, description="决定日期，默认今天")


class PortalIssueIn(Schema):
    on: date | None = Field(None, description="随告知书送达的日期，默认今天")


@described(AccessCode, code="访问码（只返回这一次）", party_id="当事人（编号）", case_id="案件（编号）")
class IssuedOut(Schema):
    id: int
    party_id: int
    case_id: int
    issued_on: date
    code: str


@router.get("submissions", response={200: list[SubmissionOut], **errors(400, 401)}, summary="当事人在线提交的事项")
@paginate(LimitOffsetPagination)
def submission_list(request):
    return selectors.submission_list(request.auth)


@router.get("submissions/{int:pk}", response={200: SubmissionOut, **errors(400, 401, 404)}, summary="一项在线提交")
def submission_get(request, pk: int):
    return selectors.submission_get(request.auth, pk)


@router.post(
    "submissions/{int:pk}/receive", response={200: SubmissionOut, **ACT_ERRORS}, summary="接收并按案件程序登记"
)
def submission_receive(request, pk: int, payload: ReceiveIn):
    sub = selectors.submission_get(request.auth, pk)
    return services.submission_receive(actor=request.auth, submission=sub, **payload.dict())


@router.post(
    "submissions/{int:pk}/decide", response={200: SubmissionOut, **ACT_ERRORS}, summary="决定暂缓或分期缴纳申请"
)
def submission_decide(request, pk: int, payload: PortalDecideIn):
    sub = selectors.submission_get(request.auth, pk)
    data = payload.dict()
    if data["instalments"] is not None:
        data["instalments"] = [{"amount": str(i["amount"]), "due_on": i["due_on"]} for i in data["instalments"]]
    return services.submission_decide(actor=request.auth, submission=sub, **data)


@router.post("cases/{int:pk}/access-code", response={201: IssuedOut, **ACT_ERRORS}, summary="随告知书发放当事人访问码")
def access_code_issue(request, pk: int, payload: PortalIssueIn):
    case = case_get(request.auth, pk)
    record, code = services.access_code_issue(actor=request.auth, case=case, on=payload.on)
    return Status(
        201,
        {
            "id": record.pk,
            "party_id": record.party_id,
            "case_id": record.case_id,
            "issued_on": record.issued_on,
            "code": code,
        },
    )


@described(StakeholderOpinion, relation_label="身份（中文）", publication_id="公开的决定（编号）")
class OpinionOut(Schema):
    id: int
    publication_id: int
    relation: str
    relation_label: str
    name: str
    contact: str
    opinion: str
    submitted_on: date
    answered_on: date | None
    answer: str

    @staticmethod
    def resolve_relation_label(obj) -> str:
        return obj.get_relation_display()


@described(StakeholderOpinion, relation_label="身份（中文）")
class OpinionReceipt(Schema):
    id: int
    relation: str
    relation_label: str
    submitted_on: date

    @staticmethod
    def resolve_relation_label(obj) -> str:
        return obj.get_relation_display()


class OpinionIn(Schema):
    relation: Literal[tuple(StakeholderOpinion.Relation.values)] = Field(
        ..., description="victim 受害人、stakeholder 利害关系人"
    )  # type: ignore[valid-type]
    name: str = Field(..., max_length=100, description="姓名或名称")
    contact: str = Field(..., max_length=60, description="联系方式（不公开）")
    opinion: str = Field(..., max_length=2000, description="对违法行为整改情况的意见")


class PortalAnswerIn(Schema):
    answer: str = Field(..., max_length=2000, description="答复")
    on: date | None = Field(None, description="答复日期，默认今天")


@router.post(
    "public/publications/{int:pk}/opinions",
    response={201: OpinionReceipt, **errors(400, 404, 422)},
    auth=None,
    summary="受害人、利害关系人对整改情况提出意见",
)
def opinion_submit(request, pk: int, payload: OpinionIn):
    pub = selectors.public_get(pk)
    return Status(201, services.stakeholder_opinion_submit(publication=pub, **payload.dict()))


@router.get("opinions", response={200: list[OpinionOut], **errors(400, 401)}, summary="受害人、利害关系人的意见")
@paginate(LimitOffsetPagination)
def opinion_list(request):
    return selectors.opinion_list(request.auth)


@router.post("opinions/{int:pk}/answer", response={200: OpinionOut, **ACT_ERRORS}, summary="答复意见")
def opinion_answer(request, pk: int, payload: PortalAnswerIn):
    opinion = selectors.opinion_get(request.auth, pk)
    return services.stakeholder_opinion_answer(actor=request.auth, opinion=opinion, **payload.dict())


# --- service cards and guides (D5.8) ----------------------------------------------------------


@described(ServiceGuide, agency_id="机关（编号）")
class GuideOut(Schema):
    id: int
    agency_id: int
    title: str
    basis: str
    conditions: str
    materials: str
    procedure: str
    time_limit: str
    fee: str
    window: str
    phone: str
    hearing_required: bool
    updated_on: date


@described(ServiceCard, agency_id="机关（编号）", agency_name="机关名称", guides="本机关的办事指南")
class CardOut(Schema):
    agency_id: int
    agency_name: str
    scope: str
    manner: str
    hours: str
    phone: str
    window: str
    licensing: bool
    updated_on: date
    guides: list[GuideOut]

    @staticmethod
    def resolve_agency_name(obj) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_guides(obj) -> list:
        prefetched = getattr(obj.agency, "guides_live", None)
        return prefetched if prefetched is not None else list(selectors.guides().filter(agency_id=obj.agency_id))


class CardIn(Schema):
    scope: str = Field(..., max_length=2000, description="服务范围")
    manner: str = Field(..., max_length=2000, description="服务方式")
    hours: str = Field(..., max_length=200, description="服务时间")
    phone: str = Field(..., max_length=60, description="联系电话")
    window: str = Field("", max_length=200, description="对外窗口（一个窗口）地址")
    licensing: bool = Field(False, description="本机关实施行政许可或行政收费")


class GuideIn(Schema):
    title: str = Field(..., max_length=200, description="事项名称")
    basis: str = Field(..., max_length=2000, description="设定依据")
    conditions: str = Field("", max_length=4000, description="办理条件")
    materials: str = Field("", max_length=4000, description="申请材料")
    procedure: str = Field("", max_length=4000, description="办理流程")
    time_limit: str = Field("", max_length=100, description="办理时限")
    fee: str = Field("不收费", max_length=300, description="收费标准及依据")
    window: str = Field("", max_length=200, description="办理窗口")
    phone: str = Field(..., max_length=60, description="咨询电话")
    hearing_required: bool = Field(False, description="法律、法规、规章规定实施许可应当听证")


@router.get("public/services", response={200: list[CardOut], **errors(400)}, auth=None, summary="执法服务卡及办事指南")
@paginate(LimitOffsetPagination)
def service_card_list(request):
    return selectors.service_cards_with_guides()


@router.get(
    "public/services/{int:pk}", response={200: CardOut, **errors(400, 404)}, auth=None, summary="一个机关的执法服务卡"
)
def service_card_get(request, pk: int):
    return selectors.service_card_get(pk)


@router.get("public/guides/{int:pk}", response={200: GuideOut, **errors(400, 404)}, auth=None, summary="办事指南")
def guide_get(request, pk: int):
    return selectors.guide_get(pk)


@router.put("agencies/{int:pk}/service-card", response={200: CardOut, **ACT_ERRORS}, summary="制定或更新执法服务卡")
def service_card_set(request, pk: int, payload: CardIn):
    agency = agency_get(pk)
    return services.service_card_set(actor=request.auth, agency=agency, **payload.dict())


@router.post("agencies/{int:pk}/guides", response={201: GuideOut, **ACT_ERRORS}, summary="制定办事指南")
def guide_create(request, pk: int, payload: GuideIn):
    agency = agency_get(pk)
    return Status(201, services.guide_save(actor=request.auth, agency=agency, **payload.dict()))


@router.put("guides/{int:pk}", response={200: GuideOut, **ACT_ERRORS}, summary="修改办事指南")
def guide_update(request, pk: int, payload: GuideIn):
    guide = selectors.guide_get(pk)
    return services.guide_save(actor=request.auth, agency=guide.agency, guide=guide, **payload.dict())


# --- licensing hearings (D5.3b) -----------------------------------------------------------------


@described(LicensingHearing, agency_id="机关（编号）", guide_id="许可事项（编号）", grounds_label="听证理由（中文）")
class LicensingHearingOut(Schema):
    id: int
    agency_id: int
    guide_id: int | None
    matter: str
    applicant: str
    grounds: str
    grounds_label: str
    announced_on: date
    scheduled_on: date
    place: str
    announcement: str
    held_on: date | None
    record: str
    outcome: str

    @staticmethod
    def resolve_grounds_label(obj) -> str:
        return obj.get_grounds_display()


class LicensingHearingIn(Schema):
    matter: str = Field(..., max_length=200, description="听证事项")
    applicant: str = Field(..., max_length=200, description="申请人")
    grounds: Literal[tuple(LicensingHearing.Grounds.values)] = Field(  # type: ignore[valid-type]
        ..., description="听证理由：law 法定应当听证、public_interest 涉及公共利益、applicant 申请人或利害关系人申请"
    )
    scheduled_on: date = Field(..., description="举行日期")
    place: str = Field(..., max_length=200, description="地点")
    announcement: str = Field(..., max_length=4000, description="公告内容")
    guide_id: int | None = Field(None, description="许可事项的办事指南（编号）")
    on: date | None = Field(None, description="公告日期，默认今天")


class LicensingRecordIn(Schema):
    record: str = Field(..., max_length=4000, description="听证笔录摘要")
    outcome: str = Field(..., max_length=4000, description="根据听证笔录作出的决定")
    held_on: date | None = Field(None, description="实际举行日期，默认今天")


@router.get(
    "public/licensing-hearings",
    response={200: list[LicensingHearingOut], **errors(400)},
    auth=None,
    summary="行政许可听证公告",
)
@paginate(LimitOffsetPagination)
def licensing_hearing_list(request):
    return selectors.licensing_hearings()


@router.get(
    "public/licensing-hearings/{int:pk}",
    response={200: LicensingHearingOut, **errors(400, 404)},
    auth=None,
    summary="一项行政许可听证",
)
def licensing_hearing_get(request, pk: int):
    return selectors.licensing_hearing_get(pk)


@router.post("licensing-hearings", response={201: LicensingHearingOut, **ACT_ERRORS}, summary="公告行政许可听证")
def licensing_hearing_announce(request, payload: LicensingHearingIn):
    data = payload.dict()
    guide_id = data.pop("guide_id")
    guide = reference(selectors.guide_get, guide_id, "guide_id") if guide_id else None
    return Status(201, services.licensing_hearing_announce(actor=request.auth, guide=guide, **data))


@router.post(
    "licensing-hearings/{int:pk}/record",
    response={200: LicensingHearingOut, **ACT_ERRORS},
    summary="记录听证并作出决定",
)
def licensing_hearing_record(request, pk: int, payload: LicensingRecordIn):
    hearing = selectors.licensing_hearing_get(pk)
    return services.licensing_hearing_record(actor=request.auth, hearing=hearing, **payload.dict())
