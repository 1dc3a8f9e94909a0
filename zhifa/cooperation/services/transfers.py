"""Transfers between agencies (D3.4): the receiver signs for the letter and may not refuse
it; without competence it passes the matter on, with reasons, to the agency the powers
catalogue names, and tells the sender in writing; suspected crimes go to the public
security organ with 涉嫌犯罪案件移送书 (行政处罚法第二十七条).

The letter and the receiver's clue are written by the case procedure's ``transfer_out``
act, and the written answer by its ``transfer_answer`` act; this module adds the receipt,
the pass-on and the crime transfer around them.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.cases import services as case_services
from zhifa.cases.inputs import bad_input, require_text
from zhifa.cases.models import Case, Status, Transfer
from zhifa.cooperation import competence
from zhifa.cooperation import rules as R
from zhifa.cooperation.models import CrimeTransfer, TransferReceipt
from zhifa.cooperation.services._common import act_date
from zhifa.core import audit
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import conflict
from zhifa.core.records import save_record
from zhifa.core.rules import enforce
from zhifa.org.models import Agency


def _locked_incoming(actor: User, transfer: Transfer) -> Transfer:
    """The letter, locked, if ``actor`` belongs to the receiving agency (else "not found")."""
    require_agency(actor, transfer.to_agency_id, "移送函")
    locked = (
        Transfer.objects.select_for_update(of=("self",))
        .select_related("case", "received_case", "to_agency")
        .get(pk=transfer.pk)
    )
    if TransferReceipt.objects.filter(transfer=locked).exists():
        raise conflict("该移送函已经签收。")
    return locked


def _competence_note(proposal: competence.Proposal, receiver: Agency) -> str:
    if proposal.holds(receiver):
        own = next(c for c in proposal.candidates if c.agency.pk == receiver.pk)
        return f"经核对职权目录，本机关有管辖权：{own.explanation()}"
    return f"经核对职权目录，本机关没有管辖权。{proposal.summary()}"


def _proposal_for(case: Case, on: date) -> competence.Proposal:
    return competence.propose(case.violation_item, case.place, on)


def transfer_receive(
    *, actor: User, transfer: Transfer, returned: bool = False, on: date | None = None
) -> TransferReceipt:
    """签收移送函并接收办理（D3.4）：不得以任何理由拒绝接受；经职权目录核对本机关有管辖权的，接收办理
    （线索即在本机关待处理，依法决定是否立案并书面函告移送机关）。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="签收移送函")
        transfer = _locked_incoming(actor, transfer)
        on = act_date(on, earliest=transfer.sent_on)
        proposal = _proposal_for(transfer.case, on)
        enforce(R.receiver_may_not_refuse(returned), R.accept_only_with_competence(transfer.to_agency, proposal))
        receipt = TransferReceipt(
            transfer=transfer,
            received_on=on,
            received_by=actor,
            outcome=TransferReceipt.Outcome.ACCEPTED,
            competence_note=_competence_note(proposal, transfer.to_agency),
        )
        return save_record(
            actor=actor,
            instance=receipt,
            act="transfer.receive",
            agency=transfer.to_agency_id,
            clauses=["D3.4", "D3.1a"],
            changes={"letter_number": transfer.letter_number, "outcome": receipt.outcome},
        )


