"""What the acts accept, read from a form or an API body into the values the services
use: required text, amounts of money in yuan, penalty terms, points of a defence.

A value of the wrong shape is refused here, at its field, before any rule is checked;
nothing here enforces the law (that is :mod:`zhifa.cases.rules`). Such a refusal has a
stable code from :class:`zhifa.core.error_codes.ErrorCode` and the status 400
(:func:`bad_input`); the services use the same for the input checks they make.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from zhifa.cases import periods
from zhifa.cases.models import DefencePoint, PenaltyTerms
from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError

CENT = Decimal("0.01")
#: The penalty terms that are amounts of money; the others are yes or no.
MONEY_TERMS = ("fine", "confiscation")


def bad_input(code: ErrorCode, message: str, *, field: str | None) -> DomainError:
    """The refusal of a value of the wrong shape (400), with its stable code."""
    return DomainError.of(code.value, message, field=field, status=400)


def covered_date(value: date | None, field: str, what: str) -> date | None:
    """``value``, refused when it is before the day the platform's dated parameters (its
    deadlines) cover: no deadline could be computed from it."""
    if value is not None and value < periods.COVERED_FROM:
        raise bad_input(
            ErrorCode.DATE_NOT_COVERED,
            f"{what}{value:%Y-%m-%d}早于{periods.COVERED_FROM:%Y-%m-%d}：本平台按该日起施行的《行政处罚法》计算期限，"
            "不能登记更早的日期，请核对。",
            field=field,
        )
    return value


def past_date(value: date | None, field: str, what: str) -> date | None:
    """``value``, refused when it is after today (it records something that has happened)."""
    if value is not None and value > clock.today():
        raise bad_input(ErrorCode.FUTURE_DATE, f"{what}{value:%Y-%m-%d}晚于今天，不能登记尚未发生的事实。", field=field)
    return value


def require_text(value: str | None, field: str, message: str) -> str:
    """``value`` stripped; refused with ``message`` at ``field`` when empty."""
    if not (value or "").strip():
        raise bad_input(ErrorCode.REQUIRED, message, field=field)
    return value.strip()


def money(value, field: str) -> Decimal:
    """An amount in yuan, two places, greater than zero."""
    try:
        amount = Decimal(str(value)).quantize(CENT)
    except (InvalidOperation, ValueError, TypeError):
        raise bad_input(ErrorCode.INVALID, "金额应为数字。", field=field) from None
    if amount <= 0:
        raise bad_input(ErrorCode.INVALID, "金额应当大于零。", field=field)
    return amount


def clean_terms(terms: dict | None) -> dict:
    """Penalty terms from a form or the API: booleans and yuan amounts (Decimal, two places)."""
    terms = dict(terms or {})
    unknown = set(terms) - set(PenaltyTerms.TERM_FIELDS)
    if unknown:
        raise bad_input(ErrorCode.INVALID, f"未知的处罚种类：{'、'.join(sorted(unknown))}。", field=sorted(unknown)[0])
    result = {}
    for f in PenaltyTerms.TERM_FIELDS:
        v = terms.get(f)
        if f in MONEY_TERMS:
            result[f] = None if v in (None, "", 0, "0") else money(v, f)
        else:
            result[f] = bool(v)
    return result


def defence_points(points: Iterable | None) -> list[dict]:
    """The points a party raised, each ``{"kind", "text"}`` (a bare string is a reason)."""
    result = []
    for p in points or ():
        if isinstance(p, dict):
            result.append({"kind": p.get("kind") or DefencePoint.Kind.REASON, "text": (p.get("text") or "").strip()})
        else:
            result.append({"kind": DefencePoint.Kind.REASON, "text": str(p).strip()})
    return result


@contextmanager
def named_as_input(**fields: str) -> Iterator[None]:
    """Refusals from the API name the field of the body the caller sent: the rules and the
    services name what they check (``officers``), the body carries ids (``officer_ids``).
    ``named_as_input(officers="officer_ids")`` around the service call renames the field of
    every violation it raises (the rules stay as they are; forms name their own fields)."""
    try:
        yield
    except DomainError as e:
        e.violations = [replace(v, field=fields[v.field]) if v.field in fields else v for v in e.violations]
        raise
