"""Scoped reads of cooperation between agencies.

A transfer is seen by both sides: the sending agency (its case) and the receiving agency,
and by the offices of a government over either; outside that it is "not found".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch, QuerySet

from zhifa.accounts.access import q_visible, scope
from zhifa.accounts.models import User
from zhifa.cases.models import Case, Inspection, Transfer
from zhifa.cooperation import periods
from zhifa.cooperation.models import (
    AssistanceRequest,
    CasePackage,
    CooperationAgreement,
    CrimeTransfer,
    Dispute,
    HistoryLookup,
    InformationRequest,
    InspectionCapApproval,
    InspectionPlan,
    JointCampaign,
    JointInspection,
    JointMeeting,
    LiaisonOfficer,
    Task,
    TransferReceipt,
)
from zhifa.core import clock
from zhifa.core.errors import forbidden
from zhifa.core.references import get_or_not_found
from zhifa.org.models import Agency
from zhifa.parties import selectors as party_selectors
from zhifa.parties.models import Party


def transfer_list(user: User) -> QuerySet[Transfer]:
    qs = Transfer.objects.select_related(
        "case__agency",
        "case__in_name_of",
        "case__party",
        "case__violation_item",
        "to_agency",
        "received_case",
        "receipt",
        "receipt__passed_on__to_agency",
    )
    return qs.filter(q_visible(user, "case__agency") | q_visible(user, "to_agency")).order_by("-sent_on", "-pk")


def transfer_get(user: User, pk: int) -> Transfer:
    return get_or_not_found(transfer_list(user), "移送函", pk=pk)


def receipt_of(transfer: Transfer) -> TransferReceipt | None:
    try:
        return transfer.receipt
    except TransferReceipt.DoesNotExist:
        return None


@dataclass(frozen=True)
class TransferStatus:
    """Where a transfer stands, as the sender follows it."""

    label: str
    due_on: date
    overdue: bool
    answered: bool


def transfer_status(transfer: Transfer, on: date | None = None) -> TransferStatus:
    on = on or clock.today()
    due = periods.transfer_answer_due(transfer.sent_on)
    receipt = receipt_of(transfer)
    if transfer.answered_on:
        label = "已书面函告处理结果"
    elif receipt is None:
        label = "已发出，待接收机关签收"
    elif receipt.outcome == TransferReceipt.Outcome.PASSED_ON:
        label = "已转送有管辖权的机关"
    else:
        label = "已签收，办理中"
    overdue = not transfer.answered_on and on > due
    if overdue:
        label += "（逾期未函告）"
    return TransferStatus(label=label, due_on=due, overdue=overdue, answered=bool(transfer.answered_on))


@dataclass(frozen=True)
class OverdueAnswer:
    """A transfer whose receiver has not answered the sender in writing by the deadline (D3.4)."""

    transfer: Transfer
    due_on: date
    days_overdue: int

    @property
    def sender(self):
        return self.transfer.case.agency

    @property
    def receiver(self):
        return self.transfer.to_agency


def overdue_transfer_answers(user: User, on: date | None = None) -> list[OverdueAnswer]:
    """Transfers, visible to ``user`` from either side, whose written answer is overdue on ``on``
    (one query; the oversight dashboards read this)."""
    on = on or clock.today()
    rows = []
    for t in transfer_list(user).filter(answered_on__isnull=True).order_by("sent_on", "pk"):
        due = periods.transfer_answer_due(t.sent_on)
        if on > due:
            rows.append(OverdueAnswer(transfer=t, due_on=due, days_overdue=(on - due).days))
    return rows


def crime_transfer_list(user: User) -> QuerySet[CrimeTransfer]:
    qs = CrimeTransfer.objects.select_related("case__agency", "case__party", "sent_by")
    return scope(qs, user, "case__agency").order_by("-sent_on", "-pk")


def crime_transfer_get(user: User, pk: int) -> CrimeTransfer:
    return get_or_not_found(crime_transfer_list(user), "涉嫌犯罪案件移送", pk=pk)


# --- Requests between agencies: seen by both sides ---------------------------------------


def _between(qs: QuerySet, user: User) -> QuerySet:
    return qs.filter(q_visible(user, "requesting_agency") | q_visible(user, "requested_agency"))


def assistance_list(user: User) -> QuerySet[AssistanceRequest]:
    qs = AssistanceRequest.objects.select_related("requesting_agency", "requested_agency", "case")
    return _between(qs, user).order_by("-sent_on", "-pk")


def assistance_get(user: User, pk: int) -> AssistanceRequest:
    return get_or_not_found(assistance_list(user), "协助请求", pk=pk)


def information_list(user: User) -> QuerySet[InformationRequest]:
    qs = InformationRequest.objects.select_related("requesting_agency", "requested_agency", "case", "party")
    return _between(qs, user).order_by("-sent_on", "-pk")


def information_get(user: User, pk: int) -> InformationRequest:
    return get_or_not_found(information_list(user), "信息查询请求", pk=pk)


def request_overdue(request, on: date | None = None) -> bool:
    return not request.answered_on and (on or clock.today()) > request.due_on


# --- The enforcement information exchange (D4.5b) ---------------------------------------------


def enforcement_history(party: Party) -> list[dict]:
    """The party's filed cases in every agency (what a look-up shows), newest first: one query."""
    cases = (
        Case.objects.filter(party=party, filed_on__isnull=False)
        .select_related("agency", "violation_item", "decision")
        .order_by("-filed_on", "-pk")
    )
    rows = []
    for c in cases:
        decision = getattr(c, "decision", None)
        rows.append(
            {
                "agency": c.agency.name,
                "filing_number": c.filing_number,
                "filed_on": c.filed_on,
                "violation_item": c.violation_item.name if c.violation_item else "",
                "status": c.get_status_display(),
                "decision_number": getattr(decision, "number", "") or "",
                "decided_on": getattr(decision, "decided_on", None),
                "penalty": decision.penalty_text if decision else "",
            }
        )
    return rows


