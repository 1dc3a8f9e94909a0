"""The bridge to the discretion engine (zhifa.discretion), when it is installed.

The engine proposes the outcome for the recorded circumstances from the benchmark; the
report keeps its proposal (and explanation) beside the amount the officer proposes.
Until the engine exists, or when it has no benchmark for the item, the report records
the circumstances and the officer's own proposal only.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from zhifa.core.audit import _plain
from zhifa.core.errors import DomainError


def _engine():
    try:
        from zhifa.discretion import services
    except ImportError:
        return None
    return getattr(services, "propose", None)


def departs(proposal: dict, fine) -> bool:
    """Whether the officer's fine leaves the tier the engine proposed (a departure needs reasons, D3.6)."""
    from decimal import Decimal

    if not proposal or "fine_min" not in proposal or fine is None:
        return False
    lo, hi = proposal.get("fine_min"), proposal.get("fine_max")
    return (lo is not None and fine < Decimal(str(lo))) or (hi is not None and fine > Decimal(str(hi)))


def propose(case, circumstances: dict, on: date) -> dict:
    engine = _engine()
    if engine is None or case.violation_item is None or case.act_date is None:
        return {}
    facts = {k: v for k, v in circumstances.items() if k != "prior_violations"}
    if case.party is not None:
        facts.setdefault("party_kind", "individual" if case.party.is_person else "organisation")
    try:
        result = engine(item_code=case.violation_item.code, act_date=case.act_date, decision_date=on, facts=facts,
                        prior_violations=int(circumstances.get("prior_violations", 0) or 0))
    except DomainError as exc:
        return {"unavailable": exc.message}
    except (LookupError, ValueError, TypeError) as exc:
        return {"unavailable": str(exc)}
    if hasattr(result, "tier_label") and hasattr(result, "explanation"):
        return _plain({
            "standard": getattr(result, "version_citation", ""), "outcome": getattr(result, "outcome_label", result.outcome),
            "tier": result.tier_label, "fine_min": result.fine_min, "fine_max": result.fine_max,
            "recommended": result.recommended, "explanation": result.explanation,
        })
    if dataclasses.is_dataclass(result):
        result = dataclasses.asdict(result)
    elif hasattr(result, "as_dict"):
        result = result.as_dict()
    elif not isinstance(result, dict):
        result = {"proposal": str(result)}
    return _plain(result)
