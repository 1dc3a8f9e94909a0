"""The party's own acts online (D5.2a, D5.3a, D5.4, D5.5; 行政处罚法第四十四条至第四十五条、
第六十一条、第六十四条、第六十六条) and the agency's handling of them.

The party logs in with an access code served with the first notice (:func:`access_code_issue`;
only its hash is kept). What the party submits is time-stamped here (:func:`submission_make`,
with the rules that the party's date must meet) and enters the case through the case
procedure's own services when an officer receives it (:func:`submission_receive`:
``defence_record``, ``hearing_request``, ``followup_record``) or the head decides it
(:func:`submission_decide`: ``payment_plan``), so the case file holds it as the law requires.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import F

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Role
from zhifa.cases import rules as case_rules
from zhifa.cases import services as case_services
from zhifa.cases.facts import current_notice
from zhifa.cases.models import Case, Status
from zhifa.core import audit, clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.core.identifiers import normalise_ric
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.core.state import touch
from zhifa.credit import services as credit_services
from zhifa.parties.models import Party
from zhifa.portal import rules as R
from zhifa.portal.models import AccessCode, Publication, ServiceConsent, StakeholderOpinion, Submission

#: Access codes: 12 characters without look-alikes (0/O, 1/I/L), shown as XXXX-XXXX-XXXX.
#: The length and the lockout are the platform's own choice (about 60 bits; five wrong codes
#: lock the code for fifteen minutes).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
MAX_FAILED = 5
LOCK_MINUTES = 15

DECIDED = (Status.DECIDED, Status.EXECUTING, Status.COMPULSORY, Status.EXECUTED, Status.CLOSED, Status.ARCHIVED)


@dataclass(frozen=True)
class PartyActor:
    """The party acting online, as the audit log names it."""

    party: Party

    def __str__(self) -> str:
        return f"当事人（在线）：{self.party.name}"


def _day(on: date | None) -> date:
    day = on or clock.today()
    if day > clock.today():
        raise DomainError.of(ErrorCode.DATE_ORDER, "日期不得晚于今天。", field="on", status=400)
    return day


def _code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def access_code_issue(*, actor, case: Case, on: date | None = None) -> tuple[AccessCode, str]:
    """随告知书向当事人送达访问码（只显示这一次）；此前的访问码作废。重新生成（当事人遗失访问码等）是另一项
    记入审计的行为（``party_access.regenerate``），写明作废的访问码。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="发放当事人访问码")
        case = Case.objects.select_for_update(of=("self",)).select_related("party").get(pk=case.pk)
        require_agency(actor, case.agency_id, "案件")
        notice = current_notice(case)
        if case.party is None or notice is None or notice.served_on is None:
            raise DomainError.of(
                ErrorCode.NOTHING_PENDING, "访问码随事先告知书送达：请先送达告知书。", field="case", status=409
            )
        day = _day(on)
        live = AccessCode.objects.filter(party=case.party, revoked_on__isnull=True)
        replaced = list(live.values_list("pk", flat=True))
        touch(live)  # .update() sends no signal: the audit event's state names the revoked rows
        live.update(revoked_on=day)
        code = _code()
        record = AccessCode(
            party=case.party, case=case, code_hash=make_password(_normalise_code(code)), issued_on=day, issued_by=actor
        )
        # The audit names the party and the case, never the code.
        save_record(
            actor=actor,
            instance=record,
            act="party_access.regenerate" if replaced else "party_access.issue",
            changes={"party": case.party_id, "case": case.pk, "issued_on": day, "revoked": replaced},
            clauses=["D5.2a"],
            agency=case.agency_id,
        )
        return record, code


def party_login(*, identifier: str, code: str) -> AccessCode:
    """当事人以统一社会信用代码或身份证号码和访问码登录。错误的访问码连续五次，锁定十五分钟。"""
    ident = normalise_ric(identifier or "")
    failed = DomainError.of(
        ErrorCode.PARTY_LOGIN_FAILED, "证件号码或访问码不正确，请核对告知书上的访问码。", field="code", status=400
    )
    access = (
        AccessCode.objects.filter(revoked_on__isnull=True)
        .filter(party__in=Party.objects.filter(id_number=ident) | Party.objects.filter(uscc=ident))
        .select_related("party")
        .first()
        if ident
        else None
    )
    if access is None:
        raise failed
    now = clock.now()
    if access.locked_until and access.locked_until > now:
        raise DomainError.of(
            ErrorCode.PARTY_LOGIN_LOCKED, "访问码输入错误次数过多，请十五分钟后再试。", field="code", status=400
        )
    if not check_password(_normalise_code(code), access.code_hash):
        # Counted in the database (F()), so guesses sent in parallel are all counted.
        AccessCode.objects.filter(pk=access.pk).update(failed_attempts=F("failed_attempts") + 1)
        AccessCode.objects.filter(pk=access.pk, failed_attempts__gte=MAX_FAILED).update(
            failed_attempts=0, locked_until=now + timedelta(minutes=LOCK_MINUTES)
        )
        raise failed
    with transaction.atomic():
        access.failed_attempts, access.locked_until, access.last_login_at = 0, None, now
        access.save(update_fields=["failed_attempts", "locked_until", "last_login_at"])
        audit.record(actor=PartyActor(access.party), act="party_access.login", obj=access, agency=access.case.agency_id)
    return access


