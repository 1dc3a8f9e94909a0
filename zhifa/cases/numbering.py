"""Document numbers (文号) from the agency's ``case_prefix``: 渝中市监罚〔2026〕12号.

Each kind of document has its own yearly series per agency; the series row is locked
while a number is drawn, so two acts never get the same number.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from zhifa.cases.models import NumberSequence

#: kind → the character(s) after the agency's prefix
KINDS = {
    "filing": "立",
    "notice": "罚告",
    "penalty": "罚",
    "no_penalty": "不罚",
    "simple": "简罚",
    "transfer": "移",
    "judiciary": "刑移",
    "archive": "档",
}


def next_number(agency, kind: str, year: int) -> str:
    """Draw the next number of ``kind`` for ``agency`` in ``year`` (call inside the act's transaction)."""
    word = KINDS[kind]
    try:
        with transaction.atomic():
            seq, _ = NumberSequence.objects.get_or_create(agency=agency, kind=kind, year=year)
    except IntegrityError:  # created at the same moment by another act
        pass
    seq = NumberSequence.objects.select_for_update().get(agency=agency, kind=kind, year=year)
    seq.last += 1
    seq.save(update_fields=["last"])
    return f"{agency.case_prefix}{word}〔{year}〕{seq.last}号"
