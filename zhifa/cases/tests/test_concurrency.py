"""Two conflicting acts on one case at once: one succeeds, the other gets a clear conflict
(409) and leaves nothing half-done. Needs PostgreSQL's row locks (select_for_update)."""

import threading
import time

import pytest
from django.db import connection

from zhifa.cases import numbering, services
from zhifa.cases.models import Case, Status
from zhifa.cases.tests.builders import D0, clue, executing, make_world, propose, wd
from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(*acts):
    barrier = threading.Barrier(len(acts))
    results = [None] * len(acts)

    def run(i, act):
        try:
            barrier.wait()
            results[i] = act()
        except DomainError as exc:
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(acts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_approving_and_refusing_filing_at_once(monkeypatch):
    w = make_world()
    case = propose(w, clue(w))
    slow = numbering.next_number

    def next_number(*args, **kw):  # hold the case's lock a while, so the other act must wait for it
        time.sleep(0.5)
        return slow(*args, **kw)

    monkeypatch.setattr(numbering, "next_number", next_number)
    results = _race(
        lambda: services.filing_approve(actor=w.head, case=case.pk, on=wd(D0, 1)),
        lambda: services.filing_refuse(actor=w.head2, case=case.pk, reason="不属于违法行为。", on=wd(D0, 1)),
    )
    errors = [r for r in results if isinstance(r, DomainError)]
    done = [r for r in results if isinstance(r, Case)]
    assert len(done) == 1 and len(errors) == 1, results
    assert errors[0].status == 409 and errors[0].code == "conflict" and "刷新" in errors[0].message
    final = Case.objects.get(pk=case.pk)
    assert final.status == done[0].status and final.version == case.version + 1
    acts = set(AuditEvent.objects.filter(object_id=str(case.pk)).values_list("act", flat=True))
    assert ("case.filing_approve" in acts) != ("case.filing_refuse" in acts)
    if final.status == Status.INVESTIGATING:
        assert final.filing_number == "渝中市监立〔2026〕1号"


def test_two_payments_with_the_same_receipt_at_once_record_one():
    w = make_world()
    case = executing(w)

    def pay():
        return services.payment_record(
            actor=w.wang,
            case=case.pk,
            paid_on=wd(D0, 15),
            amount="3240",
            method="bank",
            bank="工商银行",
            receipt_number="SAME-1",
            on=wd(D0, 15),
        )

    results = _race(pay, pay)
    assert sum(1 for r in results if not isinstance(r, DomainError)) == 1, results
    assert Case.objects.get(pk=case.pk).payments.count() == 1
