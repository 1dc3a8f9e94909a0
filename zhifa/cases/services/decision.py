"""Towards and at the decision: submission, legal review (行政处罚法第五十八条),
collective discussion (第五十七条), extending the time limit (第六十条), the decision
(D3.9a, D5.2a, D5.3a, D3.10a, D1.4), transfer to the judiciary, termination, and
service of the decision."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from zhifa.accounts.models import User
from zhifa.cases import acting, checklist, numbering, periods
from zhifa.cases import rules as R
from zhifa.cases.acting import Act
from zhifa.cases.facts import (
    all_investigator_ids,
    current_notice,
    investigator_user_ids,
    last_legal_review,
    latest_report,
    live_investigator_ids,
    pending_legal_review,
    terms_of,
    unreviewed_points,
    waiver_for,
)
from zhifa.cases.inputs import bad_input, clean_terms, require_text
from zhifa.cases.models import (
    Case,
    CollectiveDiscussion,
    Decision,
    DefencePoint,
    Extension,
    Instalment,
    LegalReview,
    Outcome,
    PaymentPlan,
    ServiceMethod,
    Stage,
    Status,
)
from zhifa.cases.services._steps import check_articles, save
from zhifa.cases.services.discretion import Assessment, assess, register_departure
from zhifa.core import parameters as params
from zhifa.core import workdays
from zhifa.core.error_codes import ErrorCode
from zhifa.discretion import rules as discretion_rules
from zhifa.law.models import Article
from zhifa.org import rules as org_rules


def _pre_decision_checks(act: Act, case: Case, outcome: str) -> None:
    """What must be true before a penalty is decided: notice served, periods run or waived in
    writing (D3.9a), every point reviewed (D5.2a), any requested hearing held (D5.3a)."""
    notice = current_notice(case)
    act.check(R.prior_notice_served, outcome, notice)
    act.check(
        R.defence_period_run, outcome, notice, act.on, waiver_for(notice), bool(notice and notice.states_hearing_right)
    )
    act.check(R.defence_points_reviewed, unreviewed_points(case))
    act.check(R.hearing_held_before_decision, list(case.hearings.all()))


def decision_submit(*, actor: User, case: Case, on: date | None = None, expected_version: int | None = None) -> Case:
    """承办人员提交决定：须法制审核的（涉及重大公共利益、经过听证、疑难复杂、法律规定）送法制审核，
    其余送机关负责人决定。"""
    with acting.run("decision_submit", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        report = latest_report(case)
        if report is None:
            raise bad_input(ErrorCode.NOTHING_PENDING, "请先提交调查终结报告。", field="report")
        act.check(R.assigned_investigator, act.officer, live_investigator_ids(case, act.on))
        _pre_decision_checks(act, case, report.outcome)
        act.enforce()
        grounds = checklist.legal_review_grounds(case)
        if grounds:
            LegalReview.objects.create(case=case, submitted_on=act.on, grounds=grounds)
            return act.done(target=Status.LEGAL_REVIEW, changes={"legal_review_grounds": grounds})
        return act.done(target=Status.DECISION_PENDING)


def legal_review(
    *, actor: User, case: Case, passed: bool, opinion: str, on: date | None = None, expected_version: int | None = None
) -> LegalReview:
    """法制审核：审核人员不得是本案调查人员（D3.3）；通过的送机关负责人决定，未通过的退回补充调查。"""
    with acting.run("legal_review", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        review = pending_legal_review(case)
        investigated = (
            case.participations.filter(user=actor, stage=Stage.INVESTIGATION).exists()
            or (act.officer is not None and act.officer.pk in all_investigator_ids(case))
            or actor.pk in investigator_user_ids(case)
        )
        act.check(R.reviewer_not_investigator, actor, investigated)
        act.enforce()
        review.reviewer, review.reviewed_on = actor, act.on
        review.result = LegalReview.Result.PASSED if passed else LegalReview.Result.RETURNED
        review.opinion = require_text(opinion, "opinion", "请写明审核意见。")
        review.save(update_fields=["reviewer", "reviewed_on", "result", "opinion"])
        act.done(
            target=Status.DECISION_PENDING if passed else Status.INVESTIGATING,
            changes={"legal_review": review.pk, "result": review.result, "opinion": opinion},
        )
        return review


def collective_discussion(
    *, actor: User, case: Case, participants: str, minutes: str, conclusion: str, on: date | None = None
) -> CollectiveDiscussion:
    """记录机关负责人集体讨论（行政处罚法第五十七条第二款）。"""
    with acting.run("collective_discussion", actor=actor, case=case, on=on) as act:
        discussion = save(
            CollectiveDiscussion(
                case=act.case,
                held_on=act.on,
                participants=require_text(participants, "participants", "请写明参加讨论的负责人。"),
                minutes=require_text(minutes, "minutes", "请记录讨论情况。"),
                conclusion=require_text(conclusion, "conclusion", "请写明讨论结论。"),
            )
        )
        act.done(changes={"discussion": discussion.pk, "participants": participants, "conclusion": conclusion})
        return discussion


def _answers(case: Case) -> str:
    """The decision's answer to each point the party raised (D3.10c, D5.2a)."""
    lines = []
    for p in (
        DefencePoint.objects.filter(defence__case=case)
        .select_related("defence")
        .order_by("defence__received_on", "number")
    ):
        verdict = "予以采纳" if p.adopted else "不予采纳"
        lines.append(f"当事人{p.defence.get_form_display()}提出：{p.text}。经复核，{verdict}，理由：{p.review_reason}")
    return "\n".join(lines)


