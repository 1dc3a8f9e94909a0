"""Reads of officers. An officer's name, agency, certificate number and its status are
public (D3.1c: 公告执法人员执法资格及执法证件); identity numbers, phones, trainings,
qualification records and declared conflicts are visible to the officer's agency and
the offices above it, and "not found" to anyone else.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Case, CharField, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When

from zhifa.accounts.access import scope
from zhifa.accounts.models import Actor
from zhifa.core import clock
from zhifa.core.references import get_or_not_found
from zhifa.people.models import (
    Certificate,
    CertificateVerification,
    ConflictOfInterest,
    Officer,
    Qualification,
    Training,
)
from zhifa.people.standing import STATUS_COLOURS, STATUS_LABELS


def with_status(qs: QuerySet, on: date, prefix: str = "") -> QuerySet:
    """Annotate certificates with ``status`` on ``on``, the same answer as
    :func:`zhifa.people.standing.status_of`, so lists can filter and count by it."""
    p = prefix
    passed_recently = CertificateVerification.objects.filter(
        certificate=OuterRef(f"{p}pk"), result=CertificateVerification.Result.PASSED, year__gte=on.year - 1
    )
    suspended = Q(**{f"{p}suspended_on__lte": on}) & (
        Q(**{f"{p}suspension_lifted_on__isnull": True}) | Q(**{f"{p}suspension_lifted_on__gt": on})
    )
    return qs.annotate(
        status=Case(
            When(Q(**{f"{p}revoked_on__lte": on}), then=Value("revoked")),
            When(suspended, then=Value("suspended")),
            When(Q(**{f"{p}expires_on__lt": on}), then=Value("expired")),
            When(Q(**{f"{p}issued_on__gt": on}), then=Value("unverified")),
            When(Q(**{f"{p}issued_on__year__lt": on.year}) & ~Exists(passed_recently), then=Value("unverified")),
            default=Value("valid"),
            output_field=CharField(),
        )
    )


def status_label(code: str) -> str:
    return STATUS_LABELS.get(code, code)


def status_colour(code: str) -> str:
    return STATUS_COLOURS.get(code, "grey")


# --- Scoped ---------------------------------------------------------------------------


def officer_list(user: Actor) -> QuerySet:
    return scope(Officer.objects.select_related("agency", "post", "user"), user, "agency")


def officer_get(user: Actor, pk: int) -> Officer:
    qs = officer_list(user).prefetch_related(
        Prefetch(
            "certificates", queryset=Certificate.objects.select_related("issuer").prefetch_related("verifications")
        ),
        "qualifications",
        "trainings",
        "conflicts",
    )
    return get_or_not_found(qs, "执法人员", pk=pk)


def training_list(user: Actor) -> QuerySet:
    return scope(Training.objects.select_related("officer", "officer__agency"), user, "officer__agency")


def training_get(user: Actor, pk: int) -> Training:
    return get_or_not_found(training_list(user), "培训记录", pk=pk)


def qualification_list(user: Actor) -> QuerySet:
    return scope(
        Qualification.objects.select_related("officer", "officer__agency", "training"), user, "officer__agency"
    )


def qualification_get(user: Actor, pk: int) -> Qualification:
    return get_or_not_found(qualification_list(user), "执法资格", pk=pk)


def certificate_list(user: Actor, on: date | None = None) -> QuerySet:
    qs = Certificate.objects.select_related("officer", "officer__agency", "issuer")
    return with_status(scope(qs, user, "officer__agency"), on or clock.today())


def certificate_get(user: Actor, pk: int) -> Certificate:
    return get_or_not_found(certificate_list(user).prefetch_related("verifications"), "执法证件", pk=pk)


def conflict_list(user: Actor) -> QuerySet:
    return scope(
        ConflictOfInterest.objects.select_related("officer", "officer__agency", "party"), user, "officer__agency"
    )


def conflict_get(user: Actor, pk: int) -> ConflictOfInterest:
    return get_or_not_found(conflict_list(user), "利害关系申报", pk=pk)


# --- Public ---------------------------------------------------------------------------


def public_certificate_list(on: date | None = None) -> QuerySet:
    """The public register of certificates: number, holder's name, agency, issuer, dates, status."""
    qs = Certificate.objects.select_related("officer", "officer__agency", "issuer")
    return with_status(qs, on or clock.today()).order_by("number")


def public_certificate_get(number: str, on: date | None = None) -> Certificate:
    return get_or_not_found(public_certificate_list(on), "执法证件", number=(number or "").strip())
