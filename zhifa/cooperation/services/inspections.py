"""One visit instead of many (D2.1; 国办发〔2024〕54号《关于严格规范涉企行政检查的意见》).

An officer plans an on-site inspection of an enterprise here: the plan counts the agency's
inspections of it that year against the published annual cap, and beyond it needs the
head's written approval (``inspection_cap_approve``). A planned inspection can become a
joint inspection (综合查一次): other agencies are invited, each joins through its own
officer (its own plan, counted against its own cap), and each records its part of the one
joint record with two certified officers of its own (D3.8). Each part links to the case
its agency opens where one follows.

The case procedure's ``inspection_record`` act cannot consult this (cases sits below
cooperation); an inspection recorded there without a plan still counts, and
``selectors.inspections_beyond_cap`` lists every agency and enterprise over the cap without
enough approvals.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from zhifa.accounts.access import can_see_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.cases.inputs import bad_input, require_text
from zhifa.cases.models import Case, Inspection
from zhifa.cooperation import facts, periods
from zhifa.cooperation import rules as R
from zhifa.cooperation.models import InspectionCapApproval, InspectionPlan, JointInspection
from zhifa.cooperation.services._common import act_date
from zhifa.core import audit, clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import conflict, forbidden, not_found
from zhifa.core.records import save_record
from zhifa.core.rules import enforce
from zhifa.org.models import Agency
from zhifa.parties.models import Party
from zhifa.people import rules as people_rules
from zhifa.people.models import Officer
from zhifa.people.standing import standing_of

INSPECTORS = (Role.OFFICER, Role.HEAD)


def _own_agency(actor: User, action: str) -> Agency:
    require_role(actor, *INSPECTORS, action=action)
    if actor.agency is None:
        raise forbidden(f"只有执法机关的工作人员可以{action}。")
    return actor.agency


def _plan(actor: User, agency: Agency, party: Party, on: date, place: str, items: str, joint=None) -> InspectionPlan:
    """The agency's plan, checked against the annual cap (the approval used, when beyond it)."""
    if on is None:
        raise bad_input(ErrorCode.REQUIRED, "请写明检查日期。", field="on")
    today = clock.today()
    if on < today:
        raise bad_input(ErrorCode.DATE_ORDER, "检查日期不得早于今天：已经进行的检查在案件中记录。", field="on")
    # one plan at a time per agency and enterprise, so that two officers cannot both take the last place
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    count = facts.visits_in_year(agency.pk, party.pk, on.year)
    cap = periods.annual_inspection_cap(on)
    approval = None
    if cap is not None and count >= cap:
        # The inspections beyond the cap so far used as many approvals (a case's inspection uses
        # one without naming it, as cases' recorded_inspection_within_cap counts them): only an
        # approval beyond those is left for this plan, never one a case's inspection relied on.
        approvals = InspectionCapApproval.objects.filter(agency=agency, party=party, year=on.year)
        if approvals.count() > count - cap:
            approval = (
                approvals.select_for_update(of=("self",))  # the unused ones: an outer join (PostgreSQL)
                .filter(plan__isnull=True)
                .order_by("approved_on", "pk")
                .first()
            )
    enforce(R.inspection_within_annual_cap(count, cap, approval))
    plan = InspectionPlan(
        agency=agency,
        party=party,
        on=on,
        place=require_text(place, "place", "请写明检查地点。"),
        items=require_text(items, "items", "请写明本机关的检查事项。"),
        planned_by=actor,
        planned_on=today,
        ordinal=count + 1,
        approval=approval,
        joint=joint,
    )
    return plan


