"""The catalogue of powers over HTTP (D2.2, D3.1a): each power rests on articles of law,
regulations or rules, and a penalty power rests on the article setting the penalty."""

import pytest

from zhifa.core.models import AuditEvent
from zhifa.org.models import Power
from zhifa.org.tests.builders import make_article, make_basis, make_item, make_power
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(bodies):
    law = make_basis("law", "中华人民共和国食品安全法", "食品安全法")
    violated = make_article(law, 34, "禁止生产经营超过保质期的食品。")
    penalty = make_article(
        law, 124, "违反本法规定，有下列情形之一……由县级以上人民政府食品安全监督管理部门没收违法所得……"
    )
    item = make_item("经营超过保质期的食品", violated=violated, penalty=penalty)
    notice = make_article(make_basis("normative_document", "关于加强临期食品管理的通知", ""), 1, "设置临期食品专区。")
    return {**bodies, "item": item, "violated": violated, "penalty": penalty, "notice": notice}


def payload(c, **kw):
    return {
        "agency_id": c["agency"].pk,
        "code": "YZ-SC-001",
        "name": "对经营超过保质期食品的行政处罚",
        "valid_from": "2021-07-15",
        "basis_article_ids": [c["violated"].pk, c["penalty"].pk],
        "violation_item_ids": [c["item"].pk],
        **kw,
    }


@pytest.mark.clause("D2.2", "D3.1a")
def test_office_lists_a_power_grounded_in_its_articles(api, catalogue):
    res = api(catalogue["office"]).post("org/powers", payload(catalogue))
    assert res.status_code == 201, res.content
    body = res.json()
    assert [a["citation"] for a in body["basis_articles"]] == ["《食品安全法》第34条", "《食品安全法》第124条"]
    assert body["violation_items"][0]["name"] == "经营超过保质期的食品"
    event = AuditEvent.objects.get(act="power.create", object_id=str(body["id"]))
    assert event.changes["violation_items"] == [catalogue["item"].pk] and event.clauses == ["D2.2", "D3.1a"]
    public = api().get("org/powers", query_params={"agency": catalogue["agency"].pk}).json()["items"]
    assert public[0]["code"] == "YZ-SC-001" and public[0]["basis_articles"][1]["level"] == "law"
    assert api().get("org/powers", query_params={"violation_item": catalogue["item"].pk}).json()["count"] == 1


@pytest.mark.clause("D3.1a", "D2.2")
def test_a_power_without_a_basis_is_refused(api, catalogue):
    res = api(catalogue["office"]).post("org/powers", payload(catalogue, basis_article_ids=[], violation_item_ids=[]))
    body = assert_api_refused(res, 422, clause="D3.1a", code="power_has_legal_basis")
    assert body["field"] == "basis_articles" and "第十六条" in body["message"]


@pytest.mark.clause("D3.1a", "D2.2")
def test_a_normative_document_cannot_set_a_power(api, catalogue):
    res = api(catalogue["office"]).post(
        "org/powers", payload(catalogue, basis_article_ids=[catalogue["notice"].pk], violation_item_ids=[])
    )
    body = assert_api_refused(res, 422, clause="D3.1a", code="power_has_legal_basis")
    assert "其他规范性文件" in body["message"]
    assert not Power.objects.exists()


@pytest.mark.clause("D3.1a", "D2.2")
def test_a_penalty_power_must_rest_on_the_article_setting_the_penalty(api, catalogue):
    res = api(catalogue["office"]).post("org/powers", payload(catalogue, basis_article_ids=[catalogue["violated"].pk]))
    body = assert_api_refused(res, 422, clause="D3.1a", code="power_basis_covers_items")
    assert "经营超过保质期的食品" in body["message"] and "第124条" in body["message"]
    # An inspection power need not cite the penalty article.
    res = api(catalogue["office"]).post(
        "org/powers", payload(catalogue, category="inspection", basis_article_ids=[catalogue["violated"].pk])
    )
    assert res.status_code == 201


