"""Reconsideration (D6.5a, 行政复议法) and litigation (D6.6): applications in time,
accepted or refused with reasons, decided within 60 (+30) days, the unlawful act
corrected and linked back to its case, the late fee paused meanwhile, heads in court."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest

from zhifa.cases import obligations
from zhifa.cases.models import Case
from zhifa.cases.tests.builders import executing
from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent
from zhifa.oversight import remedies, selectors, services
from zhifa.testing import Api, assert_api_refused, assert_refused, frozen

pytestmark = pytest.mark.django_db


def applied(w, case, *, days_after_service=20, number="渝中府复〔2026〕1号"):
    served = case.decision.served_on
    return services.reconsideration_record(
        actor=w.legal_office,
        case=case,
        number=number,
        body="重庆市渝中区人民政府",
        applicant=case.party.name,
        known_on=served,
        applied_on=served + timedelta(days=days_after_service),
    )


@pytest.mark.clause("D6.5a")
def test_a_late_application_needs_a_reason_to_be_accepted_and_a_refusal_reasons(w):
    case = executing(w)
    late = applied(w, case, days_after_service=70)
    with pytest.raises(DomainError) as e:
        services.reconsideration_accept(actor=w.legal_office, item=late, accepted=True, on=late.applied_on)
    assert_refused(e, "D6.5a", code="application_within_period", field="late_reason")
    with pytest.raises(DomainError) as e:
        services.reconsideration_accept(actor=w.legal_office, item=late, accepted=False, on=late.applied_on)
    assert_refused(e, "D6.5a", code="refusal_reasoned")
    services.reconsideration_accept(
        actor=w.legal_office, item=late, accepted=False, on=late.applied_on, refusal_reason="超过申请期限且无正当理由。"
    )
    late.refresh_from_db()
    assert late.accepted is False and not late.pending


@pytest.mark.clause("D6.5a")
def test_decided_within_sixty_days_or_ninety_when_extended_and_the_act_corrected(w):
    case = executing(w)
    item = applied(w, case)
    services.reconsideration_accept(actor=w.legal_office, item=item, accepted=True, on=item.applied_on)
    with pytest.raises(DomainError) as e:
        services.reconsideration_decide(
            actor=w.legal_office,
            item=item,
            outcome="revoked",
            reasons="事实不清",
            decided_on=item.applied_on + timedelta(days=61),
        )
    assert_refused(e, "D6.5a", code="decided_within_period", field="decided_on")
    with pytest.raises(DomainError) as e:
        services.reconsideration_decide(
            actor=w.legal_office,
            item=item,
            outcome="revoked",
            reasons="事实不清",
            decided_on=item.applied_on + timedelta(days=80),
            extended=True,
        )
    assert_refused(e, "D6.5a", code="decided_within_period", field="extension_reason")
    services.reconsideration_decide(
        actor=w.legal_office,
        item=item,
        outcome="revoked",
        reasons="认定事实不清，证据不足。",
        decided_on=item.applied_on + timedelta(days=80),
        extended=True,
        extension_reason="案情复杂",
    )
    item.refresh_from_db()
    with pytest.raises(DomainError) as e:
        services.remedy_correct(actor=w.head, item=item, correction="")
    assert_refused(e, "D6.5a", code="unlawful_act_corrected")
    services.remedy_correct(actor=w.head, item=item, correction="撤销原处罚决定，重新调查。")
    event = AuditEvent.objects.filter(object_type="cases.case", object_id=str(case.pk), act="case.corrected").get()
    assert "撤销原处罚决定" in str(event.changes)


@pytest.mark.clause("D6.5a")
def test_the_late_fee_does_not_run_while_a_reconsideration_is_pending(w):
    case = executing(w)
    due = obligations.obligation(case, case.decision.served_on).next_due
    on = due + timedelta(days=30)
    plain = obligations.obligation(case, on).late_fee
    assert plain > 0 and remedies.late_fee(case, on) == plain
    item = applied(w, case, days_after_service=10)
    services.reconsideration_accept(actor=w.legal_office, item=item, accepted=True, on=item.applied_on)
    paused = remedies.late_fee(case, on)
    assert paused == Decimal("0.00")  # applied before the payment was due, still pending
    services.reconsideration_decide(
        actor=w.legal_office, item=item, outcome="upheld", reasons="事实清楚。", decided_on=due + timedelta(days=10)
    )
    case.refresh_from_db()
    assert Decimal("0") < remedies.late_fee(case, on) < plain


@pytest.mark.clause("D6.6")
def test_heads_appear_in_court_and_shortfalls_show(w):
    case = executing(w)
    suit = services.lawsuit_record(
        actor=w.head,
        case=case,
        number="(2026)渝0103行初1号",
        plaintiff=case.party.name,
        court="渝中区人民法院",
        filed_on=case.decision.served_on + timedelta(days=30),
    )
    assert list(selectors.appearance_shortfalls(w.legal_office, 2026)) == [w.agency]
    with pytest.raises(DomainError) as e:
        services.appearance_record(actor=w.head, head=w.zhang, on=suit.filed_on, lawsuit=suit)
    assert_refused(e, "D6.6", code="appearance_by_the_head")
    services.appearance_record(actor=w.head, head=w.head, on=suit.filed_on + timedelta(days=20), lawsuit=suit)
    assert list(selectors.appearance_shortfalls(w.legal_office, 2026)) == []
    services.lawsuit_judge(
        actor=w.head,
        suit=suit,
        outcome="upheld",
        judgment="驳回诉讼请求。",
        judged_on=suit.filed_on + timedelta(days=60),
    )
    with pytest.raises(DomainError) as e:
        services.remedy_correct(actor=w.head, item=suit, correction="无")
    assert_refused(e, "D6.5a", code="unlawful_act_corrected")


@pytest.mark.clause("D6.5a")
def test_reconsideration_over_http(w, client):
    case = executing(w)
    office = Api(client, w.legal_office)
    served = case.decision.served_on
    r = office.post(
        "oversight/reconsiderations",
        {
            "case_id": case.pk,
            "number": "渝中府复〔2026〕9号",
            "body": "渝中区人民政府",
            "applicant": "某超市",
            "known_on": str(served),
            "applied_on": str(served + timedelta(days=5)),
        },
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = office.post(
        f"oversight/reconsiderations/{pk}/accept", {"accepted": False, "on": str(served + timedelta(days=6))}
    )
    assert_api_refused(r, 422, clause="D6.5a", code="refusal_reasoned")
    r = office.post(
        f"oversight/reconsiderations/{pk}/accept", {"accepted": True, "on": str(served + timedelta(days=6))}
    )
    assert r.status_code == 200 and r.json()["late_fee_paused"]
    r = office.post(
        f"oversight/reconsiderations/{pk}/decide",
        {
            "outcome": "altered",
            "reasons": "罚款过重。",
            "decided_on": str(served + timedelta(days=40)),
            "public_hearing": True,
        },
    )
    assert r.status_code == 200 and r.json()["outcome"] == "altered"
    r = Api(client, w.head).post(f"oversight/reconsiderations/{pk}/correct", {"correction": "变更罚款为一千元。"})
    assert r.status_code == 200 and r.json()["corrected_on"]
    r = Api(client, w.legal_office).get("oversight/appearance-shortfalls?year=2026").json()
    assert [a["id"] for a in r] == [w.agency.pk]
    r = Api(client, w.head).post(
        f"oversight/reconsiderations/{pk}/appearances", {"head_id": w.head.pk, "on": str(served + timedelta(days=30))}
    )
    assert r.status_code == 201
    assert Api(client, w.legal_office).get("oversight/appearance-shortfalls?year=2026").json() == []
    # A year no date can hold is a 400 at the field, not a 500 (found by the API fuzz).
    refused = Api(client, w.legal_office).get("oversight/appearance-shortfalls?year=0")
    assert refused.status_code == 400 and refused.json()["field"] == "year"


def test_the_case_itself_owes_no_late_fee_while_a_lawsuit_is_pending_and_its_page_says_so(w, client):
    """行政处罚法第七十三条 applied where the late fee is computed (cases.obligations), so the
    case page, the case API, the portal and the execution acts all see the paused figure."""
    case = executing(w)
    due = obligations.obligation(case, case.decision.served_on).next_due
    on = due + timedelta(days=30)
    assert obligations.obligation(case, on).late_fee > 0 and obligations.obligation(case, on).paused == []
    services.lawsuit_record(
        actor=w.head,
        case=case,
        number="(2026)渝0103行初7号",
        plaintiff=case.party.name,
        court="渝中区人民法院",
        filed_on=due - timedelta(days=1),
    )
    case = Case.objects.get(pk=case.pk)
    owed = obligations.obligation(case, on)
    assert owed.late_fee == Decimal("0.00") and owed.paused == [(due - timedelta(days=1), on)]
    client.force_login(w.head)
    with frozen(datetime.combine(on, time(10, 0))):
        html = client.get(case.get_absolute_url()).content.decode()
    assert "加处罚款停止计算" in html and "行政处罚法第七十三条" in html
