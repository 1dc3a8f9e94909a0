"""Facts about cooperation records that the acts, pages and API read (pure, no writes)."""

from __future__ import annotations

from datetime import date

from zhifa.cases.models import Case, Inspection
from zhifa.cases.visits import CapStanding
from zhifa.cooperation import periods
from zhifa.cooperation.models import AssistanceRequest, InspectionCapApproval, InspectionPlan
from zhifa.org.models import Agency


def procedure_gaps(request: AssistanceRequest, case_filed: bool) -> list[str]:
    """What a request for assistance lacks to be "手续完备、程序合法" (D4.4b): the
    requesting agency's seal, the legal basis, for a coercive measure the head's approval
    document, and for help with an investigation a case the requester has filed."""
    gaps = []
    if not request.letter_sealed:
        gaps.append("协助函未加盖请求机关印章")
    if not request.legal_basis.strip():
        gaps.append("未写明法律依据")
    if request.kind == AssistanceRequest.Kind.SEIZURE and not request.approval_document.strip():
        gaps.append("未附机关负责人批准采取强制措施的文书")
    if request.kind == AssistanceRequest.Kind.INVESTIGATION and not case_filed:
        gaps.append("请求协助调查的案件尚未立案")
    return gaps


# --- One visit instead of many (D2.1) -------------------------------------------------------------


def visits_in_year(agency_id: int, party_id: int, year: int, *, exclude_plan: int | None = None) -> int:
    """The agency's on-site inspections of the party in ``year``: those recorded in its cases
    (现场检查笔录) and those planned here that no case inspection records yet (a plan linked to
    its case's inspection is counted once, as that inspection). Two queries."""
    recorded = Inspection.objects.filter(
        kind=Inspection.Kind.INSPECTION, case__agency_id=agency_id, case__party_id=party_id, on__year=year
    ).count()
    planned = InspectionPlan.objects.filter(
        agency_id=agency_id, party_id=party_id, on__year=year, inspection__isnull=True
    )
    if exclude_plan is not None:
        planned = planned.exclude(pk=exclude_plan)
    return recorded + planned.count()


def case_inspection_cap(case: Case, on: date) -> CapStanding | None:
    """What ``cases.visits.INSPECTION_CAP`` asks (registered in ``CooperationConfig.ready``): the
    agency's on-site inspections of the case's party that year before the one being recorded in
    the case, the published cap and the head's written approvals beyond it (D2.1). None when the
    inspection was planned here for that day (the plan was counted and checked against the cap
    when it was made; recording it in the case is the same visit)."""
    if case.party_id is None:
        return None
    if InspectionPlan.objects.filter(
        agency_id=case.agency_id, party_id=case.party_id, on=on, inspection__isnull=True
    ).exists():
        return None
    # one count at a time per agency (as for a plan), so two officers cannot both take the last place
    Agency.objects.select_for_update().filter(pk=case.agency_id).first()
    cap = periods.annual_inspection_cap(on)
    if cap is None:
        return CapStanding(0, None, 0)
    approvals = InspectionCapApproval.objects.filter(
        agency_id=case.agency_id, party_id=case.party_id, year=on.year
    ).count()
    return CapStanding(visits_in_year(case.agency_id, case.party_id, on.year), cap, approvals)
