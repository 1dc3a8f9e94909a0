"""Reads of users: the logins an actor may name in a request (a legal reviewer, an
officer's login), scoped like every other record (:mod:`zhifa.accounts.access`)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from zhifa.accounts.access import government_ids, is_staff_user, visible_agency_ids
from zhifa.accounts.models import GOVERNMENT_ROLES, Actor, User
from zhifa.core.references import get_or_not_found


def user_list(actor: Actor) -> QuerySet:
    """Users of the agencies ``actor`` sees, of the governments it oversees, and itself
    (the administrator: everyone; anonymous: nobody)."""
    qs = User.objects.select_related("agency", "government")
    if not is_staff_user(actor):
        return qs.none()
    ids = visible_agency_ids(actor)
    if ids is None:
        return qs
    q = Q(agency_id__in=ids) | Q(pk=actor.pk)
    if actor.role in GOVERNMENT_ROLES:
        q |= Q(government_id__in=government_ids(actor))
    return qs.filter(q)


def user_get(actor: Actor, pk: int) -> User:
    return get_or_not_found(user_list(actor), "账户", pk=pk)
