"""The cooperation pages as the people involved use them."""

from __future__ import annotations

import pytest

from zhifa.cooperation.models import TransferReceipt
from zhifa.cooperation.tests.builders import transferred

pytestmark = pytest.mark.django_db


def test_the_competence_page_explains_its_proposal(w, client):
    client.force_login(w.other_officer)
    r = client.get(f"/cooperation/competence/?violation_item={w.road_item.pk}&place={w.district.pk}")
    assert r.status_code == 200
    text = r.content.decode()
    assert w.transport.name in text and "《公路法》第七十六条" in text and "管辖区域" in text


def test_the_receiver_signs_on_its_page_and_the_sender_sees_the_status(w, client):
    t = transferred(w)
    client.force_login(w.t_officer1)
    page = client.get(f"/cooperation/transfers/{t.pk}/").content.decode()
    assert "签收并接收办理" in page and "说明理由转送" not in page  # the head passes on, not an officer
    r = client.post(f"/cooperation/transfers/{t.pk}/receipt/", {"confirmed": "on", "on": "2026-03-03"})
    assert r.status_code == 302, r.content.decode()[:2000]
    assert TransferReceipt.objects.get(transfer=t).received_by == w.t_officer1
    client.force_login(w.other_head)
    listing = client.get("/cooperation/transfers/").content.decode()
    assert t.letter_number in listing and "逾期未函告" in listing  # sent in March, unanswered on 1 December
    assert client.get("/cooperation/overdue/").status_code == 200
    client.force_login(w.zhang)
    assert client.get(f"/cooperation/transfers/{t.pk}/").status_code == 404


def test_a_pass_on_offers_only_the_competent_agencies(w, client):
    t = transferred(w)
    client.force_login(w.t_head)
    page = client.get(f"/cooperation/transfers/{t.pk}/pass-on/").content.decode()
    assert w.transport.name in page and w.other_agency.name not in page.split("<form")[1]
    r = client.post(f"/cooperation/transfers/{t.pk}/pass-on/", {"to_agency": w.transport.pk, "reasons": "不想办"})
    assert r.status_code == 422 and "D3.4" in r.content.decode()  # a competent receiver may not pass on
