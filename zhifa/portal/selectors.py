"""Reads of publications: the public register (no login) and the agencies' and
oversight's scoped lists, with the late ones (D5.6, D1.4)."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Prefetch, Q, QuerySet

from zhifa.accounts import access
from zhifa.cases import obligations, periods
from zhifa.cases.facts import current_notice
from zhifa.cases.models import Case, Decision, Inspection
from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, not_found
from zhifa.core.references import get_or_not_found
from zhifa.credit import facts as credit_facts
from zhifa.credit import selectors as credit_selectors
from zhifa.documents.kinds import FOR_THE_PARTY
from zhifa.documents.models import Profile
from zhifa.documents.selectors import case_documents
from zhifa.portal.models import (
    AccessCode,
    LicensingHearing,
    Publication,
    ServiceCard,
    ServiceConsent,
    ServiceGuide,
    StakeholderOpinion,
    Submission,
    Visit,
)

S = Publication.Status
PUBLIC = (S.PUBLISHED, S.WITHDRAWN)


def published_list() -> QuerySet[Publication]:
    """What the public sees: the decisions now published, newest first."""
    return (
        Publication.objects.filter(status=S.PUBLISHED).select_related("republication").order_by("-published_on", "-pk")
    )


def withdrawn_list() -> QuerySet[Publication]:
    """The public withdrawal notices (撤回并公开说明理由)."""
    return (
        Publication.objects.filter(status=S.WITHDRAWN).select_related("republication").order_by("-withdrawn_on", "-pk")
    )


def public_get(pk: int) -> Publication:
    """A published decision, or the notice of its withdrawal; anything else is "not found"."""
    return get_or_not_found(
        Publication.objects.filter(status__in=PUBLIC).select_related("previous", "republication"),
        "公开的执法决定",
        pk=pk,
    )


def public_republication(pub: Publication) -> Publication | None:
    """The publication of the changed decision that replaced ``pub``, when the public may see it."""
    new = getattr(pub, "republication", None) if pub.pk else None
    return new if new is not None and new.status in PUBLIC else None


def publication_list(user) -> QuerySet[Publication]:
    return access.scope(Publication.objects.select_related("agency", "republication"), user, "agency").order_by(
        "-written_on", "-pk"
    )


def publication_get(user, pk: int) -> Publication:
    return get_or_not_found(publication_list(user), "执法决定公开信息", pk=pk)


def _late_q(today: date) -> Q:
    published_late = Q(published_on__isnull=False, published_on__gt=F("due_on"))
    pending_late = Q(status=S.PENDING, due_on__lt=today)
    withdrawn_late = Q(withdrawn_on__isnull=False, withdrawn_on__gt=F("withdrawal_due_on"))
    withdrawal_overdue = Q(status=S.PUBLISHED, withdrawal_due_on__lt=today)
    return published_late | pending_late | withdrawn_late | withdrawal_overdue


def late_publications(user, *, on: date | None = None) -> QuerySet[Publication]:
    """Publications published or withdrawn after their last day, or still overdue, within ``user``'s scope:
    what oversight follows up (D1.4: overdue matters surface)."""
    return publication_list(user).filter(_late_q(on or clock.today()))


def decision_by_number(user, number: str):
    """A decision of ``user``'s scope by its 文号, for registering its publication."""
    qs = access.scope(Decision.objects.select_related("case"), user, "case__agency")
    return get_or_not_found(qs, "决定书", number=number.strip())


def decision_to_publish(user, number: str):
    """The decision an agency registers for publication, named by its 文号 on the form: a number
    outside ``user``'s scope (or none) is a refusal at the field, not a missing page."""
    try:
        return decision_by_number(user, number)
    except DomainError as e:
        if e.code != ErrorCode.NOT_FOUND:
            raise
        raise DomainError.of(ErrorCode.INVALID, "本机关没有该文号的决定书，请核对文号。", field="number") from None


def decision_get(user, pk: int):
    """A decision of ``user``'s scope by its id."""
    qs = access.scope(Decision.objects.select_related("case"), user, "case__agency")
    return get_or_not_found(qs, "决定书", pk=pk)


# --- the party's own pages ---------------------------------------------------------------


def party_cases(party) -> QuerySet[Case]:
    """The party's filed cases (a clue is not yet the party's business)."""
    return (
        Case.objects.filter(party=party, filed_on__isnull=False)
        .select_related("agency", "in_name_of", "violation_item", "decision")
        .order_by("-filed_on", "-pk")
    )


def party_case_get(party, pk: int) -> Case:
    return get_or_not_found(party_cases(party), "案件", pk=pk)


def case_access(case) -> dict:
    """The case page's card on the party's online access: whether a code may be issued (the first notice
    served), and the party's live code (when, by whom, last login, locked) — never the code itself, of
    which only the hash is kept."""
    notice = current_notice(case)
    served = bool(case.party_id and notice is not None and notice.served_on)
    live = (
        AccessCode.objects.filter(party_id=case.party_id, revoked_on__isnull=True)
        .select_related("issued_by", "case")
        .first()
        if case.party_id
        else None
    )
    issued = AccessCode.objects.filter(case=case).count()
    locked = bool(live and live.locked_until and live.locked_until > clock.now())
    return {"may_issue": served, "live": live, "locked": locked, "issued": issued, "notice": notice}


def party_access_get(pk: int | None) -> AccessCode | None:
    """The live access code a party's session names (None when revoked or missing)."""
    if not pk:
        return None
    return AccessCode.objects.filter(pk=pk, revoked_on__isnull=True).select_related("party").first()


