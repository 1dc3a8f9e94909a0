"""Acts of supervision: 督办 (issue, answer, escalate) and the regulated party's rating.

Each act is keyword-only with the actor first, runs in one transaction, checks its
rules and writes the audit log (``save_record``).
"""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal

from django.db import transaction

from zhifa.accounts.access import government_ids, require_agency, require_login, require_role
from zhifa.accounts.models import Actor, Role
from zhifa.cases.models import Case, Inspection
from zhifa.core import audit, clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, forbidden, invalid, not_found
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.oversight import evaluation, implementation, rules
from zhifa.oversight import review as file_review
from zhifa.oversight.alerts import BY_CODE
from zhifa.oversight.models import (
    DIMENSION_MAX,
    AccountabilityMatter,
    CaseReview,
    CleanupReport,
    CourtAppearance,
    Dimension,
    Evaluation,
    ImplementationMeasure,
    ImplementationReport,
    InspectionFinding,
    Lawsuit,
    PartyRating,
    Reconsideration,
    Remedy,
    ReviewRound,
    SpecialInspection,
    SupervisionNotice,
)
from zhifa.people import services as people_services
from zhifa.people.standing import current_certificate


def _refuse_input(code: ErrorCode, message: str, field: str) -> DomainError:
    return DomainError.of(code, message, field=field, status=400)


# --- 督办 ---------------------------------------------------------------------------------


def _next_number(year: int) -> str:
    n = SupervisionNotice.objects.filter(issued_on__year=year).count() + 1
    return f"督办〔{year}〕{n}号"


def supervision_issue(
    *,
    actor: Actor,
    agency,
    subject: str,
    requirement: str,
    due_on: date,
    case: Case | None = None,
    alert_code: str = "",
    on: date | None = None,
) -> SupervisionNotice:
    """政府法制机构督办：就发现的问题向执法机关发出督办通知，写明整改要求和答复期限（D6.1）。"""
    with transaction.atomic():
        require_role(actor, Role.LEGAL_OFFICE, action="督办")
        require_agency(actor, agency.pk, "执法机关")
        on = on or clock.today()
        if case is not None and case.agency_id != agency.pk:
            raise _refuse_input(ErrorCode.NOT_IN_CASE, "所涉案件不是被督办机关的案件。", "case_id")
        if alert_code and alert_code not in BY_CODE:
            raise invalid("没有这一预警类别。", field="alert_code")
        if not (subject or "").strip():
            raise _refuse_input(ErrorCode.REQUIRED, "请写明督办事项。", "subject")
        enforce(rules.supervision_specific(requirement, on, due_on))
        notice = SupervisionNotice(
            number=_next_number(on.year),
            agency=agency,
            case=case,
            alert_code=alert_code,
            issued_by=actor,
            issued_on=on,
            subject=subject.strip(),
            requirement=requirement.strip(),
            due_on=due_on,
        )
        return save_record(actor=actor, instance=notice, act="supervision.issue", clauses=["D6.1"])


def _locked(notice: SupervisionNotice) -> SupervisionNotice:
    return SupervisionNotice.objects.select_for_update().get(pk=notice.pk)


def supervision_answer(
    *, actor: Actor, notice: SupervisionNotice, answer: str, on: date | None = None
) -> SupervisionNotice:
    """被督办机关负责人书面答复整改情况（D6.1）。逾期答复照样登记，逾期已升级的仍可答复。"""
    with transaction.atomic():
        notice = _locked(notice)
        require_agency(actor, notice.agency_id, "督办")
        require_role(actor, Role.HEAD, action="答复督办")
        on = on or clock.today()
        if on < notice.issued_on or on > clock.today():
            raise _refuse_input(ErrorCode.DATE_ORDER, "答复日期须在督办日期和今天之间。", "on")
        enforce(rules.supervision_answered(answer, notice.answered_on is not None))
        changes = assign(
            notice,
            {
                "answer": answer.strip(),
                "answered_on": on,
                "answered_by": actor,
                "state": SupervisionNotice.State.ANSWERED,
            },
        )
        return save_record(actor=actor, instance=notice, act="supervision.answer", changes=changes, clauses=["D6.1"])


def supervision_escalate(
    *, actor: Actor, notice: SupervisionNotice, note: str = "", on: date | None = None
) -> SupervisionNotice:
    """逾期未答复的督办升级：报本级政府并抄送监察机关，列入考核（D6.1、D1.4）。"""
    with transaction.atomic():
        notice = _locked(notice)
        require_agency(actor, notice.agency_id, "督办")
        require_role(actor, Role.LEGAL_OFFICE, action="升级督办")
        on = on or clock.today()
        enforce(
            rules.escalation_after_due(
                notice.answered_on is not None, notice.escalated_on is not None, notice.due_on, on
            )
        )
        changes = assign(
            notice,
            {
                "escalated_on": on,
                "escalation_note": (note or "").strip() or "逾期未答复，升级督办，报本级人民政府并抄送监察机关。",
                "state": SupervisionNotice.State.ESCALATED,
            },
        )
        return save_record(
            actor=actor, instance=notice, act="supervision.escalate", changes=changes, clauses=["D6.1", "D1.4"]
        )


