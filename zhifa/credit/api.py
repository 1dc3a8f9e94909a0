"""API operations of credit and random inspections (mounted at /api/v1/credit/): a
party's rating line by line, plans with their draws and results, the published plans, and
the acts on plans and objections."""

from datetime import date
from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference, references
from zhifa.credit import facts, filters, selectors, services
from zhifa.credit.models import (
    CreditObjection,
    InspectionItem,
    InspectionPlan,
    InspectorEntry,
    Interview,
    PlanTarget,
    TargetEntry,
)
from zhifa.parties.selectors import party_get
from zhifa.people.selectors import officer_get

router = Router(tags=["信用与双随机抽查"])
ACT_ERRORS = errors(400, 401, 403, 404, 409, 422)

ItemQuery = query_schema(filters.ItemFilter)
TargetQuery = query_schema(filters.TargetFilter)
InspectorQuery = query_schema(filters.InspectorFilter)
PlanQuery = query_schema(filters.PlanFilter)
ObjectionQuery = query_schema(filters.ObjectionFilter)
InterviewQuery = query_schema(filters.InterviewFilter)


class LineOut(Schema):
    key: str = Field(..., description="评价项标识（decision:编号 或 inspection:编号）")
    agency_id: int = Field(..., description="作出该项的机关编号")
    source: str = Field(..., description="依据（哪一份决定或哪一次抽查）")
    rule: str = Field(..., description="适用的规则及其来源")
    full_points: int = Field(..., description="该项的分值")
    points: int = Field(..., description="评价日计入的分值（衰减、修复或异议成立后）")
    since: date = Field(..., description="计入起始日")
    until: date = Field(..., description="计入截止日")
    state: str = Field(..., description="状态：全额计入、减半计入（衰减）、期满已修复、异议成立")


class CreditRatingOut(Schema):
    party_id: int = Field(..., description="当事人编号")
    on: date = Field(..., description="评价日期")
    score: int = Field(..., description="信用分（满分100）")
    grade: str = Field(..., description="信用等级：A 良好、B 一般、C 较差")
    grade_label: str = Field(..., description="信用等级（中文）")
    weight: int = Field(..., description="双随机抽取权重")
    lines: list[LineOut] = Field(..., description="逐项说明")


@described(PlanTarget, inspector_ids="检查人员编号", party_name="检查对象名称", result_label="检查结果（中文）")
class TargetOut(Schema):
    id: int
    party_id: int
    party_name: str
    order: int
    grade: str
    weight: int
    inspector_ids: list[int]
    result: str
    result_label: str
    result_on: date | None
    reviewed_on: date | None

    @staticmethod
    def resolve_party_name(obj) -> str:
        return obj.party.name

    @staticmethod
    def resolve_inspector_ids(obj) -> list[int]:
        return [o.pk for o in obj.inspectors.all()]

    @staticmethod
    def resolve_result_label(obj) -> str:
        return obj.get_result_display() if obj.result else ""


@described(InspectionPlan, status_label="状态（中文）", agency_name="执法机关名称", target_total="抽取的对象数")
class PlanOut(Schema):
    id: int
    agency_id: int
    agency_name: str
    year: int
    title: str
    seed: str
    seed_published_on: date
    target_count: int
    inspectors_per_target: int
    status: str
    status_label: str
    drawn_on: date | None
    published_on: date | None
    target_total: int

    @staticmethod
    def resolve_agency_name(obj) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_target_total(obj) -> int:
        total = getattr(obj, "target_total", None)  # annotated on lists (0 is a count, not "unknown")
        return total if total is not None else len(obj.targets.all())


@described(InspectionPlan, targets="抽中的检查对象")
class PlanDetailOut(PlanOut):
    targets: list[TargetOut]

    @staticmethod
    def resolve_targets(obj):
        return list(obj.targets.all())


