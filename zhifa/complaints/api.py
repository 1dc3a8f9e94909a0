"""API operations on complaints and media exposures (mounted at /api/v1/complaints/).

Staff read their queue and act on complaints (route, return, take up as a clue, answer);
anyone may follow one complaint by its tracking number and read published media results.
Systems that post complaints use Open311 at /open311/v2/ (zhifa.complaints.open311).
"""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.complaints import filters, selectors, services
from zhifa.complaints.models import Channel, Complaint, Kind, MediaExposure, StatusChange
from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference
from zhifa.law.selectors import item_get
from zhifa.org.models import Field as EnforcementField
from zhifa.org.selectors import agency_get, government_get

router = Router(tags=["举报投诉"])

ComplaintQuery = query_schema(filters.ComplaintFilter)
ACT_ERRORS = errors(400, 401, 403, 404, 409, 422)


@described(StatusChange, act_label="事项（中文）", agency_name="承办机关名称")
class ComplaintsStepOut(Schema):
    status: str
    status_label: str = Field(..., description="状态（中文）")
    act: str
    act_label: str
    note: str
    at: datetime
    agency_name: str | None

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_agency_name(obj) -> str | None:
        return obj.agency.name if obj.agency_id else None


@described(
    Complaint,
    kind_label="类别（中文）",
    status_label="状态（中文）",
    channel_label="渠道（中文）",
    overdue="是否逾期（未答复已过期限，或逾期答复）",
    agency_name="承办机关名称",
    government_name="受理的政府名称",
)
class ComplaintOut(Schema):
    id: int
    tracking_number: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    channel: str
    channel_label: str
    description: str
    field: str
    violation_item_id: int | None
    subject_agency_id: int | None
    place_id: int | None
    address: str
    received_at: datetime
    received_on: date
    due_on: date
    overdue: bool
    government_id: int
    government_name: str
    agency_id: int | None
    agency_name: str | None
    case_id: int | None
    answer: str
    answered_on: date | None
    late_reason: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_channel_label(obj) -> str:
        return obj.get_channel_display()

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return selectors.is_overdue(obj)

    @staticmethod
    def resolve_agency_name(obj) -> str | None:
        return obj.agency.name if obj.agency_id else None

    @staticmethod
    def resolve_government_name(obj) -> str:
        return obj.government.name


@described(Complaint, complainant_name="举报投诉人", complainant_contact="联系方式", history="办理过程")
class ComplaintDetailOut(ComplaintOut):
    complainant_name: str
    complainant_contact: str
    history: list[ComplaintsStepOut]

    @staticmethod
    def resolve_history(obj):
        return list(selectors.history(obj))


@described(
    Complaint,
    kind_label="类别（中文）",
    status_label="状态（中文）",
    handler="承办机关或受理的政府",
    history="办理过程",
)
class TrackOut(Schema):
    """What the holder of a tracking number sees: never the complainant nor the report."""

    tracking_number: str
    kind_label: str
    status_label: str
    received_on: date
    due_on: date
    handler: str
    answer: str
    answered_on: date | None
    history: list[ComplaintsStepOut]

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_handler(obj) -> str:
        return obj.agency.name if obj.agency_id else f"{obj.government.name}（政府法制机构）"

    @staticmethod
    def resolve_history(obj):
        return list(selectors.history(obj))


class HandlerCountsOut(Schema):
    agency_id: int | None = Field(..., description="承办机关编号（空：政府法制机构）")
    name: str = Field(..., description="承办机关或政府法制机构")
    total: int = Field(..., description="收到的举报投诉数")
    open: int = Field(..., description="未答复数")
    answered: int = Field(..., description="已答复数")
    overdue: int = Field(..., description="逾期数（未答复已过期限，或逾期答复）")
    mean_answer_days: float | None = Field(..., description="平均答复用时（工作日）")
    median_answer_days: float | None = Field(..., description="答复用时中位数（工作日）")


class CountsOut(Schema):
    start: date = Field(..., description="统计期间起")
    end: date = Field(..., description="统计期间止")
    total: HandlerCountsOut = Field(..., description="合计")
    by_handler: list[HandlerCountsOut] = Field(..., description="按承办机关")
    by_kind: dict[str, int] = Field(..., description="按类别：enforcement（投诉执法行为）、violation（举报违法行为）")


@described(Complaint)
class ComplaintIn(Schema):
    kind: Literal[tuple(Kind.values)]
    description: str = Field(..., max_length=4000)
    field: Literal[("", *EnforcementField.values)] = ""
    violation_item_id: int | None = None
    subject_agency_id: int | None = None
    place_id: int | None = None
    address: str = Field("", max_length=200)
    complainant_name: str = Field("", max_length=60)
    complainant_contact: str = Field("", max_length=60)


class RouteIn(Schema):
    agency_id: int = Field(..., description="承办机关编号")
    note: str = Field("", max_length=300, description="分办意见")


class ReturnIn(Schema):
    reason: str = Field(..., max_length=300, description="退回理由（本机关为何没有管辖权）")


class ComplaintsAnswerIn(Schema):
    answer: str = Field(..., max_length=4000, description="答复内容：调查核实的情况、处理结果和理由")
    late_reason: str = Field("", max_length=300, description="逾期答复的原因")
    on: date | None = Field(None, description="答复日期（空为今天）")


@described(MediaExposure, status_label="状态（中文）", agency_name="被曝光的执法机关名称")
class MediaOut(Schema):
    id: int
    agency_id: int
    agency_name: str
    outlet: str
    title: str
    url: str
    reported_on: date
    summary: str
    status: str
    status_label: str
    result: str
    concluded_on: date | None
    published_on: date | None

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_agency_name(obj) -> str:
        return obj.agency.name


