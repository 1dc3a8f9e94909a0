"""Joint meetings (D4.1), joint campaigns (D4.2a–b) and city–district linkage (D4.3): the
tasks they give agencies, with deadlines, and the agencies' reports back."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from zhifa.accounts.access import can_see_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.cases.inputs import bad_input, require_text
from zhifa.cooperation import rules as R
from zhifa.cooperation.models import JointCampaign, JointMeeting, Task
from zhifa.cooperation.services._common import act_date
from zhifa.core import audit
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import conflict, forbidden, not_found
from zhifa.core.records import save_record
from zhifa.core.rules import enforce
from zhifa.org.models import Agency


def _own_agency(actor: User, action: str) -> Agency:
    require_role(actor, Role.HEAD, action=action)
    if actor.agency is None:
        raise forbidden(f"只有执法机关负责人可以{action}。")
    return actor.agency


def _due(on: date, due_on: date | None) -> date:
    if due_on is None:
        raise bad_input(ErrorCode.REQUIRED, "请写明完成期限。", field="due_on")
    if due_on < on:
        raise bad_input(ErrorCode.DATE_ORDER, "完成期限不得早于交办日期。", field="due_on")
    return due_on


def _task(actor, task: Task, clauses) -> Task:
    return save_record(
        actor=actor, instance=task, act=f"task.assign.{task.kind}", agency=task.assigned_by, clauses=clauses
    )


def meeting_record(
    *,
    actor: User,
    title: str,
    held_on: date,
    agenda: str,
    attendees: list[Agency],
    minutes: str,
    attendee_names: str = "",
    minutes_number: str = "",
) -> JointMeeting:
    """登记行政执法联席会议：议程、参会机关和人员、会议纪要（D4.1）。"""
    with transaction.atomic():
        agency = _own_agency(actor, "登记联席会议")
        held_on = act_date(held_on)
        attendees = list(dict.fromkeys([agency, *attendees]))
        if len(attendees) < 2:
            raise bad_input(ErrorCode.REQUIRED, "联席会议至少有两个机关参加。", field="attendee_ids")
        meeting = JointMeeting(
            title=require_text(title, "title", "请写明会议名称。"),
            convened_by=agency,
            held_on=held_on,
            agenda=require_text(agenda, "agenda", "请写明会议议程。"),
            attendee_names=attendee_names.strip(),
            minutes=require_text(minutes, "minutes", "请写明会议纪要。"),
            minutes_number=minutes_number.strip(),
            recorded_by=actor,
        )
        return save_record(
            actor=actor,
            instance=meeting,
            act="meeting.record",
            agency=agency,
            m2m={"attendees": attendees},
            clauses=["D4.1"],
        )


def meeting_resolution_add(
    *, actor: User, meeting: JointMeeting, agency: Agency, description: str, due_on: date | None, on: date | None = None
) -> Task:
    """会议议定事项以纪要形式送执法机关执行，写明期限（D4.1）。"""
    with transaction.atomic():
        own = _own_agency(actor, "交办议定事项")
        if meeting.convened_by_id != own.pk:
            raise forbidden("只有召集机关可以交办会议议定事项。")
        on = act_date(on, earliest=meeting.held_on)
        enforce(R.resolution_to_attendee(agency, set(meeting.attendees.values_list("pk", flat=True))))
        task = Task(
            kind=Task.Kind.RESOLUTION,
            meeting=meeting,
            assigned_by=own,
            assigned_to=agency,
            description=require_text(description, "description", "请写明议定事项。"),
            assigned_on=on,
            due_on=_due(on, due_on),
        )
        return _task(actor, task, ["D4.1"])


def campaign_launch(
    *, actor: User, title: str, field: str, starts_on: date, ends_on: date, targets: str
) -> JointCampaign:
    """牵头机关组织联合执法、专项整治（D4.2a）。"""
    with transaction.atomic():
        agency = _own_agency(actor, "组织联合执法")
        if ends_on < starts_on:
            raise bad_input(ErrorCode.DATE_ORDER, "结束日期不得早于开始日期。", field="ends_on")
        campaign = JointCampaign(
            title=require_text(title, "title", "请写明专项整治名称。"),
            lead=agency,
            field=require_text(field, "field", "请写明整治领域。"),
            starts_on=starts_on,
            ends_on=ends_on,
            targets=require_text(targets, "targets", "请写明整治目标。"),
            created_by=actor,
        )
        return save_record(actor=actor, instance=campaign, act="campaign.launch", agency=agency, clauses=["D4.2a"])


def campaign_task_assign(
    *,
    actor: User,
    campaign: JointCampaign,
    agency: Agency,
    description: str,
    due_on: date | None,
    on: date | None = None,
) -> Task:
    """牵头机关向同层级的参加机关分配任务（D4.2a–b）。"""
    with transaction.atomic():
        own = _own_agency(actor, "分配联合执法任务")
        if campaign.lead_id != own.pk:
            raise forbidden("只有牵头机关可以分配联合执法任务。")
        on = act_date(on)
        enforce(R.campaign_same_level(own, [agency]))
        task = Task(
            kind=Task.Kind.CAMPAIGN,
            campaign=campaign,
            assigned_by=own,
            assigned_to=agency,
            description=require_text(description, "description", "请写明分工任务。"),
            assigned_on=on,
            due_on=_due(on, due_on),
        )
        return _task(actor, task, ["D4.2a", "D4.2b"])


def linkage_assign(
    *, actor: User, agency: Agency, description: str, responsibilities: str, due_on: date | None, on: date | None = None
) -> Task:
    """市级执法机关向所辖区县的同领域执法机关交办联动任务，界定双方权责（D4.3）。"""
    with transaction.atomic():
        own = _own_agency(actor, "交办上下联动任务")
        on = act_date(on)
        enforce(R.linkage_city_to_district(own, agency, responsibilities))
        task = Task(
            kind=Task.Kind.LINKAGE,
            assigned_by=own,
            assigned_to=agency,
            description=require_text(description, "description", "请写明交办的任务。"),
            responsibilities=responsibilities.strip(),
            assigned_on=on,
            due_on=_due(on, due_on),
        )
        return _task(actor, task, ["D4.3"])


def _assigned(actor: User, task: Task) -> Task:
    if not (can_see_agency(actor, task.assigned_to_id) or can_see_agency(actor, task.assigned_by_id)):
        raise not_found("任务")
    if actor.agency_id != task.assigned_to_id:
        raise forbidden("只有承办机关可以办理。")
    return Task.objects.select_for_update().get(pk=task.pk)


def task_respond(*, actor: User, task: Task, accepted: bool, refusal_reason: str = "", on: date | None = None) -> Task:
    """参加机关答复联合执法分工：应当积极配合；拒绝的须说明理由，并报牵头机关和政府法制机构（D4.2b）。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, action="答复联合执法分工")
        task = _assigned(actor, task)
        if task.kind != Task.Kind.CAMPAIGN:
            raise bad_input(
                ErrorCode.INVALID, "只有联合执法分工需要答复；议定事项和联动任务应当执行。", field="accepted"
            )
        if task.responded_on:
            raise conflict("已经答复过该分工。")
        on = act_date(on, earliest=task.assigned_on)
        enforce(R.campaign_refusal_reasoned(accepted, refusal_reason))
        task.response = Task.Response.ACCEPTED if accepted else Task.Response.REFUSED
        task.responded_on, task.refusal_reason = on, "" if accepted else refusal_reason.strip()
        task.save(update_fields=["response", "responded_on", "refusal_reason"])
        audit.record(
            actor=actor,
            act="task.respond",
            obj=task,
            agency=task.assigned_to_id,
            changes={"response": task.response, "on": on},
            clauses=["D4.2b"],
        )
        return task


def task_report(*, actor: User, task: Task, report: str, late_reason: str = "", on: date | None = None) -> Task:
    """承办机关报送任务的落实情况（D4.1、D4.2b、D4.3）。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="报送落实情况")
        task = _assigned(actor, task)
        if task.reported_on:
            raise conflict("已经报送过落实情况。")
        on = act_date(on, earliest=task.assigned_on)
        enforce(R.task_reported_in_time(task.kind, task.due_on, on, late_reason))
        task.report = require_text(report, "report", "请写明落实情况。")
        task.reported_on, task.late_reason = on, late_reason
        task.save(update_fields=["report", "reported_on", "late_reason"])
        audit.record(
            actor=actor,
            act="task.report",
            obj=task,
            agency=task.assigned_to_id,
            changes={"on": on},
            clauses={"resolution": ["D4.1"], "campaign": ["D4.2b"], "linkage": ["D4.3"]}[task.kind],
        )
        return task
