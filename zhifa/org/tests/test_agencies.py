"""Enforcement bodies over HTTP: registration by the legal affairs office, and the
confirmation, suspension and revocation of their standing, published (D3.1c)."""

from datetime import date

import pytest

from zhifa.core.models import AuditEvent
from zhifa.org.models import Agency, StandingDecision
from zhifa.org.tests.builders import make_item, make_power
from zhifa.testing import assert_api_refused, valid_uscc

pytestmark = pytest.mark.django_db

NEW = {"name": "重庆市渝中区生态环境局", "code": "yz-sthj", "case_prefix": "渝中环", "field": "ecology"}


def test_anyone_lists_agencies_with_their_standing(api, bodies):
    res = api().get("org/agencies", query_params={"standing": "confirmed", "field": "market"})
    assert res.status_code == 200
    items = res.json()["items"]
    assert {a["name"] for a in items} == {
        "重庆市渝中区市场监督管理局",
        "重庆市江北区市场监督管理局",
        "重庆市市场监督管理局",
    }
    assert items[0]["standing_label"] == "主体资格已确认"
    one = api().get(f"org/agencies/{bodies['agency'].pk}").json()
    assert one["government"] == "渝中区" and one["field_label"] == "市场监管"


def test_district_office_registers_an_agency_pending_confirmation(api, bodies):
    res = api(bodies["office"]).post(
        "org/agencies", {**NEW, "government_id": bodies["yuzhong"].pk, "uscc": valid_uscc()}
    )
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["standing"] == "pending"
    event = AuditEvent.objects.get(act="agency.create", object_id=str(body["id"]))
    assert event.actor == bodies["office"] and event.agency_id == body["id"]


def test_an_office_may_not_register_an_agency_of_another_district(api, bodies):
    res = api(bodies["office"]).post("org/agencies", {**NEW, "government_id": bodies["jiangbei"].pk})
    assert_api_refused(res, 403, code="forbidden")


@pytest.mark.parametrize("role", ["head", "officer", "supervisor"])
def test_agency_staff_and_supervisors_may_not_register_agencies(api, bodies, role):
    res = api(bodies[role]).post("org/agencies", {**NEW, "government_id": bodies["yuzhong"].pk})
    assert_api_refused(res, 403, code="forbidden")
    assert not Agency.objects.filter(code="yz-sthj").exists()


def test_invalid_credit_code_is_refused_at_the_field(api, bodies):
    res = api(bodies["admin"]).post(
        "org/agencies", {**NEW, "government_id": bodies["yuzhong"].pk, "uscc": "91500103MA12345678"}
    )
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "uscc" and "统一社会信用代码" in body["message"]


def test_update_keeps_standing_out_of_reach(api, bodies):
    agency = bodies["agency"]
    res = api(bodies["office"]).patch(f"org/agencies/{agency.pk}", {"phone": "023-63000000", "standing": "revoked"})
    assert res.status_code == 200 and res.json()["phone"] == "023-63000000" and res.json()["standing"] == "confirmed"
    res = api(bodies["jb_office"]).patch(f"org/agencies/{agency.pk}", {"phone": "1"})
    assert_api_refused(res, 403, code="forbidden")


@pytest.mark.clause("D3.1c")
def test_office_confirms_suspends_and_reconfirms_standing_with_reasons_published(api, bodies):
    res = api(bodies["office"]).post("org/agencies", {**NEW, "government_id": bodies["yuzhong"].pk})
    pk = res.json()["id"]
    res = api(bodies["office"]).post(
        f"org/agencies/{pk}/standing",
        {"standing": "confirmed", "reason": "2026年度执法主体资格清理：确认", "on": "2026-03-01"},
    )
    assert res.status_code == 201, res.content
    agency = Agency.objects.get(pk=pk)
    assert agency.standing == "confirmed" and agency.standing_confirmed_on == date(2026, 3, 1)
    event = AuditEvent.objects.get(act="agency.standing", object_id=str(pk))
    assert event.clauses == ["D3.1c"] and event.changes["standing"] == ["pending", "confirmed"]
    res = api(bodies["office"]).post(
        f"org/agencies/{pk}/standing",
        {"standing": "suspended", "reason": "执法人员未按期换证，暂停执法", "on": "2026-04-01"},
    )
    assert res.status_code == 201
    decision = StandingDecision.objects.get(pk=res.json()["id"])
    assert decision.previous == "confirmed" and decision.office.name == "重庆市渝中区司法局"
    published = api().get(f"org/agencies/{pk}/standing-decisions").json()
    assert [d["standing"] for d in published] == ["suspended", "confirmed"]
    assert published[0]["reason"] == "执法人员未按期换证，暂停执法"
    assert (
        api(bodies["office"])
        .post(f"org/agencies/{pk}/standing", {"standing": "confirmed", "reason": "整改完毕", "on": "2026-05-01"})
        .status_code
        == 201
    )


@pytest.mark.clause("D3.1c")
def test_a_standing_decision_needs_a_reason_and_a_lawful_step(api, bodies):
    pk = bodies["agency"].pk
    res = api(bodies["office"]).post(
        f"org/agencies/{pk}/standing", {"standing": "suspended", "reason": " ", "on": "2026-04-01"}
    )
    body = assert_api_refused(res, 422, clause="D3.1c", code="standing_decision_reasoned")
    assert body["field"] == "reason"
    assert (
        api(bodies["office"])
        .post(f"org/agencies/{pk}/standing", {"standing": "revoked", "reason": "机构撤并", "on": "2026-04-01"})
        .status_code
        == 201
    )
    res = api(bodies["office"]).post(
        f"org/agencies/{pk}/standing", {"standing": "confirmed", "reason": "恢复", "on": "2026-04-02"}
    )
    assert "已撤销" in assert_api_refused(res, 422, clause="D3.1c", code="standing_decision_follows")["message"]
    res = api(bodies["office"]).post(
        f"org/agencies/{pk}/standing", {"standing": "pending", "reason": "x", "on": "2026-04-02"}
    )
    assert assert_api_refused(res, 400, code="invalid")["field"] == "standing"


