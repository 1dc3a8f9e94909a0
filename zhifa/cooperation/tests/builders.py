"""The cases world plus a city transport enforcement agency holding the power over roads
dug up without approval, so that a matter can travel from the district ecology bureau
(``w.other_agency``) to the agency the catalogue names."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from zhifa.cases import services as case_services
from zhifa.cases.tests.builders import D0, make_world, staff, wd
from zhifa.law.models import Article, LegalBasis, ViolationItem
from zhifa.org.models import Power
from zhifa.testing import make_agency

_seq = itertools.count(1)

__all__ = ["D0", "make_coop_world", "road_clue", "transferred", "wd"]


def make_coop_world():
    w = make_world()
    n = next(_seq)
    transport = make_agency(
        w.city, name=f"重庆市交通运输综合行政执法总队{n}", field="transport", case_prefix=f"渝交执{n}"
    )
    basis = LegalBasis.objects.create(
        title="中华人民共和国公路法",
        short_title="公路法",
        slug=f"highway-{n}",
        level="law",
        issuer="全国人大常委会",
        promulgated_on=date(1997, 7, 3),
        effective_from=date(1998, 1, 1),
    )
    article = Article.objects.create(
        basis=basis,
        number=76,
        label="第七十六条",
        text="违反本法第四十四条第一款规定，擅自占用、挖掘公路的，由交通主管部门责令停止违法行为，可以处三万元以下的罚款。",
    )
    road_item = ViolationItem.objects.create(
        code=f"JT-{n:04d}", name="未经批准擅自挖掘公路", field="transport", penalty_summary="可以处三万元以下的罚款"
    )
    road_item.penalty_articles.add(article)
    power = Power.objects.create(
        agency=transport, code=f"T-{n}", name="对擅自占用、挖掘公路的行政处罚", valid_from=date(2020, 1, 1)
    )
    power.violation_items.add(road_item)
    power.basis_articles.add(article)
    w.transport, w.road_item, w.road_power, w.road_article = transport, road_item, power, article
    for key, role, name in [
        ("t_officer1", "officer", "交执甲"),
        ("t_officer2", "officer", "交执乙"),
        ("t_head", "head", "交执队长"),
    ]:
        user, officer = staff(transport, role, name)
        w.users[key] = user
        w.officers[f"{key}_officer"] = officer
    return w


def road_clue(w, *, on: date = D0):
    """The district ecology bureau's clue about a road dug up without approval."""
    return case_services.clue_register(
        actor=w.other_officer,
        source="complaint",
        received_on=on,
        on=on,
        summary="群众举报：某公司未经批准擅自挖掘公路铺设管线。",
        party=w.org,
        violation_item=w.road_item,
        place=w.district,
        act_date=on - timedelta(days=2),
    )


def transferred(w, *, on: date = D0, to=None):
    """The clue transferred by the ecology bureau's head; returns the Transfer."""
    case = road_clue(w, on=on)
    case_services.transfer_out(
        actor=w.other_head,
        case=case,
        to_agency=to or w.transport,
        reasons="本局对擅自挖掘公路没有行政处罚权，公路法第七十六条规定由交通主管部门管辖。",
        materials="举报记录一份、现场照片三张",
        on=on,
    )
    case.refresh_from_db()
    return case.transfer_out


def city_market(w, code: str = "cq-scj-pkg"):
    """A city market regulation bureau holding the market power of the world (``w.item``):
    a filed market case of the district bureau can be transferred to it."""
    agency = make_agency(w.city, name="重庆市市场监督管理局", field="market", case_prefix="渝市监")
    agency.code = code
    agency.save(update_fields=["code"])
    power = Power.objects.create(
        agency=agency, code=f"CM-{next(_seq)}", name="食品经营处罚", valid_from=date(2020, 1, 1)
    )
    power.violation_items.add(w.item)
    user, _officer = staff(agency, "officer", "市局执法员")
    return agency, user
