"""Who may see and change what: roles plus agency scope.

Agency staff (officer, legal reviewer, agency head) see their own agency's non-public
records; the legal affairs office and the supervisory organ see every agency of
their government and the governments under it; the administrator sees everything.
Selectors filter with :func:`scope`; a record outside the scope is "not found", the
same answer as a missing one.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from zhifa.accounts.models import AGENCY_ROLES, GOVERNMENT_ROLES, Role
from zhifa.core.errors import DomainError, forbidden, not_found

ROLE_LABELS = dict(Role.choices)


def is_staff_user(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def has_role(user, *roles: str) -> bool:
    return is_staff_user(user) and (user.role in roles or (user.role == Role.ADMIN and Role.ADMIN in roles))


def require_login(user) -> None:
    if not is_staff_user(user):
        raise DomainError.of("not_authenticated", "请先登录。")


def require_role(user, *roles: str, action: str = "办理此事项") -> None:
    """Refuse unless ``user`` holds one of ``roles`` (the administrator holds every role)."""
    require_login(user)
    if user.role == Role.ADMIN or user.role in roles:
        return
    names = "、".join(ROLE_LABELS[r] for r in roles)
    raise forbidden(f"只有{names}可以{action}。")


# accounts sits below org: the user's government and agency are org's records, reached
# through the relations accounts' User declares (``User.government``), never by importing org.


def government_ids(user) -> set[int]:
    """The user's government and every government under it."""
    if not user.government_id:
        return set()
    return user.government.subtree_ids()


def visible_agency_ids(user) -> set[int] | None:
    """The agencies whose non-public records ``user`` may see; None means all of them."""
    if not is_staff_user(user):
        return set()
    if user.role == Role.ADMIN:
        return None
    if user.role in AGENCY_ROLES:
        return {user.agency_id} if user.agency_id else set()
    if user.role in GOVERNMENT_ROLES:
        return user.government.agency_ids_within() if user.government_id else set()
    return set()


def scope(queryset: QuerySet, user, agency_path: str = "agency") -> QuerySet:
    """``queryset`` narrowed to what ``user`` may see, by the agency at ``agency_path``."""
    ids = visible_agency_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{agency_path}__in": ids})


def can_see_agency(user, agency_id: int | None) -> bool:
    ids = visible_agency_ids(user)
    return ids is None or agency_id in ids


def require_agency(user, agency_id: int | None, what: str = "记录") -> None:
    """Refuse with "not found" when ``user`` may not see records of ``agency_id``."""
    if not can_see_agency(user, agency_id):
        raise not_found(what)


def can_manage_agency(user, agency_id: int | None) -> bool:
    """Registry edits for an agency: its head, the legal affairs office above it, the administrator."""
    if not is_staff_user(user):
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.HEAD:
        return user.agency_id == agency_id
    if user.role == Role.LEGAL_OFFICE:
        return can_see_agency(user, agency_id)
    return False


def require_manage_agency(user, agency_id: int | None, action: str = "修改该机关的登记信息") -> None:
    require_agency(user, agency_id)
    if not can_manage_agency(user, agency_id):
        raise forbidden(f"只有本机关负责人、政府法制机构或系统管理员可以{action}。")


def q_visible(user, agency_path: str = "agency") -> Q:
    ids = visible_agency_ids(user)
    return Q() if ids is None else Q(**{f"{agency_path}__in": ids})
