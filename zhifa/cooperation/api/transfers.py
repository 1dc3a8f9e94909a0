"""Transfers between agencies (D3.4) and suspected crimes to the public security organ."""

# No `from __future__ import annotations`: query schemas are resolved from the annotations.

from ninja import Field, Query, Schema, Status

from zhifa.cases import selectors as case_selectors
from zhifa.cases import services as case_services
from zhifa.cases.api import references as ref
from zhifa.cases.inputs import bad_input
from zhifa.cooperation import filters, presenters, selectors, services
from zhifa.cooperation.api.routing import ACT_ERRORS, LIST_ERRORS, READ_ERRORS, Page, paged, router
from zhifa.cooperation.api.schemas import (
    CooperationAnswerIn,
    CooperationTransferIn,
    CrimeTransferIn,
    CrimeTransferOut,
    OverdueList,
    PassOnIn,
    PoliceAnswerIn,
    ReceiptIn,
    TransferDetail,
    TransferRow,
)
from zhifa.core.error_codes import ErrorCode
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference

TransferQuery = query_schema(filters.TransferFilter)


class TransferList(Schema):
    count: int = Field(..., description="条数")
    items: list[TransferRow] = Field(..., description="移送函")


class CrimeTransferList(Schema):
    count: int = Field(..., description="条数")
    items: list[CrimeTransferOut] = Field(..., description="涉嫌犯罪案件移送书")


def _detail(request, pk: int) -> dict:
    return presenters.transfer_detail(selectors.transfer_get(request.auth, pk))


@router.get("transfers", response={200: TransferList, **LIST_ERRORS}, summary="移送函（发出和收到的）")
def transfer_list(request, query: Query[TransferQuery], page: Query[Page]):
    return paged(
        filtered(filters.TransferFilter, selectors.transfer_list(request.auth), query), page, presenters.transfer_row
    )


@router.get("transfers/overdue", response={200: OverdueList, **LIST_ERRORS}, summary="逾期未书面函告处理结果的移送")
def transfer_overdue(request):
    rows = selectors.overdue_transfer_answers(request.auth)
    items = [
        {"transfer": presenters.transfer_row(r.transfer), "due_on": r.due_on, "days_overdue": r.days_overdue}
        for r in rows
    ]
    return {"count": len(items), "items": items}


@router.get("transfers/{int:pk}", response={200: TransferDetail, **READ_ERRORS}, summary="移送函及其办理情况")
def transfer_get(request, pk: int):
    return _detail(request, pk)


@router.post(
    "transfers", response={201: TransferDetail, **ACT_ERRORS}, summary="制作移送函，移送有管辖权的机关（D3.4）"
)
def transfer_send(request, payload: CooperationTransferIn):
    case = reference(case_selectors.case_get, payload.case_id, "case_id", request.auth)
    case_services.transfer_out(
        actor=request.auth,
        case=case,
        to_agency=ref.agency(payload.to_agency_id, "to_agency_id"),
        reasons=payload.reasons,
        materials=payload.materials,
        on=payload.on,
    )
    case.refresh_from_db()
    return Status(201, _detail(request, case.transfer_out.pk))


@router.post("transfers/{int:pk}/receipt", response={200: TransferDetail, **ACT_ERRORS}, summary="签收移送函并接收办理")
def transfer_receive(request, pk: int, payload: ReceiptIn):
    transfer = selectors.transfer_get(request.auth, pk)
    services.transfer_receive(actor=request.auth, transfer=transfer, returned=payload.returned, on=payload.on)
    return _detail(request, pk)


@router.post(
    "transfers/{int:pk}/pass-on", response={200: TransferDetail, **ACT_ERRORS}, summary="说明理由转送有管辖权的机关"
)
def transfer_pass_on(request, pk: int, payload: PassOnIn):
    transfer = selectors.transfer_get(request.auth, pk)
    services.transfer_pass_on(
        actor=request.auth,
        transfer=transfer,
        to_agency=ref.agency(payload.to_agency_id, "to_agency_id"),
        reasons=payload.reasons,
        on=payload.on,
    )
    return _detail(request, pk)


@router.post(
    "transfers/{int:pk}/answer", response={200: TransferDetail, **ACT_ERRORS}, summary="书面函告移送机关处理结果"
)
def transfer_answer(request, pk: int, payload: CooperationAnswerIn):
    transfer = selectors.transfer_get(request.auth, pk)
    if transfer.received_case_id is None:
        raise bad_input(ErrorCode.NOTHING_PENDING, "该移送函没有接收机关的线索，无须函告。", field="answer")
    case = case_selectors.case_get(request.auth, transfer.received_case_id)
    case_services.transfer_answer(actor=request.auth, case=case, answer=payload.answer, on=payload.on)
    return _detail(request, pk)


@router.get("crime-transfers", response={200: CrimeTransferList, **LIST_ERRORS}, summary="涉嫌犯罪案件移送书")
def crime_transfer_list(request, page: Query[Page]):
    return paged(selectors.crime_transfer_list(request.auth), page, presenters.crime_transfer)


@router.get("crime-transfers/{int:pk}", response={200: CrimeTransferOut, **READ_ERRORS}, summary="涉嫌犯罪案件移送书")
def crime_transfer_get(request, pk: int):
    return presenters.crime_transfer(selectors.crime_transfer_get(request.auth, pk))


@router.post(
    "crime-transfers", response={201: CrimeTransferOut, **ACT_ERRORS}, summary="制作涉嫌犯罪案件移送书，移送公安机关"
)
def crime_transfer_send(request, payload: CrimeTransferIn):
    data = payload.dict()
    case = reference(case_selectors.case_get, data.pop("case_id"), "case_id", request.auth)
    record = services.crime_transfer_send(actor=request.auth, case=case, **data)
    return Status(201, presenters.crime_transfer(selectors.crime_transfer_get(request.auth, record.pk)))


@router.post(
    "crime-transfers/{int:pk}/answer",
    response={200: CrimeTransferOut, **ACT_ERRORS},
    summary="登记公安机关书面告知的决定",
)
def crime_transfer_answer(request, pk: int, payload: PoliceAnswerIn):
    record = selectors.crime_transfer_get(request.auth, pk)
    services.crime_transfer_answer(actor=request.auth, crime_transfer=record, **payload.dict())
    return presenters.crime_transfer(selectors.crime_transfer_get(request.auth, pk))
