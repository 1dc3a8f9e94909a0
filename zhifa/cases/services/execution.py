"""Execution of the decision (D2.3, D3.9b; 行政处罚法第六章; 行政强制法): payment plans,
payments through the bank, cash collected on the spot handed over, reminders,
compulsory execution by the agency or the court, and non-monetary penalties performed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from zhifa.accounts.models import User
from zhifa.cases import acting, periods
from zhifa.cases import rules as R
from zhifa.cases.acting import Act
from zhifa.cases.inputs import bad_input, money, require_text
from zhifa.cases.models import (
    Case,
    Decision,
    Enforcement,
    Instalment,
    Payment,
    PaymentPlan,
    Reminder,
    Status,
)
from zhifa.cases.obligations import obligation, obligations_met
from zhifa.cases.services._steps import save
from zhifa.core.error_codes import ErrorCode
from zhifa.org.models import Power


def payment_plan(
    *,
    actor: User,
    case: Case,
    kind: str,
    applied_on: date,
    reason: str,
    instalments: Iterable[tuple[Decimal | str, date]],
    on: date | None = None,
) -> PaymentPlan:
    """当事人确有经济困难的，经申请和批准，暂缓或者分期缴纳罚款（行政处罚法第六十六条）。
    ``instalments``: [(amount, due_on), …] covering what is still to be paid."""
    with acting.run("payment_plan", actor=actor, case=case, on=on) as act:
        case = act.case
        if kind not in (PaymentPlan.Kind.DEFERRAL, PaymentPlan.Kind.INSTALMENTS):
            raise bad_input(ErrorCode.INVALID, "请选择暂缓缴纳或分期缴纳。", field="kind")
        require_text(reason, "reason", "请写明当事人确有经济困难的情况。")
        if applied_on > act.on:
            raise bad_input(ErrorCode.DATE_ORDER, "申请日期不得晚于批准日期。", field="applied_on")
        rows = [(money(a, "instalments"), d) for a, d in instalments]
        if not rows or (kind == PaymentPlan.Kind.DEFERRAL and len(rows) != 1):
            raise bad_input(
                ErrorCode.INVALID, "暂缓缴纳写一个新的期限；分期缴纳写明每期的金额和期限。", field="instalments"
            )
        dates = [d for _, d in rows]
        if dates != sorted(dates) or len(set(dates)) != len(dates) or dates[0] <= act.on:
            raise bad_input(ErrorCode.DATE_ORDER, "各期缴纳期限应当晚于批准日期，并依次排列。", field="instalments")
        owed = obligation(case, act.on)
        remaining = owed.principal - owed.paid
        if sum(a for a, _ in rows) != remaining:
            raise bad_input(
                ErrorCode.INVALID, f"各期金额合计应当等于尚未缴纳的罚没款{remaining:,.2f}元。", field="instalments"
            )
        act.enforce()
        # Payments made so far stay with the plan that was in force when they were made:
        # the new plan covers the remainder, so earlier payments count as a first settled part.
        plan = PaymentPlan.objects.create(
            case=case, kind=kind, approved_on=act.on, applied_on=applied_on, reason=reason
        )
        n = 1
        if owed.paid:
            Instalment.objects.create(plan=plan, number=n, amount=owed.paid, due_on=act.on)
            n += 1
        for amount, due in rows:
            Instalment.objects.create(plan=plan, number=n, amount=amount, due_on=due)
            n += 1
        act.done(changes={"plan": plan.pk, "kind": kind, "instalments": [[a, d] for a, d in rows], "reason": reason})
        return plan


def _finish_if_met(act: Act, case: Case, stay: str) -> Case:
    if obligations_met(case, act.on):
        for e in case.enforcements.filter(result_on__isnull=True):
            e.result_on, e.result = act.on, "当事人已履行完毕。"
            e.save(update_fields=["result_on", "result"])
        return Status.EXECUTED
    return stay


def payment_record(
    *,
    actor: User,
    case: Case,
    paid_on: date,
    amount: Decimal | str,
    method: str,
    bank: str,
    receipt_number: str,
    on: date | None = None,
) -> Payment:
    """记录缴款：到指定银行或通过电子支付系统缴入国库，以缴款凭证号记录（D2.3，行政处罚法第六十七条）。
    罚没款和加处罚款缴清、其他处罚履行完毕的，执行完毕。"""
    with acting.run("payment_record", actor=actor, case=case, on=on) as act:
        case = act.case
        act.check(R.payment_through_bank, method, bank, receipt_number, False)
        act.enforce()
        if paid_on > act.on or paid_on < case.decision.served_on:
            raise bad_input(ErrorCode.DATE_ORDER, "缴纳日期应当在决定书送达之后、登记之前。", field="paid_on")
        amount = money(amount, "amount")
        act.refuse_now(R.payment_within_owed, amount, obligation(case, paid_on).outstanding)
        if method == Payment.Method.COURT:
            raise bad_input(ErrorCode.INVALID, "人民法院强制执行划缴的款项，请在“强制执行结果”中登记。", field="method")
        if Payment.objects.filter(method=method, receipt_number=receipt_number.strip()).exists():
            raise bad_input(ErrorCode.DUPLICATE, "该缴款凭证号已经登记过，请核对。", field="receipt_number")
        payment = save(
            Payment(
                case=case,
                paid_on=paid_on,
                amount=amount,
                method=method,
                bank=bank,
                receipt_number=receipt_number.strip(),
            )
        )
        target = _finish_if_met(act, case, case.status)
        owed = obligation(case, act.on)
        act.done(
            target=target,
            changes={
                "payment": payment.pk,
                "amount": payment.amount,
                "method": method,
                "receipt_number": payment.receipt_number,
                "outstanding": owed.outstanding,
            },
        )
        return payment


def on_spot_handover(
    *, actor: User, case: Case, late_reason: str = "", on: date | None = None, backdated_reason: str = ""
) -> Payment:
    """执法人员将当场收缴的罚款交至行政机关（二日内，行政处罚法第七十一条）。"""
    with acting.run("on_spot_handover", actor=actor, case=case, on=on, backdated_reason=backdated_reason) as act:
        case = act.case
        payment = case.payments.filter(method=Payment.Method.ON_SPOT, handed_over_on__isnull=True).first()
        if payment is None:
            raise bad_input(ErrorCode.NOTHING_PENDING, "没有待交付的当场收缴罚款。", field="payment")
        act.check(R.on_spot_handover_in_time, payment.paid_on, act.on, late_reason)
        try:
            handover_due = periods.handover_due(payment.paid_on)
        except periods.DeadlineUnknown:
            handover_due = None
        act.deadline_decided("当场收缴罚款交至机关", handover_due)
        act.enforce()
        payment.handed_over_on, payment.handover_late_reason = act.on, late_reason
        payment.save(update_fields=["handed_over_on", "handover_late_reason"])
        act.done(
            target=_finish_if_met(act, case, Status.EXECUTING),
            changes={"payment": payment.pk, "handed_over_on": act.on, "late_reason": late_reason},
        )
        return payment


def reminder_serve(
    *, actor: User, case: Case, method: str, content: str, record: str, performance_due_on: date, on: date | None = None
) -> Reminder:
    """催告：当事人逾期不履行的，以电话、书面或走访再次告知其义务和不履行的后果，并记录（D3.9b）。"""
    with acting.run("reminder_serve", actor=actor, case=case, on=on) as act:
        case = act.case
        act.check(R.reminder_recorded, method, content, record, performance_due_on, act.on)
        act.check(R.reminder_after_default, obligation(case, act.on).next_due, act.on)
        act.enforce()
        reminder = save(
            Reminder(
                case=case,
                method=method,
                served_on=act.on,
                content=content,
                record=record,
                performance_due_on=performance_due_on,
            )
        )
        act.done(changes={"reminder": reminder.pk, "method": method, "performance_due_on": performance_due_on})
        return reminder


def compulsory_execute(
    *, actor: User, case: Case, measures: str, document_number: str = "", on: date | None = None
) -> Enforcement:
    """本机关依法强制执行：须法律设定强制执行权（D3.1a），并经催告且期限届满（D3.9b，行政强制法第三十七条）。"""
    with acting.run("compulsory_execute", actor=actor, case=case, on=on) as act:
        case = act.case
        act.check(R.reminder_before_compulsion, "own", list(case.reminders.all()), act.on)
        powers = [
            p for p in Power.objects.filter(agency=case.agency, category=Power.Category.COERCION) if p.in_force(act.on)
        ]
        act.check(R.agency_may_compel, case.agency, powers)
        act.enforce()
        enforcement = save(
            Enforcement(
                case=case,
                kind=Enforcement.Kind.OWN,
                on=act.on,
                document_number=document_number,
                measures=require_text(measures, "measures", "请写明强制执行的方式。"),
            )
        )
        act.done(changes={"enforcement": enforcement.pk, "measures": measures})
        return enforcement


def court_apply(
    *,
    actor: User,
    case: Case,
    court: str,
    measures: str,
    approved_by: User | int | None = None,
    approved_on: date | None = None,
    on: date | None = None,
) -> Enforcement:
    """申请人民法院强制执行：催告书送达十日后仍未履行（D3.9b，行政强制法第五十四条），在复议、诉讼期限届满后三个月内（第五十三条）；
    申请书由机关负责人签名并注明日期（第五十五条）：执法人员办理的，记录签发的机关负责人（``approved_by``）和日期。"""
    with acting.run("court_apply", actor=actor, case=case, on=on) as act:
        case = act.case
        if approved_by is not None and not isinstance(approved_by, User):
            approved_by = User.objects.filter(pk=approved_by).first()
            if approved_by is None:
                raise bad_input(ErrorCode.INVALID, "未找到该机关负责人。", field="approved_by")
        act.check(R.reminder_before_compulsion, "court", list(case.reminders.all()), act.on)
        act.check(R.court_application_window, case.decision.served_on, act.on)
        act.check(R.court_application_signed_by_head, actor, approved_by, approved_on, case.agency_id, act.on)
        act.enforce()
        if R.is_agency_head(actor, case.agency_id):
            approved_by, approved_on = actor, act.on
        enforcement = save(
            Enforcement(
                case=case,
                kind=Enforcement.Kind.COURT,
                on=act.on,
                court=require_text(court, "court", "请写明受理申请的人民法院。"),
                measures=require_text(measures, "measures", "请写明申请执行的事项。"),
                approved_by=approved_by,
                approved_on=approved_on,
            )
        )
        act.done(
            changes={
                "enforcement": enforcement.pk,
                "court": court,
                "approved_by": approved_by.pk,
                "approved_on": approved_on,
            }
        )
        return enforcement


def enforcement_result(
    *,
    actor: User,
    case: Case,
    result: str,
    completed: bool,
    recovered_amount: Decimal | str | None = None,
    receipt_number: str = "",
    on: date | None = None,
) -> Enforcement:
    """记录强制执行结果。划缴的款项以缴库凭证记录（D2.3）；执行终结的，执行完毕。"""
    with acting.run("enforcement_result", actor=actor, case=case, on=on) as act:
        case = act.case
        enforcement = case.enforcements.filter(result_on__isnull=True).order_by("-on", "-pk").first()
        if enforcement is None:
            raise bad_input(ErrorCode.NOTHING_PENDING, "没有待记录结果的强制执行。", field="result")
        if recovered_amount:
            act.check(R.payment_through_bank, "court", "人民法院", receipt_number, False)
            recovered = money(recovered_amount, "recovered_amount")
            violation = act.check(R.payment_within_owed, recovered, obligation(case, act.on).outstanding)
            if violation is not None:
                act.violations[-1] = type(violation)(
                    violation.code, violation.clauses, violation.message, "recovered_amount", violation.law
                )
            act.enforce()
            save(
                Payment(
                    case=case,
                    paid_on=act.on,
                    amount=recovered,
                    method=Payment.Method.COURT,
                    bank=enforcement.court or "强制执行",
                    receipt_number=receipt_number.strip(),
                )
            )
        else:
            # Nothing recovered: no payment to check for its channel or its amount.
            act.passed(R.payment_through_bank)
            act.passed(R.payment_within_owed)
        enforcement.result_on, enforcement.result = act.on, require_text(result, "result", "请写明执行结果。")
        enforcement.save(update_fields=["result_on", "result"])
        target = Status.EXECUTED if completed or obligations_met(case, act.on) else Status.EXECUTING
        act.done(
            target=target,
            changes={
                "enforcement": enforcement.pk,
                "result": result,
                "completed": completed,
                "recovered_amount": recovered_amount,
            },
        )
        return enforcement


def execution_complete(*, actor: User, case: Case, note: str, on: date | None = None) -> Decision:
    """确认责令停产停业、吊销许可证件等非金钱处罚已经履行；罚没款须已缴清。"""
    with acting.run("execution_complete", actor=actor, case=case, on=on) as act:
        case = act.case
        decision = case.decision
        decision.performed_on = act.on
        decision.performance_note = require_text(note, "note", "请写明履行情况。")
        decision.save(update_fields=["performed_on", "performance_note"])
        if not obligations_met(case, act.on):
            owed = obligation(case, act.on)
            raise bad_input(
                ErrorCode.NOT_SETTLED,
                f"罚没款及加处罚款尚有{owed.outstanding:,.2f}元未缴清，不能确认执行完毕。",
                field="note",
            )
        act.done(changes={"note": note})
        return decision
