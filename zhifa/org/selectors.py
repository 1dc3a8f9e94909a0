"""Reads of enforcement bodies. Governments, their offices and organs, terms, agencies,
their standing decisions and powers are public records (D3.1c); delegations and posts
are visible to the agencies concerned and the offices above them, and "not found" to
anyone else. Entrustments and authorisations in force are also published in part on
the agency's public page, as the law requires of an entrustment (行政处罚法第二十条).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from zhifa.accounts.access import government_ids, is_staff_user, visible_agency_ids
from zhifa.accounts.models import Actor, Role
from zhifa.core import clock
from zhifa.core.references import get_or_not_found
from zhifa.org.models import (
    Agency,
    Delegation,
    Government,
    GovernmentBody,
    GovernmentTerm,
    LegalAffairsOffice,
    Post,
    Power,
    StandingDecision,
    SupervisoryOrgan,
)

# --- Public ---------------------------------------------------------------------------


def government_list() -> QuerySet:
    return Government.objects.select_related("parent").order_by("division_code")


def government_get(pk: int) -> Government:
    return get_or_not_found(government_list(), "人民政府", pk=pk)


def body_list(model: type[GovernmentBody]) -> QuerySet:
    """Legal affairs offices or supervisory organs (one registry of government bodies)."""
    return model.objects.select_related("government")


def legal_affairs_office_list() -> QuerySet:
    return body_list(LegalAffairsOffice)


def legal_affairs_office_get(pk: int) -> LegalAffairsOffice:
    return get_or_not_found(legal_affairs_office_list(), "政府法制机构", pk=pk)


def supervisory_organ_list() -> QuerySet:
    return body_list(SupervisoryOrgan)


def supervisory_organ_get(pk: int) -> SupervisoryOrgan:
    return get_or_not_found(supervisory_organ_list(), "监察机关", pk=pk)


def government_term_list() -> QuerySet:
    return GovernmentTerm.objects.select_related("government").order_by("government__division_code", "-starts_on")


def government_term_get(pk: int) -> GovernmentTerm:
    return get_or_not_found(government_term_list(), "政府任期", pk=pk)


def agency_list(on: date | None = None) -> QuerySet:
    """Agencies with ``power_count`` (their own powers) and ``delegated_count`` (powers
    authorised or entrusted to them and in force on ``on``)."""
    on = on or clock.today()
    live = Q(delegations_received__valid_from__lte=on, delegations_received__valid_to__gte=on) & (
        Q(delegations_received__revoked_on__isnull=True) | Q(delegations_received__revoked_on__gt=on)
    )
    return (
        Agency.objects.select_related("government")
        .annotate(
            power_count=Count("powers", distinct=True),
            delegated_count=Count("delegations_received__powers", filter=live, distinct=True),
        )
        .order_by("government__division_code", "name")
    )


def agency_get(pk: int) -> Agency:
    return get_or_not_found(Agency.objects.select_related("government", "government__parent"), "执法主体", pk=pk)


def standing_decisions(agency: Agency) -> QuerySet:
    return StandingDecision.objects.filter(agency=agency).select_related("office")


def standing_decision_list() -> QuerySet:
    return StandingDecision.objects.select_related("agency", "agency__government", "office")


def articles_with_basis() -> QuerySet:
    """Articles of law with their legal basis. org sits below law (law's bases are issued and
    cleaned up by org's bodies), so it reaches law's Article through the relation its own
    Power declares, never by importing law."""
    return Power._meta.get_field("basis_articles").related_model.objects.select_related("basis")


def power_list() -> QuerySet:
    return Power.objects.select_related("agency", "agency__government").prefetch_related(
        "violation_items", Prefetch("basis_articles", queryset=articles_with_basis(), to_attr="basis_list")
    )


def power_get(pk: int) -> Power:
    qs = Power.objects.select_related("agency", "agency__government").prefetch_related(
        "violation_items", Prefetch("basis_articles", queryset=articles_with_basis(), to_attr="basis_list")
    )
    return get_or_not_found(qs, "执法事项", pk=pk)


def powers_of(agency: Agency, on: date | None = None) -> QuerySet:
    qs = Power.objects.filter(agency=agency).prefetch_related(
        "violation_items", Prefetch("basis_articles", queryset=articles_with_basis(), to_attr="basis_list")
    )
    if on is not None:
        qs = qs.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    return qs


def delegations_published(agency: Agency, on: date) -> QuerySet:
    """Authorisations and entrustments in force given to or by ``agency`` (公布的委托书)."""
    return (
        Delegation.objects.filter(Q(recipient=agency) | Q(delegator=agency), valid_from__lte=on, valid_to__gte=on)
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=on))
        .select_related("delegator", "recipient", "basis_article", "basis_article__basis")
        .prefetch_related("powers")
    )


# --- Scoped ---------------------------------------------------------------------------


def _q_delegation(user) -> Q:
    ids = visible_agency_ids(user)
    if ids is None:
        return Q()
    return Q(recipient__in=ids) | Q(delegator__in=ids)


def delegation_list(user: Actor) -> QuerySet:
    return (
        Delegation.objects.filter(_q_delegation(user))
        .select_related("delegator", "recipient", "basis_article", "basis_article__basis")
        .prefetch_related("powers")
    )


def delegation_get(user: Actor, pk: int) -> Delegation:
    return get_or_not_found(delegation_list(user), "授权或委托", pk=pk)


def post_list(user: Actor) -> QuerySet:
    ids = visible_agency_ids(user)
    qs = (
        Post.objects.select_related("agency")
        .annotate(officer_count=Count("officers", distinct=True))
        .order_by("agency__government__division_code", "agency__name", "name")
    )
    return qs if ids is None else qs.filter(agency__in=ids)


def post_get(user: Actor, pk: int) -> Post:
    return get_or_not_found(post_list(user).prefetch_related("powers"), "执法岗位", pk=pk)


def manageable_agencies(user: Actor) -> QuerySet:
    """Agencies whose registry records ``user`` may change (form choices); mirrors
    :func:`zhifa.accounts.access.can_manage_agency`."""
    qs = Agency.objects.select_related("government")
    if not is_staff_user(user):
        return qs.none()
    if user.role == Role.ADMIN:
        return qs
    if user.role == Role.HEAD:
        return qs.filter(pk=user.agency_id)
    if user.role == Role.LEGAL_OFFICE:
        return qs.filter(pk__in=visible_agency_ids(user))
    return qs.none()


def governments_overseen(user: Actor) -> QuerySet:
    """The governments whose bodies ``user`` maintains (administrator: all)."""
    if getattr(user, "role", None) == Role.ADMIN:
        return Government.objects.all()
    return Government.objects.filter(pk__in=government_ids(user))
