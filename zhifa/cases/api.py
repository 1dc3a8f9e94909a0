"""The case procedure over HTTP: one operation per act, mounted at /api/v1/cases/.

Every act answers with the case as it now stands (its status, version, deadline, next
act, warnings and records); a refusal is ``{"code", "clauses", "message", "field",
"errors"}`` with 4xx. Send ``expected_version`` (the case's ``version``) to be told
with 409 that someone else acted first; ``on`` dates the act (default: today).
Outside the caller's scope a case is "not found".
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from django.http import FileResponse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from zhifa.cases import evidence_store, presenters, selectors, services
from zhifa.cases.models import Status as CaseStatus
from zhifa.core import clock
from zhifa.core.errors import DomainError, invalid, not_found

router = Router(tags=["案件办理"])

Detail = dict[str, Any]


# --- references in request bodies ------------------------------------------------------


def _case(request, pk: int):
    return selectors.case_get(request.auth, pk)


def _officer(case, pk: int | None, field: str):
    from zhifa.people.models import Officer

    if pk is None:
        return None
    officer = Officer.objects.filter(pk=pk, agency_id=case.agency_id).first()
    if officer is None:
        raise invalid("所选执法人员不存在或不属于本机关。", field=field)
    return officer


def _officers(case, ids: list[int], field: str) -> list:
    return [_officer(case, pk, field) for pk in ids]


def _model(model, pk, field: str, what: str):
    if pk is None:
        return None
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise invalid(f"所选{what}不存在。", field=field)
    return obj


def _articles(ids: list[int] | None, field: str = "basis_articles"):
    from zhifa.law.models import Article

    if ids is None:
        return None
    found = {a.pk: a for a in Article.objects.select_related("basis").filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise invalid("所选条文不存在。", field=field)
    return [found[i] for i in ids]


def _party(pk):
    from zhifa.parties.models import Party

    return _model(Party, pk, "party_id", "当事人")


def _item(pk):
    from zhifa.law.models import ViolationItem

    return _model(ViolationItem, pk, "violation_item_id", "违法行为")


def _place(pk):
    from zhifa.org.models import Government

    return _model(Government, pk, "place_id", "行政区域")


def _detail(request, case) -> Detail:
    return presenters.case_detail(
        selectors.case_get(request.auth, case.pk if hasattr(case, "pk") else case), request.auth
    )


class Act(Schema):
    on: date | None = Field(None, description="办理日期，默认今天")
    expected_version: int | None = Field(None, description="案件的 version；已被他人办理时返回 409")


class Terms(Schema):
    warning: bool = False
    fine: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    confiscation: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    qualification_downgrade: bool = False
    licence_revocation: bool = False
    suspension: bool = False
    closure: bool = False
    practice_restriction: bool = False


# --- reads -------------------------------------------------------------------------------


class CaseFilters(Schema):
    status: str | None = None
    q: str | None = Field(None, description="当事人名称或证件号、案号、文号、违法行为")
    party_id: int | None = None
    violation_item_id: int | None = None
    open: bool | None = None
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0)


@router.get("", response=Detail, summary="案件列表（按当事人、案号、违法行为检索；items 与 count，limit/offset 分页）")
def case_list(request, filters: Query[CaseFilters]):
    qs = selectors.case_list(request.auth)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.party_id:
        qs = qs.filter(party_id=filters.party_id)
    if filters.violation_item_id:
        qs = qs.filter(violation_item_id=filters.violation_item_id)
    if filters.open is not None:
        from zhifa.cases.models import OPEN_STATUSES

        qs = qs.filter(status__in=OPEN_STATUSES) if filters.open else qs.exclude(status__in=OPEN_STATUSES)
    qs = selectors.search(qs, filters.q or "")
    on = clock.today()
    return {
        "count": qs.count(),
        "items": [presenters.case_row(c, on) for c in qs[filters.offset : filters.offset + filters.limit]],
    }


@router.get("workbench", response=Detail, summary="工作台：我的案件、待审批、待审核，期限与提醒")
def workbench(request):
    board = selectors.workbench(request.auth)
    on = board["today"]

    def rows(rs):
        return [{**presenters.case_row(r.case, on), "next": r.next, "warnings": r.warnings} for r in rs]

    return {
        "today": on,
        "counts": board["counts"],
        "cases": rows(board["rows"]),
        "approvals": rows(board["approvals"]),
        "reviews": rows(board["reviews"]),
    }


@router.get("{pk}", response=Detail, summary="案件详情")
def case_get(request, pk: int):
    return presenters.case_detail(_case(request, pk), request.auth)


@router.get("{pk}/timeline", response=list[Detail], summary="案件办理过程（审计记录）")
def case_timeline(request, pk: int):
    case = _case(request, pk)
    return [
        {"seq": e.seq, "time": e.time, "actor": e.actor_label, "act": e.act, "changes": e.changes, "clauses": e.clauses}
        for e in selectors.timeline(case)
    ]


@router.get("evidence/{pk}/content", summary="证据内容（核验 SHA-256 后提供）")
def evidence_content(request, pk: int):
    evidence = selectors.evidence_get(request.auth, pk)
    if not evidence_store.verify(evidence.sha256):
        raise DomainError.of("conflict", "证据内容与登记的 SHA-256 不一致，可能已被篡改，请报告。", status=409)
    return FileResponse(
        evidence_store.open_content(evidence.sha256),
        as_attachment=True,
        filename=evidence.filename,
        content_type=evidence.content_type or "application/octet-stream",
    )


# --- clue and filing ------------------------------------------------------------------------


class ClueIn(Schema):
    source: Literal["complaint", "inspection", "transfer_in", "monitoring", "other"]
    received_on: date
    summary: str = Field(..., min_length=1, max_length=4000)
    party_id: int | None = None
    violation_item_id: int | None = None
    place_id: int | None = None
    place_detail: str = ""
    act_date: date | None = None
    reporter_name: str = ""
    reporter_contact: str = ""
    source_reference: str = ""
    on: date | None = None


@router.post("", response={201: Detail}, summary="登记违法线索")
def clue_register(request, payload: ClueIn):
    d = payload.dict()
    case = services.clue_register(
        actor=request.auth,
        party=_party(d.pop("party_id")),
        violation_item=_item(d.pop("violation_item_id")),
        place=_place(d.pop("place_id")),
        **d,
    )
    return Status(201, _detail(request, case))


class ProposeIn(Act):
    party_id: int
    violation_item_id: int
    place_id: int | None = None
    place_detail: str | None = None
    act_date: date | None = None
    act_ended_on: date | None = None
    harmful_consequence: bool = False
    investigator_ids: list[int] = Field(default_factory=list)
    lead_officer_id: int | None = None
    reason: str = ""
    major_public_interest: bool = False
    complex_case: bool = False
    law_requires_review: bool = False
    major_violation: bool = False


@router.post("{pk}/filing/proposal", response=Detail, summary="提请立案（D3.1a、D3.10a、D3.8、D3.7、D1.5）")
def filing_propose(request, pk: int, payload: ProposeIn):
    case = _case(request, pk)
    d = payload.dict()
    services.filing_propose(
        actor=request.auth,
        case=case,
        party=_party(d.pop("party_id")),
        violation_item=_item(d.pop("violation_item_id")),
        place=_place(d.pop("place_id")),
        investigators=_officers(case, d.pop("investigator_ids"), "investigator_ids"),
        lead_officer=_officer(case, d.pop("lead_officer_id"), "lead_officer_id"),
        **d,
    )
    return _detail(request, case)


class ApproveIn(Act):
    late_reason: str = ""


@router.post("{pk}/filing/approval", response=Detail, summary="批准立案")
def filing_approve(request, pk: int, payload: ApproveIn):
    case = _case(request, pk)
    services.filing_approve(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class RefuseIn(Act):
    reason: str
    late_reason: str = ""


@router.post("{pk}/filing/refusal", response=Detail, summary="决定不予立案")
def filing_refuse(request, pk: int, payload: RefuseIn):
    case = _case(request, pk)
    services.filing_refuse(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class TransferIn(Act):
    to_agency_id: int
    reasons: str
    materials: str


@router.post("{pk}/transfer", response=Detail, summary="移送有管辖权的机关（D3.4）")
def transfer_out(request, pk: int, payload: TransferIn):
    from zhifa.org.models import Agency

    case = _case(request, pk)
    d = payload.dict()
    services.transfer_out(
        actor=request.auth, case=case, to_agency=_model(Agency, d.pop("to_agency_id"), "to_agency_id", "机关"), **d
    )
    return _detail(request, case)


class AnswerIn(Schema):
    answer: str
    on: date | None = None


@router.post("{pk}/transfer/answer", response=Detail, summary="函告移送机关处理结果（接收机关）")
def transfer_answer(request, pk: int, payload: AnswerIn):
    case = _case(request, pk)
    services.transfer_answer(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class AssignIn(Act):
    officer_id: int
    lead: bool = False


@router.post("{pk}/officers", response=Detail, summary="指派承办人员")
def officer_assign(request, pk: int, payload: AssignIn):
    case = _case(request, pk)
    d = payload.dict()
    services.officer_assign(
        actor=request.auth, case=case, officer=_officer(case, d.pop("officer_id"), "officer_id"), **d
    )
    return _detail(request, case)


class RecusalIn(Schema):
    officer_id: int
    applicant: Literal["party", "officer", "agency"]
    grounds: str
    on: date | None = None


@router.post("{pk}/recusals", response={201: Detail}, summary="登记回避申请（D3.7）")
def recusal_apply(request, pk: int, payload: RecusalIn):
    case = _case(request, pk)
    d = payload.dict()
    services.recusal_apply(
        actor=request.auth, case=case, officer=_officer(case, d.pop("officer_id"), "officer_id"), **d
    )
    return Status(201, _detail(request, case))


class RecusalDecisionIn(Schema):
    granted: bool
    reason: str = ""
    on: date | None = None


@router.post("{pk}/recusals/{rid}/decision", response=Detail, summary="决定是否回避（机关负责人）")
def recusal_decide(request, pk: int, rid: int, payload: RecusalDecisionIn):
    case = _case(request, pk)
    recusal = case.recusals.filter(pk=rid).first()
    if recusal is None:
        raise not_found("回避申请")
    services.recusal_decide(actor=request.auth, case=case, recusal=recusal, **payload.dict())
    return _detail(request, case)


# --- investigation ---------------------------------------------------------------------------


class InspectionIn(Schema):
    kind: Literal["inspection", "inquiry"]
    place: str
    subject: str
    officer_ids: list[int]
    certificates_shown: bool
    record: str
    signed_by_subject: bool = True
    refusal_note: str = ""
    on: date | None = None


@router.post("{pk}/inspections", response={201: Detail}, summary="记录检查或询问（D3.8：两名持证执法人员，出示证件）")
def inspection_record(request, pk: int, payload: InspectionIn):
    case = _case(request, pk)
    d = payload.dict()
    services.inspection_record(
        actor=request.auth, case=case, officers=_officers(case, d.pop("officer_ids"), "officer_ids"), **d
    )
    return Status(201, _detail(request, case))


class EvidenceIn(Schema):
    kind: Literal[
        "documentary",
        "physical",
        "audiovisual",
        "electronic",
        "witness",
        "party_statement",
        "expert_opinion",
        "site_record",
    ]
    title: str
    source: str
    collected_on: date
    description: str = ""
    inspection_id: int | None = None
    holder: str = ""
    on: date | None = None


@router.post("{pk}/evidence", response={201: Detail}, summary="登记证据（按 SHA-256 存放，不覆盖、不删除）")
def evidence_add(request, pk: int, content: File[UploadedFile], data: Form[EvidenceIn]):
    case = _case(request, pk)
    d = data.dict()
    inspection = None
    if d.get("inspection_id"):
        inspection = case.inspections.filter(pk=d["inspection_id"]).first()
        if inspection is None:
            raise invalid("所选笔录不属于本案。", field="inspection_id")
    d.pop("inspection_id", None)
    services.evidence_add(
        actor=request.auth,
        case=case,
        content=content,
        filename=content.name,
        content_type=content.content_type or "",
        inspection=inspection,
        **d,
    )
    return Status(201, _detail(request, case))


class CustodyIn(Schema):
    action: Literal["stored", "handed_over", "examined", "returned", "sealed"]
    holder: str
    note: str = ""
    on: date | None = None


@router.post("evidence/{pk}/custody", response={201: Detail}, summary="记录证据保管链")
def custody_record(request, pk: int, payload: CustodyIn):
    evidence = selectors.evidence_get(request.auth, pk)
    services.custody_record(actor=request.auth, evidence=evidence, **payload.dict())
    return Status(201, _detail(request, evidence.case))


class RelativeIn(Schema):
    name: str
    relation: str
    age_group: Literal["minor", "adult", "elderly"]
    circumstances: str = ""
    arrangement: str = ""
    on: date | None = None


@router.post("{pk}/relatives", response={201: Detail}, summary="登记当事人亲属（D5.6，不公开）")
def relative_record(request, pk: int, payload: RelativeIn):
    case = _case(request, pk)
    services.relative_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, _detail(request, case))


class ReportIn(Schema):
    facts: str
    evidence_summary: str
    outcome: Literal["penalty", "no_penalty_minor", "no_penalty_unfounded", "transfer_judiciary"]
    reasons: str
    terms: Terms = Field(default_factory=Terms)
    basis_article_ids: list[int] = Field(default_factory=list)
    circumstances: dict[str, Any] = Field(default_factory=dict)
    lenient_new_law: bool = False
    lenient_reason: str = ""
    major_public_interest: bool | None = None
    complex_case: bool | None = None
    law_requires_review: bool | None = None
    major_violation: bool | None = None
    departure_reasons: str = ""
    on: date | None = None


@router.post("{pk}/report", response={201: Detail}, summary="提交调查终结报告（D3.10a）")
def report_submit(request, pk: int, payload: ReportIn):
    case = _case(request, pk)
    d = payload.dict()
    services.report_submit(
        actor=request.auth,
        case=case,
        terms=d.pop("terms"),
        basis_articles=_articles(d.pop("basis_article_ids"), "basis_article_ids"),
        **d,
    )
    return Status(201, _detail(request, case))


class ReasonIn(Act):
    reason: str


@router.post("{pk}/reopening", response=Detail, summary="退回补充调查")
def investigation_reopen(request, pk: int, payload: ReasonIn):
    case = _case(request, pk)
    services.investigation_reopen(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


# --- notice, defences, hearings ------------------------------------------------------------


class NoticeIn(Schema):
    facts: str | None = None
    reasons: str | None = None
    terms: Terms | None = None
    basis_article_ids: list[int] | None = None
    states_defence_right: bool = True
    states_hearing_right: bool | None = None
    on: date | None = None


@router.post("{pk}/notice", response={201: Detail}, summary="制作事先告知书（D3.9a、D5.3a；未写明的取自调查终结报告）")
def notice_issue(request, pk: int, payload: NoticeIn):
    case = _case(request, pk)
    d = payload.dict()
    services.notice_issue(
        actor=request.auth,
        case=case,
        terms=d.pop("terms"),
        basis_articles=_articles(d.pop("basis_article_ids"), "basis_article_ids"),
        **d,
    )
    return Status(201, _detail(request, case))


class ServiceIn(Act):
    method: Literal["direct", "on_spot", "mail", "electronic", "left", "public"]
    served_to: str


@router.post("{pk}/notice/service", response=Detail, summary="送达事先告知书")
def notice_serve(request, pk: int, payload: ServiceIn):
    case = _case(request, pk)
    services.notice_serve(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class WaiverIn(Schema):
    statement: str
    in_writing: bool
    waives_defence: bool = True
    waives_hearing: bool = False
    on: date | None = None


@router.post("{pk}/waivers", response={201: Detail}, summary="登记书面放弃陈述申辩（听证）权利")
def waiver_record(request, pk: int, payload: WaiverIn):
    case = _case(request, pk)
    services.waiver_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, _detail(request, case))


class PointIn(Schema):
    kind: Literal["fact", "reason", "evidence"] = "reason"
    text: str


class DefenceIn(Schema):
    made_by: str
    form: Literal["written", "oral"] = "written"
    points: list[PointIn]
    on: date | None = None


@router.post("{pk}/defences", response={201: Detail}, summary="逐项记录陈述申辩（D5.2a）")
def defence_record(request, pk: int, payload: DefenceIn):
    case = _case(request, pk)
    d = payload.dict()
    services.defence_record(actor=request.auth, case=case, **d)
    return Status(201, _detail(request, case))


class ReviewIn(Schema):
    adopted: bool | None
    reason: str
    on: date | None = None


@router.post("{pk}/defence-points/{point_id}/review", response=Detail, summary="复核一项陈述申辩（D5.2a）")
def defence_review(request, pk: int, point_id: int, payload: ReviewIn):
    from zhifa.cases.models import DefencePoint

    case = _case(request, pk)
    point = DefencePoint.objects.filter(pk=point_id, defence__case=case).first()
    if point is None:
        raise not_found("陈述申辩事项")
    services.defence_review(actor=request.auth, case=case, point=point, **payload.dict())
    return _detail(request, case)


class HearingRequestIn(Schema):
    requested_on: date | None = None
    form: Literal["written", "oral"] = "written"
    on: date | None = None


@router.post("{pk}/hearing/request", response={201: Detail}, summary="登记听证要求（告知后五日内，D5.3a）")
def hearing_request(request, pk: int, payload: HearingRequestIn):
    case = _case(request, pk)
    services.hearing_request(actor=request.auth, case=case, **payload.dict())
    return Status(201, _detail(request, case))


class HearingScheduleIn(Schema):
    chair_id: int
    scheduled_at: datetime
    place: str
    notified_on: date | None = None
    public: bool = True
    on: date | None = None


@router.post("{pk}/hearing/schedule", response=Detail, summary="指定主持人并通知听证（七日前，非调查人员主持）")
def hearing_schedule(request, pk: int, payload: HearingScheduleIn):
    case = _case(request, pk)
    d = payload.dict()
    services.hearing_schedule(actor=request.auth, case=case, chair=_officer(case, d.pop("chair_id"), "chair_id"), **d)
    return _detail(request, case)


class HearingRecordIn(Schema):
    transcript: str
    party_attended: bool
    points: list[PointIn] = Field(default_factory=list)
    on: date | None = None


@router.post("{pk}/hearing/record", response=Detail, summary="记录听证（主持人）")
def hearing_record(request, pk: int, payload: HearingRecordIn):
    case = _case(request, pk)
    services.hearing_record(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class WithdrawIn(Schema):
    statement: str
    on: date | None = None


@router.post("{pk}/hearing/withdrawal", response=Detail, summary="登记撤回听证要求")
def hearing_withdraw(request, pk: int, payload: WithdrawIn):
    case = _case(request, pk)
    services.hearing_withdraw(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


# --- decision ---------------------------------------------------------------------------


@router.post("{pk}/submission", response=Detail, summary="提交决定（需要时送法制审核）")
def decision_submit(request, pk: int, payload: Act):
    case = _case(request, pk)
    services.decision_submit(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class LegalReviewIn(Act):
    passed: bool
    opinion: str


@router.post("{pk}/legal-review", response=Detail, summary="法制审核（行政处罚法第五十八条）")
def legal_review(request, pk: int, payload: LegalReviewIn):
    case = _case(request, pk)
    services.legal_review(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class DiscussionIn(Schema):
    participants: str
    minutes: str
    conclusion: str
    on: date | None = None


@router.post("{pk}/discussions", response={201: Detail}, summary="记录集体讨论")
def collective_discussion(request, pk: int, payload: DiscussionIn):
    case = _case(request, pk)
    services.collective_discussion(actor=request.auth, case=case, **payload.dict())
    return Status(201, _detail(request, case))


class ExtensionIn(Schema):
    days: int = Field(..., ge=1, le=365)
    reason: str
    on: date | None = None


@router.post("{pk}/extensions", response={201: Detail}, summary="批准延长办案期限")
def extension_approve(request, pk: int, payload: ExtensionIn):
    case = _case(request, pk)
    services.extension_approve(actor=request.auth, case=case, **payload.dict())
    return Status(201, _detail(request, case))


class DecideIn(Act):
    outcome: Literal["penalty", "no_penalty_minor", "no_penalty_unfounded"] | None = None
    facts: str | None = None
    reasons: str | None = None
    terms: Terms | None = None
    basis_article_ids: list[int] | None = None
    public_summary: str = ""
    lenient_new_law: bool | None = None
    lenient_reason: str | None = None
    departure_reasons: str | None = None


@router.post("{pk}/decision", response=Detail, summary="作出决定（未写明的取自调查终结报告）")
def decide(request, pk: int, payload: DecideIn):
    case = _case(request, pk)
    d = payload.dict()
    services.decide(
        actor=request.auth,
        case=case,
        terms=d.pop("terms"),
        basis_articles=_articles(d.pop("basis_article_ids"), "basis_article_ids"),
        **d,
    )
    return _detail(request, case)


@router.post("{pk}/judiciary-transfer", response=Detail, summary="移送司法机关")
def judiciary_transfer(request, pk: int, payload: ReasonIn):
    case = _case(request, pk)
    services.judiciary_transfer(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


@router.post("{pk}/termination", response=Detail, summary="终止调查")
def terminate(request, pk: int, payload: ReasonIn):
    case = _case(request, pk)
    services.terminate(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class DecisionServiceIn(ServiceIn):
    late_reason: str = ""


@router.post("{pk}/decision/service", response=Detail, summary="送达决定书（七日内）")
def decision_serve(request, pk: int, payload: DecisionServiceIn):
    case = _case(request, pk)
    services.decision_serve(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


# --- execution --------------------------------------------------------------------------


class InstalmentIn(Schema):
    amount: Decimal = Field(..., gt=0, max_digits=14, decimal_places=2)
    due_on: date


class PlanIn(Schema):
    kind: Literal["deferral", "instalments"]
    applied_on: date
    reason: str
    instalments: list[InstalmentIn]
    on: date | None = None


@router.post("{pk}/payment-plan", response={201: Detail}, summary="批准暂缓或分期缴纳（行政处罚法第六十六条）")
def payment_plan(request, pk: int, payload: PlanIn):
    case = _case(request, pk)
    d = payload.dict()
    services.payment_plan(
        actor=request.auth, case=case, instalments=[(i["amount"], i["due_on"]) for i in d.pop("instalments")], **d
    )
    return Status(201, _detail(request, case))


class PaymentIn(Schema):
    paid_on: date
    amount: Decimal = Field(..., gt=0, max_digits=14, decimal_places=2)
    method: Literal["bank", "electronic", "on_spot"]
    bank: str = ""
    receipt_number: str
    on: date | None = None


@router.post("{pk}/payments", response={201: Detail}, summary="记录缴款（经银行缴入国库，凭缴款凭证，D2.3）")
def payment_record(request, pk: int, payload: PaymentIn):
    case = _case(request, pk)
    services.payment_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, _detail(request, case))


class HandoverIn(Schema):
    late_reason: str = ""
    on: date | None = None


@router.post("{pk}/on-spot-handover", response=Detail, summary="当场收缴罚款交至机关（二日内）")
def on_spot_handover(request, pk: int, payload: HandoverIn):
    case = _case(request, pk)
    services.on_spot_handover(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class ReminderIn(Schema):
    method: Literal["phone", "letter", "visit"]
    content: str
    record: str
    performance_due_on: date
    on: date | None = None


@router.post("{pk}/reminders", response={201: Detail}, summary="催告（电话、书面、走访，D3.9b）")
def reminder_serve(request, pk: int, payload: ReminderIn):
    case = _case(request, pk)
    services.reminder_serve(actor=request.auth, case=case, **payload.dict())
    return Status(201, _detail(request, case))


class CompelIn(Schema):
    measures: str
    document_number: str = ""
    on: date | None = None


@router.post("{pk}/compulsory-execution", response=Detail, summary="本机关强制执行（D3.9b、D3.1a）")
def compulsory_execute(request, pk: int, payload: CompelIn):
    case = _case(request, pk)
    services.compulsory_execute(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class CourtIn(Schema):
    court: str
    measures: str
    on: date | None = None


@router.post("{pk}/court-application", response=Detail, summary="申请人民法院强制执行（D3.9b、行政强制法第五十三条）")
def court_apply(request, pk: int, payload: CourtIn):
    case = _case(request, pk)
    services.court_apply(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class EnforcementResultIn(Schema):
    result: str
    completed: bool
    recovered_amount: Decimal | None = Field(None, gt=0, max_digits=14, decimal_places=2)
    receipt_number: str = ""
    on: date | None = None


@router.post("{pk}/enforcement-result", response=Detail, summary="记录强制执行结果")
def enforcement_result(request, pk: int, payload: EnforcementResultIn):
    case = _case(request, pk)
    services.enforcement_result(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class NoteIn(Schema):
    note: str
    on: date | None = None


@router.post("{pk}/execution-complete", response=Detail, summary="确认非金钱处罚履行完毕")
def execution_complete(request, pk: int, payload: NoteIn):
    case = _case(request, pk)
    services.execution_complete(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class FollowUpIn(Schema):
    method: Literal["visit", "phone", "letter"]
    findings: str
    problems: str = ""
    response: str = ""
    on: date | None = None


@router.post("{pk}/followups", response={201: Detail}, summary="记录回访（D5.4）")
def followup_record(request, pk: int, payload: FollowUpIn):
    case = _case(request, pk)
    services.followup_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, _detail(request, case))


@router.post("{pk}/closing", response=Detail, summary="结案（案卷齐全，D6.2a）")
def close(request, pk: int, payload: Act):
    case = _case(request, pk)
    services.close(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class ArchiveIn(Schema):
    retention: str = "长期"
    on: date | None = None


@router.post("{pk}/archive", response=Detail, summary="立卷归档")
def archive(request, pk: int, payload: ArchiveIn):
    case = _case(request, pk)
    services.archive(actor=request.auth, case=case, **payload.dict())
    return _detail(request, case)


class SimpleIn(Schema):
    party_id: int
    violation_item_id: int
    place_id: int | None = None
    place_detail: str = ""
    act_date: date
    facts: str
    terms: Terms
    basis_article_ids: list[int]
    certificates_shown: bool
    collect_on_spot: bool = False
    ticket_number: str = ""
    hard_to_collect_later: bool = False
    remote_area: bool = False
    on: date | None = None


@router.post("simple", response={201: Detail}, summary="当场作出行政处罚决定（简易程序，行政处罚法第五十一条）")
def simple_penalty(request, payload: SimpleIn):
    d = payload.dict()
    case = services.simple_penalty(
        actor=request.auth,
        party=_party(d.pop("party_id")),
        violation_item=_item(d.pop("violation_item_id")),
        place=_place(d.pop("place_id")),
        basis_articles=_articles(d.pop("basis_article_ids"), "basis_article_ids"),
        **d,
    )
    return Status(201, _detail(request, case))


__all__ = ["CaseStatus", "router"]
