"""Working days, as the law counts them: weekends and Chinese public holidays excluded,
adjusted working weekends (调休) included.

The State Council publishes each year's holiday arrangement late in the year before.
Years the ``chinese-calendar`` package covers are exact; for a later year zhifa uses
``data/holidays.yaml`` when the arrangement has been entered there, and otherwise
counts Monday to Friday and marks the result *provisional* so pages can say so.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import chinese_calendar
import yaml

HOLIDAYS_FILE = Path(__file__).resolve().parent / "data" / "holidays.yaml"
#: Counting is by a table of each year's working days from this year on (a list of cases
#: counts days left on every row: a bisect, not a walk day by day); earlier dates, which
#: no case reaches, are walked.
TABLE_FROM = 2000


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


@cache
def _year(year: int) -> tuple[int, ...]:
    """The ordinals of the working days of ``year``, in order."""
    d, end, out = date(year, 1, 1), date(year, 12, 31), []
    while d <= end:
        if is_working_day(d):
            out.append(d.toordinal())
        d += timedelta(days=1)
    return tuple(out)


@cache
def _before(year: int) -> int:
    """Working days from TABLE_FROM up to the end of the year before ``year``."""
    return 0 if year <= TABLE_FROM else _before(year - 1) + len(_year(year - 1))


def _through(d: date) -> int:
    """Working days from TABLE_FROM up to and including ``d``."""
    return _before(d.year) + bisect_right(_year(d.year), d.toordinal())


def _tabled(*days: date) -> bool:
    return all(TABLE_FROM <= d.year < date.max.year for d in days)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start`` (the day of the act itself is not counted)."""
    if n < 0:
        raise ValueError("n must not be negative")
    if n and _tabled(start):
        wanted, year = _through(start) + n, start.year
        while _before(year + 1) < wanted:
            year += 1
        return date.fromordinal(_year(year)[wanted - _before(year) - 1])
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
    if _tabled(start, end):
        return _through(end) - _through(start)
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