@described(CreditObjection, status_label="状态（中文）")
class ObjectionOut(Schema):
    id: int
    party_id: int
    online: bool
    line_key: str
    line_label: str
    agency_id: int
    reason: str
    filed_on: date
    status: str
    status_label: str
    answer: str
    answered_on: date | None

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class ObjectionIn(Schema):
    line_key: str = Field(..., max_length=40, description="异议的评价项标识（见信用评价的 lines.key）")
    reason: str = Field(..., max_length=4000, description="异议理由")


class CreditAnswerIn(Schema):
    upheld: bool = Field(..., description="异议是否成立")
    answer: str = Field(..., max_length=4000, description="答复理由")


def _rating(party) -> dict:
    r = facts.rating(party, clock.today())
    return {**r.__dict__, "party_id": party.pk, "lines": [line.__dict__ for line in r.lines]}


@router.get(
    "parties/{int:pk}/rating",
    response={200: CreditRatingOut, **errors(400, 401, 404)},
    summary="当事人的信用评价（逐项说明）",
)
def party_rating(request, pk: int):
    return _rating(party_get(request.auth, pk))


@router.post("parties/{int:pk}/objections", response={201: ObjectionOut, **ACT_ERRORS}, summary="登记信用评价异议")
def objection_file(request, pk: int, payload: ObjectionIn):
    party = party_get(request.auth, pk)
    return Status(201, services.objection_file(actor=request.auth, party=party, **payload.dict()))


@router.get("objections", response={200: list[ObjectionOut], **errors(400, 401)}, summary="信用评价异议")
@paginate(LimitOffsetPagination)
def objection_list(request, query: Query[ObjectionQuery]):
    return filtered(filters.ObjectionFilter, selectors.objection_list(request.auth), query)


@router.get("objections/{int:pk}", response={200: ObjectionOut, **errors(400, 401, 404)}, summary="一项信用评价异议")
def objection_get(request, pk: int):
    return selectors.objection_get(request.auth, pk)


@router.post("objections/{int:pk}/answer", response={200: ObjectionOut, **ACT_ERRORS}, summary="答复信用评价异议")
def objection_answer(request, pk: int, payload: CreditAnswerIn):
    objection = selectors.objection_get(request.auth, pk)
    return services.objection_answer(actor=request.auth, objection=objection, **payload.dict())


@router.get("plans", response={200: list[PlanOut], **errors(400, 401)}, summary="双随机抽查计划")
@paginate(LimitOffsetPagination)
def plan_list(request, query: Query[PlanQuery]):
    return filtered(filters.PlanFilter, selectors.plan_list(request.auth), query)


class CreditPlanIn(Schema):
    title: str = Field(..., max_length=200, description="抽查任务")
    year: int = Field(..., ge=2000, le=2100, description="年度")
    item_ids: list[int] = Field(..., description="抽查事项（编号）")
    target_count: int = Field(..., ge=1, le=1000, description="抽取对象数")
    inspectors_per_target: int = Field(2, ge=1, le=10, description="每个对象的检查人员数（至少两名）")
    seed: str = Field("", max_length=64, description="随机种子（留空由平台生成；制定即公布）")


@router.post("plans", response={201: PlanOut, **ACT_ERRORS}, summary="制定抽查计划并公布随机种子")
def plan_create(request, payload: CreditPlanIn):
    data = payload.dict()
    items = references(selectors.item_list(request.auth), data.pop("item_ids"), "item_ids")
    plan = services.plan_create(actor=request.auth, items=items, **data)
    return Status(201, selectors.plan_list(request.auth).get(pk=plan.pk))


class CreditResultIn(Schema):
    result: Literal[tuple(PlanTarget.Result.values)] = Field(  # type: ignore[valid-type]
        ..., description="检查结果：no_problem 未发现问题、corrected 已责令整改、not_found 无法联系、violation 发现违法"
    )
    note: str = Field("", max_length=4000, description="检查情况")
    on: date | None = Field(None, description="检查日期，默认今天")


