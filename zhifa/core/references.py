"""Records by id: in a path (the record, or "not found") and in a request body (the
record, or a 400 at the field).

Every scoped accessor (``<thing>_get(user, pk)`` in an app's selectors) ends in
:func:`get_or_not_found`, so a record outside the actor's scope answers the same as a
missing one. An id in a body goes through the same accessor with :func:`reference`, so a
body cannot probe for records outside the actor's scope either.

    def agency_get(pk) -> Agency:
        return get_or_not_found(agency_list(), "执法主体", pk=pk)

    agency = reference(selectors.agency_get, data.agency_id, "agency_id", actor)
    articles = references(Article.objects.select_related("basis"), data.article_ids, "article_ids")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import Model, QuerySet

from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, invalid, not_found


def get_or_not_found(queryset: QuerySet, what: str, **lookup) -> Model:
    """The one record of ``queryset`` (already scoped) matching ``lookup``, or ``not_found(what)``.

    A malformed key (``pk="abc"``) is "not found" too, never a 500.
    """
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise not_found(what) from None


def reference(getter: Callable, pk: int | None, field: str, *args):
    """``getter(*args, pk)`` (a scoped accessor); ``not_found`` becomes a 400 at ``field``."""
    if pk is None:
        return None
    try:
        return getter(*args, pk)
    except DomainError as exc:
        if exc.code == ErrorCode.NOT_FOUND:
            raise invalid("所选记录不存在或您无权使用。", field=field) from None
        raise


def references(queryset: QuerySet, ids: Iterable[int] | None, field: str) -> list:
    """The records of ``ids`` in ``queryset`` (already scoped), in the order given; any missing is a 400."""
    ids = list(dict.fromkeys(ids or []))
    rows = {r.pk: r for r in queryset.filter(pk__in=ids)}
    if len(rows) != len(ids):
        raise invalid("所选记录中有不存在或您无权使用的。", field=field)
    return [rows[i] for i in ids]
