"""Scoped reads of complaints, clients and media exposures, and the counts the oversight
dashboard reads.

Agency staff see the complaints routed to their agency; the legal affairs office and the
supervisory organ see those received by their government and the governments under it;
the administrator sees all. Anyone may follow one complaint by its tracking number (the
public sees its status, notes and answer, never the complainant).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

from zhifa.accounts.access import government_ids, is_staff_user
from zhifa.accounts.models import AGENCY_ROLES, GOVERNMENT_ROLES, Role
from zhifa.complaints.keys import hash_key
from zhifa.complaints.models import OPEN_STATUSES, Complaint, MediaExposure, Open311Client, Status, StatusChange
from zhifa.core import clock, workdays
from zhifa.core.errors import not_found
from zhifa.core.references import get_or_not_found


def visible(user) -> Q:
    """The complaints ``user`` may read; nothing for anyone else."""
    if not is_staff_user(user):
        return Q(pk__in=[])
    if user.role == Role.ADMIN:
        return Q()
    if user.role in AGENCY_ROLES:
        return Q(agency_id=user.agency_id) if user.agency_id else Q(pk__in=[])
    if user.role in GOVERNMENT_ROLES:
        return Q(government_id__in=government_ids(user))
    return Q(pk__in=[])


def _rows(qs: QuerySet) -> QuerySet:
    return qs.select_related("government", "agency", "subject_agency", "violation_item", "place", "client")


def complaint_list(user) -> QuerySet:
    return _rows(Complaint.objects.filter(visible(user)))


def queue(user) -> QuerySet:
    """What waits for ``user``: the office's unrouted complaints, the agency's routed ones."""
    qs = complaint_list(user).filter(status__in=OPEN_STATUSES)
    if is_staff_user(user) and user.role in AGENCY_ROLES:
        return qs.exclude(status=Status.RECEIVED)
    return qs.order_by("due_on", "pk")


def complaint_get(user, pk: int) -> Complaint:
    return get_or_not_found(complaint_list(user), "举报投诉", pk=pk)


def complaint_by_tracking(number: str) -> Complaint:
    """A complaint by its tracking number, for anyone who holds it."""
    number = (number or "").strip().upper()
    if not number:
        raise not_found("举报投诉")
    return get_or_not_found(_rows(Complaint.objects.all()), "举报投诉", tracking_number=number)


def open311_rows() -> QuerySet:
    """Every complaint, as Open311 shows it (status and notes are public, by id)."""
    return (
        _rows(Complaint.objects.all())
        .select_related("government__legal_affairs_office")
        .prefetch_related("history")
        .order_by("-received_at", "-pk")
    )


def history(complaint: Complaint) -> QuerySet:
    return StatusChange.objects.filter(complaint=complaint).select_related("agency").order_by("at", "pk")


def is_overdue(complaint: Complaint, today: date | None = None) -> bool:
    today = today or clock.today()
    if complaint.status == Status.ANSWERED:
        return complaint.answered_on > complaint.due_on
    return today > complaint.due_on


def client_list(user) -> QuerySet:
    qs = Open311Client.objects.select_related("government", "created_by")
    if not is_staff_user(user):
        return qs.none()
    if user.role == Role.ADMIN:
        return qs
    if user.role == Role.LEGAL_OFFICE:
        return qs.filter(government_id__in=government_ids(user))
    return qs.none()


def client_get(user, pk: int) -> Open311Client:
    return get_or_not_found(client_list(user), "接入系统", pk=pk)


def client_by_key(raw: str | None) -> Open311Client | None:
    """The active client holding the API key ``raw``; None when none does."""
    if not raw:
        return None
    return Open311Client.objects.filter(key_hash=hash_key(raw), revoked_on__isnull=True).first()


def media_list(user) -> QuerySet:
    qs = MediaExposure.objects.select_related("government", "agency")
    if not is_staff_user(user):
        return qs.none()
    if user.role == Role.ADMIN:
        return qs
    if user.role in GOVERNMENT_ROLES:
        return qs.filter(government_id__in=government_ids(user))
    if user.role in AGENCY_ROLES:
        return qs.filter(agency_id=user.agency_id)
    return qs.none()


def media_get(user, pk: int) -> MediaExposure:
    return get_or_not_found(media_list(user), "曝光案件", pk=pk)


def media_published() -> QuerySet:
    """The results published (D6.7b): anyone may read them."""
    return MediaExposure.objects.filter(published_on__isnull=False).select_related("agency").order_by("-published_on")


def media_public_get(pk: int) -> MediaExposure:
    return get_or_not_found(media_published(), "曝光案件", pk=pk)


# --- for the oversight dashboard ---------------------------------------------------------


@dataclass
class HandlerCounts:
    """One handler's complaints in a period: the agency routed to, or the office (None)."""

    agency_id: int | None
    name: str
    total: int = 0
    open: int = 0
    answered: int = 0
    overdue: int = 0  # open past the deadline, or answered after it
    answer_days: list[int] = field(default_factory=list)  # working days from receipt to answer

    @property
    def mean_answer_days(self) -> float | None:
        return round(statistics.fmean(self.answer_days), 1) if self.answer_days else None

    @property
    def median_answer_days(self) -> float | None:
        return statistics.median(self.answer_days) if self.answer_days else None


@dataclass
class ComplaintCounts:
    start: date
    end: date
    total: HandlerCounts
    by_handler: list[HandlerCounts]
    by_kind: dict[str, int]


def complaint_counts(user, period: tuple[date, date]) -> ComplaintCounts:
    """Complaints received in ``period`` (inclusive) that ``user`` may see: how many, open,
    answered, overdue, and the working days taken to answer, by handler. One query."""
    start, end = period
    today = clock.today()
    rows = (
        Complaint.objects.filter(visible(user), received_on__gte=start, received_on__lte=end)
        .values_list("kind", "status", "received_on", "due_on", "answered_on", "agency_id", "agency__name")
        .order_by()
    )
    total = HandlerCounts(None, "合计")
    handlers: dict[int | None, HandlerCounts] = {}
    by_kind: dict[str, int] = {}
    for kind, status, received_on, due_on, answered_on, agency_id, agency_name in rows:
        handler = handlers.setdefault(agency_id, HandlerCounts(agency_id, agency_name or "政府法制机构"))
        by_kind[kind] = by_kind.get(kind, 0) + 1
        for c in (total, handler):
            c.total += 1
            if status == Status.ANSWERED:
                c.answered += 1
                c.answer_days.append(workdays.working_days_between(received_on, answered_on))
                c.overdue += answered_on > due_on
            else:
                c.open += 1
                c.overdue += today > due_on
    ordered = sorted(handlers.values(), key=lambda h: (h.agency_id is not None, h.name))
    return ComplaintCounts(start, end, total, ordered, by_kind)
