"""Cooperation records as the API and the pages show them: plain values, so that no
stored value can make a read fail."""

from __future__ import annotations

from zhifa.cases.models import Transfer
from zhifa.cooperation import package_format, packages, periods, selectors
from zhifa.cooperation.competence import Candidate, Proposal
from zhifa.cooperation.models import CrimeTransfer


def candidate(c: Candidate) -> dict:
    return {
        "agency_id": c.agency.pk,
        "agency": c.agency.name,
        "power_id": c.power_id,
        "power": c.power,
        "held_as": c.held_as,
        "articles": list(c.articles),
        "territory": c.territory,
        "level": c.level,
        "explanation": c.explanation(),
    }


def proposal(p: Proposal, *, agency=None) -> dict:
    return {
        "violation_item_id": p.item.pk if p.item else None,
        "violation_item": str(p.item) if p.item else "",
        "place_id": p.place.pk if p.place else None,
        "place": p.place.name if p.place else "",
        "on": p.on,
        "proposed_agency_id": p.proposed.agency.pk if p.proposed else None,
        "summary": p.summary(),
        "agency_competent": None if agency is None else p.holds(agency),
        "candidates": [candidate(c) for c in p.candidates],
    }


def transfer_row(t: Transfer) -> dict:
    status = selectors.transfer_status(t)
    sender = t.case.acting_agency
    return {
        "id": t.pk,
        "letter_number": t.letter_number,
        "from_agency_id": sender.pk,
        "from_agency": sender.name,
        "to_agency_id": t.to_agency_id,
        "to_agency": t.to_agency.name,
        "sent_on": t.sent_on,
        "answer_due_on": status.due_on,
        "answered_on": t.answered_on,
        "status": status.label,
        "overdue": status.overdue,
    }


def transfer_detail(t: Transfer) -> dict:
    receipt = selectors.receipt_of(t)
    data = transfer_row(t)
    data.update(
        case_id=t.case_id,
        received_case_id=t.received_case_id,
        summary=t.case.summary,
        reasons=t.reasons,
        materials=t.materials,
        answer=t.answer,
        receipt=None,
    )
    if receipt is not None:
        data["receipt"] = {
            "received_on": receipt.received_on,
            "received_by": receipt.received_by.label,
            "outcome": receipt.get_outcome_display(),
            "competence_note": receipt.competence_note,
            "pass_on_reasons": receipt.pass_on_reasons,
            "passed_on_id": receipt.passed_on_id,
            "passed_on_letter": receipt.passed_on.letter_number if receipt.passed_on else "",
            "passed_on_to": receipt.passed_on.to_agency.name if receipt.passed_on else "",
        }
    return data


def crime_transfer(c: CrimeTransfer) -> dict:
    return {
        "id": c.pk,
        "case_id": c.case_id,
        "agency": c.case.agency.name,
        "number": c.number,
        "sent_on": c.sent_on,
        "police_organ": c.police_organ,
        "procuratorate": c.procuratorate,
        "suspected_crime": c.suspected_crime,
        "facts": c.facts,
        "with_report": c.with_report,
        "with_items_list": c.with_items_list,
        "with_expert_opinion": c.with_expert_opinion,
        "no_items_note": c.no_items_note,
        "police_answered_on": c.police_answered_on,
        "police_decision": c.get_police_decision_display() if c.police_decision else "",
        "police_reasons": c.police_reasons,
    }


def _request(r) -> dict:
    return {
        "id": r.pk,
        "number": r.number,
        "requesting_agency": r.requesting_agency.name,
        "requested_agency": r.requested_agency.name,
        "case_id": r.case_id,
        "sent_on": r.sent_on,
        "due_on": r.due_on,
        "answered_on": r.answered_on,
        "late_reason": r.late_reason,
        "overdue": selectors.request_overdue(r),
    }


def assistance(r) -> dict:
    return {
        **_request(r),
        "kind": r.get_kind_display(),
        "matters": r.matters,
        "legal_basis": r.legal_basis,
        "letter_sealed": r.letter_sealed,
        "approval_document": r.approval_document,
        "outcome": r.get_outcome_display() if r.outcome else "",
        "result": r.result,
    }


def information(r) -> dict:
    return {**_request(r), "subject": r.subject, "purpose": r.purpose, "party_id": r.party_id, "answer": r.answer}


def lookup(x) -> dict:
    return {
        "id": x.pk,
        "party_id": x.party_id,
        "party": x.party.name,
        "agency": x.agency.name,
        "user": x.user.label,
        "purpose": x.get_purpose_display(),
        "case_id": x.case_id,
        "reason": x.reason,
        "on": x.on,
        "result_count": x.result_count,
    }


def liaison(x) -> dict:
    return {
        "id": x.pk,
        "agency_id": x.agency_id,
        "agency": x.agency.name,
        "name": x.name,
        "position": x.position,
        "phone": x.phone,
        "since": x.since,
    }


def agreement(x) -> dict:
    return {
        "id": x.pk,
        "title": x.title,
        "agencies": [a.name for a in x.agencies.all()],
        "signed_on": x.signed_on,
        "valid_to": x.valid_to,
        "content": x.content,
    }


