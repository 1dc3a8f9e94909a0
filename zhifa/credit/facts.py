"""The facts a credit rating is computed from: final penalty decisions (``cases``) and
random-inspection results, and the upheld objections. A fixed number of queries for any
number of parties."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from zhifa.cases.models import Decision, Outcome, PenaltyTerms
from zhifa.core import parameters
from zhifa.credit.models import CreditObjection, PlanTarget
from zhifa.credit.rating import DecisionFact, InspectionFact, Rating, rate


def _threshold(kind: str, on: date) -> Decimal:
    key = "hearing_large_fine_citizen" if kind == "person" else "hearing_large_fine_organisation"
    return Decimal(parameters.value(key, on=on))


def ratings(party_ids, on: date) -> dict[int, Rating]:
    ids = list(party_ids)
    decisions: dict[int, list] = defaultdict(list)
    rows = (
        Decision.objects.filter(
            case__party_id__in=ids, outcome=Outcome.PENALTY, served_on__isnull=False, served_on__lte=on
        )
        .select_related("case__party", "case__agency")
        .order_by("served_on", "pk")
    )
    for d in rows:
        party = d.case.party
        decisions[party.pk].append(
            DecisionFact(
                key=f"decision:{d.pk}",
                number=d.number,
                agency_id=d.case.agency_id,
                agency_name=d.case.agency.name,
                served_on=d.served_on,
                serious=any(getattr(d, f) for f in PenaltyTerms.HEARING_KINDS),
                amount=(d.fine or 0) + (d.confiscation or 0),
                large_threshold=_threshold(party.kind, d.served_on),
                warning=d.warning,
            )
        )
    inspections: dict[int, list] = defaultdict(list)
    results = (
        PlanTarget.objects.filter(
            party_id__in=ids, result_on__isnull=False, result_on__lte=on, reviewed_on__isnull=False
        )
        .exclude(result="")
        .select_related("plan__agency")
    )
    for t in results:
        inspections[t.party_id].append(
            InspectionFact(
                key=f"inspection:{t.pk}",
                plan_title=t.plan.title,
                agency_id=t.plan.agency_id,
                agency_name=t.plan.agency.name,
                result=t.result,
                result_label=t.get_result_display(),
                result_on=t.result_on,
            )
        )
    upheld: dict[int, set] = defaultdict(set)
    for party_id, key in CreditObjection.objects.filter(
        party_id__in=ids, status=CreditObjection.Status.UPHELD
    ).values_list("party_id", "line_key"):
        upheld[party_id].add(key)
    return {pid: rate(decisions[pid], inspections[pid], on, frozenset(upheld[pid])) for pid in ids}


def rating(party, on: date) -> Rating:
    return ratings([party.pk], on)[party.pk]
