"""Operations after execution: follow-up, closing, archive (services/closing.py)."""

from __future__ import annotations

from ninja import Status
from pydantic import Field

from zhifa.cases import services
from zhifa.cases.api.routing import ACT_ERRORS, case_of, detail_of, router
from zhifa.cases.api.schemas import ActIn, CaseDetail, DatedIn, FollowUpMethodChoice, RetentionChoice
from zhifa.cases.models import CaseFile


class FollowUpIn(DatedIn):
    method: FollowUpMethodChoice = Field(..., description="visit 上门回访，phone 电话回访，letter 书面回访")
    findings: str = Field(..., description="履行和整改情况")
    problems: str = Field("", description="当事人反映的问题和困难")
    response: str = Field("", description="解决或解释情况（当事人反映了问题的须写明，D5.4）")


@router.post("{int:pk}/followups", response={201: CaseDetail, **ACT_ERRORS}, summary="记录回访（D5.4）")
def followup_record(request, pk: int, payload: FollowUpIn):
    case = case_of(request, pk)
    services.followup_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


@router.post("{int:pk}/closing", response={200: CaseDetail, **ACT_ERRORS}, summary="结案（案卷齐全，D6.2a）")
def close(request, pk: int, payload: ActIn):
    case = case_of(request, pk)
    services.close(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class ArchiveIn(DatedIn):
    retention: RetentionChoice = Field(CaseFile.Retention.LONG_TERM, description="保管期限")


@router.post("{int:pk}/archive", response={200: CaseDetail, **ACT_ERRORS}, summary="立卷归档")
def archive(request, pk: int, payload: ArchiveIn):
    case = case_of(request, pk)
    services.archive(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)
