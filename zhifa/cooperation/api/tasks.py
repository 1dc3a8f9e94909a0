"""Joint meetings (D4.1), joint campaigns (D4.2a–b), linkage (D4.3) and their tasks."""

# No `from __future__ import annotations`: query schemas are resolved from the annotations.

from django.db import transaction
from ninja import Field, Query, Schema, Status

from zhifa.cases.api import references as ref
from zhifa.cooperation import presenters, selectors, services
from zhifa.cooperation.api.routing import ACT_ERRORS, LIST_ERRORS, READ_ERRORS, Page, paged, router
from zhifa.cooperation.api.schemas import (
    CampaignIn,
    CampaignOut,
    CampaignTaskIn,
    CooperationReportIn,
    LinkageIn,
    MeetingIn,
    MeetingOut,
    RespondIn,
    TaskOut,
)
from zhifa.core import clock
from zhifa.core.references import references
from zhifa.org.models import Agency


class MeetingList(Schema):
    count: int = Field(..., description="条数")
    items: list[MeetingOut] = Field(..., description="联席会议")


class CampaignList(Schema):
    count: int = Field(..., description="条数")
    items: list[CampaignOut] = Field(..., description="联合执法")


class TaskList(Schema):
    count: int = Field(..., description="条数")
    items: list[TaskOut] = Field(..., description="交办和承办的任务")


@router.get("meetings", response={200: MeetingList, **LIST_ERRORS}, summary="联席会议")
def meeting_list(request, page: Query[Page]):
    return paged(selectors.meeting_list(request.auth), page, presenters.meeting)


@router.get("meetings/{int:pk}", response={200: MeetingOut, **READ_ERRORS}, summary="联席会议及议定事项")
def meeting_get(request, pk: int):
    return presenters.meeting(selectors.meeting_get(request.auth, pk))


@router.post("meetings", response={201: MeetingOut, **ACT_ERRORS}, summary="登记联席会议及议定事项（D4.1）")
def meeting_record(request, payload: MeetingIn):
    d = payload.dict()
    resolutions = d.pop("resolutions")
    attendees = references(Agency.objects.all(), d.pop("attendee_ids"), "attendee_ids")
    with transaction.atomic():  # the meeting and its resolutions, or nothing
        meeting = services.meeting_record(actor=request.auth, attendees=attendees, **d)
        for i, r in enumerate(resolutions):
            services.meeting_resolution_add(
                actor=request.auth,
                meeting=meeting,
                agency=ref.agency(r["agency_id"], f"resolutions.{i}.agency_id"),
                description=r["description"],
                due_on=r["due_on"],
                on=meeting.held_on,
            )
    return Status(201, presenters.meeting(selectors.meeting_get(request.auth, meeting.pk)))


@router.get("campaigns", response={200: CampaignList, **LIST_ERRORS}, summary="联合执法")
def campaign_list(request, page: Query[Page]):
    return paged(selectors.campaign_list(request.auth), page, presenters.campaign)


@router.get(
    "campaigns/flags", response={200: TaskList, **LIST_ERRORS}, summary="拒绝或逾期未答复的联合执法分工（D4.2b）"
)
def campaign_flags(request):
    rows = selectors.campaign_flags(request.auth)
    return {"count": len(rows), "items": [presenters.task(t) for t, _flag in rows]}


@router.get("campaigns/{int:pk}", response={200: CampaignOut, **READ_ERRORS}, summary="联合执法及分工")
def campaign_get(request, pk: int):
    return presenters.campaign(selectors.campaign_get(request.auth, pk))


@router.post("campaigns", response={201: CampaignOut, **ACT_ERRORS}, summary="组织联合执法并分工（D4.2a）")
def campaign_launch(request, payload: CampaignIn):
    d = payload.dict()
    tasks = d.pop("tasks")
    with transaction.atomic():  # the campaign and its tasks, or nothing
        campaign = services.campaign_launch(actor=request.auth, **d)
        for i, t in enumerate(tasks):
            services.campaign_task_assign(
                actor=request.auth,
                campaign=campaign,
                agency=ref.agency(t["agency_id"], f"tasks.{i}.agency_id"),
                description=t["description"],
                due_on=t["due_on"],
                on=min(campaign.starts_on, clock.today()),
            )
    return Status(201, presenters.campaign(selectors.campaign_get(request.auth, campaign.pk)))


@router.post("campaigns/{int:pk}/tasks", response={201: TaskOut, **ACT_ERRORS}, summary="向参加机关分配任务（D4.2a–b）")
def campaign_task_assign(request, pk: int, payload: CampaignTaskIn):
    campaign = selectors.campaign_get(request.auth, pk)
    d = payload.dict()
    task = services.campaign_task_assign(
        actor=request.auth, campaign=campaign, agency=ref.agency(d.pop("agency_id"), "agency_id"), **d
    )
    return Status(201, presenters.task(selectors.task_get(request.auth, task.pk)))


@router.post("linkage", response={201: TaskOut, **ACT_ERRORS}, summary="市级机关交办区县机关联动任务（D4.3）")
def linkage_assign(request, payload: LinkageIn):
    d = payload.dict()
    task = services.linkage_assign(actor=request.auth, agency=ref.agency(d.pop("agency_id"), "agency_id"), **d)
    return Status(201, presenters.task(selectors.task_get(request.auth, task.pk)))


@router.get("tasks", response={200: TaskList, **LIST_ERRORS}, summary="交办和承办的任务")
def task_list(request, page: Query[Page]):
    return paged(selectors.task_list(request.auth), page, presenters.task)


@router.get("tasks/{int:pk}", response={200: TaskOut, **READ_ERRORS}, summary="任务")
def task_get(request, pk: int):
    return presenters.task(selectors.task_get(request.auth, pk))


@router.post("tasks/{int:pk}/response", response={200: TaskOut, **ACT_ERRORS}, summary="答复联合执法分工（D4.2b）")
def task_respond(request, pk: int, payload: RespondIn):
    task = selectors.task_get(request.auth, pk)
    services.task_respond(actor=request.auth, task=task, **payload.dict())
    return presenters.task(selectors.task_get(request.auth, pk))


@router.post("tasks/{int:pk}/report", response={200: TaskOut, **ACT_ERRORS}, summary="报送落实情况")
def task_report(request, pk: int, payload: CooperationReportIn):
    task = selectors.task_get(request.auth, pk)
    services.task_report(actor=request.auth, task=task, **payload.dict())
    return presenters.task(selectors.task_get(request.auth, pk))
