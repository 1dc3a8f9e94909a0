"""Reads of cases, scoped to who asks: agency staff see their agency's cases, the legal
affairs office its government's agencies; outside the scope a case is "not found".

The workbenches (officer, head, legal reviewer, legal affairs office) show each case's
next act and its deadline, yellow when nearly due and red when overdue (D1.4), with
warnings about what is missing. No figure here sums fines, by officer or otherwise (D2.3).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from zhifa.accounts.access import can_see_agency, has_role, scope
from zhifa.accounts.models import Role, User
from zhifa.cases import checklist, evidence_store, facts, obligations, periods
from zhifa.cases.models import (
    OPEN_STATUSES,
    BackdatedAct,
    Case,
    CaseOfficer,
    Decision,
    Evidence,
    Hearing,
    Participation,
    Recusal,
    Status,
)
from zhifa.core import clock
from zhifa.core.errors import DomainError, not_found
from zhifa.core.models import AuditEvent
from zhifa.law.models import ViolationItem
from zhifa.parties.models import Party

EXECUTION_STATUSES = (Status.DECIDED, Status.EXECUTING, Status.COMPULSORY, Status.EXECUTED)


def case_list(user: User) -> QuerySet[Case]:
    qs = Case.objects.select_related("agency", "party", "violation_item", "decision", "lead_officer")
    return scope(qs, user, "agency").order_by("-updated_at", "-pk")


def for_rows(qs: QuerySet[Case]) -> QuerySet[Case]:
    """What a list row reads of each case (its deadline: the payments and the plan in force),
    fetched in a fixed number of queries whatever the length of the page."""
    return qs.prefetch_related(*obligations.row_relations())


def case_get(user: User, pk: int | str) -> Case:
    try:
        case = Case.objects.select_related(
            "agency", "party", "violation_item", "place", "power", "delegation", "lead_officer", "in_name_of"
        ).get(pk=int(pk))
    except (Case.DoesNotExist, ValueError, TypeError):
        raise not_found("案件") from None
    if not can_see_agency(user, case.agency_id):
        raise not_found("案件")
    return case


def evidence_get(user: User, pk: int | str) -> Evidence:
    try:
        evidence = Evidence.objects.select_related("case").get(pk=int(pk))
    except (Evidence.DoesNotExist, ValueError, TypeError):
        raise not_found("证据") from None
    if not can_see_agency(user, evidence.case.agency_id):
        raise not_found("证据")
    return evidence


def backdated_acts(user: User) -> QuerySet[BackdatedAct]:
    """Acts entered after the day they are dated, in ``user``'s scope, latest entered first:
    for the legal affairs office, which is told of each (D1.4); those whose earlier date is
    what meets a deadline carry the written reason (``decides_deadline``)."""
    qs = BackdatedAct.objects.select_related("case", "case__agency", "case__decision", "entered_by")
    return scope(qs, user, "case__agency").order_by("-entered_at", "-pk")


def verified_evidence(user: User, pk: int | str) -> Evidence:
    """The evidence ``pk`` whose file may be served: the digest its row names is the one the
    audit log recorded when it was registered, and the stored file still has that digest.
    A row pointed at another file, or a file changed in the store, is refused (409), not served."""
    evidence = evidence_get(user, pk)
    recorded = facts.registered_sha256(evidence)
    if recorded != evidence.sha256:
        raise DomainError.of(
            "conflict",
            "证据记录的 SHA-256 与登记时审计日志记载的不一致，记录可能已被篡改，不予提供，请报告。",
            status=409,
        )
    if evidence_store.digest_of(evidence.sha256) != recorded:
        raise DomainError.of("conflict", "证据内容与登记的 SHA-256 不一致，可能已被篡改，请报告。", status=409)
    return evidence


def search(qs: QuerySet[Case], text: str) -> QuerySet[Case]:
    """By party (name or identifier), case or document number, or violation item."""
    text = (text or "").strip()
    if not text:
        return qs
    if len(text) < 3:
        # Too short for a trigram index (pg_trgm needs three characters): the sets below would
        # be read by scanning every party and decision of the city (2.8 s for 超市 at a million
        # cases), so test the columns of the cases in scope instead, joined to their records.
        return qs.filter(
            Q(party__name__icontains=text)
            | Q(party__uscc=text)
            | Q(party__id_number=text)
            | Q(filing_number__icontains=text)
            | Q(decision__number__icontains=text)
            | Q(violation_item__name__icontains=text)
            | Q(violation_item__code__iexact=text)
            | Q(summary__icontains=text)
        )
    # The related records' matches are sets read once, each from its own index (trigram
    # indexes on PostgreSQL), not columns of rows joined for every case in scope: at a
    # million cases, joining an agency's 6,688 cases to their parties, decisions and items
    # to test each cost most of a 150 ms search.
    parties = Party.objects.filter(Q(name__icontains=text) | Q(uscc=text) | Q(id_number=text)).values("pk")
    items = ViolationItem.objects.filter(Q(name__icontains=text) | Q(code__iexact=text)).values("pk")
    decisions = Decision.objects.filter(number__icontains=text).values("case_id")
    return qs.filter(
        Q(party__in=parties)
        | Q(filing_number__icontains=text)
        | Q(pk__in=decisions)
        | Q(violation_item__in=items)
        | Q(summary__icontains=text)
    )


# --- deadlines and next acts ------------------------------------------------------------


def deadline_of(case: Case, on: date) -> periods.Deadline | None:
    """The deadline that matters now for ``case`` (D1.4); an unknown one (``due`` None, with
    the reason) when a stored date cannot be counted from, so that no record makes a read fail."""
    try:
        return _deadline_of(case, on)
    except periods.DeadlineUnknown as e:
        return periods.Deadline("期限", None, on, e.reason)


def _deadline_of(case: Case, on: date) -> periods.Deadline | None:
    s = case.status
    if s in (Status.CLUE, Status.FILING_PENDING):
        return periods.Deadline.of("决定是否立案", periods.filing_due, case.received_on, on)
    if s in (Status.INVESTIGATING, Status.REPORTED, Status.NOTIFIED, Status.LEGAL_REVIEW, Status.DECISION_PENDING):
        return periods.Deadline("作出处理决定", case.decision_due_on, on) if case.decision_due_on else None
    decision = getattr(case, "decision", None)
    if s == Status.DECIDED and decision:
        return periods.Deadline.of("送达决定书", periods.service_due, decision.decided_on, on)
    if s == Status.EXECUTING:
        handover = [p for p in case.payments.all() if p.method == "on_spot" and not p.handed_over_on]
        if handover:
            return periods.Deadline.of("当场收缴罚款交至机关", periods.handover_due, handover[0].paid_on, on)
        nxt = obligations.obligation(case, on).next_due
        if nxt:
            return periods.Deadline("缴纳罚没款", nxt, on)
    return None


NEXT = {
    Status.CLUE: "提请立案或决定不予立案",
    Status.FILING_PENDING: "机关负责人审批立案",
    Status.INVESTIGATING: "调查取证，提交调查终结报告",
    Status.REPORTED: "制作并送达事先告知书（不予处罚的提交决定）",
    Status.NOTIFIED: "听取陈述申辩、复核，期满后提交决定",
    Status.LEGAL_REVIEW: "法制审核",
    Status.DECISION_PENDING: "机关负责人作出决定",
    Status.DECIDED: "送达决定书",
    Status.EXECUTING: "督促履行、记录缴款",
    Status.COMPULSORY: "跟进强制执行结果",
    Status.EXECUTED: "回访，结案",
    Status.TRANSFERRED_OUT: "等待接收机关函告处理结果，结案",
    Status.TRANSFERRED_JUDICIARY: "结案",
    Status.TERMINATED: "结案",
    Status.CLOSED: "立卷归档",
}


def next_of(case: Case) -> str:
    if case.status == Status.TRANSFERRED_OUT and getattr(getattr(case, "transfer_out", None), "answered_on", None):
        return "接收机关已函告处理结果，结案"
    if case.status == Status.LEGAL_REVIEW:
        return "法制审核人员审核"
    return NEXT.get(case.status, "")


def warnings_of(case: Case, on: date) -> list[str]:
    """What is missing or waiting on the case, for the workbench and the case page."""
    found = []
    s = case.status
    if s in (Status.INVESTIGATING, Status.REPORTED, Status.NOTIFIED):
        live = [co for co in case.officers.all() if co.live_on(on)]
        if len(live) < 2:
            found.append("承办人员不足两人，请指派（D3.8）")
        if not any(co.lead for co in live):
            found.append("没有主办人，请指定（D1.5）")
    if s in (Status.REPORTED, Status.NOTIFIED, Status.LEGAL_REVIEW, Status.DECISION_PENDING):
        report = facts.latest_report(case)
        if report is not None and report.discretion.get("departs"):
            d = report.discretion
            found.append(
                f"处理意见偏离裁量基准的建议（{d.get('outcome')}，{d.get('tier')}），已书面说明理由，须经法制审核（D3.6）"
            )
    if any(r.pending for r in case.recusals.all()):
        found.append("有回避申请待机关负责人决定（D3.7）")
    for p in case.preservations.all():
        if p.decided_on is None:
            late = "已逾期，" if on > p.decide_by else ""
            found.append(
                f"先行登记保存的证据{late}应于{p.decide_by:%Y-%m-%d}前作出处理决定（D1.4，行政处罚法第五十六条）"
            )
    if s == Status.NOTIFIED:
        notice = facts.current_notice(case)
        if notice and notice.served_on:
            try:
                due = periods.defence_due(notice.served_on)
                if notice.states_hearing_right:
                    due = max(due, periods.hearing_request_due(notice.served_on))
            except periods.DeadlineUnknown as e:
                due = None
                found.append(f"陈述申辩期限未知：{e.reason}（D3.9a）")
            if due is not None and on <= due:
                found.append(
                    f"陈述申辩{'、要求听证' if notice.states_hearing_right else ''}期限至{due:%Y-%m-%d}（D3.9a）"
                )
        if any(p.adopted is None for d in case.defences.all() for p in d.points.all()):
            found.append("陈述申辩有事项待复核（D5.2a）")
        for h in case.hearings.all():
            if not h.concluded and h.chair_id is None:
                found.append("当事人要求听证，待指定主持人并通知（D5.3a）")
            elif not h.concluded:
                found.append(f"听证定于{timezone.localtime(h.scheduled_at):%Y-%m-%d %H:%M}举行（D5.3a）")
    if s == Status.EXECUTING:
        try:
            owed = obligations.obligation(case, on)
        except periods.DeadlineUnknown as e:
            owed = None
            found.append(f"应缴款项无法计算：{e.reason}")
        if owed is not None and owed.first_overdue and not case.reminders.exists():
            found.append("当事人逾期未履行，请催告（D3.9b）")
    if s in (Status.EXECUTED, Status.TRANSFERRED_OUT, Status.TRANSFERRED_JUDICIARY, Status.TERMINATED):
        missing = checklist.missing(case)
        if missing:
            found.append(f"结案前须补齐：{'、'.join(missing)}（D6.2a）")
    return found


@dataclass
class Row:
    case: Case
    next: str
    deadline: periods.Deadline | None
    warnings: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        return self.deadline.level if self.deadline else "none"

    @property
    def sort_key(self):
        # An unknown deadline sorts first: someone must look at the record it comes from.
        order = {"unknown": -1, "red": 0, "yellow": 1, "green": 2, "none": 3}[self.level]
        return (order, (self.deadline.due if self.deadline else None) or date.max, -self.case.pk)


def rows(cases: Iterable[Case], on: date) -> list[Row]:
    result = [Row(c, next_of(c), deadline_of(c, on), warnings_of(c, on)) for c in cases]
    return sorted(result, key=lambda r: r.sort_key)


#: The records of a case :func:`rows` reads besides its payments (the case file checklist's
#: too: a case about to close warns of what is missing).
ROW_RECORDS = (
    "inspections",
    "evidence",
    "legal_reviews",
    "discussions",
    "extensions",
    "enforcements",
    "followups",
    "officers",
    "recusals",
    "preservations",
    "notices",
    "reports",
    "defences__points",
    "hearings",
    "reminders",
)


def _prefetched(qs: QuerySet[Case]) -> QuerySet[Case]:
    """What :func:`rows` reads of each case, fetched in a fixed number of queries."""
    return qs.select_related("party", "violation_item", "agency", "decision", "transfer_out").prefetch_related(
        *ROW_RECORDS, *obligations.row_relations()
    )


def my_cases(user: User) -> QuerySet[Case]:
    """An officer's cases: those they investigate, and those of their agency awaiting execution
    that they did not investigate or decide (D3.3)."""
    qs = case_list(user).filter(status__in=OPEN_STATUSES + (Status.CLOSED,))
    officer = getattr(user, "officer", None) if hasattr(user, "officer") else None
    if user.role == Role.OFFICER:
        on_it = CaseOfficer.objects.filter(case=OuterRef("pk"), officer=officer, ended_on__isnull=True)
        investigating = Q(Exists(on_it)) if officer else Q(pk__in=[])
        mine = Q(created_by=user) & Q(status__in=(Status.CLUE, Status.FILING_PENDING))
        elsewhere = Participation.objects.filter(
            case=OuterRef("pk"), user=user, stage__in=("filing", "investigation", "decision")
        )
        execution = Q(status__in=EXECUTION_STATUSES) & ~Exists(elsewhere)
        qs = qs.filter(investigating | mine | execution)
    return qs


#: The rows of each queue a workbench shows: the most urgent ones. Its counts are of all the
#: queue's cases, and each queue links to the full list.
BOARD_ROWS = 50


def _triage(qs: QuerySet[Case], on: date) -> list[Row]:
    """Every case of a queue with its deadline only, read over few relations: the deadline
    of a case in execution needs its payments and plan (and, for an overdue instalment, the
    pauses of the late fee), those of the other stages the case and its decision alone. The
    warnings and the case file checklist are left to the rows shown (:func:`_board`)."""
    cases = list(qs.select_related("party", "violation_item", "agency", "decision", "transfer_out"))
    executing = [c for c in cases if c.status == Status.EXECUTING]
    if executing:
        prefetch_related_objects(executing, *obligations.row_relations())
    return [Row(c, "", deadline_of(c, on)) for c in cases]


def _board(qs: QuerySet[Case], on: date, limit: int, keep=None) -> tuple[list[Row], list[Row]]:
    """The ``limit`` most urgent rows of the queue ``qs``, in full (next act, warnings), and
    every case of the queue with its deadline (for the counts): the cost of the full rows
    grows with what the board shows, not with the agency."""
    triaged = sorted(_triage(qs, on), key=lambda r: r.sort_key)
    if keep is not None:
        triaged = [r for r in triaged if keep(r)]
    shown = [r.case for r in triaged[:limit]]
    # the cases read for the triage, with the rest of their records (those in execution
    # already have their payments: Django reads the relations of the others only)
    prefetch_related_objects(shown, *ROW_RECORDS, *obligations.row_relations())
    return rows(shown, on), triaged


def workbench(user: User, *, today: date | None = None, limit: int | None = None) -> dict:
    """The workbench: the ``limit`` most urgent cases of each queue in full, the counts (red,
    yellow, open) of all the cases of the queues, and each queue's total (``totals``)."""
    on = today or clock.today()
    limit = limit or BOARD_ROWS
    board = {"today": on, "rows": [], "counts": {}, "approvals": [], "reviews": [], "totals": {}}
    triaged: dict[str, list[Row]] = {}
    if has_role(user, Role.OFFICER, Role.HEAD):
        board["rows"], triaged["rows"] = _board(my_cases(user), on, limit)
    if has_role(user, Role.HEAD):
        board["approvals"], triaged["approvals"] = _board(approvals(user), on, limit)
    if has_role(user, Role.REVIEWER):
        board["reviews"], triaged["reviews"] = _board(review_queue(user), on, limit)
    if user.role in (Role.LEGAL_OFFICE, Role.SUPERVISOR):
        board["rows"], triaged["rows"] = _board(
            case_list(user).filter(status__in=OPEN_STATUSES),
            on,
            limit,
            keep=lambda r: r.level in ("red", "yellow"),
        )
    everything = [r for queue in triaged.values() for r in queue]
    board["counts"] = {
        "red": len({r.case.pk for r in everything if r.level == "red"}),
        "yellow": len({r.case.pk for r in everything if r.level == "yellow"}),
        "open": len({r.case.pk for r in everything}),
    }
    board["totals"] = {name: len(triaged.get(name, [])) for name in ("rows", "approvals", "reviews")}
    return board


