"""From the clue to the filed case, and transfers to the competent agency (D3.1a,
D3.1b, D3.4, D3.7, D3.8, D3.10a, D1.4, D1.5)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from zhifa.accounts.models import User
from zhifa.cases import acting, numbering, periods
from zhifa.cases import rules as R
from zhifa.cases.acting import Act
from zhifa.cases.inputs import bad_input, covered_date, past_date, require_text
from zhifa.cases.models import Case, CaseOfficer, Source, Transfer
from zhifa.cases.services._steps import save, validate
from zhifa.core import audit, clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import conflict
from zhifa.law.models import ViolationItem
from zhifa.org import competence
from zhifa.org import rules as org_rules
from zhifa.org.models import Agency, Government
from zhifa.parties.models import Party
from zhifa.people import rules as people_rules
from zhifa.people.models import Officer
from zhifa.people.standing import conflicts_between, standing_of


def clue_register(
    *,
    actor: User,
    source: str,
    received_on: date,
    summary: str,
    party: Party | None = None,
    violation_item: ViolationItem | None = None,
    place: Government | None = None,
    place_detail: str = "",
    act_date: date | None = None,
    act_ended_on: date | None = None,
    harmful_consequence: bool = False,
    reporter_name: str = "",
    reporter_contact: str = "",
    source_reference: str = "",
    on: date | None = None,
) -> Case:
    """登记违法线索（举报投诉、检查发现、移送、监测）。线索登记之日起十五个工作日内决定是否立案。"""
    with acting.run("clue_register", actor=actor, on=on) as act:
        act.check(R.act_dated_truthfully, received_on, clock.today(), None)
        act.enforce()
        if received_on > act.on:
            raise bad_input(ErrorCode.DATE_ORDER, "收到线索的日期不得晚于登记日期。", field="received_on")
        covered_date(received_on, "received_on", "收到线索的日期")
        past_date(act_date, "act_date", "违法行为发生日期")
        past_date(act_ended_on, "act_ended_on", "违法行为终了日期")
        if act_date and act_ended_on and act_ended_on < act_date:  # the case_act_period_order constraint
            raise bad_input(ErrorCode.DATE_ORDER, "违法行为终了日期不得早于发生日期。", field="act_ended_on")
        case = Case(
            agency=act.agency,
            source=source,
            received_on=received_on,
            summary=require_text(summary, "summary", "请写明线索内容。"),
            party=party,
            violation_item=violation_item,
            place=place,
            place_detail=place_detail,
            act_date=act_date,
            act_ended_on=act_ended_on,
            harmful_consequence=harmful_consequence,
            reporter_name=reporter_name,
            reporter_contact=reporter_contact,
            source_reference=source_reference,
            created_by=actor,
        )
        # Validated here and inserted by ``done`` (one write); a clue has no filing number yet
        # and its dates were ordered above, so the constraints need no query of their own.
        validate(case, constraints=False)
        act.case = case
        return act.done(changes={"source": source, "received_on": received_on, "summary": summary[:200]})


def _competence_checks(act: Act, case: Case, *, item: ViolationItem | None, place: Government | None, on: date) -> list:
    """D3.1a: the agency's standing, its power over the item on ``on``, the place in its area."""
    agency = case.agency
    act.check(org_rules.agency_has_standing, agency)
    grants = competence.grants_for(agency, item, on)
    proposed = [] if grants else [a for a in competence.competent_agencies(item, place, on) if a.pk != agency.pk]
    act.check(org_rules.agency_has_power, agency, grants, item, proposed)
    return grants


def _filing_deadline(act: Act, case: Case) -> None:
    """The filing deadline the decision's date decides (an unknown one decides nothing)."""
    try:
        due = periods.filing_due(case.received_on)
    except periods.DeadlineUnknown:
        due = None
    act.deadline_decided("决定是否立案", due)