def party_case_view(case: Case, today: date) -> dict:
    """What the party's case page shows: the notice and its periods, the decision, what is owed
    and how to pay, and what the party has submitted."""
    notice = current_notice(case)
    decision = getattr(case, "decision", None)
    view = {
        "notice": notice,
        "defence_due": periods.defence_due(notice.served_on) if notice and notice.served_on else None,
        "hearing_due": periods.hearing_request_due(notice.served_on)
        if notice and notice.served_on and notice.states_hearing_right
        else None,
        "decision": decision,
        "obligation": None,
        "payment_due": None,
        "plan": None,
        "submissions": list(Submission.objects.filter(case=case).order_by("-submitted_at")),
        "followups": list(case.followups.all()),
        "documents": party_documents(case),
    }
    if decision is not None and decision.served_on and decision.money_total:
        view["obligation"] = obligations.obligation(case, today)
        view["payment_due"] = periods.payment_due(decision.served_on)
        plan = obligations.current_plan(case)
        view["plan"] = plan
        view["instalments"] = list(plan.instalments.all()) if plan else []
    return view


def party_submissions(case) -> QuerySet[Submission]:
    return Submission.objects.filter(case=case).order_by("-submitted_at", "-pk")


def party_documents(case) -> list:
    """The documents of the party's case that the party holds (``documents.kinds.FOR_THE_PARTY``:
    notices, decisions, reminders…; every version, the superseded ones marked). The agency's
    internal forms and records (approvals, the legal review, the discussion) are not the party's."""
    return [d for d in case_documents(case) if d.kind in FOR_THE_PARTY]


def party_document_get(party, case_pk: int, pk: int):
    """One document the party holds, of one of its own cases; "not found" otherwise."""
    case = party_case_get(party, case_pk)
    for document in party_documents(case):
        if document.pk == pk:
            return document
    raise not_found("执法文书")


def payment_channel(case):
    """The agency's registered payment channel (bank, account name, account) for the party's payment."""
    return Profile.objects.filter(agency_id=case.agency_id).first()


def party_visit_get(party, token: str) -> Visit:
    """A scanned visit the party may rate: one linked to an inspection of the party's own case, or not yet linked
    (the rating then says it must wait); a visit filed against another party's case is "not found"."""
    visit = get_or_not_found(Visit.objects.select_related("inspection__case"), "扫码检查记录", token=token or "")
    if visit.inspection_id and visit.inspection.case.party_id != party.pk:
        raise not_found("扫码检查记录")
    return visit


def party_credit(party, today: date) -> dict:
    """The party's own credit rating, line by line, and its objections with the answers."""
    return {"rating": credit_facts.rating(party, today), "objections": list(credit_selectors.objections_of(party))}


def live_consent(party) -> ServiceConsent | None:
    return ServiceConsent.objects.filter(party=party, withdrawn_on__isnull=True).first()


# --- what the agencies receive ------------------------------------------------------------


def submission_list(user) -> QuerySet[Submission]:
    return access.scope(Submission.objects.select_related("party", "case", "agency"), user, "agency")


def submission_get(user, pk: int) -> Submission:
    return get_or_not_found(submission_list(user), "当事人在线提交", pk=pk)


def opinion_list(user) -> QuerySet[StakeholderOpinion]:
    return access.scope(StakeholderOpinion.objects.select_related("publication", "agency"), user, "agency")


def opinion_get(user, pk: int) -> StakeholderOpinion:
    return get_or_not_found(opinion_list(user), "利害关系人、受害人意见", pk=pk)


def visit_by_token(token: str) -> Visit:
    return get_or_not_found(
        Visit.objects.select_related("officer", "agency", "certificate"), "扫码检查记录", token=token or ""
    )


# --- service cards and guides (public) -------------------------------------------------------


def service_cards() -> QuerySet[ServiceCard]:
    return ServiceCard.objects.select_related("agency").order_by("agency__name")


def service_card_get(agency_id: int) -> ServiceCard:
    return get_or_not_found(service_cards(), "执法服务卡", agency_id=agency_id)


def guides() -> QuerySet[ServiceGuide]:
    return (
        ServiceGuide.objects.filter(withdrawn_on__isnull=True)
        .select_related("agency")
        .order_by("agency__name", "title")
    )


def guide_get(pk: int) -> ServiceGuide:
    return get_or_not_found(guides(), "办事指南", pk=pk)


def service_cards_with_guides() -> QuerySet[ServiceCard]:
    """The cards with each agency's live guides in one more query (the public list)."""
    live = Prefetch(
        "agency__service_guides",
        queryset=ServiceGuide.objects.filter(withdrawn_on__isnull=True).order_by("title"),
        to_attr="guides_live",
    )
    return service_cards().prefetch_related(live)


def licensing_hearings() -> QuerySet[LicensingHearing]:
    """Announced licensing hearings (public), the next first."""
    return LicensingHearing.objects.select_related("agency", "guide").order_by("-scheduled_on", "-pk")


def licensing_hearing_get(pk: int) -> LicensingHearing:
    return get_or_not_found(licensing_hearings(), "行政许可听证", pk=pk)


def visit_list(user) -> QuerySet[Visit]:
    return access.scope(
        Visit.objects.select_related("officer", "certificate", "inspection__case"), user, "agency"
    ).order_by("-started_at", "-pk")


def visit_get(user, pk: int) -> Visit:
    return get_or_not_found(visit_list(user), "扫码检查记录", pk=pk)


def inspection_get(user, pk: int):
    """An inspection of a case within ``user``'s scope (to link a scan to)."""
    qs = access.scope(Inspection.objects.select_related("case"), user, "case__agency")
    return get_or_not_found(qs, "检查记录", pk=pk)