def approvals(user: User) -> QuerySet[Case]:
    """What waits for the agency head: filing, decisions, recusals, extensions, closing."""
    # EXISTS, not joins with OR and DISTINCT: one row per case, nothing to de-duplicate
    pending_recusal = Q(Exists(Recusal.objects.filter(case=OuterRef("pk"), granted__isnull=True)))
    unchaired = Hearing.objects.filter(
        case=OuterRef("pk"), chair__isnull=True, held_on__isnull=True, withdrawn_on__isnull=True
    )
    return case_list(user).filter(
        Q(
            status__in=(
                Status.FILING_PENDING,
                Status.DECISION_PENDING,
                Status.TRANSFERRED_OUT,
                Status.TRANSFERRED_JUDICIARY,
                Status.TERMINATED,
                Status.EXECUTED,
            )
        )
        | (Q(status__in=(Status.INVESTIGATING, Status.REPORTED, Status.NOTIFIED)) & pending_recusal)
        | (Q(status=Status.NOTIFIED) & Q(Exists(unchaired)))
    )


def review_queue(user: User) -> QuerySet[Case]:
    return case_list(user).filter(status=Status.LEGAL_REVIEW)


def approval_rows(user: User, on: date) -> list[Row]:
    """The head's queue (:func:`approvals`) as workbench rows, most urgent first."""
    return rows(_prefetched(approvals(user)), on)


def review_rows(user: User, on: date) -> list[Row]:
    """The legal reviewer's queue as workbench rows, most urgent first."""
    return rows(_prefetched(review_queue(user)), on)


def timeline(case: Case) -> list[AuditEvent]:
    """Every act on the case, in order, from the audit log (who, what, when, which clauses)."""
    return list(AuditEvent.objects.filter(object_type="cases.case", object_id=str(case.pk)).order_by("seq"))
