"""Reads: the case list, the workbench, a case, its timeline, an evidence file."""

from __future__ import annotations

from django.http import FileResponse
from ninja import Query, Schema
from pydantic import Field

from zhifa.cases import evidence_store, presenters, selectors
from zhifa.cases.api.routing import READ_ERRORS, case_of, router
from zhifa.cases.api.schemas import CaseDetail, CaseList, StatusChoice, TimelineEvent, Workbench
from zhifa.cases.models import OPEN_STATUSES
from zhifa.core import clock
from zhifa.core.api_schemas import errors


class CaseFilters(Schema):
    status: StatusChoice | None = Field(None, description="案件状态代码")
    q: str | None = Field(None, description="当事人名称或证件号、案号、文号、违法行为")
    party_id: int | None = Field(None, description="当事人编号")
    violation_item_id: int | None = Field(None, description="违法行为事项编号")
    open: bool | None = Field(None, description="true 只列办理中的案件，false 只列已结案、归档或不予立案的")
    limit: int = Field(20, ge=1, le=100, description="每页条数")
    offset: int = Field(0, ge=0, description="跳过的条数")


@router.get(
    "",
    response={200: CaseList, **errors(400, 401)},
    summary="案件列表（按当事人、案号、违法行为检索；items 与 count，limit/offset 分页）",
)
def case_list(request, filters: Query[CaseFilters]):
    qs = selectors.case_list(request.auth)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.party_id:
        qs = qs.filter(party_id=filters.party_id)
    if filters.violation_item_id:
        qs = qs.filter(violation_item_id=filters.violation_item_id)
    if filters.open is not None:
        qs = qs.filter(status__in=OPEN_STATUSES) if filters.open else qs.exclude(status__in=OPEN_STATUSES)
    qs = selectors.search(qs, filters.q or "")
    on = clock.today()
    return {
        "count": qs.count(),
        "items": [
            presenters.case_row(c, on) for c in selectors.for_rows(qs)[filters.offset : filters.offset + filters.limit]
        ],
    }


@router.get(
    "workbench", response={200: Workbench, **errors(401)}, summary="工作台：我的案件、待审批、待审核，期限与提醒"
)
def workbench(request):
    board = selectors.workbench(request.auth)
    on = board["today"]

    def rows(rs):
        return [{**presenters.case_row(r.case, on), "next": r.next, "warnings": r.warnings} for r in rs]

    return {
        "today": on,
        "counts": board["counts"],
        "totals": {
            "cases": board["totals"]["rows"],
            "approvals": board["totals"]["approvals"],
            "reviews": board["totals"]["reviews"],
        },
        "cases": rows(board["rows"]),
        "approvals": rows(board["approvals"]),
        "reviews": rows(board["reviews"]),
    }


@router.get("{int:pk}", response={200: CaseDetail, **READ_ERRORS}, summary="案件详情")
def case_get(request, pk: int):
    return presenters.case_detail(case_of(request, pk), request.auth)


@router.get("{int:pk}/timeline", response={200: list[TimelineEvent], **READ_ERRORS}, summary="案件办理过程（审计记录）")
def case_timeline(request, pk: int):
    case = case_of(request, pk)
    return [
        {"seq": e.seq, "time": e.time, "actor": e.actor_label, "act": e.act, "changes": e.changes, "clauses": e.clauses}
        for e in selectors.timeline(case)
    ]


@router.get(
    "evidence/{int:pk}/content",
    response=errors(401, 404, 409),
    summary="证据内容（核验 SHA-256 后提供）",
    openapi_extra={
        "responses": {
            "200": {
                "description": "证据文件（内容与登记的 SHA-256 一致）",
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def evidence_content(request, pk: int):
    evidence = selectors.verified_evidence(request.auth, pk)
    return FileResponse(
        evidence_store.open_content(evidence.sha256),
        as_attachment=True,
        filename=evidence.filename,
        content_type=evidence.content_type or "application/octet-stream",
    )
