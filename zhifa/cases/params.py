"""Dated legal parameters for the case procedure: core's file first, then this app's
``data/parameters.yaml`` for the few periods core does not hold yet (same format,
same lookup: :mod:`zhifa.core.parameters`)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

from zhifa.core import parameters as core
from zhifa.core import workdays

CASES_FILE = Path(__file__).resolve().parent / "data" / "parameters.yaml"


@cache
def _own() -> dict[str, core.Parameter]:
    raw = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8")) or {}
    result = {}
    for key, entry in raw.items():
        unit = entry["unit"]
        rows = entry["values"]
        versions = []
        for i, row in enumerate(rows):
            if not row.get("source"):
                raise ValueError(f"{key}: every version names its source")
            nxt = rows[i + 1]["from"] - timedelta(days=1) if i + 1 < len(rows) else None
            versions.append(core.Version(row["from"], core.UNITS[unit](str(row["value"])), row["source"], nxt))
        result[key] = core.Parameter(key, entry["label"], unit, tuple(versions))
    return result


def parameter(key: str) -> core.Parameter:
    found = core.all_parameters().get(key) or _own().get(key)
    if found is None:
        raise KeyError(f"unknown legal parameter {key!r}")
    return found


def value(key: str, *, on: date) -> Decimal | int:
    return parameter(key).at(on).value


def version(key: str, *, on: date) -> core.Version:
    return parameter(key).at(on)


def period_end(key: str, *, start: date, on: date | None = None) -> date:
    """The last day of the period ``key`` (the version in force on ``on``, default ``start``)
    counted from ``start``; working days, calendar days (ending on a working day), months or years."""
    p = parameter(key)
    n = p.at(on or start).value
    if p.unit in ("working_days", "days"):
        return workdays.deadline(start, n, p.unit)
    if p.unit == "months":
        return core._add_months(start, n)
    if p.unit == "years":
        return core._add_months(start, 12 * n)
    raise ValueError(f"{key} is not a period")


def describe(key: str, *, on: date) -> str:
    p = parameter(key)
    return f"{p.label}：{p.at(on).display(p.unit)}（{p.at(on).source}）"
