"""Who may enforce what, where, on a date (D3.1a): an agency's own powers, and powers
passed to it by authorisation (法律法规授权) or entrustment (行政机关委托) within
their scope and period.

The case procedure asks :func:`grants_for` before filing and, when it finds none,
proposes :func:`competent_agencies` (D3.4: the matter is transferred to them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from zhifa.org.models import Agency, Delegation, Government, Power


@dataclass(frozen=True)
class Grant:
    """How ``agency`` holds ``power`` on a date: its own (``delegation`` is None) or delegated."""

    agency: Agency
    power: Power
    delegation: Delegation | None = None

    @property
    def acts_in_name_of(self) -> Agency:
        """An entrusted organisation acts in the name of the entrusting agency (PL Art. 20)."""
        if self.delegation and self.delegation.kind == Delegation.Kind.ENTRUSTMENT:
            return self.delegation.delegator
        return self.agency

    def describe(self) -> str:
        if self.delegation is None:
            return f"本机关法定职权：{self.power}"
        return f"{self.delegation.get_kind_display()}（{self.delegation.document_number or '无文号'}）：{self.power}"


def _in_force(prefix: str, on: date) -> Q:
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def grants_for(agency: Agency, item, on: date) -> list[Grant]:
    """Every way ``agency`` holds a power covering violation ``item`` on ``on``."""
    grants: list[Grant] = []
    own = Power.objects.filter(_in_force("", on), agency=agency, violation_items=item).select_related("agency")
    grants += [Grant(agency, p) for p in own]
    delegations = (
        Delegation.objects.filter(recipient=agency, valid_from__lte=on, valid_to__gte=on)
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=on))
        .select_related("delegator")
    )
    for d in delegations:
        for p in d.powers.filter(_in_force("", on), violation_items=item).select_related("agency"):
            grants.append(Grant(agency, p, d))
    return grants


def covers_place(agency: Agency, place: Government | None) -> bool:
    """Territorial jurisdiction: the place of the violation lies in the agency's area (PL Art. 22)."""
    return place is None or agency.government.contains(place)


def competent_agencies(item, place: Government | None, on: date) -> list[Agency]:
    """Agencies with confirmed standing holding ``item`` on ``on`` for ``place``,
    the nearest level first (district before city, PL Arts. 22–23; D2.4)."""
    candidates = (
        Agency.objects.filter(standing=Agency.Standing.CONFIRMED)
        .filter(Q(powers__violation_items=item) | Q(delegations_received__powers__violation_items=item))
        .select_related("government")
        .distinct()
    )
    found = [a for a in candidates if covers_place(a, place) and grants_for(a, item, on)]
    level_rank = {Government.Level.DISTRICT: 0, Government.Level.COUNTY: 0, Government.Level.CITY: 1}
    return sorted(found, key=lambda a: (level_rank.get(a.government.level, 2), a.name))
