"""Template filters of the body registries."""

from __future__ import annotations

from django import template

from zhifa.core import clock

register = template.Library()

_COLOURS = {"in_force": "green", "pending": "blue", "expired": "grey", "revoked": "red"}


@register.filter
def delegation_status(delegation, on=None):
    """(code, label, colour) of a delegation on ``on`` (default today)."""
    code, label = delegation.status_on(on or clock.today())
    return code, label, _COLOURS[code]


@register.filter
def power_in_force(power, on=None):
    return power.in_force(on or clock.today())
