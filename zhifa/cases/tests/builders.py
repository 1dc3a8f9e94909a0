"""A small world to take cases through, and helpers that walk a case to a stage through
the services (the acts under test are called the same way).

Dates are fixed in 2026 (before the day the suite was written), so the legal calendar
and the parameters in force are those of 2026 whenever the suite runs.
"""

from __future__ import annotations

import io
import itertools
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from zhifa.cases import services, visits
from zhifa.cases.models import Case
from zhifa.core import workdays
from zhifa.law.models import Article, LegalBasis, ViolationItem
from zhifa.org.models import Power
from zhifa.testing import make_agency, make_city_and_district, make_officer, make_party, make_user

_seq = itertools.count(1)

# A Monday in 2026; every walk starts here unless told otherwise.
D0 = date(2026, 3, 2)


def wd(start: date, n: int) -> date:
    return workdays.add_working_days(start, n)


@dataclass
class World:
    city: object
    district: object
    agency: object
    other_agency: object
    basis: object
    article: object
    document: object
    doc_article: object
    item: object
    other_item: object
    power: object
    officers: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    org: object = None
    person: object = None

    def __getattr__(self, name):
        for bag in ("users", "officers"):
            d = self.__dict__.get(bag, {})
            if name in d:
                return d[name]
        raise AttributeError(name)


def staff(agency, role: str, name: str, *, fields=("penalty",), officer=True, **officer_kw):
    user = make_user(role, agency=agency, username=f"{name}{next(_seq)}", display_name=name)
    off = make_officer(agency, name=name, fields=fields, user=user, **officer_kw) if officer else None
    return user, off


def make_world() -> World:
    city, district = make_city_and_district()
    agency = make_agency(
        district,
        name="重庆市渝中区市场监督管理局",
        field="market",
        case_prefix="渝中市监",
        short_name="渝中区市场监管局",
    )
    other = make_agency(district, name="重庆市渝中区生态环境局", field="ecology", case_prefix="渝中环")
    n = next(_seq)
    basis = LegalBasis.objects.create(
        title="中华人民共和国食品安全法",
        short_title="食品安全法",
        slug=f"food-safety-{n}",
        level="law",
        issuer="全国人大常委会",
        promulgated_on=date(2015, 4, 24),
        effective_from=date(2015, 10, 1),
    )
    article = Article.objects.create(
        basis=basis,
        number=124,
        label="第一百二十四条",
        text="经营超过保质期的食品的，没收违法所得和违法经营的食品，并处罚款。",
    )
    document = LegalBasis.objects.create(
        title="关于加强食品经营监管的通知",
        slug=f"notice-doc-{n}",
        level="normative_document",
        issuer="某区市场监管局",
        promulgated_on=date(2020, 1, 1),
        effective_from=date(2020, 1, 1),
    )
    doc_article = Article.objects.create(basis=document, number=3, label="第三条", text="……")
    item = ViolationItem.objects.create(
        code=f"SC-{n:04d}",
        name="经营超过保质期的食品",
        field="market",
        penalty_summary="没收违法所得，并处五万元以上十万元以下罚款",
        health_or_finance=True,
    )
    item.penalty_articles.add(article)
    other_item = ViolationItem.objects.create(code=f"HJ-{n:04d}", name="未批先建排污设施", field="ecology")
    power = Power.objects.create(
        agency=agency, code=f"P-{n}", name="对经营超过保质期食品的行政处罚", valid_from=date(2020, 1, 1)
    )
    power.violation_items.add(item)
    other_power = Power.objects.create(
        agency=other, code=f"E-{n}", name="对未批先建排污设施的行政处罚", valid_from=date(2020, 1, 1)
    )
    other_power.violation_items.add(other_item)

    w = World(city, district, agency, other, basis, article, document, doc_article, item, other_item, power)
    for key, role, name, kw in [
        ("zhang", "officer", "张执法", {}),
        ("li", "officer", "李执法", {}),
        ("wang", "officer", "王执行", {}),
        ("zhao", "officer", "赵主持", {"fields": ("penalty", "hearing")}),
        ("head", "head", "陈局长", {}),
        ("head2", "head", "刘副局长", {}),
    ]:
        user, off = staff(agency, role, name, **kw)
        w.users[key] = user
        w.officers[f"{key}_officer"] = off
    w.users["reviewer"] = make_user("reviewer", agency=agency, username=f"reviewer{next(_seq)}", display_name="周审核")
    w.users["legal_office"] = make_user(
        "legal_office", government=district, username=f"sfj{next(_seq)}", display_name="区司法局"
    )
    other_user, _ = staff(other, "officer", "环保员")
    w.users["other_officer"] = other_user
    other_head, _ = staff(other, "head", "环保局长")
    w.users["other_head"] = other_head
    w.org = make_party("organisation", name=f"重庆某某超市有限公司{n}", government=district)
    w.person = make_party("person", name=f"个体户甲{n}", government=district)
    return w


def evidence_file(text: str = "现场照片") -> io.BytesIO:
    f = io.BytesIO(text.encode("utf-8"))
    f.name = "photo.jpg"
    return f


# --- walking a case -----------------------------------------------------------------


