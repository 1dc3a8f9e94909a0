"""The party's pages over HTTP: log in with the access code, see the case, defend online,
ask for instalments; the officer receives; a victim gives an opinion on a published decision."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.models import Defence
from zhifa.cases.tests.builders import D0, notified, wd
from zhifa.portal import services
from zhifa.portal.models import Publication, StakeholderOpinion, Submission
from zhifa.portal.tests.publishing import served

pytestmark = pytest.mark.django_db


def login(client, w, case):
    client.force_login(w.zhang)
    r = client.post(f"/party-access/{case.pk}/issue/", {"on": str(wd(D0, 4))})
    assert r.status_code == 200
    code = r.context["code"]
    assert code in r.content.decode()
    client.logout()
    r = client.post("/party/login/", {"identifier": w.org.uscc, "code": code})
    assert r.status_code == 302 and r.url == "/party/"
    return code


def test_the_party_logs_in_sees_its_case_and_defends_online(client, w):
    case = notified(w)
    assert client.get("/party/").status_code == 302  # no session: the party login
    login(client, w, case)
    home = client.get("/party/").content.decode()
    assert case.filing_number in home
    page = client.get(f"/party/cases/{case.pk}/").content.decode()
    assert "事先告知书" in page and "在线陈述、申辩" in page
    r = client.post(f"/party/cases/{case.pk}/defence/", {"points": "不知道已过保质期\n已全部下架"})
    assert r.status_code == 302
    sub = Submission.objects.get()
    assert sub.points == ["不知道已过保质期", "已全部下架"]
    client.post("/party/logout/")
    client.force_login(w.zhang)
    assert "陈述、申辩" in client.get("/party-submissions/").content.decode()
    r = client.post(f"/party-submissions/{sub.pk}/receive/", {"on": str(clock_today())})
    assert r.status_code == 302, r.content.decode()[:2000]
    assert Defence.objects.filter(case=case).count() == 1


def clock_today():
    from zhifa.core import clock

    return clock.today()


def test_a_wrong_code_is_refused_at_its_field(client, w):
    case = notified(w)
    login(client, w, case)
    client.post("/party/logout/")
    r = client.post("/party/login/", {"identifier": w.org.uscc, "code": "AAAA-BBBB-CCCC"})
    assert r.status_code == 400 and "访问码不正确" in r.content.decode()


def test_another_partys_case_is_not_found_for_the_party(client, w):
    case = notified(w)
    other = notified(w, party=w.person)
    login(client, w, case)
    assert client.get(f"/party/cases/{other.pk}/").status_code == 404


def test_the_party_sees_payment_instructions_and_asks_for_instalments(client, w):
    case = served(w)
    login(client, w, case)
    page = client.get(f"/party/cases/{case.pk}/").content.decode()
    assert "缴纳罚款" in page and "指定银行" in page and "3,240.00" in page
    r = client.post(
        f"/party/cases/{case.pk}/payment-plan/",
        {"plan_kind": "instalments", "text": "确有困难", "proposal": "1620 2027-01-15\n1620 2027-02-15"},
    )
    assert r.status_code == 302
    assert Submission.objects.get().proposal == [
        {"amount": "1620.00", "due_on": "2027-01-15"},
        {"amount": "1620.00", "due_on": "2027-02-15"},
    ]
    r = client.post(f"/party/cases/{case.pk}/payment-plan/", {"plan_kind": "deferral", "text": ""})
    assert r.status_code == 422 and "经济困难" in r.content.decode()


def test_the_party_consents_to_electronic_service(client, w):
    case = notified(w)
    login(client, w, case)
    r = client.post("/party/consent/", {"channel": "email", "address": "fawu@example.cn"})
    assert r.status_code == 302
    assert "已同意以电子邮件送达" in client.get("/party/").content.decode()


def test_a_victim_gives_an_opinion_on_a_published_decision_and_the_officer_answers(client, w):
    served(w)
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get()
    assert "提出意见" in client.get(f"/publications/{pub.pk}/").content.decode()
    r = client.post(
        f"/publications/{pub.pk}/opinion/",
        {"relation": "victim", "name": "消费者李某", "contact": "13800002222", "opinion": "仍有过期商品。"},
    )
    assert r.status_code == 302
    assert "13800002222" not in client.get(f"/publications/{pub.pk}/").content.decode()
    opinion = StakeholderOpinion.objects.get()
    client.force_login(w.zhang)
    assert "仍有过期商品" in client.get("/opinions/").content.decode()
    r = client.post(f"/opinions/{opinion.pk}/answer/", {"answer": "已复查。", "on": str(clock_today())})
    assert r.status_code == 302


def test_the_submission_and_opinion_lists_issue_the_same_number_of_queries_for_5_and_50_rows(client, w):
    case = notified(w)
    served_case = served(w)
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get()

    def add(n):
        for _ in range(n):
            Submission.objects.create(
                party=w.org, case=case, agency=case.agency, kind="defence", submitted_on=D0, made_by="x", points=["y"]
            )
            StakeholderOpinion.objects.create(
                publication=pub,
                agency=served_case.agency,
                relation="victim",
                name="n",
                contact="c",
                opinion="o",
                submitted_on=D0,
            )

    def counts():
        client.force_login(w.zhang)
        out = []
        for url in ("/party-submissions/", "/opinions/"):
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            out.append(len(ctx))
        return out

    add(5)
    five = counts()
    add(45)
    assert counts() == five


def test_the_party_and_the_officer_over_the_api(api, client, w):
    from zhifa.testing import assert_api_refused

    case = notified(w)
    r = api(w.zhang).post(f"portal/cases/{case.pk}/access-code", {"on": str(wd(D0, 4))})
    assert r.status_code == 201, r.content
    code = r.json()["code"]
    assert api(w.other_officer).post(f"portal/cases/{case.pk}/access-code", {}).status_code == 404
    anon = api()
    assert anon.get("portal/party/cases").status_code == 401
    r = anon.post("portal/party/login", {"identifier": w.org.uscc, "code": "WRONG"})
    assert r.status_code == 400 and r.json()["field"] == "code"
    r = anon.post("portal/party/login", {"identifier": w.org.uscc, "code": code})
    assert r.status_code == 200 and r.json()["cases"][0]["id"] == case.pk
    assert [c["id"] for c in anon.get("portal/party/cases").json()] == [case.pk]
    r = anon.post(f"portal/party/cases/{case.pk}/submissions", {"kind": "defence", "points": [""]})
    assert_api_refused(r, 422, clause="D5.2a", code="defence_points_recorded")
    r = anon.post(f"portal/party/cases/{case.pk}/submissions", {"kind": "bogus"})
    assert r.status_code == 400
    r = anon.post(f"portal/party/cases/{case.pk}/submissions", {"kind": "defence", "points": ["已下架"]})
    assert r.status_code == 201 and r.json()["status"] == "submitted"
    sub_id = r.json()["id"]
    r = anon.post("portal/party/consent", {"channel": "sms", "address": "13800001111"})
    assert r.status_code == 201
    r = api(w.zhang).post(f"portal/submissions/{sub_id}/receive", {})
    assert r.status_code == 200 and r.json()["case_record"].startswith("defence:")
    assert api(w.other_officer).get(f"portal/submissions/{sub_id}").status_code == 404
    assert api(w.zhang).get("portal/submissions").json()["count"] == 1


def test_a_victims_opinion_over_the_public_api_is_answered_by_the_agency(api, w):
    served(w)
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get()
    r = api().post(
        f"portal/public/publications/{pub.pk}/opinions",
        {"relation": "victim", "name": "李某", "contact": "13800002222", "opinion": "仍有过期商品。"},
    )
    assert r.status_code == 201 and "contact" not in r.json()
    r = api().post(
        f"portal/public/publications/{pub.pk}/opinions",
        {"relation": "victim", "name": "", "contact": "x", "opinion": "y"},
    )
    assert r.status_code == 400 and r.json()["field"] == "name"
    opinion_id = api(w.zhang).get("portal/opinions").json()["items"][0]["id"]
    r = api(w.zhang).post(f"portal/opinions/{opinion_id}/answer", {"answer": "已复查。"})
    assert r.status_code == 200 and r.json()["answer"] == "已复查。"


def test_the_case_page_shows_the_access_card_after_the_notice_and_regenerating_is_audited(client, w):
    from zhifa.cases.tests.builders import reported
    from zhifa.core.models import AuditEvent
    from zhifa.portal.models import AccessCode

    early = reported(w)
    client.force_login(w.zhang)
    page = client.get(early.get_absolute_url()).content.decode()
    assert "送达事先告知书后，可向当事人发放访问码" in page
    case = notified(w)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "当事人在线办理" in page and "/party/login/" in page and "发放访问码" in page
    r = client.post(f"/party-access/{case.pk}/issue/", {"on": str(wd(D0, 4))})
    first = r.context["code"]
    body = r.content.decode()
    assert first in body and "data-print" in body and "/party/login/qr.svg" in body and case.party.name in body
    page = client.get(case.get_absolute_url()).content.decode()
    assert "重新生成访问码" in page and first not in page  # only the hash is kept
    r = client.post(f"/party-access/{case.pk}/issue/", {"on": str(wd(D0, 4))})
    second = r.context["code"]
    assert second != first
    events = AuditEvent.objects.filter(object_type="portal.accesscode").order_by("seq")
    assert [e.act for e in events] == ["party_access.issue", "party_access.regenerate"]
    assert events.last().changes["revoked"] == [AccessCode.objects.order_by("pk").first().pk]
    client.logout()
    r = client.post("/party/login/", {"identifier": w.org.uscc, "code": first})
    assert r.status_code == 400
    assert client.get("/party/login/qr.svg")["Content-Type"].startswith("image/svg+xml")
