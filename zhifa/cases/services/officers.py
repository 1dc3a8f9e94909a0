"""Who investigates the case: assigning officers (D3.1b, D3.3, D3.7) and recusal
(D3.7, 行政处罚法第四十三条)."""

from __future__ import annotations

from datetime import date

from zhifa.accounts.models import User
from zhifa.cases import acting
from zhifa.cases import rules as R
from zhifa.cases.facts import all_investigator_ids, granted_recusals
from zhifa.cases.inputs import bad_input, require_text
from zhifa.cases.models import Case, CaseOfficer, Recusal, Stage
from zhifa.cases.services._steps import save
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import conflict
from zhifa.core.state import touch
from zhifa.people import rules as people_rules
from zhifa.people.models import Officer
from zhifa.people.standing import conflicts_between, standing_of


def officer_assign(
    *,
    actor: User,
    case: Case,
    officer: Officer,
    lead: bool = False,
    on: date | None = None,
    expected_version: int | None = None,
) -> Case:
    """指派承办人员：持证（D3.1b）、无利害关系（D3.7）、未被决定回避、未在本案其他环节办理事项（D3.3）。"""
    with acting.run("officer_assign", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        if officer.agency_id != case.agency_id:
            raise bad_input(ErrorCode.NOT_IN_CASE, f"{officer.name}不是本机关的执法人员。", field="officer")
        if case.officers.filter(officer=officer, ended_on__isnull=True).exists():
            raise bad_input(ErrorCode.DUPLICATE, f"{officer.name}已是本案承办人员。", field="officer")
        act.check(people_rules.officer_certified, standing_of(officer, "penalty", act.on))
        act.check(
            people_rules.no_declared_conflict, officer, case.party, conflicts_between(officer, case.party, act.on)
        )
        act.check(R.recused_officer_excluded, officer, granted_recusals(case, officer))
        stages = {}
        if officer.user_id:
            stages = {p.stage: Stage(p.stage).label for p in case.participations.filter(user_id=officer.user_id)}
        act.check(R.stages_separated, officer.name, Stage.INVESTIGATION, Stage.INVESTIGATION.label, stages)
        act.enforce()
        if lead:
            leads = case.officers.filter(lead=True)
            touch(leads)  # .update() sends no signal: the audit event's state names these rows
            leads.update(lead=False)
            case.lead_officer = officer
        CaseOfficer.objects.create(case=case, officer=officer, lead=lead, assigned_on=act.on)
        return act.done(changes={"officer": officer.pk, "lead": lead})


def recusal_apply(
    *, actor: User, case: Case, officer: Officer, applicant: str, grounds: str, on: date | None = None
) -> Recusal:
    """登记回避申请：执法人员主动申请、当事人申请或机关依职权提出（D3.7）。调查在决定前照常进行。"""
    with acting.run("recusal_apply", actor=actor, case=case, on=on) as act:
        case = act.case
        if officer.pk not in all_investigator_ids(case):
            raise bad_input(ErrorCode.NOT_IN_CASE, f"{officer.name}不是本案承办人员。", field="officer")
        if case.recusals.filter(officer=officer, granted__isnull=True).exists():
            raise conflict(f"{officer.name}的回避申请尚待决定。")
        recusal = save(
            Recusal(
                case=case,
                officer=officer,
                applicant=applicant,
                grounds=require_text(grounds, "grounds", "请写明申请回避的理由。"),
                applied_on=act.on,
            )
        )
        act.done(changes={"recusal": recusal.pk, "officer": officer.pk, "applicant": applicant, "grounds": grounds})
        return recusal


def recusal_decide(
    *, actor: User, case: Case, recusal: Recusal, granted: bool, reason: str = "", on: date | None = None
) -> Recusal:
    """机关负责人决定是否回避；决定回避的，该人员退出本案（D3.7，行政处罚法第四十三条）。"""
    with acting.run("recusal_decide", actor=actor, case=case, on=on) as act:
        case = act.case
        recusal = Recusal.objects.get(pk=recusal.pk, case=case)
        if not recusal.pending:
            raise conflict("该回避申请已经决定。")
        act.check(R.recusal_decision_reasoned, granted, reason)
        act.enforce()
        recusal.granted, recusal.decision_reason = granted, reason
        recusal.decided_on, recusal.decided_by = act.on, actor
        recusal.save(update_fields=["granted", "decision_reason", "decided_on", "decided_by"])
        if granted:
            ending = case.officers.filter(officer=recusal.officer, ended_on__isnull=True)
            touch(ending)  # .update() sends no signal: the audit event's state names these rows
            ending.update(ended_on=act.on, end_reason="决定回避", lead=False)
            if case.lead_officer_id == recusal.officer_id:
                case.lead_officer = None
        act.done(changes={"recusal": recusal.pk, "granted": granted, "reason": reason})
        return recusal