# --- ratings ----------------------------------------------------------------------------


def rating_submit(
    *,
    actor: Actor,
    party,
    case: Case,
    kind: str,
    score: int,
    comment: str = "",
    inspection: Inspection | None = None,
    on: date | None = None,
) -> PartyRating:
    """当事人对执法检查或处理决定的评价（1–5 分和意见），考核评议时听取（D6.4b）。

    The caller (the portal) establishes that ``party`` is who it says; this act checks
    that the party is the case's and that what it rates has happened.
    """
    with transaction.atomic():
        on = on or clock.today()
        if kind not in PartyRating.Kind.values:
            raise invalid("请选择评价对象：执法检查或处理决定。", field="kind")
        if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
            raise invalid("评分应为1至5的整数。", field="score")
        if on > clock.today():
            raise _refuse_input(ErrorCode.DATE_ORDER, "评价日期不得晚于今天。", "on")
        if kind == PartyRating.Kind.INSPECTION:
            if inspection is None or inspection.case_id != case.pk:
                raise _refuse_input(ErrorCode.NOT_IN_CASE, "请指明本案的一次执法检查。", "inspection_id")
            act_on = inspection.on
        else:
            inspection = None
            decision = getattr(case, "decision", None)
            act_on = (decision.served_on or (decision.decided_on if decision.on_spot else None)) if decision else None
        enforce(rules.rating_by_the_party(case.party_id, party.pk), rules.rating_after_the_act(kind, act_on, on))
        rating = PartyRating(
            party=party,
            case=case,
            agency_id=case.agency_id,
            inspection=inspection,
            kind=kind,
            score=score,
            comment=(comment or "").strip(),
            submitted_on=on,
        )
        return save_record(actor=actor, instance=rating, act="rating.submit", clauses=["D6.4b"], agency=case.agency_id)


# --- case-file review (D6.2b–c) ----------------------------------------------------------


def review_round_open(
    *,
    actor: Actor,
    kind: str,
    agency,
    year: int,
    sample_size: int | None = None,
    seed: str | None = None,
    on: date | None = None,
) -> ReviewRound:
    """开始一轮案卷评查（D6.2c）：机关自查本机关该年度的全部案卷（或指定件数）；政府法制机构
    以公开的随机种子抽查。每件抽中的案卷由平台按记录预填问题，评查人确认并补充。"""
    with transaction.atomic():
        if kind == ReviewRound.Kind.SELF:
            require_role(actor, Role.HEAD, action="组织本机关案卷评查")
        elif kind == ReviewRound.Kind.SPOT:
            require_role(actor, Role.LEGAL_OFFICE, action="抽查案卷")
        else:
            raise invalid("请选择评查方式。", field="kind")
        require_agency(actor, agency.pk, "执法机关")
        on = on or clock.today()
        seed = (seed or "").strip() or secrets.token_hex(8)
        if len(seed) > 64:
            raise invalid("随机种子不超过64个字符。", field="seed")
        ids = list(file_review.files_of(agency.pk, year).values_list("pk", flat=True))
        size = len(ids) if sample_size is None else sample_size
        enforce(rules.review_of_a_year_begun(year, on), rules.sample_not_empty(len(ids), size))
        chosen = file_review.sample(ids, seed, size)
        rnd = ReviewRound(
            kind=kind,
            agency=agency,
            year=year,
            seed=seed,
            population=len(ids),
            sample_size=len(chosen),
            opened_on=on,
            opened_by=actor,
        )
        rnd.full_clean()
        rnd.save()
        cases = Case.objects.select_related("decision").prefetch_related(
            "officers", "notices", "defences__points", "reports", "decision__basis_articles__basis"
        )
        by_pk = {c.pk: c for c in cases.filter(pk__in=chosen)}
        for position, pk in enumerate(chosen, start=1):
            case = by_pk[pk]
            CaseReview.objects.create(
                round=rnd,
                case=case,
                agency_id=case.agency_id,
                position=position,
                prefilled=[f.as_dict() for f in file_review.findings(case, on)],
            )
        return save_record(
            actor=actor,
            instance=rnd,
            act="review.open",
            changes={"kind": kind, "year": year, "seed": seed, "population": len(ids), "sample": chosen},
            clauses=["D6.2c"],
            agency=agency.pk,
        )


def _require_reviewer(actor: Actor, rnd: ReviewRound) -> None:
    require_agency(actor, rnd.agency_id, "案卷评查")
    if rnd.kind == ReviewRound.Kind.SPOT:
        require_role(actor, Role.LEGAL_OFFICE, action="评查抽查的案卷")
    else:
        require_role(actor, Role.HEAD, Role.REVIEWER, action="评查本机关案卷")


