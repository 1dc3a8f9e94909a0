"""A case as the API shows it to staff: its state, deadline, next act, warnings, the acts
the person may attempt, and its records. Relatives are shown to staff with the case but
never published (D5.6); nothing here sums fines (D2.3)."""

from __future__ import annotations

from datetime import date

from zhifa.accounts.models import User
from zhifa.cases import checklist, periods, selectors
from zhifa.cases.facts import current_notice
from zhifa.cases.models import Case, PenaltyTerms
from zhifa.cases.obligations import obligation
from zhifa.cases.transitions import available
from zhifa.core import clock
from zhifa.parties.models import Party


def _deadline(d: periods.Deadline | None) -> dict | None:
    if d is None:
        return None
    return {
        "label": d.label,
        "due": d.due,
        "level": d.level,
        "level_label": d.level_label,
        "working_days_left": d.working_days_left,
        "provisional": d.provisional,
        "reason": d.reason,
    }


def _party(party: Party | None) -> dict | None:
    """A party, the same shape wherever a case names it (a row or the detail)."""
    return {"id": party.pk, "name": party.name, "kind": party.kind} if party is not None else None


def _terms(t: PenaltyTerms) -> dict:
    return dict(t.terms().items()) | {"text": t.penalty_text}


def case_row(case: Case, on: date) -> dict:
    decision = getattr(case, "decision", None)
    return {
        "id": case.pk,
        "number": case.number,
        "filing_number": case.filing_number,
        "decision_number": decision.number if decision else "",
        "status": case.status,
        "status_label": case.get_status_display(),
        "procedure": case.procedure,
        "agency": case.agency.name,
        "party": _party(case.party),
        "violation": case.violation_item.name if case.violation_item else "",
        "received_on": case.received_on,
        "filed_on": case.filed_on,
        "deadline": _deadline(selectors.deadline_of(case, on)),
        "version": case.version,
    }


