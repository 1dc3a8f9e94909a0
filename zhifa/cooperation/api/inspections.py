"""One visit instead of many (D2.1; 国办发〔2024〕54号): planned inspections against the annual
cap, the head's written approval beyond it, joint inspections (综合查一次) and the alert."""

# No `from __future__ import annotations`: query schemas are resolved from the annotations.

from ninja import Field, Query, Schema, Status

from zhifa.cases import selectors as case_selectors
from zhifa.cases.api import references as ref
from zhifa.cases.inputs import named_as_input
from zhifa.cases.models import Inspection
from zhifa.cooperation import presenters, selectors, services
from zhifa.cooperation.api.routing import ACT_ERRORS, LIST_ERRORS, READ_ERRORS, Page, paged, router
from zhifa.cooperation.api.schemas import (
    CooperationBeyondCapOut,
    CooperationCapApprovalIn,
    CooperationCapApprovalOut,
    CooperationJoinIn,
    CooperationJointIn,
    CooperationJointOut,
    CooperationJointRecordIn,
    CooperationPlanIn,
    CooperationPlanLinkIn,
    CooperationPlanOut,
)
from zhifa.core.references import get_or_not_found, reference, references
from zhifa.org.models import Agency
from zhifa.people.models import Officer


class CooperationPlanList(Schema):
    count: int = Field(..., description="条数")
    items: list[CooperationPlanOut] = Field(..., description="本机关计划的现场检查")


class CooperationJointList(Schema):
    count: int = Field(..., description="条数")
    items: list[CooperationJointOut] = Field(..., description="综合查一次（各机关的检查人员见单条记录）")


class CooperationCapApprovalList(Schema):
    count: int = Field(..., description="条数")
    items: list[CooperationCapApprovalOut] = Field(..., description="超出年度频次上限检查的书面批准")


class CooperationBeyondCapList(Schema):
    count: int = Field(..., description="条数")
    items: list[CooperationBeyondCapOut] = Field(..., description="超出年度频次上限而没有书面批准的现场检查")


class CooperationYear(Schema):
    year: int | None = Field(None, ge=2000, le=2100, description="年度，默认本年度")


def _plan(request, pk: int) -> dict:
    return presenters.plan(selectors.plan_get(request.auth, pk))


def _joint(request, pk: int) -> dict:
    return presenters.joint(selectors.joint_get(request.auth, pk))


@router.get("inspections/plans", response={200: CooperationPlanList, **LIST_ERRORS}, summary="本机关计划的现场检查")
def plan_list(request, page: Query[Page]):
    return paged(selectors.plan_list(request.auth), page, presenters.plan)


@router.get("inspections/plans/{int:pk}", response={200: CooperationPlanOut, **READ_ERRORS}, summary="现场检查计划")
def plan_get(request, pk: int):
    return _plan(request, pk)


@router.post(
    "inspections/plans",
    response={201: CooperationPlanOut, **ACT_ERRORS},
    summary="计划现场检查：核对年度检查频次上限（D2.1，国办发〔2024〕54号）",
)
def inspection_plan(request, payload: CooperationPlanIn):
    d = payload.dict()
    party = ref.party(request, d.pop("party_id"))
    plan = services.inspection_plan(actor=request.auth, party=party, **d)
    return Status(201, _plan(request, plan.pk))


@router.post(
    "inspections/plans/{int:pk}/joint",
    response={201: CooperationJointOut, **ACT_ERRORS},
    summary="把计划的检查转为综合查一次（D2.1）",
)
def joint_inspection_create(request, pk: int, payload: CooperationJointIn):
    plan = selectors.plan_get(request.auth, pk)
    invited = references(Agency.objects.all(), payload.invited_ids, "invited_ids")
    joint = services.joint_inspection_create(actor=request.auth, plan=plan, invited=invited, note=payload.note)
    return Status(201, _joint(request, joint.pk))


@router.post(
    "inspections/plans/{int:pk}/case",
    response={200: CooperationPlanOut, **ACT_ERRORS},
    summary="检查链接本机关据此办理的案件及其现场检查笔录",
)
def inspection_plan_link(request, pk: int, payload: CooperationPlanLinkIn):
    plan = selectors.plan_get(request.auth, pk)
    case = reference(case_selectors.case_get, payload.case_id, "case_id", request.auth)
    inspection = None
    if payload.inspection_id is not None:
        inspection = reference(
            lambda i: get_or_not_found(Inspection.objects.filter(case=case), "检查笔录", pk=i),
            payload.inspection_id,
            "inspection_id",
        )
    services.inspection_plan_link(actor=request.auth, plan=plan, case=case, inspection=inspection)
    return _plan(request, pk)


@router.get("inspections/joint", response={200: CooperationJointList, **LIST_ERRORS}, summary="综合查一次")
def joint_list(request, page: Query[Page]):
    return paged(selectors.joint_list(request.auth), page, lambda j: presenters.joint(j, with_officers=False))


@router.get(
    "inspections/joint/{int:pk}", response={200: CooperationJointOut, **READ_ERRORS}, summary="综合查一次及共同记录"
)
def joint_get(request, pk: int):
    return _joint(request, pk)


@router.post(
    "inspections/joint/{int:pk}/join",
    response={201: CooperationPlanOut, **ACT_ERRORS},
    summary="受邀机关加入综合查一次（D2.1）",
)
def joint_inspection_join(request, pk: int, payload: CooperationJoinIn):
    joint = selectors.joint_get(request.auth, pk)
    part = services.joint_inspection_join(actor=request.auth, joint=joint, items=payload.items)
    return Status(201, presenters.plan(part))


@router.post(
    "inspections/joint/{int:pk}/record",
    response={200: CooperationJointOut, **ACT_ERRORS},
    summary="在共同记录中记录本机关的检查情况（D3.8：不少于两名持证执法人员）",
)
def joint_part_record(request, pk: int, payload: CooperationJointRecordIn):
    joint = selectors.joint_get(request.auth, pk)
    d = payload.dict()
    officers = references(Officer.objects.all(), d.pop("officer_ids"), "officer_ids")
    with named_as_input(officers="officer_ids"):  # the refusal names the body's field
        services.joint_part_record(actor=request.auth, joint=joint, officers=officers, **d)
    return _joint(request, pk)


@router.get(
    "inspections/approvals",
    response={200: CooperationCapApprovalList, **LIST_ERRORS},
    summary="超出年度频次上限检查的书面批准",
)
def cap_approval_list(request, page: Query[Page]):
    return paged(selectors.cap_approval_list(request.auth), page, presenters.cap_approval)


@router.post(
    "inspections/approvals",
    response={201: CooperationCapApprovalOut, **ACT_ERRORS},
    summary="机关负责人书面批准超出年度频次上限的检查（D2.1，国办发〔2024〕54号）",
)
def inspection_cap_approve(request, payload: CooperationCapApprovalIn):
    d = payload.dict()
    party = ref.party(request, d.pop("party_id"))
    approval = services.inspection_cap_approve(actor=request.auth, party=party, **d)
    return Status(201, presenters.cap_approval(selectors.cap_approval_list(request.auth).get(pk=approval.pk)))


@router.get(
    "inspections/beyond-cap",
    response={200: CooperationBeyondCapList, **LIST_ERRORS},
    summary="超出年度频次上限而没有书面批准的现场检查（D2.1）",
)
def inspections_beyond_cap(request, query: Query[CooperationYear]):
    rows = selectors.inspections_beyond_cap(request.auth, query.year)
    return {"count": len(rows), "items": [presenters.beyond_cap(r) for r in rows]}
