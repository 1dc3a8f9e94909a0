"""The enforcement information exchange (D4.5b–c)."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cases.tests.builders import filed
from zhifa.cooperation import selectors, services
from zhifa.cooperation.models import HistoryLookup
from zhifa.cooperation.tests.builders import road_clue
from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D4.5b")
def test_a_look_up_is_logged_with_its_purpose_and_scoped_to_it(w):
    market_case = filed(w)  # the market bureau's case on w.org
    with pytest.raises(DomainError) as e:  # a case of another agency is no purpose
        services.history_lookup(actor=w.other_officer, party=w.org, purpose="case", case=market_case, reason="办案")
    assert_refused(e, "D4.5b", code="lookup_scoped_to_purpose", field="case_id")
    with pytest.raises(DomainError) as e:
        services.history_lookup(actor=w.other_officer, party=w.org, purpose="inspection", reason=" ")
    assert_refused(e, "D4.5b", code="lookup_scoped_to_purpose", field="reason")
    own = road_clue(w)
    lookup, history = services.history_lookup(
        actor=w.other_officer, party=w.org, purpose="case", case=own, reason="核查当事人是否曾受处罚"
    )
    assert [h["filing_number"] for h in history] == [market_case.filing_number]
    assert history[0]["agency"] == w.agency.name and lookup.result_count == 1
    assert AuditEvent.objects.filter(act="party.history_lookup", object_id=str(lookup.pk)).exists()


def test_the_party_is_told_on_request_who_looked_it_up(w, api):
    filed(w)
    services.history_lookup(actor=w.other_officer, party=w.org, purpose="inspection", reason="安排年度检查")
    rows = selectors.lookups_of_party(w.zhang, w.org)  # the market bureau holds the party
    assert [(x.agency, x.reason) for x in rows] == [(w.other_agency, "安排年度检查")]
    r = api(w.zhang).get(f"cooperation/parties/{w.org.pk}/lookups")
    assert r.status_code == 200 and r.json()["items"][0]["purpose"] == "安排执法检查（避免重复检查）"
    assert api(w.t_officer1).get(f"cooperation/parties/{w.org.pk}/lookups").status_code == 403
    r = api(w.other_officer).post(
        "cooperation/lookups", {"party_id": w.org.pk, "purpose": "inspection", "reason": "再次核查"}
    )
    assert r.status_code == 201, r.content
    assert r.json()["lookup"]["result_count"] == 1 and HistoryLookup.objects.count() == 2


@pytest.mark.clause("D4.5c")
def test_liaison_officers_and_agreements_are_recorded(w, api):
    r = api(w.other_head).post(
        "cooperation/liaisons", {"agency_id": w.other_agency.pk, "name": "孙联络", "phone": "023-6000000"}
    )
    assert r.status_code == 201, r.content
    assert api(w.other_head).post(
        "cooperation/liaisons", {"agency_id": w.agency.pk, "name": "冒名", "phone": "1"}
    ).status_code in (403, 404)
    r = api(w.other_head).post(
        "cooperation/agreements",
        {
            "title": "生态环境与交通运输执法协作协议",
            "agency_ids": [w.other_agency.pk, w.transport.pk],
            "signed_on": str(date(2026, 3, 2)),
            "content": "互通线索，定期会商。",
        },
    )
    assert r.status_code == 201, r.content
    assert len(r.json()["agencies"]) == 2
    r = api(w.other_head).post(
        "cooperation/agreements",
        {"title": "单方", "agency_ids": [w.other_agency.pk], "signed_on": "2026-03-02", "content": "x"},
    )
    assert r.status_code == 400
    assert api(w.zhang).get("cooperation/liaisons").json()["items"][0]["name"] == "孙联络"
