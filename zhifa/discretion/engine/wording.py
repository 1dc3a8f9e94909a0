"""How amounts, dates and a standard's conditions read in Chinese (the trace, the
explanation, the benchmark tables)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from zhifa.discretion.engine.facts import BASES, HARM_LABELS, MEASURES

if TYPE_CHECKING:  # the standard types use these words to describe themselves
    from zhifa.discretion.engine.standards import Item

ZERO = Decimal(0)
CENT = Decimal("0.01")
YUAN = Decimal(1)


def num(d: Decimal) -> str:
    d = Decimal(d)
    s = format(d.normalize(), "f") if d == d.to_integral() else format(d.quantize(CENT), "f")
    return s


def yuan(d: Decimal | None) -> str:
    return "—" if d is None else f"{num(d)}元"


def cndate(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def describe_when(item: Item, when: dict) -> str:
    """A standard's condition (``when``) in words: “占道面积超过10、危害后果严重”."""
    parts = []
    for key in ("any", "all"):
        if key in when:
            parts.append(("或" if key == "any" else "且").join(item.circumstances[t] for t in when[key]))
    for key, word in (("lt", "低于"), ("lte", "不超过"), ("gt", "超过"), ("gte", "达到")):
        for name, bound in (when.get(key) or {}).items():
            parts.append(f"{BASES.get(name) or MEASURES.get(name)}{word}{bound}")
    if "harm_at_least" in when:
        parts.append(HARM_LABELS[when["harm_at_least"]])
    return "，".join(parts) or "基准列明的情形"
