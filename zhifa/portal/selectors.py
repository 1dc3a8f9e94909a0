"""Reads of publications: the public register (no login) and the agencies' and
oversight's scoped lists, with the late ones (D5.6, D1.4)."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Q, QuerySet

from zhifa.accounts import access
from zhifa.cases.models import Decision
from zhifa.core import clock
from zhifa.core.references import get_or_not_found
from zhifa.portal.models import Publication

S = Publication.Status


def published_list() -> QuerySet[Publication]:
    """What the public sees: the decisions now published, newest first."""
    return Publication.objects.filter(status=S.PUBLISHED).order_by("-published_on", "-pk")


def withdrawn_list() -> QuerySet[Publication]:
    """The public withdrawal notices (撤回并公开说明理由)."""
    return Publication.objects.filter(status=S.WITHDRAWN).order_by("-withdrawn_on", "-pk")


def public_get(pk: int) -> Publication:
    """A published decision, or the notice of its withdrawal; anything else is "not found"."""
    return get_or_not_found(Publication.objects.filter(status__in=(S.PUBLISHED, S.WITHDRAWN)), "公开的执法决定", pk=pk)


def publication_list(user) -> QuerySet[Publication]:
    return access.scope(Publication.objects.select_related("agency"), user, "agency").order_by("-written_on", "-pk")


def publication_get(user, pk: int) -> Publication:
    return get_or_not_found(publication_list(user), "执法决定公开信息", pk=pk)


def _late_q(today: date) -> Q:
    published_late = Q(published_on__isnull=False, published_on__gt=F("due_on"))
    pending_late = Q(status=S.PENDING, due_on__lt=today)
    withdrawn_late = Q(withdrawn_on__isnull=False, withdrawn_on__gt=F("withdrawal_due_on"))
    withdrawal_overdue = Q(status=S.PUBLISHED, withdrawal_due_on__lt=today)
    return published_late | pending_late | withdrawn_late | withdrawal_overdue


def late_publications(user, *, on: date | None = None) -> QuerySet[Publication]:
    """Publications published or withdrawn after their last day, or still overdue, within ``user``'s scope:
    what oversight follows up (D1.4: overdue matters surface)."""
    return publication_list(user).filter(_late_q(on or clock.today()))


def decision_by_number(user, number: str):
    """A decision of ``user``'s scope by its 文号, for registering its publication."""
    qs = access.scope(Decision.objects.select_related("case"), user, "case__agency")
    return get_or_not_found(qs, "决定书", number=number.strip())


def decision_get(user, pk: int):
    """A decision of ``user``'s scope by its id."""
    qs = access.scope(Decision.objects.select_related("case"), user, "case__agency")
    return get_or_not_found(qs, "决定书", pk=pk)
