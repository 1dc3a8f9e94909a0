"""D3.1a: only an agency within its statutory powers, or an organisation authorised by
law or lawfully entrusted (within scope and period), may enforce; the place must lie in
its area; its standing must be confirmed. When it may not, the competent agency is
proposed (D3.4)."""

from datetime import date

import pytest

from zhifa.core.errors import DomainError
from zhifa.core.rules import enforce
from zhifa.org import competence, rules
from zhifa.org.models import Agency
from zhifa.org.tests.builders import make_delegation, make_item, make_power
from zhifa.testing import assert_refused, make_agency, make_city_and_district, make_government

pytestmark = [pytest.mark.django_db, pytest.mark.clause("D3.1a")]

ON = date(2025, 6, 1)


@pytest.fixture
def world():
    city, yuzhong = make_city_and_district()
    jiangbei = make_government("江北区", "district", city, code="500105")
    item = make_item("经营超过保质期的食品")
    city_bureau = make_agency(city, name="重庆市市场监督管理局")
    yz_bureau = make_agency(yuzhong, name="重庆市渝中区市场监督管理局")
    jb_bureau = make_agency(jiangbei, name="重庆市江北区市场监督管理局")
    ecology = make_agency(yuzhong, name="重庆市渝中区生态环境局", field="ecology")
    return {
        "city": city,
        "yuzhong": yuzhong,
        "jiangbei": jiangbei,
        "item": item,
        "city_bureau": city_bureau,
        "yz_bureau": yz_bureau,
        "jb_bureau": jb_bureau,
        "ecology": ecology,
        "city_power": make_power(city_bureau, [item]),
        "yz_power": make_power(yz_bureau, [item]),
        "jb_power": make_power(jb_bureau, [item]),
    }


def refusal(violation):
    with pytest.raises(DomainError) as excinfo:
        enforce(violation)
    return excinfo


def test_own_power_is_a_grant(world):
    grants = competence.grants_for(world["yz_bureau"], world["item"], ON)
    assert [g.power for g in grants] == [world["yz_power"]]
    assert grants[0].delegation is None and grants[0].acts_in_name_of == world["yz_bureau"]
    assert "本机关法定职权" in grants[0].describe()
    assert rules.agency_has_power(world["yz_bureau"], grants, world["item"]) is None


def test_no_power_is_refused_and_the_competent_agency_is_proposed(world):
    proposed = competence.competent_agencies(world["item"], world["yuzhong"], ON)
    grants = competence.grants_for(world["ecology"], world["item"], ON)
    assert grants == []
    excinfo = refusal(rules.agency_has_power(world["ecology"], grants, world["item"], proposed))
    error = assert_refused(excinfo, "D3.1a", code="agency_has_power", field="violation_item")
    assert "重庆市渝中区市场监督管理局" in error.message and "移送" in error.message
    assert "行政处罚法》第十七条" in error.message


def test_no_competent_agency_at_all_points_to_the_legal_affairs_office(world):
    orphan = make_item("无人管辖的违法行为")
    excinfo = refusal(rules.agency_has_power(world["ecology"], [], orphan, []))
    assert "政府法制机构" in assert_refused(excinfo, "D3.1a", code="agency_has_power").message


def test_a_power_outside_its_own_validity_is_not_a_grant(world):
    item = make_item()
    make_power(world["ecology"], [item], valid_from=date(2020, 1, 1), valid_to=date(2024, 12, 31))
    assert competence.grants_for(world["ecology"], item, date(2024, 12, 31))
    assert competence.grants_for(world["ecology"], item, ON) == []


def test_entrustment_within_scope_and_period_is_a_grant_in_the_delegators_name(world):
    entrusted = make_agency(world["yuzhong"], name="渝中区市场监管执法大队", kind="entrusted")
    d = make_delegation(entrusted, [world["city_power"]], delegator=world["city_bureau"])
    grants = competence.grants_for(entrusted, world["item"], ON)
    assert len(grants) == 1 and grants[0].delegation == d
    assert grants[0].acts_in_name_of == world["city_bureau"]
    assert "行政机关委托" in grants[0].describe()
    assert rules.agency_has_power(entrusted, grants, world["item"]) is None


def test_authorisation_is_a_grant_in_the_recipients_own_name(world):
    authorised = make_agency(world["city"], name="重庆市交通运输综合行政执法总队", kind="authorised", field="transport")
    make_delegation(authorised, [world["city_power"]], kind="authorisation", delegator=None)
    grants = competence.grants_for(authorised, world["item"], ON)
    assert len(grants) == 1 and grants[0].acts_in_name_of == authorised


