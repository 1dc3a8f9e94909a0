"""API operations of supervision: alerts and the cases behind them, discretion
consistency, 督办 (issue, answer, escalate) and the parties' ratings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from zhifa.accounts.access import scope
from zhifa.cases import presenters
from zhifa.cases import selectors as case_selectors
from zhifa.cases.api.schemas import CaseList
from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.references import get_or_not_found, reference
from zhifa.org.models import Agency
from zhifa.oversight import selectors, services
from zhifa.oversight.models import PartyRating, SupervisionNotice

router = Router(tags=["执法监督"])


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


class Page(Schema):
    limit: int = Field(20, ge=1, le=100, description="每页条数")
    offset: int = Field(0, ge=0, description="跳过的条数")


@router.get(
    "alerts/{code}",
    response={200: CaseList, **errors(400, 401, 404)},
    summary="触发一类预警的案件（items 与 count，limit/offset 分页）",
)
def alert_cases(request, code: str, page: Query[Page]):
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
class NoticeOut(Schema):
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


class NoticeIn(Schema):
    agency_id: int = Field(..., description="被督办机关（编号）")
    case_id: int | None = Field(None, description="涉及案件（编号）")
    alert_code: str = Field("", max_length=40, description="预警类别代码")
    subject: str = Field(..., max_length=200, description="督办事项")
    requirement: str = Field(..., description="整改要求")
    due_on: date = Field(..., description="答复期限")


class AnswerIn(Schema):
    answer: str = Field(..., description="整改情况和结果")


class EscalateIn(Schema):
    note: str = Field("", description="升级督办说明")


def _agency_get(user, pk: int) -> Agency:
    return get_or_not_found(scope(Agency.objects.all(), user, "pk"), "执法机关", pk=pk)


@router.get("notices", response={200: list[NoticeOut], **errors(400, 401)}, summary="督办列表")
@paginate(LimitOffsetPagination)
def notice_list(request):
    return selectors.notice_list(request.auth)


@router.get("notices/{int:pk}", response={200: NoticeOut, **errors(401, 404)}, summary="督办")
def notice_get(request, pk: int):
    return selectors.notice_get(request.auth, pk)


@router.post("notices", response={201: NoticeOut, **errors(400, 401, 403, 404, 422)}, summary="发出督办（D6.1）")
def notice_issue(request, payload: NoticeIn):
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
    "notices/{int:pk}/answer", response={200: NoticeOut, **errors(400, 401, 403, 404, 422)}, summary="答复督办"
)
def notice_answer(request, pk: int, payload: AnswerIn):
    notice = selectors.notice_get(request.auth, pk)
    return services.supervision_answer(actor=request.auth, notice=notice, answer=payload.answer)


@router.post(
    "notices/{int:pk}/escalate",
    response={200: NoticeOut, **errors(400, 401, 403, 404, 422)},
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
