"""Assistance (D4.4a–b) and information requests (D4.5a) between agencies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhifa.cooperation import services
from zhifa.cooperation.tests.builders import D0, wd
from zhifa.core.errors import DomainError
from zhifa.testing import assert_api_refused, assert_refused

pytestmark = pytest.mark.django_db


def _seizure(w, **kw):
    data = {
        "actor": w.other_head,
        "requested_agency": w.agency,
        "kind": "seizure",
        "matters": "请协助扣押某公司仓库内的涉案排污设备。",
        "legal_basis": "《中华人民共和国行政强制法》第十八条",
        "letter_sealed": True,
        "approval_document": "渝中环强批〔2026〕3号",
        "on": D0,
    }
    data.update(kw)
    return services.assistance_request(**data)


@pytest.mark.clause("D4.4b")
def test_a_complete_lawful_request_cannot_be_declined_and_is_answered(w):
    r = _seizure(w)
    assert r.number.endswith("号") and "协" in r.number and r.due_on == wd(D0, 5)
    with pytest.raises(DomainError) as e:
        services.assistance_answer(
            actor=w.head, request=r, outcome="declined_incomplete", result="手续不全", on=wd(D0, 1)
        )
    assert_refused(e, "D4.4b", code="assistance_not_refused_when_complete", field="outcome")
    done = services.assistance_answer(
        actor=w.head, request=r, outcome="assisted", result="已派员协助扣押设备二台。", on=wd(D0, 1)
    )
    assert done.get_outcome_display() == "已协助" and done.answered_on == wd(D0, 1)


@pytest.mark.clause("D4.4b")
def test_an_incomplete_request_may_be_declined_with_reasons_and_late_answers_say_why(w):
    r = _seizure(w, letter_sealed=False, approval_document="")
    with pytest.raises(DomainError) as e:
        services.assistance_answer(actor=w.head, request=r, outcome="declined_incomplete", result=" ", on=wd(D0, 1))
    assert_refused(e, "D4.4b", code="assistance_not_refused_when_complete", field="result")
    with pytest.raises(DomainError) as e:
        services.assistance_answer(
            actor=w.head, request=r, outcome="declined_incomplete", result="未加盖印章、未附批准文书", on=wd(D0, 6)
        )
    assert_refused(e, "D4.4b", code="assistance_answered_in_time", field="late_reason")
    services.assistance_answer(
        actor=w.head,
        request=r,
        outcome="declined_incomplete",
        result="未加盖印章、未附批准文书，请补正后再请求。",
        late_reason="承办人出差",
        on=wd(D0, 6),
    )


def test_only_the_requested_agency_answers_and_only_once(w):
    r = _seizure(w)
    with pytest.raises(DomainError) as e:
        services.assistance_answer(actor=w.other_officer, request=r, outcome="assisted", result="x", on=wd(D0, 1))
    assert e.value.code == "forbidden"
    services.assistance_answer(actor=w.zhang, request=r, outcome="assisted", result="已协助", on=wd(D0, 1))
    with pytest.raises(DomainError) as e:
        services.assistance_answer(actor=w.zhang, request=r, outcome="assisted", result="已协助", on=wd(D0, 1))
    assert e.value.code == "conflict"


@pytest.mark.clause("D4.5a")
def test_information_is_given_free_and_on_time(w):
    r = services.information_request(
        actor=w.other_officer,
        requested_agency=w.agency,
        subject="某公司的营业执照登记信息",
        purpose="核实排污案件当事人的主体信息",
        party=w.org,
        on=D0,
    )
    with pytest.raises(DomainError) as e:
        services.information_answer(actor=w.zhang, request=r, answer="见附件", fee=Decimal("50"), on=wd(D0, 1))
    assert_refused(e, "D4.5a", code="information_free", field="fee")
    with pytest.raises(DomainError) as e:
        services.information_answer(actor=w.zhang, request=r, answer="见附件", on=wd(D0, 8))
    assert_refused(e, "D4.5a", code="information_answered_in_time")
    done = services.information_answer(actor=w.zhang, request=r, answer="统一社会信用代码……", on=wd(D0, 2))
    assert done.answered_on == wd(D0, 2) and done.fee == 0


def test_requests_over_http_both_sides_see_them_a_third_does_not(w, api):
    body = {
        "requested_agency_id": w.agency.pk,
        "kind": "investigation",
        "matters": "请协助调取某公司的进货台账。",
        "legal_basis": "行政处罚法第二十六条",
        "letter_sealed": True,
        "on": str(D0),
    }
    r = api(w.other_officer).post("cooperation/assistance", body)
    assert r.status_code == 201, r.content
    rid = r.json()["id"]
    assert r.json()["overdue"] is True  # sent in March, unanswered on 1 December
    # no case filed for an investigation: the procedure is not complete, so declining is allowed
    r = api(w.zhang).post(
        f"cooperation/assistance/{rid}/answer",
        {"outcome": "declined_incomplete", "result": "请先立案。", "late_reason": "逾期", "on": str(wd(D0, 1))},
    )
    assert r.status_code == 200, r.content
    assert api(w.t_officer1).get(f"cooperation/assistance/{rid}").status_code == 404
    assert api(w.other_head).get("cooperation/assistance").json()["count"] == 1
    r = api(w.other_officer).post(
        "cooperation/information",
        {"requested_agency_id": w.agency.pk, "subject": "登记信息", "purpose": "核实", "on": str(D0)},
    )
    assert r.status_code == 201
    r = api(w.zhang).post(
        f"cooperation/information/{r.json()['id']}/answer", {"answer": "见附件", "fee": "10.00", "on": str(wd(D0, 1))}
    )
    assert_api_refused(r, 422, clause="D4.5a", code="information_free")


def test_the_request_lists_cost_the_same_queries_for_5_and_50(w, api):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api(w.zhang)

    def count(path):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    def add(n):
        for _ in range(n):
            _seizure(w)
            services.information_request(
                actor=w.other_officer, requested_agency=w.agency, subject="信息", purpose="核实", on=D0
            )

    add(5)
    five = (count("cooperation/assistance?limit=100"), count("cooperation/information?limit=100"))
    add(45)
    assert (count("cooperation/assistance?limit=100"), count("cooperation/information?limit=100")) == five
