"""The acts of credit and random inspections (D5.7, D2.1, D3.8): inspection item lists,
the target and inspector registers, plans seeded, drawn, their results entered, reviewed
and published; objections to a line of a party's rating, answered by the agency."""

from __future__ import annotations

import secrets
from datetime import date

from django.db import transaction

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.credit import draw as drawing
from zhifa.credit import facts
from zhifa.credit import rules as R
from zhifa.credit.models import (
    CreditObjection,
    InspectionItem,
    InspectionPlan,
    InspectorEntry,
    Interview,
    PlanTarget,
    TargetEntry,
)
from zhifa.parties.models import Party
from zhifa.people.models import Officer

HEADS = (Role.HEAD,)
STAFF = (Role.OFFICER, Role.HEAD)


def _bad(code: ErrorCode, message: str, field: str | None) -> DomainError:
    return DomainError.of(code.value, message, field=field, status=400)


def _agency_of(actor: User):
    if actor.agency_id is None:
        raise _bad(ErrorCode.REQUIRED, "只有执法机关的工作人员可以办理。", None)
    return actor.agency


def item_create(*, actor: User, code: str, name: str, kind: str, basis: str) -> InspectionItem:
    """登记抽查事项（一般检查事项、重点检查事项）。"""
    with transaction.atomic():
        require_role(actor, *HEADS, action="登记抽查事项")
        item = InspectionItem(
            agency=_agency_of(actor), code=code.strip(), name=name.strip(), kind=kind, basis=basis.strip()
        )
        return save_record(
            actor=actor, instance=item, act="inspection_item.create", changes={"code": code, "name": name}
        )


def target_add(*, actor: User, party: Party) -> TargetEntry:
    """将市场主体列入本机关的检查对象名录。"""
    with transaction.atomic():
        require_role(actor, *STAFF, action="维护检查对象名录")
        entry = TargetEntry(agency=_agency_of(actor), party=party, added_on=clock.today())
        return save_record(actor=actor, instance=entry, act="inspection_target.add", changes={"party": party.pk})


def inspector_add(*, actor: User, officer: Officer) -> InspectorEntry:
    """将本机关的持证执法人员列入执法检查人员名录。"""
    with transaction.atomic():
        require_role(actor, *HEADS, action="维护执法检查人员名录")
        agency = _agency_of(actor)
        if officer.agency_id != agency.pk:
            raise _bad(ErrorCode.INVALID, "只能列入本机关的执法人员。", "officer")
        entry = InspectorEntry(agency=agency, officer=officer, added_on=clock.today())
        return save_record(actor=actor, instance=entry, act="inspector.add", changes={"officer": officer.pk})


def plan_create(
    *,
    actor: User,
    title: str,
    year: int,
    items: list[InspectionItem],
    target_count: int,
    inspectors_per_target: int = 2,
    seed: str = "",
) -> InspectionPlan:
    """制定双随机抽查计划并公布随机种子（抽取前公布，抽取结果可以复现）。"""
    with transaction.atomic():
        require_role(actor, *HEADS, action="制定抽查计划")
        agency = _agency_of(actor)
        if not items:
            raise _bad(ErrorCode.REQUIRED, "请选择抽查事项。", "items")
        if any(i.agency_id != agency.pk for i in items):
            raise _bad(ErrorCode.INVALID, "只能选择本机关的抽查事项。", "items")
        if target_count < 1:
            raise _bad(ErrorCode.OUT_OF_RANGE, "抽取对象数至少为1。", "target_count")
        plan = InspectionPlan(
            agency=agency,
            year=year,
            title=title.strip(),
            seed=(seed or "").strip() or secrets.token_hex(8),
            seed_published_on=clock.today(),
            target_count=target_count,
            inspectors_per_target=inspectors_per_target,
            created_by=actor,
        )
        return save_record(
            actor=actor,
            instance=plan,
            act="inspection_plan.create",
            changes={"title": plan.title, "seed": plan.seed, "year": year},
            clauses=["D2.1"],
            m2m={"items": items},
        )


def candidates_for(plan: InspectionPlan, on: date) -> list[drawing.Candidate]:
    """The register's parties with their credit weights and the times drawn this year."""
    party_ids = list(TargetEntry.objects.filter(agency=plan.agency).values_list("party_id", flat=True))
    rated = facts.ratings(party_ids, on)
    used: dict[int, int] = {}
    for pid in PlanTarget.objects.filter(
        plan__agency=plan.agency, plan__year=plan.year, party_id__in=party_ids
    ).values_list("party_id", flat=True):
        used[pid] = used.get(pid, 0) + 1
    return [drawing.Candidate(pid, rated[pid].weight, used.get(pid, 0)) for pid in party_ids]


