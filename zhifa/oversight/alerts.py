"""Alerts as queries: detection rules over the live case records, each citing its clause.

Nothing is stored: every alert is a filter over :class:`~zhifa.cases.models.Case`
computed when it is read, so the cases behind an alert are always today's. A deadline
that the law counts from a date (in working days, calendar days or months, each through
:mod:`zhifa.core.parameters` and :mod:`zhifa.core.workdays`) becomes one date to compare
with: the latest start whose deadline has passed (:func:`last_start`), so each alert is
one SQL query whatever the calendar.

Reads only: no service is imported here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import (
    CharField,
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate
from django.utils import timezone

from zhifa.cases import periods
from zhifa.cases.models import (
    BackdatedAct,
    Case,
    CaseOfficer,
    DefencePoint,
    Enforcement,
    Hearing,
    Inspection,
    Instalment,
    Payment,
    PaymentPlan,
    Reminder,
    Report,
    Status,
    Transfer,
)
from zhifa.core import parameters as params
from zhifa.core import workdays
from zhifa.core.clauses import validate
from zhifa.discretion.models import Departure
from zhifa.people.models import Certificate
from zhifa.people.selectors import with_status

# --- the platform's own thresholds (the law sets none; each is a choice, said here) ------

#: A decision deadline this close (working days) is "near": the workbench's yellow.
NEAR_WORKING_DAYS = periods.WARNING_WORKING_DAYS
#: A clue whose limitation period (行政处罚法第三十六条) ends within this many days is flagged.
LIMITATION_WARNING_DAYS = 30
#: Legal review (行政处罚法第五十八条) has no statutory period; five working days is our flag.
LEGAL_REVIEW_WORKING_DAYS = 5
#: A case executed but not closed, or closed but not archived, after this many days is flagged.
CLOSING_DAYS = 30
ARCHIVING_DAYS = 30
#: A transfer (D3.4) whose receiver has not answered in writing after this many days is flagged.
TRANSFER_ANSWER_DAYS = 30
#: Inspections of one party within this window (D2.1) are compared.
INSPECTION_WINDOW_DAYS = 90
#: The same agency inspecting one party this many times within the window is "repeated".
REPEATED_INSPECTIONS = 3
#: Decisions at the top of the range, or after a defence with nothing adopted, by one
#: officer within this window and at least this many times, are "in series".
SERIES_WINDOW_DAYS = 365
SERIES_LENGTH = 3
#: Fines for one violation item across agencies or officers: flagged when the highest
#: average is at least this many times the lowest (with at least two groups).
SPREAD_RATIO = 3


def last_start(deadline: Callable[[date], date], before: date) -> date:
    """The latest start date whose ``deadline(start)`` falls before ``before``.

    Deadlines grow with their start (a later start never ends earlier), so a bisection
    finds it; a record started on or before it is late. A start before the period was in
    force at all (``NotInForce``) counts as passed.
    """

    def passed(start: date) -> bool:
        try:
            return deadline(start) < before
        except params.NotInForce:
            return True

    span = timedelta(days=64)
    while not passed(before - span):
        span *= 2
    lo, hi = before - span, before
    while hi - lo > timedelta(days=1):
        mid = lo + timedelta(days=(hi - lo).days // 2)
        if passed(mid):
            lo = mid
        else:
            hi = mid
    return lo


def _remedies_end(served_on: date) -> date:
    return max(
        params.period_end("reconsideration_application_period", start=served_on),
        params.period_end("litigation_period", start=served_on),
    )


def court_window_end(served_on: date) -> date:
    """The last day to apply to the court (行政强制法第五十三条) for a decision served on ``served_on``."""
    return params.period_end("court_application_period", start=_remedies_end(served_on))


# --- the queries ----------------------------------------------------------------------

PRE_DECISION = (Status.INVESTIGATING, Status.REPORTED, Status.NOTIFIED, Status.LEGAL_REVIEW, Status.DECISION_PENDING)
INVESTIGATION = (Status.INVESTIGATING, Status.REPORTED, Status.NOTIFIED)
OPEN_CASE = tuple(s for s in Status.values if s not in ("closed", "archived", "not_filed"))


def filing_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return qs.filter(
        status__in=(Status.CLUE, Status.FILING_PENDING), received_on__lte=last_start(periods.filing_due, on)
    )


def limitation_near(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    horizon = on + timedelta(days=LIMITATION_WARNING_DAYS)
    two = last_start(lambda s: params.period_end("limitation_period", start=s), horizon)
    five = last_start(lambda s: params.period_end("limitation_period_extended", start=s), horizon)
    start = Coalesce("act_ended_on", "act_date")
    extended = Q(violation_item__health_or_finance=True, harmful_consequence=True)
    return (
        qs.filter(status__in=(Status.CLUE, Status.FILING_PENDING))
        .annotate(limitation_from=start)
        .filter((~extended & Q(limitation_from__lte=two)) | (extended & Q(limitation_from__lte=five)))
    )


def decision_near(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return qs.filter(
        status__in=PRE_DECISION,
        decision_due_on__gte=on,
        decision_due_on__lte=workdays.add_working_days(on, NEAR_WORKING_DAYS),
    )


def decision_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return qs.filter(status__in=PRE_DECISION, decision_due_on__lt=on)


def legal_review_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    cut = last_start(lambda s: workdays.add_working_days(s, LEGAL_REVIEW_WORKING_DAYS), on)
    return qs.filter(status=Status.LEGAL_REVIEW, status_since__lte=cut)


def hearing_overdue(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    start_of_day = timezone.make_aware(datetime.combine(on, time.min))
    pending = Hearing.objects.filter(
        case=OuterRef("pk"), held_on__isnull=True, withdrawn_on__isnull=True, scheduled_at__lt=start_of_day
    )
    return qs.filter(status=Status.NOTIFIED).filter(Exists(pending))


def service_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return qs.filter(status=Status.DECIDED, decision__decided_on__lte=last_start(periods.service_due, on))


def _overdue_instalments(on: date) -> QuerySet[Instalment]:
    """Instalments of a case's current plan, due before ``on``, not covered by what it has paid."""
    later_plan = PaymentPlan.objects.filter(case=OuterRef("plan__case")).filter(
        Q(approved_on__gt=OuterRef("plan__approved_on"))
        | Q(approved_on=OuterRef("plan__approved_on"), pk__gt=OuterRef("plan_id"))
    )
    money = DecimalField(max_digits=16, decimal_places=2)
    upto = (
        Instalment.objects.filter(plan=OuterRef("plan"), number__lte=OuterRef("number"))
        .values("plan")
        .annotate(s=Sum("amount"))
        .values("s")
    )
    paid = Payment.objects.filter(case=OuterRef("plan__case")).values("case").annotate(s=Sum("amount")).values("s")
    return (
        Instalment.objects.filter(due_on__lt=on)
        .exclude(Exists(later_plan))
        .annotate(
            owed=Subquery(upto, output_field=money),
            paid=Coalesce(Subquery(paid, output_field=money), Value(0), output_field=money),
        )
        .filter(owed__gt=F("paid"))
    )