def case_review_complete(
    *,
    actor: Actor,
    review: CaseReview,
    scores: dict,
    confirmed: list[str],
    added: str = "",
    on: date | None = None,
) -> CaseReview:
    """评查一件案卷（D6.2b）：确认平台预填的问题，补充阅卷发现的问题，五项逐项评分。"""
    with transaction.atomic():
        review = CaseReview.objects.select_for_update(of=("self",)).select_related("round").get(pk=review.pk)
        _require_reviewer(actor, review.round)
        if review.completed_on:
            raise DomainError.of("conflict", "该案卷已评查完毕。")
        known = {f["code"] for f in review.prefilled}
        unknown = [c for c in confirmed if c not in known]
        if unknown:
            raise invalid("确认的问题须是平台预填的问题之一；其他问题请写在补充问题中。", field="confirmed")
        kept = [f for f in review.prefilled if f["code"] in set(confirmed)]
        clean = {d: scores.get(d) for d in Dimension.values}
        enforce(rules.review_scored(clean, DIMENSION_MAX, kept))
        changes = assign(
            review,
            {
                **clean,
                "confirmed": kept,
                "added": (added or "").strip(),
                "reviewer": actor,
                "completed_on": on or clock.today(),
            },
        )
        return save_record(
            actor=actor,
            instance=review,
            act="review.complete",
            changes=changes,
            clauses=["D6.2b"],
            agency=review.agency_id,
        )


# --- accountability (D6.3a–b) ------------------------------------------------------------


def _matter_number(year: int) -> str:
    n = AccountabilityMatter.objects.filter(opened_on__year=year).count() + 1
    return f"追责〔{year}〕{n}号"


def matter_open(
    *,
    actor: Actor,
    origin: str,
    case: Case,
    fault: str,
    officers,
    review: CaseReview | None = None,
    origin_reference: str = "",
    on: date | None = None,
) -> AccountabilityMatter:
    """对评查、复议、诉讼或投诉中发现的执法过错立项追究（D6.3a）。"""
    with transaction.atomic():
        require_role(actor, Role.LEGAL_OFFICE, Role.SUPERVISOR, action="立项追究执法过错责任")
        require_agency(actor, case.agency_id, "案件")
        if origin not in AccountabilityMatter.Origin.values:
            raise invalid("请选择问题来源。", field="origin")
        if review is not None and review.case_id != case.pk:
            raise _refuse_input(ErrorCode.NOT_IN_CASE, "评查记录不是该案件的。", "review_id")
        officers = list(officers or [])
        if any(o.agency_id != case.agency_id for o in officers):
            raise _refuse_input(ErrorCode.NOT_IN_CASE, "责任人员须是办案机关的执法人员。", "officers")
        enforce(rules.fault_and_officers_named(fault, officers))
        on = on or clock.today()
        matter = AccountabilityMatter(
            number=_matter_number(on.year),
            origin=origin,
            origin_reference=(origin_reference or "").strip() or (str(review.round) if review else ""),
            review=review,
            case=case,
            agency_id=case.agency_id,
            fault=fault.strip(),
            opened_on=on,
            opened_by=actor,
        )
        return save_record(
            actor=actor, instance=matter, act="accountability.open", clauses=["D6.3a"], m2m={"officers": officers}
        )


def matter_decide(
    *,
    actor: Actor,
    matter: AccountabilityMatter,
    cause: str,
    sanction: str,
    certificate_revoked: bool = False,
    removed_from_post: bool = False,
    serious_consequences: bool = False,
    head_accountable: bool = False,
    compensation: Decimal | None = None,
    on: date | None = None,
) -> AccountabilityMatter:
    """作出处理：原因、责任、处理结果；吊销证件由政府法制机构通过执法人员登记吊销；造成严重后果的对行政首长问责；
    造成损失的依法赔偿（D6.3a）。调离执法岗位由所在机关在执法人员登记中办理。"""
    with transaction.atomic():
        matter = AccountabilityMatter.objects.select_for_update().get(pk=matter.pk)
        require_agency(actor, matter.agency_id, "追责事项")
        require_role(actor, Role.LEGAL_OFFICE, Role.SUPERVISOR, action="作出追责处理")
        if matter.state != AccountabilityMatter.State.OPEN:
            raise DomainError.of("conflict", "该事项已作出处理。")
        on = on or clock.today()
        enforce(
            rules.cause_and_responsibility_established(cause, sanction),
            rules.head_accountable_for_serious_consequences(serious_consequences, head_accountable),
            rules.revocation_by_the_office(certificate_revoked, actor.role in (Role.LEGAL_OFFICE, Role.ADMIN)),
        )
        if compensation is not None and compensation < 0:
            raise invalid("赔偿金额不能为负数。", field="compensation")
        if certificate_revoked:
            for officer in matter.officers.all():
                cert = current_certificate(officer, on)
                if cert is not None and not cert.revoked_on:
                    people_services.certificate_revoke(
                        actor=actor,
                        certificate=cert,
                        reason=f"执法过错责任追究{matter.number}：{sanction.strip()}"[:200],
                        on=on,
                    )
        changes = assign(
            matter,
            {
                "cause": cause.strip(),
                "sanction": sanction.strip(),
                "certificate_revoked": certificate_revoked,
                "removed_from_post": removed_from_post,
                "serious_consequences": serious_consequences,
                "head_accountable": head_accountable,
                "compensation": compensation,
                "decided_on": on,
                "state": AccountabilityMatter.State.DECIDED,
            },
        )
        return save_record(
            actor=actor, instance=matter, act="accountability.decide", changes=changes, clauses=["D6.3a"]
        )


