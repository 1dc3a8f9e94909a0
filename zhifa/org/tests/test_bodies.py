"""Legal affairs offices, supervisory organs and government terms over HTTP."""

from datetime import date

import pytest

from zhifa.core.models import AuditEvent
from zhifa.org.models import GovernmentTerm, LegalAffairsOffice, SupervisoryOrgan
from zhifa.testing import assert_api_refused, make_government

pytestmark = pytest.mark.django_db


def test_anyone_reads_offices_and_organs(api, bodies):
    SupervisoryOrgan.objects.create(government=bodies["city"], name="重庆市监察委员会", phone="12388")
    offices = api().get("org/legal-affairs-offices").json()["items"]
    assert {o["name"] for o in offices} >= {"重庆市司法局", "重庆市渝中区司法局"}
    organs = api().get("org/supervisory-organs").json()["items"]
    assert organs[0]["name"] == "重庆市监察委员会" and organs[0]["government"] == "重庆市"
    office = LegalAffairsOffice.objects.get(name="重庆市司法局")
    assert api().get(f"org/legal-affairs-offices/{office.pk}").json()["government_id"] == bodies["city"].pk


def test_admin_registers_an_office_and_an_organ_audited(api, bodies):
    shapingba = make_government("沙坪坝区", "district", bodies["city"], code="500106")
    res = api(bodies["admin"]).post(
        "org/legal-affairs-offices",
        {"government_id": shapingba.pk, "name": "重庆市沙坪坝区司法局", "phone": "023-65000000"},
    )
    assert res.status_code == 201, res.content
    office = LegalAffairsOffice.objects.get(name="重庆市沙坪坝区司法局")
    assert AuditEvent.objects.get(act="legal_affairs_office.create", object_id=str(office.pk)).actor == bodies["admin"]
    res = api(bodies["admin"]).post(
        "org/supervisory-organs", {"government_id": shapingba.pk, "name": "重庆市沙坪坝区监察委员会"}
    )
    assert res.status_code == 201
    assert AuditEvent.objects.filter(act="supervisory_organ.create").count() == 1
    res = api(bodies["admin"]).patch(f"org/legal-affairs-offices/{office.pk}", {"address": "沙坪坝区某路1号"})
    assert res.status_code == 200 and res.json()["address"] == "沙坪坝区某路1号"


def test_a_second_office_for_one_government_is_refused(api, bodies):
    res = api(bodies["admin"]).post(
        "org/legal-affairs-offices", {"government_id": bodies["city"].pk, "name": "另一个司法局"}
    )
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "government"


def test_legal_office_may_not_register_an_office_or_organ(api, bodies):
    res = api(bodies["city_office"]).post(
        "org/legal-affairs-offices", {"government_id": bodies["jiangbei"].pk, "name": "x"}
    )
    assert_api_refused(res, 403, code="forbidden")
    res = api(bodies["officer"]).post("org/supervisory-organs", {"government_id": bodies["jiangbei"].pk, "name": "x"})
    assert_api_refused(res, 403, code="forbidden")


def test_unknown_government_is_refused_at_the_field(api, bodies):
    res = api(bodies["admin"]).post("org/supervisory-organs", {"government_id": 99999, "name": "x"})
    assert assert_api_refused(res, 400, code="invalid")["field"] == "government"


@pytest.mark.clause("D3.2c")
def test_district_office_registers_its_governments_term(api, bodies):
    res = api(bodies["office"]).post(
        "org/government-terms",
        {"government_id": bodies["yuzhong"].pk, "number": 19, "starts_on": "2022-01-01", "ends_on": "2026-12-31"},
    )
    assert res.status_code == 201, res.content
    term = GovernmentTerm.objects.get(government=bodies["yuzhong"], number=19)
    assert AuditEvent.objects.get(act="government_term.create", object_id=str(term.pk)).clauses == ["D3.2c"]
    assert api().get("org/government-terms", query_params={"government": bodies["yuzhong"].pk}).status_code == 200