def lookup_list(user: User) -> QuerySet[HistoryLookup]:
    qs = HistoryLookup.objects.select_related("party", "agency", "user", "case")
    return scope(qs, user, "agency")


def lookup_get(user: User, pk: int) -> HistoryLookup:
    return get_or_not_found(lookup_list(user), "执法记录查询", pk=pk)


def lookups_of_party(user: User, party: Party) -> QuerySet[HistoryLookup]:
    """Every agency's look-ups of ``party``, to tell the party on request who looked it up, when
    and why: shown to the staff who hold the party (its cases or its registration)."""
    if party_selectors.access_to(user, party) != party_selectors.HOLDER:
        raise forbidden("只有办理过该当事人案件的机关可以应当事人申请查阅其被查询的记录。")
    return HistoryLookup.objects.filter(party=party).select_related("agency", "user", "case").order_by("-at", "-pk")


def liaison_list(user: User) -> QuerySet[LiaisonOfficer]:
    """Liaison officers are a network every agency reads (D4.5c)."""
    return LiaisonOfficer.objects.select_related("agency").filter(until__isnull=True)


def agreement_list(user: User) -> QuerySet[CooperationAgreement]:
    return CooperationAgreement.objects.prefetch_related("agencies")


def agreement_get(user: User, pk: int) -> CooperationAgreement:
    return get_or_not_found(agreement_list(user), "合作协议", pk=pk)


# --- Disputes (D4.6) ---------------------------------------------------------------------------


def dispute_list(user: User) -> QuerySet[Dispute]:
    """Disputes any of whose agencies ``user`` may see."""
    visible = Dispute.objects.filter(q_visible(user, "agencies")).values("pk")
    return (
        Dispute.objects.filter(pk__in=visible)
        .select_related("raised_by", "government")
        .prefetch_related("agencies", "steps__by")
        .order_by("-raised_on", "-pk")
    )


def dispute_get(user: User, pk: int) -> Dispute:
    return get_or_not_found(dispute_list(user), "执法争议", pk=pk)


def dispute_overdue(dispute: Dispute, on: date | None = None) -> bool:
    return dispute.stage != Dispute.Stage.RESOLVED and (on or clock.today()) > dispute.stage_due_on


# --- Meetings, campaigns, tasks (D4.1–D4.3) ---------------------------------------------------


def meeting_list(user: User) -> QuerySet[JointMeeting]:
    visible = JointMeeting.objects.filter(q_visible(user, "attendees")).values("pk")
    return (
        JointMeeting.objects.filter(pk__in=visible)
        .select_related("convened_by")
        .prefetch_related("attendees", "tasks__assigned_to")
        .order_by("-held_on", "-pk")
    )


def meeting_get(user: User, pk: int) -> JointMeeting:
    return get_or_not_found(meeting_list(user), "联席会议", pk=pk)


