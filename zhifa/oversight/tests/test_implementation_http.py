"""Implementation over HTTP (D3.5, D7, D8): the API's acts and refusals, and the pages."""

from __future__ import annotations

import pytest
from django.test import Client

from zhifa.cases.tests.builders import decided
from zhifa.testing import Api, assert_api_refused, make_agency, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D3.5")
def test_a_report_owed_overdue_then_made_over_the_api_and_shown_on_the_board(w, client):
    w.power.basis_articles.add(w.article)
    office = Api(client, w.legal_office)
    rows = office.get("oversight/implementation/reports?state=overdue").json()["items"]
    assert [(r["basis_id"], r["agency_id"], r["due_on"]) for r in rows] == [(w.basis.pk, w.agency.pk, "2016-10-01")]
    assert office.get("oversight/implementation/reports?state=nonsense").status_code == 400
    client.force_login(w.legal_office)
    html = client.get("/oversight/alerts/").content.decode()
    assert "新法实施一年后未报告执行情况" in html and "D3.5" in html
    html = client.get("/oversight/implementation/reports/?state=overdue").content.decode()
    assert w.basis.title in html and "逾期未报告" in html

    head = Api(Client(), w.head)
    r = head.post(
        "oversight/implementation/reports", {"basis_id": w.basis.pk, "agency_id": w.agency.pk, "content": "短"}
    )
    assert_api_refused(r, 422, clause="D3.5", code="report_states_implementation")
    r = head.post(
        "oversight/implementation/reports",
        {"basis_id": w.basis.pk, "agency_id": w.agency.pk, "content": "依据该法查处案件十二件，开展培训两次。"},
    )
    assert r.status_code == 201, r.content
    assert r.json()["state"] == "reported"
    assert office.get("oversight/implementation/reports?state=overdue").json()["items"] == []


def test_the_report_form_from_the_list(w, client):
    w.power.basis_articles.add(w.article)
    client.force_login(w.head)
    url = f"/oversight/implementation/reports/new/?basis={w.basis.pk}&agency={w.agency.pk}"
    assert w.basis.title in client.get(url).content.decode()
    r = client.post(url, {"content": "好"})
    assert r.status_code == 422 and "不少于10个字" in r.content.decode()
    r = client.post(url, {"content": "依据该法查处案件十二件，开展培训两次。"})
    assert r.status_code == 302


