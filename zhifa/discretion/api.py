"""API operations: published standards, versions and items (no login, 行政处罚法第三十四条),
diff of two versions, the engine (evaluate), import, departures and their counts."""

from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import ConfigDict

from zhifa.accounts.access import require_agency, require_login
from zhifa.accounts.selectors import user_get
from zhifa.core.api_schemas import described, errors
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference
from zhifa.discretion import filters, selectors, services, versions
from zhifa.discretion.models import Departure, DiscretionItem, DiscretionStandard, StandardVersion
from zhifa.org.selectors import agency_get
from zhifa.people.selectors import officer_get

router = Router(tags=["裁量基准"])

# The items list filters as its page does (zhifa.core.filtering).
ItemQuery = query_schema(filters.ItemFilter)


@described(StandardVersion)
class VersionOut(Schema):
    id: int
    label: str
    title: str
    document_number: str
    effective_from: date
    effective_to: date | None
    source_title: str
    source_url: str


@described(DiscretionStandard, versions="各版本")
class StandardOut(Schema):
    code: str
    title: str
    issuer: str
    field: str
    versions: list[VersionOut]

    @staticmethod
    def resolve_versions(obj):
        return list(obj.versions.all())


@described(DiscretionItem, standard="裁量基准代码", tiers="各档次（档次、情节、裁量幅度），仅在单个事项中给出")
class ItemOut(Schema):
    id: int
    code: str
    violation: str
    field: str
    violated: list[str]
    penalty: list[str]
    statutory_text: str
    provenance: str
    standard: str
    version: str
    version_id: int
    violation_item: str | None
    tiers: list[dict] | None = None

    @staticmethod
    def resolve_standard(obj):
        return obj.version.standard.code

    @staticmethod
    def resolve_version(obj):
        return obj.version.label

    @staticmethod
    def resolve_violation_item(obj):
        return obj.violation_item.code if obj.violation_item_id else None


@described(
    item_code="裁量事项编码",
    act_date="违法行为发生日期",
    decision_date="作出处罚决定的日期",
    facts="认定的情节（只能是法律列明的情节，见 FACT_FIELDS）",
    prior_violations="本系统记录的当事人既往违法次数",
)
class EvaluateIn(Schema):
    # Facts the law does not list are refused, at the top level and inside ``facts`` (D1.2).
    model_config = ConfigDict(extra="forbid")
    item_code: str = Field(..., max_length=40)
    act_date: date
    decision_date: date
    facts: dict = Field(default_factory=dict)
    prior_violations: int = Field(0, ge=0)


@described(
    item_codes="同一违法行为违反的各裁量事项编码",
    act_date="违法行为发生日期",
    decision_date="作出处罚决定的日期",
    facts="认定的情节",
    prior_violations="本系统记录的当事人既往违法次数",
)
class EvaluateActIn(Schema):
    item_codes: list[str] = Field(..., min_length=1)
    act_date: date
    decision_date: date
    facts: dict = Field(default_factory=dict)
    prior_violations: int = Field(0, ge=0)


@described(name="文件名", content="裁量基准文件内容（YAML）")
class ImportIn(Schema):
    name: str = Field("standard.yaml", max_length=200)
    content: str = Field(..., min_length=1)


@described(Departure, prior_violations="本系统记录的当事人既往违法次数")
class DepartureIn(Schema):
    model_config = ConfigDict(extra="forbid")
    agency_id: int
    officer_id: int | None = None
    case_reference: str = Field(..., max_length=80)
    case_id: int | None = None
    item_code: str = Field(..., max_length=40)
    act_date: date
    decision_date: date
    facts: dict = Field(default_factory=dict)
    prior_violations: int = Field(0, ge=0)
    chosen_outcome: str
    chosen_amount: Decimal | None = Field(None, ge=0, max_digits=16, decimal_places=2)
    chosen_tier: str = Field("", max_length=40)
    reasons: str = Field(..., max_length=2000)
    reviewer_id: int | None = None


@described(Departure)
class DepartureOut(Schema):
    id: int
    agency_id: int
    officer_id: int | None
    case_reference: str
    case_id: int | None
    item_code: str
    proposed_tier: str
    proposed_min: Decimal | None
    proposed_max: Decimal | None
    proposed_amount: Decimal | None
    chosen_outcome: str
    chosen_amount: Decimal | None
    reasons: str
    reviewer_id: int


# --- What the engine and the reports answer ----------------------------------------------


@described(row="裁量基准的行（基准@版本 事项 档次）")
class StepOut(Schema):
    stage: str = Field(
        ...,
        description="步骤：standard、statute、no_penalty、warning、mitigate、aggravate、tier、amount、versions、one_fine",
    )
    text: str = Field(..., description="这一步认定了什么（中文）")
    clauses: list[str] = Field(..., description="所依据的《决定》条款编号")
    law: list[str] = Field(..., description="所依据的法律条文")
    row: str


@described()
class PenaltyOut(Schema):
    kind: str = Field(..., description="处罚种类：fine、warning、confiscation、suspension、licence_revocation、order")
    text: str = Field(..., description="处罚内容（中文）")


