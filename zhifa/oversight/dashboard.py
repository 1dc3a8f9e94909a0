"""The legal affairs office's dashboard (reads only): every figure is a count of rows a
drill-down lists (:func:`drill`), so a chart's number always equals the rows behind it.

Figures: cases by stage and by agency, alerts by kind, departures by agency, review
scores, reconsideration and litigation outcomes, heads' court-appearance shortfalls;
complaints by status, kind and handler with their answer times and the overdue, media
exposures followed (their drill-downs list complaints or exposures, read through the
complaints app's selectors).
No figure sums fines as a measure (D2.3, 行政处罚法第七十四条).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from zhifa.accounts.access import scope
from zhifa.accounts.models import Actor
from zhifa.cases.models import Case, Status
from zhifa.complaints import selectors as complaint_selectors
from zhifa.complaints.models import Complaint, MediaExposure
from zhifa.complaints.models import Kind as ComplaintKind
from zhifa.complaints.models import Status as ComplaintStatus
from zhifa.core.errors import not_found
from zhifa.discretion.models import Departure
from zhifa.oversight import alerts
from zhifa.oversight.models import CaseReview, Lawsuit, Reconsideration, Remedy

#: Review totals (out of 100) in bands: the platform's grouping.
SCORE_BANDS = (
    ("lt60", "不合格（60分以下）", 0, 59),
    ("60", "60–79分", 60, 79),
    ("80", "80–89分", 80, 89),
    ("90", "90分以上", 90, 100),
)
TOTAL = F("body") + F("procedure") + F("facts") + F("evidence") + F("law")
REMEDY_LABELS = {"pending": "审理中", **dict(Remedy.choices)}


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Chart:
    metric: str
    title: str
    bars: list[Bar]
    unit: str = "案件数"


def _cases(user: Actor) -> QuerySet[Case]:
    return scope(Case.objects.all(), user, "agency")


def _remedy_key(model) -> dict:
    return {"pending": Q(outcome="")} | {v: Q(outcome=v) for v in Remedy.values}


def drill(user: Actor, metric: str, key: str, on: date) -> QuerySet[Case]:
    """The cases behind one bar of one chart."""
    cases = _cases(user)
    if metric == "stage":
        if key not in Status.values:
            raise not_found("统计项")
        return cases.filter(status=key)
    if metric == "agency":
        return cases.filter(agency_id=int(key)) if key.isdigit() else cases.none()
    if metric == "alert":
        kind = alerts.BY_CODE.get(key)
        if kind is None:
            raise not_found("统计项")
        return kind.find(cases, on)
    if metric == "departures":
        ids = Departure.objects.filter(agency_id=int(key) if key.isdigit() else -1).values("case_id")
        return cases.filter(pk__in=ids)
    if metric == "review":
        band = next((b for b in SCORE_BANDS if b[0] == key), None)
        if band is None:
            raise not_found("统计项")
        reviews = (
            CaseReview.objects.filter(completed_on__isnull=False)
            .annotate(t=TOTAL)
            .filter(case=OuterRef("pk"), t__gte=band[2], t__lte=band[3])
        )
        return cases.filter(Exists(reviews))
    if metric in ("reconsideration", "lawsuit"):
        model = Reconsideration if metric == "reconsideration" else Lawsuit
        cond = _remedy_key(model).get(key)
        if cond is None:
            raise not_found("统计项")
        return cases.filter(Exists(model.objects.filter(cond, case=OuterRef("pk"))))
    raise not_found("统计项")


#: Complaints are counted over the year up to the day the dashboard is read (by the day
#: received): the platform's window, long enough for a year's answers, short enough to be current.
COMPLAINT_WINDOW_DAYS = 365

#: The dashboard's complaint and media figures, whose drill-downs list complaints or media
#: exposures rather than cases.
COMPLAINT_METRICS = (
    "complaint_status",
    "complaint_kind",
    "complaint_agency",
    "complaint_answered",
    "complaint_overdue",
)
MEDIA_METRICS = ("media_status", "media_agency")


def complaint_period(on: date) -> tuple[date, date]:
    return on - timedelta(days=COMPLAINT_WINDOW_DAYS - 1), on


def _handler(key: str) -> Q:
    if key == "office":
        return Q(agency__isnull=True)
    if key.isdigit():
        return Q(agency_id=int(key))
    raise not_found("统计项")


def complaint_drill(user: Actor, metric: str, key: str, on: date) -> QuerySet[Complaint]:
    """The complaints behind one figure (received within :func:`complaint_period`), read
    through the complaints app's scoped selector."""
    start, end = complaint_period(on)
    rows = complaint_selectors.complaint_list(user).filter(received_on__gte=start, received_on__lte=end)
    answered = Q(status=ComplaintStatus.ANSWERED)
    if metric == "complaint_status":
        if key not in ComplaintStatus.values:
            raise not_found("统计项")
        return rows.filter(status=key)
    if metric == "complaint_kind":
        if key not in ComplaintKind.values:
            raise not_found("统计项")
        return rows.filter(kind=key)
    if metric == "complaint_agency":
        return rows.filter(_handler(key))
    if metric == "complaint_answered":
        return rows.filter(_handler(key), answered)
    if metric == "complaint_overdue":
        late = (answered & Q(answered_on__gt=F("due_on"))) | (~answered & Q(due_on__lt=on))
        return rows.filter(_handler(key), late)
    raise not_found("统计项")


