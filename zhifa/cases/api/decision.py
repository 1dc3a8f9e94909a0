"""Operations towards and at the decision, its time limit and its service (services/decision.py)."""

from __future__ import annotations

from ninja import Status
from pydantic import Field

from zhifa.cases import services
from zhifa.cases.api import references as ref
from zhifa.cases.api.routing import ACT_ERRORS, case_of, detail_of, router
from zhifa.cases.api.schemas import ActIn, CaseDetail, DatedIn, DecisionOutcomeChoice, ReasonIn, ServiceIn, TermsIn
from zhifa.cases.inputs import named_as_input


@router.post("{int:pk}/submission", response={200: CaseDetail, **ACT_ERRORS}, summary="提交决定（需要时送法制审核）")
def decision_submit(request, pk: int, payload: ActIn):
    case = case_of(request, pk)
    services.decision_submit(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class LegalReviewIn(ActIn):
    passed: bool = Field(..., description="true 通过，false 退回补充调查或修改")
    opinion: str = Field(..., description="审核意见")


@router.post(
    "{int:pk}/legal-review",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="法制审核（行政处罚法第五十八条）",
)
def legal_review(request, pk: int, payload: LegalReviewIn):
    case = case_of(request, pk)
    services.legal_review(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class DiscussionIn(DatedIn):
    participants: str = Field(..., description="参加讨论的负责人")
    minutes: str = Field(..., description="讨论记录")
    conclusion: str = Field(..., description="讨论结论")


@router.post("{int:pk}/discussions", response={201: CaseDetail, **ACT_ERRORS}, summary="记录集体讨论")
def collective_discussion(request, pk: int, payload: DiscussionIn):
    case = case_of(request, pk)
    services.collective_discussion(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


class ExtensionIn(DatedIn):
    days: int = Field(..., ge=1, le=365, description="延长天数（每次不超过法定上限）")
    reason: str = Field(..., description="延长理由")


@router.post("{int:pk}/extensions", response={201: CaseDetail, **ACT_ERRORS}, summary="批准延长办案期限")
def extension_approve(request, pk: int, payload: ExtensionIn):
    case = case_of(request, pk)
    services.extension_approve(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


class DecideIn(ActIn):
    outcome: DecisionOutcomeChoice | None = Field(None, description="决定的种类（不填则按调查终结报告的处理意见）")
    facts: str | None = Field(None, description="违法事实和证据（不填则取自调查终结报告）")
    reasons: str | None = Field(None, description="理由（不填则取自调查终结报告）")
    terms: TermsIn | None = Field(None, description="处罚内容（不填则取自调查终结报告）")
    basis_article_ids: list[int] | None = Field(None, description="依据条文编号（不填则取自调查终结报告）")
    public_summary: str = Field("", description="公开摘要（不得含亲属信息和自然人身份证号码，D5.6）")
    lenient_new_law: bool | None = Field(None, description="适用处罚较轻的新规定（不填则按报告）")
    lenient_reason: str | None = Field(None, description="适用新规定的理由（不填则按报告）")
    departure_reasons: str | None = Field(None, description="偏离裁量基准建议档次的理由（不填则按报告）")
    backdated_reason: str = Field(
        "", description="补录理由：办理日期早于登记日期、且按办理日期才在期限内的，须写明事后登记的原因"
    )


@router.post(
    "{int:pk}/decision", response={200: CaseDetail, **ACT_ERRORS}, summary="作出决定（未写明的取自调查终结报告）"
)
def decide(request, pk: int, payload: DecideIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(basis_articles="basis_article_ids", basis_article="basis_article_ids"):
        services.decide(
            actor=request.auth,
            case=case,
            terms=d.pop("terms"),
            basis_articles=ref.articles(d.pop("basis_article_ids")),
            **d,
        )
    return detail_of(request, case)


@router.post("{int:pk}/judiciary-transfer", response={200: CaseDetail, **ACT_ERRORS}, summary="移送司法机关")
def judiciary_transfer(request, pk: int, payload: ReasonIn):
    case = case_of(request, pk)
    services.judiciary_transfer(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


@router.post("{int:pk}/termination", response={200: CaseDetail, **ACT_ERRORS}, summary="终止调查")
def terminate(request, pk: int, payload: ReasonIn):
    case = case_of(request, pk)
    services.terminate(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class DecisionServiceIn(ServiceIn):
    late_reason: str = Field("", description="逾期送达的原因（超过七个工作日的须写明）")
    backdated_reason: str = Field(
        "", description="补录理由：办理日期早于登记日期、且按办理日期才在期限内的，须写明事后登记的原因"
    )


@router.post("{int:pk}/decision/service", response={200: CaseDetail, **ACT_ERRORS}, summary="送达决定书（七日内）")
def decision_serve(request, pk: int, payload: DecisionServiceIn):
    case = case_of(request, pk)
    services.decision_serve(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)