@described()
class CandidateOut(Schema):
    version: str = Field(..., description="裁量基准版本")
    version_citation: str = Field(..., description="版本的引用（名称、文号、施行日期）")
    outcome: str = Field(..., description="该版本下的结果")
    tier_label: str = Field(..., description="该版本下的档次")
    recommended: str | None = Field(None, description="该版本下的建议罚款（元）")


@described()
class ProposalOut(Schema):
    item_code: str = Field(..., description="裁量事项编码")
    violation: str = Field(..., description="违法行为")
    standard_code: str = Field(..., description="裁量基准代码")
    standard_title: str = Field(..., description="裁量基准名称")
    version: str = Field(..., description="适用的版本")
    version_citation: str = Field(..., description="适用版本的引用")
    outcome: str = Field(..., description="结果：no_penalty 不予处罚、warning 警告、penalty 行政处罚")
    outcome_label: str = Field(..., description="结果（中文）")
    tier: str = Field(..., description="档次代码")
    tier_label: str = Field(..., description="档次（中文）")
    fine_min: str | None = Field(None, description="本档罚款下限（元）")
    fine_max: str | None = Field(None, description="本档罚款上限（元）")
    recommended: str | None = Field(None, description="建议罚款（元）")
    statutory_min: str | None = Field(None, description="法定罚款下限（元）")
    statutory_max: str | None = Field(None, description="法定罚款上限（元）")
    penalties: list[PenaltyOut] = Field(..., description="建议的处罚")
    education: bool = Field(..., description="是否以教育为主")
    aggravating: list[str] = Field(..., description="认定的从重情节")
    mitigating: list[str] = Field(..., description="认定的从轻情节")
    mandatory: list[str] = Field(..., description="法定应当从轻或者减轻的情节")
    trace: list[StepOut] = Field(..., description="推理过程，每步注明条款、法条和基准的行")
    explanation: str = Field(..., description="处罚决定书中对自由裁量的说明（D3.10c）")
    candidates: list[CandidateOut] = Field(..., description="违法行为发生至决定时先后施行的各版本及其结果")
    act_date: date | None = Field(None, description="违法行为发生日期")
    decision_date: date | None = Field(None, description="作出处罚决定的日期")


@described()
class DiffRowOut(Schema):
    what: str = Field(..., description="变化的内容（法定处罚、处罚依据或某一档）")
    old: str = Field(..., description="旧版本")
    new: str = Field(..., description="新版本")


@described()
class DiffItemOut(Schema):
    item_code: str = Field(..., description="裁量事项编码")
    rows: list[DiffRowOut] = Field(..., description="变化")


@described()
class DiffOut(Schema):
    old: int = Field(..., description="旧版本（编号）")
    new: int = Field(..., description="新版本（编号）")
    same_standard: bool = Field(..., description="两个版本是否属于同一裁量基准")
    added: list[str] = Field(..., description="新增的事项编码")
    removed: list[str] = Field(..., description="删去的事项编码")
    changed: list[DiffItemOut] = Field(..., description="有变化的事项")


@described()
class AgencyCountOut(Schema):
    agency_id: int = Field(..., description="执法机关（编号）")
    agency: str = Field(..., description="执法机关")
    count: int = Field(..., description="偏离次数")
    heavier: int = Field(..., description="其中重于建议档次的次数")


@described()
class OfficerCountOut(Schema):
    officer_id: int | None = Field(None, description="执法人员（编号）")
    officer: str = Field(..., description="执法人员")
    agency: str = Field(..., description="所在机关")
    count: int = Field(..., description="偏离次数")


@described()
class DepartureCountsOut(Schema):
    total: int = Field(..., description="偏离总次数")
    by_agency: list[AgencyCountOut] = Field(..., description="按机关")
    by_officer: list[OfficerCountOut] = Field(..., description="按执法人员")


@router.get("standards", response={200: list[StandardOut], **errors(400)}, auth=None, summary="裁量基准列表（公开）")
@paginate(LimitOffsetPagination)
def standard_list(request, field: str | None = None):
    qs = selectors.standard_list()
    return qs.filter(field=field) if field else qs


@router.get(
    "standards/{code}", response={200: StandardOut, **errors(400, 404)}, auth=None, summary="裁量基准及其版本（公开）"
)
def standard_get(request, code: str):
    return selectors.standard_get(code)


@router.get(
    "versions/{pk}/items",
    response={200: list[ItemOut], **errors(400, 404)},
    auth=None,
    summary="一个版本的全部事项（公开）",
)
def version_items(request, pk: int):
    return list(selectors.item_list().filter(version_id=selectors.version_get(pk).pk))


@router.get(
    "versions/{pk}/export.yaml",
    response=errors(404),
    auth=None,
    summary="导出一个版本（YAML，公开）",
    openapi_extra={
        "responses": {
            200: {
                "description": "裁量基准版本的 YAML 文件",
                "content": {"application/x-yaml": {"schema": {"type": "string"}}},
            }
        }
    },
)
def version_export(request, pk: int):
    return HttpResponse(
        services.export_yaml(selectors.version_get(pk)), content_type="application/x-yaml; charset=utf-8"
    )