@router.post("drawn/{int:pk}/result", response={200: TargetOut, **ACT_ERRORS}, summary="抽中的检查人员录入检查结果")
def result_enter(request, pk: int, payload: CreditResultIn):
    target = selectors.target_get(request.auth, pk)
    services.result_enter(actor=request.auth, target=target, **payload.dict())
    return selectors.target_get(request.auth, pk)


@router.post("drawn/{int:pk}/review", response={200: TargetOut, **ACT_ERRORS}, summary="机关负责人审核检查结果")
def result_review(request, pk: int):
    services.result_review(actor=request.auth, target=selectors.target_get(request.auth, pk))
    return selectors.target_get(request.auth, pk)


@router.get("plans/{int:pk}", response={200: PlanDetailOut, **errors(400, 401, 404)}, summary="双随机抽查计划")
def plan_detail(request, pk: int):
    return selectors.plan_get(request.auth, pk)


@router.post("plans/{int:pk}/draw", response={200: PlanDetailOut, **ACT_ERRORS}, summary="按公布的种子抽取")
def plan_draw(request, pk: int):
    services.plan_draw(actor=request.auth, plan=selectors.plan_get(request.auth, pk))
    return selectors.plan_get(request.auth, pk)


@router.post("plans/{int:pk}/publish", response={200: PlanDetailOut, **ACT_ERRORS}, summary="公开抽查结果")
def plan_publish(request, pk: int):
    services.plan_publish(actor=request.auth, plan=selectors.plan_get(request.auth, pk))
    return selectors.plan_get(request.auth, pk)


@router.get("public/plans", auth=None, response={200: list[PlanOut], **errors(400)}, summary="双随机抽查结果公开")
@paginate(LimitOffsetPagination)
def public_plan_list(request):
    return selectors.public_plans()


@router.get(
    "public/plans/{int:pk}", auth=None, response={200: PlanDetailOut, **errors(400, 404)}, summary="双随机抽查结果"
)
def public_plan_detail(request, pk: int):
    return selectors.public_plan_get(pk)


# --- the item list and the registers -----------------------------------------------------------


@described(InspectionItem, kind_label="类别（中文）")
class CreditItemOut(Schema):
    id: int
    agency_id: int
    code: str
    name: str
    kind: str
    kind_label: str
    basis: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()


class CreditItemIn(Schema):
    code: str = Field(..., max_length=40, description="事项编码")
    name: str = Field(..., max_length=200, description="检查事项")
    kind: Literal[tuple(InspectionItem.Kind.values)] = Field(..., description="general 一般检查事项、key 重点检查事项")  # type: ignore[valid-type]
    basis: str = Field(..., max_length=300, description="检查依据")


@router.get("items", response={200: list[CreditItemOut], **errors(400, 401)}, summary="抽查事项清单")
@paginate(LimitOffsetPagination)
def item_list(request, query: Query[ItemQuery]):
    return filtered(filters.ItemFilter, selectors.item_list(request.auth), query)


@router.get("items/{int:pk}", response={200: CreditItemOut, **errors(400, 401, 404)}, summary="一项抽查事项")
def item_get(request, pk: int):
    return selectors.item_get(request.auth, pk)


@router.post("items", response={201: CreditItemOut, **ACT_ERRORS}, summary="登记抽查事项")
def item_create(request, payload: CreditItemIn):
    return Status(201, services.item_create(actor=request.auth, **payload.dict()))


@described(TargetEntry, party_name="检查对象名称", party_code="统一社会信用代码")
class CreditTargetEntryOut(Schema):
    id: int
    agency_id: int
    party_id: int
    party_name: str
    party_code: str
    added_on: date

    @staticmethod
    def resolve_party_name(obj) -> str:
        return obj.party.name

    @staticmethod
    def resolve_party_code(obj) -> str:
        return "" if obj.party.is_person else obj.party.uscc


class CreditTargetIn(Schema):
    party_id: int = Field(..., description="当事人（市场主体）编号")


