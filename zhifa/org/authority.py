"""Who maintains which enforcement body (D3.1c, D6.1): the administrator maintains
everything; a government's legal affairs office maintains the bodies, powers and
certificates of its government and the governments under it; an agency head
maintains its own agency's posts and officers.

Bodies and powers are public records, so an actor outside the scope is told it may not
act ("forbidden"); non-public records (delegations, posts, officers) answer "not found"
outside the scope, through :func:`zhifa.accounts.access.require_agency`.
"""

from __future__ import annotations

from zhifa.accounts.access import government_ids, is_staff_user, require_role
from zhifa.accounts.models import Role
from zhifa.core.errors import forbidden
from zhifa.org.models import LegalAffairsOffice


def require_office_over(actor, government, action: str) -> None:
    """The administrator, or a legal affairs office whose government is ``government`` or above it."""
    require_role(actor, Role.LEGAL_OFFICE, action=action)
    if actor.role == Role.ADMIN:
        return
    if government.pk not in government_ids(actor):
        raise forbidden(f"{government}不在本政府法制机构的监督范围内，不能{action}。")


def acting_office(actor, government):
    """The legal affairs office in whose name ``actor`` acts for a body of ``government``:
    the actor's own office, or (for the administrator) the nearest office at or above it."""

    if actor.role == Role.LEGAL_OFFICE:
        return LegalAffairsOffice.objects.filter(government_id=actor.government_id).first()
    node = government
    while node is not None:
        office = LegalAffairsOffice.objects.filter(government=node).first()
        if office:
            return office
        node = node.parent
    return None


def may_oversee(user, government) -> bool:
    """Whether :func:`require_office_over` would let ``user`` act on bodies of ``government``
    (used by pages to show or hide buttons; the service still decides)."""

    if not is_staff_user(user):
        return False
    if user.role == Role.ADMIN:
        return True
    return user.role == Role.LEGAL_OFFICE and government.pk in government_ids(user)
