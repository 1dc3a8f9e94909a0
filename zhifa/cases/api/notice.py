"""Operations on the prior notice, statements and defences, and hearings (services/notice.py)."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema, Status
from pydantic import Field

from zhifa.cases import services
from zhifa.cases.api import references as ref
from zhifa.cases.api.routing import ACT_ERRORS, case_of, detail_of, router
from zhifa.cases.api.schemas import (
    CaseDetail,
    DatedIn,
    DefenceFormChoice,
    HearingRequestFormChoice,
    PointKindChoice,
    ServiceIn,
    TermsIn,
)
from zhifa.cases.inputs import named_as_input
from zhifa.cases.models import DefencePoint
from zhifa.core.errors import not_found


class NoticeIn(DatedIn):
    facts: str | None = Field(None, description="违法事实（不填则取自调查终结报告）")
    reasons: str | None = Field(None, description="理由（不填则取自调查终结报告）")
    terms: TermsIn | None = Field(None, description="拟作出的处罚（不填则取自调查终结报告）")
    basis_article_ids: list[int] | None = Field(None, description="依据条文编号（不填则取自调查终结报告）")
    states_defence_right: bool = Field(True, description="告知陈述、申辩的权利")
    states_hearing_right: bool | None = Field(None, description="告知要求听证的权利（不填则按听证范围自动判断）")


@router.post(
    "{int:pk}/notice",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="制作事先告知书（D3.9a、D5.3a；未写明的取自调查终结报告）",
)
def notice_issue(request, pk: int, payload: NoticeIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(basis_articles="basis_article_ids", basis_article="basis_article_ids"):
        services.notice_issue(
            actor=request.auth,
            case=case,
            terms=d.pop("terms"),
            basis_articles=ref.articles(d.pop("basis_article_ids")),
            **d,
        )
    return Status(201, detail_of(request, case))


@router.post("{int:pk}/notice/service", response={200: CaseDetail, **ACT_ERRORS}, summary="送达事先告知书")
def notice_serve(request, pk: int, payload: ServiceIn):
    case = case_of(request, pk)
    services.notice_serve(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class WaiverIn(DatedIn):
    statement: str = Field(..., description="当事人书面放弃声明的内容")
    in_writing: bool = Field(..., description="当事人以书面形式作出并签章")
    waives_defence: bool = Field(True, description="放弃陈述、申辩")
    waives_hearing: bool = Field(False, description="放弃要求听证")


@router.post(
    "{int:pk}/waivers",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="登记书面放弃陈述申辩（听证）权利",
)
def waiver_record(request, pk: int, payload: WaiverIn):
    case = case_of(request, pk)
    services.waiver_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


class PointIn(Schema):
    kind: PointKindChoice = Field(DefencePoint.Kind.REASON, description="fact 事实，reason 理由，evidence 证据")
    text: str = Field(..., description="当事人提出的内容")


class DefenceIn(DatedIn):
    made_by: str = Field(..., description="陈述申辩人")
    form: DefenceFormChoice = Field("written", description="written 书面，oral 口头（制作笔录）")
    points: list[PointIn] = Field(..., description="逐项记录的事实、理由和证据")


@router.post("{int:pk}/defences", response={201: CaseDetail, **ACT_ERRORS}, summary="逐项记录陈述申辩（D5.2a）")
def defence_record(request, pk: int, payload: DefenceIn):
    case = case_of(request, pk)
    services.defence_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


class ReviewIn(DatedIn):
    adopted: bool | None = Field(..., description="复核结论：true 采纳，false 不予采纳")
    reason: str = Field(..., description="采纳或不采纳的理由")


@router.post(
    "{int:pk}/defence-points/{int:point_id}/review",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="复核一项陈述申辩（D5.2a）",
)
def defence_review(request, pk: int, point_id: int, payload: ReviewIn):
    case = case_of(request, pk)
    point = DefencePoint.objects.filter(pk=point_id, defence__case=case).first()
    if point is None:
        raise not_found("陈述申辩事项")
    services.defence_review(actor=request.auth, case=case, point=point, **payload.dict())
    return detail_of(request, case)


class HearingRequestIn(DatedIn):
    requested_on: date | None = Field(None, description="当事人要求听证的日期（默认办理日期）")
    form: HearingRequestFormChoice = Field("written", description="written 书面，oral 口头")


@router.post(
    "{int:pk}/hearing/request",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="登记听证要求（告知后五日内，D5.3a）",
)
def hearing_request(request, pk: int, payload: HearingRequestIn):
    case = case_of(request, pk)
    services.hearing_request(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


class HearingScheduleIn(DatedIn):
    chair_id: int = Field(..., description="主持人编号（本机关非本案调查人员）")
    scheduled_at: datetime = Field(..., description="举行时间")
    place: str = Field(..., description="地点")
    notified_on: date | None = Field(None, description="通知当事人的日期（默认办理日期）")
    public: bool = Field(True, description="公开举行")


@router.post(
    "{int:pk}/hearing/schedule",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="指定主持人并通知听证（七日前，非调查人员主持）",
)
def hearing_schedule(request, pk: int, payload: HearingScheduleIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(chair="chair_id"):
        services.hearing_schedule(
            actor=request.auth, case=case, chair=ref.officer(case, d.pop("chair_id"), "chair_id"), **d
        )
    return detail_of(request, case)


class HearingRecordIn(DatedIn):
    transcript: str = Field(..., description="听证笔录")
    party_attended: bool = Field(..., description="当事人出席")
    points: list[PointIn] = Field(default_factory=list, description="当事人在听证中提出的事实、理由和证据")


@router.post("{int:pk}/hearing/record", response={200: CaseDetail, **ACT_ERRORS}, summary="记录听证（主持人）")
def hearing_record(request, pk: int, payload: HearingRecordIn):
    case = case_of(request, pk)
    services.hearing_record(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class WithdrawIn(DatedIn):
    statement: str = Field(..., description="当事人撤回听证要求的书面声明")


@router.post("{int:pk}/hearing/withdrawal", response={200: CaseDetail, **ACT_ERRORS}, summary="登记撤回听证要求")
def hearing_withdraw(request, pk: int, payload: WithdrawIn):
    case = case_of(request, pk)
    services.hearing_withdraw(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)