# --- what the party submits -----------------------------------------------------------------


def _proposal(items) -> list[dict]:
    out = []
    for n, item in enumerate(items or [], start=1):
        try:
            amount = Decimal(str(item["amount"]))
            due = item["due_on"] if isinstance(item["due_on"], date) else date.fromisoformat(str(item["due_on"]))
        except (KeyError, TypeError, ValueError, InvalidOperation):
            raise DomainError.of(ErrorCode.INVALID, f"第{n}期的金额或期限格式不正确。", field="proposal") from None
        if amount <= 0:
            raise DomainError.of(ErrorCode.INVALID, f"第{n}期金额应当大于零。", field="proposal")
        out.append({"amount": str(amount.quantize(Decimal("0.01"))), "due_on": due.isoformat()})
    return out


def submission_make(
    *,
    party: Party,
    case: Case,
    kind: str,
    text: str = "",
    points=(),
    made_by: str = "",
    plan_kind: str = "",
    proposal=(),
    satisfaction: int | None = None,
    on: date | None = None,
) -> Submission:
    """当事人在线提出陈述申辩、要求听证、申请暂缓或分期缴纳罚款、填写回访问卷。"""
    with transaction.atomic():
        case = Case.objects.select_for_update(of=("self",)).select_related("party").get(pk=case.pk)
        if case.party_id != party.pk:
            raise DomainError.of(ErrorCode.NOT_FOUND, "案件不存在或不在您的查看范围内。", status=404)
        day = _day(on)
        notice = current_notice(case)
        served = bool(notice and notice.served_on)
        decided = case.status in DECIDED
        data = {"text": text.strip()}
        if kind == Submission.Kind.DEFENCE:
            clean = [str(p).strip() for p in (points or [])]
            enforce(
                R.defence_after_notice(served),
                R.defence_before_decision(decided),
                case_rules.defence_points_recorded(clean),
            )
            data["points"] = clean
        elif kind == Submission.Kind.HEARING:
            enforce(R.defence_after_notice(served), R.defence_before_decision(decided))
            enforce(
                case_rules.hearing_within_scope(notice.states_hearing_right),
                case_rules.hearing_requested_in_time(notice.served_on, day),
            )
            if Submission.objects.filter(case=case, kind=kind, status=Submission.Status.SUBMITTED).exists():
                raise DomainError.of(ErrorCode.DUPLICATE, "您已要求听证，机关正在办理。", status=409)
        elif kind == Submission.Kind.PAYMENT_PLAN:
            decision = getattr(case, "decision", None)
            if decision is None or decision.served_on is None:
                raise DomainError.of(ErrorCode.NOTHING_PENDING, "处罚决定书送达后方可申请。", status=409)
            if plan_kind not in Submission.PlanKind.values:
                raise DomainError.of(ErrorCode.INVALID, "请选择暂缓缴纳或分期缴纳。", field="plan_kind")
            enforce(R.payment_plan_for_hardship(text, bool(decision.fine)))
            data.update(plan_kind=plan_kind, proposal=_proposal(proposal))
        elif kind == Submission.Kind.SURVEY:
            enforce(R.survey_after_decision(decided))
            if satisfaction is None or not 1 <= int(satisfaction) <= 5:
                raise DomainError.of(ErrorCode.INVALID, "请选择1至5的满意度。", field="satisfaction")
            data["satisfaction"] = int(satisfaction)
        else:
            raise DomainError.of(ErrorCode.INVALID, "请选择要办理的事项。", field="kind")
        sub = Submission(
            party=party,
            case=case,
            agency=case.agency,
            kind=kind,
            submitted_on=day,
            made_by=(made_by or party.name).strip()[:100],
            **data,
        )
        clauses = {"defence": "D5.2a", "hearing": "D5.3a", "payment_plan": "D5.6", "survey": "D5.4"}[kind]
        return save_record(actor=PartyActor(party), instance=sub, act="party.submit", clauses=[clauses])