def plan_draw(*, actor: User, plan: InspectionPlan) -> InspectionPlan:
    """按公布的种子随机抽取检查对象（按信用加权，年度次数上限）和检查人员。"""
    with transaction.atomic():
        require_role(actor, *HEADS, action="抽取检查对象")
        plan = InspectionPlan.objects.select_for_update().get(pk=plan.pk)
        require_agency(actor, plan.agency_id, "抽查计划")
        if plan.status != InspectionPlan.Status.SEEDED:
            raise DomainError.of("conflict", "该计划已经抽取。")
        today = clock.today()
        inspectors = list(InspectorEntry.objects.filter(agency=plan.agency).values_list("officer_id", flat=True))
        enforce(
            R.two_inspectors_per_target(plan.inspectors_per_target, len(inspectors)),
            R.seed_published_before_draw(plan.seed_published_on, today),
        )
        candidates = candidates_for(plan, today)
        weights = {c.party_id: c.weight for c in candidates}
        drawn = drawing.draw(plan.seed, candidates, plan.target_count, inspectors, plan.inspectors_per_target)
        grades = {1: "A", 2: "B", 4: "C"}
        for order, d in enumerate(drawn, start=1):
            target = PlanTarget.objects.create(
                plan=plan,
                party_id=d.party_id,
                order=order,
                weight=weights[d.party_id],
                grade=grades.get(weights[d.party_id], ""),
            )
            target.inspectors.set(d.inspector_ids)
        changes = assign(plan, {"status": InspectionPlan.Status.DRAWN, "drawn_on": today})
        return save_record(
            actor=actor,
            instance=plan,
            act="inspection_plan.draw",
            changes={**changes, "drawn": [[d.party_id, list(d.inspector_ids)] for d in drawn]},
            clauses=["D2.1", "D5.7", "D3.8"],
        )