def clue(w: World, *, party=None, on: date = D0, item=True, **kw) -> Case:
    return services.clue_register(
        actor=w.zhang,
        source=kw.pop("source", "complaint"),
        received_on=on,
        on=on,
        summary=kw.pop("summary", "群众举报：某超市销售过期食品。"),
        party=party or w.org,
        violation_item=w.item if item else None,
        place=w.district,
        act_date=kw.pop("act_date", on - timedelta(days=3)),
        **kw,
    )


def propose(w: World, case: Case, *, on: date | None = None, investigators=None, lead=None, **kw) -> Case:
    investigators = investigators or [w.zhang_officer, w.li_officer]
    return services.filing_propose(
        actor=w.zhang,
        case=case,
        party=case.party,
        violation_item=case.violation_item,
        place=case.place,
        act_date=case.act_date,
        harmful_consequence=kw.pop("harmful_consequence", False),
        investigators=investigators,
        lead_officer=lead or investigators[0],
        reason=kw.pop("reason", "有证据初步证明存在违法行为，属本机关管辖。"),
        on=on or case.received_on,
        **kw,
    )


def filed(w: World, *, on: date = D0, **kw) -> Case:
    case = clue(w, on=on, **{k: v for k, v in kw.items() if k in ("party", "act_date", "summary")})
    case = propose(
        w,
        case,
        on=on,
        **{
            k: v
            for k, v in kw.items()
            if k in ("major_public_interest", "complex_case", "major_violation", "law_requires_review")
        },
    )
    return services.filing_approve(actor=w.head, case=case, on=wd(on, 1))


@contextmanager
def cap_not_consulted():
    """Build a case's records without counting its inspections against the annual cap (D2.1):
    the builders put many cases of one enterprise in one year; the cap is tested by calling
    ``services.inspection_record`` itself (cooperation's tests). The inspections still count."""
    saved = visits.INSPECTION_CAP[:]
    visits.INSPECTION_CAP.clear()
    try:
        yield
    finally:
        visits.INSPECTION_CAP[:] = saved


def inspect(w: World, case: Case, on: date):
    with cap_not_consulted():
        return _inspect(w, case, on)


def _inspect(w: World, case: Case, on: date):
    return services.inspection_record(
        actor=w.zhang,
        case=case,
        kind="inspection",
        place="渝中区解放碑某超市",
        subject="店长王某",
        officers=[w.zhang_officer, w.li_officer],
        certificates_shown=True,
        record="货架上发现超过保质期的牛奶12盒。",
        on=on,
    )


TERMS_SMALL = {"fine": "3000", "confiscation": "240"}
TERMS_LARGE = {"fine": "80000", "confiscation": "1200"}


def reported(w: World, *, on: date = D0, terms=None, outcome="penalty", **kw) -> Case:
    case = filed(w, on=on, **kw)
    inspect(w, case, wd(on, 2))
    services.evidence_add(
        actor=w.zhang,
        case=case,
        kind="audiovisual",
        title="现场照片",
        source="现场拍摄",
        collected_on=wd(on, 2),
        content=evidence_file(f"photo-{case.pk}"),
        on=wd(on, 2),
    )
    services.report_submit(
        actor=w.zhang,
        case=case,
        facts="当事人销售超过保质期的牛奶12盒，违法所得240元。",
        evidence_summary="现场检查笔录、照片。",
        outcome=outcome,
        reasons="违法事实清楚，证据确凿。",
        terms=(terms or TERMS_SMALL) if outcome == "penalty" else {},
        basis_articles=[w.article] if outcome != "no_penalty_unfounded" else [],
        on=wd(on, 3),
        circumstances={"first_offence": True},
    )
    return Case.objects.get(pk=case.pk)


def notified(w: World, *, on: date = D0, terms=None, **kw) -> Case:
    case = reported(w, on=on, terms=terms, **kw)
    services.notice_issue(actor=w.zhang, case=case, on=wd(on, 4))
    services.notice_serve(actor=w.zhang, case=case, method="direct", served_to="店长王某", on=wd(on, 4))
    return Case.objects.get(pk=case.pk)


def decision_pending(w: World, *, on: date = D0, terms=None, **kw) -> Case:
    case = notified(w, on=on, terms=terms, **kw)
    services.decision_submit(actor=w.zhang, case=case, on=wd(on, 12))
    return Case.objects.get(pk=case.pk)


def decided(w: World, *, on: date = D0, terms=None, **kw):
    case = decision_pending(w, on=on, terms=terms, **kw)
    services.decide(actor=w.head2, case=case, on=wd(on, 13), public_summary="某超市销售过期食品被处罚。")
    return Case.objects.get(pk=case.pk)


def executing(w: World, *, on: date = D0, terms=None, **kw):
    case = decided(w, on=on, terms=terms, **kw)
    services.decision_serve(actor=w.wang, case=case, method="direct", served_to="法定代表人", on=wd(on, 14))
    return Case.objects.get(pk=case.pk)


def hearing_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 30)


__all__ = [
    "D0",
    "TERMS_LARGE",
    "TERMS_SMALL",
    "Decimal",
    "World",
    "clue",
    "decided",
    "decision_pending",
    "evidence_file",
    "executing",
    "filed",
    "hearing_datetime",
    "inspect",
    "make_world",
    "notified",
    "propose",
    "reported",
    "wd",
]