def inspection_plan(*, actor: User, party: Party, on: date, place: str, items: str) -> InspectionPlan:
    """计划对企业的现场检查：核对本机关本年度对该企业的检查次数和公布的年度频次上限；超出的，须有机关负责人的
    书面批准（D2.1，国办发〔2024〕54号）。"""
    with transaction.atomic():
        agency = _own_agency(actor, "计划现场检查")
        plan = _plan(actor, agency, party, on, place, items)
        return save_record(
            actor=actor,
            instance=plan,
            act="inspection.plan",
            agency=agency,
            changes={"party": party.pk, "on": on, "ordinal": plan.ordinal, "approval": plan.approval_id},
            clauses=["D2.1"],
        )


def inspection_cap_approve(
    *, actor: User, party: Party, year: int, reasons: str, document_number: str = "", on: date | None = None
) -> InspectionCapApproval:
    """机关负责人书面批准超出年度检查频次上限的又一次现场检查，写明理由（D2.1，国办发〔2024〕54号）。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, action="批准超出年度频次上限的检查")
        if actor.agency is None:
            raise forbidden("只有执法机关负责人可以批准。")
        on = act_date(on)
        if year not in (on.year, on.year + 1):
            raise bad_input(ErrorCode.INVALID, "只能批准本年度或下一年度的检查。", field="year")
        enforce(R.cap_approval_reasoned(reasons))
        approval = InspectionCapApproval(
            agency=actor.agency,
            party=party,
            year=year,
            reasons=reasons.strip(),
            document_number=document_number.strip(),
            approved_by=actor,
            approved_on=on,
        )
        return save_record(
            actor=actor, instance=approval, act="inspection_cap.approve", agency=actor.agency, clauses=["D2.1"]
        )


def joint_inspection_create(
    *, actor: User, plan: InspectionPlan, invited: Iterable[Agency], note: str = ""
) -> JointInspection:
    """把计划的检查转为综合查一次：邀请近期检查过或将要检查该企业的其他机关同日同地联合检查（D2.1）。"""
    with transaction.atomic():
        agency = _own_agency(actor, "发起综合查一次")
        plan = InspectionPlan.objects.select_for_update().filter(pk=plan.pk).first()
        if plan is None or plan.agency_id != agency.pk:
            raise not_found("现场检查计划")
        if plan.joint_id:
            raise conflict("该检查已经是综合查一次。")
        if plan.recorded_on or plan.inspection_id:
            raise conflict("该检查已经进行，不能再转为综合查一次。")
        invited = [a for a in dict.fromkeys(invited) if a.pk != agency.pk]
        if not invited:
            raise bad_input(ErrorCode.REQUIRED, "请选择至少一个邀请参加的其他机关。", field="invited_ids")
        joint = JointInspection(
            lead=agency,
            party=plan.party,
            on=plan.on,
            place=plan.place,
            note=note.strip(),
            created_by=actor,
            created_on=clock.today(),
        )
        joint = save_record(
            actor=actor,
            instance=joint,
            act="joint_inspection.create",
            agency=agency,
            m2m={"invited": invited},
            clauses=["D2.1"],
        )
        plan.joint = joint
        plan.save(update_fields=["joint"])
        return joint


def _joint(actor: User, joint: JointInspection) -> JointInspection:
    locked = JointInspection.objects.select_for_update().filter(pk=joint.pk).first()
    if locked is None:
        raise not_found("综合查一次")
    return locked


def joint_inspection_join(*, actor: User, joint: JointInspection, items: str) -> InspectionPlan:
    """受邀机关通过本机关的执法人员加入综合查一次，写明本机关的检查事项；计入本机关的年度检查次数（D2.1）。"""
    with transaction.atomic():
        agency = _own_agency(actor, "加入综合查一次")
        joint = _joint(actor, joint)
        invited = set(joint.invited.values_list("pk", flat=True))
        if agency.pk not in invited:
            if not can_see_agency(actor, joint.lead_id):
                raise not_found("综合查一次")
            raise forbidden("只有受邀参加的机关可以加入综合查一次。")
        if InspectionPlan.objects.filter(joint=joint, agency=agency).exists():
            raise conflict("本机关已经加入该综合查一次。")
        plan = _plan(actor, agency, joint.party, joint.on, joint.place, items, joint=joint)
        return save_record(
            actor=actor,
            instance=plan,
            act="joint_inspection.join",
            agency=agency,
            changes={"joint": joint.pk, "ordinal": plan.ordinal, "approval": plan.approval_id},
            clauses=["D2.1"],
        )


def _own_part(actor: User, joint: JointInspection, agency: Agency) -> InspectionPlan:
    part = InspectionPlan.objects.select_for_update().filter(joint=joint, agency=agency).first()
    if part is None:
        raise forbidden("本机关没有加入该综合查一次，不能记录。")
    return part


def joint_part_record(
    *,
    actor: User,
    joint: JointInspection,
    officers: Iterable[Officer],
    certificates_shown: bool,
    findings: str,
    on: date | None = None,
) -> InspectionPlan:
    """在共同记录中记录本机关的检查情况：本机关不少于两名持证执法人员，出示执法证件（D3.8、D2.1）。"""
    with transaction.atomic():
        agency = _own_agency(actor, "记录综合查一次")
        joint = _joint(actor, joint)
        part = _own_part(actor, joint, agency)
        if part.recorded_on:
            raise conflict("本机关已经记录了检查情况。")
        on = act_date(on, earliest=joint.on)
        officers = list(dict.fromkeys(officers))
        standings = [standing_of(o, "penalty", on) for o in officers]
        violations = [
            R.joint_part_by_own_officers(agency, officers),
            people_rules.two_certified_officers(standings, certificates_shown),
            *[people_rules.officer_certified(s) for s in standings],
        ]
        enforce(*violations)
        part.certificates_shown = certificates_shown
        part.findings = require_text(findings, "findings", "请写明本机关的检查情况。")
        part.recorded_on, part.recorded_by = on, actor
        part.save(update_fields=["certificates_shown", "findings", "recorded_on", "recorded_by"])
        part.officers.set(officers)
        audit.record(
            actor=actor,
            act="joint_inspection.record",
            obj=part,
            agency=agency.pk,
            changes={"joint": joint.pk, "officers": [o.pk for o in officers], "on": on},
            clauses=["D2.1", "D3.8"],
        )
        return part


def inspection_plan_link(
    *, actor: User, plan: InspectionPlan, case: Case, inspection: Inspection | None = None
) -> InspectionPlan:
    """把检查（或综合查一次中本机关的一栏）链接到其后本机关据此办理的案件及其现场检查笔录（D2.1）。"""
    with transaction.atomic():
        agency = _own_agency(actor, "链接案件")
        plan = InspectionPlan.objects.select_for_update().filter(pk=plan.pk).first()
        if plan is None or not can_see_agency(actor, plan.agency_id):
            raise not_found("现场检查计划")
        if plan.agency_id != agency.pk:
            raise forbidden("只有检查机关可以链接本机关的案件。")
        if case.agency_id != agency.pk or case.party_id != plan.party_id:
            raise bad_input(ErrorCode.NOT_IN_CASE, "只能链接本机关以该企业为当事人的案件。", field="case_id")
        if inspection is not None:
            if inspection.case_id != case.pk or inspection.kind != Inspection.Kind.INSPECTION:
                raise bad_input(ErrorCode.NOT_IN_CASE, "只能链接该案件的现场检查笔录。", field="inspection_id")
            if InspectionPlan.objects.filter(inspection=inspection).exclude(pk=plan.pk).exists():
                raise bad_input(ErrorCode.DUPLICATE, "该检查笔录已经链接到另一次检查。", field="inspection_id")
        plan.case, plan.inspection = case, inspection
        plan.save(update_fields=["case", "inspection"])
        audit.record(
            actor=actor,
            act="inspection_plan.link",
            obj=plan,
            agency=agency.pk,
            changes={"case": case.pk, "inspection": inspection.pk if inspection else None},
            clauses=["D2.1"],
        )
        return plan
