"""Authorisations and entrustments over HTTP (D2.4, D3.1a): scope, period, the receiving
organisation, revocation with a reason; visible only to the agencies concerned."""

from datetime import date

import pytest

from zhifa.core.models import AuditEvent
from zhifa.org import competence
from zhifa.org.models import Delegation
from zhifa.org.tests.builders import make_article, make_basis, make_delegation, make_item, make_power
from zhifa.testing import assert_api_refused, make_agency, make_officer, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(bodies):
    item = make_item("销售失效、变质的产品")
    recipient = make_agency(bodies["yuzhong"], name="渝中区市场监管综合执法大队", kind="entrusted")
    make_officer(recipient)
    return {
        **bodies,
        "item": item,
        "recipient": recipient,
        "city_power": make_power(bodies["city_agency"], [item]),
        "other_power": make_power(bodies["other"], [item]),
        "recipient_head": make_user("head", agency=recipient, username="dd-head"),
    }


def entrust(w, **kw):
    return {
        "kind": "entrustment",
        "delegator_id": w["city_agency"].pk,
        "recipient_id": w["recipient"].pk,
        "power_ids": [w["city_power"].pk],
        "valid_from": "2025-01-01",
        "valid_to": "2027-12-31",
        "document_number": "渝市监委〔2025〕1号",
        "scope_note": "渝中区辖区内",
        **kw,
    }


@pytest.mark.clause("D2.4", "D3.1a")
def test_the_delegators_head_entrusts_in_writing_and_it_grants_the_power(api, world):
    res = api(world["city_head"]).post("org/delegations", entrust(world))
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["status"] == "in_force" and body["powers"][0]["id"] == world["city_power"].pk
    event = AuditEvent.objects.get(act="delegation.create", object_id=str(body["id"]))
    assert event.agency_id == world["recipient"].pk and event.changes["powers"] == [world["city_power"].pk]
    grants = competence.grants_for(world["recipient"], world["item"], date(2026, 1, 1))
    assert grants and grants[0].acts_in_name_of == world["city_agency"]


@pytest.mark.clause("D3.1a", "D2.4")
def test_entrustment_without_a_written_document_is_refused(api, world):
    res = api(world["city_head"]).post("org/delegations", entrust(world, document_number=""))
    body = assert_api_refused(res, 422, clause="D2.4", code="delegation_written_with_scope")
    assert body["field"] == "document_number" and "第二十条" in body["message"]


@pytest.mark.clause("D3.1a", "D2.4")
def test_a_delegation_without_scope_is_refused(api, world):
    res = api(world["city_head"]).post("org/delegations", entrust(world, power_ids=[]))
    assert_api_refused(res, 422, clause="D3.1a", code="delegation_written_with_scope")


@pytest.mark.clause("D3.1a", "D2.4")
def test_entrusting_another_agencys_power_is_refused(api, world):
    res = api(world["city_head"]).post("org/delegations", entrust(world, power_ids=[world["other_power"].pk]))
    body = assert_api_refused(res, 422, clause="D3.1a", code="entrusts_own_powers")
    assert "重庆市江北区市场监督管理局" in body["message"]


@pytest.mark.clause("D3.1a", "D3.1b")
def test_entrusting_an_organisation_without_qualified_staff_is_refused(api, world):
    empty = make_agency(world["yuzhong"], name="无人执法队", kind="entrusted")
    res = api(world["city_head"]).post("org/delegations", entrust(world, recipient_id=empty.pk))
    body = assert_api_refused(res, 422, clause="D3.1a", code="entrusted_org_has_qualified_staff")
    assert body["field"] == "recipient" and "第二十一条" in body["message"]