def filing_propose(
    *,
    actor: User,
    case: Case,
    party: Party | None,
    violation_item: ViolationItem | None,
    place: Government | None,
    act_date: date | None,
    investigators: Iterable[Officer],
    lead_officer: Officer | None,
    reason: str,
    act_ended_on: date | None = None,
    harmful_consequence: bool = False,
    place_detail: str | None = None,
    major_public_interest: bool = False,
    complex_case: bool = False,
    law_requires_review: bool = False,
    major_violation: bool = False,
    on: date | None = None,
    expected_version: int | None = None,
) -> Case:
    """提请立案：确认本机关对该违法行为有管辖权（D3.1a）、未过追责期限（D3.10a），指派至少两名
    持证且无利害关系的承办人员（D3.8、D3.1b、D3.7）并确定主办人（D1.5）。"""
    with acting.run("filing_propose", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        if party is None:
            raise bad_input(ErrorCode.REQUIRED, "立案须确定当事人。", field="party")
        if violation_item is None:
            raise bad_input(ErrorCode.REQUIRED, "请选择违法行为。", field="violation_item")
        require_text(reason, "reason", "请写明立案理由。")
        past_date(act_date, "act_date", "违法行为发生日期")
        past_date(act_ended_on, "act_ended_on", "违法行为终了日期")
        investigators = list(dict.fromkeys(investigators))
        for officer in investigators:
            if officer.agency_id != case.agency_id:
                raise bad_input(ErrorCode.NOT_IN_CASE, f"{officer.name}不是本机关的执法人员。", field="investigators")
        grants = _competence_checks(act, case, item=violation_item, place=place, on=act.on)
        act.check(org_rules.place_within_jurisdiction, case.agency, place, case.agency.government.subtree_ids())
        start = act_ended_on or act_date
        act.check(
            R.within_limitation, start, case.received_on, violation_item.health_or_finance and harmful_consequence
        )
        act.check(R.two_investigators_assigned, investigators)
        act.check(R.lead_officer_named, lead_officer, investigators)
        for officer in investigators:
            act.check(people_rules.officer_certified, standing_of(officer, "penalty", act.on))
            act.check(people_rules.no_declared_conflict, officer, party, conflicts_between(officer, party, act.on))
        if not investigators:
            # No investigator named: two_investigators_assigned refuses, and there is no
            # officer for the per-officer rules to check.
            act.passed(people_rules.officer_certified)
            act.passed(people_rules.no_declared_conflict)
        act.enforce()
        grant = grants[0]
        case.party, case.violation_item, case.place = party, violation_item, place
        if place_detail is not None:
            case.place_detail = place_detail
        case.act_date, case.act_ended_on, case.harmful_consequence = act_date, act_ended_on, harmful_consequence
        case.power, case.delegation = grant.power, grant.delegation
        case.in_name_of = grant.acts_in_name_of if grant.acts_in_name_of.pk != case.agency_id else None
        case.filing_reason, case.proposed_on, case.lead_officer = reason, act.on, lead_officer
        case.major_public_interest, case.complex_case = major_public_interest, complex_case
        case.law_requires_review, case.major_violation = law_requires_review, major_violation
        save(case)
        case.officers.filter(ended_on__isnull=True).delete()  # a fresh proposal replaces an earlier one
        for officer in investigators:
            CaseOfficer.objects.create(
                case=case, officer=officer, lead=officer.pk == lead_officer.pk, assigned_on=act.on
            )
        return act.done(
            changes={
                "investigators": [o.pk for o in investigators],
                "lead_officer": lead_officer.pk,
                "grant": grant.describe(),
            }
        )


def filing_approve(
    *,
    actor: User,
    case: Case,
    on: date | None = None,
    late_reason: str = "",
    backdated_reason: str = "",
    expected_version: int | None = None,
) -> Case:
    """批准立案：自立案之日起计算九十日的决定期限（行政处罚法第六十条）。"""
    with acting.run(
        "filing_approve",
        actor=actor,
        case=case,
        on=on,
        expected_version=expected_version,
        backdated_reason=backdated_reason,
    ) as act:
        case = act.case
        _competence_checks(act, case, item=case.violation_item, place=case.place, on=act.on)
        act.check(
            R.within_limitation,
            case.limitation_start,
            case.received_on,
            case.violation_item.health_or_finance and case.harmful_consequence,
        )
        act.check(R.filing_decided_in_time, case.received_on, act.on, late_reason)
        _filing_deadline(act, case)
        # The investigators proposed must still be two, certified and free of conflict on the day of approval.
        investigators = [co.officer for co in case.officers.select_related("officer").filter(ended_on__isnull=True)]
        act.check(R.two_investigators_assigned, investigators)
        for officer in investigators:
            act.check(people_rules.officer_certified, standing_of(officer, "penalty", act.on))
            act.check(
                people_rules.no_declared_conflict, officer, case.party, conflicts_between(officer, case.party, act.on)
            )
        if not investigators:
            # Nobody left to check one by one; two_investigators_assigned has refused already.
            act.passed(people_rules.officer_certified)
            act.passed(people_rules.no_declared_conflict)
        act.enforce()
        case.filing_number = numbering.next_number(case.acting_agency, "filing", act.on.year)
        case.filed_on = act.on
        case.filing_late_reason = late_reason
        case.decision_due_on = periods.decision_due(act.on)
        return act.done(changes={"filing_number": case.filing_number, "decision_due_on": case.decision_due_on})


def filing_refuse(
    *,
    actor: User,
    case: Case,
    reason: str,
    on: date | None = None,
    late_reason: str = "",
    backdated_reason: str = "",
    expected_version: int | None = None,
) -> Case:
    """决定不予立案，写明理由。"""
    with acting.run(
        "filing_refuse",
        actor=actor,
        case=case,
        on=on,
        expected_version=expected_version,
        backdated_reason=backdated_reason,
    ) as act:
        case = act.case
        require_text(reason, "reason", "决定不予立案的，应当写明理由。")
        act.check(R.filing_decided_in_time, case.received_on, act.on, late_reason)
        _filing_deadline(act, case)
        act.enforce()
        case.ended_on, case.end_reason, case.filing_late_reason = act.on, reason, late_reason
        return act.done(changes={"reason": reason})


def transfer_out(
    *,
    actor: User,
    case: Case,
    to_agency: Agency,
    reasons: str,
    materials: str,
    on: date | None = None,
    expected_version: int | None = None,
) -> Case:
    """移送有管辖权的机关（D3.4）：书面移送函，接收机关不得拒绝，并书面函告处理结果。
    接收机关即收到一条“其他机关移送”的线索。"""
    with acting.run("transfer_out", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        if case.violation_item is None:
            raise bad_input(ErrorCode.REQUIRED, "请先确定违法行为，以确定有管辖权的机关。", field="violation_item")
        if to_agency.pk == case.agency_id:
            raise bad_input(ErrorCode.INVALID, "不能移送给本机关。", field="to_agency")
        require_text(reasons, "reasons", "请写明移送理由（本机关无管辖权的依据）。")
        require_text(materials, "materials", "请列明移送的材料。")
        competent = competence.competent_agencies(case.violation_item, case.place, act.on)
        act.check(R.transfer_to_competent_agency, to_agency, competent)
        act.enforce()
        letter = numbering.next_number(case.acting_agency, "transfer", act.on.year)
        received = Case(
            agency=to_agency,
            source=Source.TRANSFER_IN,
            source_reference=letter,
            transferred_from=case,
            received_on=act.on,
            summary=f"{case.acting_agency}移送（{letter}）：{case.summary}",
            party=case.party,
            violation_item=case.violation_item,
            place=case.place,
            place_detail=case.place_detail,
            act_date=case.act_date,
            act_ended_on=case.act_ended_on,
            harmful_consequence=case.harmful_consequence,
            created_by=actor,
        )
        save(received)
        save(
            Transfer(
                case=case,
                to_agency=to_agency,
                letter_number=letter,
                sent_on=act.on,
                reasons=reasons,
                materials=materials,
                received_case=received,
            )
        )
        audit.record(
            actor=actor,
            act="case.transfer_in",
            obj=received,
            agency=to_agency,
            changes={"letter_number": letter, "from_case": case.pk},
            clauses=["D3.4"],
        )
        case.ended_on, case.end_reason = act.on, reasons
        return act.done(changes={"letter_number": letter, "to_agency": to_agency.pk, "received_case": received.pk})


def transfer_answer(*, actor: User, case: Case | int, answer: str, on: date | None = None) -> Case:
    """接收机关将处理结果书面函告移送机关（D3.4）。``case`` is the receiving agency's case."""
    case_id = case.pk if isinstance(case, Case) else case
    incoming = Transfer.objects.filter(received_case_id=case_id).first()
    if incoming is None:
        raise bad_input(ErrorCode.NOTHING_PENDING, "本案不是其他机关移送的案件，无须函告。", field="answer")
    with acting.run("transfer_answer", actor=actor, case=case_id, on=on, also_lock=[incoming.case_id]) as act:
        incoming = Transfer.objects.get(pk=incoming.pk)
        if incoming.answered_on:
            raise conflict("已经函告过处理结果。")
        incoming.answered_on = act.on
        incoming.answer = require_text(answer, "answer", "请写明处理结果。")
        incoming.save(update_fields=["answered_on", "answer"])
        audit.record(
            actor=actor,
            act="case.transfer_answered",
            obj=incoming.case,
            agency=incoming.case.agency_id,
            changes={"answer": answer, "answered_on": act.on},
            clauses=["D3.4"],
        )
        return act.done(changes={"answer": answer, "to_case": incoming.case_id})