@pytest.mark.parametrize("role", ["head", "supervisor", "jb_office"])
def test_only_the_office_above_decides_standing(api, bodies, role):
    res = api(bodies[role]).post(
        f"org/agencies/{bodies['agency'].pk}/standing", {"standing": "suspended", "reason": "x", "on": "2026-04-01"}
    )
    assert_api_refused(res, 403, code="forbidden")
    assert Agency.objects.get(pk=bodies["agency"].pk).standing == "confirmed"


def test_the_city_office_decides_for_a_district_agency(api, bodies):
    res = api(bodies["city_office"]).post(
        f"org/agencies/{bodies['agency'].pk}/standing",
        {"standing": "suspended", "reason": "专项检查发现问题", "on": "2026-04-01"},
    )
    assert res.status_code == 201 and res.json()["office"] == "重庆市司法局"


def test_agency_pages_list_detail_edit_and_standing(client, bodies):
    client.force_login(bodies["office"])
    page = client.get(f"/org/agencies/?field=market&government={bodies['yuzhong'].pk}")
    text = page.content.decode()
    assert page.status_code == 200 and "重庆市渝中区市场监督管理局" in text and "重庆市江北区市场监督管理局" not in text
    detail = client.get(f"/org/agencies/{bodies['agency'].pk}/").content.decode()
    assert "主体资格决定" in detail and "执法岗位" in detail
    res = client.post(
        f"/org/agencies/{bodies['agency'].pk}/standing/",
        {"standing": "suspended", "reason": "暂停执法（测试）", "on": "2026-04-01"},
    )
    assert res.status_code == 302
    assert Agency.objects.get(pk=bodies["agency"].pk).standing == "suspended"
    res = client.post(
        f"/org/agencies/{bodies['agency'].pk}/standing/", {"standing": "suspended", "reason": "", "on": "2026-04-01"}
    )
    assert res.status_code == 400 and 'id="field-reason"' in res.content.decode()
    form = {
        **NEW,
        "short_name": "",
        "kind": "agency",
        "government": bodies["yuzhong"].pk,
        "uscc": "",
        "address": "",
        "phone": "",
    }
    res = client.post("/org/agencies/new/", form)
    assert res.status_code == 302
    agency = Agency.objects.get(code="yz-sthj")
    res = client.post(f"/org/agencies/{agency.pk}/edit/", {**form, "phone": "023-1234"})
    assert res.status_code == 302 and Agency.objects.get(pk=agency.pk).phone == "023-1234"


def test_agency_staff_see_the_page_but_not_the_standing_form(client, bodies):
    client.force_login(bodies["other_officer"])
    detail = client.get(f"/org/agencies/{bodies['agency'].pk}/").content.decode()
    assert "主体资格决定</a>" not in detail and "执法岗位</h2>" not in detail
    res = client.post(
        f"/org/agencies/{bodies['agency'].pk}/standing/", {"standing": "suspended", "reason": "x", "on": "2026-04-01"}
    )
    assert res.status_code == 403


@pytest.mark.clause("D3.1c")
def test_public_pages_show_bodies_powers_articles_and_standing_without_login(client, bodies):
    item = make_item("经营超过保质期的食品")
    article = item.penalty_articles.get()
    make_power(bodies["agency"], [item], name="对经营超过保质期食品的行政处罚")
    StandingDecision.objects.create(
        agency=bodies["agency"],
        standing="confirmed",
        previous="pending",
        decided_on=date(2026, 1, 10),
        reason="2026年度清理确认",
    )
    listing = client.get("/org/public/agencies/?q=渝中")
    assert listing.status_code == 200
    assert "重庆市渝中区市场监督管理局" in listing.content.decode() and "重庆市江北区" not in listing.content.decode()
    page = client.get(f"/org/public/agencies/{bodies['agency'].pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "对经营超过保质期食品的行政处罚" in text and str(article) in text and article.text in text
    assert "2026年度清理确认" in text and "主体资格已确认" in text
    suspended = bodies["other"]
    suspended.standing = "suspended"
    suspended.save()
    assert "不得实施行政执法" in client.get(f"/org/public/agencies/{suspended.pk}/").content.decode()
    assert client.get("/org/public/agencies/99999/").status_code == 404


def test_the_api_filters_as_the_page_does_and_refuses_an_unknown_choice(api, client, bodies):
    from zhifa.org.filters import AgencyFilter

    res = api().get("org/agencies", query_params={"q": bodies["agency"].code})
    assert [a["id"] for a in res.json()["items"]] == [bodies["agency"].pk]  # q reads the code, as on the page
    body = assert_api_refused(api().get("org/agencies", query_params={"standing": "bogus"}), 400, code="invalid")
    assert body["field"] == "standing" and "主体资格" in body["message"]
    params = {
        p["name"]: p for p in api().get("openapi.json").json()["paths"]["/api/v1/org/agencies"]["get"]["parameters"]
    }
    assert set(AgencyFilter.base_filters) <= set(params)
    assert params["standing"]["description"].startswith("主体资格：confirmed（主体资格已确认）")
