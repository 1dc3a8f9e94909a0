"""Operations executing the decision (services/execution.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Schema, Status
from pydantic import Field

from zhifa.cases import services
from zhifa.cases.api.routing import ACT_ERRORS, case_of, detail_of, router
from zhifa.cases.api.schemas import CaseDetail, DatedIn, PaymentMethodChoice, PlanKindChoice, ReminderMethodChoice
from zhifa.cases.inputs import named_as_input


class InstalmentIn(Schema):
    amount: Decimal = Field(..., gt=0, max_digits=14, decimal_places=2, description="本期金额（元）")
    due_on: date = Field(..., description="本期缴纳期限")


class PlanIn(DatedIn):
    kind: PlanKindChoice = Field(..., description="deferral 暂缓缴纳，instalments 分期缴纳")
    applied_on: date = Field(..., description="当事人申请日期")
    reason: str = Field(..., description="当事人确有经济困难的情况")
    instalments: list[InstalmentIn] = Field(
        ..., description="各期金额和期限（暂缓缴纳为一期），合计等于尚未缴纳的罚没款"
    )


@router.post(
    "{int:pk}/payment-plan",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="批准暂缓或分期缴纳（行政处罚法第六十六条）",
)
def payment_plan(request, pk: int, payload: PlanIn):
    case = case_of(request, pk)
    d = payload.dict()
    services.payment_plan(
        actor=request.auth, case=case, instalments=[(i["amount"], i["due_on"]) for i in d.pop("instalments")], **d
    )
    return Status(201, detail_of(request, case))


class PaymentIn(DatedIn):
    paid_on: date = Field(..., description="缴纳日期")
    amount: Decimal = Field(..., gt=0, max_digits=14, decimal_places=2, description="金额（元）")
    method: PaymentMethodChoice = Field(..., description="bank 到指定银行，electronic 电子支付系统，on_spot 当场收缴")
    bank: str = Field("", description="收款银行或电子支付系统")
    receipt_number: str = Field(..., description="缴款凭证号（当场收缴的为专用票据号）")


@router.post(
    "{int:pk}/payments",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="记录缴款（经银行缴入国库，凭缴款凭证，D2.3）",
)
def payment_record(request, pk: int, payload: PaymentIn):
    case = case_of(request, pk)
    services.payment_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


class HandoverIn(DatedIn):
    late_reason: str = Field("", description="逾期交付的原因（超过二个工作日的须写明）")
    backdated_reason: str = Field(
        "", description="补录理由：办理日期早于登记日期、且按办理日期才在期限内的，须写明事后登记的原因"
    )


@router.post(
    "{int:pk}/on-spot-handover",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="当场收缴罚款交至机关（二日内）",
)
def on_spot_handover(request, pk: int, payload: HandoverIn):
    case = case_of(request, pk)
    services.on_spot_handover(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class ReminderIn(DatedIn):
    method: ReminderMethodChoice = Field(..., description="phone 电话，letter 书面催告书，visit 走访")
    content: str = Field(..., description="催告内容：履行的义务、期限、方式、金额，不履行的后果，陈述申辩权")
    record: str = Field(..., description="记录：通话记录、送达回证或走访记录")
    performance_due_on: date = Field(..., description="催告的履行期限")


@router.post("{int:pk}/reminders", response={201: CaseDetail, **ACT_ERRORS}, summary="催告（电话、书面、走访，D3.9b）")
def reminder_serve(request, pk: int, payload: ReminderIn):
    case = case_of(request, pk)
    services.reminder_serve(actor=request.auth, case=case, **payload.dict())
    return Status(201, detail_of(request, case))


class CompelIn(DatedIn):
    measures: str = Field(..., description="强制执行方式")
    document_number: str = Field("", description="强制执行决定书文号")


@router.post(
    "{int:pk}/compulsory-execution",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="本机关强制执行（D3.9b、D3.1a）",
)
def compulsory_execute(request, pk: int, payload: CompelIn):
    case = case_of(request, pk)
    services.compulsory_execute(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class CourtIn(DatedIn):
    court: str = Field(..., description="受理申请的人民法院")
    measures: str = Field(..., description="申请执行的事项")
    approved_by_id: int | None = Field(
        None, description="签发强制执行申请书的本机关负责人（用户编号；机关负责人自己申请的不填，行政强制法第五十五条）"
    )
    approved_on: date | None = Field(None, description="机关负责人签发申请书的日期")


@router.post(
    "{int:pk}/court-application",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="申请人民法院强制执行（D3.9b、行政强制法第五十三条）",
)
def court_apply(request, pk: int, payload: CourtIn):
    case = case_of(request, pk)
    d = payload.dict()
    with named_as_input(approved_by="approved_by_id"):
        services.court_apply(actor=request.auth, case=case, approved_by=d.pop("approved_by_id"), **d)
    return detail_of(request, case)


class EnforcementResultIn(DatedIn):
    result: str = Field(..., description="执行结果")
    completed: bool = Field(..., description="执行终结")
    recovered_amount: Decimal | None = Field(
        None, gt=0, max_digits=14, decimal_places=2, description="划缴金额（元），以缴库凭证记录"
    )
    receipt_number: str = Field("", description="缴库凭证号（有划缴金额的须填）")


@router.post("{int:pk}/enforcement-result", response={200: CaseDetail, **ACT_ERRORS}, summary="记录强制执行结果")
def enforcement_result(request, pk: int, payload: EnforcementResultIn):
    case = case_of(request, pk)
    services.enforcement_result(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)


class NoteIn(DatedIn):
    note: str = Field(..., description="履行情况")


@router.post(
    "{int:pk}/execution-complete",
    response={200: CaseDetail, **ACT_ERRORS},
    summary="确认非金钱处罚履行完毕",
)
def execution_complete(request, pk: int, payload: NoteIn):
    case = case_of(request, pk)
    services.execution_complete(actor=request.auth, case=case, **payload.dict())
    return detail_of(request, case)
