"""Facts about a case's remedies (reads only): while a reconsideration or a lawsuit is
pending the late fee does not run (行政处罚法第七十三条), and each agency sued or
applied against in a year owes a head's appearance in court that year (D6.6)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet

from zhifa.cases import obligations
from zhifa.cases.models import Case
from zhifa.org.models import Agency
from zhifa.oversight.models import CourtAppearance, Lawsuit, Reconsideration

#: The relations of a case :func:`paused` reads (prefetched by a list of cases).
PAUSE_RELATIONS = ("reconsiderations", "lawsuits")


def paused(case: Case, on: date) -> list[tuple[date, date]]:
    """The intervals (first day, last day) during which a remedy was pending, up to ``on``."""
    out = []
    for r in case.reconsiderations.all():
        if r.accepted is False:
            continue
        out.append((r.applied_on, min(r.decided_on or on, on)))
    for s in case.lawsuits.all():
        out.append((s.filed_on, min(s.judged_on or on, on)))
    return out


def late_fee(case: Case, on: date) -> Decimal:
    """加处罚款 on ``on`` with the days a reconsideration or lawsuit was pending left out
    (行政处罚法第七十三条): the case's own obligation, which reads :func:`paused` through
    ``cases.obligations.LATE_FEE_PAUSES`` (registered in ``OversightConfig.ready``)."""
    return obligations.obligation(case, on).late_fee


def appearance_shortfalls(agencies: QuerySet[Agency], year: int) -> QuerySet[Agency]:
    """Agencies sued (or applied against with a public hearing) in ``year`` whose heads did
    not appear in court or at a public hearing at least once that year (D6.6)."""
    sued = Lawsuit.objects.filter(agency=OuterRef("pk"), filed_on__year=year)
    heard = Reconsideration.objects.filter(agency=OuterRef("pk"), applied_on__year=year, public_hearing=True)
    appeared = CourtAppearance.objects.filter(agency=OuterRef("pk"), on__year=year)
    return agencies.filter(Q(Exists(sued)) | Q(Exists(heard))).exclude(Exists(appeared)).order_by("name")
