"""Facts about a case that acts, pages and the API all read: who investigates it, its
latest report, its current notice and the waiver against it, the points of defence still
to be reviewed, the last legal review.

Reads only (no writes, no rules). The services gather these facts for the rules they
check; selectors, presenters, views and forms show them. Payment obligations are in
:mod:`zhifa.cases.obligations`.
"""

from __future__ import annotations

from datetime import date

from zhifa.cases.models import Case, DefencePoint, Evidence, LegalReview, Notice, PenaltyTerms, Recusal, Report, Waiver
from zhifa.core.models import AuditEvent
from zhifa.people.models import Officer


def live_investigators(case: Case, on: date) -> list[Officer]:
    """The officers assigned to investigate ``case`` and not withdrawn on ``on``."""
    return [co.officer for co in case.officers.select_related("officer").all() if co.live_on(on)]


def live_investigator_ids(case: Case, on: date) -> set[int]:
    return {o.pk for o in live_investigators(case, on)}


def all_investigator_ids(case: Case) -> set[int]:
    """Everyone ever assigned to investigate the case (a recused investigator still investigated)."""
    return set(case.officers.values_list("officer_id", flat=True))


def investigator_user_ids(case: Case) -> set[int]:
    """The users who investigated ``case`` (D3.3): everyone ever assigned to it as 承办人员 and
    everyone named on one of its inspection or inquiry records, whoever entered the record.
    (Who acted in the investigation stage is in ``case.participations``.)"""
    assigned = Officer.objects.filter(case_roles__case=case, user__isnull=False).values_list("user_id", flat=True)
    named = Officer.objects.filter(inspections__case=case, user__isnull=False).values_list("user_id", flat=True)
    return set(assigned) | set(named)


def registered_sha256(evidence: Evidence) -> str | None:
    """The SHA-256 the audit log recorded when ``evidence`` was registered (None if no record)."""
    event = (
        AuditEvent.objects.filter(object_type="cases.case", object_id=str(evidence.case_id), act="case.evidence_add")
        .filter(changes__evidence=evidence.pk)
        .order_by("seq")
        .first()
    )
    return (event.changes or {}).get("sha256") if event is not None else None


def granted_recusals(case: Case, officer: Officer) -> list[Recusal]:
    return [r for r in case.recusals.all() if r.officer_id == officer.pk and r.granted]


def prefetched(case: Case, relation: str) -> list | None:
    """The records of ``relation`` when a list read them with ``prefetch_related`` (so that a
    row costs no query), else None."""
    return getattr(case, "_prefetched_objects_cache", {}).get(relation)


def created(case: Case) -> Case:
    """Mark ``case``, inserted by the act under way, as having no records yet: its relations
    then read as empty without a query (the answer to registering a clue shows the new case
    without reading its twenty kinds of records back)."""
    for rel in Case._meta.related_objects:
        if rel.one_to_one:
            rel.set_cached_value(case, None)
        elif case.pk is not None:
            case.__dict__.setdefault("_prefetched_objects_cache", {})[rel.cache_name] = getattr(
                case, rel.get_accessor_name()
            ).none()
    return case


def latest_report(case: Case) -> Report | None:
    reports = prefetched(case, "reports")
    if reports is not None:
        return max(reports, key=lambda r: (r.submitted_on, r.pk), default=None)
    return case.reports.order_by("-submitted_on", "-pk").first()


def current_notice(case: Case) -> Notice | None:
    notices = prefetched(case, "notices")
    if notices is not None:
        return max((n for n in notices if not n.superseded), key=lambda n: (n.issued_on, n.pk), default=None)
    return case.notices.filter(superseded=False).order_by("-issued_on", "-pk").first()


def waiver_for(notice: Notice | None) -> Waiver | None:
    if notice is None:
        return None
    return notice.waivers.order_by("-on", "-pk").first()


def unreviewed_points(case: Case) -> list[DefencePoint]:
    return list(
        DefencePoint.objects.filter(defence__case=case, adopted__isnull=True).order_by("defence__received_on", "number")
    )


def last_legal_review(case: Case) -> LegalReview | None:
    """The most recent legal review that has been carried out (its result may be passed or returned)."""
    return case.legal_reviews.filter(reviewer__isnull=False).order_by("-reviewed_on", "-pk").first()


def pending_legal_review(case: Case) -> LegalReview | None:
    """The legal review waiting for a reviewer."""
    return case.legal_reviews.filter(reviewer__isnull=True).order_by("-submitted_on", "-pk").first()


def terms_of(record: PenaltyTerms | None) -> dict:
    """The penalty terms a report, notice or decision states (all empty when there is none)."""
    return record.terms() if record is not None else dict.fromkeys(PenaltyTerms.TERM_FIELDS)