def test_delegation_outside_its_period_is_refused(world):
    entrusted = make_agency(world["yuzhong"], kind="entrusted")
    make_delegation(entrusted, [world["city_power"]], valid_from=date(2024, 1, 1), valid_to=date(2024, 12, 31))
    assert competence.grants_for(entrusted, world["item"], date(2024, 12, 31))
    assert competence.grants_for(entrusted, world["item"], date(2023, 12, 31)) == []
    grants = competence.grants_for(entrusted, world["item"], ON)
    assert grants == []
    assert_refused(refusal(rules.agency_has_power(entrusted, grants, world["item"])), "D3.1a", code="agency_has_power")


def test_revoked_delegation_is_refused_from_the_day_of_revocation(world):
    entrusted = make_agency(world["yuzhong"], kind="entrusted")
    make_delegation(entrusted, [world["city_power"]], revoked_on=date(2025, 3, 1))
    assert competence.grants_for(entrusted, world["item"], date(2025, 2, 28))
    grants = competence.grants_for(entrusted, world["item"], date(2025, 3, 1))
    assert grants == []
    assert_refused(refusal(rules.agency_has_power(entrusted, grants, world["item"])), "D3.1a", code="agency_has_power")


def test_delegation_outside_its_scope_is_refused(world):
    entrusted = make_agency(world["yuzhong"], kind="entrusted")
    other_item = make_item("经营者不按规定明码标价")
    make_delegation(entrusted, [make_power(world["city_bureau"], [other_item])])
    grants = competence.grants_for(entrusted, world["item"], ON)
    assert grants == []
    assert_refused(refusal(rules.agency_has_power(entrusted, grants, world["item"])), "D3.1a", code="agency_has_power")


def test_wrong_place_is_refused(world):
    area = world["yz_bureau"].government.subtree_ids()
    assert rules.place_within_jurisdiction(world["yz_bureau"], world["yuzhong"], area) is None
    assert rules.place_within_jurisdiction(world["yz_bureau"], None, area) is None
    assert not competence.covers_place(world["yz_bureau"], world["jiangbei"])
    excinfo = refusal(rules.place_within_jurisdiction(world["yz_bureau"], world["jiangbei"], area))
    error = assert_refused(excinfo, "D3.1a", code="place_within_jurisdiction", field="place")
    assert "江北区" in error.message and "第二十二条" in error.message


def test_a_city_agency_covers_every_district(world):
    assert competence.covers_place(world["city_bureau"], world["jiangbei"])
    area = world["city"].subtree_ids()
    assert rules.place_within_jurisdiction(world["city_bureau"], world["jiangbei"], area) is None


@pytest.mark.parametrize("standing", ["pending", "suspended", "revoked"])
def test_no_standing_is_refused(world, standing):
    agency = world["yz_bureau"]
    agency.standing = standing
    excinfo = refusal(rules.agency_has_standing(agency))
    error = assert_refused(excinfo, "D3.1a", code="agency_has_standing", field="agency")
    assert Agency.Standing(standing).label in error.message and "第三十八条" in error.message


def test_confirmed_standing_passes(world):
    assert rules.agency_has_standing(world["yz_bureau"]) is None


def test_competent_agencies_nearest_level_first_and_only_for_the_place(world):
    assert competence.competent_agencies(world["item"], world["yuzhong"], ON) == [
        world["yz_bureau"],
        world["city_bureau"],
    ]
    assert competence.competent_agencies(world["item"], world["jiangbei"], ON) == [
        world["jb_bureau"],
        world["city_bureau"],
    ]


def test_competent_agencies_leave_out_bodies_without_standing_and_include_delegated_ones(world):
    Agency.objects.filter(pk=world["yz_bureau"].pk).update(standing="suspended")
    entrusted = make_agency(world["yuzhong"], name="渝中区市场监管执法大队", kind="entrusted")
    make_delegation(entrusted, [world["city_power"]], delegator=world["city_bureau"])
    found = competence.competent_agencies(world["item"], world["yuzhong"], ON)
    assert world["yz_bureau"] not in found
    assert found == [entrusted, world["city_bureau"]]
    # Outside the entrustment's period only the city bureau remains.
    assert competence.competent_agencies(world["item"], world["yuzhong"], date(2023, 6, 1)) == [world["city_bureau"]]
