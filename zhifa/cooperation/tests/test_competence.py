"""The competent agency proposed from the powers catalogue, the place and the level, explained."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cooperation import competence
from zhifa.org.models import Power
from zhifa.testing import make_agency

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D3.4")
def test_the_proposal_names_the_power_the_article_and_the_territory(w):
    p = competence.propose(w.road_item, w.district, date(2026, 3, 2))
    assert p.proposed.agency == w.transport
    text = p.proposed.explanation()
    assert w.road_power.name in text  # which power
    assert "《公路法》第七十六条" in text  # which article
    assert "渝中区" in text and "重庆市" in text  # which territory
    assert "本机关法定职权" in text and "市级" in text
    assert not p.holds(w.other_agency)


def test_a_district_agency_comes_before_a_city_one_and_no_holder_says_so(w):
    district_transport = make_agency(
        w.district, name="重庆市渝中区交通执法大队", field="transport", case_prefix="渝中交"
    )
    power = Power.objects.create(
        agency=district_transport, code="T-D", name="挖掘公路处罚", valid_from=date(2020, 1, 1)
    )
    power.violation_items.add(w.road_item)
    p = competence.propose(w.road_item, w.district, date(2026, 3, 2))
    assert [c.agency for c in p.candidates] == [district_transport, w.transport]
    assert p.proposed.level == "区县级"
    Power.objects.filter(violation_items=w.road_item).update(valid_to=date(2025, 1, 1))
    empty = competence.propose(w.road_item, w.district, date(2026, 3, 2))
    assert empty.proposed is None and "政府法制机构" in empty.summary()


def test_the_api_explains_the_proposal_and_tells_a_case_its_agency_lacks_the_power(w, api):
    from zhifa.cooperation.tests.builders import road_clue

    r = api(w.other_officer).get(f"cooperation/competence?violation_item_id={w.road_item.pk}&place_id={w.district.pk}")
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["proposed_agency_id"] == w.transport.pk
    assert body["candidates"][0]["articles"] == ["《公路法》第七十六条"]
    case = road_clue(w)
    r = api(w.other_officer).get(f"cooperation/competence/cases/{case.pk}")
    assert r.status_code == 200 and r.json()["agency_competent"] is False
    assert api(w.zhang).get(f"cooperation/competence/cases/{case.pk}").status_code == 404  # another agency's case
    assert api(w.other_officer).get("cooperation/competence?violation_item_id=999999").status_code == 400
