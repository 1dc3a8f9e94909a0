"""Dated legal parameters, looked up as in force on a date.

    >>> parameters.value("hearing_large_fine_citizen", on=date(2024, 1, 1))
    Decimal('5000')

Values live in ``data/parameters.yaml`` with their effective dates and sources
(OpenFisca's parameter files are the model). Money and rates are ``Decimal``;
periods are ``int`` with their unit. Asking for a date before the first version
raises :class:`NotInForce`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

from zhifa.core import workdays

PARAMETERS_FILE = Path(__file__).resolve().parent / "data" / "parameters.yaml"
UNITS = {
    "yuan": Decimal,
    "percent": Decimal,
    "working_days": int,
    "days": int,
    "months": int,
    "years": int,
    "times": int,
}
UNIT_LABELS = {
    "yuan": "元",
    "percent": "%",
    "working_days": "个工作日",
    "days": "日",
    "months": "个月",
    "years": "年",
    "times": "次",
}


class NotInForce(LookupError):
    """No version of the parameter was in force on that date."""


@dataclass(frozen=True)
class Version:
    effective_from: date
    value: Decimal | int
    source: str
    effective_to: date | None = None  # the day before the next version, if any

    def display(self, unit: str) -> str:
        return f"{self.value}{UNIT_LABELS[unit]}"


@dataclass(frozen=True)
class Parameter:
    key: str
    label: str
    unit: str
    versions: tuple[Version, ...]

    def at(self, on: date) -> Version:
        for version in reversed(self.versions):
            if version.effective_from <= on:
                return version
        raise NotInForce(f"{self.label}（{self.key}）在 {on:%Y-%m-%d} 尚无生效的规定")


@cache
def all_parameters() -> dict[str, Parameter]:
    from datetime import timedelta

    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    result = {}
    for key, entry in raw.items():
        unit = entry["unit"]
        if unit not in UNITS:
            raise ValueError(f"{key}: unknown unit {unit!r}")
        rows = entry["values"]
        dates = [row["from"] for row in rows]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise ValueError(f"{key}: versions must be in ascending order of date")
        versions = []
        for i, row in enumerate(rows):
            if not row.get("source"):
                raise ValueError(f"{key}: every version names its source")
            nxt = rows[i + 1]["from"] - timedelta(days=1) if i + 1 < len(rows) else None
            versions.append(Version(row["from"], UNITS[unit](str(row["value"])), row["source"], nxt))
        result[key] = Parameter(key, entry["label"], unit, tuple(versions))
    return result


def parameter(key: str) -> Parameter:
    try:
        return all_parameters()[key]
    except KeyError:
        raise KeyError(f"unknown legal parameter {key!r} (see core/data/parameters.yaml)") from None


def version(key: str, *, on: date) -> Version:
    return parameter(key).at(on)


def value(key: str, *, on: date) -> Decimal | int:
    return parameter(key).at(on).value


def period_end(key: str, *, start: date, on: date | None = None) -> date:
    """The last day of the period ``key`` (in force on ``on``, default ``start``) counted from ``start``."""

    p = parameter(key)
    n = p.at(on or start).value
    if p.unit in ("working_days", "days"):
        return workdays.deadline(start, n, p.unit)
    if p.unit == "months":
        return workdays.add_days(_add_months(start, n), 0)
    if p.unit == "years":
        return _add_months(start, 12 * n)
    raise ValueError(f"{key} is not a period")


def _add_months(d: date, months: int) -> date:
    import calendar

    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def describe(key: str, *, on: date) -> str:
    """标签：数值（依据）, as refusals and pages cite a parameter."""
    p = parameter(key)
    v = p.at(on)
    return f"{p.label}：{v.display(p.unit)}（{v.source}）"
