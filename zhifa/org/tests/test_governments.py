"""The government registry over HTTP: pages and API, allowed and refused roles."""

import pytest

from zhifa.core.models import AuditEvent
from zhifa.org.models import Government
from zhifa.testing import assert_api_refused, make_agency, make_city_and_district, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    city, district = make_city_and_district()
    agency = make_agency(district)
    return {
        "city": city,
        "district": district,
        "admin": make_user("admin", username="admin1"),
        "officer": make_user("officer", agency=agency),
    }


def test_anyone_reads_governments_through_the_api(api, world):
    res = api().get("org/governments")
    assert res.status_code == 200
    assert {g["name"] for g in res.json()["items"]} == {"重庆市", "渝中区"}


def test_admin_registers_a_district_and_it_is_audited(api, world):
    res = api(world["admin"]).post(
        "org/governments",
        {"name": "江北区", "level": "district", "division_code": "500105", "parent_id": world["city"].pk},
    )
    assert res.status_code == 201, res.content
    gov = Government.objects.get(name="江北区")
    event = AuditEvent.objects.get(act="government.create", object_id=str(gov.pk))
    assert event.actor == world["admin"]


def test_officer_may_not_register_a_government(api, world):
    res = api(world["officer"]).post(
        "org/governments",
        {"name": "江北区", "level": "district", "division_code": "500105", "parent_id": world["city"].pk},
    )
    assert_api_refused(res, 403, code="forbidden")
    assert not Government.objects.filter(name="江北区").exists()


def test_a_district_without_a_parent_is_refused_in_chinese(api, world):
    res = api(world["admin"]).post(
        "org/governments", {"name": "江北区", "level": "district", "division_code": "500105"}
    )
    body = assert_api_refused(res, 400, code="invalid")
    assert "上级政府" in body["message"]


def test_missing_field_gives_a_chinese_message_at_the_field(api, world):
    res = api(world["admin"]).post("org/governments", {"level": "district"})
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "name" and body["message"] == "此项为必填项。"


def test_a_city_with_a_parent_is_refused_at_the_field(api, world):
    res = api(world["admin"]).patch(f"org/governments/{world['city'].pk}", {"parent_id": world["district"].pk})
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "parent"


def test_pages_list_filter_and_edit(client, world):
    client.force_login(world["admin"])
    page = client.get("/org/governments/?level=district")
    assert page.status_code == 200 and "渝中区" in page.content.decode() and "重庆市</a>" not in page.content.decode()
    res = client.post(
        f"/org/governments/{world['district'].pk}/edit/",
        {"name": "渝中区", "level": "district", "parent": world["city"].pk, "division_code": "500103"},
    )
    assert res.status_code == 302


def test_edit_page_shows_error_at_the_field(client, world):
    client.force_login(world["admin"])
    res = client.post(
        f"/org/governments/{world['district'].pk}/edit/",
        {"name": "渝中区", "level": "district", "parent": "", "division_code": "500103"},
    )
    assert res.status_code == 400
    assert 'id="field-parent"' in res.content.decode() and "区县政府必须有上级政府" in res.content.decode()
    assert Government.objects.get(pk=world["district"].pk).parent_id == world["city"].pk


def test_officer_cannot_open_the_create_page_action(client, world):
    client.force_login(world["officer"])
    res = client.post(
        "/org/governments/new/",
        {"name": "江北区", "level": "district", "parent": world["city"].pk, "division_code": "500105"},
    )
    assert res.status_code == 403
    assert not Government.objects.filter(name="江北区").exists()
