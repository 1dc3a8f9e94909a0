"""Scoped reads of credit and random inspections. A party's rating is read by any staff
user (it rests on served decisions and reviewed results); plans and objections by the
agency's staff and the offices above it; published plans by anyone (一公开)."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from zhifa.accounts.access import scope
from zhifa.core.references import get_or_not_found
from zhifa.credit.models import (
    CreditObjection,
    InspectionItem,
    InspectionPlan,
    InspectorEntry,
    Interview,
    PlanTarget,
    TargetEntry,
)
from zhifa.people.models import Officer


def _targets() -> Prefetch:
    return Prefetch(
        "targets",
        queryset=PlanTarget.objects.select_related("party").prefetch_related(
            Prefetch("inspectors", queryset=Officer.objects.order_by("name"))
        ),
    )


def plan_list(user) -> QuerySet:
    qs = InspectionPlan.objects.select_related("agency").annotate(target_total=Count("targets"))
    return scope(qs.order_by("-year", "-pk"), user)


def plan_get(user, pk: int) -> InspectionPlan:
    qs = scope(InspectionPlan.objects.select_related("agency").prefetch_related("items", _targets()), user)
    return get_or_not_found(qs, "抽查计划", pk=pk)


def target_get(user, pk: int) -> PlanTarget:
    qs = scope(PlanTarget.objects.select_related("plan__agency", "party"), user, "plan__agency")
    return get_or_not_found(qs, "抽查对象", pk=pk)


def public_plans() -> QuerySet:
    return (
        InspectionPlan.objects.filter(status=InspectionPlan.Status.PUBLISHED)
        .select_related("agency")
        .annotate(target_total=Count("targets"))
        .order_by("-published_on", "-pk")
    )


def public_plan_get(pk: int) -> InspectionPlan:
    qs = public_plans().prefetch_related("items", _targets())
    return get_or_not_found(qs, "抽查计划", pk=pk)


def item_list(user) -> QuerySet:
    return scope(InspectionItem.objects.select_related("agency"), user)


def target_entries(user) -> QuerySet:
    return scope(TargetEntry.objects.select_related("agency", "party"), user)


def inspector_entries(user) -> QuerySet:
    return scope(InspectorEntry.objects.select_related("agency", "officer"), user)


def objection_list(user) -> QuerySet:
    return scope(CreditObjection.objects.select_related("party", "agency"), user)


def objection_get(user, pk: int) -> CreditObjection:
    return get_or_not_found(objection_list(user), "信用评价异议", pk=pk)


def objections_of(party) -> QuerySet:
    return CreditObjection.objects.filter(party=party).select_related("agency").order_by("-filed_on", "-pk")


def item_get(user, pk: int) -> InspectionItem:
    return get_or_not_found(item_list(user), "抽查事项", pk=pk)


def interview_list(user) -> QuerySet:
    """Interviews and mentoring of poor-credit parties (D5.7), by the agency's staff and the offices above it."""
    return scope(Interview.objects.select_related("agency", "party", "recorded_by"), user).order_by("-held_on", "-pk")


def interview_get(user, pk: int) -> Interview:
    return get_or_not_found(interview_list(user), "座谈会、结对帮教记录", pk=pk)


def interviews_of(party) -> QuerySet:
    return Interview.objects.filter(party=party).select_related("agency").order_by("-held_on", "-pk")