def matter_publish(
    *, actor: Actor, matter: AccountabilityMatter, public_summary: str, on: date | None = None
) -> AccountabilityMatter:
    """执法过错责任追究结果向社会公开（D6.3b）。"""
    with transaction.atomic():
        matter = AccountabilityMatter.objects.select_for_update().get(pk=matter.pk)
        require_agency(actor, matter.agency_id, "追责事项")
        require_role(actor, Role.LEGAL_OFFICE, Role.SUPERVISOR, action="公开追责结果")
        if matter.published_on:
            raise DomainError.of("conflict", "该结果已经公开。")
        enforce(rules.published_after_decision(matter.decided_on is not None, public_summary))
        changes = assign(
            matter,
            {
                "public_summary": public_summary.strip(),
                "published_on": on or clock.today(),
                "state": AccountabilityMatter.State.PUBLISHED,
            },
        )
        return save_record(
            actor=actor, instance=matter, act="accountability.publish", changes=changes, clauses=["D6.3b"]
        )


# --- reconsideration and litigation (D6.5a, D6.6) ----------------------------------------


def _no_future(on: date, field: str = "on") -> None:
    if on > clock.today():
        raise _refuse_input(ErrorCode.DATE_ORDER, "日期不得晚于今天。", field)


def reconsideration_record(
    *,
    actor: Actor,
    case: Case,
    number: str,
    body: str,
    applicant: str,
    known_on: date,
    applied_on: date,
) -> Reconsideration:
    """登记当事人对案件的行政复议申请（D6.5a）。"""
    with transaction.atomic():
        require_role(actor, Role.LEGAL_OFFICE, Role.HEAD, action="登记行政复议")
        require_agency(actor, case.agency_id, "案件")
        _no_future(applied_on, "applied_on")
        if applied_on < known_on:
            raise _refuse_input(ErrorCode.DATE_ORDER, "申请日期不得早于知道该行政行为之日。", "applied_on")
        item = Reconsideration(
            number=(number or "").strip(),
            case=case,
            agency_id=case.agency_id,
            body=(body or "").strip(),
            applicant=(applicant or "").strip(),
            known_on=known_on,
            applied_on=applied_on,
            recorded_by=actor,
        )
        return save_record(actor=actor, instance=item, act="reconsideration.record", clauses=["D6.5a"])


def reconsideration_accept(
    *,
    actor: Actor,
    item: Reconsideration,
    accepted: bool,
    on: date,
    late_reason: str = "",
    refusal_reason: str = "",
) -> Reconsideration:
    """受理或不予受理（行政复议法第三十条）：逾期申请须有正当理由才受理；不予受理的说明理由。"""
    with transaction.atomic():
        item = Reconsideration.objects.select_for_update().get(pk=item.pk)
        require_role(actor, Role.LEGAL_OFFICE, action="决定是否受理行政复议")
        require_agency(actor, item.agency_id, "行政复议")
        if item.accepted is not None:
            raise DomainError.of("conflict", "已经决定是否受理。")
        _no_future(on)
        if on < item.applied_on:
            raise _refuse_input(ErrorCode.DATE_ORDER, "受理日期不得早于申请日期。", "on")
        enforce(
            rules.application_within_period(item.known_on, item.applied_on, late_reason, accepted),
            rules.refusal_reasoned(accepted, refusal_reason),
        )
        changes = assign(
            item,
            {
                "accepted": accepted,
                "accepted_on": on,
                "late_reason": (late_reason or "").strip(),
                "refusal_reason": "" if accepted else refusal_reason.strip(),
            },
        )
        return save_record(actor=actor, instance=item, act="reconsideration.accept", changes=changes, clauses=["D6.5a"])


