"""Investigation: inspections and inquiries (D3.8), evidence by SHA-256 with its chain
of custody (行政处罚法第四十六条), relatives (D5.6), the investigation report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.files import File
from django.db.models import Max

from zhifa.accounts.models import User
from zhifa.cases import acting, evidence_store, periods, visits
from zhifa.cases import rules as R
from zhifa.cases.facts import granted_recusals, live_investigator_ids
from zhifa.cases.inputs import bad_input, clean_terms, require_text
from zhifa.cases.models import Case, CustodyEvent, Evidence, Inspection, Outcome, Preservation, Relative, Report
from zhifa.cases.services._steps import check_articles, save
from zhifa.cases.services.discretion import LISTED_FACTORS, assess, facts_of
from zhifa.core.error_codes import ErrorCode
from zhifa.discretion import rules as discretion_rules
from zhifa.law.models import Article
from zhifa.people import rules as people_rules
from zhifa.people.models import Officer
from zhifa.people.standing import conflicts_between, standing_of


def inspection_record(
    *,
    actor: User,
    case: Case,
    kind: str,
    place: str,
    subject: str,
    officers: Iterable[Officer],
    certificates_shown: bool,
    record: str,
    signed_by_subject: bool = True,
    refusal_note: str = "",
    on: date | None = None,
) -> Inspection:
    """记录现场检查或询问：执法人员不得少于两人，均持有效证件并出示（D3.8、D3.1b），
    均为本案承办人员且与当事人无利害关系（D3.3、D3.7）。"""
    with acting.run("inspection_record", actor=actor, case=case, on=on) as act:
        case = act.case
        officers = list(dict.fromkeys(officers))
        live = live_investigator_ids(case, act.on)
        act.check(R.assigned_investigator, act.officer, live)
        standings = [standing_of(o, "penalty", act.on) for o in officers]
        act.check(people_rules.two_certified_officers, standings, certificates_shown)
        for officer, standing in zip(officers, standings, strict=False):
            act.check(people_rules.officer_certified, standing)
            act.check(
                people_rules.no_declared_conflict, officer, case.party, conflicts_between(officer, case.party, act.on)
            )
            act.check(R.recused_officer_excluded, officer, granted_recusals(case, officer))
            act.check(R.assigned_investigator, officer, live)
        if not officers:
            # No officer named: two_certified_officers refuses, and there is no officer for
            # the per-officer rules to check.
            for rule in (people_rules.officer_certified, people_rules.no_declared_conflict, R.recused_officer_excluded):
                act.passed(rule)
        # D2.1: an on-site inspection of an organisation counts against the agency's annual cap.
        standing = None
        if kind == Inspection.Kind.INSPECTION and case.party is not None and not case.party.is_person:
            standing = visits.cap_standing(case, act.on)
        if standing is None:
            act.passed(R.recorded_inspection_within_cap)
        else:
            act.check(R.recorded_inspection_within_cap, standing.count_before, standing.cap, standing.approvals)
        act.enforce()
        if not signed_by_subject and not refusal_note.strip():
            raise bad_input(
                ErrorCode.REQUIRED, "被检查人或被询问人未签字的，请注明拒绝签字的情况。", field="refusal_note"
            )
        inspection = save(
            Inspection(
                case=case,
                kind=kind,
                on=act.on,
                place=require_text(place, "place", "请写明地点。"),
                subject=require_text(subject, "subject", "请写明被检查人或被询问人。"),
                certificates_shown=certificates_shown,
                record=require_text(record, "record", "请写明笔录内容。"),
                signed_by_subject=signed_by_subject,
                refusal_note=refusal_note,
            )
        )
        inspection.officers.set(officers)
        act.done(
            changes={
                "inspection": inspection.pk,
                "kind": kind,
                "officers": [o.pk for o in officers],
                "certificates_shown": certificates_shown,
            }
        )
        return inspection


def evidence_add(
    *,
    actor: User,
    case: Case,
    kind: str,
    title: str,
    source: str,
    collected_on: date,
    content: File | None,
    filename: str = "",
    content_type: str = "",
    description: str = "",
    inspection: Inspection | None = None,
    holder: str = "",
    on: date | None = None,
) -> Evidence:
    """登记证据：内容按 SHA-256 存放，不覆盖、不删除；自取得起记录保管链。"""
    with acting.run("evidence_add", actor=actor, case=case, on=on) as act:
        case = act.case
        act.check(R.assigned_investigator, act.officer, live_investigator_ids(case, act.on))
        act.enforce()
        if collected_on > act.on:
            raise bad_input(ErrorCode.DATE_ORDER, "取得日期不得晚于登记日期。", field="collected_on")
        if collected_on < case.received_on:
            raise bad_input(ErrorCode.DATE_ORDER, "取得日期不得早于收到线索的日期。", field="collected_on")
        if inspection is not None and inspection.case_id != case.pk:
            raise bad_input(ErrorCode.NOT_IN_CASE, "所选笔录不属于本案。", field="inspection")
        if content is None:
            raise bad_input(ErrorCode.REQUIRED, "请上传证据文件。", field="content")
        with evidence_store.staged(content) as upload:
            sha, size = upload.sha256, upload.size
            if size == 0:
                raise bad_input(ErrorCode.INVALID, "证据文件是空的。", field="content")
            number = (case.evidence.aggregate(n=Max("number"))["n"] or 0) + 1
            evidence = save(
                Evidence(
                    case=case,
                    number=number,
                    kind=kind,
                    title=require_text(title, "title", "请写明证据名称。"),
                    description=description,
                    source=require_text(source, "source", "请写明证据来源。"),
                    collected_on=collected_on,
                    inspection=inspection,
                    sha256=sha,
                    size=size,
                    filename=(filename or getattr(content, "name", "") or "evidence")[:200],
                    content_type=content_type or getattr(content, "content_type", "") or "",
                    registered_by=actor,
                )
            )
            CustodyEvent.objects.create(
                evidence=evidence,
                on=collected_on,
                action=CustodyEvent.Action.COLLECTED,
                holder=holder or str(act.officer),
                note=f"由{act.officer}登记",
                recorded_by=actor,
            )
            # The file goes into the store only now that its records validated (a refused
            # upload leaves nothing); the audit record below names its digest.
            evidence_store.commit(upload)
            act.done(changes={"evidence": evidence.pk, "number": number, "kind": kind, "sha256": sha, "size": size})
        return evidence


def custody_record(
    *, actor: User, evidence: Evidence, action: str, holder: str, note: str = "", on: date | None = None
) -> CustodyEvent:
    """记录证据保管链的一环：入库、移交、调取、归还、封存。"""
    with acting.run("custody_record", actor=actor, case=evidence.case_id, on=on) as act:
        if act.on < evidence.collected_on:
            raise bad_input(ErrorCode.DATE_ORDER, "保管记录的日期不得早于证据取得日期。", field="on")
        event = CustodyEvent(
            evidence=evidence,
            on=act.on,
            action=action,
            holder=require_text(holder, "holder", "请写明保管人或保管地点。"),
            note=note,
            recorded_by=actor,
        )
        save(event, exclude=["recorded_by"])
        act.done(changes={"evidence": evidence.pk, "action": action, "holder": holder})
        return event


def preservation_register(
    *,
    actor: User,
    case: Case,
    evidence: Evidence | int,
    reasons: str,
    holder: str,
    approved_by: User | int | None,
    approved_on: date | None,
    on: date | None = None,
) -> Preservation:
    """先行登记保存证据：证据可能灭失或者以后难以取得的，经机关负责人批准先行登记保存，七日内（工作日）作出
    处理决定（行政处罚法第五十六条、第八十五条）。登记保存即在证据的保管链中记录“封存”。"""
    with acting.run("preservation_register", actor=actor, case=case, on=on) as act:
        case = act.case
        evidence = _evidence_of(case, evidence)
        approved_by = _head_of(approved_by)
        act.check(R.assigned_investigator, act.officer, live_investigator_ids(case, act.on))
        act.check(R.preservation_approved_by_head, approved_by, approved_on, case.agency_id, act.on, reasons)
        act.enforce()
        if act.on < evidence.collected_on:
            raise bad_input(ErrorCode.DATE_ORDER, "登记保存的日期不得早于证据取得日期。", field="on")
        if evidence.preservations.filter(decided_on__isnull=True).exists():
            raise bad_input(ErrorCode.DUPLICATE, "该证据已先行登记保存，尚待作出处理决定。", field="evidence")
        holder = require_text(holder, "holder", "请写明保存地点或保管人。")
        preservation = save(
            Preservation(
                case=case,
                evidence=evidence,
                on=act.on,
                reasons=reasons.strip(),
                holder=holder,
                approved_by=approved_by,
                approved_on=approved_on,
                decide_by=periods.preservation_due(act.on),
            )
        )
        CustodyEvent.objects.create(
            evidence=evidence,
            on=act.on,
            action=CustodyEvent.Action.SEALED,
            holder=holder,
            note=f"先行登记保存（{approved_by}批准）",
            recorded_by=actor,
        )
        act.done(
            changes={
                "preservation": preservation.pk,
                "evidence": evidence.pk,
                "approved_by": approved_by.pk,
                "approved_on": approved_on,
                "decide_by": preservation.decide_by,
            }
        )
        return preservation


def preservation_decide(
    *,
    actor: User,
    case: Case,
    preservation: Preservation | int,
    decision: str,
    note: str = "",
    late_reason: str = "",
    on: date | None = None,
) -> Preservation:
    """对先行登记保存的证据作出处理决定（七日内，行政处罚法第五十六条）：作为证据依法处理，或解除先行登记保存。"""
    with acting.run("preservation_decide", actor=actor, case=case, on=on) as act:
        case = act.case
        pk = getattr(preservation, "pk", preservation)
        preservation = case.preservations.select_related("evidence").filter(pk=pk).first()
        if preservation is None:
            raise bad_input(ErrorCode.NOT_IN_CASE, "本案没有该先行登记保存的记录。", field="preservation")
        if preservation.decided_on:
            raise bad_input(ErrorCode.DUPLICATE, "已经作出处理决定。", field="preservation")
        if decision not in Preservation.Decision.values:
            raise bad_input(ErrorCode.INVALID, "请选择作为证据或解除先行登记保存。", field="decision")
        if act.on < preservation.on:
            raise bad_input(ErrorCode.DATE_ORDER, "处理决定的日期不得早于登记保存的日期。", field="on")
        act.check(R.preservation_decided_in_time, preservation.decide_by, act.on, late_reason)
        act.enforce()
        preservation.decided_on, preservation.decision = act.on, decision
        preservation.decision_note, preservation.late_reason = note.strip(), late_reason.strip()
        preservation.save(update_fields=["decided_on", "decision", "decision_note", "late_reason"])
        if decision == Preservation.Decision.RELEASE:
            CustodyEvent.objects.create(
                evidence=preservation.evidence,
                on=act.on,
                action=CustodyEvent.Action.RETURNED,
                holder=preservation.holder,
                note="解除先行登记保存",
                recorded_by=actor,
            )
        act.done(
            changes={
                "preservation": preservation.pk,
                "decision": decision,
                "note": note,
                "late_reason": late_reason,
            }
        )
        return preservation


def _evidence_of(case: Case, evidence: Evidence | int) -> Evidence:
    pk = getattr(evidence, "pk", evidence)
    found = case.evidence.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise bad_input(ErrorCode.NOT_IN_CASE, "请选择本案的证据。", field="evidence")
    return found


def _head_of(user: User | int | None) -> User | None:
    if user is None or isinstance(user, User):
        return user
    found = User.objects.filter(pk=user).first()
    if found is None:
        raise bad_input(ErrorCode.INVALID, "未找到该机关负责人。", field="approved_by")
    return found


def relative_record(
    *,
    actor: User,
    case: Case,
    name: str,
    relation: str,
    age_group: str,
    circumstances: str = "",
    arrangement: str = "",
    on: date | None = None,
) -> Relative:
    """登记当事人的亲属（特别是老人、未成年子女）及保护措施，与当事人区别对待，从不公开（D5.6）。"""
    with acting.run("relative_record", actor=actor, case=case, on=on) as act:
        case = act.case
        act.check(R.relative_apart_from_party, name, case.party)
        act.enforce()
        relative = save(
            Relative(
                case=case,
                name=require_text(name, "name", "请写明姓名。"),
                relation=require_text(relation, "relation", "请写明与当事人的关系。"),
                age_group=age_group,
                circumstances=circumstances,
                arrangement=arrangement,
                recorded_on=act.on,
            )
        )
        # The audit log is not public, but it names the relative only by record number.
        act.done(changes={"relative": relative.pk, "age_group": age_group})
        return relative


def report_submit(
    *,
    actor: User,
    case: Case,
    facts: str,
    evidence_summary: str,
    outcome: str,
    reasons: str,
    terms: dict | None = None,
    basis_articles: Iterable[Article] = (),
    circumstances: dict | None = None,
    lenient_new_law: bool = False,
    lenient_reason: str = "",
    major_public_interest: bool | None = None,
    complex_case: bool | None = None,
    law_requires_review: bool | None = None,
    major_violation: bool | None = None,
    departure_reasons: str = "",
    on: date | None = None,
) -> Report:
    """调查终结，提交调查终结报告：事实、证据、依据（D3.10a）和处理意见。处理意见偏离裁量基准
    建议档次的，须书面说明理由（D3.6），并送法制审核。情节只能是法律和裁量基准列明的（D1.2）。"""
    with acting.run("report_submit", actor=actor, case=case, on=on) as act:
        case = act.case
        terms = clean_terms(terms)
        articles = list(basis_articles)
        act.check(R.assigned_investigator, act.officer, live_investigator_ids(case, act.on))
        act.check(R.basis_cited, outcome, articles)
        check_articles(
            act, articles, act_date=case.act_date, on=act.on, lenient=lenient_new_law, lenient_reason=lenient_reason
        )
        if outcome not in Outcome.values:
            raise bad_input(ErrorCode.INVALID, "请选择处理意见。", field="outcome")
        circumstances = dict(circumstances or {})
        # The engine proposes from the circumstances, so a factor it may not weigh stops the act here.
        act.refuse_now(discretion_rules.only_listed_factors, list(facts_of(case, circumstances)[0]), LISTED_FACTORS)
        assessment = assess(case, circumstances, act.on, outcome, terms)
        summary = assessment.summary()
        act.check(
            R.departure_explained,
            assessment.departs,
            f"{summary.get('outcome', '')}，{summary.get('tier', '')}",
            departure_reasons,
        )
        act.check(R.terms_match_outcome, outcome, terms)
        act.enforce()
        for name, value in (
            ("major_public_interest", major_public_interest),
            ("complex_case", complex_case),
            ("law_requires_review", law_requires_review),
            ("major_violation", major_violation),
        ):
            if value is not None:
                setattr(case, name, value)
        report = Report(
            case=case,
            submitted_on=act.on,
            facts=require_text(facts, "facts", "请写明认定的违法事实。"),
            evidence_summary=require_text(evidence_summary, "evidence_summary", "请列明证据。"),
            outcome=outcome,
            reasons=require_text(reasons, "reasons", "请写明处理意见的理由。"),
            circumstances=circumstances,
            discretion=summary,
            departure_reasons=(departure_reasons or "").strip() if assessment.departs else "",
            lenient_new_law=lenient_new_law,
            lenient_reason=lenient_reason,
            **terms,
        )
        save(report)
        report.basis_articles.set(articles)
        act.done(
            changes={
                "report": report.pk,
                "outcome": outcome,
                "terms": {k: v for k, v in terms.items() if v},
                "basis_articles": [a.pk for a in articles],
            }
        )
        return report


def investigation_reopen(
    *, actor: User, case: Case, reason: str, on: date | None = None, expected_version: int | None = None
) -> Case:
    """退回补充调查：调查终结后发现需要补充事实或证据的，由机关负责人退回。"""
    with acting.run("investigation_reopen", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        require_text(reason, "reason", "请写明退回补充调查的理由。")
        return act.done(changes={"reason": reason})
