"""Numbers (文号) of the kinds the documents app numbers itself (kinds.OWN_SERIES):
渝中市监催〔2026〕3号 — the agency's prefix, the kind's word, the year, the serial.

Unique and without gaps per agency, kind and year: the series row is locked while a
number is drawn, inside the issuing transaction, so a refused or failed issue rolls
its number back with it and two issues at once never get the same number."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from zhifa.documents.kinds import OWN_SERIES
from zhifa.documents.models import Serial


def next_number(agency, kind: str, year: int) -> tuple[str, int]:
    """Draw the next number of ``kind`` for ``agency`` in ``year``: (number, serial).
    Call inside the issuing transaction."""
    word = OWN_SERIES[kind]
    try:
        with transaction.atomic():
            Serial.objects.get_or_create(agency=agency, kind=kind, year=year)
    except IntegrityError:  # created at the same moment by another issue
        pass
    serial = Serial.objects.select_for_update().get(agency=agency, kind=kind, year=year)
    serial.last += 1
    serial.save(update_fields=["last"])
    return f"{agency.case_prefix}{word}〔{year}〕{serial.last}号", serial.last
