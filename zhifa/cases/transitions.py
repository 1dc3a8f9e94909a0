"""Every act of the case procedure: from which states, to which state, who may perform
it, in which of the four separated stages (D3.3), and the rules it checks.

This is the one place the case's status is declared to move. :mod:`zhifa.cases.acting`
runs an act from this table: it locks the case, refuses a wrong state or a stale
version with a conflict (409), checks the role, the actor's standing (D3.1b) and the
separation of stages (D3.3), lets the service check the rules named here (it fails
loudly if one is left unchecked), then moves the status and writes the audit record.

``targets`` empty: the act keeps the state. Several targets: the act chooses one (say
which in ``label``). ``sources`` empty: the act creates the case.

The table is in sections, one per module of the services (``services/<section>.py``);
the API operations (``api/<section>.py``) and the forms (``forms/<section>.py``) of the
acts of a section have the same module name.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhifa.accounts.models import Role
from zhifa.cases import rules as R
from zhifa.cases.models import Stage
from zhifa.cases.models import Status as S
from zhifa.core.errors import forbidden
from zhifa.discretion import rules as discretion_rules
from zhifa.law import rules as law_rules
from zhifa.org import rules as org_rules
from zhifa.people import rules as people_rules

OFFICER, HEAD, REVIEWER = Role.OFFICER, Role.HEAD, Role.REVIEWER

#: States in which the investigation may still gather evidence and records.
INVESTIGATION_OPEN = (S.INVESTIGATING, S.REPORTED, S.NOTIFIED)
#: States of a filed case not yet decided (its 90-day limit runs).
PRE_DECISION = (S.INVESTIGATING, S.REPORTED, S.NOTIFIED, S.LEGAL_REVIEW, S.DECISION_PENDING)
#: States before closing in which the case is still being handled.
HANDLING = (S.CLUE, S.FILING_PENDING, *PRE_DECISION, S.DECIDED, S.EXECUTING, S.COMPULSORY, S.EXECUTED)
#: States from which a case is closed.
CLOSABLE = (S.EXECUTED, S.TRANSFERRED_OUT, S.TRANSFERRED_JUDICIARY, S.TERMINATED)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    roles: tuple[str, ...]
    rules: tuple = ()
    stage: str | None = None
    enforces: bool = True  # the actor must be a certified officer (D3.1b)
    field: str = "penalty"  # the field of enforcement the actor's qualification must cover

    @property
    def rule_codes(self) -> tuple[str, ...]:
        return tuple(r.rule.code for r in self.rules)


T = Transition
TABLE: tuple[Transition, ...] = (
    # --- Clue and filing (services/filing.py) ---------------------------------------------
    T("clue_register", "登记违法线索", (), (S.CLUE,), (OFFICER, HEAD), (R.act_dated_truthfully,)),
    T(
        "filing_propose",
        "提请立案",
        (S.CLUE,),
        (S.FILING_PENDING,),
        (OFFICER,),
        (
            R.act_dated_truthfully,
            org_rules.agency_has_standing,
            org_rules.agency_has_power,
            org_rules.place_within_jurisdiction,
            R.within_limitation,
            R.two_investigators_assigned,
            R.lead_officer_named,
            people_rules.officer_certified,
            people_rules.no_declared_conflict,
        ),
    ),
    T(
        "filing_approve",
        "批准立案",
        (S.FILING_PENDING,),
        (S.INVESTIGATING,),
        (HEAD,),
        (
            R.act_dated_truthfully,
            R.backdating_reasoned,
            org_rules.agency_has_standing,
            org_rules.agency_has_power,
            R.within_limitation,
            R.filing_decided_in_time,
            R.two_investigators_assigned,
            people_rules.officer_certified,
            people_rules.no_declared_conflict,
        ),
        stage=Stage.FILING,
    ),
    T(
        "filing_refuse",
        "决定不予立案",
        (S.CLUE, S.FILING_PENDING),
        (S.NOT_FILED,),
        (HEAD,),
        (
            R.act_dated_truthfully,
            R.backdating_reasoned,
            R.filing_decided_in_time,
        ),
        stage=Stage.FILING,
    ),
    T(
        "transfer_out",
        "移送有管辖权的机关",
        (S.CLUE, S.FILING_PENDING, S.INVESTIGATING),
        (S.TRANSFERRED_OUT,),
        (HEAD,),
        (
            R.act_dated_truthfully,
            R.transfer_to_competent_agency,
        ),
    ),
    T(
        "transfer_answer",
        "函告移送的处理结果",
        HANDLING + CLOSABLE + (S.CLOSED, S.NOT_FILED),
        (),
        (OFFICER, HEAD),
        (R.act_dated_truthfully,),
    ),
    # --- Officers and recusal (services/officers.py) --------------------------------------
    T(
        "officer_assign",
        "指派承办人员",
        PRE_DECISION,
        (),
        (HEAD,),
        (
            R.act_dated_truthfully,
            people_rules.officer_certified,
            people_rules.no_declared_conflict,
            R.recused_officer_excluded,
            R.stages_separated,
        ),
    ),
    T("recusal_apply", "登记回避申请", PRE_DECISION, (), (OFFICER, HEAD), (R.act_dated_truthfully,)),
    T(
        "recusal_decide",
        "决定是否回避",
        PRE_DECISION,
        (),
        (HEAD,),
        (
            R.act_dated_truthfully,
            R.recusal_decision_reasoned,
        ),
    ),
    # --- Investigation (services/investigation.py) ----------------------------------------
    T(
        "inspection_record",
        "记录检查或询问",
        INVESTIGATION_OPEN,
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            people_rules.two_certified_officers,
            people_rules.officer_certified,
            people_rules.no_declared_conflict,
            R.assigned_investigator,
            R.recused_officer_excluded,
            R.recorded_inspection_within_cap,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T(
        "evidence_add",
        "登记证据",
        INVESTIGATION_OPEN,
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.assigned_investigator,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T("custody_record", "记录证据保管", HANDLING + CLOSABLE + (S.CLOSED,), (), (OFFICER,), (R.act_dated_truthfully,)),
    T(
        "preservation_register",
        "先行登记保存证据（经机关负责人批准）",
        INVESTIGATION_OPEN,
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.assigned_investigator,
            R.preservation_approved_by_head,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T(
        "preservation_decide",
        "对先行登记保存的证据作出处理决定",
        PRE_DECISION,
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.preservation_decided_in_time,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T(
        "relative_record",
        "登记当事人亲属",
        HANDLING,
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.relative_apart_from_party,
        ),
    ),
    T(
        "report_submit",
        "提交调查终结报告",
        (S.INVESTIGATING,),
        (S.REPORTED,),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.assigned_investigator,
            R.basis_cited,
            law_rules.basis_is_law_or_rule,
            law_rules.basis_in_force,
            R.lenient_new_law_reasoned,
            discretion_rules.only_listed_factors,
            R.departure_explained,
            R.terms_match_outcome,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T(
        "investigation_reopen",
        "退回补充调查",
        (S.REPORTED, S.NOTIFIED, S.DECISION_PENDING),
        (S.INVESTIGATING,),
        (HEAD,),
        (R.act_dated_truthfully,),
    ),
    # --- Prior notice, statements, defences and hearings (services/notice.py) -------------
    T(
        "notice_issue",
        "制作事先告知书",
        (S.REPORTED,),
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.assigned_investigator,
            R.notice_complete,
            R.notice_states_hearing_right,
            law_rules.basis_is_law_or_rule,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T(
        "notice_serve",
        "送达事先告知书",
        (S.REPORTED,),
        (S.NOTIFIED,),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.assigned_investigator,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T(
        "waiver_record",
        "登记书面放弃权利",
        (S.NOTIFIED,),
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.waiver_in_writing,
        ),
    ),
    T(
        "defence_record",
        "记录陈述申辩",
        (S.NOTIFIED, S.LEGAL_REVIEW, S.DECISION_PENDING),
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.defence_points_recorded,
        ),
    ),
    T(
        "defence_review",
        "复核陈述申辩",
        (S.NOTIFIED, S.DECISION_PENDING),
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.assigned_investigator,
            R.review_reasoned,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T(
        "hearing_request",
        "登记听证要求",
        (S.NOTIFIED,),
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.hearing_within_scope,
            R.hearing_requested_in_time,
        ),
    ),
    T(
        "hearing_schedule",
        "指定听证主持人并通知听证",
        (S.NOTIFIED,),
        (),
        (HEAD,),
        (
            R.act_dated_truthfully,
            R.hearing_chair_not_investigator,
            R.hearing_notified_in_time,
            people_rules.officer_certified,
            people_rules.no_declared_conflict,
        ),
    ),
    T(
        "hearing_record",
        "记录听证",
        (S.NOTIFIED,),
        (),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.hearing_chair_not_investigator,
        ),
        field="hearing",
    ),
    T("hearing_withdraw", "登记撤回听证要求", (S.NOTIFIED,), (), (OFFICER, HEAD), (R.act_dated_truthfully,)),
    # --- The decision, its time limit and its service (services/decision.py) --------------
    T(
        "decision_submit",
        "提交决定（需要时送法制审核）",
        (S.REPORTED, S.NOTIFIED),
        (S.LEGAL_REVIEW, S.DECISION_PENDING),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.assigned_investigator,
            R.prior_notice_served,
            R.defence_period_run,
            R.defence_points_reviewed,
            R.hearing_held_before_decision,
        ),
        stage=Stage.INVESTIGATION,
    ),
    T(
        "legal_review",
        "法制审核",
        (S.LEGAL_REVIEW,),
        (S.DECISION_PENDING, S.INVESTIGATING),
        (REVIEWER,),
        (
            R.act_dated_truthfully,
            R.reviewer_not_investigator,
        ),
        enforces=False,
    ),
    T(
        "collective_discussion",
        "记录集体讨论",
        (S.DECISION_PENDING,),
        (),
        (HEAD,),
        (R.act_dated_truthfully,),
        stage=Stage.DECISION,
    ),
    T(
        "extension_approve",
        "批准延长办案期限",
        PRE_DECISION,
        (),
        (HEAD,),
        (
            R.act_dated_truthfully,
            R.extension_allowed,
        ),
    ),
    T(
        "decide",
        "作出决定",
        (S.DECISION_PENDING,),
        (S.DECIDED,),
        (HEAD,),
        (
            R.act_dated_truthfully,
            R.backdating_reasoned,
            org_rules.agency_has_standing,
            R.decision_within_time_limit,
            R.prior_notice_served,
            R.defence_period_run,
            R.defence_points_reviewed,
            R.no_heavier_than_notified,
            R.hearing_held_before_decision,
            R.legal_review_passed,
            R.collective_discussion_held,
            R.basis_cited,
            law_rules.basis_is_law_or_rule,
            law_rules.basis_in_force,
            R.lenient_new_law_reasoned,
            R.publication_excludes_relatives,
            discretion_rules.departure_reasoned,
            R.terms_match_outcome,
        ),
        stage=Stage.DECISION,
    ),
    T(
        "judiciary_transfer",
        "移送司法机关",
        (S.DECISION_PENDING,),
        (S.TRANSFERRED_JUDICIARY,),
        (HEAD,),
        (
            R.act_dated_truthfully,
            R.legal_review_passed,
            R.collective_discussion_held,
        ),
        stage=Stage.DECISION,
    ),
    T("terminate", "终止调查", PRE_DECISION, (S.TERMINATED,), (HEAD,), (R.act_dated_truthfully,)),
    T(
        "decision_serve",
        "送达决定书（无须执行的即执行完毕）",
        (S.DECIDED,),
        (S.EXECUTING, S.EXECUTED),
        (OFFICER,),
        (
            R.act_dated_truthfully,
            R.backdating_reasoned,
            R.decision_served_in_time,
        ),
    ),
    # --- Execution (services/execution.py) ------------------------------------------------
    T(
        "payment_plan",
        "批准暂缓或分期缴纳",
        (S.EXECUTING,),
        (),
        (HEAD,),
        (R.act_dated_truthfully,),
        stage=Stage.DECISION,
    ),
    T(
        "payment_record",
        "记录缴款（缴清即执行完毕）",
        (S.EXECUTING, S.COMPULSORY),
        (S.EXECUTING, S.COMPULSORY, S.EXECUTED),
        (OFFICER,),
        (R.act_dated_truthfully, R.payment_through_bank, R.payment_within_owed),
        stage=Stage.EXECUTION,
    ),
    T(
        "on_spot_handover",
        "当场收缴罚款交至机关",
        (S.EXECUTING,),
        (S.EXECUTING, S.EXECUTED),
        (OFFICER,),
        (
            R.act_dated_truthfully,
            R.backdating_reasoned,
            R.on_spot_handover_in_time,
        ),
    ),
    T(
        "reminder_serve",
        "催告履行",
        (S.EXECUTING,),
        (),
        (OFFICER,),
        (
            R.act_dated_truthfully,
            R.reminder_recorded,
            R.reminder_after_default,
        ),
        stage=Stage.EXECUTION,
    ),
    T(
        "compulsory_execute",
        "决定强制执行",
        (S.EXECUTING,),
        (S.COMPULSORY,),
        (OFFICER,),
        (
            R.act_dated_truthfully,
            R.reminder_before_compulsion,
            R.agency_may_compel,
        ),
        stage=Stage.EXECUTION,
    ),
    T(
        "court_apply",
        "申请人民法院强制执行",
        (S.EXECUTING,),
        (S.COMPULSORY,),
        (OFFICER, HEAD),
        (
            R.act_dated_truthfully,
            R.reminder_before_compulsion,
            R.court_application_window,
            R.court_application_signed_by_head,
        ),
        stage=Stage.EXECUTION,
    ),
    T(
        "enforcement_result",
        "记录强制执行结果",
        (S.COMPULSORY,),
        (S.EXECUTED, S.EXECUTING),
        (OFFICER,),
        (
            R.act_dated_truthfully,
            R.payment_through_bank,
            R.payment_within_owed,
        ),
        stage=Stage.EXECUTION,
    ),
    T(
        "execution_complete",
        "确认履行完毕（非金钱处罚）",
        (S.EXECUTING,),
        (S.EXECUTED,),
        (OFFICER,),
        (R.act_dated_truthfully,),
        stage=Stage.EXECUTION,
    ),
    # --- After execution (services/closing.py) --------------------------------------------
    T(
        "followup_record",
        "记录回访",
        (S.EXECUTING, S.EXECUTED, S.COMPULSORY),
        (),
        (OFFICER, HEAD),
        (R.act_dated_truthfully, R.followup_answers_problems),
    ),
    T("close", "结案", CLOSABLE, (S.CLOSED,), (HEAD,), (R.act_dated_truthfully, R.file_checklist_complete)),
    T("archive", "立卷归档", (S.CLOSED,), (S.ARCHIVED,), (OFFICER, HEAD), (R.act_dated_truthfully,)),
    # --- The simple (on-the-spot) procedure (services/simple.py) --------------------------
    T(
        "simple_penalty",
        "当场作出行政处罚决定（简易程序）",
        (),
        (S.EXECUTING, S.EXECUTED),
        (OFFICER,),
        (
            R.act_dated_truthfully,
            org_rules.agency_has_standing,
            org_rules.agency_has_power,
            org_rules.place_within_jurisdiction,
            R.within_limitation,
            R.certificates_shown_on_the_spot,
            R.simple_procedure_within_cap,
            R.basis_cited,
            law_rules.basis_is_law_or_rule,
            law_rules.basis_in_force,
            R.lenient_new_law_reasoned,
            R.on_spot_collection_allowed,
            R.payment_through_bank,
        ),
    ),
)
del T

TRANSITIONS: dict[str, Transition] = {t.name: t for t in TABLE}


def require_legal_actor(actor, t: Transition) -> None:
    """The administrator administers the platform and performs no act of the procedure: legal
    acts belong to the people the law names (officers, reviewers, heads), whatever the
    administrator's technical rights (403)."""
    if getattr(actor, "role", None) == Role.ADMIN:
        raise forbidden(f"系统管理员负责平台的管理，不办理执法事项；“{t.label}”须由法律规定的人员办理。")


def available(status: str, role: str) -> list[Transition]:
    """The acts a person in ``role`` may attempt on a case in ``status`` (for pages and the API);
    none for the administrator, who performs no legal act (:func:`zhifa.cases.acting.require_legal_actor`)."""
    return [t for t in TABLE if status in t.sources and role in t.roles]
