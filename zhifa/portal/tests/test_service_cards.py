"""Service cards and guides (D5.8a–b)."""

from __future__ import annotations

import pytest

from zhifa.core.errors import DomainError
from zhifa.portal import services
from zhifa.testing import assert_refused, make_agency, make_city_and_district, make_user

pytestmark = pytest.mark.django_db

CARD = {
    "scope": "市场主体登记、食品经营许可、价格监督检查",
    "manner": "窗口办理、网上办理、电话咨询",
    "hours": "工作日 9:00–12:00，14:00–17:30",
    "phone": "023-63800000",
}
GUIDE = {
    "title": "食品经营许可",
    "basis": "《中华人民共和国食品安全法》第三十五条",
    "materials": "申请书；营业执照；场所平面图",
    "procedure": "申请—受理—审查—决定—发证",
    "time_limit": "10个工作日",
    "window": "渝中区政务服务中心2楼12号窗口",
    "phone": "023-63800001",
}


@pytest.fixture
def setup(db):
    _city, district = make_city_and_district()
    agency = make_agency(district, name="重庆市渝中区市场监督管理局")
    other = make_agency(district, name="重庆市渝中区生态环境局")
    return agency, other, make_user("head", agency=agency), make_user("officer", agency=agency)


@pytest.mark.clause("D5.8a")
def test_a_service_card_must_tell_scope_manner_hours_and_phone(setup):
    agency, _other, head, _officer = setup
    with pytest.raises(DomainError) as e:
        services.service_card_set(actor=head, agency=agency, **{**CARD, "hours": " "})
    assert_refused(e, "D5.8a", code="service_card_complete", field="hours")
    card = services.service_card_set(actor=head, agency=agency, **CARD)
    again = services.service_card_set(actor=head, agency=agency, **{**CARD, "phone": "023-63800002"})
    assert again.pk == card.pk and again.phone == "023-63800002"


@pytest.mark.clause("D5.8b")
def test_a_licensing_agency_names_its_one_window(setup):
    agency, _other, head, _officer = setup
    with pytest.raises(DomainError) as e:
        services.service_card_set(actor=head, agency=agency, licensing=True, **CARD)
    assert_refused(e, "D5.8b", code="one_window_named", field="window")
    card = services.service_card_set(actor=head, agency=agency, licensing=True, window="政务服务中心2楼", **CARD)
    assert card.window == "政务服务中心2楼"


@pytest.mark.clause("D5.8b")
def test_a_guide_states_materials_procedure_time_limit_and_window(setup):
    agency, _other, head, _officer = setup
    with pytest.raises(DomainError) as e:
        services.guide_save(actor=head, agency=agency, **{**GUIDE, "window": ""})
    assert_refused(e, "D5.8b", code="guide_complete", field="window")
    guide = services.guide_save(actor=head, agency=agency, **GUIDE)
    edited = services.guide_save(actor=head, agency=agency, guide=guide, **{**GUIDE, "time_limit": "5个工作日"})
    assert edited.pk == guide.pk and edited.time_limit == "5个工作日"


def test_only_the_head_office_or_admin_writes_the_card(setup):
    agency, other, head, officer = setup
    with pytest.raises(DomainError) as e:
        services.service_card_set(actor=officer, agency=agency, **CARD)
    assert e.value.status == 403
    with pytest.raises(DomainError) as e:
        services.service_card_set(actor=head, agency=other, **CARD)
    assert e.value.status in (403, 404)


def test_the_public_pages_show_the_card_and_the_guides(client, setup):
    agency, _other, head, _officer = setup
    services.service_card_set(actor=head, agency=agency, **CARD)
    guide = services.guide_save(actor=head, agency=agency, hearing_required=True, **GUIDE)
    page = client.get("/services/").content.decode()
    assert agency.name in page and "食品经营许可" in page
    card = client.get(f"/services/{agency.pk}/").content.decode()
    assert "023-63800000" in card and "工作日" in card and "食品经营许可" in card
    detail = client.get(f"/services/guides/{guide.pk}/").content.decode()
    assert "12号窗口" in detail and "应当听证" in detail
    api = client.get(f"/api/v1/portal/public/services/{agency.pk}").json()
    assert api["phone"] == "023-63800000" and api["guides"][0]["title"] == "食品经营许可"
    client.force_login(head)
    r = client.post(f"/services/{agency.pk}/card/edit/", {**CARD, "phone": ""})
    assert r.status_code == 400
    r = client.post(f"/services/{agency.pk}/guides/new/", {**GUIDE, "title": "价格咨询", "fee": "不收费"})
    assert r.status_code == 302


def test_the_card_list_issues_the_same_number_of_queries_for_5_and_50_agencies(client, setup):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from zhifa.portal.models import ServiceCard, ServiceGuide

    agency, _other, _head, _officer = setup
    district = agency.government

    def add(n, start):
        for i in range(start, start + n):
            a = make_agency(district, name=f"测试机关{i}")
            ServiceCard.objects.create(agency=a, updated_on="2026-01-01", **CARD)
            ServiceGuide.objects.create(agency=a, updated_on="2026-01-01", **GUIDE)

    def count():
        out = []
        for url in ("/services/", "/api/v1/portal/public/services"):
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            out.append(len(ctx))
        return out

    add(5, 0)
    five = count()
    add(45, 5)
    assert count() == five