def test_other_offices_and_agency_staff_may_not_change_the_catalogue(api, catalogue):
    for role in ("jb_office", "head", "officer"):
        res = api(catalogue[role]).post("org/powers", payload(catalogue))
        assert_api_refused(res, 403, code="forbidden")
    power = make_power(catalogue["agency"], [catalogue["item"]])
    res = api(catalogue["head"]).patch(f"org/powers/{power.pk}", {"name": "改名"})
    assert_api_refused(res, 403, code="forbidden")


def test_update_rechecks_the_basis(api, catalogue):
    power = make_power(catalogue["agency"], [catalogue["item"]])
    res = api(catalogue["office"]).patch(f"org/powers/{power.pk}", {"basis_article_ids": [catalogue["notice"].pk]})
    assert_api_refused(res, 422, code="power_has_legal_basis")
    res = api(catalogue["office"]).patch(f"org/powers/{power.pk}", {"valid_to": "2030-12-31", "name": "新名称"})
    assert res.status_code == 200 and res.json()["valid_to"] == "2030-12-31"
    res = api(catalogue["office"]).patch(f"org/powers/{power.pk}", {"valid_to": "2000-01-01"})
    assert "失效日期不得早于生效日期" in assert_api_refused(res, 400, code="invalid")["message"]


def test_unknown_article_ids_are_refused_at_the_field(api, catalogue):
    res = api(catalogue["office"]).post("org/powers", payload(catalogue, basis_article_ids=[999999]))
    assert assert_api_refused(res, 400, code="invalid")["field"] == "basis_article_ids"


def test_power_pages_create_by_citation_and_show_the_article(client, catalogue):
    client.force_login(catalogue["office"])
    form = {
        "agency": catalogue["agency"].pk,
        "code": "YZ-SC-001",
        "name": "对经营超过保质期食品的行政处罚",
        "category": "penalty",
        "valid_from": "2021-07-15",
        "valid_to": "",
        "basis_articles": "食品安全法第三十四条\n《食品安全法》第一百二十四条",
        "violation_items": [catalogue["item"].pk],
    }
    res = client.post("/org/powers/new/", form)
    assert res.status_code == 302, res.content.decode()[:2000]
    power = Power.objects.get(code="YZ-SC-001")
    assert set(power.basis_articles.all()) == {catalogue["violated"], catalogue["penalty"]}
    detail = client.get(power.get_absolute_url()).content.decode()
    assert catalogue["penalty"].text in detail and "经营超过保质期的食品" in detail
    res = client.post("/org/powers/new/", {**form, "code": "X", "basis_articles": "食品安全法第九百九十九条"})
    assert res.status_code == 400 and "找不到以下条文" in res.content.decode()
    res = client.post("/org/powers/new/", {**form, "code": "Y", "basis_articles": "食品安全法第三十四条"})
    assert res.status_code == 422 and "处罚条文" in res.content.decode()
    listing = client.get("/org/powers/?q=保质期").content.decode()
    assert "YZ-SC-001" in listing
    edit = client.get(f"/org/powers/{power.pk}/edit/").content.decode()
    assert "《食品安全法》第124条" in edit


def test_agency_staff_read_the_catalogue_but_get_no_edit_button(client, catalogue):
    power = make_power(catalogue["agency"], [catalogue["item"]])
    client.force_login(catalogue["officer"])
    assert "修改</a>" not in client.get(power.get_absolute_url()).content.decode()
    assert client.get("/org/powers/").status_code == 200
    res = client.post(
        f"/org/powers/{power.pk}/edit/",
        {
            "code": power.code,
            "name": "x",
            "category": "penalty",
            "valid_from": "2020-01-01",
            "basis_articles": "食品安全法第一百二十四条",
        },
    )
    assert res.status_code == 403
