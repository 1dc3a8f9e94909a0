"""Scoped reads of supervision: the alerts over the cases a user may see, the
supervision notices (督办) and the parties' ratings.

The legal affairs office and the supervisory organ see their government's agencies
and those below; agency staff their own agency; outside the scope a record is "not
found". No figure here sums fines as a measure of an agency or officer (D2.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, F, Q, QuerySet

from zhifa.accounts.access import government_ids, require_login, scope, visible_agency_ids
from zhifa.accounts.models import GOVERNMENT_ROLES, Actor, Role
from zhifa.cases.models import Case
from zhifa.cases.selectors import case_list
from zhifa.core import clock
from zhifa.core.errors import not_found
from zhifa.core.references import get_or_not_found
from zhifa.org.models import Agency, Government
from zhifa.oversight import alerts, remedies
from zhifa.oversight.models import (
    AccountabilityMatter,
    CaseReview,
    CleanupReport,
    Evaluation,
    ImplementationMeasure,
    InspectionFinding,
    Lawsuit,
    PartyRating,
    Reconsideration,
    ReviewRound,
    SpecialInspection,
    SupervisionNotice,
)

#: A file's total score (the five dimensions), for averages.
TOTAL = F("reviews__body") + F("reviews__procedure") + F("reviews__facts") + F("reviews__evidence") + F("reviews__law")


@dataclass(frozen=True)
class AlertCount:
    kind: alerts.AlertKind
    count: int


def alert_kind(code: str) -> alerts.AlertKind:
    kind = alerts.BY_CODE.get(code)
    if kind is None:
        raise not_found("预警类别")
    return kind


def alert_counts(user: Actor, on: date | None = None) -> list[AlertCount]:
    """Every kind of alert with the number of cases behind it, within ``user``'s scope (one query per kind)."""
    require_login(user)
    on = on or clock.today()
    base = scope(Case.objects.all(), user, "agency")
    return [AlertCount(k, k.find(base, on).count()) for k in alerts.KINDS]


def alert_cases(user: Actor, code: str, on: date | None = None) -> QuerySet[Case]:
    """The cases behind one kind of alert, within ``user``'s scope."""
    require_login(user)
    return alert_kind(code).cases(case_list(user), on or clock.today())


def fine_spread(user: Actor, on: date | None = None, by: str = "agency") -> list[dict]:
    """Discretion consistency: per violation item, the average fine of each agency (or officer)."""
    require_login(user)
    return alerts.spread(scope(Case.objects.all(), user, "agency"), on or clock.today(), by=by)


# --- 督办 -------------------------------------------------------------------------------


def notice_list(user: Actor) -> QuerySet[SupervisionNotice]:
    require_login(user)
    qs = SupervisionNotice.objects.select_related("agency", "case", "issued_by", "answered_by")
    return scope(qs, user, "agency").order_by("-issued_on", "-pk")


def notice_get(user: Actor, pk: int) -> SupervisionNotice:
    return get_or_not_found(notice_list(user), "督办", pk=pk)


def overdue_notices(user: Actor, on: date | None = None) -> QuerySet[SupervisionNotice]:
    """Notices past their deadline without an answer (escalated or waiting to be)."""
    return notice_list(user).filter(answered_on__isnull=True, due_on__lt=on or clock.today())


# --- ratings ----------------------------------------------------------------------------


def rating_list(user: Actor) -> QuerySet[PartyRating]:
    require_login(user)
    return scope(PartyRating.objects.select_related("agency", "party", "case__decision", "inspection"), user, "agency")


def rating_summary(user: Actor, since: date | None = None, until: date | None = None) -> list[dict]:
    """The parties' ratings per agency: how many and their average (D6.4b)."""
    qs = rating_list(user)
    if since:
        qs = qs.filter(submitted_on__gte=since)
    if until:
        qs = qs.filter(submitted_on__lte=until)
    return list(
        qs.values("agency_id", "agency__name")
        .annotate(count=Count("pk"), average=Avg("score"))
        .order_by("agency__name")
    )


# --- case-file review -------------------------------------------------------------------


def round_list(user: Actor) -> QuerySet[ReviewRound]:
    require_login(user)
    qs = ReviewRound.objects.select_related("agency", "opened_by").annotate(
        done=Count("reviews", filter=Q(reviews__completed_on__isnull=False)), average=Avg(TOTAL)
    )
    return scope(qs, user, "agency").order_by("-year", "-opened_on", "-pk")


def round_get(user: Actor, pk: int) -> ReviewRound:
    return get_or_not_found(round_list(user), "案卷评查", pk=pk)


def round_reviews(rnd: ReviewRound) -> QuerySet[CaseReview]:
    return rnd.reviews.select_related("case__decision", "case__party", "reviewer").order_by("position")


def review_get(user: Actor, pk: int) -> CaseReview:
    require_login(user)
    qs = scope(CaseReview.objects.select_related("round", "case__decision", "case__party", "agency"), user, "agency")
    return get_or_not_found(qs, "案卷评查记录", pk=pk)


# --- accountability ---------------------------------------------------------------------


def matter_list(user: Actor) -> QuerySet[AccountabilityMatter]:
    require_login(user)
    qs = AccountabilityMatter.objects.select_related("agency", "case__decision").prefetch_related("officers")
    return scope(qs, user, "agency")