def submission_receive(*, actor, submission: Submission, answer: str = "", on: date | None = None) -> Submission:
    """接收当事人在线提交的陈述申辩、听证要求或回访问卷，按案件程序登记（记录陈述申辩、登记听证要求、记录回访）。"""
    with transaction.atomic():
        sub = Submission.objects.select_for_update().get(pk=submission.pk)
        require_role(actor, Role.OFFICER, Role.HEAD, action="接收当事人在线提交的事项")
        require_agency(actor, sub.agency_id, "当事人在线提交")
        if sub.status != Submission.Status.SUBMITTED:
            raise DomainError.of(ErrorCode.CONFLICT, "该事项已办理。", status=409)
        case = sub.case
        online = f"（当事人于{sub.submitted_on:%Y年%m月%d日}在线提交）"
        if sub.kind == Submission.Kind.DEFENCE:
            record = case_services.defence_record(
                actor=actor, case=case, made_by=sub.made_by + online, points=sub.points, form="written", on=on
            )
            ref = f"defence:{record.pk}"
        elif sub.kind == Submission.Kind.HEARING:
            record = case_services.hearing_request(
                actor=actor, case=case, requested_on=sub.submitted_on, form="written", on=on
            )
            ref = f"hearing:{record.pk}"
        elif sub.kind == Submission.Kind.SURVEY:
            record = case_services.followup_record(
                actor=actor,
                case=case,
                method="letter",
                findings=f"当事人在线填写回访问卷{online}，满意度{sub.satisfaction}/5。",
                problems=sub.text,
                response=answer,
                on=on,
            )
            ref = f"followup:{record.pk}"
        else:
            raise DomainError.of(ErrorCode.CONFLICT, "暂缓或分期缴纳的申请由机关负责人决定。", status=409)
        changes = assign(
            sub,
            {
                "status": Submission.Status.RECEIVED,
                "received_on": _day(on),
                "received_by": actor,
                "answer": answer.strip(),
                "case_record": ref,
            },
        )
        return save_record(
            actor=actor, instance=sub, act="party_submission.receive", changes=changes, clauses=["D5.2a"]
        )


def submission_decide(
    *, actor, submission: Submission, approve: bool, answer: str = "", instalments=None, on: date | None = None
) -> Submission:
    """决定当事人暂缓或分期缴纳罚款的申请（行政处罚法第六十六条）：批准的，按案件程序确定缴纳安排。"""
    with transaction.atomic():
        sub = Submission.objects.select_for_update().get(pk=submission.pk)
        require_role(actor, Role.HEAD, action="批准暂缓或分期缴纳罚款")
        require_agency(actor, sub.agency_id, "当事人在线提交")
        if sub.kind != Submission.Kind.PAYMENT_PLAN or sub.status != Submission.Status.SUBMITTED:
            raise DomainError.of(ErrorCode.CONFLICT, "该事项不是待决定的暂缓或分期缴纳申请。", status=409)
        data = {"received_on": _day(on), "received_by": actor, "answer": answer.strip()}
        if approve:
            plan = case_services.payment_plan(
                actor=actor,
                case=sub.case,
                kind=sub.plan_kind,
                applied_on=sub.submitted_on,
                reason=sub.text,
                instalments=[
                    (i["amount"], date.fromisoformat(i["due_on"])) for i in _proposal(instalments or sub.proposal)
                ],
                on=on,
            )
            data.update(status=Submission.Status.APPROVED, case_record=f"payment_plan:{plan.pk}")
        else:
            if not answer.strip():
                raise DomainError.of(ErrorCode.REQUIRED, "不予批准的，请说明理由。", field="answer", status=400)
            data["status"] = Submission.Status.REFUSED
        changes = assign(sub, data)
        return save_record(actor=actor, instance=sub, act="party_submission.decide", changes=changes, clauses=["D5.6"])


# --- electronic service ---------------------------------------------------------------------


