"""Helpers for publication tests: a decided case served to its party, on a chosen day."""

from __future__ import annotations

from datetime import date

from zhifa.cases import services as case_services
from zhifa.cases.models import Case
from zhifa.cases.tests.builders import D0, decided, decision_pending, wd

PERSON_ID = "110101199003074477"
PERSON_ADDRESS = "重庆市渝中区解放碑街道民族路88号3单元502室"
PERSON_PHONE = "13912345678"
RELATIVE = "王小宝"


def served(w, *, on: date = D0, terms=None, **kw) -> Case:
    """A case decided on wd(on, 13) and served on wd(on, 14)."""
    case = decided(w, on=on, terms=terms, **kw)
    case_services.decision_serve(actor=w.wang, case=case, method="direct", served_to="当事人", on=wd(on, 14))
    return Case.objects.get(pk=case.pk)


def private_person(w):
    """The world's private person, with an identity number, address and phone on record."""
    p = w.person
    type(p).objects.filter(pk=p.pk).update(id_number=PERSON_ID, address=PERSON_ADDRESS, phone=PERSON_PHONE)
    p.refresh_from_db()
    return p


def leaky_person_case(w, *, on: date = D0) -> Case:
    """A person's case whose decision's facts name the person's identity number, address, phone and a relative,
    and whose public summary (which cases already keeps free of relatives and identity numbers) names the
    address and phone."""
    person = private_person(w)
    case = decision_pending(w, on=on, party=person)
    case_services.relative_record(
        actor=w.zhang, case=case, name=RELATIVE, relation="儿子", age_group="minor", on=wd(on, 12)
    )
    text = f"当事人（身份证号{PERSON_ID}，住{PERSON_ADDRESS}，电话{PERSON_PHONE}）之子{RELATIVE}在店内帮忙。"
    case_services.decide(
        actor=w.head2,
        case=case,
        on=wd(on, 13),
        facts=text,
        public_summary=f"个体户销售过期食品。住{PERSON_ADDRESS}，电话{PERSON_PHONE}。",
    )
    case_services.decision_serve(actor=w.wang, case=case, method="direct", served_to="当事人", on=wd(on, 14))
    return Case.objects.get(pk=case.pk)
