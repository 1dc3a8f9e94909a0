"""Operations of the investigation (services/investigation.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import File, Form, Status
from ninja.files import UploadedFile
from pydantic import Field

from zhifa.cases import selectors, services
from zhifa.cases.api import references as ref
from zhifa.cases.api.routing import ACT_ERRORS, case_of, detail_of, router
from zhifa.cases.api.schemas import (
    AgeGroupChoice,
    CaseDetail,
    CustodyActionChoice,
    DatedIn,
    EvidenceKindChoice,
    InspectionKindChoice,
    PreservationDecisionChoice,
    ReasonIn,
    ReportOutcomeChoice,
    TermsIn,
)
from zhifa.cases.inputs import bad_input, named_as_input
from zhifa.core.error_codes import ErrorCode


class InspectionIn(DatedIn):
    kind: InspectionKindChoice = Field(..., description="inspection 现场检查，inquiry 询问")
    place: str = Field(..., description="地点")
    subject: str = Field(..., description="被检查人或被询问人")
    officer_ids: list[int] = Field(..., description="执法人员编号（至少两名本案承办人员）")
    certificates_shown: bool = Field(..., description="已向当事人或有关人员出示执法证件")
    record: str = Field(..., description="笔录内容")
    signed_by_subject: bool = Field(True, description="被检查人或被询问人已签字")
    refusal_note: str = Field("", description="拒绝签字的说明（未签字的须写明）")


@router.post(
    "{int:pk}/inspections",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="记录检查或询问（D3.8：两名持证执法人员，出示证件）",
)
def inspection_record(request, pk: int, payload: InspectionIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(officers="officer_ids"):
        services.inspection_record(
            actor=request.auth, case=case, officers=ref.officers(case, d.pop("officer_ids"), "officer_ids"), **d
        )
    return Status(201, detail_of(request, case))


class EvidenceIn(DatedIn):
    kind: EvidenceKindChoice = Field(..., description="证据种类")
    title: str = Field(..., description="名称")
    source: str = Field(..., description="来源（提供人或取得方式）")
    collected_on: date = Field(..., description="取得日期")
    description: str = Field("", description="证明内容")
    inspection_id: int | None = Field(None, description="取得证据时的检查或询问笔录编号")
    holder: str = Field("", description="保管人或保管地点")


@router.post(
    "{int:pk}/evidence",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="登记证据（按 SHA-256 存放，不覆盖、不删除）",
)
def evidence_add(request, pk: int, content: File[UploadedFile], data: Form[EvidenceIn]):
    case = case_of(request, pk)
    d = data.dict()
    inspection = None
    inspection_id = d.pop("inspection_id", None)
    if inspection_id:
        inspection = case.inspections.filter(pk=inspection_id).first()
        if inspection is None:
            raise bad_input(ErrorCode.NOT_IN_CASE, "所选笔录不属于本案。", field="inspection_id")
    services.evidence_add(
        actor=request.auth,
        case=case,
        content=content,
        filename=content.name,
        content_type=content.content_type or "",
        inspection=inspection,
        **d,
    )
    return Status(201, detail_of(request, case))


class CustodyIn(DatedIn):
    action: CustodyActionChoice = Field(..., description="保管事项：入库、移交、调取、归还、封存")
    holder: str = Field(..., description="保管人或保管地点")
    note: str = Field("", description="说明")


@router.post("evidence/{int:pk}/custody", response={201: CaseDetail, **ACT_ERRORS}, summary="记录证据保管链")
def custody_record(request, pk: int, payload: CustodyIn):
    evidence = selectors.evidence_get(request.auth, pk)
    services.custody_record(actor=request.auth, evidence=evidence, **payload.dict())
    return Status(201, detail_of(request, evidence.case))


class PreservationIn(DatedIn):
    evidence_id: int = Field(..., description="本案证据编号")
    reasons: str = Field(..., description="证据可能灭失或者以后难以取得的情况")
    holder: str = Field(..., description="保存地点或保管人")
    approved_by_id: int = Field(..., description="批准先行登记保存的本机关负责人（用户编号）")
    approved_on: date = Field(..., description="机关负责人批准的日期")


@router.post(
    "{int:pk}/preservations",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="先行登记保存证据（经机关负责人批准，七个工作日内处理，行政处罚法第五十六条）",
)
def preservation_register(request, pk: int, payload: PreservationIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(evidence="evidence_id", approved_by="approved_by_id"):
        services.preservation_register(
            actor=request.auth, case=case, evidence=d.pop("evidence_id"), approved_by=d.pop("approved_by_id"), **d
        )
    return Status(201, detail_of(request, case))


class PreservationDecisionIn(DatedIn):
    decision: PreservationDecisionChoice = Field(..., description="keep 作为证据依法处理，release 解除先行登记保存")
    note: str = Field("", description="处理决定的说明")
    late_reason: str = Field("", description="逾期作出处理决定的原因（超过七个工作日的须写明）")


@router.post(
    "{int:pk}/preservations/{int:pid}/decision",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="对先行登记保存的证据作出处理决定（七个工作日内）",
)
def preservation_decide(request, pk: int, pid: int, payload: PreservationDecisionIn):
    case = case_of(request, pk)
    services.preservation_decide(actor=request.auth, case=case, preservation=pid, **payload.dict())
    return detail_of(request, case)


class RelativeIn(DatedIn):
    name: str = Field(..., description="姓名")
    relation: str = Field(..., description="与当事人的关系")
    age_group: AgeGroupChoice = Field(..., description="minor 未成年人，adult 成年人，elderly 老年人")
    circumstances: str = Field("", description="家庭和生活情况")
    arrangement: str = Field("", description="保护和安置措施")


@router.post("{int:pk}/relatives", response={201: CaseDetail, **ACT_ERRORS}, summary="登记当事人亲属（D5.6，不公开）")
def relative_record(request, pk: int, payload: RelativeIn):
    case = case_of(request, pk)
    services.relative_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


class ReportIn(DatedIn):
    facts: str = Field(..., description="认定的违法事实")
    evidence_summary: str = Field(..., description="证据")
    outcome: ReportOutcomeChoice = Field(..., description="处理意见")
    reasons: str = Field(..., description="处理意见的理由（含裁量说明）")
    terms: TermsIn = Field(default_factory=TermsIn, description="拟给予的处罚")
    basis_article_ids: list[int] = Field(default_factory=list, description="依据条文编号（法律、法规、规章的条文）")
    circumstances: dict[str, Any] = Field(
        default_factory=dict,
        description="认定的裁量情节（只能是法律和裁量基准列明的，D1.2），及 prior_violations（此前同类违法次数）",
    )
    lenient_new_law: bool = Field(False, description="适用处罚较轻的新规定（从旧兼从轻）")
    lenient_reason: str = Field("", description="适用新规定的理由")
    major_public_interest: bool | None = Field(None, description="涉及重大公共利益（不填则保留立案时的认定）")
    complex_case: bool | None = Field(None, description="案情疑难复杂（不填则保留立案时的认定）")
    law_requires_review: bool | None = Field(None, description="法律、法规规定应当法制审核（不填则保留）")
    major_violation: bool | None = Field(None, description="情节复杂或者重大违法行为（不填则保留）")
    departure_reasons: str = Field("", description="偏离裁量基准建议档次的理由（偏离的须写明，并送法制审核）")


@router.post("{int:pk}/report", response={201: CaseDetail, **ACT_ERRORS}, summary="提交调查终结报告（D3.10a）")
def report_submit(request, pk: int, payload: ReportIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(basis_articles="basis_article_ids", basis_article="basis_article_ids"):
        services.report_submit(
            actor=request.auth,
            case=case,
            terms=d.pop("terms"),
            basis_articles=ref.articles(d.pop("basis_article_ids")),
            **d,
        )
    return Status(201, detail_of(request, case))


@router.post("{int:pk}/reopening", response={200: CaseDetail, **ACT_ERRORS}, summary="退回补充调查")
def investigation_reopen(request, pk: int, payload: ReasonIn):
    case = case_of(request, pk)
    services.investigation_reopen(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)
