"""Execution: payment through the bank (D2.3), late fees, deferral and instalments,
reminder before compulsory execution (D3.9b), the court's window (D1.4), closing on a
complete file (D6.2a) and the archive; the simple procedure (PL Arts. 51, 68, 71)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from zhifa.cases import periods, selectors, services
from zhifa.cases import rules as R
from zhifa.cases.models import Case, Status
from zhifa.cases.obligations import obligation
from zhifa.cases.tests.builders import D0, decided, executing, wd
from zhifa.core.errors import DomainError
from zhifa.org.models import Power
from zhifa.testing import assert_api_refused, assert_refused

pytestmark = pytest.mark.django_db

SERVED = wd(D0, 14)


def _pay(w, case, amount, paid_on, receipt="3350000123", method="bank", bank="中国工商银行重庆解放碑支行"):
    return services.payment_record(
        actor=w.wang,
        case=case,
        paid_on=paid_on,
        amount=amount,
        method=method,
        bank=bank,
        receipt_number=receipt,
        on=paid_on,
    )


def _remind(w, case, on, due=None, method="letter"):
    return services.reminder_serve(
        actor=w.wang,
        case=case,
        method=method,
        on=on,
        performance_due_on=due or on + timedelta(days=10),
        content="请于十日内缴纳罚没款3240元及加处罚款；逾期将依法申请人民法院强制执行。可以陈述和申辩。",
        record="催告书已由当事人法定代表人签收（送达回证）。",
    )


def test_the_payment_period_is_fifteen_days_from_service(w):
    case = executing(w)
    due = case.payment_plans.get().instalments.get().due_on
    assert (
        due == periods.payment_due(SERVED) == date(2026, 4, 7)
    )  # 15 days ends on Sat 4-4 (Qingming): next working day


@pytest.mark.clause("D2.3")
def test_a_fine_paid_at_the_bank_is_recorded_by_its_receipt_and_completes_execution(w):
    case = executing(w)
    with pytest.raises(DomainError) as e:
        _pay(w, case, "3240", SERVED + timedelta(days=3), receipt=" ")
    assert_refused(e, "D2.3", code="payment_through_bank", field="receipt_number")
    with pytest.raises(DomainError) as e:
        _pay(w, case, "3240", SERVED + timedelta(days=3), bank="")
    assert_refused(e, "D2.3", code="payment_through_bank", field="bank")
    _pay(w, case, "1240", SERVED + timedelta(days=3), receipt="A-1")
    assert Case.objects.get(pk=case.pk).status == Status.EXECUTING
    _pay(
        w,
        case,
        "2000",
        SERVED + timedelta(days=5),
        receipt="A-2",
        method="electronic",
        bank="重庆市非税收入电子缴款系统",
    )
    assert Case.objects.get(pk=case.pk).status == Status.EXECUTED


@pytest.mark.clause("D2.3")
def test_officers_may_not_collect_fines_themselves_in_the_general_procedure(w):
    with pytest.raises(DomainError) as e:
        _pay(w, executing(w), "3240", SERVED + timedelta(days=1), method="on_spot", bank="")
    assert_refused(e, "D2.3", code="payment_through_bank", field="method")


@pytest.mark.clause("D2.3")
def test_a_receipt_number_is_used_once(w):
    case = executing(w)
    _pay(w, case, "100", SERVED + timedelta(days=1), receipt="DUP-1")
    with pytest.raises(DomainError) as e:
        _pay(w, case, "100", SERVED + timedelta(days=2), receipt="DUP-1")
    assert e.value.status == 400 and e.value.field == "receipt_number"


def test_late_fee_is_three_percent_a_day_capped_at_the_fine(w):
    case = executing(w)
    due = date(2026, 4, 7)
    owed = obligation(case, due + timedelta(days=10))
    # 3,240 owed (fine 3,000 + confiscation 240); 3% a day of the fine share: 3,000 × 3% × 10 days.
    assert owed.late_fee == Decimal("900.00") and owed.principal == Decimal("3240.00")
    assert obligation(case, due + timedelta(days=60)).late_fee == Decimal("3000.00")  # never above the fine
    assert obligation(case, due).late_fee == Decimal("0.00")


def test_paying_late_owes_the_late_fee_until_paid(w):
    case = executing(w)
    due = date(2026, 4, 7)
    _pay(w, case, "3240", due + timedelta(days=2), receipt="L-1")
    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.EXECUTING and obligation(case, due + timedelta(days=2)).outstanding == Decimal(
        "180.00"
    )
    _pay(w, case, "180", due + timedelta(days=3), receipt="L-2")
    assert Case.objects.get(pk=case.pk).status == Status.EXECUTED


def test_deferral_and_instalments_approved_by_the_deciding_head(w):
    case = executing(w)
    with pytest.raises(DomainError) as e:
        services.payment_plan(
            actor=w.head2,
            case=case,
            kind="instalments",
            applied_on=SERVED + timedelta(days=2),
            reason="经营困难",
            instalments=[("1000", date(2026, 4, 20)), ("1000", date(2026, 5, 20))],
            on=SERVED + timedelta(days=3),
        )
    assert e.value.field == "instalments"  # must cover the 3,240 due
    plan = services.payment_plan(
        actor=w.head2,
        case=case,
        kind="instalments",
        applied_on=SERVED + timedelta(days=2),
        reason="受疫情影响经营困难，提供了财务报表。",
        on=SERVED + timedelta(days=3),
        instalments=[("1240", date(2026, 4, 20)), ("2000", date(2026, 5, 20))],
    )
    assert [i.amount for i in plan.instalments.all()] == [Decimal("1240"), Decimal("2000")]
    # No late fee while the instalments are kept.
    _pay(w, case, "1240", date(2026, 4, 20), receipt="I-1")
    assert obligation(case, date(2026, 5, 20)).late_fee == Decimal("0.00")
    # The investigator who investigated cannot approve either (not a head; and stage separation).
    with pytest.raises(DomainError):
        services.payment_plan(
            actor=w.zhang,
            case=case,
            kind="deferral",
            applied_on=date(2026, 5, 1),
            reason="……",
            instalments=[("2000", date(2026, 6, 30))],
            on=date(2026, 5, 2),
        )


@pytest.mark.clause("D3.9b")
def test_a_reminder_is_recorded_and_only_after_default(w):
    case = executing(w)
    with pytest.raises(DomainError) as e:
        _remind(w, case, date(2026, 4, 7))  # the last day to pay
    assert_refused(e, "D3.9b", code="reminder_after_default")
    with pytest.raises(DomainError) as e:
        services.reminder_serve(
            actor=w.wang,
            case=case,
            method="letter",
            on=date(2026, 4, 9),
            performance_due_on=date(2026, 4, 19),
            content="请缴纳。",
            record="",
        )
    assert_refused(e, "D3.9b", code="reminder_recorded", field="record")
    with pytest.raises(DomainError) as e:
        services.reminder_serve(
            actor=w.wang,
            case=case,
            method="email",
            on=date(2026, 4, 9),
            performance_due_on=date(2026, 4, 19),
            content="请缴纳。",
            record="已发送",
        )
    assert_refused(e, "D3.9b", code="reminder_recorded", field="method")
    reminder = _remind(w, case, date(2026, 4, 9), method="phone")
    assert reminder.get_method_display() == "电话"


@pytest.mark.clause("D3.9b")
def test_no_compulsory_execution_without_a_reminder_whose_period_has_run(w):
    case = executing(w)
    Power.objects.create(
        agency=w.agency,
        code="C-1",
        name="查封扣押与加处罚款的强制执行",
        category="coercion",
        valid_from=date(2020, 1, 1),
    )
    with pytest.raises(DomainError) as e:
        services.compulsory_execute(actor=w.wang, case=case, measures="划拨存款", on=date(2026, 4, 10))
    assert_refused(e, "D3.9b", code="reminder_before_compulsion", field="reminder")
    _remind(w, case, date(2026, 4, 10), due=date(2026, 4, 20))
    with pytest.raises(DomainError) as e:
        services.compulsory_execute(actor=w.wang, case=case, measures="划拨存款", on=date(2026, 4, 20))
    assert_refused(e, "D3.9b", code="reminder_before_compulsion", field="on")
    enforcement = services.compulsory_execute(actor=w.wang, case=case, measures="划拨存款", on=date(2026, 4, 21))
    assert Case.objects.get(pk=case.pk).status == Status.COMPULSORY and enforcement.kind == "own"


@pytest.mark.clause("D3.1a")
def test_an_agency_without_coercion_power_must_apply_to_the_court(w):
    case = executing(w)
    _remind(w, case, date(2026, 4, 10), due=date(2026, 4, 20))
    with pytest.raises(DomainError) as e:
        services.compulsory_execute(actor=w.wang, case=case, measures="划拨存款", on=date(2026, 4, 21))
    assert_refused(e, "D3.1a", code="agency_may_compel")


@pytest.mark.clause("D3.9b")
def test_a_court_application_waits_ten_days_after_the_reminder(w):
    case = executing(w)
    with pytest.raises(DomainError) as e:
        services.court_apply(
            actor=w.wang, case=case, court="重庆市渝中区人民法院", measures="罚没款及加处罚款", on=date(2026, 10, 12)
        )
    assert_refused(e, "D3.9b", code="reminder_before_compulsion")
    _remind(w, case, date(2026, 10, 5))
    with pytest.raises(DomainError) as e:
        services.court_apply(
            actor=w.wang, case=case, court="重庆市渝中区人民法院", measures="罚没款及加处罚款", on=date(2026, 10, 15)
        )
    assert_refused(e, "D3.9b", code="reminder_before_compulsion", field="on")
    services.court_apply(
        actor=w.wang,
        case=case,
        court="重庆市渝中区人民法院",
        measures="罚没款及加处罚款",
        approved_by=w.head,
        approved_on=date(2026, 10, 16),
        on=date(2026, 10, 16),
    )
    assert Case.objects.get(pk=case.pk).status == Status.COMPULSORY


def _apply(w, case, on, **kw):
    return services.court_apply(
        actor=kw.pop("actor", w.wang), case=case, court="重庆市渝中区人民法院", measures="罚没款及加处罚款", on=on, **kw
    )


@pytest.mark.clause("D3.9b")
def test_a_telephone_call_or_a_visit_is_not_the_written_reminder_compulsion_needs(w):
    """行政强制法第三十五条：催告应当以书面形式作出。The phone call is recorded (the Decision's
    再次告知, D3.9b) but is no 催告: the court application still needs a 催告书 served ten days before."""
    case = executing(w)
    _remind(w, case, date(2026, 10, 1), method="phone")
    _remind(w, case, date(2026, 10, 2), method="visit")
    with pytest.raises(DomainError) as e:
        _apply(w, case, date(2026, 10, 16), approved_by=w.head, approved_on=date(2026, 10, 16))
    assert_refused(e, "D3.9b", code="reminder_before_compulsion", field="reminder")
    assert "书面" in str(e.value) and "第三十五条" in str(e.value)
    _remind(w, case, date(2026, 10, 5), method="letter")
    assert _apply(w, case, date(2026, 10, 16), approved_by=w.head, approved_on=date(2026, 10, 16)).pk


@pytest.mark.clause("D1.5")
def test_a_court_application_by_an_officer_needs_the_heads_signature(w):
    """行政强制法第五十五条：强制执行申请书应当由行政机关负责人签名，加盖印章，注明日期。"""
    case = executing(w)
    _remind(w, case, date(2026, 10, 5))
    with pytest.raises(DomainError) as e:
        _apply(w, case, date(2026, 10, 16))
    assert_refused(e, "D1.5", code="court_application_signed_by_head", field="approved_by")
    assert "第五十五条" in str(e.value)
    with pytest.raises(DomainError) as e:  # an officer is no head
        _apply(w, case, date(2026, 10, 16), approved_by=w.zhang, approved_on=date(2026, 10, 16))
    assert_refused(e, "D1.5", code="court_application_signed_by_head", field="approved_by")
    with pytest.raises(DomainError) as e:  # signed after the application
        _apply(w, case, date(2026, 10, 16), approved_by=w.head, approved_on=date(2026, 10, 19))
    assert_refused(e, "D1.5", code="court_application_signed_by_head", field="approved_on")
    enforcement = _apply(w, case, date(2026, 10, 16), approved_by=w.head, approved_on=date(2026, 10, 15))
    assert (enforcement.approved_by, enforcement.approved_on) == (w.head, date(2026, 10, 15))


def test_the_head_signs_by_applying_himself(w):
    case = executing(w)
    _remind(w, case, date(2026, 10, 5))
    assert R.court_application_signed_by_head(w.head, None, None, case.agency_id, date(2026, 10, 16)) is None
    assert R.court_application_signed_by_head(w.users["other_head"], None, None, case.agency_id, date(2026, 10, 16))


@pytest.mark.clause("D1.4")
def test_a_court_application_only_after_the_remedy_periods_and_within_three_months(w):
    case = executing(w)  # served 2026-03-20: litigation possible for six months
    _remind(w, case, date(2026, 4, 9))
    with pytest.raises(DomainError) as e:
        services.court_apply(actor=w.wang, case=case, court="渝中区人民法院", measures="……", on=date(2026, 5, 6))
    assert_refused(e, "D1.4", code="court_application_window")

    assert R.court_application_window(SERVED, date(2026, 9, 21)) is None
    late = R.court_application_window(SERVED, date(2026, 12, 22))
    assert late is not None and late.code == "court_application_window"


@pytest.mark.clause("D6.2a")
def test_a_case_closes_only_when_its_file_is_complete_then_is_archived_in_order(w):
    case = executing(w)
    _pay(w, case, "3240", SERVED + timedelta(days=3), receipt="F-1")
    with pytest.raises(DomainError) as e:
        services.close(actor=w.head, case=case, on=SERVED + timedelta(days=4))
    assert_refused(e, "D6.2a", code="file_checklist_complete", field="checklist")
    assert "回访记录" in e.value.message
    services.followup_record(
        actor=w.wang,
        case=case,
        method="visit",
        findings="已下架并建立进货查验制度。",
        problems="希望提供培训",
        response="已邀请参加辖区食品安全培训。",
        on=SERVED + timedelta(days=20),
    )
    case = services.close(actor=w.head, case=case, on=SERVED + timedelta(days=20))
    assert case.status == Status.CLOSED
    case_file = services.archive(actor=w.wang, case=case, on=SERVED + timedelta(days=21))
    kinds = [e["kind"] for e in case_file.contents]
    assert kinds[:2] == ["clue", "filing"] and kinds.index("decision") < kinds.index("payment") < kinds.index(
        "followup"
    )
    evidence = case.evidence.get()
    assert any(e["sha256"] == evidence.sha256 for e in case_file.contents)
    assert len(case_file.digest) == 64 and case_file.archive_number.startswith("渝中市监档〔2026〕")
    assert evidence.custody.last().action == "archived"
    assert Case.objects.get(pk=case.pk).status == Status.ARCHIVED


@pytest.mark.clause("D5.4")
def test_a_follow_up_that_hears_problems_answers_them(w):
    case = executing(w)
    with pytest.raises(DomainError) as e:
        services.followup_record(
            actor=w.wang,
            case=case,
            method="phone",
            findings="已整改",
            problems="资金困难",
            on=SERVED + timedelta(days=2),
        )
    assert e.value.field == "response"
    assert_refused(e, "D5.4", code="followup_answers_problems", field="response")


@pytest.mark.clause("D1.4")
def test_the_simple_procedure_is_capped_at_200_yuan_for_a_citizen(w):
    kw = {
        "actor": w.zhang,
        "party": w.person,
        "violation_item": w.item,
        "place": w.district,
        "act_date": D0,
        "facts": "当场发现……",
        "basis_articles": [w.article],
        "certificates_shown": True,
        "on": D0,
    }
    with pytest.raises(DomainError) as e:
        services.simple_penalty(terms={"fine": "201"}, **kw)
    assert_refused(e, "D1.4", code="simple_procedure_within_cap", field="fine")
    with pytest.raises(DomainError) as e:
        services.simple_penalty(terms={"suspension": True}, **kw)
    assert_refused(e, "D1.4", code="simple_procedure_within_cap")
    case = services.simple_penalty(terms={"fine": "200"}, **kw)
    assert case.procedure == "simple" and case.decision.number == "渝中市监简罚〔2026〕1号"
    assert case.status == Status.EXECUTING  # to be paid at the bank within 15 days
    # An organisation: up to 3,000.
    org = services.simple_penalty(**{**kw, "party": w.org, "terms": {"fine": "3000"}})
    assert org.decision.fine == Decimal("3000")
    warning = services.simple_penalty(**{**kw, "terms": {"warning": True}})
    assert warning.status == Status.EXECUTED


@pytest.mark.clause("D2.3")
def test_on_the_spot_collection_only_up_to_100_yuan_and_handed_over_within_two_days(w):
    kw = {
        "actor": w.zhang,
        "party": w.person,
        "violation_item": w.item,
        "place": w.district,
        "act_date": D0,
        "facts": "当场发现……",
        "basis_articles": [w.article],
        "certificates_shown": True,
        "on": D0,
        "collect_on_spot": True,
        "ticket_number": "渝财票0001",
    }
    with pytest.raises(DomainError) as e:
        services.simple_penalty(terms={"fine": "150"}, **kw)
    assert_refused(e, "D2.3", code="on_spot_collection_allowed", field="collect_on_spot")
    with pytest.raises(DomainError) as e:
        services.simple_penalty(terms={"fine": "50"}, **{**kw, "ticket_number": ""})
    assert_refused(e, "D2.3", code="payment_through_bank", field="receipt_number")
    # Hard to collect later (e.g. a traveller): allowed above 100.
    remote = services.simple_penalty(
        terms={"fine": "150"}, **{**kw, "hard_to_collect_later": True, "ticket_number": "渝财票0002"}
    )
    assert remote.payments.get().method == "on_spot"
    case = services.simple_penalty(terms={"fine": "50"}, **kw)
    assert case.status == Status.EXECUTING  # until the cash is handed over
    late_day = wd(D0, 3)
    with pytest.raises(DomainError) as e:
        services.on_spot_handover(actor=w.zhang, case=case, on=late_day)
    assert_refused(e, "D2.3", code="on_spot_handover_in_time", field="late_reason")
    services.on_spot_handover(actor=w.zhang, case=case, on=wd(D0, 2))
    assert Case.objects.get(pk=case.pk).status == Status.EXECUTED


@pytest.mark.clause("D3.8")
def test_the_simple_procedure_requires_showing_the_certificate(w):
    with pytest.raises(DomainError) as e:
        services.simple_penalty(
            actor=w.zhang,
            party=w.person,
            violation_item=w.item,
            place=w.district,
            act_date=D0,
            facts="……",
            terms={"warning": True},
            basis_articles=[w.article],
            certificates_shown=False,
            on=D0,
        )
    assert_refused(e, "D3.8", field="certificates_shown")
    assert_refused(e, "D3.8", code="certificates_shown_on_the_spot")
    assert not Case.objects.exists()


@pytest.mark.clause("D2.3")
def test_no_figure_counts_fine_revenue_per_officer(w, client):
    case = executing(w)
    _pay(w, case, "3240", SERVED + timedelta(days=1), receipt="R-1")
    board = selectors.workbench(w.wang, today=SERVED + timedelta(days=2))
    text = repr(board)
    assert "3240" not in text and "罚款收入" not in text and "fine_total" not in text
    client.force_login(w.zhang)
    page = client.get("/cases/workbench/").content.decode()
    assert "3,240" not in page and "罚没收入" not in page


@pytest.mark.clause("D1.4")
def test_the_decision_is_served_within_seven_working_days_or_the_delay_explained(w):
    case = decided(w)  # decided on wd(D0, 13)
    late = wd(wd(D0, 13), 8)
    with pytest.raises(DomainError) as e:
        services.decision_serve(actor=w.wang, case=case, method="mail", served_to="法定代表人", on=late)
    assert_refused(e, "D1.4", code="decision_served_in_time", field="late_reason")
    decision = services.decision_serve(
        actor=w.wang,
        case=case,
        method="mail",
        served_to="法定代表人",
        on=late,
        late_reason="当事人地址变更，邮件退回后重新送达。",
    )
    assert decision.service_late_reason and decision.served_on == late


@pytest.mark.clause("D2.3")
def test_a_payment_above_what_is_owed_is_refused_and_the_case_stays_executing(w, api):
    case = executing(w, terms={"fine": "2000", "confiscation": "50"})  # owes 2,050 yuan
    res = api(w.wang).post(
        f"cases/{case.pk}/payments",
        {
            "paid_on": str(SERVED + timedelta(days=3)),
            "on": str(SERVED + timedelta(days=3)),
            "amount": "999999999",
            "method": "bank",
            "bank": "中国工商银行重庆解放碑支行",
            "receipt_number": "F-999",
        },
    )
    body = assert_api_refused(res, 422, clause="D2.3", code="payment_within_owed")
    assert body["field"] == "amount" and "2,050.00" in body["message"]
    assert not case.payments.exists() and Case.objects.get(pk=case.pk).status == Status.EXECUTING
    _pay(w, case, "2000", SERVED + timedelta(days=3), receipt="F-1")
    with pytest.raises(DomainError) as e:
        _pay(w, case, "50.01", SERVED + timedelta(days=4), receipt="F-2")
    assert_refused(e, "D2.3", code="payment_within_owed", field="amount")
    _pay(w, case, "50", SERVED + timedelta(days=4), receipt="F-2")
    assert Case.objects.get(pk=case.pk).status == Status.EXECUTED