def reconsideration_decide(
    *,
    actor: Actor,
    item: Reconsideration,
    outcome: str,
    reasons: str,
    decided_on: date,
    extended: bool = False,
    extension_reason: str = "",
    public_hearing: bool = False,
) -> Reconsideration:
    """作出行政复议决定（行政复议法第六十二条至第六十九条）：自受理之日起六十日内，经批准延长不超过三十日。"""
    with transaction.atomic():
        item = Reconsideration.objects.select_for_update().get(pk=item.pk)
        require_role(actor, Role.LEGAL_OFFICE, action="作出行政复议决定")
        require_agency(actor, item.agency_id, "行政复议")
        if not item.accepted or item.decided_on:
            raise DomainError.of("conflict", "该申请未受理或已经作出决定。")
        if outcome not in Remedy.values:
            raise invalid("请选择复议决定。", field="outcome")
        if not (reasons or "").strip():
            raise _refuse_input(ErrorCode.REQUIRED, "请写明决定理由。", "reasons")
        _no_future(decided_on, "decided_on")
        enforce(rules.decided_within_period(item.accepted_on, decided_on, extended, extension_reason))
        changes = assign(
            item,
            {
                "outcome": outcome,
                "reasons": reasons.strip(),
                "decided_on": decided_on,
                "extended": extended,
                "extension_reason": (extension_reason or "").strip(),
                "public_hearing": public_hearing,
            },
        )
        return save_record(actor=actor, instance=item, act="reconsideration.decide", changes=changes, clauses=["D6.5a"])


def lawsuit_record(*, actor: Actor, case: Case, number: str, plaintiff: str, court: str, filed_on: date) -> Lawsuit:
    """登记机关被诉的行政诉讼（D6.6）。"""
    with transaction.atomic():
        require_role(actor, Role.LEGAL_OFFICE, Role.HEAD, action="登记行政诉讼")
        require_agency(actor, case.agency_id, "案件")
        _no_future(filed_on, "filed_on")
        suit = Lawsuit(
            number=(number or "").strip(),
            case=case,
            agency_id=case.agency_id,
            plaintiff=(plaintiff or "").strip(),
            court=(court or "").strip(),
            filed_on=filed_on,
            recorded_by=actor,
        )
        return save_record(actor=actor, instance=suit, act="lawsuit.record", clauses=["D6.6"])


def lawsuit_judge(*, actor: Actor, suit: Lawsuit, outcome: str, judgment: str, judged_on: date) -> Lawsuit:
    """登记人民法院的裁判结果。"""
    with transaction.atomic():
        suit = Lawsuit.objects.select_for_update().get(pk=suit.pk)
        require_role(actor, Role.LEGAL_OFFICE, Role.HEAD, action="登记裁判结果")
        require_agency(actor, suit.agency_id, "行政诉讼")
        if suit.judged_on:
            raise DomainError.of("conflict", "已经登记裁判结果。")
        if outcome not in Remedy.values:
            raise invalid("请选择裁判结果。", field="outcome")
        _no_future(judged_on, "judged_on")
        if judged_on < suit.filed_on:
            raise _refuse_input(ErrorCode.DATE_ORDER, "裁判日期不得早于立案日期。", "judged_on")
        changes = assign(suit, {"outcome": outcome, "judgment": (judgment or "").strip(), "judged_on": judged_on})
        return save_record(actor=actor, instance=suit, act="lawsuit.judge", changes=changes, clauses=["D6.6"])


def remedy_correct(*, actor: Actor, item: Reconsideration | Lawsuit, correction: str, on: date | None = None):
    """纠正被撤销、变更或确认违法的行政执法行为，并记入原案件（D6.5a）。"""
    with transaction.atomic():
        model = type(item)
        item = model.objects.select_for_update(of=("self",)).select_related("case").get(pk=item.pk)
        require_agency(actor, item.agency_id, "记录")
        require_role(actor, Role.HEAD, Role.LEGAL_OFFICE, action="登记纠正情况")
        if item.corrected_on:
            raise DomainError.of("conflict", "已经登记纠正情况。")
        on = on or clock.today()
        _no_future(on)
        enforce(rules.unlawful_act_corrected(item.outcome, correction))
        changes = assign(item, {"correction": correction.strip(), "corrected_on": on})
        item = save_record(
            actor=actor, instance=item, act=f"{model._meta.model_name}.correct", changes=changes, clauses=["D6.5a"]
        )
        # The case's own history shows that its act was found unlawful and how it was corrected.
        audit.record(
            actor=actor,
            act="case.corrected",
            obj=item.case,
            changes={"by": str(item), "outcome": item.outcome, "correction": item.correction},
            clauses=["D6.5a"],
        )
        return item


def appearance_record(
    *, actor: Actor, head, on: date, lawsuit: Lawsuit | None = None, reconsideration: Reconsideration | None = None
) -> CourtAppearance:
    """登记机关负责人出庭应诉或参加行政复议公开审理（D6.6）。"""
    with transaction.atomic():
        proceeding = lawsuit or reconsideration
        if proceeding is None:
            raise _refuse_input(ErrorCode.REQUIRED, "请指明行政诉讼或行政复议。", "lawsuit_id")
        require_role(actor, Role.LEGAL_OFFICE, Role.HEAD, action="登记出庭应诉")
        require_agency(actor, proceeding.agency_id, "记录")
        _no_future(on)
        enforce(rules.appearance_by_the_head(head.role, head.agency_id, proceeding.agency_id))
        appearance = CourtAppearance(
            agency_id=proceeding.agency_id, head=head, on=on, lawsuit=lawsuit, reconsideration=reconsideration
        )
        return save_record(actor=actor, instance=appearance, act="appearance.record", clauses=["D6.6"])