@pytest.mark.clause("D3.1a", "D2.4")
def test_authorisation_must_rest_on_a_law_or_regulation(api, world):
    rule_article = make_article(make_basis("department_rule", "某部门规章"), 3, "授权某组织。")
    law_article = make_article(
        make_basis("law", "中华人民共和国行政处罚法（测试）", "行政处罚法（测试）"), 18, "相对集中行政处罚权。"
    )
    authorised = make_agency(world["city"], name="重庆市交通运输综合行政执法总队", kind="authorised", field="transport")
    base = {
        "kind": "authorisation",
        "recipient_id": authorised.pk,
        "power_ids": [world["city_power"].pk],
        "valid_from": "2025-01-01",
        "valid_to": "2029-12-31",
    }
    res = api(world["city_office"]).post("org/delegations", base)
    assert (
        assert_api_refused(res, 422, clause="D3.1a", code="authorisation_by_law_or_regulation")["field"]
        == "basis_article"
    )
    res = api(world["city_office"]).post("org/delegations", {**base, "basis_article_id": rule_article.pk})
    body = assert_api_refused(res, 422, clause="D2.4", code="authorisation_by_law_or_regulation")
    assert "部门规章" in body["message"]
    res = api(world["city_office"]).post("org/delegations", {**base, "basis_article_id": law_article.pk})
    assert res.status_code == 201, res.content
    assert res.json()["delegator_id"] is None
    res = api(world["city_office"]).post(
        "org/delegations", {**base, "basis_article_id": law_article.pk, "delegator_id": world["city_agency"].pk}
    )
    body = assert_api_refused(res, 422, clause="D2.4", code="delegator_fits_the_kind")
    assert body["field"] == "delegator"


def test_only_the_delegator_or_the_office_above_may_delegate(api, world):
    assert_api_refused(api(world["officer"]).post("org/delegations", entrust(world)), 404, code="not_found")
    assert_api_refused(api(world["other_head"]).post("org/delegations", entrust(world)), 404, code="not_found")
    assert_api_refused(api(world["recipient_head"]).post("org/delegations", entrust(world)), 404, code="not_found")
    assert api(world["city_office"]).post("org/delegations", entrust(world)).status_code == 201


def test_delegations_are_seen_by_the_agencies_concerned_and_not_found_by_others(api, client, world):
    d = make_delegation(world["recipient"], [world["city_power"]], delegator=world["city_agency"])
    for role in ("city_head", "recipient_head", "office", "city_office", "admin"):
        assert api(world[role]).get(f"org/delegations/{d.pk}").status_code == 200, role
        assert api(world[role]).get("org/delegations").json()["count"] == 1, role
    for role in ("other_head", "other_officer", "jb_office", "head"):
        assert_api_refused(api(world[role]).get(f"org/delegations/{d.pk}"), 404, code="not_found")
        assert api(world[role]).get("org/delegations").json()["count"] == 0, role
    client.logout()
    assert api().get("org/delegations").status_code == 401


@pytest.mark.clause("D2.4", "D3.1a")
def test_revocation_needs_a_reason_and_ends_the_grant(api, world):
    d = make_delegation(
        world["recipient"], [world["city_power"]], delegator=world["city_agency"], valid_from=date(2025, 1, 1)
    )
    res = api(world["city_head"]).post(f"org/delegations/{d.pk}/revoke", {"reason": "", "on": "2026-02-01"})
    body = assert_api_refused(res, 422, clause="D2.4", code="delegation_revocation_reasoned")
    assert body["field"] == "reason"
    res = api(world["recipient_head"]).post(f"org/delegations/{d.pk}/revoke", {"reason": "x", "on": "2026-02-01"})
    assert_api_refused(res, 404, code="not_found")
    res = api(world["city_head"]).post(f"org/delegations/{d.pk}/revoke", {"reason": "受托组织撤并", "on": "2026-02-01"})
    assert res.status_code == 200 and res.json()["revocation_reason"] == "受托组织撤并"
    assert AuditEvent.objects.get(act="delegation.revoke", object_id=str(d.pk)).changes["revoked_on"][1] == "2026-02-01"
    assert competence.grants_for(world["recipient"], world["item"], date(2026, 1, 31))
    assert competence.grants_for(world["recipient"], world["item"], date(2026, 2, 1)) == []
    res = api(world["city_head"]).post(f"org/delegations/{d.pk}/revoke", {"reason": "again", "on": "2026-03-01"})
    assert_api_refused(res, 422, clause="D2.4", code="delegation_not_revoked")
    res = api(world["city_head"]).patch(f"org/delegations/{d.pk}", {"valid_to": "2030-01-01"})
    assert "已撤回" in assert_api_refused(res, 422, clause="D2.4", code="delegation_not_revoked")["message"]