def campaign_list(user: User) -> QuerySet[JointCampaign]:
    visible = JointCampaign.objects.filter(q_visible(user, "lead") | q_visible(user, "tasks__assigned_to")).values("pk")
    return (
        JointCampaign.objects.filter(pk__in=visible)
        .select_related("lead")
        # one query for the tasks with their agencies, whether or not a page's campaigns have any
        .prefetch_related(Prefetch("tasks", queryset=Task.objects.select_related("assigned_to", "assigned_by")))
        .order_by("-starts_on", "-pk")
    )


def campaign_get(user: User, pk: int) -> JointCampaign:
    return get_or_not_found(campaign_list(user), "联合执法", pk=pk)


def task_list(user: User) -> QuerySet[Task]:
    qs = Task.objects.select_related("assigned_by", "assigned_to", "meeting", "campaign")
    return qs.filter(q_visible(user, "assigned_by") | q_visible(user, "assigned_to")).order_by("due_on", "pk")


def task_get(user: User, pk: int) -> Task:
    return get_or_not_found(task_list(user), "任务", pk=pk)


def task_flag(task: Task, on: date | None = None) -> str:
    """Why a task is flagged (empty when it is not): a refusal or silence in a joint campaign
    (D4.2b), or a report overdue."""
    on = on or clock.today()
    if task.response == Task.Response.REFUSED:
        return "拒绝分工"
    if (
        task.kind == Task.Kind.CAMPAIGN
        and not task.responded_on
        and on > periods.campaign_response_due(task.assigned_on)
    ):
        return "逾期未答复分工"
    if not task.reported_on and on > task.due_on:
        return "逾期未报送落实情况"
    return ""


def campaign_flags(user: User, on: date | None = None) -> list[tuple[Task, str]]:
    """Campaign tasks refused or left unanswered, and reports overdue, for the lead agency and
    the legal affairs office over it (D4.2b): one query."""
    qs = (
        Task.objects.filter(kind=Task.Kind.CAMPAIGN)
        .filter(q_visible(user, "campaign__lead"))
        .select_related("assigned_by", "assigned_to", "campaign")
        .order_by("due_on", "pk")
    )
    return [(t, flag) for t in qs if (flag := task_flag(t, on))]


# --- Case packages (D3.4) -------------------------------------------------------------------


def package_list(user: User) -> QuerySet[CasePackage]:
    qs = CasePackage.objects.select_related("sender_agency", "receiver_agency", "received_case", "transfer")
    return qs.filter(q_visible(user, "sender_agency") | q_visible(user, "receiver_agency")).order_by(
        "-sealed_on", "-pk"
    )


def package_get(user: User, pk: int) -> CasePackage:
    return get_or_not_found(package_list(user), "案件材料包", pk=pk)


# --- One visit instead of many (D2.1) -----------------------------------------------------------


@dataclass(frozen=True)
class OtherInspection:
    """That another agency inspected the party on site, or plans to, when and where (not what it
    recorded); a plan may be part of a joint inspection the officer can ask to join."""

    agency: str
    on: date
    place: str
    planned: bool = False
    joint_id: int | None = None


def inspections_by_others(
    user: User, party: Party, on: date | None = None, days: int | None = None
) -> list[OtherInspection]:
    """Other agencies' on-site inspections of ``party`` in the ``days`` before ``on``, and their
    planned ones from then on to ``days`` after (D2.1: no repeated inspection for nothing; the
    officer can join them up). A plan its case's inspection records is shown once, as that
    inspection; a joint inspection the user's agency is part of is not "another's". Two queries."""
    on = on or clock.today()
    days = periods.INSPECTION_WINDOW_DAYS if days is None else days
    since = on - timedelta(days=days)
    qs = (
        Inspection.objects.filter(case__party=party, kind=Inspection.Kind.INSPECTION, on__lte=on)
        .filter(on__gte=since)
        .exclude(case__agency_id=user.agency_id)
        .select_related("case__agency")
        .order_by("-on", "-pk")
    )
    done = [OtherInspection(agency=i.case.agency.name, on=i.on, place=i.place) for i in qs]
    plans = (
        InspectionPlan.objects.filter(party=party, inspection__isnull=True, on__gte=since)
        .filter(on__lte=on + timedelta(days=days))
        .exclude(agency_id=user.agency_id)
        .exclude(joint__parts__agency_id=user.agency_id)
        .select_related("agency")
    )
    planned = [
        OtherInspection(agency=p.agency.name, on=p.on, place=p.place, planned=True, joint_id=p.joint_id) for p in plans
    ]
    return sorted([*done, *planned], key=lambda r: r.on, reverse=True)