def payment_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return qs.filter(status=Status.EXECUTING).filter(Exists(_overdue_instalments(on).filter(plan__case=OuterRef("pk"))))


def reminder_missing(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return payment_late(qs, on).exclude(Exists(Reminder.objects.filter(case=OuterRef("pk"))))


def handover_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    late = Payment.objects.filter(
        case=OuterRef("pk"),
        method=Payment.Method.ON_SPOT,
        handed_over_on__isnull=True,
        paid_on__lte=last_start(periods.handover_due, on),
    )
    return qs.filter(Exists(late))


def court_application_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return (
        payment_late(qs, on)
        .filter(
            decision__served_on__lte=last_start(court_window_end, on),
        )
        .exclude(Exists(Enforcement.objects.filter(case=OuterRef("pk"))))
    )


def closing_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return qs.filter(status=Status.EXECUTED, status_since__lte=on - timedelta(days=CLOSING_DAYS))


def archive_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return qs.filter(status=Status.CLOSED, closed_on__lte=on - timedelta(days=ARCHIVING_DAYS))


def transfer_answer_late(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    waiting = Transfer.objects.filter(
        case=OuterRef("pk"), answered_on__isnull=True, sent_on__lte=on - timedelta(days=TRANSFER_ANSWER_DAYS)
    )
    return qs.filter(Exists(waiting))


def backdated_into_deadline(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """An act entered after its deadline had passed, dated back to a day within it: the
    earlier date is what keeps the deadline met (issue 7; the act needed a written reason,
    rule backdating_reasoned, and the office looks at it)."""
    kept = BackdatedAct.objects.annotate(
        entered_day=TruncDate("entered_at", tzinfo=timezone.get_current_timezone())
    ).filter(case=OuterRef("pk"), due__isnull=False, on__lte=F("due"), due__lt=F("entered_day"), entered_day__lte=on)
    return qs.filter(Exists(kept))


def single_officer(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """An investigation with fewer than two live investigators, or an inspection recorded by fewer than two."""
    live = (
        CaseOfficer.objects.filter(case=OuterRef("pk"), assigned_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .values("case")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # Two uncorrelated sets of case ids (each read once, then probed by hash), not a count
    # and an EXISTS evaluated for every case of the city (2 s at 366,000 cases).
    short_handed = (
        Case.objects.filter(status__in=INVESTIGATION)
        .annotate(live_officers=Coalesce(Subquery(live), 0))
        .filter(live_officers__lt=2)
        .values("pk")
    )
    lone = Inspection.objects.annotate(n=Count("officers")).filter(n__lt=2).values("case_id")
    return qs.filter(Q(pk__in=short_handed) | Q(pk__in=lone))


def certificate_invalid(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """An open case with a live investigator who holds no valid certificate today."""
    valid = with_status(Certificate.objects.filter(officer=OuterRef("officer")), on).filter(status="valid")
    lacking = (
        CaseOfficer.objects.filter(case=OuterRef("pk"), assigned_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .exclude(Exists(valid))
    )
    return qs.filter(status__in=OPEN_CASE).filter(Exists(lacking))


def _window_inspections(on: date) -> QuerySet[Inspection]:
    return Inspection.objects.filter(on__gt=on - timedelta(days=INSPECTION_WINDOW_DAYS), on__lte=on)


def multi_agency_inspection(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """Cases with an inspection of a party that several agencies inspected within the window (多头执法)."""
    parties = (
        _window_inspections(on)
        .filter(case__party__isnull=False)
        .values("case__party")
        .annotate(agencies=Count("case__agency", distinct=True))
        .filter(agencies__gte=2)
        .values("case__party")
    )
    mine = _window_inspections(on).filter(case=OuterRef("pk"))
    return qs.filter(party__in=parties).filter(Exists(mine))


def _party_agency(prefix: str = ""):
    return Concat(Cast(f"{prefix}party_id", CharField()), Value("-"), Cast(f"{prefix}agency_id", CharField()))


def repeated_inspection(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """Cases with an inspection of a party one agency inspected repeatedly within the window (重复执法)."""
    pairs = (
        _window_inspections(on)
        .filter(case__party__isnull=False)
        .values("case__party", "case__agency")
        .annotate(n=Count("pk"), pair=_party_agency("case__"))
        .filter(n__gte=REPEATED_INSPECTIONS)
        .values("pair")
    )
    mine = _window_inspections(on).filter(case=OuterRef("pk"))
    return qs.annotate(pair=_party_agency()).filter(pair__in=pairs).filter(Exists(mine))


DECIDED = Q(decision__isnull=False)


def departure_unexplained(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """A decided case whose report departed from the benchmark without written reasons, or
    whose departure was never registered with the discretion app (D3.6)."""
    # Sets of case ids read once (the departing reports through their partial index), not
    # three EXISTS evaluated for every decided case (3.8 s at 366,000 cases).
    departed = Report.objects.filter(discretion__departs=True)
    unreasoned = departed.filter(departure_reasons="").values("case_id")
    registered = Departure.objects.filter(case_id__isnull=False).values("case_id")
    return qs.filter(DECIDED).filter(
        Q(pk__in=unreasoned) | (Q(pk__in=departed.values("case_id")) & ~Q(pk__in=registered))
    )


def _top_fines(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    money = DecimalField(max_digits=16, decimal_places=2)
    top = (
        Report.objects.filter(case=OuterRef("pk"))
        .exclude(discretion__fine_max=None)
        .order_by("-submitted_on", "-pk")
        .annotate(top=Cast(KeyTextTransform("fine_max", "discretion"), money))
        .values("top")[:1]
    )
    return (
        qs.filter(
            DECIDED, decision__fine__isnull=False, decision__decided_on__gt=on - timedelta(days=SERIES_WINDOW_DAYS)
        )
        .annotate(range_top=Subquery(top, output_field=money))
        .filter(range_top__isnull=False, decision__fine__gte=F("range_top"))
    )


def top_of_range_series(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """Fines at the top of the benchmark range (顶格), by one officer, several within the window.

    One pass over the city's top fines, each counted with its officer's (a window), instead
    of the top fines found twice (once to count by officer, once to list): 3.2 s at 431,000
    cases before."""
    series = (
        _top_fines(Case.objects.filter(lead_officer__isnull=False), on)
        .annotate(series=Window(Count("pk"), partition_by=[F("lead_officer")]))
        .filter(series__gte=SERIES_LENGTH)
        .values("pk")
    )
    return qs.filter(pk__in=series)


def _unanswered_defences(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    points = DefencePoint.objects.filter(defence__case=OuterRef("pk"))
    adopted = points.filter(adopted=True)
    return qs.filter(DECIDED, decision__decided_on__gt=on - timedelta(days=SERIES_WINDOW_DAYS)).filter(
        Exists(points) & ~Exists(adopted)
    )


def defence_never_adopted(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """Decisions after a defence with no point adopted, by one officer, several within the window."""
    officers = (
        _unanswered_defences(Case.objects.all(), on)
        .values("lead_officer")
        .annotate(n=Count("pk"))
        .filter(n__gte=SERIES_LENGTH)
        .values("lead_officer")
    )
    return _unanswered_defences(qs, on).filter(lead_officer__in=officers)


def _fined(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    return qs.filter(
        DECIDED,
        decision__fine__gt=0,
        violation_item__isnull=False,
        decision__decided_on__gt=on - timedelta(days=SERIES_WINDOW_DAYS),
    )


def spread(qs: QuerySet[Case], on: date, by: str = "agency") -> list[dict]:
    """For each violation item fined by several agencies (or officers): the lowest and
    highest average fine, their ratio and the cases behind it (discretion consistency)."""
    key = "agency" if by == "agency" else "lead_officer"
    name = "agency__name" if by == "agency" else "lead_officer__name"
    groups = (
        _fined(qs, on)
        .values("violation_item", "violation_item__name", key, name)
        .annotate(n=Count("pk"), total=Sum("decision__fine"))
        .order_by("violation_item", key)
    )
    items: dict[int, dict] = {}
    for g in groups:
        entry = items.setdefault(
            g["violation_item"], {"item_id": g["violation_item"], "item": g["violation_item__name"], "groups": []}
        )
        entry["groups"].append(
            {"id": g[key], "name": g[name] or "（未指定）", "count": g["n"], "average": g["total"] / g["n"]}
        )
    result = []
    for entry in items.values():
        averages = [g["average"] for g in entry["groups"]]
        if len(averages) < 2:
            continue
        low, high = min(averages), max(averages)
        entry.update(
            low=low.quantize(periods.CENT),
            high=high.quantize(periods.CENT),
            ratio=(high / low).quantize(periods.CENT) if low else None,
            cases=sum(g["count"] for g in entry["groups"]),
        )
        entry["flagged"] = entry["ratio"] is None or entry["ratio"] >= SPREAD_RATIO
        result.append(entry)
    return sorted(result, key=lambda e: (-(e["ratio"] or 10**9), e["item"]))


def inconsistent_fines(qs: QuerySet[Case], on: date) -> QuerySet[Case]:
    """Decided cases of violation items whose average fines differ widely between agencies."""
    flagged = [e["item_id"] for e in spread(Case.objects.all(), on) if e["flagged"]]
    return _fined(qs, on).filter(violation_item__in=flagged)


# --- the registry ---------------------------------------------------------------------


@dataclass(frozen=True)
class AlertKind:
    code: str
    label: str
    group: str
    clauses: tuple[str, ...]
    law: str
    find: Callable[[QuerySet[Case], date], QuerySet[Case]]
    description: str

    def cases(self, qs: QuerySet[Case], on: date) -> QuerySet[Case]:
        return self.find(qs, on).order_by("-received_on", "-pk")

    @property
    def cited(self) -> str:
        return "、".join(self.clauses) + (f"；{self.law}" if self.law else "")


LATENESS, PEOPLE, INSPECTIONS, DISCRETION = "办案期限", "执法人员", "多头与重复检查", "裁量与申辩"

KINDS: tuple[AlertKind, ...] = (
    AlertKind(
        "filing_late",
        "逾期未决定立案",
        LATENESS,
        ("D1.4",),
        "行政处罚法第五十四条",
        filing_late,
        "自发现线索之日起十五个工作日内未决定是否立案。",
    ),
    AlertKind(
        "limitation_near",
        "追责期限即将届满",
        LATENESS,
        ("D1.4",),
        "行政处罚法第三十六条",
        limitation_near,
        f"违法行为的追责期限在{LIMITATION_WARNING_DAYS}日内届满（或已届满）而尚未立案。",
    ),
    AlertKind(
        "decision_near",
        "作出决定期限临近",
        LATENESS,
        ("D1.4",),
        "行政处罚法第六十条",
        decision_near,
        f"距作出处理决定的期限不足{NEAR_WORKING_DAYS}个工作日。",
    ),
    AlertKind(
        "decision_late",
        "逾期未作出决定",
        LATENESS,
        ("D1.4",),
        "行政处罚法第六十条",
        decision_late,
        "自立案之日起九十日（含经批准的延长）内未作出处理决定。",
    ),
    AlertKind(
        "legal_review_late",
        "法制审核久拖未结",
        LATENESS,
        ("D1.4", "D3.3"),
        "行政处罚法第五十八条",
        legal_review_late,
        f"提交法制审核超过{LEGAL_REVIEW_WORKING_DAYS}个工作日仍未审核。",
    ),
    AlertKind(
        "hearing_overdue",
        "听证逾期未举行",
        LATENESS,
        ("D5.3a",),
        "行政处罚法第六十四条",
        hearing_overdue,
        "听证举行时间已过，未记录举行或撤回。",
    ),
    AlertKind(
        "service_late",
        "决定书逾期未送达",
        LATENESS,
        ("D1.4",),
        "行政处罚法第六十一条",
        service_late,
        "作出决定后七个工作日内未送达决定书。",
    ),
    AlertKind(
        "payment_late",
        "当事人逾期未缴纳罚没款",
        LATENESS,
        ("D3.9b",),
        "行政处罚法第七十二条",
        payment_late,
        "缴纳期限已过，当事人未缴足应缴款项。",
    ),
    AlertKind(
        "reminder_missing",
        "逾期未履行未催告",
        LATENESS,
        ("D3.9b",),
        "行政强制法第三十五条",
        reminder_missing,
        "当事人逾期未履行，机关尚未催告。",
    ),
    AlertKind(
        "handover_late",
        "当场收缴罚款逾期未交",
        LATENESS,
        ("D2.3",),
        "行政处罚法第七十一条",
        handover_late,
        "当场收缴的罚款未在二个工作日内交至行政机关。",
    ),
    AlertKind(
        "court_application_late",
        "逾期未申请法院强制执行",
        LATENESS,
        ("D1.4", "D3.9b"),
        "行政强制法第五十三条",
        court_application_late,
        "复议、诉讼期限届满后三个月内未申请人民法院强制执行，当事人仍未履行。",
    ),
    AlertKind(
        "closing_late",
        "执行完毕久未结案",
        LATENESS,
        ("D6.2a",),
        "",
        closing_late,
        f"执行完毕超过{CLOSING_DAYS}日未结案。",
    ),
    AlertKind(
        "archive_late",
        "结案久未归档",
        LATENESS,
        ("D6.2a",),
        "",
        archive_late,
        f"结案超过{ARCHIVING_DAYS}日未立卷归档。",
    ),
    AlertKind(
        "transfer_answer_late",
        "移送后久未函告结果",
        LATENESS,
        ("D3.4",),
        "行政处罚法第二十二条",
        transfer_answer_late,
        f"移送超过{TRANSFER_ANSWER_DAYS}日，接收机关未书面函告处理结果。",
    ),
    AlertKind(
        "backdated_into_deadline",
        "补录日期决定是否超期",
        LATENESS,
        ("D1.4",),
        "行政处罚法第四十七条",
        backdated_into_deadline,
        "期限届满后才登记的事项，办理日期填在期限内：按登记日期已经超期，须核实补录理由。",
    ),
    AlertKind(
        "single_officer",
        "一人办案或一人检查",
        PEOPLE,
        ("D3.8",),
        "行政处罚法第四十二条",
        single_officer,
        "调查中的案件承办人员不足两人，或检查、询问笔录的执法人员不足两人。",
    ),
    AlertKind(
        "certificate_invalid",
        "承办人员证件失效或未审验",
        PEOPLE,
        ("D3.1b", "D3.1c"),
        "行政处罚法第四十二条",
        certificate_invalid,
        "在办案件的承办人员今天没有有效的行政执法证件（过期、未审验、暂扣或吊销）。",
    ),
    AlertKind(
        "multi_agency_inspection",
        "多头检查同一当事人",
        INSPECTIONS,
        ("D2.1",),
        "",
        multi_agency_inspection,
        f"{INSPECTION_WINDOW_DAYS}日内两个以上机关检查同一当事人。",
    ),
    AlertKind(
        "repeated_inspection",
        "重复检查同一当事人",
        INSPECTIONS,
        ("D2.1",),
        "",
        repeated_inspection,
        f"{INSPECTION_WINDOW_DAYS}日内同一机关检查同一当事人{REPEATED_INSPECTIONS}次以上。",
    ),
    AlertKind(
        "departure_unexplained",
        "偏离裁量基准未说明理由",
        DISCRETION,
        ("D3.6", "D3.10c"),
        "行政处罚法第三十四条",
        departure_unexplained,
        "处理意见偏离裁量基准建议档次，未书面说明理由或未登记偏离。",
    ),
    AlertKind(
        "top_of_range_series",
        "连续顶格处罚",
        DISCRETION,
        ("D5.1c",),
        "行政处罚法第五条",
        top_of_range_series,
        f"同一承办人{SERIES_WINDOW_DAYS}日内{SERIES_LENGTH}次以上按裁量档次上限罚款。",
    ),
    AlertKind(
        "defence_never_adopted",
        "陈述申辩连续一概不采纳",
        DISCRETION,
        ("D5.2a", "D3.10c"),
        "行政处罚法第四十五条",
        defence_never_adopted,
        f"同一承办人{SERIES_WINDOW_DAYS}日内{SERIES_LENGTH}件以上决定对当事人的陈述申辩一项未采纳。",
    ),
    AlertKind(
        "inconsistent_fines",
        "同一违法行为罚款畸轻畸重",
        DISCRETION,
        ("D1.2", "D3.6"),
        "行政处罚法第五条",
        inconsistent_fines,
        f"同一违法行为各机关的平均罚款相差{SPREAD_RATIO}倍以上。",
    ),
)

for _k in KINDS:
    validate(_k.clauses)
BY_CODE = {k.code: k for k in KINDS}
GROUPS = (LATENESS, PEOPLE, INSPECTIONS, DISCRETION)