def test_update_changes_scope_and_period_rechecking_the_rules(api, world):
    d = make_delegation(world["recipient"], [world["city_power"]], delegator=world["city_agency"])
    res = api(world["city_head"]).patch(f"org/delegations/{d.pk}", {"valid_to": "2028-12-31"})
    assert res.status_code == 200 and res.json()["valid_to"] == "2028-12-31"
    res = api(world["city_head"]).patch(f"org/delegations/{d.pk}", {"power_ids": [world["other_power"].pk]})
    assert_api_refused(res, 422, code="entrusts_own_powers")
    res = api(world["city_head"]).patch(f"org/delegations/{d.pk}", {"valid_to": "2020-01-01"})
    assert "截止日期不得早于起始日期" in assert_api_refused(res, 400, code="invalid")["message"]


def test_delegation_pages(client, world):
    client.force_login(world["city_head"])
    form = {
        "kind": "entrustment",
        "delegator": world["city_agency"].pk,
        "recipient": world["recipient"].pk,
        "powers": [world["city_power"].pk],
        "basis_article": "",
        "document_number": "渝市监委〔2025〕2号",
        "scope_note": "",
        "valid_from": "2025-01-01",
        "valid_to": "2027-12-31",
    }
    res = client.post("/org/delegations/new/", form)
    assert res.status_code == 302, res.content.decode()[:3000]
    d = Delegation.objects.get(document_number="渝市监委〔2025〕2号")
    assert "渝中区市场监管综合执法大队" in client.get("/org/delegations/?status=in_force").content.decode()
    detail = client.get(d.get_absolute_url()).content.decode()
    assert "撤回</a>" in detail and "以委托机关名义" in detail
    res = client.post(f"/org/delegations/{d.pk}/edit/", {**form, "valid_to": "2028-06-30"})
    assert res.status_code == 302 and Delegation.objects.get(pk=d.pk).valid_to == date(2028, 6, 30)
    res = client.post("/org/delegations/new/", {**form, "document_number": ""})
    assert res.status_code == 422 and "委托书文号" in res.content.decode()
    res = client.post(f"/org/delegations/{d.pk}/revoke/", {"reason": "调整委托范围", "on": "2026-01-01"})
    assert res.status_code == 302 and Delegation.objects.get(pk=d.pk).revoked_on == date(2026, 1, 1)
    client.force_login(world["other_head"])
    assert client.get(d.get_absolute_url()).status_code == 404


def test_the_public_agency_page_publishes_delegations_in_force(client, world):
    make_delegation(
        world["recipient"],
        [world["city_power"]],
        delegator=world["city_agency"],
        valid_from=date(2025, 1, 1),
        valid_to=date(2099, 12, 31),
        document_number="渝市监委〔2025〕9号",
    )
    make_delegation(
        world["recipient"],
        [world["city_power"]],
        delegator=world["city_agency"],
        valid_from=date(2020, 1, 1),
        valid_to=date(2021, 12, 31),
        document_number="渝市监委〔2020〕1号",
    )
    text = client.get(world["recipient"].get_public_url()).content.decode()
    assert "渝市监委〔2025〕9号" in text and "渝市监委〔2020〕1号" not in text
    listing = client.get("/org/public/agencies/?q=执法大队").content.decode()
    assert "另受托或被授权1项" in listing