def case_detail(case: Case, user: User, on: date | None = None) -> dict:
    on = on or clock.today()
    data = case_row(case, on)
    decision = getattr(case, "decision", None)
    notice = current_notice(case)
    data.update(
        {
            "source": case.source,
            "source_reference": case.source_reference,
            "summary": case.summary,
            "violation_item": (
                {"id": case.violation_item.pk, "code": case.violation_item.code, "name": case.violation_item.name}
                if case.violation_item
                else None
            ),
            "place": case.place.name if case.place else "",
            "act_date": case.act_date,
            "in_name_of": case.in_name_of.name if case.in_name_of else "",
            "power": str(case.power) if case.power else "",
            "decision_due_on": case.decision_due_on,
            "lead_officer": case.lead_officer.name if case.lead_officer else "",
            "next": selectors.next_of(case),
            "warnings": selectors.warnings_of(case, on),
            "acts": [{"name": t.name, "label": t.label} for t in available(case.status, user.role)],
            "flags": {
                "major_public_interest": case.major_public_interest,
                "complex_case": case.complex_case,
                "law_requires_review": case.law_requires_review,
                "major_violation": case.major_violation,
            },
            "officers": [
                {
                    "id": co.officer_id,
                    "name": co.officer.name,
                    "lead": co.lead,
                    "assigned_on": co.assigned_on,
                    "ended_on": co.ended_on,
                }
                for co in case.officers.select_related("officer")
            ],
            "recusals": [
                {
                    "id": r.pk,
                    "officer_id": r.officer_id,
                    "officer": r.officer.name,
                    "applicant": r.applicant,
                    "grounds": r.grounds,
                    "applied_on": r.applied_on,
                    "granted": r.granted,
                    "decided_on": r.decided_on,
                }
                for r in case.recusals.select_related("officer")
            ],
            "inspections": [
                {
                    "id": i.pk,
                    "kind": i.kind,
                    "on": i.on,
                    "place": i.place,
                    "subject": i.subject,
                    "officers": [o.name for o in i.officers.all()],
                    "certificates_shown": i.certificates_shown,
                }
                for i in case.inspections.prefetch_related("officers")
            ],
            "evidence": [
                {
                    "id": e.pk,
                    "number": e.number,
                    "kind": e.kind,
                    "kind_label": e.get_kind_display(),
                    "title": e.title,
                    "sha256": e.sha256,
                    "size": e.size,
                    "collected_on": e.collected_on,
                    "custody": [{"on": c.on, "action": c.action, "holder": c.holder} for c in e.custody.all()],
                }
                for e in case.evidence.prefetch_related("custody")
            ],
            "preservations": [
                {
                    "id": p.pk,
                    "evidence_id": p.evidence_id,
                    "on": p.on,
                    "approved_by": str(p.approved_by),
                    "approved_on": p.approved_on,
                    "decide_by": p.decide_by,
                    "decided_on": p.decided_on,
                    "decision": p.decision,
                }
                for p in case.preservations.select_related("approved_by")
            ],
            "relatives": [
                {"id": r.pk, "name": r.name, "relation": r.relation, "age_group": r.age_group}
                for r in case.relatives.all()
            ],
            "reports": [
                {
                    "id": r.pk,
                    "submitted_on": r.submitted_on,
                    "outcome": r.outcome,
                    "terms": _terms(r),
                    "discretion": r.discretion,
                }
                for r in case.reports.all()
            ],
            "notice": (
                {
                    "id": notice.pk,
                    "number": notice.number,
                    "issued_on": notice.issued_on,
                    "served_on": notice.served_on,
                    "terms": _terms(notice),
                    "states_hearing_right": notice.states_hearing_right,
                }
                if notice
                else None
            ),
            "defences": [
                {
                    "id": d.pk,
                    "received_on": d.received_on,
                    "form": d.form,
                    "made_by": d.made_by,
                    "points": [
                        {
                            "id": p.pk,
                            "number": p.number,
                            "kind": p.kind,
                            "text": p.text,
                            "adopted": p.adopted,
                            "review_reason": p.review_reason,
                        }
                        for p in d.points.all()
                    ],
                }
                for d in case.defences.prefetch_related("points")
            ],
            "hearings": [
                {
                    "id": h.pk,
                    "requested_on": h.requested_on,
                    "chair": h.chair.name if h.chair else "",
                    "scheduled_at": h.scheduled_at,
                    "place": h.place,
                    "notified_on": h.notified_on,
                    "held_on": h.held_on,
                    "withdrawn_on": h.withdrawn_on,
                }
                for h in case.hearings.select_related("chair")
            ],
            "legal_reviews": [
                {
                    "id": r.pk,
                    "submitted_on": r.submitted_on,
                    "grounds": r.grounds,
                    "result": r.result,
                    "opinion": r.opinion,
                    "reviewed_on": r.reviewed_on,
                }
                for r in case.legal_reviews.all()
            ],
            "extensions": [
                {"approved_on": x.approved_on, "days": x.days, "new_due_on": x.new_due_on}
                for x in case.extensions.all()
            ],
            "decision": (
                {
                    "id": decision.pk,
                    "number": decision.number,
                    "outcome": decision.outcome,
                    "decided_on": decision.decided_on,
                    "served_on": decision.served_on,
                    "terms": _terms(decision),
                    "defence_answers": decision.defence_answers,
                    "discretion_explanation": decision.discretion_explanation,
                    "remedies": decision.remedies,
                }
                if decision
                else None
            ),
            "obligation": None,
            "payments": [
                {
                    "id": p.pk,
                    "paid_on": p.paid_on,
                    "amount": p.amount,
                    "method": p.method,
                    "receipt_number": p.receipt_number,
                    "handed_over_on": p.handed_over_on,
                }
                for p in case.payments.all()
            ],
            "reminders": [
                {"id": r.pk, "served_on": r.served_on, "method": r.method, "performance_due_on": r.performance_due_on}
                for r in case.reminders.all()
            ],
            "enforcements": [
                {"id": e.pk, "kind": e.kind, "on": e.on, "court": e.court, "result": e.result, "result_on": e.result_on}
                for e in case.enforcements.all()
            ],
            "backdated": [
                {
                    "act": b.act,
                    "label": b.label,
                    "on": b.on,
                    "entered_at": b.entered_at,
                    "deadline": b.deadline,
                    "due": b.due,
                    "reason": b.reason,
                }
                for b in case.backdated_acts.all()
            ],
            "followups": [
                {"id": f.pk, "on": f.on, "method": f.method, "findings": f.findings} for f in case.followups.all()
            ],
            "transfer_out": None,
            "transfer_in": None,
            "checklist": [
                {"key": i.key, "label": i.label, "present": i.present, "required": i.required}
                for i in checklist.items(case)
            ],
            "file": (
                {
                    "archive_number": case.file.archive_number,
                    "digest": case.file.digest,
                    "archived_on": case.file.archived_on,
                }
                if hasattr(case, "file")
                else None
            ),
        }
    )
    if decision and decision.money_total:
        owed = obligation(case, on)
        data["obligation"] = {
            "principal": owed.principal,
            "late_fee": owed.late_fee,
            "paid": owed.paid,
            "outstanding": owed.outstanding,
            "next_due": owed.next_due,
        }
    if hasattr(case, "transfer_out"):
        t = case.transfer_out
        data["transfer_out"] = {
            "letter_number": t.letter_number,
            "to_agency": t.to_agency.name,
            "sent_on": t.sent_on,
            "answered_on": t.answered_on,
            "answer": t.answer,
        }
    if hasattr(case, "transfer_in"):
        t = case.transfer_in
        data["transfer_in"] = {
            "letter_number": t.letter_number,
            "from_agency": t.case.acting_agency.name,
            "answered_on": t.answered_on,
        }
    return data
