"""Reads of enforcement bodies. Governments, agencies and powers are public records
(D3.1c); delegations and posts are visible to the agencies concerned and above."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from zhifa.core.errors import not_found
from zhifa.org.models import Government


def government_list() -> QuerySet:
    return Government.objects.select_related("parent").order_by("division_code")


def government_get(pk: int) -> Government:
    try:
        return government_list().get(pk=pk)
    except (Government.DoesNotExist, ValueError, TypeError):
        raise not_found("人民政府") from None
