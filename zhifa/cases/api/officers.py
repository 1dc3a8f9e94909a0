"""Operations assigning officers and on recusal (services/officers.py)."""

from __future__ import annotations

from ninja import Status
from pydantic import Field

from zhifa.cases import services
from zhifa.cases.api import references as ref
from zhifa.cases.api.routing import ACT_ERRORS, case_of, detail_of, router
from zhifa.cases.api.schemas import ActIn, ApplicantChoice, CaseDetail, DatedIn
from zhifa.cases.inputs import named_as_input
from zhifa.core.errors import not_found


class AssignIn(ActIn):
    officer_id: int = Field(..., description="执法人员编号（本机关持证人员）")
    lead: bool = Field(False, description="担任主办人")


@router.post("{int:pk}/officers", response={200: CaseDetail, **ACT_ERRORS}, summary="指派承办人员")
def officer_assign(request, pk: int, payload: AssignIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(officer="officer_id", officers="officer_id"):
        services.officer_assign(
            actor=request.auth, case=case, officer=ref.officer(case, d.pop("officer_id"), "officer_id"), **d
        )
    return detail_of(request, case)


class RecusalIn(DatedIn):
    officer_id: int = Field(..., description="申请回避的执法人员编号（本案承办人员）")
    applicant: ApplicantChoice = Field(
        ..., description="申请方式：party 当事人申请，officer 本人申请，agency 机关依职权"
    )
    grounds: str = Field(..., description="回避理由")


@router.post("{int:pk}/recusals", response={201: CaseDetail, **ACT_ERRORS}, summary="登记回避申请（D3.7）")
def recusal_apply(request, pk: int, payload: RecusalIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(officer="officer_id", officers="officer_id"):
        services.recusal_apply(
            actor=request.auth, case=case, officer=ref.officer(case, d.pop("officer_id"), "officer_id"), **d
        )
    return Status(201, detail_of(request, case))


class RecusalDecisionIn(DatedIn):
    granted: bool = Field(..., description="true 决定回避，false 不予回避")
    reason: str = Field("", description="理由（不予回避的须写明）")


@router.post(
    "{int:pk}/recusals/{int:rid}/decision",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="决定是否回避（机关负责人）",
)
def recusal_decide(request, pk: int, rid: int, payload: RecusalDecisionIn):
    case = case_of(request, pk)
    recusal = case.recusals.filter(pk=rid).first()
    if recusal is None:
        raise not_found("回避申请")
    services.recusal_decide(actor=request.auth, case=case, recusal=recusal, **payload.dict())
    return detail_of(request, case)
