"""When a decision must be published, for how long it is shown, and when it is late
(国办发〔2018〕118号; 行政处罚法第四十八条; 市场监督管理行政处罚信息公示规定第二条、第十一条、第十三条).

Facts read by the services, the selectors and the pages; nothing here writes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zhifa.cases.models import Decision, Outcome, Procedure
from zhifa.core import parameters as params
from zhifa.portal.models import Publication

#: Terms whose presence makes a decision more than a warning or a fine (令第45号第十三条).
_HEAVIER = (
    "confiscation",
    "qualification_downgrade",
    "licence_revocation",
    "suspension",
    "closure",
    "practice_restriction",
)


def warning_only(decision: Decision) -> bool:
    """仅受到警告行政处罚（令第45号第二条第二款）。"""
    return bool(decision.warning) and not any(getattr(decision, f) for f in decision.TERM_FIELDS if f != "warning")


def required(decision: Decision) -> bool:
    """Published whether or not it has a social impact: a penalty decision made by the general
    procedure, unless it is a warning alone."""
    return (
        decision.outcome == Outcome.PENALTY
        and decision.case.procedure == Procedure.GENERAL
        and decision.has_penalty
        and not warning_only(decision)
    )


def kind(decision: Decision) -> str:
    return Publication.Kind.PENALTY if decision.outcome == Outcome.PENALTY else Publication.Kind.OTHER


def due_on(decision: Decision) -> date:
    """The last day to publish: 7 working days from the decision for a penalty decision, 20 for
    any other enforcement decision."""
    key = "publication_period_penalty" if kind(decision) == Publication.Kind.PENALTY else "publication_period_other"
    return params.period_end(key, start=decision.decided_on)


def display(decision: Decision) -> str:
    """Three months for a warning or a lower fine only, three years for everything else (第十三条)."""
    if any(getattr(decision, f) for f in _HEAVIER):
        return Publication.Display.LONG
    party = decision.case.party
    key = (
        "publication_low_fine_citizen" if party is not None and party.is_person else "publication_low_fine_organisation"
    )
    if (decision.fine or Decimal("0")) <= params.value(key, on=decision.decided_on):
        return Publication.Display.SHORT
    return Publication.Display.LONG


def takedown_on(display_kind: str, published_on: date) -> date:
    key = "publication_display_short" if display_kind == Publication.Display.SHORT else "publication_display_long"
    return params.period_end(key, start=published_on)


def withdrawal_due_on(changed_on: date) -> date:
    """Three working days from the change (行政处罚法第四十八条第二款，第八十五条)."""
    return params.period_end("publication_withdrawal_period", start=changed_on)


def late_reasons(pub: Publication, today: date) -> list[str]:
    """Why ``pub`` is late, in Chinese (empty when on time)."""
    reasons = []
    if pub.published_on and pub.published_on > pub.due_on:
        reasons.append(f"逾期公开：应于{pub.due_on:%Y-%m-%d}前公开，实际{pub.published_on:%Y-%m-%d}公开")
    elif pub.published_on is None and pub.status == Publication.Status.PENDING and today > pub.due_on:
        reasons.append(f"逾期未公开：应于{pub.due_on:%Y-%m-%d}前公开")
    if pub.withdrawal_due_on:
        if pub.withdrawn_on and pub.withdrawn_on > pub.withdrawal_due_on:
            reasons.append(f"逾期撤回：应于{pub.withdrawal_due_on:%Y-%m-%d}前撤回，实际{pub.withdrawn_on:%Y-%m-%d}撤回")
        elif pub.withdrawn_on is None and pub.status == Publication.Status.PUBLISHED and today > pub.withdrawal_due_on:
            reasons.append(f"逾期未撤回：应于{pub.withdrawal_due_on:%Y-%m-%d}前撤回")
    return reasons
