"""Records named by id in a request body: the record, or a 400 at the field.

An id the actor may not use answers the same as a missing one (the scoped accessor
raises ``not_found``), so a body cannot probe for records outside the actor's scope.

    agency = reference(selectors.agency_get, data.agency_id, "agency_id", actor)
    articles = references(Article.objects.select_related("basis"), data.article_ids, "article_ids")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import QuerySet

from zhifa.core.errors import DomainError, invalid


def reference(getter: Callable, pk: int | None, field: str, *args):
    """``getter(*args, pk)`` (a scoped accessor); ``not_found`` becomes a 400 at ``field``."""
    if pk is None:
        return None
    try:
        return getter(*args, pk)
    except DomainError as exc:
        if exc.code == "not_found":
            raise invalid("所选记录不存在或您无权使用。", field=field) from None
        raise


def references(queryset: QuerySet, ids: Iterable[int] | None, field: str) -> list:
    """The records of ``ids`` in ``queryset`` (already scoped), in the order given; any missing is a 400."""
    ids = list(dict.fromkeys(ids or []))
    rows = {r.pk: r for r in queryset.filter(pk__in=ids)}
    if len(rows) != len(ids):
        raise invalid("所选记录中有不存在或您无权使用的。", field=field)
    return [rows[i] for i in ids]