@router.get("items", response={200: list[ItemOut], **errors(400)}, auth=None, summary="裁量事项（公开）")
@paginate(LimitOffsetPagination)
def item_list(request, query: Query[ItemQuery]):
    return filtered(filters.ItemFilter, selectors.item_list(), query)


@router.get("items/{pk}", response={200: ItemOut, **errors(400, 404)}, auth=None, summary="裁量事项及其档次（公开）")
def item_get(request, pk: int):
    item = selectors.item_get(pk)
    parsed = versions.parsed(item.version.content, item.version.digest)
    item.tiers = [
        {"level": r[2], "condition": r[3], "amount": r[4]} for r in services.tier_rows(parsed) if r[0] == item.code
    ]
    return item


@router.get("diff", response={200: DiffOut, **errors(400, 404)}, auth=None, summary="比较两个版本（公开）")
def diff(request, old: int, new: int):
    d = services.diff_versions(selectors.version_get(old), selectors.version_get(new))
    return {
        "old": d["old"].pk,
        "new": d["new"].pk,
        "same_standard": d["same_standard"],
        "added": [i.code for i in d["added"]],
        "removed": [i.code for i in d["removed"]],
        "changed": [
            {"item_code": c["item"].code, "rows": [{"what": w, "old": o, "new": n} for w, o, n in c["rows"]]}
            for c in d["changed"]
        ],
    }


@router.post(
    "evaluate",
    response={200: ProposalOut, **errors(400, 401, 422)},
    summary="裁量引擎：按认定的情节提出建议、过程与说理",
)
def evaluate(request, payload: EvaluateIn):
    require_login(request.auth)
    p = services.propose(
        item_code=payload.item_code,
        act_date=payload.act_date,
        decision_date=payload.decision_date,
        facts=payload.facts,
        prior_violations=payload.prior_violations,
    )
    return p.as_dict()


@router.post(
    "evaluate/act",
    response={200: ProposalOut, **errors(400, 401, 422)},
    summary="同一违法行为违反多个规定：只罚款一次，按数额高的规定（行政处罚法第二十九条）",
)
def evaluate_act(request, payload: EvaluateActIn):
    require_login(request.auth)
    p = services.propose_for_act(
        item_codes=payload.item_codes,
        act_date=payload.act_date,
        decision_date=payload.decision_date,
        facts=payload.facts,
        prior_violations=payload.prior_violations,
    )
    return p.as_dict()


@router.post(
    "import", response={201: dict, **errors(400, 401, 403, 409, 422)}, summary="导入裁量基准（YAML；政府法制机构）"
)
def standards_import(request, payload: ImportIn):
    report = services.standards_import(actor=request.auth, documents=[(payload.name, payload.content)])
    return Status(
        201,
        {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "linked": report.linked,
            "unlinked": report.unlinked,
        },
    )


@router.post(
    "departures",
    response={201: DepartureOut, **errors(400, 401, 403, 409, 422)},
    summary="登记偏离裁量基准建议档次的决定",
)
def departure_create(request, payload: DepartureIn):
    require_login(request.auth)
    agency = reference(agency_get, payload.agency_id, "agency_id")
    # Outside the actor's agencies the answer is "not found", before the people named in the body.
    require_agency(request.auth, agency.pk, "执法机关")
    officer = reference(officer_get, payload.officer_id, "officer_id", request.auth)
    reviewer = reference(user_get, payload.reviewer_id, "reviewer_id", request.auth)
    proposal = services.propose(
        item_code=payload.item_code,
        act_date=payload.act_date,
        decision_date=payload.decision_date,
        facts=payload.facts,
        prior_violations=payload.prior_violations,
    )
    d = services.departure_record(
        actor=request.auth,
        agency=agency,
        officer=officer,
        case_reference=payload.case_reference,
        case_id=payload.case_id,
        proposal=proposal,
        facts=payload.facts,
        chosen_outcome=payload.chosen_outcome,
        chosen_amount=payload.chosen_amount,
        chosen_tier=payload.chosen_tier,
        reasons=payload.reasons,
        reviewer=reviewer,
        prior_violations=payload.prior_violations,
    )
    return Status(201, d)


@router.get(
    "departures/counts",
    response={200: DepartureCountsOut, **errors(400, 401)},
    summary="偏离裁量基准的次数（按机关、按执法人员）",
)
def departure_counts(request, since: date | None = None, until: date | None = None):
    c = selectors.departure_counts(request.auth, since=since, until=until)
    return {
        "total": c["total"],
        "by_agency": [
            {"agency_id": r["agency_id"], "agency": r["agency__name"], "count": r["count"], "heavier": r["heavier"]}
            for r in c["by_agency"]
        ],
        "by_officer": [
            {
                "officer_id": r["officer_id"],
                "officer": r["officer_name"],
                "agency": r["agency__name"],
                "count": r["count"],
            }
            for r in c["by_officer"]
        ],
    }
