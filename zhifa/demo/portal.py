"""Demo publications: each demo decision that must be published is registered on the day it
was made and published on the day it was served (zhifa.portal.services), then the daily
tick runs once for today (withdrawals and take-downs)."""

from __future__ import annotations

from zhifa.cases.models import Decision
from zhifa.portal import deadlines, services


def load() -> int:
    count = 0
    decisions = Decision.objects.filter(publication__isnull=True).select_related("case__party", "case__agency")
    for decision in decisions.order_by("decided_on", "pk"):
        if not deadlines.required(decision):
            continue
        pub = services.publication_prepare(actor=services.SYSTEM, decision=decision, on=decision.decided_on)
        if decision.served_on:
            services.publication_publish(actor=services.SYSTEM, publication=pub, on=decision.served_on)
        count += 1
    services.tick()
    return count
