"""A party's personal information serves the cases on it (issue 7, party registry; D5.6).

Before: every staff user of every agency read every party's identity number, telephone and
address, and any of them could edit a party used in another agency's cases
(``cq-jtzd-officer1`` changed party 1's telephone).
"""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.tests.builders import clue, make_world
from zhifa.core import clock
from zhifa.core.models import AuditEvent
from zhifa.parties import services
from zhifa.parties.models import Party, PartyCorrection, PartyLookup
from zhifa.testing import assert_api_refused, assert_refused, make_party, make_user, valid_uscc

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = make_world()
    w.person.phone, w.person.address = "13800000000", "重庆市渝中区某街1号"
    w.person.save()
    clue(w, party=w.person)  # the market agency holds the person in a case
    w.users["admin"] = make_user("admin")
    return w


def test_another_agency_sees_the_party_masked(api, w):
    body = api(w.other_officer).get(f"parties/{w.person.pk}").json()
    assert body["access"] == "masked" and not body["may_correct"]
    assert body["id_number"] != w.person.id_number and body["id_number"][-4:] == w.person.id_number[-4:]
    assert body["phone"] == "" and body["address"] == ""


@pytest.mark.parametrize("who", ["zhang", "head", "reviewer", "legal_office"])
def test_the_holding_agency_and_the_office_above_it_see_it_in_full(api, w, who):
    body = api(w.users[who]).get(f"parties/{w.person.pk}").json()
    assert body["access"] == "holder"
    assert body["id_number"] == w.person.id_number and body["phone"] == "13800000000"


def test_the_administrator_administers_and_does_not_read_parties_without_a_purpose(api, w):
    assert api(w.admin).get(f"parties/{w.person.pk}").json()["access"] == "masked"


@pytest.mark.clause("D5.6")
def test_a_look_up_needs_a_purpose(w):
    with pytest.raises(Exception) as excinfo:
        services.party_lookup(actor=w.other_officer, party=w.person, purpose="  ")
    assert_refused(excinfo, "D5.6", code="party_lookup_states_purpose", field="purpose")
    assert not PartyLookup.objects.exists()


@pytest.mark.clause("D5.6")
def test_a_look_up_with_a_purpose_is_audited_and_shows_the_party_for_a_while(api, w):
    assert_api_refused(api(w.other_officer).post(f"parties/{w.person.pk}/lookups", {"purpose": ""}), 422, clause="D5.6")
    res = api(w.other_officer).post(f"parties/{w.person.pk}/lookups", {"purpose": "受理投诉，核实被投诉人身份"})
    assert res.status_code == 201, res.content
    assert res.json()["access"] == "lookup" and res.json()["phone"] == "13800000000"
    event = AuditEvent.objects.get(act="party.lookup")
    assert event.actor == w.other_officer and event.changes["purpose"] == "受理投诉，核实被投诉人身份"
    assert api(w.other_officer).get(f"parties/{w.person.pk}").json()["access"] == "lookup"
    with time_machine.travel(clock.now() + timedelta(hours=9)):
        assert api(w.other_officer).get(f"parties/{w.person.pk}").json()["access"] == "masked"


@pytest.mark.clause("D5.6")
def test_another_agency_cannot_correct_a_party_held_by_the_first(api, w):
    res = api(w.other_officer).patch(f"parties/{w.person.pk}", {"phone": "13900000000", "reason": "更新"})
    assert_api_refused(res, 403, clause="D5.6", code="party_corrected_by_its_holder")
    with pytest.raises(Exception) as excinfo:
        services.party_correct(actor=w.admin, party=w.person, reason="更新", phone="13900000000")
    assert_refused(excinfo, "D5.6", code="party_corrected_by_its_holder")
    assert Party.objects.get(pk=w.person.pk).phone == "13800000000"
    assert not AuditEvent.objects.filter(act="party.correct").exists()


