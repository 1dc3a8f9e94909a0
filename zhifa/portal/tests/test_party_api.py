"""The party's API for a party client: the access-code session or the party's bearer token, scoped to
the party's own cases (another party's case is "not found"), with the 4xx documented."""

from __future__ import annotations

import pytest

from zhifa.cases.tests.builders import D0, notified, wd
from zhifa.portal import services
from zhifa.portal.party_auth import token_access
from zhifa.portal.tests.publishing import served

pytestmark = pytest.mark.django_db


def logged_in(api, w, case, identifier=None):
    _record, code = services.access_code_issue(actor=w.zhang, case=case, on=wd(D0, 4))
    anon = api()
    r = anon.post(
        "portal/party/login", {"identifier": identifier or case.party.uscc or case.party.id_number, "code": code}
    )
    assert r.status_code == 200, r.content
    return anon, r.json()["token"]


def bearer(client, token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_the_party_reads_its_case_notice_and_submissions_and_not_another_partys(api, w):
    case = notified(w)
    other = notified(w, party=w.person)
    anon, _token = logged_in(api, w, case)
    r = anon.get(f"portal/party/cases/{case.pk}")
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["case"]["id"] == case.pk and body["notice"]["defence_due"] and body["decision"] is None
    assert body["payment"] is None
    assert anon.get(f"portal/party/cases/{other.pk}").status_code == 404
    assert anon.get(f"portal/party/cases/{other.pk}/submissions").status_code == 404
    assert (
        anon.post(f"portal/party/cases/{other.pk}/submissions", {"kind": "defence", "points": ["x"]}).status_code == 404
    )
    anon.post(f"portal/party/cases/{case.pk}/submissions", {"kind": "defence", "points": ["已全部下架"]})
    r = anon.get(f"portal/party/cases/{case.pk}/submissions")
    assert r.json()["count"] == 1 and r.json()["items"][0]["kind"] == "defence"


def test_payment_instructions_after_the_decision_is_served(api, w):
    case = served(w)
    anon, _token = logged_in(api, w, case)
    body = anon.get(f"portal/party/cases/{case.pk}").json()
    assert body["decision"]["number"] == case.decision.number
    pay = body["payment"]
    assert pay["principal"] and pay["due_on"] and "第六十七条" in pay["instructions"]


def test_a_bearer_token_works_without_cookies_and_dies_with_a_new_code(api, client, w):
    case = notified(w)
    _anon, token = logged_in(api, w, case)
    client.cookies.clear()
    r = client.get("/api/v1/portal/party/cases", **bearer(client, token))
    assert r.status_code == 200 and [c["id"] for c in r.json()] == [case.pk]
    assert client.get("/api/v1/portal/party/cases", **bearer(client, token + "x")).status_code == 401
    services.access_code_issue(actor=w.zhang, case=case, on=wd(D0, 4))  # the officer regenerates the code
    assert token_access(token) is None
    assert client.get("/api/v1/portal/party/cases", **bearer(client, token)).status_code == 401


def test_consent_is_read_and_withdrawn_and_logout_ends_the_session(api, w):
    case = notified(w)
    anon, _token = logged_in(api, w, case)
    assert anon.get("portal/party/consent").status_code == 404
    assert anon.post("portal/party/consent", {"channel": "email", "address": "fawu@example.cn"}).status_code == 201
    assert anon.get("portal/party/consent").json()["channel"] == "email"
    r = anon.post("portal/party/consent/withdraw")
    assert r.status_code == 200 and r.json()["withdrawn_on"]
    assert anon.post("portal/party/consent/withdraw").status_code == 409
    assert anon.post("portal/party/logout").status_code == 204
    assert anon.get("portal/party/cases").status_code == 401


def test_the_party_rates_its_own_visit_and_another_partys_visit_is_not_found(api, w):
    case = notified(w)
    inspection = case.inspections.get()
    cert = w.zhang_officer.certificates.first()
    visit = services.visit_start(certificate_number=cert.number, place="解放碑某超市")
    anon, _token = logged_in(api, w, case)
    r = anon.post(f"portal/party/visits/{visit.token}/rating", {"score": 5})
    assert r.status_code == 409  # not yet filed against the case's inspection
    services.visit_link(actor=w.zhang, visit=visit, inspection=inspection)
    assert anon.post(f"portal/party/visits/{visit.token}/rating", {"score": 9}).status_code == 400
    r = anon.post(f"portal/party/visits/{visit.token}/rating", {"score": 4, "comment": "出示了证件"})
    assert r.status_code == 201 and r.json()["rated_at"]
    assert anon.post(f"portal/party/visits/{visit.token}/rating", {"score": 4}).status_code == 409
    other_case = notified(w, party=w.person)
    type(w.person).objects.filter(pk=w.person.pk).update(id_number="110101199003074477")
    other, _ = logged_in(api, w, other_case, identifier="110101199003074477")
    assert other.post(f"portal/party/visits/{visit.token}/rating", {"score": 1}).status_code == 404
    assert other.post("portal/party/visits/nonexistent/rating", {"score": 1}).status_code == 404