# --- evaluation (D6.4a–c) ----------------------------------------------------------------


def evaluation_record(
    *,
    actor: Actor,
    year: int,
    agency,
    score: Decimal,
    conclusion: str,
    opinions: str,
    officer=None,
    comment: str = "",
    extra_indicators: dict | None = None,
    for_annual_assessment: bool = True,
    on: date | None = None,
) -> Evaluation:
    """考核评议（D6.4a）：平台按记录计算指标，考核人听取相对人意见（D6.4b）后评定等次，
    结果纳入年度目标考核（D6.4c）。罚没款数额不得作为指标（D2.3）。"""
    with transaction.atomic():
        require_login(actor)
        require_agency(actor, agency.pk, "执法机关")
        enforce(rules.evaluator_for_subject(actor.role, officer is not None))
        if officer is not None and (
            officer.agency_id != agency.pk or (actor.role == Role.HEAD and actor.agency_id != agency.pk)
        ):
            raise _refuse_input(ErrorCode.NOT_IN_CASE, "被考核的执法人员须是本机关的执法人员。", "officer")
        if conclusion not in Evaluation.Conclusion.values:
            raise invalid("请选择考核等次。", field="conclusion")
        on = on or clock.today()
        if year > on.year:
            raise _refuse_input(ErrorCode.DATE_ORDER, "考核年度不得晚于今年。", "year")
        computed = evaluation.indicators(agency.pk, year, officer.pk if officer else None)
        extra = dict(extra_indicators or {})
        enforce(
            rules.fine_revenue_not_a_measure(extra),
            rules.party_opinions_heard(computed["ratings"], opinions),
        )
        item = Evaluation(
            year=year,
            agency=agency,
            officer=officer,
            indicators={**computed, **{str(k): v for k, v in extra.items()}},
            ratings_heard=computed["ratings"],
            opinions=opinions.strip(),
            score=score,
            conclusion=conclusion,
            comment=(comment or "").strip(),
            for_annual_assessment=for_annual_assessment,
            decided_on=on,
            decided_by=actor,
        )
        return save_record(actor=actor, instance=item, act="evaluation.record", clauses=["D6.4a", "D6.4b", "D6.4c"])


# --- implementation (D3.5, D7, D8) -------------------------------------------------------


def _text(value: str, field: str, what: str) -> str:
    if not (value or "").strip():
        raise _refuse_input(ErrorCode.REQUIRED, f"请写明{what}。", field)
    return value.strip()


def implementation_report(
    *, actor: Actor, basis, agency, content: str, problems: str = "", on: date | None = None
) -> ImplementationReport:
    """新法律、法规和规章实施一年后，执法机关负责人向本级政府报告执行情况（D3.5）。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, action="报告新法实施情况")
        require_agency(actor, agency.pk, "执法机关")
        on = on or clock.today()
        due_on = implementation.one_year_after(basis.effective_from)
        new = implementation.new_bases().filter(pk=basis.pk).exists()
        enforce(
            rules.report_by_the_enforcing_agency(implementation.enforces(agency.pk, basis.pk), new),
            rules.report_after_the_first_year(basis.effective_from, due_on, on),
            rules.report_states_implementation(content),
        )
        if ImplementationReport.objects.filter(basis=basis, agency=agency).exists():
            raise _refuse_input(ErrorCode.DUPLICATE, "本机关已经报告过该依据的执行情况。", "basis")
        report = ImplementationReport(
            basis=basis,
            agency=agency,
            government_id=agency.government_id,
            due_on=due_on,
            reported_on=on,
            content=content.strip(),
            problems=(problems or "").strip(),
            reported_by=actor,
        )
        return save_record(actor=actor, instance=report, act="implementation.report", clauses=["D3.5"])


def cleanup_submit(
    *,
    actor: Actor,
    agency,
    subject: str,
    year: int,
    summary: str,
    law_cleanup=None,
    on: date | None = None,
) -> CleanupReport:
    """市级执法机关将本系统“五项清理”之一的结果报本级政府法制机构审核（D7）。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, action="报送清理结果")
        require_agency(actor, agency.pk, "执法机关")
        on = on or clock.today()
        if subject not in CleanupReport.Subject.values:
            raise invalid("请选择清理事项。", field="subject")
        if year > on.year or year < 2006:
            raise _refuse_input(ErrorCode.DATE_ORDER, f"年度应在2006年至{on.year}年之间。", "year")
        summary = _text(summary, "summary", "清理情况")
        taken = (
            CleanupReport.objects.filter(agency=agency, subject=subject, year=year)
            .exclude(state=CleanupReport.State.RETURNED)
            .exists()
        )
        enforce(
            rules.cleanup_by_a_city_agency(agency.government.level),
            rules.cleanup_of_bases_recorded(
                subject,
                law_cleanup.agency_id if law_cleanup is not None else None,
                agency.pk,
                law_cleanup is not None and law_cleanup.completed_on is not None,
            ),
            rules.cleanup_submitted_once(taken),
        )
        report = CleanupReport(
            agency=agency,
            subject=subject,
            year=year,
            law_cleanup=law_cleanup if subject == CleanupReport.Subject.BASES else None,
            summary=summary,
            submitted_on=on,
            submitted_by=actor,
        )
        return save_record(actor=actor, instance=report, act="cleanup_report.submit", clauses=["D7"])