@pytest.mark.clause("D7")
def test_a_cleanup_submitted_reviewed_published_and_read_by_the_public(w, client):
    city_agency = make_agency(w.city, name="重庆市市场监督管理局", case_prefix="渝市监")
    head = Api(client, make_user("head", agency=city_agency, username="city-head", display_name="市局长"))
    r = head.post(
        "oversight/implementation/cleanups",
        {"agency_id": city_agency.pk, "subject": "powers", "year": 2026, "summary": "梳理执法权责128项。"},
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    office = Api(Client(), make_user("legal_office", government=w.city, username="city-sfj", display_name="市司法局"))
    r = office.post(f"oversight/implementation/cleanups/{pk}/publish", {"public_summary": "公示"})
    assert_api_refused(r, 422, clause="D7", code="cleanup_published_after_review")
    r = office.post(f"oversight/implementation/cleanups/{pk}/review", {"approve": True})
    assert r.json()["state"] == "approved"
    r = office.post(f"oversight/implementation/cleanups/{pk}/publish", {"public_summary": "保留执法权责128项。"})
    assert r.json()["state"] == "published"
    public = Api(Client())
    assert [c["id"] for c in public.get("oversight/public/cleanups").json()["items"]] == [pk]
    html = Client().get(f"/oversight/public/cleanups/{pk}/").content.decode()
    assert "保留执法权责128项" in html and "执法权责" in html
    r = Api(Client(), w.head).post(
        "oversight/implementation/cleanups",
        {"agency_id": w.agency.pk, "subject": "bodies", "year": 2026, "summary": "确认主体。"},
    )
    assert_api_refused(r, 422, clause="D7", code="cleanup_by_a_city_agency")


@pytest.mark.clause("D8")
def test_a_measure_filed_and_returned_with_reasons(w, client):
    city_agency = make_agency(w.city, name="重庆市市场监督管理局", case_prefix="渝市监")
    head = Api(client, make_user("head", agency=city_agency, username="city-head", display_name="市局长"))
    r = Api(Client(), w.head).post(
        "oversight/implementation/measures",
        {"agency_id": w.agency.pk, "title": "实施办法", "adopted_on": "2026-11-01", "content": "全文"},
    )
    assert_api_refused(r, 422, clause="D8", code="measure_by_a_district_or_city_department")
    r = head.post(
        "oversight/implementation/measures",
        {"agency_id": city_agency.pk, "title": "实施办法", "adopted_on": "2026-11-01", "content": "全文"},
    )
    assert r.status_code == 201, r.content
    assert r.json()["maker"] == "重庆市市场监督管理局" and r.json()["government_id"] is None
    pk = r.json()["id"]
    office = Api(Client(), make_user("legal_office", government=w.city, username="city-sfj", display_name="市司法局"))
    r = office.post(f"oversight/implementation/measures/{pk}/review", {"accept": False})
    assert_api_refused(r, 422, clause="D8", code="measure_review_reasoned")
    r = office.post(f"oversight/implementation/measures/{pk}/review", {"accept": False, "review_opinion": "补充细则。"})
    assert r.json()["state"] == "returned"


@pytest.mark.clause("D8", "D6.3a")
def test_a_special_inspection_finds_a_fault_and_refers_it_over_the_api(w, client):
    case = decided(w)
    office = Api(client, w.legal_office)
    r = office.post(
        "oversight/implementation/inspections", {"year": 2026, "title": "专项执法检查", "focus": "执法责任制"}
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = office.post("oversight/implementation/inspections", {"year": 2026, "title": "再查", "focus": "再查"})
    assert_api_refused(r, 422, clause="D8", code="special_inspection_once_a_year")
    r = office.post(
        f"oversight/implementation/inspections/{pk}/findings",
        {"agency_id": w.agency.pk, "finding": "决定未答复申辩。", "fault": True, "score_deduction": 3},
    )
    no_case = r.json()["id"]
    r = office.post(f"oversight/implementation/findings/{no_case}/refer", {"officer_ids": [w.zhang_officer.pk]})
    assert_api_refused(r, 422, clause="D8", code="finding_referred_with_case")
    r = office.post(
        f"oversight/implementation/inspections/{pk}/findings",
        {"agency_id": w.agency.pk, "finding": "决定未答复申辩。", "fault": True, "case_id": case.pk},
    )
    fid = r.json()["id"]
    r = office.post(f"oversight/implementation/findings/{fid}/refer", {"officer_ids": [w.zhang_officer.pk]})
    assert r.status_code == 201, r.content
    assert r.json()["origin"] == "inspection" and r.json()["case_id"] == case.pk
    body = office.get(f"oversight/implementation/inspections/{pk}").json()
    assert body["fault_count"] == 2 and {f["matter_id"] is not None for f in body["findings"]} == {True, False}
    client.force_login(w.legal_office)
    html = client.get(f"/oversight/implementation/inspections/{pk}/").content.decode()
    assert "决定未答复申辩" in html and "追责〔2026〕" in html


def test_the_lists_render(w, client):
    client.force_login(w.legal_office)
    for url in (
        "/oversight/implementation/reports/",
        "/oversight/implementation/cleanups/?subject=bases",
        "/oversight/implementation/measures/?state=filed",
        "/oversight/implementation/inspections/?year=2026",
        "/oversight/public/cleanups/",
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.clause("D8")
def test_a_district_government_files_its_measure_on_the_page_and_the_city_reviews_it(w, client):
    client.force_login(w.legal_office)
    page = client.get("/oversight/implementation/measures/new/").content.decode()
    assert "制定政府" in page and w.district.name in page and "制定部门" not in page
    r = client.post(
        "/oversight/implementation/measures/new/",
        {"government": w.district.pk, "title": "区政府贯彻《决定》实施办法", "adopted_on": "2026-11-01", "content": ""},
    )
    assert r.status_code == 400 and "主要内容" in r.content.decode()  # the error at its field
    r = client.post(
        "/oversight/implementation/measures/new/",
        {
            "government": w.district.pk,
            "title": "区政府贯彻《决定》实施办法",
            "adopted_on": "2026-11-01",
            "content": "全文",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    listing = client.get("/oversight/implementation/measures/?agency__name=" + w.district.name).content.decode()
    assert "区政府贯彻《决定》实施办法" in listing
    office = Api(Client(), make_user("legal_office", government=w.city, username="city-sfj2", display_name="市司法局"))
    items = office.get("oversight/implementation/measures").json()["items"]
    assert [(i["maker"], i["government_id"], i["agency_id"]) for i in items] == [
        (f"{w.district.name}人民政府", w.district.pk, None)
    ]
    r = Api(Client(), w.legal_office).post(
        f"oversight/implementation/measures/{items[0]['id']}/review", {"accept": True}
    )
    assert_api_refused(r, 422, clause="D8", code="measure_filed_with_the_city")
    r = office.post(f"oversight/implementation/measures/{items[0]['id']}/review", {"accept": True})
    assert r.json()["state"] == "accepted"
    r = Api(Client(), w.legal_office).post(
        "oversight/implementation/measures",
        {"government_id": 999999, "title": "实施办法", "adopted_on": "2026-11-01", "content": "全文"},
    )
    assert r.status_code == 400 and "government_id" in r.content.decode()