def plan_list(user: User) -> QuerySet[InspectionPlan]:
    """The agency's planned on-site inspections (and its parts of joint inspections)."""
    qs = InspectionPlan.objects.select_related("agency", "party", "approval", "joint", "case", "planned_by")
    return scope(qs, user, "agency").prefetch_related("officers").order_by("-on", "-pk")


def plan_get(user: User, pk: int) -> InspectionPlan:
    return get_or_not_found(plan_list(user), "现场检查计划", pk=pk)


def joint_list(user: User) -> QuerySet[JointInspection]:
    """Joint inspections led by, or inviting, an agency ``user`` may see."""
    visible = JointInspection.objects.filter(q_visible(user, "lead") | q_visible(user, "invited")).values("pk")
    # the parts with their agencies (not their officers: a page of joint inspections none of
    # which any agency has joined would skip that query; the record's page reads them)
    parts = InspectionPlan.objects.select_related("agency", "case", "inspection", "recorded_by")
    return (
        JointInspection.objects.filter(pk__in=visible)
        .select_related("lead", "party", "created_by")
        .prefetch_related("invited", Prefetch("parts", queryset=parts.order_by("pk")))
        .order_by("-on", "-pk")
    )


def joint_get(user: User, pk: int) -> JointInspection:
    """A joint inspection with its record: every part with its officers."""
    return get_or_not_found(joint_list(user).prefetch_related("parts__officers"), "综合查一次", pk=pk)


def cap_approval_list(user: User) -> QuerySet[InspectionCapApproval]:
    qs = InspectionCapApproval.objects.select_related("agency", "party", "approved_by", "plan")
    return scope(qs, user, "agency").order_by("-approved_on", "-pk")


@dataclass(frozen=True)
class BeyondCap:
    """An agency's on-site inspections of one enterprise in a year beyond the published cap, with
    fewer written approvals than inspections beyond it (D2.1, 国办发〔2024〕54号)."""

    agency: Agency
    party: Party
    year: int
    count: int
    cap: int
    approvals: int

    @property
    def unapproved(self) -> int:
        return self.count - self.cap - self.approvals


def inspections_beyond_cap(user: User, year: int | None = None) -> list[BeyondCap]:
    """Every agency ``user`` may see whose on-site inspections of an enterprise in ``year`` (the
    case inspections and the planned ones no case inspection records yet) exceed the cap without a
    head's written approval for each one beyond it: an alert for the agency and the offices over
    it. Four queries whatever the number."""
    on = clock.today()
    year = year or on.year
    cap = periods.annual_inspection_cap(min(on, date(year, 12, 31)))
    if cap is None:
        return []
    counts: dict[tuple[int, int], int] = {}
    recorded = (
        Inspection.objects.filter(kind=Inspection.Kind.INSPECTION, on__year=year)
        .filter(q_visible(user, "case__agency"))
        .values_list("case__agency_id", "case__party_id")
        .annotate(n=Count("pk"))
    )
    planned = (
        InspectionPlan.objects.filter(on__year=year, inspection__isnull=True)
        .filter(q_visible(user, "agency"))
        .values_list("agency_id", "party_id")
        .annotate(n=Count("pk"))
    )
    for agency_id, party_id, n in [*recorded, *planned]:
        counts[(agency_id, party_id)] = counts.get((agency_id, party_id), 0) + n
    over = {k: n for k, n in counts.items() if n > cap}
    if not over:
        return []
    approvals: dict[tuple[int, int], int] = {}
    for agency_id, party_id, n in (
        InspectionCapApproval.objects.filter(year=year, agency_id__in={a for a, _ in over})
        .values_list("agency_id", "party_id")
        .annotate(n=Count("pk"))
    ):
        approvals[(agency_id, party_id)] = n
    agencies = Agency.objects.in_bulk({a for a, _ in over})
    parties = Party.objects.in_bulk({p for _, p in over})
    rows = [
        BeyondCap(agencies[a], parties[p], year, n, cap, approvals.get((a, p), 0)) for (a, p), n in sorted(over.items())
    ]
    return [r for r in rows if r.unapproved > 0]
