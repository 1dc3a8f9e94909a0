"""Reads of the discretion app. Standards, versions and items are public records
(行政处罚法第三十四条: 裁量基准应当向社会公布); departures are visible to the agency
concerned and the supervisors above it."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Q, QuerySet

from zhifa.accounts.access import require_login, scope
from zhifa.accounts.models import Actor
from zhifa.core.references import get_or_not_found
from zhifa.discretion.models import Departure, DiscretionItem, DiscretionStandard, StandardVersion


def standard_list() -> QuerySet:
    return (
        DiscretionStandard.objects.annotate(version_count=Count("versions"))
        .prefetch_related("versions")
        .order_by("field", "code")
    )


def standard_get(code: str) -> DiscretionStandard:
    return get_or_not_found(standard_list(), "裁量基准", code=code)


def version_list() -> QuerySet:
    return StandardVersion.objects.select_related("standard").annotate(item_count=Count("items"))


def version_get(pk: int) -> StandardVersion:
    return get_or_not_found(version_list(), "裁量基准版本", pk=pk)


def item_list(*, q: str = "", field: str = "", standard: str = "", in_force_on: date | None = None) -> QuerySet:
    qs = DiscretionItem.objects.select_related("version__standard", "violation_item").order_by(
        "version__standard__code", "-version__effective_from", "position"
    )
    if q:
        qs = qs.filter(Q(code__icontains=q) | Q(violation__icontains=q) | Q(statutory_text__icontains=q))
    if field:
        qs = qs.filter(field=field)
    if standard:
        qs = qs.filter(version__standard__code=standard)
    if in_force_on:
        qs = qs.filter(version__effective_from__lte=in_force_on).filter(
            Q(version__effective_to__isnull=True) | Q(version__effective_to__gte=in_force_on)
        )
    return qs


def item_get(pk: int) -> DiscretionItem:
    return get_or_not_found(item_list(), "裁量事项", pk=pk)


def item_codes_in_force(on: date) -> list[tuple[str, str]]:
    """(code, label) of items whose standard is in force on ``on``, for choosers."""
    return [
        (i.code, f"{i.code} {i.violation}（{i.version.standard.title} {i.version.label}版）")
        for i in item_list(in_force_on=on)
    ]


def departure_list(user: Actor) -> QuerySet:
    require_login(user)
    return scope(Departure.objects.select_related("agency", "officer", "reviewer"), user, "agency")


def departure_get(user: Actor, pk: int) -> Departure:
    return get_or_not_found(departure_list(user), "偏离裁量记录", pk=pk)


def departure_counts(user: Actor, *, since: date | None = None, until: date | None = None) -> dict:
    """Departures counted per agency and per officer, within ``user``'s scope."""
    qs = departure_list(user)
    if since:
        qs = qs.filter(decision_date__gte=since)
    if until:
        qs = qs.filter(decision_date__lte=until)
    by_agency = list(
        qs.values("agency_id", "agency__name")
        .annotate(
            count=Count("id"),
            heavier=Count("id", filter=Q(chosen_amount__gt=models_f("proposed_max"))),
        )
        .order_by("-count", "agency__name")
    )
    by_officer = list(
        qs.values("agency__name", "officer_id", "officer_name")
        .annotate(count=Count("id"))
        .order_by("-count", "officer_name")
    )
    return {"total": qs.count(), "by_agency": by_agency, "by_officer": by_officer}


def models_f(name: str) -> F:
    return F(name)
