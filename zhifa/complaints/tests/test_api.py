"""The complaints API (/api/v1/complaints/): the queue, the acts, the public tracking and
media results, the dashboard's counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.complaints.tests.builders import enforcement_complaint, report
from zhifa.testing import Api, assert_api_refused

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D6.7a", "D3.4")
def test_the_office_routes_and_the_agency_answers_over_the_api(client, w):
    c = report(w, violation_item=None, field="")
    office = Api(client, w.legal_office)
    queue = office.get("complaints/queue").json()
    assert [r["tracking_number"] for r in queue["items"]] == [c.tracking_number]
    assert queue["items"][0]["status_label"] == "待分办"
    routed = office.post(f"complaints/{c.pk}/route", {"agency_id": w.agency.pk, "note": "请核查。"})
    assert routed.status_code == 200 and routed.json()["agency_name"] == w.agency.name
    officer = Api(client, w.zhang)
    assert officer.post(f"complaints/{c.pk}/route", {"agency_id": w.agency.pk}).status_code == 403
    short = officer.post(f"complaints/{c.pk}/answer", {"answer": "已处理"})
    assert_api_refused(short, 422, clause="D6.7a", code="answer_gives_result_and_reasons")
    taken = officer.post(f"complaints/{c.pk}/take-up")
    assert taken.status_code == 200 and taken.json()["case_id"]
    answered = officer.post(f"complaints/{c.pk}/answer", {"answer": "经核查属实，已立案调查。"})
    body = answered.json()
    assert body["status"] == "answered"
    assert [s["act"] for s in body["history"]] == ["submit", "route", "take_up", "answer"]
    public = Api(client).get(f"complaints/track/{c.tracking_number}").json()
    assert public["answer"] == "经核查属实，已立案调查。" and "complainant_name" not in public
    assert Api(client).get("complaints/track/TS0000").status_code == 404


def test_an_enforcement_complaint_cannot_be_routed_over_the_api(client, w):
    c = enforcement_complaint(w)
    response = Api(client, w.legal_office).post(f"complaints/{c.pk}/route", {"agency_id": w.agency.pk})
    assert_api_refused(response, 422, clause="D6.7a", code="enforcement_complaint_stays_with_office")


def test_the_office_registers_a_call_and_bad_references_are_400(client, w):
    office = Api(client, w.legal_office)
    created = office.post(
        "complaints/",
        {
            "kind": "violation",
            "description": "来电举报过期食品。",
            "violation_item_id": w.item.pk,
            "place_id": w.district.pk,
        },
    )
    assert created.status_code == 201 and created.json()["agency_id"] == w.agency.pk
    bad = office.post("complaints/", {"kind": "violation", "description": "来电。", "place_id": 999999})
    assert bad.status_code == 400 and bad.json()["field"] == "place_id"
    assert office.post("complaints/", {"kind": "praise", "description": "来电。"}).status_code == 400


def test_other_agencies_do_not_see_it(client, w):
    c = report(w)
    assert Api(client, w.other_officer).get(f"complaints/{c.pk}").status_code == 404
    assert Api(client, w.other_officer).get("complaints/").json()["count"] == 0


def test_counts_for_the_dashboard(client, w):
    report(w)
    enforcement_complaint(w)
    counts = Api(client, w.legal_office).get("complaints/counts?start=2026-12-01&end=2026-12-31").json()
    assert counts["total"]["total"] == 2 and counts["by_kind"] == {"violation": 1, "enforcement": 1}
    assert {h["name"] for h in counts["by_handler"]} == {"政府法制机构", w.agency.name}


@pytest.mark.clause("D6.7b")
def test_media_over_the_api(client, w):
    office = Api(client, w.legal_office)
    created = office.post(
        "complaints/media",
        {
            "agency_id": w.agency.pk,
            "outlet": "华龙网",
            "title": "执法车违停",
            "reported_on": "2026-11-30",
            "summary": "执法车辆占用人行道。",
        },
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    refused = office.post(f"complaints/media/{pk}/conclude", {"result": "属实"})
    assert_api_refused(refused, 422, clause="D6.7b", code="media_result_stated")
    result = "经追查属实，已通报批评并责令整改。"
    assert office.post(f"complaints/media/{pk}/conclude", {"result": result}).status_code == 200
    assert Api(client).get(f"complaints/public/media/{pk}").json()["result"] == result


def test_the_api_lists_issue_the_same_queries_for_5_and_50(client, w):
    for _ in range(5):
        report(w)
    office = Api(client, w.legal_office)
    office.get("complaints/")
    with CaptureQueriesContext(connection) as five:
        office.get("complaints/")
        office.get("complaints/queue")
    for _ in range(45):
        report(w)
    with CaptureQueriesContext(connection) as fifty:
        assert office.get("complaints/?limit=50").json()["count"] == 50
        office.get("complaints/queue?limit=50")
    assert len(fifty.captured_queries) == len(five.captured_queries)
