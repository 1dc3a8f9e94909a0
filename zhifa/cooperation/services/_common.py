"""Steps every cooperation act takes (private to the services)."""

from __future__ import annotations

from datetime import date

from zhifa.cases import rules as case_rules
from zhifa.core import clock
from zhifa.core.rules import enforce


def act_date(on: date | None, *, earliest: date | None = None) -> date:
    """The act's date: today unless given; never in the future nor before the step it follows (D1.5)."""
    on = on or clock.today()
    enforce(case_rules.act_dated_truthfully(on, clock.today(), earliest))
    return on