def _locked_cleanup(report: CleanupReport) -> CleanupReport:
    return CleanupReport.objects.select_for_update().get(pk=report.pk)


def cleanup_review(
    *, actor: Actor, report: CleanupReport, approve: bool, review_opinion: str = "", on: date | None = None
) -> CleanupReport:
    """政府法制机构审核清理结果：通过，或写明意见退回补正（D7）。"""
    with transaction.atomic():
        report = _locked_cleanup(report)
        require_role(actor, Role.LEGAL_OFFICE, action="审核清理结果")
        require_agency(actor, report.agency_id, "清理结果")
        on = on or clock.today()
        enforce(rules.cleanup_reviewed_by_the_office(report.state, approve, review_opinion))
        if on < report.submitted_on:
            raise _refuse_input(ErrorCode.DATE_ORDER, "审核日期不得早于报送日期。", "on")
        changes = assign(
            report,
            {
                "state": CleanupReport.State.APPROVED if approve else CleanupReport.State.RETURNED,
                "reviewed_on": on,
                "reviewed_by": actor,
                "review_opinion": (review_opinion or "").strip(),
            },
        )
        return save_record(actor=actor, instance=report, act="cleanup_report.review", changes=changes, clauses=["D7"])


def cleanup_publish(
    *, actor: Actor, report: CleanupReport, public_summary: str, on: date | None = None
) -> CleanupReport:
    """审核通过的清理结果向社会公示（D7）。"""
    with transaction.atomic():
        report = _locked_cleanup(report)
        require_role(actor, Role.LEGAL_OFFICE, action="公示清理结果")
        require_agency(actor, report.agency_id, "清理结果")
        on = on or clock.today()
        enforce(rules.cleanup_published_after_review(report.state, public_summary))
        changes = assign(
            report,
            {"state": CleanupReport.State.PUBLISHED, "published_on": on, "public_summary": public_summary.strip()},
        )
        return save_record(actor=actor, instance=report, act="cleanup_report.publish", changes=changes, clauses=["D7"])


def measure_file(
    *,
    actor: Actor,
    title: str,
    adopted_on: date,
    content: str,
    agency=None,
    government=None,
    document_number: str = "",
    on: date | None = None,
) -> ImplementationMeasure:
    """各区县人民政府、市人民政府各部门制定贯彻本决定的实施办法，报市人民政府备案（D8）：
    a city department's head files its own (``agency``); a district or county government's
    is filed by its legal affairs office (``government``)."""
    with transaction.atomic():
        if agency is not None and government is not None:
            raise _refuse_input(ErrorCode.INVALID, "请只指明一个制定部门或一个制定政府。", "government")
        if agency is not None:
            require_role(actor, Role.HEAD, action="报送本部门的实施办法备案")
            require_agency(actor, agency.pk, "执法机关")
            enforce(rules.measure_by_a_district_or_city_department("agency", agency.government.level))
        elif government is not None:
            require_role(actor, Role.LEGAL_OFFICE, action="报送本级政府的实施办法备案")
            if actor.role != Role.ADMIN and government.pk != actor.government_id:
                raise forbidden("只能报送本级人民政府的实施办法。")
            enforce(rules.measure_by_a_district_or_city_department("government", government.level))
        else:
            raise _refuse_input(ErrorCode.REQUIRED, "请指明制定实施办法的部门或政府。", "agency")
        on = on or clock.today()
        title = _text(title, "title", "实施办法的名称")
        content = _text(content, "content", "实施办法的主要内容")
        enforce(rules.measure_filed_after_adoption(adopted_on, on, clock.today()))
        measure = ImplementationMeasure(
            agency=agency,
            government=government,
            title=title,
            document_number=(document_number or "").strip(),
            adopted_on=adopted_on,
            content=content,
            filed_on=on,
            filed_by=actor,
        )
        return save_record(actor=actor, instance=measure, act="measure.file", clauses=["D8"])