def result_enter(*, actor: User, target: PlanTarget, result: str, note: str, on: date | None = None) -> PlanTarget:
    """抽中的检查人员录入检查结果。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="录入检查结果")
        target = PlanTarget.objects.select_for_update(of=("self",)).select_related("plan").get(pk=target.pk)
        require_agency(actor, target.plan.agency_id, "抽查对象")
        if target.reviewed_on:
            raise DomainError.of("conflict", "检查结果已审核，不能修改。")
        officer = getattr(actor, "officer", None)
        enforce(
            R.result_by_assigned_inspector(
                officer.pk if officer else None, set(target.inspectors.values_list("pk", flat=True))
            )
        )
        if result not in PlanTarget.Result.values:
            raise _bad(ErrorCode.INVALID, "不是允许的检查结果。", "result")
        on = on or clock.today()
        if on > clock.today() or (target.plan.drawn_on and on < target.plan.drawn_on):
            raise _bad(ErrorCode.DATE_ORDER, "检查日期应在抽取之后、今天之前。", "on")
        changes = assign(
            target, {"result": result, "result_note": (note or "").strip(), "result_on": on, "entered_by": actor}
        )
        return save_record(
            actor=actor,
            instance=target,
            act="inspection_result.enter",
            changes=changes,
            clauses=["D3.8"],
            agency=target.plan.agency_id,
        )


def result_review(*, actor: User, target: PlanTarget) -> PlanTarget:
    """机关负责人审核检查结果；审核后的结果计入信用评价。"""
    with transaction.atomic():
        require_role(actor, *HEADS, action="审核检查结果")
        target = PlanTarget.objects.select_for_update(of=("self",)).select_related("plan").get(pk=target.pk)
        require_agency(actor, target.plan.agency_id, "抽查对象")
        if not target.result:
            raise _bad(ErrorCode.NOTHING_PENDING, "尚未录入检查结果。", None)
        if target.reviewed_on:
            raise DomainError.of("conflict", "检查结果已审核。")
        changes = assign(target, {"reviewed_on": clock.today()})
        return save_record(
            actor=actor,
            instance=target,
            act="inspection_result.review",
            changes=changes,
            clauses=["D5.7"],
            agency=target.plan.agency_id,
        )


def plan_publish(*, actor: User, plan: InspectionPlan) -> InspectionPlan:
    """审核完毕后向社会公开抽查情况和结果（一公开）。"""
    with transaction.atomic():
        require_role(actor, *HEADS, action="公开抽查结果")
        plan = InspectionPlan.objects.select_for_update().get(pk=plan.pk)
        require_agency(actor, plan.agency_id, "抽查计划")
        if plan.status != InspectionPlan.Status.DRAWN:
            raise DomainError.of("conflict", "只有已抽取、尚未公开的计划可以公开。")
        if plan.targets.filter(reviewed_on__isnull=True).exists():
            raise _bad(ErrorCode.NOTHING_PENDING, "还有检查结果未录入或未审核。", None)
        changes = assign(plan, {"status": InspectionPlan.Status.PUBLISHED, "published_on": clock.today()})
        return save_record(actor=actor, instance=plan, act="inspection_plan.publish", changes=changes, clauses=["D2.1"])


def objection_file(*, actor, party: Party, line_key: str, reason: str, online: bool = False) -> CreditObjection:
    """登记当事人对信用评价中某一项的异议，交作出该项的机关答复（D5.7）。

    Staff record an objection the party made to them; ``online=True`` is the party's own objection
    through the portal, whose caller has established that ``actor`` is the party (its access code)."""
    with transaction.atomic():
        if not online:
            require_role(actor, Role.OFFICER, Role.HEAD, Role.LEGAL_OFFICE, action="登记信用评价异议")
        rated = facts.rating(party, clock.today())
        lines = {line.key: line for line in rated.lines}
        enforce(R.objection_names_a_line(line_key, set(lines)))
        if not (reason or "").strip():
            raise _bad(ErrorCode.REQUIRED, "请写明异议理由。", "reason")
        if CreditObjection.objects.filter(party=party, line_key=line_key, status=CreditObjection.Status.OPEN).exists():
            raise DomainError.of(ErrorCode.DUPLICATE.value, "对该项的异议正在等待答复。", field="line_key", status=409)
        line = lines[line_key]
        objection = CreditObjection(
            party=party,
            line_key=line_key,
            line_label=line.source[:200],
            agency_id=line.agency_id,
            reason=reason.strip(),
            filed_on=clock.today(),
            filed_by=None if online else actor,
            online=online,
        )
        return save_record(
            actor=actor,
            instance=objection,
            act="credit_objection.file",
            changes={"line": line_key, "online": online},
            clauses=["D5.7"],
            agency=line.agency_id,
        )


def objection_answer(*, actor: User, objection: CreditObjection, upheld: bool, answer: str) -> CreditObjection:
    """作出该项的机关答复异议：成立的，该项不再计入信用评价（D5.7）。"""
    with transaction.atomic():
        require_role(actor, *HEADS, action="答复信用评价异议")
        objection = CreditObjection.objects.select_for_update().get(pk=objection.pk)
        require_agency(actor, objection.agency_id, "信用评价异议")
        if objection.status != CreditObjection.Status.OPEN:
            raise DomainError.of("conflict", "该异议已答复。")
        enforce(R.objection_answer_gives_reasons(answer))
        status = CreditObjection.Status.UPHELD if upheld else CreditObjection.Status.REJECTED
        changes = assign(
            objection, {"status": status, "answer": answer.strip(), "answered_on": clock.today(), "answered_by": actor}
        )
        return save_record(
            actor=actor, instance=objection, act="credit_objection.answer", changes=changes, clauses=["D5.7"]
        )


def interview_record(
    *,
    actor: User,
    party: Party,
    kind: str,
    held_on: date,
    attendees: str,
    content: str,
    outcome: str,
    mentor: str = "",
) -> Interview:
    """记录对信用评价差的当事人的座谈会或结对帮教（D5.7）：当事人、机关、日期、参加人员、内容和效果。
    当事人须在举行之日为信用评价差（C 较差）；记录保存当时的信用分和等级。"""
    with transaction.atomic():
        require_role(actor, *STAFF, action="记录座谈会、结对帮教")
        agency = _agency_of(actor)
        if kind not in Interview.Kind.values:
            raise _bad(ErrorCode.INVALID, "请选择座谈会或结对帮教。", "kind")
        if held_on > clock.today():
            raise _bad(ErrorCode.DATE_ORDER, "日期不得晚于今天。", "held_on")
        for field, value, label in (
            ("attendees", attendees, "参加人员"),
            ("content", content, "内容"),
            ("outcome", outcome, "效果"),
        ):
            if not (value or "").strip():
                raise _bad(ErrorCode.REQUIRED, f"请写明{label}。", field)
        rated = facts.rating(party, held_on)
        enforce(R.interview_for_poor_credit(rated.grade, rated.grade_label), R.mentoring_names_its_mentor(kind, mentor))
        interview = Interview(
            agency=agency,
            party=party,
            kind=kind,
            held_on=held_on,
            attendees=attendees.strip(),
            mentor=(mentor or "").strip(),
            content=content.strip(),
            outcome=outcome.strip(),
            grade=rated.grade,
            score=rated.score,
            recorded_by=actor,
        )
        return save_record(
            actor=actor,
            instance=interview,
            act="credit_interview.record",
            changes={"party": party.pk, "kind": kind, "held_on": held_on, "grade": rated.grade},
            clauses=["D5.7"],
        )