def test_an_office_may_not_register_a_term_for_the_government_above_it(api, bodies):
    res = api(bodies["office"]).post(
        "org/government-terms",
        {"government_id": bodies["city"].pk, "number": 6, "starts_on": "2023-01-01", "ends_on": "2027-12-31"},
    )
    assert_api_refused(res, 403, code="forbidden")
    assert not GovernmentTerm.objects.exists()


@pytest.mark.clause("D3.2c")
def test_overlapping_terms_and_reversed_dates_are_refused(api, bodies):
    a = api(bodies["city_office"])
    assert (
        a.post(
            "org/government-terms",
            {"government_id": bodies["city"].pk, "number": 6, "starts_on": "2023-01-01", "ends_on": "2027-12-31"},
        ).status_code
        == 201
    )
    res = a.post(
        "org/government-terms",
        {"government_id": bodies["city"].pk, "number": 7, "starts_on": "2027-06-01", "ends_on": "2032-12-31"},
    )
    body = assert_api_refused(res, 422, clause="D3.2c", code="terms_do_not_overlap")
    assert body["field"] == "starts_on"
    res = a.post(
        "org/government-terms",
        {"government_id": bodies["city"].pk, "number": 5, "starts_on": "2022-12-31", "ends_on": "2018-01-01"},
    )
    assert "任期结束日期须晚于开始日期" in assert_api_refused(res, 400, code="invalid")["message"]


def test_term_pages(client, bodies):
    term = GovernmentTerm.objects.create(
        government=bodies["yuzhong"], number=19, starts_on=date(2022, 1, 1), ends_on=date(2026, 12, 31)
    )
    client.force_login(bodies["office"])
    page = client.get("/org/terms/")
    assert page.status_code == 200 and "第19届" in page.content.decode()
    assert client.get(f"/org/terms/{term.pk}/").status_code == 200
    res = client.post(f"/org/terms/{term.pk}/edit/", {"number": 19, "starts_on": "2022-01-01", "ends_on": "2026-12-30"})
    assert res.status_code == 302
    term.refresh_from_db()
    assert term.ends_on == date(2026, 12, 30)
    client.force_login(bodies["jb_office"])
    res = client.post(f"/org/terms/{term.pk}/edit/", {"number": 19, "starts_on": "2022-01-01", "ends_on": "2026-12-01"})
    assert res.status_code == 403


def test_office_and_organ_pages(client, bodies):
    organ = SupervisoryOrgan.objects.create(government=bodies["city"], name="重庆市监察委员会")
    client.force_login(bodies["admin"])
    page = client.get("/org/offices/?name=渝中")
    text = page.content.decode()
    assert page.status_code == 200 and "重庆市渝中区司法局" in text and "重庆市江北区司法局" not in text
    office = LegalAffairsOffice.objects.get(name="重庆市渝中区司法局")
    detail = client.get(f"/org/offices/{office.pk}/").content.decode()
    assert "重庆市渝中区市场监督管理局" in detail and "重庆市江北区市场监督管理局" not in detail
    res = client.post(
        f"/org/supervisory-organs/{organ.pk}/edit/",
        {"government": bodies["city"].pk, "name": "重庆市监察委员会", "phone": "12388", "address": ""},
    )
    assert res.status_code == 302
    organ.refresh_from_db()
    assert organ.phone == "12388"
    res = client.post(
        "/org/offices/new/", {"government": bodies["city"].pk, "name": "重复", "address": "", "phone": ""}
    )
    assert res.status_code == 400
    client.force_login(bodies["officer"])
    assert client.get(f"/org/supervisory-organs/{organ.pk}/").status_code == 200
    res = client.post(
        "/org/supervisory-organs/new/", {"government": bodies["jiangbei"].pk, "name": "x", "address": "", "phone": ""}
    )
    assert res.status_code == 403
