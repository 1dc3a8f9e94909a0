"""The pages of requests between agencies and of the information exchange."""

from __future__ import annotations

import pytest

from zhifa.cases.tests.builders import filed
from zhifa.cooperation import services
from zhifa.cooperation.models import AssistanceRequest, HistoryLookup
from zhifa.cooperation.tests.builders import D0

pytestmark = pytest.mark.django_db


def test_an_assistance_request_is_sent_and_answered_on_the_pages(w, client):
    client.force_login(w.other_officer)
    r = client.post(
        "/cooperation/assistance/new/",
        {
            "requested_agency": w.agency.pk,
            "kind": "seizure",
            "matters": "协助扣押设备",
            "legal_basis": "行政强制法第十八条",
            "letter_sealed": "on",
            "approval_document": "批〔2026〕1号",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    req = AssistanceRequest.objects.get()
    client.force_login(w.zhang)
    page = client.get(f"/cooperation/assistance/{req.pk}/").content.decode()
    assert "答复" in page and "协助扣押设备" in page
    r = client.post(
        f"/cooperation/assistance/{req.pk}/answer/", {"outcome": "declined_incomplete", "result": "手续不全"}
    )
    assert r.status_code == 422 and "D4.4b" in r.content.decode()
    r = client.post(f"/cooperation/assistance/{req.pk}/answer/", {"outcome": "assisted", "result": "已协助"})
    assert r.status_code == 302
    assert "已协助" in client.get("/cooperation/assistance/").content.decode()


def test_a_look_up_on_its_page_shows_the_history_and_is_logged(w, client):
    filed(w)
    client.force_login(w.other_officer)
    assert client.get(f"/cooperation/parties/{w.org.pk}/history/").status_code == 200
    r = client.post(f"/cooperation/parties/{w.org.pk}/history/", {"purpose": "inspection", "reason": "年度检查"})
    assert r.status_code == 200
    assert w.agency.name in r.content.decode() and HistoryLookup.objects.count() == 1
    client.force_login(w.zhang)
    assert "年度检查" in client.get(f"/cooperation/parties/{w.org.pk}/lookups/").content.decode()


def test_the_registry_pages_list_liaisons_and_agreements(w, client):
    services.liaison_appoint(actor=w.other_head, agency=w.other_agency, name="孙联络", phone="023-1", since=D0)
    client.force_login(w.zhang)
    assert "孙联络" in client.get("/cooperation/liaisons/").content.decode()
    client.force_login(w.other_head)
    r = client.post(
        "/cooperation/agreements/new/",
        {
            "title": "协作协议",
            "agencies": [w.other_agency.pk, w.transport.pk],
            "signed_on": "2026-03-02",
            "content": "互通",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    assert "协作协议" in client.get("/cooperation/agreements/").content.decode()
