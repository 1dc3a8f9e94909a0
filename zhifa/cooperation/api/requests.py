"""Requests between agencies: assistance (D4.4a–b) and information (D4.5a)."""

# No `from __future__ import annotations`: query schemas are resolved from the annotations.

from ninja import Field, Query, Schema, Status

from zhifa.cases import selectors as case_selectors
from zhifa.cases.api import references as ref
from zhifa.cooperation import presenters, selectors, services
from zhifa.cooperation.api.routing import ACT_ERRORS, LIST_ERRORS, READ_ERRORS, Page, paged, router
from zhifa.cooperation.api.schemas import (
    AssistanceAnswerIn,
    AssistanceIn,
    AssistanceOut,
    InformationAnswerIn,
    InformationIn,
    InformationOut,
)
from zhifa.core.references import reference


class AssistanceList(Schema):
    count: int = Field(..., description="条数")
    items: list[AssistanceOut] = Field(..., description="协助请求（发出和收到的）")


class InformationList(Schema):
    count: int = Field(..., description="条数")
    items: list[InformationOut] = Field(..., description="信息查询请求（发出和收到的）")


def _case(request, pk):
    return reference(case_selectors.case_get, pk, "case_id", request.auth)


@router.get("assistance", response={200: AssistanceList, **LIST_ERRORS}, summary="协助请求")
def assistance_list(request, page: Query[Page]):
    return paged(selectors.assistance_list(request.auth), page, presenters.assistance)


@router.get("assistance/{int:pk}", response={200: AssistanceOut, **READ_ERRORS}, summary="协助请求")
def assistance_get(request, pk: int):
    return presenters.assistance(selectors.assistance_get(request.auth, pk))


@router.post("assistance", response={201: AssistanceOut, **ACT_ERRORS}, summary="发出协助请求（D4.4a）")
def assistance_request(request, payload: AssistanceIn):
    d = payload.dict()
    record = services.assistance_request(
        actor=request.auth,
        requested_agency=ref.agency(d.pop("requested_agency_id"), "requested_agency_id"),
        case=_case(request, d.pop("case_id")),
        **d,
    )
    return Status(201, presenters.assistance(selectors.assistance_get(request.auth, record.pk)))


@router.post("assistance/{int:pk}/answer", response={200: AssistanceOut, **ACT_ERRORS}, summary="答复协助请求（D4.4b）")
def assistance_answer(request, pk: int, payload: AssistanceAnswerIn):
    record = selectors.assistance_get(request.auth, pk)
    services.assistance_answer(actor=request.auth, request=record, **payload.dict())
    return presenters.assistance(selectors.assistance_get(request.auth, pk))


@router.get("information", response={200: InformationList, **LIST_ERRORS}, summary="信息查询请求")
def information_list(request, page: Query[Page]):
    return paged(selectors.information_list(request.auth), page, presenters.information)


@router.get("information/{int:pk}", response={200: InformationOut, **READ_ERRORS}, summary="信息查询请求")
def information_get(request, pk: int):
    return presenters.information(selectors.information_get(request.auth, pk))


@router.post("information", response={201: InformationOut, **ACT_ERRORS}, summary="发出信息查询请求（D4.5a）")
def information_request(request, payload: InformationIn):
    d = payload.dict()
    record = services.information_request(
        actor=request.auth,
        requested_agency=ref.agency(d.pop("requested_agency_id"), "requested_agency_id"),
        case=_case(request, d.pop("case_id")),
        party=ref.party(request, d.pop("party_id")),
        **d,
    )
    return Status(201, presenters.information(selectors.information_get(request.auth, record.pk)))


@router.post(
    "information/{int:pk}/answer",
    response={200: InformationOut, **ACT_ERRORS},
    summary="答复信息查询请求：及时、无偿（D4.5a）",
)
def information_answer(request, pk: int, payload: InformationAnswerIn):
    record = selectors.information_get(request.auth, pk)
    services.information_answer(actor=request.auth, request=record, **payload.dict())
    return presenters.information(selectors.information_get(request.auth, pk))
