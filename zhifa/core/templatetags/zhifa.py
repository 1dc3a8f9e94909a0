"""Template filters used across pages: money, dates, badges, clause labels."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.html import format_html

from zhifa.core import acts, clock
from zhifa.core.clauses import UnknownClause, clause

register = template.Library()


@register.filter
def yuan(value) -> str:
    """12345.6 → ¥12,345.60"""
    if value in (None, ""):
        return "—"
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return str(value)
    return f"¥{amount:,}"


@register.filter
def cndate(value) -> str:
    if not value:
        return "—"
    if hasattr(value, "hour"):
        from django.utils import timezone

        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
    return f"{value.year}年{value.month}月{value.day}日"


@register.simple_tag
def badge(text, colour="grey"):
    # format_html escapes colour and text; only the literal template is markup.
    return format_html('<span class="badge {}">{}</span>', colour, text)


@register.filter
def clause_label(clause_id: str) -> str:
    try:
        return f"{clause(clause_id).label}[{clause_id}]"
    except UnknownClause:
        return clause_id


@register.filter
def days_until(value) -> int | None:
    if not value:
        return None
    return (value - clock.today()).days


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def act_label(name: str) -> str:
    """The Chinese label of an audit act (zhifa.core.acts)."""
    return acts.label(name)