@described(MediaExposure)
class MediaIn(Schema):
    agency_id: int
    outlet: str = Field(..., max_length=100)
    title: str = Field(..., max_length=200)
    url: str = Field("", max_length=300)
    reported_on: date
    summary: str = Field(..., max_length=4000)


class ConcludeIn(Schema):
    result: str = Field(..., max_length=4000, description="查处结果（将向社会发布）")


class CountsQuery(Schema):
    start: date | None = Field(None, description="统计期间起（空为本年1月1日）")
    end: date | None = Field(None, description="统计期间止（空为今天）")


# --- complaints --------------------------------------------------------------------------


@router.get("", response={200: list[ComplaintOut], **errors(400, 401)}, summary="举报投诉列表")
@paginate(LimitOffsetPagination)
def complaint_list(request, query: Query[ComplaintQuery]):
    return filtered(filters.ComplaintFilter, selectors.complaint_list(request.auth), query)


@router.get("queue", response={200: list[ComplaintOut], **errors(400, 401)}, summary="待办举报投诉")
@paginate(LimitOffsetPagination)
def complaint_queue(request):
    return selectors.queue(request.auth)


@router.get("counts", response={200: CountsOut, **errors(400, 401)}, summary="举报投诉统计与答复用时（监督驾驶舱）")
def complaint_counts(request, query: Query[CountsQuery]):
    today = clock.today()
    return selectors.complaint_counts(request.auth, (query.start or date(today.year, 1, 1), query.end or today))


@router.get("track/{number}", auth=None, response={200: TrackOut, **errors(400, 404)}, summary="凭查询码查询办理进展")
def complaint_track(request, number: str):
    return selectors.complaint_by_tracking(number)


@router.get("{int:pk}", response={200: ComplaintDetailOut, **errors(400, 401, 404)}, summary="举报投诉")
def complaint_detail(request, pk: int):
    return selectors.complaint_get(request.auth, pk)


@router.post("", response={201: ComplaintDetailOut, **ACT_ERRORS}, summary="登记来信来电来访的举报投诉")
def complaint_create(request, payload: ComplaintIn):
    data = payload.dict()
    complaint = services.complaint_submit(
        actor=request.auth,
        channel=Channel.STAFF,
        kind=data["kind"],
        description=data["description"],
        field=data["field"],
        violation_item=reference(item_get, data["violation_item_id"], "violation_item_id"),
        subject_agency=reference(agency_get, data["subject_agency_id"], "subject_agency_id"),
        place=reference(government_get, data["place_id"], "place_id"),
        address=data["address"],
        complainant_name=data["complainant_name"],
        complainant_contact=data["complainant_contact"],
    )
    return Status(201, complaint)


@router.post("{int:pk}/route", response={200: ComplaintDetailOut, **ACT_ERRORS}, summary="转交执法机关（改派）")
def complaint_route(request, pk: int, payload: RouteIn):
    complaint = selectors.complaint_get(request.auth, pk)
    agency = reference(agency_get, payload.agency_id, "agency_id")
    return services.complaint_route(actor=request.auth, complaint=complaint, agency=agency, note=payload.note)


@router.post("{int:pk}/return", response={200: ComplaintDetailOut, **ACT_ERRORS}, summary="退回政府法制机构")
def complaint_return(request, pk: int, payload: ReturnIn):
    complaint = selectors.complaint_get(request.auth, pk)
    return services.complaint_return(actor=request.auth, complaint=complaint, reason=payload.reason)


@router.post("{int:pk}/take-up", response={200: ComplaintDetailOut, **ACT_ERRORS}, summary="登记为违法线索")
def complaint_take_up(request, pk: int):
    complaint = selectors.complaint_get(request.auth, pk)
    return services.complaint_take_up(actor=request.auth, complaint=complaint)


@router.post("{int:pk}/answer", response={200: ComplaintDetailOut, **ACT_ERRORS}, summary="答复举报投诉人")
def complaint_answer(request, pk: int, payload: ComplaintsAnswerIn):
    complaint = selectors.complaint_get(request.auth, pk)
    return services.complaint_answer(actor=request.auth, complaint=complaint, **payload.dict())


# --- media exposures ---------------------------------------------------------------------


@router.get("media", response={200: list[MediaOut], **errors(400, 401)}, summary="新闻媒体曝光")
@paginate(LimitOffsetPagination)
def media_list(request):
    return selectors.media_list(request.auth)


@router.get(
    "public/media", auth=None, response={200: list[MediaOut], **errors(400)}, summary="媒体曝光案件查处结果（公开）"
)
@paginate(LimitOffsetPagination)
def public_media_list(request):
    return selectors.media_published()


@router.get(
    "public/media/{int:pk}", auth=None, response={200: MediaOut, **errors(400, 404)}, summary="媒体曝光案件查处结果"
)
def public_media_detail(request, pk: int):
    return selectors.media_public_get(pk)


@router.get("media/{int:pk}", response={200: MediaOut, **errors(400, 401, 404)}, summary="新闻媒体曝光")
def media_detail(request, pk: int):
    return selectors.media_get(request.auth, pk)


@router.post("media", response={201: MediaOut, **ACT_ERRORS}, summary="登记新闻媒体曝光")
def media_register(request, payload: MediaIn):
    data = payload.dict()
    agency = reference(agency_get, data.pop("agency_id"), "agency_id")
    return Status(201, services.media_register(actor=request.auth, agency=agency, **data))


@router.post("media/{int:pk}/conclude", response={200: MediaOut, **ACT_ERRORS}, summary="作出结论并发布查处结果")
def media_conclude(request, pk: int, payload: ConcludeIn):
    exposure = selectors.media_get(request.auth, pk)
    return services.media_conclude(actor=request.auth, exposure=exposure, result=payload.result)
