"""Acts of supervision: 督办 (issue, answer, escalate) and the regulated party's rating.

Each act is keyword-only with the actor first, runs in one transaction, checks its
rules and writes the audit log (``save_record``).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Actor, Role
from zhifa.cases.models import Case, Inspection
from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, invalid
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.oversight import rules
from zhifa.oversight.alerts import BY_CODE
from zhifa.oversight.models import PartyRating, SupervisionNotice


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