def _discretion_text(assessment: Assessment, departure_reasons: str) -> str:
    """How discretion was used, for the decision document (D3.10c)."""
    if assessment.proposal is None:
        return ""
    text = assessment.proposal.explanation
    if assessment.departs:
        text += f"\n本决定未采用上述建议档次，理由：{departure_reasons.strip()}（已经法制审核）。"
    return text


def remedies_text(on: date) -> str:
    days = params.value("reconsideration_application_period", on=on)
    months = params.value("litigation_period", on=on)
    return (
        f"如不服本决定，可以在收到本决定书之日起{days}日内依法申请行政复议，"
        f"或者在{months}个月内依法向人民法院提起行政诉讼。"
    )


def decide(
    *,
    actor: User,
    case: Case,
    outcome: str | None = None,
    facts: str | None = None,
    reasons: str | None = None,
    terms: dict | None = None,
    basis_articles: Iterable[Article] | None = None,
    public_summary: str = "",
    lenient_new_law: bool | None = None,
    lenient_reason: str | None = None,
    departure_reasons: str | None = None,
    on: date | None = None,
    backdated_reason: str = "",
    expected_version: int | None = None,
) -> Decision:
    """机关负责人作出决定：给予行政处罚、不予行政处罚（轻微；事实不能成立）。未写明的内容取自调查终结报告。

    拒绝：未送达事先告知书或期限未满（D3.9a），陈述申辩未逐项复核或重于告知（D5.2a），
    听证未结束（D5.3a），须法制审核或集体讨论而未经（D3.3），依据不是法律法规规章或不在
    行为时有效（D3.10a），超过办案期限（D1.4），公开摘要含亲属信息（D5.6）。"""
    with acting.run(
        "decide", actor=actor, case=case, on=on, expected_version=expected_version, backdated_reason=backdated_reason
    ) as act:
        case = act.case
        report = latest_report(case)
        outcome = outcome or report.outcome
        if outcome == Outcome.TRANSFER_JUDICIARY:
            raise bad_input(ErrorCode.INVALID, "涉嫌犯罪的，请办理“移送司法机关”。", field="outcome")
        if outcome not in Outcome.values:
            raise bad_input(ErrorCode.INVALID, "请选择决定的种类。", field="outcome")
        terms = (
            clean_terms(terms)
            if terms is not None
            else (terms_of(report) if outcome == report.outcome else clean_terms({}))
        )
        articles = list(report.basis_articles.all()) if basis_articles is None else list(basis_articles)
        lenient = report.lenient_new_law if lenient_new_law is None else lenient_new_law
        lenient_reason = report.lenient_reason if lenient_reason is None else lenient_reason
        decision = Decision(
            case=case,
            outcome=outcome,
            decided_on=act.on,
            facts=facts or report.facts,
            reasons=reasons or report.reasons,
            public_summary=public_summary,
            lenient_new_law=lenient,
            lenient_reason=lenient_reason,
            remedies=remedies_text(act.on),
            **terms,
        )
        notice = current_notice(case)
        act.check(org_rules.agency_has_standing, case.agency)
        act.check(R.decision_within_time_limit, case.decision_due_on, act.on)
        act.deadline_decided("作出处理决定", case.decision_due_on)
        _pre_decision_checks(act, case, outcome)
        act.check(R.no_heavier_than_notified, outcome, notice, decision)
        review = last_legal_review(case)
        act.check(R.legal_review_passed, checklist.legal_review_grounds(case), review)
        act.check(
            R.collective_discussion_held,
            case.major_violation and outcome == Outcome.PENALTY,
            case.discussions.order_by("-held_on").first(),
        )
        act.check(R.basis_cited, outcome, articles)
        check_articles(act, articles, act_date=case.act_date, on=act.on, lenient=lenient, lenient_reason=lenient_reason)
        person_ids = [case.party.id_number] if case.party.is_person else []
        act.check(R.publication_excludes_relatives, public_summary, list(case.relatives.all()), person_ids)
        # D3.6: a decision outside the benchmark's proposed tier needs written reasons and a
        # legal reviewer (not the officer) who passed it; it is then counted as a departure.
        assessment = assess(case, report.circumstances, act.on, outcome, terms)
        departure_reasons = report.departure_reasons if departure_reasons is None else departure_reasons
        lead = case.officers.filter(lead=True).select_related("officer__user").first()
        officer = lead.officer if lead else None
        act.check(
            discretion_rules.departure_reasoned,
            assessment.departs,
            departure_reasons,
            review.reviewer if review and review.result == LegalReview.Result.PASSED else None,
            getattr(officer, "user", None),
        )
        act.check(R.terms_match_outcome, outcome, terms)
        act.enforce()
        decision.number = numbering.next_number(
            case.acting_agency, "penalty" if outcome == Outcome.PENALTY else "no_penalty", act.on.year
        )
        decision.defence_answers = _answers(case)
        decision.discretion_explanation = _discretion_text(assessment, departure_reasons)
        save(decision)
        decision.basis_articles.set(articles)
        if assessment.departs:
            register_departure(
                actor=actor,
                case=case,
                assessment=assessment,
                circumstances=report.circumstances,
                reasons=departure_reasons,
                reviewer=review.reviewer,
                officer=officer,
            )
        act.done(
            changes={
                "decision": decision.pk,
                "number": decision.number,
                "outcome": outcome,
                "terms": {k: v for k, v in terms.items() if v},
                "basis_articles": [a.pk for a in articles],
            }
        )
        return decision