def measure_review(
    *,
    actor: Actor,
    measure: ImplementationMeasure,
    accept: bool,
    review_opinion: str = "",
    on: date | None = None,
) -> ImplementationMeasure:
    """市人民政府法制机构对报送备案的实施办法进行审查：准予备案，或写明意见退回修改（D8）。"""
    with transaction.atomic():
        measure = ImplementationMeasure.objects.select_for_update().get(pk=measure.pk)
        require_role(actor, Role.LEGAL_OFFICE, action="审查实施办法")
        if measure.agency_id is not None:
            require_agency(actor, measure.agency_id, "实施办法")
        elif actor.role != Role.ADMIN and measure.government_id not in government_ids(actor):
            raise not_found("实施办法")
        enforce(rules.measure_filed_with_the_city(actor.government.level if actor.government_id else None))
        on = on or clock.today()
        enforce(rules.measure_review_reasoned(measure.state, accept, review_opinion))
        if on < measure.filed_on:
            raise _refuse_input(ErrorCode.DATE_ORDER, "审查日期不得早于报送日期。", "on")
        changes = assign(
            measure,
            {
                "state": ImplementationMeasure.State.ACCEPTED if accept else ImplementationMeasure.State.RETURNED,
                "reviewed_on": on,
                "reviewed_by": actor,
                "review_opinion": (review_opinion or "").strip(),
            },
        )
        return save_record(actor=actor, instance=measure, act="measure.review", changes=changes, clauses=["D8"])


def special_inspection_open(
    *,
    actor: Actor,
    year: int,
    title: str,
    focus: str,
    government=None,
    on: date | None = None,
) -> SpecialInspection:
    """政府法制机构组织本级政府年度专项执法检查（D8）。"""
    with transaction.atomic():
        require_role(actor, Role.LEGAL_OFFICE, action="组织专项执法检查")
        government = government or actor.government
        if government is None:
            raise _refuse_input(ErrorCode.REQUIRED, "请指明组织检查的政府。", "government")
        if actor.role != Role.ADMIN and government.pk != actor.government_id:
            raise forbidden("只能组织本级政府的专项执法检查。")
        on = on or clock.today()
        title = _text(title, "title", "检查名称")
        focus = _text(focus, "focus", "检查重点")
        exists = SpecialInspection.objects.filter(government=government, year=year).exists()
        enforce(rules.special_inspection_once_a_year(year, on, exists))
        inspection = SpecialInspection(
            government=government, year=year, title=title, focus=focus, opened_on=on, opened_by=actor
        )
        return save_record(actor=actor, instance=inspection, act="special_inspection.open", clauses=["D8"])


def inspection_find(
    *,
    actor: Actor,
    inspection: SpecialInspection,
    agency,
    finding: str,
    fault: bool = False,
    score_deduction: int = 0,
    case: Case | None = None,
    on: date | None = None,
) -> InspectionFinding:
    """登记专项检查对一个机关的发现和年终目标考核扣分（D8）。"""
    with transaction.atomic():
        require_role(actor, Role.LEGAL_OFFICE, action="登记专项检查的发现")
        require_agency(actor, agency.pk, "执法机关")
        if agency.government_id not in inspection.government.subtree_ids():
            raise _refuse_input(ErrorCode.NOT_IN_CASE, "该机关不属于组织检查的政府及其下级。", "agency_id")
        if case is not None and case.agency_id != agency.pk:
            raise _refuse_input(ErrorCode.NOT_IN_CASE, "所涉案件不是被检查机关的案件。", "case_id")
        if not 0 <= score_deduction <= 100:
            raise _refuse_input(ErrorCode.OUT_OF_RANGE, "扣分应为0至100分。", "score_deduction")
        row = InspectionFinding(
            inspection=inspection,
            agency=agency,
            case=case,
            finding=_text(finding, "finding", "检查发现"),
            fault=fault,
            score_deduction=score_deduction,
            found_on=on or clock.today(),
            recorded_by=actor,
        )
        return save_record(actor=actor, instance=row, act="special_inspection.find", clauses=["D8"])


def finding_refer(
    *, actor: Actor, finding: InspectionFinding, officers, on: date | None = None
) -> AccountabilityMatter:
    """专项检查发现的执法过错移送责任追究：立项追究，并记下来自哪次检查（D8、D6.3a）。"""
    with transaction.atomic():
        finding = InspectionFinding.objects.select_for_update().get(pk=finding.pk)
        require_role(actor, Role.LEGAL_OFFICE, Role.SUPERVISOR, action="移送责任追究")
        require_agency(actor, finding.agency_id, "检查发现")
        enforce(rules.finding_referred_with_case(finding.fault, finding.case_id, finding.matter_id is not None))
        matter = matter_open(
            actor=actor,
            origin=AccountabilityMatter.Origin.INSPECTION,
            case=finding.case,
            fault=finding.finding,
            officers=officers,
            origin_reference=str(finding.inspection),
            on=on,
        )
        changes = assign(finding, {"matter": matter})
        save_record(
            actor=actor, instance=finding, act="special_inspection.refer", changes=changes, clauses=["D8", "D6.3a"]
        )
        return matter
