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

from zhifa.accounts.models import User
from zhifa.cases.models import Case, Outcome
from zhifa.core.audit import plain
from zhifa.discretion import engine
from zhifa.discretion import services as discretion
from zhifa.discretion.versions import active_versions
from zhifa.people.models import Officer

#: What the report keeps when no benchmark in force holds the case's violation item.
NO_BENCHMARK = "该违法行为事项尚无已公布的裁量基准，按法定幅度裁量并在理由中说明。"
#: The facts the engine accepts (D1.2): what the law and the benchmarks list as factors.
LISTED_FACTORS = engine.FACT_FIELDS


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
        return plain(
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


def facts_of(case: Case, circumstances: dict) -> tuple[dict, int]:
    """The engine's facts (the recorded circumstances and the kind of party) and prior violations."""
    facts = {k: v for k, v in (circumstances or {}).items() if k != "prior_violations"}
    if case.party is not None:
        facts.setdefault("party_kind", "individual" if case.party.is_person else "organisation")
    return facts, int((circumstances or {}).get("prior_violations", 0) or 0)


def assess(case: Case, circumstances: dict, on: date, outcome: str, terms: dict) -> Assessment:
    """The engine's proposal for ``case`` with the recorded ``circumstances``, decided on ``on``,
    and whether ``outcome``/``terms`` depart from it.

    No benchmark applies when the case has no violation item or act date yet, when it goes
    to the judiciary, or when no benchmark in force between the act and the decision holds
    the item. Otherwise whatever the engine refuses (a factor the law does not list, D1.2;
    a bad value) is the act's refusal, and an engine error is an error: nothing here turns
    a failure into "no benchmark".
    """
    if case.violation_item is None or case.act_date is None or outcome == Outcome.TRANSFER_JUDICIARY:
        return Assessment(None)
    versions = active_versions()
    codes = [
        code
        for code in discretion.item_codes_for(case.violation_item.code)
        if engine.candidate_versions(versions, code, case.act_date, on)
    ]
    if not codes:
        return Assessment(None, unavailable=NO_BENCHMARK)
    facts, prior = facts_of(case, circumstances)
    if len(codes) == 1:
        p = discretion.propose(
            item_code=codes[0], act_date=case.act_date, decision_date=on, facts=facts, prior_violations=prior
        )
    else:  # one act under several provisions: one fine, by the higher provision (PL Art. 29)
        p = discretion.propose_for_act(
            item_codes=codes, act_date=case.act_date, decision_date=on, facts=facts, prior_violations=prior
        )
    engine_outcome, amount = chosen(outcome, terms)
    departs = discretion.departure_required(p, outcome=engine_outcome, amount=amount)
    return Assessment(p, departs=departs, chosen_outcome=engine_outcome, chosen_amount=amount)


def register_departure(
    *,
    actor: User,
    case: Case,
    assessment: Assessment,
    circumstances: dict,
    reasons: str,
    reviewer: User | None,
    officer: Officer | None,
) -> None:
    """Record the departure with the discretion app, which checks it once more and counts it."""
    facts, prior = facts_of(case, circumstances)
    discretion.departure_record(
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
