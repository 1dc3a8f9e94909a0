"""Published decisions over the pages and the API: the public register, the open data,
the agencies' acts, the crawl for private information, and query counts."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.tests.builders import D0, wd
from zhifa.portal import services
from zhifa.portal.models import Publication
from zhifa.portal.tests.publishing import PERSON_ADDRESS, PERSON_ID, PERSON_PHONE, RELATIVE, leaky_person_case, served
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db

SECRETS = (PERSON_ID, PERSON_ADDRESS, PERSON_PHONE, RELATIVE)


@pytest.fixture
def published(w):
    """An organisation's decision and a private person's, both published by the tick."""
    org_case = served(w)
    person_case = leaky_person_case(w, on=wd(D0, 1))
    services.tick(on=wd(D0, 16))
    return Publication.objects.get(decision=org_case.decision), Publication.objects.get(decision=person_case.decision)


def test_the_public_register_lists_and_shows_published_decisions_with_their_index(client, published):
    org_pub, person_pub = published
    page = client.get("/publications/").content.decode()
    assert org_pub.document_number in page and org_pub.index_number in page and person_pub.party_name in page
    detail = client.get(f"/publications/{org_pub.pk}/").content.decode()
    for label in ("索引号", "发文字号", "主题分类", "成文日期", "发布日期", "公开摘要", "某超市销售过期食品被处罚。"):
        assert label in detail
    home = client.get("/").content.decode()
    assert "行政处罚决定公开" in home and org_pub.document_number in home


def test_the_public_register_filters_by_keyword(client, published):
    org_pub, person_pub = published
    page = client.get("/publications/", {"q": person_pub.party_name}).content.decode()
    assert person_pub.document_number in page and org_pub.document_number not in page


def test_open_data_in_csv_and_json_carries_the_documented_fields(client, published):
    from zhifa.portal.opendata import FIELDS

    body = client.get("/publications/export.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [label for _n, label, _d in FIELDS] and len(rows) == 3
    data = json.loads(client.get("/publications/export.json").content)
    assert [f["name"] for f in data["fields"]] == [n for n, _l, _d in FIELDS]
    assert data["count"] == 2 and {i["index_number"] for i in data["items"]} == {p.index_number for p in published}
    api_data = client.get("/api/v1/portal/public/open-data").json()
    assert api_data["count"] == 2
    doc = client.get("/publications/open-data/").content.decode()
    assert all(label in doc for _n, label, _d in FIELDS)


def test_no_public_page_or_api_response_shows_a_private_persons_identity_number_address_or_relative(client, published):
    from tests import routes

    _org_pub, person_pub = published
    urls = set()
    for route in routes.pages():
        if not re.search(r"<", route.path):
            urls.add(route.path)
        elif route.name.startswith("portal:publication") and re.fullmatch(r"[^<]*<int:pk>/", route.path):
            urls.add(route.path.replace("<int:pk>", str(person_pub.pk)))
    for route in routes.operations():
        if route.method != "GET":
            continue
        if "{" not in route.path:
            urls.add(route.path)
        elif "/portal/" in route.path:
            urls.add(route.path.replace("{pk}", str(person_pub.pk)))
    assert f"/publications/{person_pub.pk}/" in urls and f"/api/v1/portal/public/publications/{person_pub.pk}" in urls
    opened = 0
    for url in sorted(urls):
        response = client.get(url)
        if response.status_code != 200:
            continue
        opened += 1
        text = response.content.decode("utf-8", errors="replace")
        for secret in SECRETS:
            assert secret not in text, (url, secret)
    assert opened > 20


def test_the_agency_publishes_changes_and_withdraws_through_the_api(api, w):
    case = served(w)
    r = api(w.head).post("portal/publications", {"decision_id": case.decision.pk, "on": str(wd(D0, 14))})
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    assert r.json()["status"] == "pending" and r.json()["due_on"] == str(wd(case.decision.decided_on, 7))
    r = api(w.head).post(f"portal/publications/{pk}/publish", {"on": str(wd(D0, 14))})
    assert r.status_code == 200 and r.json()["status"] == "published"
    assert api().get(f"portal/public/publications/{pk}").json()["summary"] == "某超市销售过期食品被处罚。"
    r = api(w.head).post(f"portal/publications/{pk}/withdraw", {"reason": "", "on": str(wd(D0, 15))})
    assert_api_refused(r, 422, clause="D5.6", code="withdrawal_reason_stated")
    r = api(w.head).post(f"portal/publications/{pk}/change", {"kind": "bogus", "reason": "x"})
    assert r.status_code == 400
    r = api(w.legal_office).post(
        f"portal/publications/{pk}/change", {"kind": "revoked", "reason": "复议决定撤销", "on": str(wd(D0, 15))}
    )
    assert r.status_code == 200 and r.json()["withdrawal_due_on"] == str(wd(wd(D0, 15), 3))
    r = api(w.head).post(f"portal/publications/{pk}/withdraw", {"reason": "决定已被撤销", "on": str(wd(D0, 15))})
    assert r.status_code == 200 and r.json()["status"] == "withdrawn"
    assert api().get(f"portal/public/publications/{pk}").json()["withdrawal_reason"] == "决定已被撤销"
    assert api().get("portal/public/withdrawals").json()["count"] == 1


def test_another_agency_sees_no_publication_and_cannot_name_the_decision(api, w):
    case = served(w)
    r = api(w.other_head).post("portal/publications", {"decision_id": case.decision.pk})
    assert r.status_code == 400 and r.json()["field"] == "decision_id"
    services.tick(on=wd(D0, 14))
    pk = Publication.objects.get().pk
    assert api(w.other_head).get(f"portal/publications/{pk}").status_code == 404
    assert api(w.other_head).post(f"portal/publications/{pk}/withdraw", {"reason": "x"}).status_code == 404
    assert api().get("portal/publications").status_code == 401


@pytest.mark.clause("D5.6")
def test_the_prepare_page_refuses_a_warning_at_its_field_and_registers_a_social_impact_one(client, w):
    case = served(w, terms={"warning": True})
    client.force_login(w.head)
    data = {"number": case.decision.number, "on": str(wd(D0, 14))}
    r = client.post("/publications/manage/prepare/", data)
    assert r.status_code == 422 and "仅受到警告" in r.content.decode()
    r = client.post("/publications/manage/prepare/", {**data, "number": "不存在的文号"})
    assert r.status_code == 400 and "核对文号" in r.content.decode()
    r = client.post(
        "/publications/manage/prepare/", {**data, "social_impact": "on", "social_impact_reason": "学校周边，社会关注"}
    )
    assert r.status_code == 302
    pub = Publication.objects.get()
    page = client.get(f"/publications/manage/{pub.pk}/").content.decode()
    assert "学校周边" in page and "公开" in page
    r = client.post(f"/publications/manage/{pub.pk}/publish/", {"on": str(wd(D0, 14))})
    assert r.status_code == 302
    pub.refresh_from_db()
    assert pub.status == "published"


def test_the_late_page_shows_overdue_withdrawals_to_the_legal_affairs_office(client, w):
    from datetime import date

    case = served(w, on=date(2026, 9, 1))
    services.tick(on=case.decision.served_on)
    pub = Publication.objects.get()
    services.decision_change_record(actor=w.head, publication=pub, kind="revoked", reason="撤销", on=date(2026, 9, 30))
    client.force_login(w.legal_office)
    page = client.get("/publications/manage/late/").content.decode()
    assert pub.index_number in page and "逾期未撤回" in page


def _copies(w, pub, n: int, start: int = 0):
    """n more published rows without walking n cases: copies of one published decision's publication."""
    from zhifa.cases.models import Case, Decision

    for i in range(start, start + n):
        decision = Decision.objects.get(pk=pub.decision_id)
        decision.pk = decision.id = None
        decision.case = Case.objects.create(
            agency=w.agency, source="complaint", received_on=D0, summary="复制", created_by=w.zhang
        )
        decision.number = f"{pub.document_number}-{i}"
        decision.save()
        copy = Publication.objects.get(pk=pub.pk)
        copy.pk = None
        copy.decision = decision
        copy.index_number = f"{pub.index_number}-{i}"
        copy.save()


LIST_URLS = [
    ("/publications/", False),
    ("/api/v1/portal/public/publications?limit=100", False),
    ("/publications/export.json", False),
    ("/publications/export.csv", False),
    ("/api/v1/portal/public/open-data", False),
    ("/publications/manage/", True),
    ("/api/v1/portal/publications?limit=100", True),
    ("/publications/manage/late/", True),
    ("/api/v1/portal/publications/late?limit=100", True),
]


def test_lists_issue_the_same_number_of_queries_for_5_and_50_rows(client, w):
    case = served(w)
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get(decision=case.decision)
    _copies(w, pub, 4)

    def counts():
        out = {}
        for url, login in LIST_URLS:
            if login:
                client.force_login(w.head)
            else:
                client.logout()
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200, url
            out[url] = len(ctx)
        return out

    five = counts()
    _copies(w, pub, 45, start=4)
    assert Publication.objects.count() == 50
    assert counts() == five