def service_consent_give(*, party: Party, channel: str, address: str, on: date | None = None) -> ServiceConsent:
    """当事人同意以电子方式送达并确认送达地址（行政处罚法第六十一条）；此前的确认失效。"""
    with transaction.atomic():
        if channel not in ServiceConsent.Channel.values:
            raise DomainError.of(ErrorCode.INVALID, "请选择电子邮件或手机短信。", field="channel")
        address = address.strip()
        if channel == ServiceConsent.Channel.EMAIL and "@" not in address:
            raise DomainError.of(ErrorCode.INVALID, "请填写有效的电子邮件地址。", field="address")
        if channel == ServiceConsent.Channel.SMS and not (address.isdigit() and len(address) == 11):
            raise DomainError.of(ErrorCode.INVALID, "请填写11位手机号码。", field="address")
        day = _day(on)
        ServiceConsent.objects.filter(party=party, withdrawn_on__isnull=True).update(withdrawn_on=day)
        consent = ServiceConsent(party=party, channel=channel, address=address, consented_on=day)
        return save_record(
            actor=PartyActor(party),
            instance=consent,
            act="party.service_consent",
            changes={"party": party.pk, "channel": channel, "consented_on": day},
        )


def service_consent_withdraw(*, party: Party, on: date | None = None) -> ServiceConsent:
    with transaction.atomic():
        consent = ServiceConsent.objects.select_for_update().filter(party=party, withdrawn_on__isnull=True).first()
        if consent is None:
            raise DomainError.of(ErrorCode.NOTHING_PENDING, "您没有有效的电子送达确认。", status=409)
        changes = assign(consent, {"withdrawn_on": _day(on)})
        return save_record(
            actor=PartyActor(party), instance=consent, act="party.service_consent_withdraw", changes=changes
        )


# --- stakeholders and victims (D5.5) ----------------------------------------------------------


def stakeholder_opinion_submit(
    *, publication: Publication, relation: str, name: str, contact: str, opinion: str, on: date | None = None
) -> StakeholderOpinion:
    """利害关系人或受害人对公开的行政处罚决定所涉违法行为的整改情况提出意见（D5.5）。联系方式不公开。"""
    with transaction.atomic():
        pub = Publication.objects.get(pk=publication.pk)
        if pub.status != Publication.Status.PUBLISHED:
            raise DomainError.of(ErrorCode.NOT_FOUND, "公开的执法决定不存在。", status=404)
        enforce(R.opinion_on_a_penalty(pub.kind == Publication.Kind.PENALTY))
        if relation not in StakeholderOpinion.Relation.values:
            raise DomainError.of(ErrorCode.INVALID, "请选择受害人或利害关系人。", field="relation")
        for field_name, value, label in (
            ("name", name, "姓名或名称"),
            ("contact", contact, "联系方式"),
            ("opinion", opinion, "意见"),
        ):
            if not value.strip():
                raise DomainError.of(ErrorCode.REQUIRED, f"请填写{label}。", field=field_name, status=400)
        record = StakeholderOpinion(
            publication=pub,
            agency=pub.agency,
            relation=relation,
            name=name.strip(),
            contact=contact.strip(),
            opinion=opinion.strip(),
            submitted_on=_day(on),
        )
        return save_record(
            actor=f"{record.get_relation_display()}（在线）",
            instance=record,
            act="stakeholder_opinion.submit",
            changes={"publication": pub.pk, "relation": relation, "submitted_on": record.submitted_on},
            clauses=["D5.5"],
        )


def stakeholder_opinion_answer(
    *, actor, opinion: StakeholderOpinion, answer: str, on: date | None = None
) -> StakeholderOpinion:
    """答复利害关系人或受害人的意见（D5.5）。"""
    with transaction.atomic():
        record = StakeholderOpinion.objects.select_for_update().get(pk=opinion.pk)
        require_role(actor, Role.OFFICER, Role.HEAD, action="答复利害关系人、受害人的意见")
        require_agency(actor, record.agency_id, "意见")
        if not answer.strip():
            raise DomainError.of(ErrorCode.REQUIRED, "请填写答复。", field="answer", status=400)
        changes = assign(record, {"answer": answer.strip(), "answered_on": _day(on), "answered_by": actor})
        return save_record(
            actor=actor, instance=record, act="stakeholder_opinion.answer", changes=changes, clauses=["D5.5"]
        )


# --- the party's credit (D5.7) ----------------------------------------------------------------


def credit_objection_make(*, party: Party, line_key: str, reason: str):
    """当事人在线对自己信用评价中的一项提出异议，由作出该项的机关答复（D5.7）：credit 的
    ``objection_file``，以当事人本人（其访问码登录）为行为人。"""
    return credit_services.objection_file(
        actor=PartyActor(party), party=party, line_key=line_key, reason=reason, online=True
    )
