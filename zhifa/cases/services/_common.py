"""Facts the acts gather for their rules, and small write helpers shared by the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from zhifa.cases import periods
from zhifa.cases import rules as R
from zhifa.cases.models import Case, Decision, DefencePoint, Notice, PenaltyTerms, Report
from zhifa.core.errors import DomainError, invalid
from zhifa.core.records import validation_to_domain
from zhifa.law import rules as law_rules


def save(instance, exclude=()):
    """Validate and save a record of the act (its audit is the act's, written by ``done``)."""
    try:
        instance.full_clean(exclude=list(exclude) or None)
    except ValidationError as exc:
        raise validation_to_domain(exc) from None
    instance.save()
    return instance


def require_text(value: str | None, field: str, message: str) -> str:
    if not (value or "").strip():
        raise invalid(message, field=field)
    return value.strip()


def live_investigators(case: Case, on: date) -> list:
    return [co.officer for co in case.officers.select_related("officer").all() if co.live_on(on)]


def live_investigator_ids(case: Case, on: date) -> set[int]:
    return {o.pk for o in live_investigators(case, on)}


def all_investigator_ids(case: Case) -> set[int]:
    """Everyone ever assigned to investigate the case (a recused investigator still investigated)."""
    return set(case.officers.values_list("officer_id", flat=True))


def granted_recusals(case: Case, officer) -> list:
    return [r for r in case.recusals.all() if r.officer_id == officer.pk and r.granted]


def latest_report(case: Case) -> Report | None:
    return case.reports.order_by("-submitted_on", "-pk").first()


def current_notice(case: Case) -> Notice | None:
    return case.notices.filter(superseded=False).order_by("-issued_on", "-pk").first()


def waiver_for(notice: Notice | None):
    if notice is None:
        return None
    return notice.waivers.order_by("-on", "-pk").first()


def unreviewed_points(case: Case) -> list[DefencePoint]:
    return list(
        DefencePoint.objects.filter(defence__case=case, adopted__isnull=True).order_by("defence__received_on", "number")
    )


TERM_FIELDS = PenaltyTerms.TERM_FIELDS


def clean_terms(terms: dict | None) -> dict:
    """Penalty terms from a form or the API: booleans and yuan amounts (Decimal, two places)."""
    terms = dict(terms or {})
    unknown = set(terms) - set(TERM_FIELDS)
    if unknown:
        raise invalid(f"未知的处罚种类：{'、'.join(sorted(unknown))}。", field=sorted(unknown)[0])
    result = {}
    for f in TERM_FIELDS:
        v = terms.get(f)
        if f in ("fine", "confiscation"):
            if v in (None, "", 0, "0"):
                result[f] = None
                continue
            try:
                amount = Decimal(str(v)).quantize(Decimal("0.01"))
            except InvalidOperation:
                raise invalid("金额应为数字。", field=f) from None
            if amount <= 0:
                raise invalid("金额应当大于零。", field=f)
            result[f] = amount
        else:
            result[f] = bool(v)
    return result


def terms_of(record: PenaltyTerms | None) -> dict:
    return record.terms() if record is not None else dict.fromkeys(TERM_FIELDS)


def check_outcome_terms(outcome: str, terms: dict) -> None:
    has = any(bool(v) for v in terms.values())
    if outcome == "penalty" and not has:
        raise invalid("给予行政处罚的，请写明处罚的种类和数额。", field="fine")
    if outcome != "penalty" and has:
        raise invalid("不予行政处罚或移送司法机关的，不能同时写明处罚。", field="outcome")


def check_articles(act, articles, *, act_date: date | None, on: date, lenient: bool, lenient_reason: str) -> None:
    """D3.10a: each article from a law, regulation or rule, in force on the act's date (or,
    applying the more lenient new law, on the decision's date; 行政处罚法第三十七条)."""
    act.check(R.lenient_new_law_reasoned, lenient, lenient_reason)
    if not articles:
        act.passed(law_rules.basis_is_law_or_rule)
        act.passed(law_rules.basis_in_force)
        return
    for article in articles:
        act.check(law_rules.basis_is_law_or_rule, article)
        when = on if lenient else (act_date or on)
        act.check(law_rules.basis_in_force, article, when)


@dataclass
class Obligation:
    """What the party owes under a decision on a date: the principal (fine and confiscation),
    the late fee accrued, what it has paid, and the next due date."""

    principal: Decimal
    late_fee: Decimal
    paid: Decimal
    next_due: date | None
    first_overdue: date | None

    @property
    def owed(self) -> Decimal:
        return self.principal + self.late_fee

    @property
    def outstanding(self) -> Decimal:
        return max(self.owed - self.paid, Decimal("0"))

    @property
    def settled(self) -> bool:
        return self.paid >= self.owed


def current_plan(case: Case):
    return case.payment_plans.order_by("-approved_on", "-pk").first()


def obligation(case: Case, on: date) -> Obligation:
    decision: Decision | None = getattr(case, "decision", None)
    principal = decision.money_total if decision else Decimal("0")
    payments = list(case.payments.all())
    paid = sum((p.amount for p in payments), Decimal("0"))
    plan = current_plan(case)
    instalments = list(plan.instalments.all()) if plan else []
    fee = (
        periods.late_fee(
            fine=decision.fine if decision else None,
            principal=principal,
            instalments=instalments,
            payments=payments,
            on=on,
        )
        if instalments
        else Decimal("0.00")
    )
    states = periods.allocate(instalments, payments)
    unsettled = [s for s in states if s.paid < s.amount]
    next_due = unsettled[0].due_on if unsettled else None
    overdue = [s.due_on for s in unsettled if s.due_on < on]
    return Obligation(principal, fee, paid, next_due, overdue[0] if overdue else None)


def obligations_met(case: Case, on: date) -> bool:
    decision = getattr(case, "decision", None)
    if decision is None:
        return False
    money_ok = obligation(case, on).settled
    non_money = any(getattr(decision, f) for f in PenaltyTerms.NON_MONETARY_TO_EXECUTE)
    handed = all(p.handed_over_on for p in case.payments.filter(method="on_spot"))
    return money_ok and handed and (not non_money or decision.performed_on is not None)


def domain_field(error: DomainError, field: str) -> DomainError:
    """The same refusal, shown at ``field`` (a rule's generic field renamed for a form)."""
    v = error.violations
    return DomainError([type(x)(x.code, x.clauses, x.message, field, x.law) for x in v], error.status)
