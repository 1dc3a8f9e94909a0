"""Declared conflicts of interest over HTTP (D3.7): the officer declares (or the head on
the officer's behalf), later ends it; others in the agency read, other agencies do not."""

from datetime import date

import pytest

from zhifa.core.models import AuditEvent
from zhifa.people.models import ConflictOfInterest
from zhifa.people.standing import conflicts_between
from zhifa.people.tests.builders import make_conflict, ric_for
from zhifa.testing import assert_api_refused, make_party, valid_uscc

pytestmark = pytest.mark.django_db


def declaration(officer, **kw):
    return {
        "officer_id": officer.pk,
        "relation": "kin",
        "description": "配偶的弟弟经营该店",
        "declared_on": "2026-03-01",
        "party_name": "重庆市渝中区某某便利店",
        **kw,
    }


@pytest.mark.clause("D3.7")
def test_an_officer_declares_a_conflict_and_it_counts(api, people):
    party = make_party(name="重庆市渝中区某某便利店")
    res = api(people["officer_user"]).post("people/conflicts", declaration(people["officer"], party_id=party.pk))
    assert res.status_code == 201, res.content
    assert res.json()["party_identifier"] == party.uscc
    assert AuditEvent.objects.get(act="conflict.declare").clauses == ["D3.7"]
    assert len(conflicts_between(people["officer"], party, date(2026, 6, 1))) == 1


@pytest.mark.clause("D3.7")
def test_a_declaration_by_identifier_links_the_registered_party(api, people):
    party = make_party(name="重庆某某餐饮有限公司")
    res = api(people["head"]).post(
        "people/conflicts",
        declaration(
            people["colleague"],
            party_name="某餐饮公司（简称）",
            party_identifier=party.uscc.lower(),
            relation="former_employer",
        ),
    )
    assert res.status_code == 201, res.content
    conflict = ConflictOfInterest.objects.get(pk=res.json()["id"])
    assert conflict.party == party and conflict.party_identifier == party.uscc


def test_an_unregistered_party_by_name_and_identity_number(api, people):
    ric = ric_for(date(1999, 9, 9))
    res = api(people["officer_user"]).post(
        "people/conflicts", declaration(people["officer"], party_name="刘某", party_identifier=ric)
    )
    assert res.status_code == 201 and res.json()["party_id"] is None
    res = api(people["officer_user"]).post(
        "people/conflicts", declaration(people["officer"], party_identifier=valid_uscc(7))
    )
    assert res.status_code == 201
    res = api(people["officer_user"]).post(
        "people/conflicts", declaration(people["officer"], party_identifier="123456")
    )
    assert assert_api_refused(res, 400, code="invalid")["field"] == "party_identifier"
    res = api(people["officer_user"]).post("people/conflicts", declaration(people["officer"], party_name=""))
    assert assert_api_refused(res, 400, code="invalid")["field"] == "party_name"


def test_who_may_declare(api, people):
    assert_api_refused(
        api(people["officer_user"]).post("people/conflicts", declaration(people["colleague"])), 403, code="forbidden"
    )
    assert_api_refused(
        api(people["reviewer"]).post("people/conflicts", declaration(people["officer"])), 403, code="forbidden"
    )
    assert_api_refused(
        api(people["office"]).post("people/conflicts", declaration(people["officer"])), 403, code="forbidden"
    )
    assert_api_refused(
        api(people["other_head"]).post("people/conflicts", declaration(people["officer"])), 400, code="invalid"
    )
    assert api(people["head"]).post("people/conflicts", declaration(people["colleague"])).status_code == 201


def test_conflicts_are_not_found_outside_the_agency(api, people):
    c = make_conflict(people["officer"], party_name="某公司")
    for role in ("officer_user", "reviewer", "head", "office", "supervisor"):
        assert api(people[role]).get(f"people/conflicts/{c.pk}").status_code == 200, role
    for role in ("other_officer", "other_head", "jb_office"):
        assert_api_refused(api(people[role]).get(f"people/conflicts/{c.pk}"), 404, code="not_found")
    assert api(people["other_head"]).get("people/conflicts").json()["count"] == 0


@pytest.mark.clause("D3.7")
def test_ending_a_conflict(api, people):
    party = make_party()
    c = make_conflict(people["officer"], party=party, declared_on=date(2025, 1, 1))
    assert_api_refused(
        api(people["reviewer"]).post(f"people/conflicts/{c.pk}/end", {"on": "2026-02-01"}), 403, code="forbidden"
    )
    res = api(people["officer_user"]).post(f"people/conflicts/{c.pk}/end", {"on": "2024-12-31"})
    assert assert_api_refused(res, 422, clause="D3.7", code="conflict_end_lawful")["field"] == "on"
    res = api(people["officer_user"]).post(f"people/conflicts/{c.pk}/end", {"on": "2026-02-01", "note": "已离婚"})
    assert res.status_code == 200 and res.json()["ended_on"] == "2026-02-01"
    assert conflicts_between(people["officer"], party, date(2026, 3, 1)) == []
    assert_api_refused(
        api(people["officer_user"]).post(f"people/conflicts/{c.pk}/end", {"on": "2026-03-01"}),
        422,
        clause="D3.7",
        code="conflict_end_lawful",
    )
    assert api(people["head"]).get("people/conflicts", query_params={"live": "true"}).json()["count"] == 0


def test_conflict_pages(client, people):
    client.force_login(people["officer_user"])
    assert "申报利害关系" in client.get(people["officer"].get_absolute_url()).content.decode()
    res = client.post(
        f"/people/officers/{people['officer'].pk}/conflicts/new/",
        {
            "party_name": "重庆某某商贸有限公司",
            "party_identifier": "",
            "relation": "financial",
            "description": "持有该公司股份",
            "declared_on": "2026-03-01",
        },
    )
    assert res.status_code == 302, res.content.decode()[:2000]
    c = ConflictOfInterest.objects.get(party_name="重庆某某商贸有限公司")
    assert "重庆某某商贸有限公司" in client.get("/people/conflicts/?state=live").content.decode()
    assert "登记关系终止" in client.get(c.get_absolute_url()).content.decode()
    assert client.post(f"/people/conflicts/{c.pk}/end/", {"on": "2026-04-01", "note": "已转让股份"}).status_code == 302
    assert (
        client.post(
            f"/people/officers/{people['colleague'].pk}/conflicts/new/",
            {
                "party_name": "x",
                "party_identifier": "",
                "relation": "kin",
                "description": "x",
                "declared_on": "2026-03-01",
            },
        ).status_code
        == 403
    )
    client.force_login(people["other_head"])
    assert client.get(c.get_absolute_url()).status_code == 404
