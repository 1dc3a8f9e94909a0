"""Template filters of the officer registries."""

from __future__ import annotations

from django import template

from zhifa.core import clock
from zhifa.people.standing import STATUS_COLOURS, STATUS_LABELS, status_of
from zhifa.people.standing import current_certificate as latest

register = template.Library()


@register.filter
def certificate_status(certificate, on=None):
    """(code, label, colour) of a certificate on ``on`` (default today); uses the
    ``status`` annotation when the list has one."""
    code = getattr(certificate, "status", None)
    if code is None:
        code, _ = status_of(certificate, on or clock.today())
    return code, STATUS_LABELS[code], STATUS_COLOURS[code]


@register.filter
def current_certificate(officer, on=None):
    """The officer's latest certificate issued on or before ``on`` (from prefetched rows)."""

    return latest(officer, on or clock.today())
