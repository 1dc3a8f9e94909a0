"""D5.7's education of poor-credit parties (座谈会、结对帮教) recorded as acts; the credit API's registers,
plans and results; and the party's own objection on the portal, answered by the agency."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zhifa.cases.tests.builders import executing
from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent
from zhifa.credit import facts, services
from zhifa.credit import rules as R
from zhifa.credit.models import Interview
from zhifa.credit.rating import DecisionFact, rate
from zhifa.testing import Api, assert_api_refused, assert_refused, make_party

pytestmark = pytest.mark.django_db


def poor(monkeypatch):
    """Every party rated C (较差): one 40-point decision and one 10-point one."""

    def rating(party, on):
        lines = [
            DecisionFact(
                f"decision:{n}",
                f"渝中市监罚〔2026〕{n}号",
                1,
                "渝中区市场监管局",
                date(2026, 9, 1),
                s,
                Decimal("3000"),
                Decimal("50000"),
                False,
            )
            for n, s in ((1, True), (2, False))
        ]
        return rate(lines, [], on)

    monkeypatch.setattr(facts, "rating", rating)


def interview_data(**kw):
    return {
        "kind": "forum",
        "held_on": date(2026, 11, 20),
        "attendees": "张某（执法人员）、当事人负责人王某",
        "content": "讲解食品安全法进货查验规定",
        "outcome": "当事人建立进货查验台账",
        **kw,
    }


@pytest.mark.clause("D5.7")
def test_an_interview_is_for_a_poor_credit_party_only(w, monkeypatch):
    party = make_party()
    with pytest.raises(DomainError) as e:
        services.interview_record(actor=w.zhang, party=party, **interview_data())
    assert_refused(e, "D5.7", code="interview_for_poor_credit", field="party")
    assert R.interview_for_poor_credit("C", "较差") is None
    poor(monkeypatch)
    interview = services.interview_record(actor=w.zhang, party=party, **interview_data())
    assert interview.grade == "C" and interview.score < 70 and interview.agency == w.agency
    event = AuditEvent.objects.get(act="credit_interview.record")
    assert event.changes["grade"] == "C"


@pytest.mark.clause("D5.7")
def test_mentoring_names_its_mentor(w, monkeypatch):
    poor(monkeypatch)
    party = make_party()
    with pytest.raises(DomainError) as e:
        services.interview_record(actor=w.zhang, party=party, **interview_data(kind="mentoring"))
    assert_refused(e, "D5.7", code="mentoring_names_its_mentor", field="mentor")
    services.interview_record(
        actor=w.zhang, party=party, **interview_data(kind="mentoring", mentor="重庆某守信超市（结对企业）")
    )
    with pytest.raises(DomainError) as e:
        services.interview_record(actor=w.zhang, party=party, **interview_data(outcome=" "))
    assert e.value.field == "outcome" and e.value.status == 400


def test_interviews_over_the_api_and_pages(client, w, monkeypatch):
    poor(monkeypatch)
    party = make_party()
    officer = Api(client, w.zhang)
    body = {**interview_data(), "party_id": party.pk, "held_on": "2026-11-20"}
    r = officer.post("credit/interviews", body)
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    assert officer.get(f"credit/interviews/{pk}").json()["grade"] == "C"
    assert officer.get("credit/interviews", QUERY_STRING="kind=forum").json()["count"] == 1
    assert officer.get("credit/interviews?kind=mentoring").json()["count"] == 0
    assert officer.get("credit/interviews?kind=bogus").status_code == 400
    bad = officer.post("credit/interviews", {**body, "kind": "mentoring"})
    assert_api_refused(bad, 422, clause="D5.7", code="mentoring_names_its_mentor")
    assert officer.post("credit/interviews", {**body, "party_id": 999999}).status_code == 400
    assert Api(client, w.other_officer).get(f"credit/interviews/{pk}").status_code == 404
    client.force_login(w.zhang)
    page = client.get(f"/credit/parties/{party.pk}/").content.decode()
    assert "记录座谈会、结对帮教" in page and "当事人建立进货查验台账" in page
    r = client.post(
        f"/credit/parties/{party.pk}/interviews/new/",
        {**interview_data(kind="mentoring", mentor="张某"), "held_on": "2026-11-21"},
    )
    assert r.status_code == 302
    assert Interview.objects.count() == 2
    assert "结对帮教" in client.get("/credit/interviews/?kind=mentoring").content.decode()
    r = client.post(f"/credit/parties/{party.pk}/interviews/new/", {**interview_data(kind="mentoring")})
    assert r.status_code in (400, 422) and "帮教人" in r.content.decode()


def test_the_registers_plans_and_results_over_the_api(client, w):
    head = Api(client, w.head)
    r = head.post("credit/items", {"code": "SJ-09", "name": "食品经营许可", "kind": "key", "basis": "食品安全法"})
    assert r.status_code == 201
    item_id = r.json()["id"]
    assert head.get("credit/items?kind=key").json()["count"] == 1
    assert head.get("credit/items?q=SJ-09").json()["items"][0]["kind_label"] == "重点检查事项"
    assert head.get(f"credit/items/{item_id}").status_code == 200
    assert Api(client, w.other_officer).get(f"credit/items/{item_id}").status_code == 404
    party = make_party(name="渝中某超市")
    officer = Api(client, w.zhang)
    assert officer.post("credit/targets", {"party_id": party.pk}).status_code == 201
    assert officer.get("credit/targets?q=渝中某").json()["count"] == 1
    head = Api(client, w.head)
    for o in (w.zhang_officer, w.li_officer):
        assert head.post("credit/inspectors", {"officer_id": o.pk}).status_code == 201
    assert head.post("credit/inspectors", {"officer_id": w.other_officer.officer.pk}).status_code in (400, 404)
    assert head.get("credit/inspectors").json()["count"] == 2
    r = head.post(
        "credit/plans", {"title": "2026年抽查", "year": 2026, "item_ids": [item_id], "target_count": 1, "seed": "s1"}
    )
    assert r.status_code == 201 and r.json()["seed"] == "s1"
    plan_id = r.json()["id"]
    assert (
        head.post("credit/plans", {"title": "x", "year": 2026, "item_ids": [999999], "target_count": 1}).status_code
        == 400
    )
    bad = head.post(
        "credit/plans",
        {"title": "x", "year": 2026, "item_ids": [item_id], "target_count": 1, "inspectors_per_target": 1},
    )
    assert bad.status_code == 201  # the rule is checked when drawing
    assert head.get("credit/plans?status=seeded&year=2026").json()["count"] == 2
    assert_api_refused(
        head.post(f"credit/plans/{bad.json()['id']}/draw"), 422, clause="D3.8", code="two_inspectors_per_target"
    )
    target = head.post(f"credit/plans/{plan_id}/draw").json()["targets"][0]
    inspector = target["inspector_ids"]
    officer_user = w.zhang if w.zhang_officer.pk in inspector else w.li
    r = Api(client, officer_user).post(
        f"credit/drawn/{target['id']}/result", {"result": "corrected", "note": "标签不全"}
    )
    assert r.status_code == 200 and r.json()["result"] == "corrected"
    assert Api(client, w.head).post(f"credit/drawn/{target['id']}/result", {"result": "bogus"}).status_code == 400
    r = Api(client, w.head).post(f"credit/drawn/{target['id']}/review")
    assert r.status_code == 200 and r.json()["reviewed_on"]
    assert Api(client, w.head).post(f"credit/drawn/{target['id']}/review").status_code == 409


@pytest.mark.clause("D5.7")
def test_the_party_objects_on_its_own_page_and_sees_the_answer(client, w):
    from zhifa.cases.tests.builders import D0, wd
    from zhifa.portal import services as portal

    case = executing(w)
    _record, code = portal.access_code_issue(actor=w.zhang, case=case, on=wd(D0, 4))
    r = client.post("/party/login/", {"identifier": case.party.uscc, "code": code})
    assert r.status_code == 302
    page = client.get("/party/credit/").content.decode()
    assert case.decision.number in page and "提出异议" in page
    line_key = facts.rating(case.party, date.today()).lines[0].key
    r = client.post("/party/credit/objection/", {"line_key": line_key, "reason": ""})
    assert r.status_code == 400
    r = client.post("/party/credit/objection/", {"line_key": line_key, "reason": "该决定已被复议撤销。"})
    assert r.status_code == 302
    r = client.post("/party/credit/objection/", {"line_key": line_key, "reason": "再提一次"})
    assert r.status_code == 409 and "等待答复" in r.content.decode()
    api_view = client.get("/api/v1/portal/party/credit").json()
    assert api_view["objections"][0]["status"] == "open"
    objection_id = api_view["objections"][0]["id"]
    event = AuditEvent.objects.get(act="credit_objection.file")
    assert event.actor_label.startswith("当事人（在线）") and event.changes["online"] is True
    head = Api(client, w.head)
    r = head.post(f"credit/objections/{objection_id}/answer", {"upheld": True, "answer": "经核实已被撤销，异议成立。"})
    assert r.status_code == 200 and r.json()["online"] is True
    client.post("/party/login/", {"identifier": case.party.uscc, "code": code})
    page = client.get("/party/credit/").content.decode()
    assert "异议成立" in page and "经核实已被撤销" in page
    r = client.post(
        "/api/v1/portal/party/credit/objections",
        {"line_key": "decision:0", "reason": "x"},
        content_type="application/json",
    )
    assert r.status_code in (403, 422)  # CSRF on the session, or the rule