def media_drill(user: Actor, metric: str, key: str) -> QuerySet[MediaExposure]:
    """The media exposures behind one figure (D6.7b)."""
    rows = complaint_selectors.media_list(user)
    if metric == "media_status":
        if key not in MediaExposure.Status.values:
            raise not_found("统计项")
        return rows.filter(status=key)
    if metric == "media_agency":
        return rows.filter(agency_id=int(key)) if key.isdigit() else rows.none()
    raise not_found("统计项")


def complaint_counts(user: Actor, on: date):
    """The complaints' counts and answer times by handler (the complaints app's one query)."""
    return complaint_selectors.complaint_counts(user, complaint_period(on))


def complaint_charts(user: Actor, on: date) -> list[Chart]:
    counts = complaint_counts(user, on)
    start, end = complaint_period(on)
    rows = complaint_selectors.complaint_list(user).filter(received_on__gte=start, received_on__lte=end)
    by_status = dict(rows.values_list("status").annotate(n=Count("pk")).order_by())
    status = [Bar(v, label, by_status.get(v, 0)) for v, label in ComplaintStatus.choices]
    kind = [Bar(v, label, counts.by_kind.get(v, 0)) for v, label in ComplaintKind.choices]

    def key(h):
        return "office" if h.agency_id is None else str(h.agency_id)

    agency = [Bar(key(h), h.name, h.total) for h in counts.by_handler]
    overdue = [Bar(key(h), h.name, h.overdue) for h in counts.by_handler if h.overdue]
    media = complaint_selectors.media_list(user)
    media_by_status = dict(media.values_list("status").annotate(n=Count("pk")).order_by())
    media_status = [Bar(v, label, media_by_status.get(v, 0)) for v, label in MediaExposure.Status.choices]
    media_agency = [
        Bar(str(r["agency_id"]), r["agency__name"], r["n"])
        for r in media.values("agency_id", "agency__name").annotate(n=Count("pk")).order_by("-n", "agency__name")
    ]
    window = f"近{COMPLAINT_WINDOW_DAYS}日收到"
    return [
        Chart("complaint_status", f"举报投诉：按状态（{window}）", status, "件数"),
        Chart("complaint_kind", f"举报投诉：按类别（{window}）", kind, "件数"),
        Chart("complaint_agency", f"举报投诉：按办理机关（{window}）", agency, "件数"),
        Chart("complaint_overdue", f"举报投诉：逾期答复或逾期未答复（{window}）", overdue, "件数"),
        Chart("media_status", "媒体曝光：按追查状态", media_status, "件数"),
        Chart("media_agency", "媒体曝光：按被曝光机关", media_agency, "件数"),
    ]


def charts(user: Actor, on: date) -> list[Chart]:
    cases = _cases(user)
    by_status = dict(cases.values_list("status").annotate(n=Count("pk")))
    stage = [Bar(s, label, by_status.get(s, 0)) for s, label in Status.choices if by_status.get(s)]
    agency = [
        Bar(str(r["agency_id"]), r["agency__name"], r["n"])
        for r in cases.values("agency_id", "agency__name").annotate(n=Count("pk")).order_by("-n", "agency__name")
    ]
    alert = [Bar(k.code, k.label, k.find(cases, on).count()) for k in alerts.KINDS]
    departures = [
        Bar(str(r["agency_id"]), r["agency__name"], r["n"])
        for r in cases.filter(pk__in=Departure.objects.values("case_id"))
        .values("agency_id", "agency__name")
        .annotate(n=Count("pk"))
        .order_by("-n")
    ]
    review = [Bar(k, label, drill(user, "review", k, on).count()) for k, label, _lo, _hi in SCORE_BANDS]
    remedy = {
        m: [Bar(k, REMEDY_LABELS[k], drill(user, m, k, on).count()) for k in REMEDY_LABELS]
        for m in ("reconsideration", "lawsuit")
    }
    return [
        Chart("stage", "案件：按办理阶段", stage),
        Chart("agency", "案件：按机关", agency),
        Chart("alert", "预警：按类别（案件数）", alert),
        Chart("departures", "偏离裁量基准：按机关（案件数）", departures),
        Chart("review", "案卷评查得分（案件数）", review),
        Chart("reconsideration", "行政复议：按结果（案件数）", remedy["reconsideration"]),
        Chart("lawsuit", "行政诉讼：按结果（案件数）", remedy["lawsuit"]),
        *complaint_charts(user, on),
    ]


def as_data(chart_list: list[Chart]) -> list[dict]:
    """What the page's script draws (through ``json_script``) and the API answers."""
    return [
        {
            "metric": c.metric,
            "title": c.title,
            "unit": c.unit,
            "bars": [{"key": b.key, "label": b.label, "count": b.count} for b in c.bars],
        }
        for c in chart_list
    ]
