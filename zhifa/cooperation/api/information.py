"""The enforcement information exchange (D4.5b–c): look-ups of a party's enforcement
history, logged with their purpose; liaison officers and cooperation agreements."""

# No `from __future__ import annotations`: query schemas are resolved from the annotations.

from ninja import Field, Query, Schema, Status

from zhifa.cases import selectors as case_selectors
from zhifa.cases.api import references as ref
from zhifa.cooperation import presenters, selectors, services
from zhifa.cooperation.api.routing import ACT_ERRORS, LIST_ERRORS, READ_ERRORS, Page, paged, router
from zhifa.cooperation.api.schemas import (
    AgreementIn,
    AgreementOut,
    CooperationLookupIn,
    LiaisonIn,
    LiaisonOut,
    LookupOut,
    LookupResult,
    OtherInspectionList,
)
from zhifa.core.api_schemas import errors
from zhifa.core.references import reference, references
from zhifa.org.models import Agency
from zhifa.parties import selectors as party_selectors


class LookupList(Schema):
    count: int = Field(..., description="条数")
    items: list[LookupOut] = Field(..., description="执法记录查询记录")


class LiaisonList(Schema):
    count: int = Field(..., description="条数")
    items: list[LiaisonOut] = Field(..., description="在任联络员")


class AgreementList(Schema):
    count: int = Field(..., description="条数")
    items: list[AgreementOut] = Field(..., description="合作协议")


@router.post(
    "lookups", response={201: LookupResult, **ACT_ERRORS}, summary="跨机关查询当事人的执法记录（记录用途，D4.5b）"
)
def history_lookup(request, payload: CooperationLookupIn):
    party = ref.party(request, payload.party_id)
    case = reference(case_selectors.case_get, payload.case_id, "case_id", request.auth)
    lookup, history = services.history_lookup(
        actor=request.auth, party=party, purpose=payload.purpose, reason=payload.reason, case=case
    )
    return Status(201, {"lookup": presenters.lookup(selectors.lookup_get(request.auth, lookup.pk)), "history": history})


@router.get("lookups", response={200: LookupList, **LIST_ERRORS}, summary="本机关的执法记录查询记录")
def lookup_list(request, page: Query[Page]):
    return paged(selectors.lookup_list(request.auth), page, presenters.lookup)


@router.get(
    "parties/{int:pk}/lookups",
    response={200: LookupList, **errors(401, 403, 404)},
    summary="当事人被各机关查询执法记录的情况（应当事人申请告知）",
)
def lookups_of_party(request, pk: int):
    party = party_selectors.party_get(request.auth, pk)
    rows = selectors.lookups_of_party(request.auth, party)
    return {"count": rows.count(), "items": [presenters.lookup(x) for x in rows]}


@router.get("liaisons", response={200: LiaisonList, **LIST_ERRORS}, summary="执法协作联络员（D4.5c）")
def liaison_list(request, page: Query[Page]):
    return paged(selectors.liaison_list(request.auth), page, presenters.liaison)


@router.post("liaisons", response={201: LiaisonOut, **ACT_ERRORS}, summary="确定联络员（D4.5c）")
def liaison_appoint(request, payload: LiaisonIn):
    d = payload.dict()
    agency = ref.agency(d.pop("agency_id"), "agency_id")
    return Status(
        201, presenters.liaison(services.liaison_appoint(actor=request.auth, agency=agency, since=d.pop("on"), **d))
    )


@router.get("agreements", response={200: AgreementList, **LIST_ERRORS}, summary="合作协议（D4.5c）")
def agreement_list(request, page: Query[Page]):
    return paged(selectors.agreement_list(request.auth), page, presenters.agreement)


@router.get("agreements/{int:pk}", response={200: AgreementOut, **READ_ERRORS}, summary="合作协议")
def agreement_get(request, pk: int):
    return presenters.agreement(selectors.agreement_get(request.auth, pk))


@router.post("agreements", response={201: AgreementOut, **ACT_ERRORS}, summary="登记合作协议（D4.5c）")
def agreement_record(request, payload: AgreementIn):
    d = payload.dict()
    agencies = references(Agency.objects.all(), d.pop("agency_ids"), "agency_ids")
    record = services.agreement_record(actor=request.auth, agencies=agencies, **d)
    return Status(201, presenters.agreement(selectors.agreement_get(request.auth, record.pk)))


class InspectionWindow(Schema):
    days: int = Field(90, ge=1, le=3660, description="查看今天以前多少天内的检查，默认九十天")


@router.get(
    "parties/{int:pk}/inspections",
    response={200: OtherInspectionList, **errors(400, 401, 404)},
    summary="其他机关近期对该当事人的现场检查（D2.1：避免重复检查）",
)
def inspections_by_others(request, pk: int, window: Query[InspectionWindow]):
    party = party_selectors.party_get(request.auth, pk)
    rows = selectors.inspections_by_others(request.auth, party, days=window.days)
    return {"count": len(rows), "days": window.days, "items": [r.__dict__ for r in rows]}