def dispute(d) -> dict:
    return {
        "id": d.pk,
        "title": d.title,
        "description": d.description,
        "raised_by": d.raised_by.name,
        "agencies": [a.name for a in d.agencies.all()],
        "government": d.government.name,
        "case_id": d.case_id,
        "raised_on": d.raised_on,
        "stage": d.get_stage_display(),
        "stage_due_on": d.stage_due_on,
        "overdue": selectors.dispute_overdue(d),
        "resolution": d.resolution,
        "resolved_on": d.resolved_on,
        "steps": [
            {
                "stage": s.get_stage_display(),
                "on": s.on,
                "by": s.by.label,
                "settled": s.settled,
                "record": s.record,
                "document_number": s.document_number,
                "late_reason": s.late_reason,
            }
            for s in d.steps.all()
        ],
    }


def task(t) -> dict:
    return {
        "id": t.pk,
        "kind": t.get_kind_display(),
        "meeting_id": t.meeting_id,
        "campaign_id": t.campaign_id,
        "assigned_by": t.assigned_by.name,
        "assigned_to_id": t.assigned_to_id,
        "assigned_to": t.assigned_to.name,
        "description": t.description,
        "responsibilities": t.responsibilities,
        "assigned_on": t.assigned_on,
        "due_on": t.due_on,
        "response": t.get_response_display() if t.response else "",
        "refusal_reason": t.refusal_reason,
        "reported_on": t.reported_on,
        "report": t.report,
        "flag": selectors.task_flag(t),
    }


def meeting(m) -> dict:
    return {
        "id": m.pk,
        "title": m.title,
        "convened_by": m.convened_by.name,
        "held_on": m.held_on,
        "agenda": m.agenda,
        "attendees": [a.name for a in m.attendees.all()],
        "attendee_names": m.attendee_names,
        "minutes": m.minutes,
        "minutes_number": m.minutes_number,
        "tasks": [task(t) for t in m.tasks.all()],
    }


def campaign(c) -> dict:
    return {
        "id": c.pk,
        "title": c.title,
        "lead": c.lead.name,
        "field": c.field,
        "starts_on": c.starts_on,
        "ends_on": c.ends_on,
        "targets": c.targets,
        "tasks": [task(t) for t in c.tasks.all()],
    }


def package(p) -> dict:
    report = package_format.verify(packages.export(p))
    return {
        "id": p.pk,
        "direction": p.get_direction_display(),
        "letter_number": p.letter_number,
        "transfer_id": p.transfer_id,
        "sender_agency": p.sender_agency.name if p.sender_agency else report.sender,
        "receiver_agency": p.receiver_agency.name,
        "received_case_id": p.received_case_id,
        "manifest_sha256": p.manifest_sha256,
        "files": p.files,
        "sealed_on": p.sealed_on,
        "countersigned_on": p.countersigned_on,
        "verified": report.ok,
        "problems": report.problems,
    }


# --- One visit instead of many (D2.1) ----------------------------------------------------------


def plan(p, *, with_officers: bool = True) -> dict:
    """A planned on-site inspection, or one agency's part of a joint inspection's record."""
    return {
        "id": p.pk,
        "agency_id": p.agency_id,
        "agency": p.agency.name,
        "party_id": p.party_id,
        "party": p.party.name,
        "on": p.on,
        "place": p.place,
        "items": p.items,
        "planned_on": p.planned_on,
        "ordinal": p.ordinal,
        "cap": periods.annual_inspection_cap(p.on),
        "approval_id": p.approval_id,
        "joint_id": p.joint_id,
        "officers": [o.name for o in p.officers.all()] if p.recorded_on and with_officers else [],
        "certificates_shown": p.certificates_shown,
        "findings": p.findings,
        "recorded_on": p.recorded_on,
        "case_id": p.case_id,
        "inspection_id": p.inspection_id,
    }


def joint(j, *, with_officers: bool = True) -> dict:
    """A joint inspection and its one record: each agency's part (in a list, without the officers:
    the record's own page names them)."""
    return {
        "id": j.pk,
        "lead_id": j.lead_id,
        "lead": j.lead.name,
        "party_id": j.party_id,
        "party": j.party.name,
        "on": j.on,
        "place": j.place,
        "note": j.note,
        "invited": [a.name for a in j.invited.all()],
        "parts": [plan(p, with_officers=with_officers) for p in j.parts.all()],
    }


def cap_approval(a) -> dict:
    return {
        "id": a.pk,
        "agency": a.agency.name,
        "party_id": a.party_id,
        "party": a.party.name,
        "year": a.year,
        "reasons": a.reasons,
        "document_number": a.document_number,
        "approved_by": a.approved_by.display_name or a.approved_by.username,
        "approved_on": a.approved_on,
        "used_by_plan_id": getattr(getattr(a, "plan", None), "pk", None),
    }


def beyond_cap(r) -> dict:
    return {
        "agency_id": r.agency.pk,
        "agency": r.agency.name,
        "party_id": r.party.pk,
        "party": r.party.name,
        "year": r.year,
        "count": r.count,
        "cap": r.cap,
        "approvals": r.approvals,
        "unapproved": r.unapproved,
    }
