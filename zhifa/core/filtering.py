"""One filter definition per list, read by its page and by its API operation.

A list's filters are a django-filter ``FilterSet`` (the page shows its form). The API
operation takes the same filters as query parameters, declared from the FilterSet so
that the OpenAPI schema documents each one with its Chinese label:

    AgencyQuery = query_schema(filters.AgencyFilter)

    @router.get("agencies", response=...)
    @paginate(LimitOffsetPagination)
    def agency_list(request, query: Query[AgencyQuery]):
        return filtered(filters.AgencyFilter, selectors.agency_list(), query)

A filter the page does not show (an id the API takes) has a ``HiddenInput`` widget.
A value the FilterSet refuses (an unknown choice, a missing record) is a 400 at its
parameter, not an empty list.
"""

from __future__ import annotations

from datetime import date

import django_filters
from django.db.models import QuerySet
from ninja import Field, Schema
from pydantic import create_model

from zhifa.core.errors import invalid

_TYPES = (
    ((django_filters.ModelChoiceFilter, django_filters.NumberFilter), int),
    ((django_filters.BooleanFilter,), bool),
)


def _type(flt: django_filters.Filter) -> type:
    if flt.extra.get("to_field_name"):  # a record named by another field (a code)
        return str
    for kinds, python_type in _TYPES:
        if isinstance(flt, kinds):
            return python_type
    if isinstance(flt, django_filters.DateFilter):
        return date
    return str


def query_schema(filterset_class: type[django_filters.FilterSet]) -> type[Schema]:
    """The query parameters of ``filterset_class``: each optional, described by its label."""
    fields = {}
    for name, flt in filterset_class.base_filters.items():
        choices = getattr(flt, "extra", {}).get("choices")
        label = str(flt.label or name)
        if choices and not callable(choices):
            label += "：" + "、".join(f"{value}（{text}）" for value, text in choices)
        fields[name] = (_type(flt) | None, Field(None, description=label))
    return create_model(f"{filterset_class.__name__}Query", __base__=Schema, **fields)


def filtered(filterset_class: type[django_filters.FilterSet], queryset: QuerySet, query: Schema) -> QuerySet:
    """``queryset`` narrowed by ``query`` through ``filterset_class``; a refused value is a 400."""
    data = {k: v for k, v in query.dict().items() if v not in (None, "")}
    if not data:
        return queryset
    filterset = filterset_class(data, queryset=queryset)
    if not filterset.is_valid():
        field, messages = next(iter(filterset.errors.items()))
        raise invalid(f"查询条件“{filterset.form.fields[field].label}”无效：{messages[0]}", field=field)
    return filterset.qs