def transfer_pass_on(
    *, actor: User, transfer: Transfer, to_agency: Agency, reasons: str, on: date | None = None
) -> TransferReceipt:
    """确无管辖权的，说明理由将移送的事项转送职权目录载明有管辖权的机关（D3.4），并书面函告原移送机关。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, action="转送移送的线索或案件")
        transfer = _locked_incoming(actor, transfer)
        on = act_date(on, earliest=transfer.sent_on)
        proposal = _proposal_for(transfer.case, on)
        enforce(R.pass_on_only_without_competence(transfer.to_agency, proposal), R.pass_on_with_reasons(reasons))
        received = transfer.received_case
        # The case procedure's act writes the new letter and opens the clue at the competent
        # agency; it checks that agency against the catalogue (transfer_to_competent_agency).
        case_services.transfer_out(
            actor=actor,
            case=received,
            to_agency=to_agency,
            reasons=reasons,
            materials=transfer.materials,
            on=on,
        )
        onward = Transfer.objects.get(case=received)
        case_services.transfer_answer(
            actor=actor,
            case=received,
            answer=f"本机关对该事项没有管辖权，已于{on:%Y年%m月%d日}以{onward.letter_number}转送{to_agency}办理。理由：{reasons}",
            on=on,
        )
        receipt = TransferReceipt(
            transfer=transfer,
            received_on=on,
            received_by=actor,
            outcome=TransferReceipt.Outcome.PASSED_ON,
            competence_note=_competence_note(proposal, transfer.to_agency),
            pass_on_reasons=reasons,
            passed_on=onward,
        )
        return save_record(
            actor=actor,
            instance=receipt,
            act="transfer.pass_on",
            agency=transfer.to_agency_id,
            clauses=["D3.4", "D3.1a"],
            changes={"letter_number": transfer.letter_number, "onward": onward.letter_number, "to": to_agency.pk},
        )


def crime_transfer_send(
    *,
    actor: User,
    case: Case,
    police_organ: str,
    procuratorate: str,
    suspected_crime: str,
    facts: str,
    with_report: bool,
    with_items_list: bool,
    with_expert_opinion: bool,
    no_items_note: str = "",
    on: date | None = None,
) -> CrimeTransfer:
    """制作涉嫌犯罪案件移送书，将案件移送公安机关并抄送同级人民检察院（行政处罚法第二十七条）。
    案件须已经机关负责人决定移送司法机关（案件办理中的“移送司法机关”）。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, action="移送涉嫌犯罪案件")
        require_agency(actor, case.agency_id, "案件")
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.status != Status.TRANSFERRED_JUDICIARY:
            raise bad_input(
                ErrorCode.NOTHING_PENDING, "请先由机关负责人作出移送司法机关的决定，再制作移送书。", field="case"
            )
        if CrimeTransfer.objects.filter(case=case).exists():
            raise conflict("本案已经制作涉嫌犯罪案件移送书。")
        on = act_date(on, earliest=case.ended_on)
        enforce(R.crime_transfer_materials_complete(with_report, with_items_list, with_expert_opinion, no_items_note))
        # The head's decision drew the document's number (cases.numbering, kind "judiciary")
        # and wrote it before the reason: the letter carries that number, never a second one.
        number = case.end_reason.split("：", 1)[0]
        record = CrimeTransfer(
            case=case,
            number=number,
            sent_on=on,
            police_organ=require_text(police_organ, "police_organ", "请写明接收的公安机关。"),
            procuratorate=require_text(procuratorate, "procuratorate", "请写明抄送的人民检察院。"),
            suspected_crime=require_text(suspected_crime, "suspected_crime", "请写明涉嫌的罪名。"),
            facts=require_text(facts, "facts", "请写明涉嫌犯罪的事实。"),
            with_report=with_report,
            with_items_list=with_items_list,
            with_expert_opinion=with_expert_opinion,
            no_items_note=no_items_note,
            sent_by=actor,
        )
        return save_record(
            actor=actor, instance=record, act="crime_transfer.send", agency=case.agency_id, clauses=["D3.4"]
        )


def crime_transfer_answer(
    *, actor: User, crime_transfer: CrimeTransfer, decision: str, reasons: str, on: date | None = None
) -> CrimeTransfer:
    """登记公安机关书面告知的立案或不予立案决定。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="登记公安机关的决定")
        require_agency(actor, crime_transfer.case.agency_id, "涉嫌犯罪案件移送")
        record = CrimeTransfer.objects.select_for_update().get(pk=crime_transfer.pk)
        if record.police_answered_on:
            raise conflict("已经登记过公安机关的决定。")
        if decision not in CrimeTransfer.PoliceDecision.values:
            raise bad_input(ErrorCode.INVALID, "请选择公安机关的决定。", field="decision")
        on = act_date(on, earliest=record.sent_on)
        record.police_answered_on, record.police_decision = on, decision
        record.police_reasons = require_text(reasons, "reasons", "请写明公安机关决定的理由。")
        record.save(update_fields=["police_answered_on", "police_decision", "police_reasons"])
        audit.record(
            actor=actor,
            act="crime_transfer.answer",
            obj=record,
            agency=record.case.agency_id,
            changes={"decision": decision, "on": on},
            clauses=["D3.4"],
        )
        return record
