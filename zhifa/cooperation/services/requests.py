"""Requests between agencies: assistance (协助调查函、协助扣押通知书; D4.4a–b, 行政处罚法第二十六条)
and information (D4.5a). The requester's head or officer sends; the requested agency
answers within the deadline, and a request with complete, lawful procedure cannot be
declined; information is given free."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from zhifa.accounts.access import can_see_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.cases.inputs import bad_input, require_text
from zhifa.cases.models import Case
from zhifa.cooperation import facts, numbering, periods
from zhifa.cooperation import rules as R
from zhifa.cooperation.models import AssistanceRequest, InformationRequest
from zhifa.cooperation.services._common import act_date
from zhifa.core import audit
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import conflict, forbidden, not_found
from zhifa.core.records import save_record
from zhifa.core.rules import enforce
from zhifa.org.models import Agency
from zhifa.parties.models import Party

SENDERS = (Role.OFFICER, Role.HEAD)


def _sender_agency(actor: User, requested: Agency, case: Case | None) -> Agency:
    agency = actor.agency
    if agency is None:
        raise bad_input(ErrorCode.REQUIRED, "只有执法机关的工作人员可以发出请求。", field="requested_agency_id")
    if requested.pk == agency.pk:
        raise bad_input(ErrorCode.INVALID, "不能向本机关发出请求。", field="requested_agency_id")
    if case is not None and case.agency_id != agency.pk:
        raise bad_input(ErrorCode.NOT_IN_CASE, "只能为本机关办理的案件发出请求。", field="case_id")
    return agency


def _require_requested(actor: User, request, what: str) -> None:
    """Both sides see a request ("not found" to anyone else); only the requested agency answers."""
    if not (can_see_agency(actor, request.requesting_agency_id) or can_see_agency(actor, request.requested_agency_id)):
        raise not_found(what)
    if actor.agency_id != request.requested_agency_id and actor.role != Role.ADMIN:
        raise forbidden("只有被请求机关可以答复。")


def _due(on: date, due_on: date | None) -> date:
    due = periods.request_due(on, due_on)
    if due < on:
        raise bad_input(ErrorCode.DATE_ORDER, "答复期限不得早于发出日期。", field="due_on")
    return due


def assistance_request(
    *,
    actor: User,
    requested_agency: Agency,
    kind: str,
    matters: str,
    legal_basis: str,
    letter_sealed: bool,
    approval_document: str = "",
    case: Case | None = None,
    due_on: date | None = None,
    on: date | None = None,
) -> AssistanceRequest:
    """发出协助请求（协助调查函、协助扣押通知书等，D4.4a）。"""
    with transaction.atomic():
        require_role(actor, *SENDERS, action="发出协助请求")
        agency = _sender_agency(actor, requested_agency, case)
        on = act_date(on)
        if kind not in AssistanceRequest.Kind.values:
            raise bad_input(ErrorCode.INVALID, "请选择协助事项类别。", field="kind")
        request = AssistanceRequest(
            number=numbering.next_number(agency, "assistance", on.year),
            requesting_agency=agency,
            requested_agency=requested_agency,
            case=case,
            sent_on=on,
            due_on=_due(on, due_on),
            sent_by=actor,
            kind=kind,
            matters=require_text(matters, "matters", "请写明请求协助的事项。"),
            legal_basis=legal_basis.strip(),
            letter_sealed=letter_sealed,
            approval_document=approval_document.strip(),
        )
        return save_record(actor=actor, instance=request, act="assistance.request", agency=agency, clauses=["D4.4a"])


def assistance_answer(
    *,
    actor: User,
    request: AssistanceRequest,
    outcome: str,
    result: str,
    late_reason: str = "",
    on: date | None = None,
) -> AssistanceRequest:
    """答复协助请求：手续完备、程序合法的，及时无条件予以配合（D4.4b）；记录协助情况。"""
    with transaction.atomic():
        require_role(actor, *SENDERS, action="答复协助请求")
        _require_requested(actor, request, "协助请求")
        request = AssistanceRequest.objects.select_for_update(of=("self",)).select_related("case").get(pk=request.pk)
        if request.answered_on:
            raise conflict("该协助请求已经答复。")
        if outcome not in AssistanceRequest.Outcome.values:
            raise bad_input(ErrorCode.INVALID, "请选择协助结果。", field="outcome")
        on = act_date(on, earliest=request.sent_on)
        gaps = facts.procedure_gaps(request, case_filed=bool(request.case and request.case.filed_on))
        enforce(
            R.assistance_not_refused_when_complete(outcome, gaps, result),
            R.assistance_answered_in_time(request.due_on, on, late_reason),
        )
        request.outcome, request.result = outcome, require_text(result, "result", "请写明协助情况。")
        request.answered_on, request.answered_by, request.late_reason = on, actor, late_reason
        request.save(update_fields=["outcome", "result", "answered_on", "answered_by", "late_reason"])
        audit.record(
            actor=actor,
            act="assistance.answer",
            obj=request,
            agency=request.requested_agency_id,
            changes={"outcome": outcome, "gaps": gaps, "on": on},
            clauses=["D4.4b"],
        )
        return request


def information_request(
    *,
    actor: User,
    requested_agency: Agency,
    subject: str,
    purpose: str,
    party: Party | None = None,
    case: Case | None = None,
    due_on: date | None = None,
    on: date | None = None,
) -> InformationRequest:
    """请求其他机关提供信息、资料、数据（D4.5a）。"""
    with transaction.atomic():
        require_role(actor, *SENDERS, action="发出信息查询请求")
        agency = _sender_agency(actor, requested_agency, case)
        on = act_date(on)
        request = InformationRequest(
            number=numbering.next_number(agency, "information", on.year),
            requesting_agency=agency,
            requested_agency=requested_agency,
            case=case,
            sent_on=on,
            due_on=_due(on, due_on),
            sent_by=actor,
            subject=require_text(subject, "subject", "请写明查询的信息。"),
            purpose=require_text(purpose, "purpose", "请写明查询用途。"),
            party=party,
        )
        return save_record(actor=actor, instance=request, act="information.request", agency=agency, clauses=["D4.5a"])


def information_answer(
    *,
    actor: User,
    request: InformationRequest,
    answer: str,
    fee: Decimal = Decimal("0"),
    late_reason: str = "",
    on: date | None = None,
) -> InformationRequest:
    """答复信息查询请求：及时、无偿提供（D4.5a）。"""
    with transaction.atomic():
        require_role(actor, *SENDERS, action="答复信息查询请求")
        _require_requested(actor, request, "信息查询请求")
        request = InformationRequest.objects.select_for_update().get(pk=request.pk)
        if request.answered_on:
            raise conflict("该信息查询请求已经答复。")
        on = act_date(on, earliest=request.sent_on)
        enforce(R.information_free(fee), R.information_answered_in_time(request.due_on, on, late_reason))
        request.answer = require_text(answer, "answer", "请写明提供的信息。")
        request.answered_on, request.answered_by, request.late_reason = on, actor, late_reason
        request.save(update_fields=["answer", "answered_on", "answered_by", "late_reason"])
        audit.record(
            actor=actor,
            act="information.answer",
            obj=request,
            agency=request.requested_agency_id,
            changes={"on": on},
            clauses=["D4.5a"],
        )
        return request
