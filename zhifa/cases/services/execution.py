"""Execution (D2.3, D3.9b; 行政处罚法第六章; 行政强制法), follow-up (D5.4), closing and
archive (D6.2a), and the simple on-the-spot procedure (行政处罚法第五十一条至第五十三条)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal

from zhifa.cases import acting, checklist, numbering, periods
from zhifa.cases import rules as R
from zhifa.cases.inputs import bad_input, clean_terms, money, require_text
from zhifa.cases.models import (
    Case,
    CaseFile,
    CustodyEvent,
    Decision,
    Enforcement,
    FollowUp,
    Instalment,
    Payment,
    PaymentPlan,
    Procedure,
    Reminder,
    Source,
    Status,
)
from zhifa.cases.obligations import obligation, obligations_met
from zhifa.cases.services._steps import check_articles, save
from zhifa.cases.services.decision import remedies_text
from zhifa.core.audit import _plain
from zhifa.core.error_codes import ErrorCode
from zhifa.org import competence
from zhifa.org import rules as org_rules
from zhifa.org.models import Power


def payment_plan(
    *, actor, case: Case, kind: str, applied_on: date, reason: str, instalments, on: date | None = None
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


def _finish_if_met(act, case: Case, stay: str) -> Case:
    if obligations_met(case, act.on):
        for e in case.enforcements.filter(result_on__isnull=True):
            e.result_on, e.result = act.on, "当事人已履行完毕。"
            e.save(update_fields=["result_on", "result"])
        return Status.EXECUTED
    return stay


def payment_record(
    *, actor, case: Case, paid_on: date, amount, method: str, bank: str, receipt_number: str, on: date | None = None
) -> Payment:
    """记录缴款：到指定银行或通过电子支付系统缴入国库，以缴款凭证号记录（D2.3，行政处罚法第六十七条）。
    罚没款和加处罚款缴清、其他处罚履行完毕的，执行完毕。"""
    with acting.run("payment_record", actor=actor, case=case, on=on) as act:
        case = act.case
        act.check(R.payment_through_bank, method, bank, receipt_number, False)
        act.enforce()
        if paid_on > act.on or paid_on < case.decision.served_on:
            raise bad_input(ErrorCode.DATE_ORDER, "缴纳日期应当在决定书送达之后、登记之前。", field="paid_on")
        if method == Payment.Method.COURT:
            raise bad_input(ErrorCode.INVALID, "人民法院强制执行划缴的款项，请在“强制执行结果”中登记。", field="method")
        if Payment.objects.filter(method=method, receipt_number=receipt_number.strip()).exists():
            raise bad_input(ErrorCode.DUPLICATE, "该缴款凭证号已经登记过，请核对。", field="receipt_number")
        payment = save(
            Payment(
                case=case,
                paid_on=paid_on,
                amount=money(amount, "amount"),
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


def on_spot_handover(*, actor, case: Case, late_reason: str = "", on: date | None = None) -> Payment:
    """执法人员将当场收缴的罚款交至行政机关（二日内，行政处罚法第七十一条）。"""
    with acting.run("on_spot_handover", actor=actor, case=case, on=on) as act:
        case = act.case
        payment = case.payments.filter(method=Payment.Method.ON_SPOT, handed_over_on__isnull=True).first()
        if payment is None:
            raise bad_input(ErrorCode.NOTHING_PENDING, "没有待交付的当场收缴罚款。", field="payment")
        act.check(R.on_spot_handover_in_time, payment.paid_on, act.on, late_reason)
        act.enforce()
        payment.handed_over_on, payment.handover_late_reason = act.on, late_reason
        payment.save(update_fields=["handed_over_on", "handover_late_reason"])
        act.done(
            target=_finish_if_met(act, case, Status.EXECUTING),
            changes={"payment": payment.pk, "handed_over_on": act.on, "late_reason": late_reason},
        )
        return payment


def reminder_serve(
    *, actor, case: Case, method: str, content: str, record: str, performance_due_on: date, on: date | None = None
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
    *, actor, case: Case, measures: str, document_number: str = "", on: date | None = None
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


def court_apply(*, actor, case: Case, court: str, measures: str, on: date | None = None) -> Enforcement:
    """申请人民法院强制执行：催告书送达十日后仍未履行（D3.9b，行政强制法第五十四条），在复议、诉讼期限届满后三个月内（第五十三条）。"""
    with acting.run("court_apply", actor=actor, case=case, on=on) as act:
        case = act.case
        act.check(R.reminder_before_compulsion, "court", list(case.reminders.all()), act.on)
        act.check(R.court_application_window, case.decision.served_on, act.on)
        act.enforce()
        enforcement = save(
            Enforcement(
                case=case,
                kind=Enforcement.Kind.COURT,
                on=act.on,
                court=require_text(court, "court", "请写明受理申请的人民法院。"),
                measures=require_text(measures, "measures", "请写明申请执行的事项。"),
            )
        )
        act.done(changes={"enforcement": enforcement.pk, "court": court})
        return enforcement


def enforcement_result(
    *,
    actor,
    case: Case,
    result: str,
    completed: bool,
    recovered_amount=None,
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
            act.enforce()
            save(
                Payment(
                    case=case,
                    paid_on=act.on,
                    amount=money(recovered_amount, "recovered_amount"),
                    method=Payment.Method.COURT,
                    bank=enforcement.court or "强制执行",
                    receipt_number=receipt_number.strip(),
                )
            )
        else:
            act.passed(R.payment_through_bank)
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


def execution_complete(*, actor, case: Case, note: str, on: date | None = None) -> Decision:
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


def followup_record(
    *, actor, case: Case, method: str, findings: str, problems: str = "", response: str = "", on: date | None = None
) -> FollowUp:
    """回访当事人履行和整改情况；对反映的问题和困难，能解决的帮助解决，不能解决的做好解释（D5.4）。"""
    with acting.run("followup_record", actor=actor, case=case, on=on) as act:
        act.check(R.followup_answers_problems, problems, response)
        act.enforce()
        followup = save(
            FollowUp(
                case=act.case,
                on=act.on,
                method=method,
                findings=require_text(findings, "findings", "请写明回访情况。"),
                problems=problems,
                response=response,
            )
        )
        act.done(changes={"followup": followup.pk, "method": method})
        return followup


def close(*, actor, case: Case, on: date | None = None, expected_version: int | None = None) -> Case:
    """结案：案卷材料齐全方可结案（D6.2a）。"""
    with acting.run("close", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        act.check(R.file_checklist_complete, checklist.missing(case))
        act.enforce()
        case.closed_on = act.on
        return act.done()


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(_plain(obj), ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def file_contents(case: Case) -> list[dict]:
    """The bound file in order: each record with its date and the SHA-256 of its content."""
    from zhifa.core.records import snapshot

    entries = []

    def add(kind, title, on, obj=None, sha=None):
        content = snapshot(obj) if hasattr(obj, "_meta") else (obj if obj is not None else title)
        entries.append(
            {"n": len(entries) + 1, "kind": kind, "title": title, "date": on, "sha256": sha or _digest(content)}
        )

    add("clue", f"线索登记：{case.summary[:40]}", case.received_on, case)
    if case.filing_number:
        add("filing", f"立案审批表（{case.filing_number}）", case.filed_on, case)
    for r in case.recusals.all():
        add("recusal", f"回避申请及决定（{r.officer}）", r.applied_on, r)
    for i in case.inspections.all():
        add("inspection", str(i), i.on, i)
    for e in case.evidence.all():
        add("evidence", f"证据{e.number}：{e.get_kind_display()}·{e.title}", e.collected_on, sha=e.sha256)
    for r in case.reports.all():
        add("report", str(r), r.submitted_on, r)
    for n in case.notices.all():
        add("notice", f"行政处罚事先告知书（{n.number}）{'及送达回证' if n.served_on else ''}", n.issued_on, n)
    for w in case.waivers.all():
        add("waiver", "放弃陈述申辩（听证）权利的书面声明", w.on, w)
    for d in case.defences.all():
        add(
            "defence",
            f"{d}及复核意见",
            d.received_on,
            {"defence": snapshot(d), "points": [snapshot(p) for p in d.points.all()]},
        )
    for h in case.hearings.all():
        add("hearing", f"听证要求、通知及笔录（{h.requested_on}）", h.requested_on, h)
    for lr in case.legal_reviews.all():
        add(
            "legal_review",
            f"法制审核意见（{lr.get_result_display() or '待审核'}）",
            lr.reviewed_on or lr.submitted_on,
            lr,
        )
    for x in case.extensions.all():
        add("extension", f"延长办案期限审批（{x.days}日）", x.approved_on, x)
    for c in case.discussions.all():
        add("discussion", "集体讨论记录", c.held_on, c)
    decision = getattr(case, "decision", None)
    if decision is not None:
        add(
            "decision",
            f"{decision.get_outcome_display()}决定书（{decision.number}）及送达回证",
            decision.decided_on,
            decision,
        )
    if hasattr(case, "transfer_out"):
        t = case.transfer_out
        add("transfer", f"案件移送函（{t.letter_number}）及接收机关函告", t.sent_on, t)
    for p in case.payment_plans.exclude(kind=PaymentPlan.Kind.STANDARD):
        add("payment_plan", f"{p.get_kind_display()}审批", p.approved_on, p)
    for p in case.payments.all():
        add("payment", f"缴款凭证（{p.receipt_number}）", p.paid_on, p)
    for r in case.reminders.all():
        add("reminder", f"催告记录（{r.get_method_display()}）", r.served_on, r)
    for e in case.enforcements.all():
        add("enforcement", f"{e.get_kind_display()}及结果", e.on, e)
    for f in case.followups.all():
        add("followup", f"回访记录（{f.get_method_display()}）", f.on, f)
    if case.ended_on and case.end_reason and not hasattr(case, "transfer_out"):
        add("ending", f"{case.get_status_display()}：{case.end_reason[:40]}", case.ended_on, case.end_reason)
    return _plain(entries)


def archive(*, actor, case: Case, retention: str = "长期", on: date | None = None) -> CaseFile:
    """立卷归档：卷内材料按办案顺序编目，每件材料和整卷记录 SHA-256（D6.2a）。"""
    with acting.run("archive", actor=actor, case=case, on=on) as act:
        case = act.case
        contents = file_contents(case)
        number = numbering.next_number(case.acting_agency, "archive", act.on.year)
        case_file = save(
            CaseFile(
                case=case,
                archive_number=number,
                archived_on=act.on,
                retention=retention,
                contents=contents,
                digest=_digest(contents),
            )
        )
        for e in case.evidence.all():
            CustodyEvent.objects.create(
                evidence=e, on=act.on, action=CustodyEvent.Action.ARCHIVED, holder=f"案卷{number}", recorded_by=actor
            )
        case.archived_on = act.on
        act.done(changes={"archive_number": number, "digest": case_file.digest, "items": len(contents)})
        return case_file


def simple_penalty(
    *,
    actor,
    party,
    violation_item,
    place,
    act_date: date,
    facts: str,
    terms: dict,
    basis_articles,
    certificates_shown: bool,
    place_detail: str = "",
    collect_on_spot: bool = False,
    ticket_number: str = "",
    hard_to_collect_later: bool = False,
    remote_area: bool = False,
    on: date | None = None,
) -> Case:
    """当场作出行政处罚决定（简易程序）：违法事实确凿并有法定依据，警告或公民二百元、组织三千元以下罚款；
    出示执法证件，当场交付决定书；当场收缴罚款仅限法定情形（D2.3，行政处罚法第五十一条、第六十八条）。"""
    with acting.run("simple_penalty", actor=actor, on=on) as act:
        agency = act.agency
        if party is None:
            raise bad_input(ErrorCode.REQUIRED, "请确定当事人。", field="party")
        if violation_item is None:
            raise bad_input(ErrorCode.REQUIRED, "请选择违法行为。", field="violation_item")
        act.check(R.certificates_shown_on_the_spot, certificates_shown)
        terms = clean_terms(terms)
        articles = list(basis_articles)
        case = Case(
            agency=agency,
            procedure=Procedure.SIMPLE,
            source=Source.INSPECTION,
            received_on=act.on,
            summary=require_text(facts, "facts", "请写明违法事实。"),
            party=party,
            violation_item=violation_item,
            place=place,
            place_detail=place_detail,
            act_date=act_date,
            created_by=actor,
        )
        act.check(org_rules.agency_has_standing, agency)
        grants = competence.grants_for(agency, violation_item, act.on)
        proposed = (
            []
            if grants
            else [a for a in competence.competent_agencies(violation_item, place, act.on) if a.pk != agency.pk]
        )
        act.check(org_rules.agency_has_power, agency, grants, violation_item, proposed)
        act.check(org_rules.place_within_jurisdiction, agency, place, agency.government.subtree_ids())
        act.check(R.within_limitation, act_date, act.on, False)
        probe = Decision(**terms)
        act.check(R.simple_procedure_within_cap, probe, party.is_person, act.on)
        act.check(R.basis_cited, "penalty", articles)
        check_articles(act, articles, act_date=act_date, on=act.on, lenient=False, lenient_reason="")
        if collect_on_spot:
            act.check(
                R.on_spot_collection_allowed, terms["fine"] or Decimal("0"), act.on, hard_to_collect_later, remote_area
            )
            act.check(R.payment_through_bank, "on_spot", "", ticket_number, True)
        else:
            act.passed(R.on_spot_collection_allowed)
            act.passed(R.payment_through_bank)
        act.enforce()
        if collect_on_spot and not terms["fine"]:
            raise bad_input(ErrorCode.INVALID, "警告无须收缴罚款。", field="collect_on_spot")
        grant = grants[0]
        case.power, case.delegation = grant.power, grant.delegation
        case.in_name_of = grant.acts_in_name_of if grant.acts_in_name_of.pk != agency.pk else None
        case.lead_officer = act.officer
        save(case)
        number = numbering.next_number(case.acting_agency, "simple", act.on.year)
        decision = save(
            Decision(
                case=case,
                number=number,
                outcome="penalty",
                decided_on=act.on,
                facts=facts,
                reasons="违法事实确凿并有法定依据，当场作出行政处罚决定。",
                remedies=remedies_text(act.on),
                served_on=act.on,
                service_method="on_spot",
                served_to=party.name,
                on_spot=True,
                **terms,
            )
        )
        decision.basis_articles.set(articles)
        act.case = case
        target = Status.EXECUTED
        if terms["fine"]:
            target = Status.EXECUTING
            if collect_on_spot:
                save(
                    Payment(
                        case=case,
                        paid_on=act.on,
                        amount=terms["fine"],
                        method=Payment.Method.ON_SPOT,
                        bank="当场收缴（财政部门统一制发的专用票据）",
                        receipt_number=ticket_number.strip(),
                    )
                )
            else:
                plan = PaymentPlan.objects.create(case=case, kind=PaymentPlan.Kind.STANDARD, approved_on=act.on)
                Instalment.objects.create(plan=plan, number=1, amount=terms["fine"], due_on=periods.payment_due(act.on))
        act.done(
            target=target,
            changes={
                "decision": decision.pk,
                "number": number,
                "terms": {k: v for k, v in terms.items() if v},
                "collected_on_spot": collect_on_spot,
            },
        )
        return case
