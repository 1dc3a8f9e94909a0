"""API operations: published standards, versions and items (no login, 行政处罚法第三十四条),
diff of two versions, the engine (evaluate), import, departures and their counts."""

from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import ConfigDict

from zhifa.accounts.access import require_agency, require_login
from zhifa.accounts.selectors import user_get
from zhifa.core.references import reference
from zhifa.discretion import selectors, services
from zhifa.org.selectors import agency_get
from zhifa.people.selectors import officer_get

router = Router(tags=["裁量基准"])


class VersionOut(Schema):
    id: int
    label: str
    title: str
    document_number: str
    effective_from: date
    effective_to: date | None
    source_title: str
    source_url: str


class StandardOut(Schema):
    code: str
    title: str
    issuer: str
    field: str
    versions: list[VersionOut]

    @staticmethod
    def resolve_versions(obj):
        return list(obj.versions.all())


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


class EvaluateIn(Schema):
    # Facts the law does not list are refused, at the top level and inside ``facts`` (D1.2).
    model_config = ConfigDict(extra="forbid")
    item_code: str = Field(..., max_length=40)
    act_date: date
    decision_date: date
    facts: dict = Field(default_factory=dict)
    prior_violations: int = Field(0, ge=0)


class EvaluateActIn(Schema):
    item_codes: list[str] = Field(..., min_length=1)
    act_date: date
    decision_date: date
    facts: dict = Field(default_factory=dict)
    prior_violations: int = Field(0, ge=0)


class ImportIn(Schema):
    name: str = Field("standard.yaml", max_length=200)
    content: str = Field(..., min_length=1)


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


@router.get("standards", response=list[StandardOut], auth=None, summary="裁量基准列表（公开）")
@paginate(LimitOffsetPagination)
def standard_list(request, field: str | None = None):
    qs = selectors.standard_list()
    return qs.filter(field=field) if field else qs


@router.get("standards/{code}", response=StandardOut, auth=None, summary="裁量基准及其版本（公开）")
def standard_get(request, code: str):
    return selectors.standard_get(code)


@router.get("versions/{pk}/items", response=list[ItemOut], auth=None, summary="一个版本的全部事项（公开）")
def version_items(request, pk: int):
    return list(selectors.item_list().filter(version_id=selectors.version_get(pk).pk))


@router.get("versions/{pk}/export.yaml", auth=None, summary="导出一个版本（YAML，公开）")
def version_export(request, pk: int):
    return HttpResponse(
        services.export_yaml(selectors.version_get(pk)), content_type="application/x-yaml; charset=utf-8"
    )


@router.get("items", response=list[ItemOut], auth=None, summary="裁量事项（公开）")
@paginate(LimitOffsetPagination)
def item_list(request, q: str = "", field: str = "", standard: str = "", in_force_on: date | None = None):
    return selectors.item_list(q=q, field=field, standard=standard, in_force_on=in_force_on)


@router.get("items/{pk}", response=ItemOut, auth=None, summary="裁量事项及其档次（公开）")
def item_get(request, pk: int):
    item = selectors.item_get(pk)
    parsed = services._parse_cached(item.version.content, item.version.digest)
    item.tiers = [
        {"level": r[2], "condition": r[3], "amount": r[4]} for r in services.tier_rows(parsed) if r[0] == item.code
    ]
    return item


@router.get("diff", auth=None, summary="比较两个版本（公开）")
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


@router.post("evaluate", summary="裁量引擎：按认定的情节提出建议、过程与说理")
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


@router.post("evaluate/act", summary="同一违法行为违反多个规定：只罚款一次，按数额高的规定（行政处罚法第二十九条）")
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


@router.post("import", response={201: dict}, summary="导入裁量基准（YAML；政府法制机构）")
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


@router.post("departures", response={201: DepartureOut}, summary="登记偏离裁量基准建议档次的决定")
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


@router.get("departures/counts", summary="偏离裁量基准的次数（按机关、按执法人员）")
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
