"""Acts on enforcement bodies: registration and changes, each audited."""

from __future__ import annotations

from django.db import transaction

from zhifa.accounts.access import require_role
from zhifa.accounts.models import Role
from zhifa.core.records import assign, save_record
from zhifa.org.models import Government

GOVERNMENT_FIELDS = ("name", "level", "parent", "division_code")


def government_create(*, actor, name: str, level: str, division_code: str, parent: Government | None = None) -> Government:
    """登记人民政府（市、区县）。Only the administrator maintains the list of governments."""
    with transaction.atomic():
        require_role(actor, Role.ADMIN, action="登记人民政府")
        gov = Government(name=name, level=level, division_code=division_code, parent=parent)
        return save_record(actor=actor, instance=gov, act="government.create")


def government_update(*, actor, government: Government, **data) -> Government:
    with transaction.atomic():
        require_role(actor, Role.ADMIN, action="修改人民政府信息")
        unknown = set(data) - set(GOVERNMENT_FIELDS)
        if unknown:
            raise TypeError(f"unknown fields {unknown}")
        changes = assign(government, data)
        return save_record(actor=actor, instance=government, act="government.update", changes=changes)
