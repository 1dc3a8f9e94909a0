"""What the party owes under a decision on a date (行政处罚法第六十六条、第七十二条): the
principal (fine and confiscation), the late fee accrued, what it has paid, the next due
date, and whether everything the decision imposes has been performed.

Reads only, beside :mod:`zhifa.cases.periods` which computes the dates and the late fee.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from zhifa.cases import periods
from zhifa.cases.facts import prefetched
from zhifa.cases.models import Case, Decision, Payment, PaymentPlan, PenaltyTerms


@dataclass
class Obligation:
    """What the party owes under a decision on a date: the principal (fine and confiscation),
    the late fee accrued, what it has paid, and the next due date."""

    principal: Decimal
    late_fee: Decimal
    paid: Decimal
    next_due: date | None
    first_overdue: date | None
    #: The intervals (first day, last day) the late fee did not run (行政处罚法第七十三条); read
    #: only when an instalment is overdue, so empty otherwise.
    paused: list[tuple[date, date]] = field(default_factory=list)

    @property
    def owed(self) -> Decimal:
        return self.principal + self.late_fee

    @property
    def outstanding(self) -> Decimal:
        return max(self.owed - self.paid, Decimal("0"))

    @property
    def settled(self) -> bool:
        return self.paid >= self.owed


#: Where the late fee stops: while a reconsideration or a lawsuit against the decision is
#: pending (行政处罚法第七十三条). Each source is ``(case, on) -> [(first day, last day), …]``.
#: The remedies are recorded by an app above cases (oversight), which cases cannot import:
#: that app adds its source here when Django starts (``OversightConfig.ready``).
LATE_FEE_PAUSES: list[Callable[[Case, date], list[tuple[date, date]]]] = []


#: The relations of a case those sources read (``"reconsiderations"``, …), added by the app
#: that adds the source: a list prefetches them with its rows (:func:`row_relations`), so that
#: a page of cases with overdue instalments costs the same queries whatever its length.
LATE_FEE_PAUSE_RELATIONS: list[str] = []


def row_relations() -> tuple[str, ...]:
    """What :func:`obligation` reads of a case, for ``prefetch_related`` by a list of cases."""
    return ("payments", "payment_plans__instalments", *LATE_FEE_PAUSE_RELATIONS)


def late_fee_pauses(case: Case, on: date) -> list[tuple[date, date]]:
    return [interval for source in LATE_FEE_PAUSES for interval in source(case, on)]


def current_plan(case: Case) -> PaymentPlan | None:
    """The payment plan in force: the one approved last (the standard plan, a deferral or instalments)."""
    plans = prefetched(case, "payment_plans")
    if plans is not None:
        return max(plans, key=lambda p: (p.approved_on, p.pk), default=None)
    return case.payment_plans.order_by("-approved_on", "-pk").first()


def obligation(case: Case, on: date) -> Obligation:
    decision: Decision | None = getattr(case, "decision", None)
    principal = decision.money_total if decision else Decimal("0")
    payments = list(case.payments.all())
    paid = sum((p.amount for p in payments), Decimal("0"))
    plan = current_plan(case)
    instalments = list(plan.instalments.all()) if plan else []
    paused: list[tuple[date, date]] = []

    def pauses():
        paused.extend(late_fee_pauses(case, on))
        return paused

    fee = (
        periods.late_fee(
            fine=decision.fine if decision else None,
            principal=principal,
            instalments=instalments,
            payments=payments,
            on=on,
            paused=pauses,
        )
        if instalments
        else Decimal("0.00")
    )
    states = periods.allocate(instalments, payments)
    unsettled = [s for s in states if s.paid < s.amount]
    next_due = unsettled[0].due_on if unsettled else None
    overdue = [s.due_on for s in unsettled if s.due_on < on]
    return Obligation(principal, fee, paid, next_due, overdue[0] if overdue else None, paused)


def obligations_met(case: Case, on: date) -> bool:
    """The money is paid (with any late fee), cash collected on the spot has been handed over,
    and any non-monetary penalty has been performed."""
    decision = getattr(case, "decision", None)
    if decision is None:
        return False
    money_ok = obligation(case, on).settled
    non_money = any(getattr(decision, f) for f in PenaltyTerms.NON_MONETARY_TO_EXECUTE)
    handed = all(p.handed_over_on for p in case.payments.filter(method=Payment.Method.ON_SPOT))
    return money_ok and handed and (not non_money or decision.performed_on is not None)
