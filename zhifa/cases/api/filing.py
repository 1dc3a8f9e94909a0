"""Operations from the clue to the filed case, and transfers (services/filing.py)."""

from __future__ import annotations

from datetime import date

from ninja import Status
from pydantic import Field

from zhifa.cases import presenters, services
from zhifa.cases.api import references as ref
from zhifa.cases.api.routing import ACT_ERRORS, case_of, detail_of, router
from zhifa.cases.api.schemas import ActIn, CaseDetail, DatedIn, SourceChoice
from zhifa.cases.inputs import named_as_input


class ClueIn(DatedIn):
    source: SourceChoice = Field(..., description="线索来源")
    received_on: date = Field(..., description="发现或收到线索的日期")
    summary: str = Field(..., min_length=1, max_length=4000, description="线索内容")
    party_id: int | None = Field(None, description="当事人编号（已知的）")
    violation_item_id: int | None = Field(None, description="违法行为事项编号（初步判断）")
    place_id: int | None = Field(None, description="发生地（区县人民政府编号）")
    place_detail: str = Field("", description="具体地点")
    act_date: date | None = Field(None, description="违法行为发生日期")
    reporter_name: str = Field("", description="举报人")
    reporter_contact: str = Field("", description="举报人联系方式")
    source_reference: str = Field("", description="来源编号（举报编号等）")


@router.post("", response={201: CaseDetail, **ACT_ERRORS}, summary="登记违法线索")
def clue_register(request, payload: ClueIn):
    d = payload.dict()
    case = services.clue_register(
        actor=request.auth,
        party=ref.party(request, d.pop("party_id")),
        violation_item=ref.violation_item(d.pop("violation_item_id"), articles=False),
        place=ref.place(d.pop("place_id")),
        **d,
    )
    # the case the act just created, as it stands (facts.created: no record of it to read back)
    return Status(201, presenters.case_detail(case, request.auth))


class ProposeIn(ActIn):
    party_id: int = Field(..., description="当事人编号")
    violation_item_id: int = Field(..., description="违法行为事项编号")
    place_id: int | None = Field(None, description="发生地（区县人民政府编号）")
    place_detail: str | None = Field(None, description="具体地点（不填则保留线索登记的）")
    act_date: date | None = Field(None, description="违法行为发生日期")
    act_ended_on: date | None = Field(None, description="违法行为连续或继续状态终了的日期")
    harmful_consequence: bool = Field(False, description="有危害后果（涉及生命健康、金融安全的，追责期限为五年）")
    investigator_ids: list[int] = Field(default_factory=list, description="承办人员编号（至少两名本机关持证执法人员）")
    lead_officer_id: int | None = Field(None, description="主办人编号（须是承办人员之一）")
    reason: str = Field("", description="立案理由")
    major_public_interest: bool = Field(False, description="涉及重大公共利益（须法制审核）")
    complex_case: bool = Field(False, description="案情疑难复杂、涉及多个法律关系（须法制审核）")
    law_requires_review: bool = Field(False, description="法律、法规规定应当法制审核")
    major_violation: bool = Field(False, description="情节复杂或者重大违法行为（须集体讨论）")


@router.post(
    "{int:pk}/filing/proposal",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="提请立案（D3.1a、D3.10a、D3.8、D3.7、D1.5）",
)
def filing_propose(request, pk: int, payload: ProposeIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(
        officers="investigator_ids",
        investigators="investigator_ids",
        lead_officer="lead_officer_id",
        party="party_id",
        violation_item="violation_item_id",
        place="place_id",
    ):
        services.filing_propose(
            actor=request.auth,
            case=case,
            party=ref.party(request, d.pop("party_id")),
            violation_item=ref.violation_item(d.pop("violation_item_id")),
            place=ref.place(d.pop("place_id")),
            investigators=ref.officers(case, d.pop("investigator_ids"), "investigator_ids"),
            lead_officer=ref.officer(case, d.pop("lead_officer_id"), "lead_officer_id"),
            **d,
        )
    return detail_of(request, case)


class ApproveIn(ActIn):
    late_reason: str = Field("", description="逾期决定立案的原因（超过十五个工作日的须写明）")
    backdated_reason: str = Field(
        "", description="补录理由：办理日期早于登记日期、且按办理日期才在期限内的，须写明事后登记的原因"
    )


@router.post("{int:pk}/filing/approval", response={200: CaseDetail, **ACT_ERRORS}, summary="批准立案")
def filing_approve(request, pk: int, payload: ApproveIn):
    case = case_of(request, pk)
    services.filing_approve(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class RefuseIn(ActIn):
    reason: str = Field(..., description="不予立案的理由")
    late_reason: str = Field("", description="逾期决定的原因")
    backdated_reason: str = Field(
        "", description="补录理由：办理日期早于登记日期、且按办理日期才在期限内的，须写明事后登记的原因"
    )


@router.post("{int:pk}/filing/refusal", response={200: CaseDetail, **ACT_ERRORS}, summary="决定不予立案")
def filing_refuse(request, pk: int, payload: RefuseIn):
    case = case_of(request, pk)
    services.filing_refuse(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class TransferIn(ActIn):
    to_agency_id: int = Field(..., description="接收机关编号（对该违法行为有管辖权的机关）")
    reasons: str = Field(..., description="移送理由（本机关无管辖权的依据）")
    materials: str = Field(..., description="移送材料清单")


@router.post("{int:pk}/transfer", response={200: CaseDetail, **ACT_ERRORS}, summary="移送有管辖权的机关（D3.4）")
def transfer_out(request, pk: int, payload: TransferIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(to_agency="to_agency_id"):
        services.transfer_out(
            actor=request.auth, case=case, to_agency=ref.agency(d.pop("to_agency_id"), "to_agency_id"), **d
        )
    return detail_of(request, case)


class AnswerIn(DatedIn):
    answer: str = Field(..., description="处理结果（书面函告移送机关）")


@router.post(
    "{int:pk}/transfer/answer",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="函告移送机关处理结果（接收机关）",
)
def transfer_answer(request, pk: int, payload: AnswerIn):
    case = case_of(request, pk)
    services.transfer_answer(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)
