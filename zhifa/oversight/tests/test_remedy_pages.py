"""The reconsideration and litigation pages walk every act."""

from __future__ import annotations

from datetime import timedelta

import pytest

from zhifa.cases.tests.builders import executing
from zhifa.oversight.models import Lawsuit, Reconsideration

pytestmark = pytest.mark.django_db


def test_reconsideration_and_lawsuit_pages(w, client):
    case = executing(w)
    served = case.decision.served_on
    client.force_login(w.legal_office)
    assert client.get("/oversight/reconsiderations/new/").status_code == 200
    r = client.post(
        "/oversight/reconsiderations/new/",
        {
            "case": case.pk,
            "number": "复1",
            "body": "区政府",
            "applicant": "某超市",
            "known_on": served,
            "applied_on": served + timedelta(days=3),
        },
    )
    assert r.status_code == 302, r.content.decode()[:1500]
    item = Reconsideration.objects.get()
    assert "受理或不予受理" in client.get(item.get_absolute_url()).content.decode()
    r = client.post(
        f"/oversight/reconsiderations/{item.pk}/accept/", {"accepted": "0", "on": served + timedelta(days=4)}
    )
    assert r.status_code == 422 and "不予受理的，请写明理由" in r.content.decode()
    assert (
        client.post(
            f"/oversight/reconsiderations/{item.pk}/accept/", {"accepted": "1", "on": served + timedelta(days=4)}
        ).status_code
        == 302
    )
    r = client.post(
        f"/oversight/reconsiderations/{item.pk}/decide/",
        {
            "outcome": "revoked",
            "reasons": "证据不足",
            "decided_on": served + timedelta(days=30),
            "public_hearing": "on",
        },
    )
    assert r.status_code == 302
    client.force_login(w.head)
    assert (
        client.post(f"/oversight/reconsiderations/{item.pk}/correct/", {"correction": "撤销原决定"}).status_code == 302
    )
    assert client.get(f"/oversight/reconsiderations/{item.pk}/appearance/").status_code == 200
    r = client.post(
        f"/oversight/reconsiderations/{item.pk}/appearance/", {"head": w.head.pk, "on": served + timedelta(days=20)}
    )
    assert r.status_code == 302
    assert w.head.display_name in client.get(item.get_absolute_url()).content.decode()
    r = client.post(
        "/oversight/lawsuits/new/",
        {
            "case": case.pk,
            "number": "诉1",
            "plaintiff": "某超市",
            "court": "渝中区人民法院",
            "filed_on": served + timedelta(days=40),
        },
    )
    assert r.status_code == 302
    suit = Lawsuit.objects.get()
    html = client.get("/oversight/lawsuits/").content.decode()
    assert "诉1" in html
    r = client.post(
        f"/oversight/lawsuits/{suit.pk}/judgment/", {"outcome": "upheld", "judged_on": served + timedelta(days=90)}
    )
    assert r.status_code == 302
