"""API operations of credit and random inspections (mounted at /api/v1/credit/): a
party's rating line by line, plans with their draws and results, the published plans, and
the acts on plans and objections."""

from datetime import date

from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.credit import facts, selectors, services
from zhifa.credit.models import CreditObjection, InspectionPlan, PlanTarget
from zhifa.parties.selectors import party_get

router = Router(tags=["信用与双随机抽查"])
ACT_ERRORS = errors(400, 401, 403, 404, 409, 422)


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
def objection_list(request):
    return selectors.objection_list(request.auth)


@router.post("objections/{int:pk}/answer", response={200: ObjectionOut, **ACT_ERRORS}, summary="答复信用评价异议")
def objection_answer(request, pk: int, payload: CreditAnswerIn):
    objection = selectors.objection_get(request.auth, pk)
    return services.objection_answer(actor=request.auth, objection=objection, **payload.dict())


@router.get("plans", response={200: list[PlanOut], **errors(400, 401)}, summary="双随机抽查计划")
@paginate(LimitOffsetPagination)
def plan_list(request):
    return selectors.plan_list(request.auth)


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