def judiciary_transfer(
    *, actor: User, case: Case, reason: str, on: date | None = None, expected_version: int | None = None
) -> Case:
    """违法行为涉嫌犯罪的，移送司法机关（行政处罚法第二十七条、第五十七条）。"""
    with acting.run("judiciary_transfer", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        review = last_legal_review(case)
        act.check(R.legal_review_passed, checklist.legal_review_grounds(case), review)
        act.check(R.collective_discussion_held, case.major_violation, case.discussions.order_by("-held_on").first())
        act.enforce()
        number = numbering.next_number(case.acting_agency, "judiciary", act.on.year)
        case.ended_on = act.on
        case.end_reason = f"{number}：{require_text(reason, 'reason', '请写明涉嫌犯罪的事实和移送的司法机关。')}"
        return act.done(changes={"number": number, "reason": reason})


def decision_serve(
    *,
    actor: User,
    case: Case,
    method: str,
    served_to: str,
    late_reason: str = "",
    on: date | None = None,
    backdated_reason: str = "",
    expected_version: int | None = None,
) -> Decision:
    """送达决定书（七日内，行政处罚法第六十一条）。罚款、没收自送达之日起十五日内缴纳；
    没有需要执行的内容（警告、不予处罚）的，即执行完毕。"""
    with acting.run(
        "decision_serve",
        actor=actor,
        case=case,
        on=on,
        expected_version=expected_version,
        backdated_reason=backdated_reason,
    ) as act:
        case = act.case
        decision = case.decision
        if method not in ServiceMethod.values:
            raise bad_input(ErrorCode.INVALID, "请选择送达方式。", field="method")
        act.check(R.decision_served_in_time, decision.decided_on, act.on, late_reason)
        try:
            service_due = periods.service_due(decision.decided_on)
        except periods.DeadlineUnknown:
            service_due = None
        act.deadline_decided("送达决定书", service_due)
        act.enforce()
        decision.served_on, decision.service_method, decision.service_late_reason = act.on, method, late_reason
        decision.served_to = require_text(served_to, "served_to", "请写明受送达人。")
        decision.save(update_fields=["served_on", "service_method", "served_to", "service_late_reason"])
        target = Status.EXECUTED
        if decision.money_total:
            plan = PaymentPlan.objects.create(case=case, kind=PaymentPlan.Kind.STANDARD, approved_on=act.on)
            Instalment.objects.create(
                plan=plan, number=1, amount=decision.money_total, due_on=periods.payment_due(act.on)
            )
            target = Status.EXECUTING
        if any(getattr(decision, f) for f in decision.NON_MONETARY_TO_EXECUTE):
            target = Status.EXECUTING
        act.done(target=target, changes={"served_on": act.on, "method": method})
        return decision


def extension_approve(*, actor: User, case: Case, days: int, reason: str, on: date | None = None) -> Extension:
    """批准延长办案期限（行政处罚法第六十条）：期限届满前批准，每次不超过规定天数。"""
    with acting.run("extension_approve", actor=actor, case=case, on=on) as act:
        case = act.case
        if case.decision_due_on is None:
            raise bad_input(ErrorCode.NOTHING_PENDING, "案件尚未立案，没有办案期限。", field="days")
        act.check(R.extension_allowed, case.decision_due_on, act.on, int(days), reason)
        act.enforce()
        previous = case.decision_due_on
        new_due = workdays.add_days(previous, int(days))
        extension = save(
            Extension(
                case=case, approved_on=act.on, days=days, reason=reason, previous_due_on=previous, new_due_on=new_due
            )
        )
        case.decision_due_on = new_due
        act.done(changes={"days": days, "reason": reason})
        return extension


def terminate(
    *, actor: User, case: Case, reason: str, on: date | None = None, expected_version: int | None = None
) -> Case:
    """终止调查（如当事人死亡、组织终止且无权利义务承受人），写明理由。"""
    with acting.run("terminate", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        case.end_reason = require_text(reason, "reason", "请写明终止调查的理由。")
        case.ended_on = act.on
        return act.done(changes={"reason": reason})
