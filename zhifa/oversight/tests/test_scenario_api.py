"""Scenario 6 over HTTP (issue 10, "Done when"): the legal affairs office samples last
year's files of an agency, finds a decision that never answered the party's defence,
opens an accountability matter against the officer, records the result, and the result
is published."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.test import Client

from zhifa.cases.models import Decision, Defence, DefencePoint
from zhifa.cases.tests.builders import decided
from zhifa.core import clock
from zhifa.oversight import review as file_review
from zhifa.testing import Api, assert_api_refused, frozen

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D6.2c", "D6.2b", "D6.3a", "D6.3b")
def test_sample_find_the_unanswered_defence_hold_the_officer_to_account_publish(w, client):
    files = [decided(w, on=clock.today() - timedelta(days=150 + 7 * i)) for i in range(4)]
    bad = files[2]
    # The party's written defence was received before the decision and never reviewed or
    # answered (a record carried over from before the platform enforced D5.2a).
    d = Defence.objects.create(case=bad, received_on=bad.decision.decided_on, form="written", made_by="法定代表人")
    DefencePoint.objects.create(defence=d, number=1, text="商品系供货商配送时已临期，本店不知情。")
    Decision.objects.filter(case=bad).update(defence_answers="")

    with frozen(datetime(2027, 1, 18, 10, 0)):  # early next year: "last year's files" are 2026's
        office = Api(client, w.legal_office)
        r = office.post(
            "oversight/rounds",
            {"kind": "spot", "agency_id": w.agency.pk, "year": 2026, "sample_size": 4, "seed": "渝中2027抽查"},
        )
        assert r.status_code == 201, r.content
        rnd = r.json()
        assert rnd["seed"] == "渝中2027抽查" and rnd["population"] == 4
        assert [x["case_id"] for x in rnd["reviews"]] == file_review.sample([c.pk for c in files], "渝中2027抽查", 4)

        found = [x for x in rnd["reviews"] if any(f["code"] == "defence_not_answered" for f in x["prefilled"])]
        assert [x["case_id"] for x in found] == [bad.pk]
        review = found[0]

        scores = {"body": 20, "procedure": 20, "facts": 20, "evidence": 20, "law": 20}
        r = office.post(f"oversight/reviews/{review['id']}/complete", {**scores, "confirmed": ["defence_not_answered"]})
        assert_api_refused(r, 422, clause="D6.2b", code="review_scored")
        r = office.post(
            f"oversight/reviews/{review['id']}/complete",
            {**scores, "procedure": 10, "confirmed": ["defence_not_answered"], "added": "决定书未载明对申辩的答复。"},
        )
        assert r.status_code == 200 and r.json()["total"] == 90

        r = office.post(
            "oversight/matters",
            {
                "origin": "review",
                "case_id": bad.pk,
                "review_id": review["id"],
                "fault": "作出处罚决定前未复核当事人的陈述申辩，决定书未予答复。",
                "officer_ids": [],
            },
        )
        assert_api_refused(r, 422, clause="D6.3a", code="fault_and_officers_named")
        r = office.post(
            "oversight/matters",
            {
                "origin": "review",
                "case_id": bad.pk,
                "review_id": review["id"],
                "fault": "作出处罚决定前未复核当事人的陈述申辩，决定书未予答复。",
                "officer_ids": [bad.lead_officer_id],
            },
        )
        assert r.status_code == 201, r.content
        matter = r.json()
        assert matter["officers"] == [bad.lead_officer.name] and matter["state"] == "open"

        anonymous = Api(Client(), None)
        assert anonymous.get("oversight/public/accountability").json()["count"] == 0

        r = office.post(
            f"oversight/matters/{matter['id']}/decide",
            {"cause": "承办人未将申辩材料入卷复核。", "sanction": "对承办人批评教育，责令重新学习行政处罚法。"},
        )
        assert r.status_code == 200 and r.json()["state"] == "decided"
        summary = f"{w.agency.name}执法人员{bad.lead_officer.name}作出处罚决定前未复核当事人申辩，已批评教育。"
        r = office.post(f"oversight/matters/{matter['id']}/publish", {"public_summary": summary})
        assert r.status_code == 200 and r.json()["state"] == "published"

        client.logout()
        public = Api(client, None).get("oversight/public/accountability").json()
        assert public["count"] == 1 and public["items"][0]["public_summary"] == summary
        page = client.get(f"/oversight/public/accountability/{matter['id']}/")
        assert page.status_code == 200 and bad.lead_officer.name in page.content.decode()
        assert "执法过错责任追究结果" in client.get("/oversight/public/accountability/").content.decode()


def test_the_pages_walk_the_same_scenario(w, client):
    case = decided(w)
    client.force_login(w.legal_office)
    r = client.post("/oversight/rounds/new/", {"kind": "spot", "agency": w.agency.pk, "year": 2026, "sample_size": 1})
    assert r.status_code == 302, r.content.decode()[:2000]
    page = client.get(r["Location"]).content.decode()
    assert "随机种子" in page and case.number in page
    review = case.file_reviews.get()
    assert client.get(f"/oversight/reviews/{review.pk}/complete/").status_code == 200
    r = client.post(
        f"/oversight/reviews/{review.pk}/complete/",
        {"body": 20, "procedure": 18, "facts": 20, "evidence": 20, "law": 20, "added": "卷内目录不全。"},
    )
    assert r.status_code == 302
    assert "立项追究过错责任" in client.get(review.get_absolute_url()).content.decode()
    r = client.post(
        f"/oversight/matters/new/?review={review.pk}",
        {"origin": "review", "fault": "卷内目录不全。", "officers": [case.lead_officer_id]},
    )
    assert r.status_code == 302
    matter = case.accountability.get()
    r = client.post(f"/oversight/matters/{matter.pk}/decide/", {"cause": "疏忽", "sanction": "批评教育"})
    assert r.status_code == 302
    assert client.get(f"/oversight/matters/{matter.pk}/publish/").status_code == 200
    r = client.post(f"/oversight/matters/{matter.pk}/publish/", {"public_summary": "某局卷内目录不全，批评教育。"})
    assert r.status_code == 302
    client.logout()
    assert "某局卷内目录不全" in client.get("/oversight/public/accountability/").content.decode()