@pytest.mark.clause("D5.6")
def test_the_holding_agency_corrects_with_a_reason_on_record(api, w, client):
    body = assert_api_refused(
        api(w.zhang).patch(f"parties/{w.person.pk}", {"phone": "13900000000", "reason": " "}), 400
    )
    assert body["field"] == "reason"
    res = api(w.zhang).patch(f"parties/{w.person.pk}", {"phone": "13900000000", "reason": "当事人更换了手机号码"})
    assert res.status_code == 200, res.content
    correction = PartyCorrection.objects.get(party=w.person)
    assert correction.user == w.zhang and correction.agency == w.agency and correction.reason == "当事人更换了手机号码"
    assert correction.changes == {"phone": ["13800000000", "13900000000"]}
    assert AuditEvent.objects.filter(act="party.correct", object_id=str(w.person.pk)).exists()
    client.force_login(w.zhang)
    page = client.get(f"/parties/{w.person.pk}/").content.decode()
    assert "更正记录" in page and "当事人更换了手机号码" in page


@pytest.mark.clause("D5.6")
def test_a_party_no_agency_holds_is_corrected_by_the_legal_affairs_office(w):
    loose = make_party(name="无人立案的公司")
    with pytest.raises(Exception) as excinfo:
        services.party_correct(actor=w.zhang, party=loose, reason="核对", name="改名")
    assert_refused(excinfo, "D5.6", code="party_corrected_by_its_holder")
    services.party_correct(actor=w.legal_office, party=loose, reason="工商登记名称", name="无人立案的有限公司")
    assert Party.objects.get(pk=loose.pk).name == "无人立案的有限公司"


def test_the_registering_agency_corrects_what_it_registered(w):
    party = services.party_register(actor=w.other_officer, kind="organisation", name="新登记公司", uscc=valid_uscc())
    assert party.registered_by_agency == w.other_agency
    services.party_correct(actor=w.other_officer, party=party, reason="名称错字", name="新登记有限公司")


def test_lists_mask_identity_numbers_and_leave_out_addresses_and_phones(api, w):
    items = api(w.zhang).get("parties/?kind=person").json()["items"]
    row = next(i for i in items if i["id"] == w.person.pk)
    assert row["identifier"] != w.person.id_number and row["identifier"].endswith(w.person.id_number[-4:])
    assert "phone" not in row and "address" not in row and "id_number" not in row


def test_an_identity_number_is_found_only_in_full(api, w):
    names = lambda q: [x["id"] for x in api(w.other_officer).get(f"parties/?q={q}").json()["items"]]  # noqa: E731
    assert names(w.person.id_number) == [w.person.pk]
    assert names(w.person.id_number[:10]) == []  # no guessing it digit by digit


def test_pages_follow(client, w):
    client.force_login(w.other_officer)
    page = client.get(f"/parties/{w.person.pk}/").content.decode()
    assert w.person.id_number not in page and "13800000000" not in page and "查询事由" in page
    assert f'href="/parties/{w.person.pk}/edit/"' not in page
    assert client.get(f"/parties/{w.person.pk}/edit/").status_code == 403
    res = client.post(
        f"/parties/{w.person.pk}/edit/",
        {"kind": "person", "name": "x", "id_number": w.person.id_number, "phone": "1", "reason": "x"},
    )
    assert res.status_code == 403 and Party.objects.get(pk=w.person.pk).name != "x"
    res = client.post(f"/parties/{w.person.pk}/lookup/", {"purpose": ""})
    assert res.status_code == 400 and "查询事由" in res.content.decode() and "D5.6" in res.content.decode()
    res = client.post(f"/parties/{w.person.pk}/lookup/", {"purpose": "核实举报线索"}, follow=True)
    page = res.content.decode()
    assert w.person.id_number in page and "13800000000" in page
    client.force_login(w.zhang)
    assert client.get(f"/parties/{w.person.pk}/edit/").status_code == 200


def test_the_party_list_issues_the_same_queries_for_5_and_for_50(api, w):
    def count(n):
        Party.objects.filter(name__startswith="批量").delete()
        for i in range(n):
            make_party(name=f"批量{i:03d}")
        user_api = api(w.zhang)
        with CaptureQueriesContext(connection) as ctx:
            assert user_api.get("parties/?q=批量&limit=100").json()["count"] == n
        return len(ctx.captured_queries)

    assert count(5) == count(50)
