"""Reads of parties: staff users only, and personal information only where it serves a case.

- Anyone logged in may search the registry (to find whether a party is registered before
  registering it). Lists show names and credit codes; a person's identity number is
  masked, and it matches a search only when given in full (no guessing it digit by digit).
- A party's identity number, address and telephone are shown to the staff of an agency
  that holds the party (has a case on it or registered it), to the legal affairs office
  and supervisory organ above that agency, and otherwise only after a look-up whose
  purpose is recorded and audited (:func:`zhifa.parties.services.party_lookup`), for
  ``ZHIFA_PARTY_LOOKUP_HOURS`` hours.

The public never sees the registry (published decisions show only what the portal redacts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet

from zhifa.accounts import access
from zhifa.accounts.access import require_login
from zhifa.accounts.models import AGENCY_ROLES, GOVERNMENT_ROLES
from zhifa.core import clock, identifiers
from zhifa.core.errors import not_found
from zhifa.parties import rules
from zhifa.parties.models import Party, PartyCorrection, PartyLookup

HOLDER = "holder"
LOOKUP = "lookup"
MASKED = "masked"


def party_list(user, *, q: str | None = None, kind: str | None = None) -> QuerySet:
    """Parties matching ``q`` in the name, any part of a credit code, or a whole identity number."""
    require_login(user)
    qs = Party.objects.select_related("government")
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        q = q.strip()
        code = identifiers.normalise_uscc(q)
        qs = qs.filter(Q(name__icontains=q) | Q(uscc__icontains=code) | Q(id_number=identifiers.normalise_ric(q)))
    return qs.order_by("name", "pk")


def party_get(user, pk) -> Party:
    """The party (whatever the user may see of it: see :func:`party_view`)."""
    require_login(user)
    try:
        return Party.objects.select_related("government").get(pk=pk)
    except (Party.DoesNotExist, ValueError, TypeError, OverflowError):
        raise not_found("当事人") from None


def holder_ids(party: Party) -> set[int]:
    """The agencies that hold ``party``: those with a case on it, and the one that registered it."""
    ids = set(party.cases.values_list("agency_id", flat=True))
    if party.registered_by_agency_id:
        ids.add(party.registered_by_agency_id)
    return ids


def access_to(user, party: Party) -> str:
    """Why ``user`` may see ``party``'s personal information: holder, lookup, or masked (not at all)."""
    if not access.is_staff_user(user):
        return MASKED
    if user.role in (*AGENCY_ROLES, *GOVERNMENT_ROLES):
        visible = access.visible_agency_ids(user) or set()
        if visible & holder_ids(party):
            return HOLDER
    since = clock.now() - timedelta(hours=settings.ZHIFA_PARTY_LOOKUP_HOURS)
    if PartyLookup.objects.filter(party=party, user=user, at__gte=since).exists():
        return LOOKUP
    return MASKED


def may_correct(user, party: Party) -> bool:
    if not access.is_staff_user(user):
        return False
    return (
        rules.party_corrected_by_its_holder(role=user.role, agency_id=user.agency_id, holder_ids=holder_ids(party))
        is None
    )


@dataclass(frozen=True)
class PartyView:
    """What a user is shown of a party: everything, or the masked summary."""

    party: Party
    access: str
    may_correct: bool

    @property
    def shown(self) -> bool:
        return self.access != MASKED

    @property
    def id_number(self) -> str:
        return (
            self.party.id_number
            if self.shown
            else identifiers.mask_ric(self.party.id_number)
            if self.party.id_number
            else ""
        )

    @property
    def address(self) -> str:
        return self.party.address if self.shown else ""

    @property
    def phone(self) -> str:
        return self.party.phone if self.shown else ""


def party_view(user, pk) -> PartyView:
    party = party_get(user, pk)
    return PartyView(party, access_to(user, party), may_correct(user, party))


def corrections(party: Party) -> QuerySet:
    return PartyCorrection.objects.filter(party=party).select_related("user", "agency").order_by("-at")
