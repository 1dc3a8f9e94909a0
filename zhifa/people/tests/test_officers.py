"""The officer registry over HTTP: registration with a checked identity number, scope
(own agency and the offices above), leaving the post."""

from datetime import date

import pytest

from zhifa.core.models import AuditEvent
from zhifa.people.models import Officer
from zhifa.people.standing import standing_of
from zhifa.people.tests.builders import ric_for
from zhifa.testing import assert_api_refused, make_user

pytestmark = pytest.mark.django_db


def new(p, **kw):
    return {
        "name": "陈晓东",
        "id_number": ric_for(date(1988, 3, 5), serial=123),
        "agency_id": p["agency"].pk,
        "phone": "13800000000",
        **kw,
    }


def test_the_head_registers_an_officer_and_it_is_audited(api, people):
    ric = ric_for(date(1990, 1, 1), serial=77)
    res = api(people["head"]).post("people/officers", new(people, id_number=ric.lower()))
    assert res.status_code == 201, res.content
    officer = Officer.objects.get(pk=res.json()["id"])
    assert officer.id_number == ric.upper()
    event = AuditEvent.objects.get(act="officer.create", object_id=str(officer.pk))
    assert event.actor == people["head"] and event.agency_id == people["agency"].pk


def test_an_invalid_identity_number_is_refused_at_the_field(api, people):
    good = ric_for(date(1990, 1, 1), serial=77)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    res = api(people["head"]).post("people/officers", new(people, id_number=bad))
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "id_number" and "校验码" in body["message"]
    res = api(people["head"]).post("people/officers", new(people, id_number=people["colleague"].id_number))
    assert assert_api_refused(res, 400, code="invalid")["field"] == "id_number"


def test_who_may_register(api, people):
    assert_api_refused(api(people["officer_user"]).post("people/officers", new(people)), 403, code="forbidden")
    assert_api_refused(api(people["other_head"]).post("people/officers", new(people)), 404, code="not_found")
    assert_api_refused(api(people["jb_office"]).post("people/officers", new(people)), 404, code="not_found")
    assert api(people["office"]).post("people/officers", new(people)).status_code == 201


def test_agency_staff_see_their_own_officers_and_others_get_not_found(api, people):
    pk = people["officer"].pk
    for role in ("officer_user", "reviewer", "head", "office", "city_office", "supervisor", "admin"):
        res = api(people[role]).get(f"people/officers/{pk}")
        assert res.status_code == 200 and res.json()["id_number"] == people["officer"].id_number, role
    for role in ("other_head", "other_officer", "jb_office"):
        assert_api_refused(api(people[role]).get(f"people/officers/{pk}"), 404, code="not_found")
    names = {o["name"] for o in api(people["other_head"]).get("people/officers").json()["items"]}
    assert names == {"王强"}
    listed = api(people["head"]).get("people/officers", query_params={"q": "张"}).json()["items"]
    assert [o["name"] for o in listed] == ["张明"] and listed[0]["certificates"][0]["status"] == "valid"


def test_a_login_of_another_agency_cannot_be_linked(api, people):
    res = api(people["head"]).post("people/officers", new(people, user_id=people["other_officer"].pk))
    assert assert_api_refused(res, 400, code="invalid")["field"] == "user"
    own = make_user("officer", agency=people["agency"], username="yz-new")
    assert api(people["head"]).post("people/officers", new(people, user_id=own.pk)).status_code == 201


def test_update_and_transfer_need_both_agencies(api, people):
    pk = people["colleague"].pk
    res = api(people["head"]).patch(f"people/officers/{pk}", {"phone": "023-1"})
    assert res.status_code == 200 and res.json()["phone"] == "023-1"
    res = api(people["head"]).patch(f"people/officers/{pk}", {"agency_id": people["other"].pk})
    assert_api_refused(res, 404, code="not_found")
    res = api(people["city_office"]).patch(f"people/officers/{pk}", {"agency_id": people["other"].pk})
    assert res.status_code == 200 and res.json()["agency_id"] == people["other"].pk


@pytest.mark.clause("D6.3a", "D3.1b")
def test_leaving_the_post_needs_a_reason_and_ends_the_standing(api, people):
    pk = people["colleague"].pk
    res = api(people["head"]).post(f"people/officers/{pk}/leave-post", {"on": "2026-05-01", "reason": ""})
    assert assert_api_refused(res, 422, clause="D6.3a", code="leaving_post_lawful")["field"] == "reason"
    assert_api_refused(
        api(people["officer_user"]).post(f"people/officers/{pk}/leave-post", {"on": "2026-05-01", "reason": "x"}),
        403,
        code="forbidden",
    )
    res = api(people["head"]).post(f"people/officers/{pk}/leave-post", {"on": "2026-05-01", "reason": "调任综合办公室"})
    assert res.status_code == 200 and res.json()["active"] is False
    officer = Officer.objects.get(pk=pk)
    assert "已调离执法岗位" in standing_of(officer, "penalty", date(2026, 5, 2)).problems
    assert AuditEvent.objects.get(act="officer.leave_post").clauses == ["D6.3a", "D3.1b"]
    res = api(people["head"]).post(f"people/officers/{pk}/leave-post", {"on": "2026-06-01", "reason": "again"})
    assert_api_refused(res, 422, clause="D6.3a", code="leaving_post_lawful")


def test_officer_pages(client, people):
    client.force_login(people["head"])
    page = client.get("/people/officers/?q=张明")
    text = page.content.decode()
    assert page.status_code == 200 and "张明" in text and "李华" not in text
    detail = client.get(people["officer"].get_absolute_url()).content.decode()
    assert people["officer"].id_number in detail and "可以从事行政处罚执法" in detail
    res = client.post(
        "/people/officers/new/",
        {
            "name": "周婷",
            "id_number": ric_for(date(1993, 8, 8), serial=88),
            "agency": people["agency"].pk,
            "post": "",
            "phone": "",
            "user": "",
        },
    )
    assert res.status_code == 302, res.content.decode()[:2000]
    zhou = Officer.objects.get(name="周婷")
    res = client.post(
        f"/people/officers/{zhou.pk}/edit/",
        {"name": "周婷", "id_number": "123", "agency": people["agency"].pk, "post": "", "phone": "", "user": ""},
    )
    assert res.status_code == 400 and 'id="field-id_number"' in res.content.decode()
    res = client.post(f"/people/officers/{zhou.pk}/leave/", {"on": "2026-05-01", "reason": "退休"})
    assert res.status_code == 302 and not Officer.objects.get(pk=zhou.pk).active
    client.force_login(people["other_head"])
    assert client.get(people["officer"].get_absolute_url()).status_code == 404
    assert "张明" not in client.get("/people/officers/").content.decode()
