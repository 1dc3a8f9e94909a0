"""The bridge to the discretion engine (zhifa.discretion): D3.6, D3.10c.

The investigation report records the circumstances; the engine proposes the outcome
from the benchmark in force (the most lenient version between the act and the
decision, PL Art. 37). An officer's proposal, or a head's decision, that leaves the
proposed outcome or tier is a *departure*: it needs written reasons in the report
(``departure_explained``), legal review before the decision (a ground of
:func:`zhifa.cases.checklist.legal_review_grounds`), and it is registered with the
discretion app (``departure_record``), which counts departures per officer and agency.
When no benchmark covers the item, the report keeps only the circumstances and the
officer's proposal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from zhifa.core.audit import _plain
from zhifa.core.errors import DomainError


@dataclass(frozen=True)
class Assessment:
    """The engine's proposal for a case and whether a chosen outcome departs from it."""

    proposal: object | None  # zhifa.discretion.engine.Proposal
    unavailable: str = ""
    departs: bool = False
    chosen_outcome: str = ""
    chosen_amount: Decimal | None = None

    def summary(self) -> dict:
        """What the report keeps and the case page shows."""
        p = self.proposal
        if p is None:
            return {"unavailable": self.unavailable} if self.unavailable else {}
        return _plain(
            {
                "standard": p.version_citation,
                "outcome": p.outcome_label,
                "engine_outcome": p.outcome,
                "tier": p.tier_label,
                "fine_min": p.fine_min,
                "fine_max": p.fine_max,
                "recommended": p.recommended,
                "explanation": p.explanation,
                "departs": self.departs,
                "trace": [s.as_dict() for s in p.trace],
            }
        )


def chosen(outcome: str, terms: dict) -> tuple[str, Decimal | None]:
    """A case outcome and its penalty terms in the engine's words: no_penalty / warning / penalty."""
    if outcome != "penalty":
        return "no_penalty", None
    if terms.get("fine"):
        return "penalty", Decimal(str(terms["fine"]))
    if terms.get("warning") and not any(v for k, v in terms.items() if k != "warning"):
        return "warning", None
    return "penalty", None


def facts_of(case, circumstances: dict) -> tuple[dict, int]:
    """The engine's facts (the recorded circumstances and the kind of party) and prior violations."""
    facts = {k: v for k, v in (circumstances or {}).items() if k != "prior_violations"}
    if case.party is not None:
        facts.setdefault("party_kind", "individual" if case.party.is_person else "organisation")
    return facts, int((circumstances or {}).get("prior_violations", 0) or 0)


def assess(case, circumstances: dict, on: date, outcome: str, terms: dict) -> Assessment:
    """The engine's proposal for ``case`` with the recorded ``circumstances``, decided on ``on``,
    and whether ``outcome``/``terms`` depart from it."""
    try:
        from zhifa.discretion import services
    except ImportError:
        return Assessment(None)
    if case.violation_item is None or case.act_date is None or outcome == "transfer_judiciary":
        return Assessment(None)
    codes = services.item_codes_for(case.violation_item.code)
    if not codes:
        return Assessment(None, unavailable="该违法行为事项尚无已公布的裁量基准，按法定幅度裁量并在理由中说明。")
    facts, prior = facts_of(case, circumstances)
    try:
        if len(codes) == 1:
            p = services.propose(
                item_code=codes[0], act_date=case.act_date, decision_date=on, facts=facts, prior_violations=prior
            )
        else:  # one act under several provisions: one fine, by the higher provision (PL Art. 29)
            p = services.propose_for_act(
                item_codes=codes, act_date=case.act_date, decision_date=on, facts=facts, prior_violations=prior
            )
    except DomainError as exc:
        return Assessment(None, unavailable=exc.message)
    except (LookupError, ValueError, TypeError) as exc:
        return Assessment(None, unavailable=str(exc))
    engine_outcome, amount = chosen(outcome, terms)
    departs = services.departure_required(p, outcome=engine_outcome, amount=amount)
    return Assessment(p, departs=departs, chosen_outcome=engine_outcome, chosen_amount=amount)


def register_departure(
    *, actor, case, assessment: Assessment, circumstances: dict, reasons: str, reviewer, officer
) -> None:
    """Record the departure with the discretion app, which checks it once more and counts it."""
    from zhifa.discretion import services

    facts, prior = facts_of(case, circumstances)
    services.departure_record(
        actor=actor,
        agency=case.agency,
        officer=officer,
        case_reference=str(case),
        case_id=case.pk,
        proposal=assessment.proposal,
        facts=facts,
        chosen_outcome=assessment.chosen_outcome,
        chosen_amount=assessment.chosen_amount,
        reasons=reasons,
        reviewer=reviewer,
        prior_violations=prior,
    )
