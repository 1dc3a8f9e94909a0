"""Numbers and issues at the same moment, on PostgreSQL (row locks): numbers of one agency,
kind and year are unique and without gaps, also when some issues fail after drawing; one
document is issued once even when two officers press the button together."""

import threading

import pytest
from django.db import connection, transaction

from zhifa.core.errors import DomainError
from zhifa.documents import numbering, services
from zhifa.documents.kinds import Kind
from zhifa.documents.models import Document, Serial
from zhifa.documents.tests.builders import decided

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(n, fn):
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        try:
            barrier.wait()
            results[i] = fn(i)
        except (DomainError, RuntimeError) as exc:
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_numbers_drawn_at_once_are_unique_and_without_gaps():
    from zhifa.documents.tests.conftest import make_documents_world

    w = make_documents_world()

    def draw(i):
        with transaction.atomic():
            number, serial = numbering.next_number(w.agency, Kind.PAYMENT_REMINDER, 2026)
            if i % 4 == 3:  # this issue fails after drawing: its number goes back
                raise RuntimeError(number)
            return serial

    results = _race(12, draw)
    serials = sorted(r for r in results if isinstance(r, int))
    assert serials == list(range(1, len(serials) + 1)) and len(serials) == 9, results
    assert Serial.objects.get(agency=w.agency, kind=Kind.PAYMENT_REMINDER, year=2026).last == 9


def test_one_decision_is_issued_once_when_two_officers_issue_it_together():
    from zhifa.documents.tests.conftest import make_documents_world

    w = make_documents_world()
    case = decided(w)
    actors = [w.zhang, w.li]
    results = _race(2, lambda i: services.document_issue(actor=actors[i], case=case, kind=Kind.PENALTY_DECISION))
    issued = [r for r in results if isinstance(r, Document)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(issued) == 1 and len(refused) == 1, results
    assert refused[0].code in ("duplicate", "conflict")
    assert Document.objects.filter(kind=Kind.PENALTY_DECISION).count() == 1