def matter_get(user: Actor, pk: int) -> AccountabilityMatter:
    return get_or_not_found(matter_list(user), "追责事项", pk=pk)


def published_matters() -> QuerySet[AccountabilityMatter]:
    """The results published to the public (D6.3b): no login needed."""
    return (
        AccountabilityMatter.objects.filter(published_on__isnull=False)
        .select_related("agency")
        .order_by("-published_on", "-pk")
    )


def published_matter_get(pk: int) -> AccountabilityMatter:
    return get_or_not_found(published_matters(), "追责结果", pk=pk)


# --- reconsideration and litigation -----------------------------------------------------


def reconsideration_list(user: Actor) -> QuerySet[Reconsideration]:
    require_login(user)
    qs = Reconsideration.objects.select_related("agency", "case__decision")
    return scope(qs, user, "agency").order_by("-applied_on", "-pk")


def reconsideration_get(user: Actor, pk: int) -> Reconsideration:
    return get_or_not_found(reconsideration_list(user), "行政复议", pk=pk)


def lawsuit_list(user: Actor) -> QuerySet[Lawsuit]:
    require_login(user)
    return scope(Lawsuit.objects.select_related("agency", "case__decision"), user, "agency").order_by(
        "-filed_on", "-pk"
    )


def lawsuit_get(user: Actor, pk: int) -> Lawsuit:
    return get_or_not_found(lawsuit_list(user), "行政诉讼", pk=pk)


def appearance_shortfalls(user: Actor, year: int | None = None) -> QuerySet[Agency]:
    """Agencies in scope sued in ``year`` whose heads never appeared in court that year (D6.6)."""
    require_login(user)
    return remedies.appearance_shortfalls(scope(Agency.objects.all(), user, "pk"), year or clock.today().year)


# --- evaluation -------------------------------------------------------------------------


def evaluation_list(user: Actor) -> QuerySet[Evaluation]:
    require_login(user)
    return scope(Evaluation.objects.select_related("agency", "officer", "decided_by"), user, "agency").order_by(
        "-year", "-pk"
    )


# --- implementation (D3.5, D7, D8) -------------------------------------------------------


def cleanup_report_list(user: Actor) -> QuerySet[CleanupReport]:
    require_login(user)
    qs = CleanupReport.objects.select_related("agency", "law_cleanup", "submitted_by", "reviewed_by")
    return scope(qs, user, "agency").order_by("-year", "agency__name", "subject", "-pk")


def cleanup_report_get(user: Actor, pk: int) -> CleanupReport:
    return get_or_not_found(cleanup_report_list(user), "清理结果", pk=pk)


def published_cleanups() -> QuerySet[CleanupReport]:
    """The five cleanups' results published to the public (D7): no login needed."""
    return (
        CleanupReport.objects.filter(published_on__isnull=False)
        .select_related("agency")
        .order_by("-published_on", "-pk")
    )


def published_cleanup_get(pk: int) -> CleanupReport:
    return get_or_not_found(published_cleanups(), "清理结果", pk=pk)


def measure_list(user: Actor) -> QuerySet[ImplementationMeasure]:
    """The measures ``user`` may see: its agencies' (city departments') and those of its
    government and the governments under it (a district's legal affairs office files its
    government's; the city's reviews them all)."""
    require_login(user)
    qs = ImplementationMeasure.objects.select_related("agency", "government", "filed_by", "reviewed_by")
    ids = visible_agency_ids(user)
    if ids is not None:
        governments = government_ids(user) if user.role in GOVERNMENT_ROLES else set()
        qs = qs.filter(Q(agency__in=ids) | Q(government__in=governments))
    return qs.order_by("-filed_on", "-pk")


def government_get(user: Actor, pk: int) -> Government:
    """A government the user acts within: its own and those under it (the administrator: any)."""
    require_login(user)
    qs = Government.objects.all()
    if user.role != Role.ADMIN:
        qs = qs.filter(pk__in=government_ids(user))
    return get_or_not_found(qs, "人民政府", pk=pk)


def measure_get(user: Actor, pk: int) -> ImplementationMeasure:
    return get_or_not_found(measure_list(user), "实施办法", pk=pk)


def special_inspection_list(user: Actor) -> QuerySet[SpecialInspection]:
    """The inspections of the governments whose agencies ``user`` may see."""
    require_login(user)
    governments = scope(Agency.objects.all(), user, "pk").values("government_id")
    qs = SpecialInspection.objects.filter(government_id__in=governments).select_related("government", "opened_by")
    return qs.annotate(
        finding_count=Count("findings"), fault_count=Count("findings", filter=Q(findings__fault=True))
    ).order_by("-year", "-pk")


def special_inspection_get(user: Actor, pk: int) -> SpecialInspection:
    return get_or_not_found(special_inspection_list(user), "专项执法检查", pk=pk)


def inspection_findings(user: Actor, inspection: SpecialInspection) -> QuerySet[InspectionFinding]:
    """The findings of ``inspection`` on the agencies ``user`` may see."""
    qs = inspection.findings.select_related("agency", "case__decision", "matter", "recorded_by")
    return scope(qs, user, "agency").order_by("agency__name", "pk")


def finding_get(user: Actor, pk: int) -> InspectionFinding:
    require_login(user)
    qs = scope(
        InspectionFinding.objects.select_related("inspection", "agency", "case__decision", "matter"), user, "agency"
    )
    return get_or_not_found(qs, "检查发现", pk=pk)
