"""The officer's QR code (D3.8, D6.4b): the card, the scan, the record it starts."""

from __future__ import annotations

import pytest

from zhifa.portal.models import Visit
from zhifa.testing import make_agency, make_city_and_district, make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    _city, district = make_city_and_district()
    agency = make_agency(district, name="重庆市渝中区市场监督管理局")
    return make_officer(agency, name="张执法")


@pytest.mark.clause("D3.8")
def test_the_card_carries_the_qr_code_and_the_scan_starts_a_visit_record(client, officer):
    cert = officer.certificates.first()
    card = client.get(f"/officer-card/{cert.number}/").content.decode()
    assert "张执法" in card and cert.number in card and f"/officer-card/{cert.number}/qr.svg" in card
    qr = client.get(f"/officer-card/{cert.number}/qr.svg")
    assert qr.status_code == 200 and qr["Content-Type"].startswith("image/svg+xml") and b"<svg" in qr.content
    avatar = client.get(f"/officer-card/{cert.number}/avatar.svg")
    assert avatar.status_code == 200 and "张".encode() in avatar.content
    scan = client.get(f"/scan/{cert.number}/").content.decode()
    assert "证件有效" in scan and "重庆市渝中区市场监督管理局" in scan
    r = client.post(f"/scan/{cert.number}/", {"place": "解放碑某超市", "party_name": "某超市"})
    assert r.status_code == 302
    visit = Visit.objects.get()
    assert visit.officer == officer and visit.place == "解放碑某超市" and visit.certificate_status == "valid"
    assert r.url == f"/scan/visits/{visit.token}/"
    page = client.get(r.url).content.decode()
    assert "解放碑某超市" in page and "开始时间" in page


@pytest.mark.clause("D3.8")
def test_a_revoked_certificate_is_shown_so_the_party_may_refuse(client, officer):
    from zhifa.core import clock

    cert = officer.certificates.first()
    type(cert).objects.filter(pk=cert.pk).update(revoked_on=clock.today(), revocation_reason="违法执法")
    scan = client.get(f"/scan/{cert.number}/").content.decode()
    assert "可以拒绝调查或检查" in scan


def test_a_scan_without_a_place_is_refused_at_the_field_and_an_unknown_number_is_not_found(client, officer):
    cert = officer.certificates.first()
    r = client.post(f"/scan/{cert.number}/", {"place": ""})
    assert r.status_code == 400 and not Visit.objects.exists()
    assert client.get("/scan/NO-SUCH/").status_code == 404
    assert client.get("/scan/visits/nothing/").status_code == 404
