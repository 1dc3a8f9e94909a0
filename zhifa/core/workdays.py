"""Working days, as the law counts them: weekends and Chinese public holidays excluded,
adjusted working weekends (调休) included.

The State Council publishes each year's holiday arrangement late in the year before.
Years the ``chinese-calendar`` package covers are exact; for a later year zhifa uses
``data/holidays.yaml`` when the arrangement has been entered there, and otherwise
counts Monday to Friday and marks the result *provisional* so pages can say so.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from pathlib import Path

import chinese_calendar
import yaml

HOLIDAYS_FILE = Path(__file__).resolve().parent / "data" / "holidays.yaml"


@cache
def _local_arrangements() -> dict[int, dict[str, set[date]]]:
    if not HOLIDAYS_FILE.exists():
        return {}
    data = yaml.safe_load(HOLIDAYS_FILE.read_text(encoding="utf-8")) or {}
    return {
        int(year): {
            "holidays": set(entry.get("holidays", [])),
            "workdays": set(entry.get("workdays", [])),
        }
        for year, entry in data.items()
    }


def is_known_year(year: int) -> bool:
    """Whether the official arrangement for ``year`` is known (not provisional)."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
        return True
    except NotImplementedError:
        return year in _local_arrangements()


def is_provisional(d: date) -> bool:
    return not is_known_year(d.year)


def is_working_day(d: date) -> bool:
    try:
        return chinese_calendar.is_workday(d)
    except NotImplementedError:
        local = _local_arrangements().get(d.year)
        if local:
            if d in local["workdays"]:
                return True
            if d in local["holidays"]:
                return False
        return d.weekday() < 5


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start`` (the day of the act itself is not counted)."""
    if n < 0:
        raise ValueError("n must not be negative")
    d = start
    while n:
        d += timedelta(days=1)
        if is_working_day(d):
            n -= 1
    return d


def add_days(start: date, n: int) -> date:
    """A period of n calendar days from ``start`` (the day itself not counted); when its
    last day is a holiday, the period ends on the next working day (行政诉讼法第一百零一条,
    民事诉讼法 on periods)."""
    end = start + timedelta(days=n)
    while not is_working_day(end):
        end += timedelta(days=1)
    return end


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
    if end < start:
        return -working_days_between(end, start)
    count, d = 0, start
    while d < end:
        d += timedelta(days=1)
        if is_working_day(d):
            count += 1
    return count


def deadline(start: date, n: int, unit: str) -> date:
    """The last day of a period of ``n`` ``unit`` ("working_days" or "days") from ``start``."""
    if unit == "working_days":
        return add_working_days(start, n)
    if unit == "days":
        return add_days(start, n)
    raise ValueError(f"unknown unit {unit!r}")
