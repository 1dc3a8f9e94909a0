"""Disputes between agencies (D4.6)."""

# No `from __future__ import annotations`: query schemas are resolved from the annotations.

from ninja import Field, Query, Schema, Status

from zhifa.cases import selectors as case_selectors
from zhifa.cooperation import presenters, selectors, services
from zhifa.cooperation.api.routing import ACT_ERRORS, LIST_ERRORS, READ_ERRORS, Page, paged, router
from zhifa.cooperation.api.schemas import DisputeIn, DisputeOut, DisputeStepIn
from zhifa.core.references import reference, references
from zhifa.org.models import Agency


class DisputeList(Schema):
    count: int = Field(..., description="条数")
    items: list[DisputeOut] = Field(..., description="执法争议")


@router.get("disputes", response={200: DisputeList, **LIST_ERRORS}, summary="执法争议")
def dispute_list(request, page: Query[Page]):
    return paged(selectors.dispute_list(request.auth), page, presenters.dispute)


@router.get("disputes/{int:pk}", response={200: DisputeOut, **READ_ERRORS}, summary="执法争议及其处理记录")
def dispute_get(request, pk: int):
    return presenters.dispute(selectors.dispute_get(request.auth, pk))


@router.post("disputes", response={201: DisputeOut, **ACT_ERRORS}, summary="提出执法争议（D4.6）")
def dispute_raise(request, payload: DisputeIn):
    d = payload.dict()
    others = references(Agency.objects.all(), d.pop("other_agency_ids"), "other_agency_ids")
    case = reference(case_selectors.case_get, d.pop("case_id"), "case_id", request.auth)
    dispute = services.dispute_raise(actor=request.auth, other_agencies=others, case=case, **d)
    return Status(201, presenters.dispute(selectors.dispute_get(request.auth, dispute.pk)))


@router.post(
    "disputes/{int:pk}/steps", response={200: DisputeOut, **ACT_ERRORS}, summary="登记协商、协调或裁决（D4.6）"
)
def dispute_step(request, pk: int, payload: DisputeStepIn):
    dispute = selectors.dispute_get(request.auth, pk)
    services.dispute_step(actor=request.auth, dispute=dispute, **payload.dict())
    return presenters.dispute(selectors.dispute_get(request.auth, pk))
