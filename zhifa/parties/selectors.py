"""Reads of parties: staff users only. The public never sees the parties registry
(published decisions show only what the portal redacts)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from zhifa.accounts.access import require_login
from zhifa.core import identifiers
from zhifa.core.errors import not_found
from zhifa.parties.models import Party


def party_list(user, *, q: str | None = None, kind: str | None = None) -> QuerySet:
    """Parties matching ``q`` in the name or the identifier (any part of it)."""
    require_login(user)
    qs = Party.objects.select_related("government")
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        q = q.strip()
        code = identifiers.normalise_uscc(q)
        qs = qs.filter(Q(name__icontains=q) | Q(id_number__icontains=code) | Q(uscc__icontains=code))
    return qs.order_by("name", "pk")


def party_get(user, pk) -> Party:
    require_login(user)
    try:
        return Party.objects.select_related("government").get(pk=pk)
    except (Party.DoesNotExist, ValueError, TypeError):
        raise not_found("当事人") from None
