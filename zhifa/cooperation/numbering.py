"""Document numbers of cooperation letters (文号), on the case procedure's yearly series
table (``cases.NumberSequence``: one row per agency, kind and year, locked while a number
is drawn), with this app's own kinds."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from zhifa.cases.models import NumberSequence

#: kind → the character(s) after the agency's prefix
KINDS = {
    "assistance": "协",
    "information": "询",
}


def next_number(agency, kind: str, year: int) -> str:
    """Draw the next number of ``kind`` for ``agency`` in ``year`` (inside the act's transaction)."""
    word = KINDS[kind]
    try:
        with transaction.atomic():
            NumberSequence.objects.get_or_create(agency=agency, kind=f"coop_{kind}", year=year)
    except IntegrityError:  # created at the same moment by another act
        pass
    seq = NumberSequence.objects.select_for_update().get(agency=agency, kind=f"coop_{kind}", year=year)
    seq.last += 1
    seq.save(update_fields=["last"])
    return f"{agency.case_prefix}{word}〔{year}〕{seq.last}号"
