"""Facts about a case's remedies (reads only): while a reconsideration or a lawsuit is
pending the late fee does not run (行政处罚法第七十三条), and each agency sued or
applied against in a year owes a head's appearance in court that year (D6.6)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet

from zhifa.cases import periods
from zhifa.cases.models import Case
from zhifa.core import parameters as params
from zhifa.org.models import Agency
from zhifa.oversight.models import CourtAppearance, Lawsuit, Reconsideration


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


def _overlap(start: date, end: date, intervals: list[tuple[date, date]]) -> int:
    days: set[date] = set()
    for a, b in intervals:
        lo, hi = max(a, start + timedelta(days=1)), min(b, end)
        while lo <= hi:
            days.add(lo)
            lo += timedelta(days=1)
    return len(days)


def late_fee(case: Case, on: date) -> Decimal:
    """加处罚款 on ``on`` with the days a reconsideration or lawsuit was pending left out
    (行政处罚法第七十三条); the same rate and cap as :func:`zhifa.cases.periods.late_fee`."""
    decision = getattr(case, "decision", None)
    if decision is None or not decision.fine:
        return Decimal("0.00")
    plan = case.payment_plans.order_by("-approved_on", "-pk").first()
    if plan is None:
        return Decimal("0.00")
    principal = decision.money_total
    share = decision.fine / principal
    intervals = paused(case, on)
    total = Decimal("0")
    for s in periods.allocate(list(plan.instalments.all()), list(case.payments.all())):
        end = min(s.settled_on or on, on)
        days = (end - s.due_on).days - _overlap(s.due_on, end, intervals)
        if days > 0:
            rate = params.value("late_fee_daily_rate", on=s.due_on) / Decimal(100)
            total += s.amount * share * rate * days
    return min(total, decision.fine).quantize(periods.CENT, rounding=ROUND_HALF_UP)


def appearance_shortfalls(agencies: QuerySet[Agency], year: int) -> QuerySet[Agency]:
    """Agencies sued (or applied against with a public hearing) in ``year`` whose heads did
    not appear in court or at a public hearing at least once that year (D6.6)."""
    sued = Lawsuit.objects.filter(agency=OuterRef("pk"), filed_on__year=year)
    heard = Reconsideration.objects.filter(agency=OuterRef("pk"), applied_on__year=year, public_hearing=True)
    appeared = CourtAppearance.objects.filter(agency=OuterRef("pk"), on__year=year)
    return agencies.filter(Q(Exists(sued)) | Q(Exists(heard))).exclude(Exists(appeared)).order_by("name")
