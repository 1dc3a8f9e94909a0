"""The simple (on-the-spot) procedure (行政处罚法第五十一条至第五十三条): a warning or a
small fine decided on the spot, the certificate shown (D3.8), the fine paid at the bank
or, only where the law allows, collected on the spot (D2.3, 第六十八条)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from zhifa.accounts.models import User
from zhifa.cases import acting, numbering, periods
from zhifa.cases import rules as R
from zhifa.cases.inputs import bad_input, clean_terms, past_date, require_text
from zhifa.cases.models import (
    Case,
    Decision,
    Instalment,
    Payment,
    PaymentPlan,
    Procedure,
    Source,
    Status,
)
from zhifa.cases.services._steps import check_articles, save
from zhifa.cases.services.decision import remedies_text
from zhifa.core.error_codes import ErrorCode
from zhifa.law.models import Article, ViolationItem
from zhifa.org import competence
from zhifa.org import rules as org_rules
from zhifa.org.models import Government
from zhifa.parties.models import Party


def simple_penalty(
    *,
    actor: User,
    party: Party | None,
    violation_item: ViolationItem | None,
    place: Government | None,
    act_date: date,
    facts: str,
    terms: dict,
    basis_articles: Iterable[Article],
    certificates_shown: bool,
    place_detail: str = "",
    collect_on_spot: bool = False,
    ticket_number: str = "",
    hard_to_collect_later: bool = False,
    remote_area: bool = False,
    on: date | None = None,
) -> Case:
    """当场作出行政处罚决定（简易程序）：违法事实确凿并有法定依据，警告或公民二百元、组织三千元以下罚款；
    出示执法证件，当场交付决定书；当场收缴罚款仅限法定情形（D2.3，行政处罚法第五十一条、第六十八条）。"""
    with acting.run("simple_penalty", actor=actor, on=on) as act:
        past_date(act_date, "act_date", "违法行为发生日期")
        agency = act.agency
        if party is None:
            raise bad_input(ErrorCode.REQUIRED, "请确定当事人。", field="party")
        if violation_item is None:
            raise bad_input(ErrorCode.REQUIRED, "请选择违法行为。", field="violation_item")
        act.check(R.certificates_shown_on_the_spot, certificates_shown)
        terms = clean_terms(terms)
        articles = list(basis_articles)
        case = Case(
            agency=agency,
            procedure=Procedure.SIMPLE,
            source=Source.INSPECTION,
            received_on=act.on,
            summary=require_text(facts, "facts", "请写明违法事实。"),
            party=party,
            violation_item=violation_item,
            place=place,
            place_detail=place_detail,
            act_date=act_date,
            created_by=actor,
        )
        act.check(org_rules.agency_has_standing, agency)
        grants = competence.grants_for(agency, violation_item, act.on)
        proposed = (
            []
            if grants
            else [a for a in competence.competent_agencies(violation_item, place, act.on) if a.pk != agency.pk]
        )
        act.check(org_rules.agency_has_power, agency, grants, violation_item, proposed)
        act.check(org_rules.place_within_jurisdiction, agency, place, agency.government.subtree_ids())
        act.check(R.within_limitation, act_date, act.on, False)
        probe = Decision(**terms)
        act.check(R.simple_procedure_within_cap, probe, party.is_person, act.on)
        act.check(R.basis_cited, "penalty", articles)
        check_articles(act, articles, act_date=act_date, on=act.on, lenient=False, lenient_reason="")
        if collect_on_spot:
            act.check(
                R.on_spot_collection_allowed, terms["fine"] or Decimal("0"), act.on, hard_to_collect_later, remote_area
            )
            act.check(R.payment_through_bank, "on_spot", "", ticket_number, True)
        else:
            act.passed(R.on_spot_collection_allowed)
            act.passed(R.payment_through_bank)
        act.enforce()
        if collect_on_spot and not terms["fine"]:
            raise bad_input(ErrorCode.INVALID, "警告无须收缴罚款。", field="collect_on_spot")
        grant = grants[0]
        case.power, case.delegation = grant.power, grant.delegation
        case.in_name_of = grant.acts_in_name_of if grant.acts_in_name_of.pk != agency.pk else None
        case.lead_officer = act.officer
        save(case)
        number = numbering.next_number(case.acting_agency, "simple", act.on.year)
        decision = save(
            Decision(
                case=case,
                number=number,
                outcome="penalty",
                decided_on=act.on,
                facts=facts,
                reasons="违法事实确凿并有法定依据，当场作出行政处罚决定。",
                remedies=remedies_text(act.on),
                served_on=act.on,
                service_method="on_spot",
                served_to=party.name,
                on_spot=True,
                **terms,
            )
        )
        decision.basis_articles.set(articles)
        act.case = case
        target = Status.EXECUTED
        if terms["fine"]:
            target = Status.EXECUTING
            if collect_on_spot:
                save(
                    Payment(
                        case=case,
                        paid_on=act.on,
                        amount=terms["fine"],
                        method=Payment.Method.ON_SPOT,
                        bank="当场收缴（财政部门统一制发的专用票据）",
                        receipt_number=ticket_number.strip(),
                    )
                )
            else:
                plan = PaymentPlan.objects.create(case=case, kind=PaymentPlan.Kind.STANDARD, approved_on=act.on)
                Instalment.objects.create(plan=plan, number=1, amount=terms["fine"], due_on=periods.payment_due(act.on))
        act.done(
            target=target,
            changes={
                "decision": decision.pk,
                "number": number,
                "terms": {k: v for k, v in terms.items() if v},
                "collected_on_spot": collect_on_spot,
            },
        )
        return case
