"""The one clock: what "today" and "now" are, in Beijing time (``TIME_ZONE``).

Every part of zhifa asks this module, never ``date.today()`` (which is the machine's
day, UTC on a server, and a day behind Beijing between 00:00 and 08:00) nor
``datetime.now()``. Tests freeze it with time-machine: every test starts at ``zhifa.testing.SUITE_NOW``
(``conftest._frozen_clock``) and nests ``zhifa.testing.frozen(...)`` for another moment.
``zhifa/core/tests/test_clock.py`` fails when a module asks the machine instead.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    """The current instant (timezone-aware)."""
    return timezone.now()


def today() -> date:
    """Today's date in Beijing (the day the law counts from)."""
    return timezone.localdate()