@router.get("targets", response={200: list[CreditTargetEntryOut], **errors(400, 401)}, summary="检查对象名录")
@paginate(LimitOffsetPagination)
def target_list(request, query: Query[TargetQuery]):
    return filtered(filters.TargetFilter, selectors.target_entries(request.auth), query)


@router.post("targets", response={201: CreditTargetEntryOut, **ACT_ERRORS}, summary="列入检查对象名录")
def target_add(request, payload: CreditTargetIn):
    party = reference(party_get, payload.party_id, "party_id", request.auth)
    return Status(201, services.target_add(actor=request.auth, party=party))


@described(InspectorEntry, officer_name="执法人员姓名")
class CreditInspectorEntryOut(Schema):
    id: int
    agency_id: int
    officer_id: int
    officer_name: str
    added_on: date

    @staticmethod
    def resolve_officer_name(obj) -> str:
        return obj.officer.name


class CreditInspectorIn(Schema):
    officer_id: int = Field(..., description="本机关持证执法人员编号")


@router.get("inspectors", response={200: list[CreditInspectorEntryOut], **errors(400, 401)}, summary="执法检查人员名录")
@paginate(LimitOffsetPagination)
def inspector_list(request, query: Query[InspectorQuery]):
    return filtered(filters.InspectorFilter, selectors.inspector_entries(request.auth), query)


@router.post("inspectors", response={201: CreditInspectorEntryOut, **ACT_ERRORS}, summary="列入执法检查人员名录")
def inspector_add(request, payload: CreditInspectorIn):
    officer = reference(officer_get, payload.officer_id, "officer_id", request.auth)
    return Status(201, services.inspector_add(actor=request.auth, officer=officer))


# --- interviews and mentoring of poor-credit parties (D5.7) -----------------------------------------


@described(Interview, kind_label="方式（中文）", party_name="当事人名称", agency_name="执法机关名称")
class CreditInterviewOut(Schema):
    id: int
    agency_id: int
    agency_name: str
    party_id: int
    party_name: str
    kind: str
    kind_label: str
    held_on: date
    attendees: str
    mentor: str
    content: str
    outcome: str
    grade: str
    score: int

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_party_name(obj) -> str:
        return obj.party.name

    @staticmethod
    def resolve_agency_name(obj) -> str:
        return obj.agency.name


class CreditInterviewIn(Schema):
    party_id: int = Field(..., description="信用评价差的当事人编号")
    kind: Literal[tuple(Interview.Kind.values)] = Field(..., description="forum 座谈会、mentoring 结对帮教")  # type: ignore[valid-type]
    held_on: date = Field(..., description="日期")
    attendees: str = Field(..., max_length=2000, description="参加人员")
    mentor: str = Field("", max_length=200, description="帮教人（结对帮教须填写）")
    content: str = Field(..., max_length=4000, description="内容")
    outcome: str = Field(..., max_length=4000, description="效果（当事人的认识和整改）")


@router.get("interviews", response={200: list[CreditInterviewOut], **errors(400, 401)}, summary="座谈会、结对帮教记录")
@paginate(LimitOffsetPagination)
def interview_list(request, query: Query[InterviewQuery]):
    return filtered(filters.InterviewFilter, selectors.interview_list(request.auth), query)


@router.get(
    "interviews/{int:pk}", response={200: CreditInterviewOut, **errors(400, 401, 404)}, summary="一次座谈会或结对帮教"
)
def interview_get(request, pk: int):
    return selectors.interview_get(request.auth, pk)


@router.post(
    "interviews", response={201: CreditInterviewOut, **ACT_ERRORS}, summary="记录对信用差的当事人的座谈会、结对帮教"
)
def interview_record(request, payload: CreditInterviewIn):
    data = payload.dict()
    party = reference(party_get, data.pop("party_id"), "party_id", request.auth)
    return Status(201, services.interview_record(actor=request.auth, party=party, **data))
