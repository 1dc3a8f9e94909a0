"""What the engine answers: a :class:`Proposal` and the :class:`Step` s of its reasoning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from zhifa.discretion.engine.wording import ZERO


@dataclass(frozen=True)
class Step:
    """One step of the reasoning: what was found, by which clause, article and standard row."""

    stage: str
    text: str
    clauses: tuple[str, ...] = ()
    law: tuple[str, ...] = ()
    row: str = ""

    def as_dict(self) -> dict:
        return {
            "stage": self.stage,
            "text": self.text,
            "clauses": list(self.clauses),
            "law": list(self.law),
            "row": self.row,
        }


@dataclass(frozen=True)
class Proposal:
    item_code: str
    violation: str
    standard_code: str
    standard_title: str
    version: str
    version_citation: str
    outcome: str  # no_penalty | warning | penalty
    tier: str  # no_penalty, warning, reduce, mitigate, ordinary, aggravate, or the standard's level
    tier_label: str
    tier_rank: int
    fine_min: Decimal | None
    fine_max: Decimal | None
    recommended: Decimal | None
    statutory_min: Decimal | None
    statutory_max: Decimal | None
    penalties: tuple[tuple[str, str], ...]  # (kind, text)
    education: bool
    aggravating: tuple[str, ...]
    mitigating: tuple[str, ...]
    mandatory: tuple[str, ...]
    trace: tuple[Step, ...]
    explanation: str
    candidates: tuple[dict, ...] = ()
    act_date: date | None = None
    decision_date: date | None = None

    OUTCOME_LABELS = {"no_penalty": "不予行政处罚", "warning": "警告", "penalty": "行政处罚"}

    @property
    def outcome_label(self) -> str:
        return self.OUTCOME_LABELS[self.outcome]

    @property
    def confiscation(self) -> bool:
        return any(k == "confiscation" for k, _ in self.penalties)

    def severity(self) -> tuple:
        """An order on outcomes: lower is more lenient (used for PL Art. 37 and the property tests)."""
        heavy = sum(1 for k, _ in self.penalties if k in ("suspension", "licence_revocation"))
        if self.outcome == "no_penalty":
            return (0, 0, ZERO, ZERO, 0)
        if self.outcome == "warning":
            return (1, 0, ZERO, ZERO, 0)
        return (2, heavy, self.recommended or ZERO, self.fine_max or ZERO, len(self.penalties))

    def in_tier(self, amount: Decimal | None) -> bool:
        if self.fine_min is None:
            return amount in (None, ZERO)
        return amount is not None and self.fine_min <= amount <= self.fine_max

    def as_dict(self) -> dict:
        money = lambda v: None if v is None else str(v)  # noqa: E731
        return {
            "item_code": self.item_code,
            "violation": self.violation,
            "standard_code": self.standard_code,
            "standard_title": self.standard_title,
            "version": self.version,
            "version_citation": self.version_citation,
            "outcome": self.outcome,
            "outcome_label": self.outcome_label,
            "tier": self.tier,
            "tier_label": self.tier_label,
            "fine_min": money(self.fine_min),
            "fine_max": money(self.fine_max),
            "recommended": money(self.recommended),
            "statutory_min": money(self.statutory_min),
            "statutory_max": money(self.statutory_max),
            "penalties": [{"kind": k, "text": t} for k, t in self.penalties],
            "education": self.education,
            "aggravating": list(self.aggravating),
            "mitigating": list(self.mitigating),
            "mandatory": list(self.mandatory),
            "trace": [s.as_dict() for s in self.trace],
            "explanation": self.explanation,
            "candidates": list(self.candidates),
            "act_date": self.act_date.isoformat() if self.act_date else None,
            "decision_date": self.decision_date.isoformat() if self.decision_date else None,
        }
