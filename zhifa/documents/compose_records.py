"""The other documents of a case (D3.10b), composed from its own records after SAMR's
《市场监督管理行政处罚文书格式范本（2021年修订版）》: what the party holds or what goes
outside the agency (送达回证, 听证通知书, 催告书, 强制执行申请书, 案件移送函,
先行登记保存证据通知书) and the internal forms and records (登记表, 审批表, 笔录, 报告,
审核表, 讨论记录).

Each composer reads one record and returns a :class:`~zhifa.documents.compose.Composed`
whose ``checks`` hold what the issuing rules read (``missing``: what the record lacks for
the document to be composed without blanks). ``SOURCES`` says, for each kind, which
record it is composed from and how the record is found; nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from zhifa.cases import facts, periods
from zhifa.cases.models import (
    Case,
    CaseFile,
    CollectiveDiscussion,
    CustodyEvent,
    Decision,
    Defence,
    Enforcement,
    Evidence,
    Hearing,
    Inspection,
    LegalReview,
    Notice,
    Preservation,
    Reminder,
    Report,
    ServiceMethod,
    Status,
    Transfer,
)
from zhifa.cases.obligations import obligation
from zhifa.core import clock
from zhifa.core import parameters as params
from zhifa.core.models import AuditEvent
from zhifa.documents import compose
from zhifa.documents.compose import (
    Composed,
    Section,
    basis_paragraph,
    date_text,
    money_text,
    officers_on,
    party_lines,
    profile_of,
    terms_lines,
    terms_paragraphs,
)
from zhifa.documents.kinds import Kind

NOT_YET = "尚未确定"


def _acts(case: Case) -> dict[str, list[tuple[str, date | None]]]:
    """Who did each of the case's acts and on which day, from the audit log (act → [(name, on)])."""
    found: dict[str, list[tuple[str, date | None]]] = {}
    events = AuditEvent.objects.filter(object_type="cases.case", object_id=str(case.pk)).order_by("seq")
    for act, label, changes in events.values_list("act", "actor_label", "changes"):
        on = (changes or {}).get("on")
        found.setdefault(act.removeprefix("case."), []).append((label, date.fromisoformat(on) if on else None))
    return found


def _who(acts: dict, name: str, index: int = -1) -> tuple[str, date | None]:
    done = acts.get(name) or []
    return done[index] if done else ("", None)


def _signed_opinion(opinion: str, who: str, on: date | None) -> str:
    return f"{opinion}（{who}，{date_text(on)}）" if who else opinion


def _case_rows(case: Case) -> list[tuple[str, str]]:
    """案由, 当事人, 立案编号: the head of every internal form."""
    rows = [("案由", f"涉嫌{case.violation_item.name}" if case.violation_item else case.summary[:40])]
    rows.append(("当事人", case.party.name if case.party else NOT_YET))
    if case.filing_number:
        rows.append(("立案编号", case.filing_number))
    return rows


def _terms(record) -> str:
    """The penalties of a report or decision, each amount in figures and capitals."""
    lines = terms_lines(record)
    if not lines:
        return "不予行政处罚"
    return "、".join(f"{label}{money_text(amount) if amount is not None else ''}" for label, amount in lines)


def _proposal(report) -> str:
    if report is None:
        return ""
    return report.get_outcome_display() + (f"：{_terms(report)}" if report.has_penalty else "")


def _place(case: Case) -> str:
    return "".join(x for x in (case.place.name if case.place else "", case.place_detail) if x)


def _officer_line(officers: list[tuple[str, str]]) -> str:
    return "、".join(f"{n}（执法证号：{c}）" for n, c in officers)


def _base(case: Case, kind: str, on: date, **kw) -> Composed:
    return Composed(
        kind=kind,
        title=Kind(kind).label,
        number=kw.pop("number", case.filing_number),
        agency=case.acting_agency.name,
        date=on,
        **kw,
    )


def _checks(case: Case, *, missing=(), party=True, **more) -> dict:
    return {"party": party_lines(case) if party else None, "missing": [m for m in missing if m], **more}


def _clean(sections: list[Section]) -> list[Section]:
    for s in sections:
        s.paragraphs = [p for p in s.paragraphs if p]
    return [s for s in sections if s.paragraphs]


# --- 立案 ---------------------------------------------------------------------------------


def source_record(case: Case) -> Composed:
    """案件来源登记表: where the clue came from, what it says, who registered it."""
    acts = _acts(case)
    who, on = _who(acts, "clue_register", 0)
    rows = [
        ("案件来源", case.get_source_display()),
        ("来源编号", case.source_reference),
        ("发现或收到线索日期", date_text(case.received_on)),
        ("当事人", case.party.name if case.party else NOT_YET),
        ("住所（经营场所）", case.party.address if case.party else ""),
        ("涉嫌违法行为", case.violation_item.name if case.violation_item else NOT_YET),
        ("违法行为发生地", _place(case) or NOT_YET),
        ("违法行为发生日期", date_text(case.act_date) if case.act_date else NOT_YET),
    ]
    if case.reporter_name:
        rows.append(("举报人", case.reporter_name))
        rows.append(("举报人联系方式", case.reporter_contact or "未留联系方式"))
    rows.append(("登记人", _signed_opinion("已登记", who, on or case.received_on)))
    if case.filed_on:
        rows.append(("处理情况", f"{date_text(case.filed_on)}立案（{case.filing_number}）"))
    elif case.status == Status.NOT_FILED:
        rows.append(("处理情况", f"{date_text(case.ended_on)}决定不予立案"))
    elif case.proposed_on:
        rows.append(("处理情况", f"{date_text(case.proposed_on)}提请立案，待批准"))
    return _base(
        case,
        Kind.SOURCE_RECORD,
        case.received_on,
        number=case.filing_number,
        rows=[(k, v) for k, v in rows if v],
        sections=_clean([Section("线索内容", [case.summary])]),
        checks=_checks(case, party=False),
    )


def filing_approval(case: Case) -> Composed:
    """立案审批表 (行政处罚法第五十四条): the proposal, the investigators, the head's approval."""
    acts = _acts(case)
    proposer, proposed = _who(acts, "filing_propose")
    approver, approved = _who(acts, "filing_approve")
    on = case.filed_on or case.proposed_on or case.received_on
    officers = officers_on(case, on)
    lead = case.lead_officer.name if case.lead_officer else ""
    rows = [
        *_case_rows(case),
        ("案件来源", f"{case.get_source_display()}（{date_text(case.received_on)}）"),
        ("违法行为发生地", _place(case)),
        ("违法行为发生日期", date_text(case.act_date)),
        ("依据的执法职权", str(case.power) if case.power else ""),
        ("承办人", _officer_line(officers)),
        ("主办人", lead),
        ("承办人意见", _signed_opinion(f"建议立案。{case.filing_reason}", proposer, proposed or case.proposed_on)),
        ("机关负责人审批意见", _signed_opinion("同意立案", approver, approved or case.filed_on)),
        ("立案日期", date_text(case.filed_on)),
        ("办案期限", f"{date_text(case.decision_due_on)}前作出处理决定" if case.decision_due_on else ""),
    ]
    if case.filing_late_reason:
        rows.append(("逾期决定立案的原因", case.filing_late_reason))
    return _base(
        case,
        Kind.FILING_APPROVAL,
        on,
        rows=[(k, v) for k, v in rows if v],
        sections=_clean([Section("简要案情", [case.summary])]),
        officers=officers,
        checks=_checks(
            case,
            missing=[
                "" if case.filed_on else "立案的批准（本案尚未批准立案）",
                "" if case.filing_reason.strip() else "立案理由",
            ],
            recorded_officers=officers_on(case, on),
        ),
    )


def no_filing_approval(case: Case) -> Composed:
    """不予立案审批表: the reasons not to file, and the head's decision."""
    acts = _acts(case)
    proposer, proposed = _who(acts, "filing_propose")
    refuser, refused = _who(acts, "filing_refuse")
    reason = case.end_reason or case.filing_reason
    rows = [
        *_case_rows(case),
        ("案件来源", f"{case.get_source_display()}（{date_text(case.received_on)}）"),
        ("提请人", _signed_opinion("提请立案", proposer, proposed) if proposer else ""),
        ("不予立案理由", reason),
        ("机关负责人审批意见", _signed_opinion("不予立案", refuser, refused or case.ended_on)),
    ]
    refused_case = case.status == Status.NOT_FILED
    return _base(
        case,
        Kind.NO_FILING_APPROVAL,
        case.ended_on or case.received_on,
        rows=[(k, v) for k, v in rows if v],
        sections=_clean([Section("简要案情", [case.summary])]),
        checks=_checks(
            case,
            party=bool(case.party),
            missing=[
                "" if refused_case else "不予立案的决定（本案没有决定不予立案）",
                "" if reason else "不予立案理由",
            ],
        ),
    )


# --- 调查 ---------------------------------------------------------------------------------


def inspection_record(inspection: Inspection) -> Composed:
    """现场笔录 / 询问笔录 (行政处罚法第五十五条): time, place, the officers and their
    certificates shown, what was found or said, the subject's signature or its refusal."""
    case = inspection.case
    inquiry = inspection.kind == Inspection.Kind.INQUIRY
    kind = Kind.INQUIRY_RECORD if inquiry else Kind.INSPECTION_RECORD
    ids = [o.pk for o in inspection.officers.all()]
    officers = officers_on(case, inspection.on, ids)
    rows = [
        *_case_rows(case),
        ("时间", date_text(inspection.on)),
        ("地点", inspection.place),
        ("被询问人" if inquiry else "被检查人（现场负责人）", inspection.subject),
        ("执法人员", _officer_line(officers)),
    ]
    told = (
        f"执法人员{'、'.join(n for n, _ in officers)}已向{inspection.subject}出示行政执法证件，表明身份，"
        + (
            "告知其有如实回答询问、协助调查的义务和申请执法人员回避的权利。"
            if inquiry
            else "告知其有申请执法人员回避的权利。"
        )
        if inspection.certificates_shown
        else ""
    )
    signature = (
        f"{inspection.subject}已核对笔录无误并签名。"
        if inspection.signed_by_subject
        else f"{inspection.subject}拒绝签名：{inspection.refusal_note or '未说明理由'}。执法人员在笔录上注明情况。"
    )
    evidence = [f"{e.number}. {e.title}" for e in inspection.evidence.all()]
    sections = [
        Section("告知事项", [told]),
        Section("询问记录" if inquiry else "检查情况", inspection.record.splitlines()),
        Section("取得的证据", ["；".join(evidence) + "。" if evidence else ""]),
        Section("签名", [signature]),
    ]
    return _base(
        case,
        kind,
        inspection.on,
        rows=rows,
        sections=_clean(sections),
        officers=officers,
        checks=_checks(
            case,
            missing=["" if inspection.certificates_shown else "执法人员出示执法证件的记录"],
            recorded_officers=officers_on(case, inspection.on, ids),
        ),
    )


def evidence_list(evidence: Evidence) -> Composed:
    """证据提取单: what was taken, from whom, when, and its content address and custody."""
    case = evidence.case
    officers = officers_on(case, evidence.collected_on)
    custody = "；".join(
        f"{date_text(c.on)}{c.get_action_display()}（{c.holder}）{c.note}" for c in evidence.custody.all()
    )
    rows = [
        *_case_rows(case),
        ("证据编号", str(evidence.number)),
        ("证据名称", evidence.title),
        ("证据种类", evidence.get_kind_display()),
        ("证明内容", evidence.description),
        ("来源（提供人或取得方式）", evidence.source),
        ("取得日期", date_text(evidence.collected_on)),
        ("取得地点", evidence.inspection.place if evidence.inspection else ""),
        ("取得时的检查或询问", str(evidence.inspection) if evidence.inspection else ""),
        ("电子文件", f"{evidence.filename}（{evidence.size}字节）"),
        ("SHA-256", evidence.sha256),
        ("保管情况", custody),
        ("提取人", _officer_line(officers)),
    ]
    return _base(
        case,
        Kind.EVIDENCE_LIST,
        evidence.collected_on,
        rows=[(k, v) for k, v in rows if v],
        officers=officers,
        checks=_checks(case, recorded_officers=officers_on(case, evidence.collected_on)),
    )


def preservation_of(event: CustodyEvent) -> Preservation | None:
    """The case act the 封存 rests on (``preservation_register``: the head's approval, the
    deadline): the preservation of the same evidence registered that day, if any."""
    if event.action != CustodyEvent.Action.SEALED:
        return None
    return (
        Preservation.objects.select_related("approved_by")
        .filter(evidence_id=event.evidence_id, on=event.on)
        .order_by("pk")
        .first()
    )


def preservation_notice(event: CustodyEvent) -> Composed:
    """先行登记保存证据通知书 (行政处罚法第五十六条): composed from the case act that registered
    the evidence for preservation (its 封存 in the evidence's custody): the reasons, the head's
    approval, where it is kept, that it may not be destroyed or moved, and the seven working
    days (第八十五条) within which the agency decides. A 封存 recorded without that act claims
    no approval: the notice cannot be issued (the approval is missing)."""
    evidence = event.evidence
    case = evidence.case
    preservation = preservation_of(event)
    item = f"{evidence.title}（{evidence.get_kind_display()}{'，' + evidence.description if evidence.description else ''}）"
    violation = case.violation_item.name if case.violation_item else "违法行为"
    if preservation is not None:
        why = preservation.reasons.rstrip("。")
        approval = f"经本机关负责人{preservation.approved_by}于{date_text(preservation.approved_on)}批准，"
        holder, decide_by = preservation.holder, preservation.decide_by
    else:
        why, approval, holder = "证据可能灭失或者以后难以取得", "", event.holder
        try:
            decide_by = periods.preservation_due(event.on)
        except periods.DeadlineUnknown:
            decide_by = None
    sections = [
        Section(
            "先行登记保存的证据",
            [
                f"本机关在调查你（单位）涉嫌{violation}一案中，因{why}，{approval}"
                f"依据《中华人民共和国行政处罚法》第五十六条的规定，于{date_text(event.on)}对下列证据先行登记保存：",
                f"证据{evidence.number}：{item}；保存地点：{holder}。{'' if preservation else event.note}",
            ],
        ),
        Section(
            "当事人的义务和本机关的处理期限",
            [
                "先行登记保存期间，当事人或者有关人员不得损毁、销毁或者转移证据。",
                f"本机关将于7日内（七个工作日，{date_text(decide_by)}前）对先行登记保存的证据作出处理决定。"
                if decide_by
                else "本机关将于7日内（七个工作日）对先行登记保存的证据作出处理决定。",
            ],
        ),
    ]
    officers = officers_on(case, event.on)
    return _base(
        case,
        Kind.PRESERVATION_NOTICE,
        event.on,
        number="",
        party=party_lines(case),
        sections=_clean(sections),
        officers=officers,
        checks=_checks(
            case,
            missing=[
                "" if event.action == CustodyEvent.Action.SEALED else "证据封存（先行登记保存）的记录",
                ""
                if preservation is not None or event.action != CustodyEvent.Action.SEALED
                else "机关负责人批准先行登记保存的记录（行政处罚法第五十六条：先行登记保存证据）",
            ],
            recorded_officers=officers_on(case, event.on),
        ),
    )


def investigation_report(report: Report) -> Composed:
    """案件调查终结报告: the investigation, the facts found, the evidence, the proposed
    outcome with its basis, the reasons and the discretion applied."""
    case = report.case
    articles = list(report.basis_articles.select_related("basis"))
    officers = officers_on(case, report.submitted_on)
    inspections = [f"{date_text(i.on)}{i.get_kind_display()}（{i.place}）" for i in case.inspections.all()]
    course = (
        f"本案于{date_text(case.received_on)}经{case.get_source_display()}发现，"
        + (f"{date_text(case.filed_on)}立案（{case.filing_number}）。" if case.filed_on else "")
        + (f"调查期间进行了{'；'.join(inspections)}。" if inspections else "")
    )
    evidence = [f"{e.number}. {e.title}" for e in case.evidence.all()]
    proposal = [report.get_outcome_display() + "。"]
    if report.has_penalty:
        proposal.extend(terms_paragraphs(report))
    if articles:
        proposal.append(f"依据{basis_paragraph(articles)}。")
    trace = report.discretion or {}
    discretion = []
    if trace and not trace.get("unavailable"):
        discretion.append(
            "适用裁量基准："
            + "，".join(str(x) for x in (trace.get("standard"), trace.get("tier"), trace.get("outcome")) if x)
            + "。"
        )
        if trace.get("explanation"):
            discretion.extend(str(trace["explanation"]).splitlines())
    elif trace.get("unavailable"):
        discretion.append(str(trace["unavailable"]))
    if report.departure_reasons:
        discretion.append(f"偏离裁量基准建议的理由：{report.departure_reasons}")
    sections = [
        Section("案件来源及调查经过", [course]),
        Section("调查认定的违法事实", report.facts.splitlines()),
        Section("证据", [*report.evidence_summary.splitlines(), "；".join(evidence) + "。" if evidence else ""]),
        Section("处理意见及依据", proposal),
        Section("理由", report.reasons.splitlines()),
        Section("自由裁量的说明", discretion),
    ]
    return _base(
        case,
        Kind.INVESTIGATION_REPORT,
        report.submitted_on,
        rows=[*_case_rows(case), ("承办人", _officer_line(officers))],
        party=party_lines(case),
        sections=_clean(sections),
        officers=officers,
        checks=_checks(
            case,
            articles=articles if report.outcome != "no_penalty_unfounded" else None,
            act_date=case.act_date or report.submitted_on,
            lenient=report.lenient_new_law,
            recorded_officers=officers_on(case, report.submitted_on),
        ),
    )


def legal_review(review: LegalReview) -> Composed:
    """法制审核表 (行政处罚法第五十八条): why it is reviewed, the proposal, the reviewer's opinion."""
    case = review.case
    proposal = _proposal(facts.latest_report(case))
    reviewer = review.reviewer.display_name if review.reviewer else ""
    rows = [
        *_case_rows(case),
        ("须审核的情形", "、".join(review.grounds)),
        ("拟作出的处理决定", proposal),
        ("提交审核日期", date_text(review.submitted_on)),
        ("审核人", reviewer),
        ("审核日期", date_text(review.reviewed_on)),
        ("审核结论", review.get_result_display()),
    ]
    return _base(
        case,
        Kind.LEGAL_REVIEW,
        review.reviewed_on or review.submitted_on,
        rows=[(k, v) for k, v in rows if v],
        sections=_clean([Section("审核意见", review.opinion.splitlines())]),
        checks=_checks(case, missing=["" if review.result else "法制审核的审核意见（尚未审核）"]),
    )


# --- 告知、申辩、听证 ------------------------------------------------------------------------


def _points(defence: Defence) -> list:
    return list(defence.points.all())


def defence_record(defence: Defence) -> Composed:
    """陈述申辩笔录: who stated and defended, when, in which form, each point as made."""
    case = defence.case
    points = _points(defence)
    rows = [
        *_case_rows(case),
        ("陈述申辩人", defence.made_by),
        ("时间", date_text(defence.received_on)),
        ("形式", defence.get_form_display()),
        ("针对的告知书", defence.notice.number if defence.notice else ""),
    ]
    paragraphs = [f"{p.number}. （{p.get_kind_display()}）{p.text}" for p in points]
    return _base(
        case,
        Kind.DEFENCE_RECORD,
        defence.received_on,
        rows=[(k, v) for k, v in rows if v],
        sections=_clean([Section("陈述申辩的内容", paragraphs)]),
        checks=_checks(case, missing=["" if points else "陈述申辩的事项"]),
    )


def review_opinion(defence: Defence) -> Composed:
    """复核意见 (行政处罚法第四十五条): each point of the defence, adopted or not, and why."""
    case = defence.case
    points = _points(defence)
    paragraphs = []
    for p in points:
        if p.adopted is None:
            continue
        who = p.reviewed_by.display_name if p.reviewed_by else ""
        verdict = "予以采纳" if p.adopted else "不予采纳"
        paragraphs.append(
            f"{p.number}. 当事人提出：{p.text.rstrip('。')}。复核意见：{verdict}，理由是：{p.review_reason.rstrip('。')}。"
            f"（{who}，{date_text(p.reviewed_on)}）"
        )
    adopted = sum(1 for p in points if p.adopted)
    summary = f"当事人共提出{len(points)}项陈述、申辩意见，经复核，采纳{adopted}项，不予采纳{len(points) - adopted}项。"
    return _base(
        case,
        Kind.REVIEW_OPINION,
        max((p.reviewed_on for p in points if p.reviewed_on), default=defence.received_on),
        rows=[
            *_case_rows(case),
            ("陈述申辩", f"{defence.made_by}{date_text(defence.received_on)}{defence.get_form_display()}"),
        ],
        sections=_clean([Section("复核情况", [summary]), Section("逐项复核意见", paragraphs)]),
        checks=_checks(
            case,
            points=[{"id": p.pk, "text": p.text, "reviewed": p.adopted is not None} for p in points],
        ),
    )


def _hearing_time(hearing: Hearing) -> str:
    if hearing.scheduled_at is None:
        return ""
    at = timezone.localtime(hearing.scheduled_at)
    return f"{date_text(at.date())}{at.hour}时{at.minute:02d}分"


def hearing_notice(hearing: Hearing) -> Composed:
    """听证通知书 (行政处罚法第六十四条): the time and place, the chair, public or not, and
    the party's rights at the hearing, sent seven days before."""
    case = hearing.case
    violation = case.violation_item.name if case.violation_item else "违法行为"
    chair = hearing.chair.name if hearing.chair else ""
    sections = [
        Section(
            "听证的时间、地点",
            [
                f"你（单位）于{date_text(hearing.requested_on)}{hearing.get_request_form_display()}要求听证。"
                f"根据《中华人民共和国行政处罚法》第六十四条的规定，本机关决定于{_hearing_time(hearing)}"
                f"在{hearing.place}{'公开' if hearing.public else '不公开'}举行听证，"
                f"就本机关拟对你（单位）涉嫌{violation}作出的行政处罚（{hearing.notice.number}《行政处罚告知书》）听取意见。",
                f"本次听证由{chair}主持。",
            ],
        ),
        Section(
            "当事人的权利和义务",
            [
                "一、你（单位）可以亲自参加听证，也可以委托一至二人代理，委托代理人的应当提交授权委托书。",
                "二、你（单位）认为主持人与本案有直接利害关系的，有权申请回避。",
                "三、你（单位）可以在听证中进行申辩和质证，并对听证笔录进行核对。",
                "四、无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。",
            ],
        ),
    ]
    day = timezone.localtime(hearing.scheduled_at).date() if hearing.scheduled_at else None
    return _base(
        case,
        Kind.HEARING_NOTICE,
        hearing.notified_on or hearing.requested_on,
        number="",
        party=party_lines(case),
        sections=_clean(sections),
        checks=_checks(
            case,
            missing=[
                "" if hearing.chair_id else "听证主持人（听证尚未安排）",
                "" if hearing.scheduled_at else "听证的时间",
                "" if hearing.place else "听证的地点",
                "" if hearing.notified_on else "通知当事人的日期",
            ],
            hearing_notified=(hearing.notified_on, day) if hearing.notified_on and day else None,
        ),
    )


def _hearing_points(hearing: Hearing) -> list:
    if hearing.held_on is None:
        return []
    return [
        p
        for d in hearing.case.defences.filter(form=Defence.Form.HEARING, received_on=hearing.held_on)
        for p in d.points.all()
    ]


def _hearing_rows(hearing: Hearing) -> list[tuple[str, str]]:
    attended = {True: "出席", False: "未出席（视为放弃听证权利）", None: ""}[hearing.party_attended]
    return [
        *_case_rows(hearing.case),
        ("听证时间", f"{date_text(hearing.held_on)}（通知时间：{_hearing_time(hearing)}）"),
        ("听证地点", hearing.place),
        ("听证方式", "公开举行" if hearing.public else "不公开举行"),
        ("主持人", hearing.chair.name if hearing.chair else ""),
        ("当事人出席情况", attended),
    ]


def hearing_record(hearing: Hearing) -> Composed:
    """听证笔录 (行政处罚法第六十四条第八项): what was said at the hearing, as recorded."""
    case = hearing.case
    points = [f"{p.number}. {p.text}" for p in _hearing_points(hearing)]
    sections = [
        Section("听证记录", hearing.transcript.splitlines()),
        Section("当事人在听证中提出的事项", points),
        Section("核对", ["听证笔录已交当事人或者其代理人核对无误后签字或者盖章。"] if hearing.party_attended else []),
    ]
    return _base(
        case,
        Kind.HEARING_RECORD,
        hearing.held_on or hearing.requested_on,
        rows=[(k, v) for k, v in _hearing_rows(hearing) if v.strip()],
        sections=_clean(sections),
        checks=_checks(case, missing=["" if hearing.held_on else "听证的举行（听证尚未举行）"]),
    )


def hearing_report(hearing: Hearing) -> Composed:
    """听证报告: the hearing held, each point the party raised there with its review, and
    the chair's conclusion for the head (行政处罚法第六十五条: the decision rests on the record)."""
    case = hearing.case
    points = _hearing_points(hearing)
    answered = []
    for p in points:
        if p.adopted is not None:
            verdict = "予以采纳" if p.adopted else "不予采纳"
            answered.append(
                f"{p.number}. {p.text.rstrip('。')}。复核意见：{verdict}，理由是：{p.review_reason.rstrip('。')}。"
            )
    proposal = _proposal(facts.latest_report(case))
    attended = (
        "当事人出席听证，进行了申辩和质证。"
        if hearing.party_attended
        else "当事人无正当理由未出席听证，视为放弃听证权利。"
    )
    conclusion = (
        f"听证中当事人提出{len(points)}项意见，经复核采纳{sum(1 for p in points if p.adopted)}项。"
        f"根据听证笔录，本案拟作出的处理意见为：{proposal}。报请机关负责人依照《中华人民共和国行政处罚法》第六十五条、第五十七条的规定作出决定。"
        if proposal
        else ""
    )
    sections = [
        Section("听证基本情况", [attended]),
        Section(
            "当事人提出的事项及复核意见",
            answered or (["当事人在听证中未提出新的事实、理由和证据。"] if hearing.held_on else []),
        ),
        Section("主持人意见", [conclusion]),
    ]
    return _base(
        case,
        Kind.HEARING_REPORT,
        hearing.held_on or hearing.requested_on,
        rows=[(k, v) for k, v in _hearing_rows(hearing) if v.strip()],
        sections=_clean(sections),
        checks=_checks(
            case,
            missing=["" if hearing.held_on else "听证的举行（听证尚未举行）"],
            points=[{"id": p.pk, "text": p.text, "reviewed": p.adopted is not None} for p in points],
        ),
    )


def discussion_record(discussion: CollectiveDiscussion) -> Composed:
    """集体讨论记录 (行政处罚法第五十七条第二款): who discussed, what was said, the conclusion."""
    case = discussion.case
    rows = [
        *_case_rows(case),
        ("讨论时间", date_text(discussion.held_on)),
        ("参加人员", discussion.participants),
        ("承办人处理意见", _proposal(facts.latest_report(case))),
    ]
    return _base(
        case,
        Kind.DISCUSSION_RECORD,
        discussion.held_on,
        rows=[(k, v) for k, v in rows if v],
        sections=_clean(
            [
                Section("讨论记录", discussion.minutes.splitlines()),
                Section("讨论结论", discussion.conclusion.splitlines()),
            ]
        ),
        checks=_checks(case),
    )


# --- 送达、移送、执行、结案 -------------------------------------------------------------------


def service_receipt(record: Notice | Decision) -> Composed:
    """送达回证: which document, to whom, when, how and by whom it was served."""
    case = record.case
    acts = _acts(case)
    notice = isinstance(record, Notice)
    title = "行政处罚告知书" if notice else Kind(_decision_kind(record)).label
    server, served = _who(acts, "notice_serve" if notice else "decision_serve")
    method = dict(ServiceMethod.choices).get(record.service_method, record.service_method)
    rows = [
        *_case_rows(case),
        ("送达文书", f"《{title}》（{record.number}）"),
        ("受送达人", case.party.name if case.party else ""),
        ("签收人", record.served_to),
        ("送达地点", case.party.address if case.party else ""),
        ("送达方式", method),
        ("送达日期", date_text(record.served_on)),
        ("送达人", server),
    ]
    if not notice and record.service_late_reason:
        rows.append(("逾期送达原因", record.service_late_reason))
    missing = []
    if not record.served_on:
        missing.append(f"《{title}》的送达（尚未送达）")
    elif not record.served_to or not record.service_method:
        missing.append("受送达人和送达方式")
    return _base(
        case,
        Kind.SERVICE_RECEIPT,
        record.served_on or served or (record.issued_on if notice else record.decided_on),
        rows=[(k, v) for k, v in rows if v],
        checks=_checks(case, missing=missing),
    )


def _decision_kind(decision: Decision) -> str:
    if decision.on_spot:
        return Kind.ON_SPOT_DECISION
    return Kind.PENALTY_DECISION if decision.outcome == "penalty" else Kind.NO_PENALTY_DECISION


def transfer_letter(transfer: Transfer) -> Composed:
    """案件移送函 (D3.4): to the competent agency, the case, why it is transferred, the
    materials sent, and the request to answer in writing."""
    case = transfer.case
    profile = profile_of(case.acting_agency)
    violation = case.violation_item.name if case.violation_item else "违法行为"
    party = case.party.name if case.party else "有关当事人"
    contact = "；".join(x for x in (profile.contact_address, profile.contact_phone) if x) if profile is not None else ""
    sections = [
        Section(
            "移送事由",
            [
                f"本机关于{date_text(case.received_on)}通过{case.get_source_display()}获得{party}涉嫌{violation}的线索。"
                f"经审查，{transfer.reasons.rstrip('。')}。现将该案移送你机关处理。",
            ],
        ),
        Section("移送的材料", transfer.materials.splitlines()),
        Section(
            "请求事项",
            [
                "请你机关收到本函后依法处理，并将处理结果书面函告本机关。"
                + (f"联系方式：{contact}。" if contact else "")
            ],
        ),
    ]
    return _base(
        case,
        Kind.TRANSFER_LETTER,
        transfer.sent_on,
        number=transfer.letter_number,
        addressee=transfer.to_agency.name,
        sections=_clean(sections),
        checks=_checks(case, party=bool(case.party)),
    )


def payment_reminder(reminder: Reminder) -> Composed:
    """行政处罚决定履行催告书 (行政强制法第三十五条): the deadline, the way to perform, the
    amount and how to pay, and the party's right to state and defend (第三十六条)."""
    case = reminder.case
    decision = case.decision
    profile = profile_of(case.acting_agency)
    owed = obligation(case, reminder.served_on)
    outstanding = owed.outstanding
    where = (
        f"{profile.payment_bank}（户名：{profile.payment_account_name}；账号：{profile.payment_account}）"
        if profile is not None
        else ""
    )
    contact = "；".join(x for x in (profile.contact_address, profile.contact_phone) if x) if profile is not None else ""
    duty = [
        f"本机关于{date_text(decision.decided_on)}对你（单位）作出《行政处罚决定书》（{decision.number}），"
        f"于{date_text(decision.served_on)}送达。决定内容为：{_terms(decision)}。你（单位）在决定书规定的期限内未履行。",
    ]
    money = []
    if outstanding > 0:
        money.append(
            f"截至{date_text(reminder.served_on)}，你（单位）尚欠罚没款及加处罚款共计{money_text(outstanding)}"
            f"（其中加处罚款{money_text(owed.late_fee)}），请以银行缴款方式缴至{where or '（未登记缴款渠道）'}。"
        )
    text = (
        f"根据《中华人民共和国行政强制法》第三十五条的规定，本机关催告你（单位）于{date_text(reminder.performance_due_on)}前"
        "履行上述决定确定的义务。"
    )
    sections = [
        Section("催告事由", duty),
        Section("履行义务的期限和方式", [text, *money]),
        Section(
            "陈述和申辩的权利",
            [
                "根据《中华人民共和国行政强制法》第三十六条的规定，你（单位）收到本催告书后有权进行陈述和申辩，"
                "可以在履行期限届满前向本机关提出"
                + (f"（{contact}）" if contact else "")
                + "；本机关将充分听取你（单位）的意见。"
            ],
        ),
        Section(
            "不履行的后果",
            [
                "逾期仍不履行的，本机关将依照《中华人民共和国行政强制法》第五十三条、第五十四条的规定申请人民法院强制执行。"
            ],
        ),
    ]
    composed = _base(
        case,
        Kind.PAYMENT_REMINDER,
        reminder.served_on,
        number="",
        party=party_lines(case),
        sections=_clean(sections),
    )
    composed.checks = _checks(
        case,
        # 行政强制法第三十五条: a reminder by telephone leaves no 催告书 to compose.
        missing=["" if reminder.method != Reminder.Method.PHONE else "书面催告（该次催告以电话方式作出）"],
        reminder={
            "served_on": reminder.served_on,
            "due": reminder.performance_due_on,
            "outstanding": outstanding,
            "money_stated": not outstanding or (money_text(outstanding) in composed.text and bool(where)),
            "defence_right": "陈述和申辩" in composed.text,
        },
    )
    return composed


def enforcement_application(enforcement: Enforcement) -> Composed:
    """强制执行申请书 (行政强制法第五十三条至第五十五条): to the court, within three months
    after the reconsideration and litigation periods, ten days after the reminder, with
    the decision, the facts, reasons and basis, the party's views and the reminders, and
    what is to be executed; signed by the agency's head."""
    case = enforcement.case
    decision = case.decision
    agency = case.acting_agency
    profile = profile_of(agency)
    articles = list(decision.basis_articles.select_related("basis"))
    owed = obligation(case, enforcement.on)
    reminders = list(case.reminders.all())
    defences = [p for p in case.defences.all() for p in p.points.all()]
    applicant = [("申请人", agency.name)]
    if profile is not None and profile.contact_address:
        applicant.append(("申请人地址", profile.contact_address))
    respondent = [(("被申请人" if label == "当事人" else label), value) for label, value in party_lines(case)]
    remedies_end = None
    if decision.served_on:
        remedies_end = max(
            params.period_end("reconsideration_application_period", start=decision.served_on),
            params.period_end("litigation_period", start=decision.served_on),
        )
    reminded = "；".join(
        f"{date_text(r.served_on)}以{r.get_method_display()}方式催告，履行期限至{date_text(r.performance_due_on)}"
        for r in reminders
    )
    sections = [
        Section(
            "申请事项",
            [f"请求依法强制执行：{enforcement.measures.rstrip('。')}。"]
            + (
                [f"截至申请之日，被申请人尚欠罚没款及加处罚款{money_text(owed.outstanding)}。"]
                if owed.outstanding > 0
                else []
            ),
        ),
        Section(
            "事实和理由",
            [
                f"本机关于{date_text(decision.decided_on)}作出《行政处罚决定书》（{decision.number}），"
                f"于{date_text(decision.served_on)}送达被申请人。决定内容为：{_terms(decision)}。",
                decision.facts,
                f"作出决定的依据：{basis_paragraph(articles)}。" if articles else "",
                (
                    f"被申请人在法定期限内（至{date_text(remedies_end)}）未申请行政复议，也未提起行政诉讼，又不履行行政处罚决定。"
                    if remedies_end
                    else ""
                ),
                f"本机关已依照《中华人民共和国行政强制法》第三十五条的规定催告：{reminded}。催告书送达十日后被申请人仍未履行。"
                if reminded
                else "",
                "依照《中华人民共和国行政强制法》第五十三条、第五十四条和《中华人民共和国行政处罚法》第七十二条的规定，特申请强制执行。",
            ],
        ),
        Section(
            "当事人的意见",
            [
                f"被申请人在作出决定前提出：{'；'.join(p.text.rstrip('。') for p in defences)}。本机关已逐项复核答复（见决定书）。"
            ]
            if defences
            else ["被申请人在作出决定前未提出陈述、申辩意见；收到催告书后未提出陈述、申辩意见。"],
        ),
        Section(
            "附件（行政强制法第五十五条）",
            [
                f"一、《行政处罚决定书》（{decision.number}）及作出决定的事实、理由和依据；",
                "二、当事人的意见及本机关催告情况（催告书及送达回证）；",
                f"三、申请强制执行标的情况：{enforcement.measures.rstrip('。')}。",
            ],
        ),
        # 行政强制法第五十五条: the head who signed the application, as the case act records it
        Section(
            "申请机关负责人（签名）",
            [
                f"{enforcement.approved_by.display_name or enforcement.approved_by}（{date_text(enforcement.approved_on)}）"
                if enforcement.approved_by_id and enforcement.approved_on
                else ""
            ],
        ),
    ]
    return _base(
        case,
        Kind.ENFORCEMENT_APPLICATION,
        enforcement.on,
        number="",
        addressee=enforcement.court,
        party=applicant + respondent,
        sections=_clean(sections),
        checks=_checks(
            case,
            missing=[
                ""
                if enforcement.kind == Enforcement.Kind.COURT
                else "申请人民法院强制执行的记录（本案为本机关强制执行）",
                "" if enforcement.court else "受理申请的人民法院",
            ],
            court_application={
                "served_on": decision.served_on,
                "on": enforcement.on,
                "reminders": reminders,
            },
        ),
    )


def closing_approval(case: Case) -> Composed:
    """结案审批表: what was decided, how it was executed, and the head's approval to close."""
    acts = _acts(case)
    closer, closed = _who(acts, "close")
    decision = getattr(case, "decision", None)
    paid = sum((p.amount for p in case.payments.all()), start=0)
    execution = []
    if decision is not None and decision.money_total:
        execution.append(f"已缴纳罚没款{money_text(paid)}" if paid else "未缴纳罚没款")
    if decision is not None and decision.performed_on:
        execution.append(f"{date_text(decision.performed_on)}履行完毕：{decision.performance_note}")
    for e in case.enforcements.all():
        execution.append(f"{e.get_kind_display()}（{date_text(e.on)}）{e.result}")
    outcome = (
        f"{decision.get_outcome_display()}（{decision.number}，{date_text(decision.decided_on)}）：{_terms(decision)}"
        if decision is not None
        else case.get_status_display() + (f"：{case.end_reason}" if case.end_reason else "")
    )
    rows = [
        *_case_rows(case),
        ("立案日期", date_text(case.filed_on)),
        ("处理结果", outcome),
        ("执行情况", "；".join(x for x in execution if x) or "无需执行的内容"),
        ("结案日期", date_text(case.closed_on)),
        ("机关负责人审批意见", _signed_opinion("同意结案", closer, closed or case.closed_on) if case.closed_on else ""),
    ]
    return _base(
        case,
        Kind.CLOSING_APPROVAL,
        case.closed_on or clock.today(),
        rows=[(k, v) for k, v in rows if v],
        checks=_checks(case, missing=["" if case.closed_on else "结案的批准（本案尚未结案）"]),
    )


# --- 案卷 -----------------------------------------------------------------------------
#
# The case file's own pages (D6.2a), composed from its CaseFile once archived: issued on
# their own, and the same composition is what ``binding.bind`` lays out in the bound file
# (there with the page references of the materials it binds).


def _file_of(record: Case | CaseFile) -> tuple[Case, CaseFile | None]:
    if isinstance(record, CaseFile):
        return record.case, record
    return record, getattr(record, "file", None)


def _file_missing(case_file: CaseFile | None) -> list[str]:
    return [] if case_file is not None else ["案卷的归档（档案号、保管期限和卷内目录）"]


def file_cover(record: Case | CaseFile, *, on: date | None = None) -> Composed:
    """卷宗封面: the case, its party and outcome, the dates, the archive number, the
    retention and the file's digest (the SHA-256 the archived index hashes to)."""
    case, case_file = _file_of(record)
    decision = getattr(case, "decision", None)
    rows = [
        ("案号", case.number),
        *_case_rows(case),
        ("处理结果", decision.penalty_text if decision is not None else case.get_status_display()),
        ("立案日期", date_text(case.filed_on or case.received_on)),
        ("结案日期", date_text(case.closed_on or case.ended_on) or "—"),
        ("归档日期", date_text(case_file.archived_on) if case_file else "（未归档）"),
        ("档案号", case_file.archive_number if case_file else "（未归档）"),
        ("保管期限", case_file.retention if case_file else "—"),
        ("卷内材料", f"{len(case_file.contents)}件" if case_file else "—"),
    ]
    if case_file is not None:
        rows.append(("案卷摘要（SHA-256）", case_file.digest))
    return _base(
        case,
        Kind.FILE_COVER,
        on or (case_file.archived_on if case_file else clock.today()),
        number=case_file.archive_number if case_file else case.filing_number,
        rows=rows,
        checks=_checks(case, party=False, missing=_file_missing(case_file)),
    )


def file_index(record: Case | CaseFile, parts: list | None = None, *, on: date | None = None) -> Composed:
    """卷内文件目录: the materials in order. Bound, each with its number, date and the page
    it starts on (``parts``: what the bound file holds); issued on its own after archiving,
    the archived index itself, each item with its date and SHA-256 as archived."""
    case, case_file = _file_of(record)
    if parts is not None:
        table = [["序号", "文件名称", "文号", "日期", "页号"]]
        for n, p in enumerate(parts, start=1):
            pages = f"{p.first}–{p.last}" if p.pages > 1 else str(p.first)
            when = str(p.on)[:10].replace("-", ".") if p.on else "—"
            table.append([str(n), p.title, p.number or "—", when, pages])
    else:
        table = [["序号", "文件名称", "日期", "SHA-256（前12位）"]]
        for item in case_file.contents if case_file else []:
            when = str(item.get("date") or "—").replace("-", ".")
            table.append([str(item["n"]), item["title"], when, (item.get("sha256") or "")[:12]])
    sections = []
    if case_file is not None:
        sections.append(
            Section(
                "案卷摘要",
                [
                    f"本目录为{date_text(case_file.archived_on)}归档时的卷内目录，共{len(case_file.contents)}件，"
                    "每件材料的 SHA-256 记于归档记录。整卷的 SHA-256：",
                    case_file.digest,
                ],
            )
        )
    return _base(
        case,
        Kind.FILE_INDEX,
        on or (case_file.archived_on if case_file else clock.today()),
        number=case_file.archive_number if case_file else case.filing_number,
        table=table,
        sections=sections,
        checks=_checks(case, party=False, missing=_file_missing(case_file)),
    )


def file_note(
    record: Case | CaseFile, *, total: int | None = None, materials: int | None = None, on: date | None = None
) -> Composed:
    """卷内备考表: how many materials (and, bound, pages) the file holds, how it is ordered,
    who filed it and when."""
    case, case_file = _file_of(record)
    count = materials if materials is not None else (len(case_file.contents) if case_file else 0)
    extent = f"本卷共有材料{count}件" + (f"，共{total}页（含封面、目录和本表）" if total else "") + "。"
    filer = case.lead_officer.name if case.lead_officer else "—"
    paragraphs = [
        extent,
        "案卷按线索登记、立案、调查取证、告知、陈述申辩、审核、决定、送达、执行的顺序排列；"
        "签发的文书按签发的文件装订，其 SHA-256 记入审计日志。",
    ]
    if case_file is not None:
        paragraphs.append(
            f"档案号{case_file.archive_number}，保管期限{case_file.retention}，案卷摘要（SHA-256）{case_file.digest}。"
        )
    when = on or (case_file.archived_on if case_file else clock.today())
    return _base(
        case,
        Kind.FILE_NOTE,
        when,
        number=case_file.archive_number if case_file else case.filing_number,
        sections=[Section("说明", paragraphs), Section("立卷", [f"立卷人：{filer}", f"立卷日期：{date_text(when)}"])],
        checks=_checks(case, party=False, missing=_file_missing(case_file)),
    )


# --- Which record each kind is composed from ------------------------------------------


@dataclass(frozen=True)
class Source:
    #: What the case must hold for the kind (named in the refusal when it holds none).
    what: str
    #: The case's records of this kind, most recent last.
    records: object
    composer: object


def _case_itself(case: Case):
    return [case]


def _served(case: Case):
    records: list = list(case.notices.all())
    decision = getattr(case, "decision", None)
    if decision is not None:
        records.append(decision)
    return records


def _decision(case: Case):
    decision = getattr(case, "decision", None)
    return [decision] if decision is not None else []


SOURCES: dict[str, Source] = {
    Kind.SOURCE_RECORD: Source("线索登记", _case_itself, source_record),
    Kind.FILING_APPROVAL: Source("立案", lambda c: [c] if c.proposed_on or c.filed_on else [], filing_approval),
    Kind.NO_FILING_APPROVAL: Source(
        "不予立案的决定", lambda c: [c] if c.status == Status.NOT_FILED else [], no_filing_approval
    ),
    Kind.INSPECTION_RECORD: Source(
        "现场检查", lambda c: list(c.inspections.filter(kind=Inspection.Kind.INSPECTION)), inspection_record
    ),
    Kind.INQUIRY_RECORD: Source(
        "询问", lambda c: list(c.inspections.filter(kind=Inspection.Kind.INQUIRY)), inspection_record
    ),
    Kind.EVIDENCE_LIST: Source("证据", lambda c: list(c.evidence.all()), evidence_list),
    Kind.PRESERVATION_NOTICE: Source(
        "证据封存（先行登记保存）",
        lambda c: list(
            CustodyEvent.objects.filter(evidence__case=c, action=CustodyEvent.Action.SEALED).order_by("on", "pk")
        ),
        preservation_notice,
    ),
    Kind.INVESTIGATION_REPORT: Source("调查终结报告", lambda c: list(c.reports.all()), investigation_report),
    Kind.LEGAL_REVIEW: Source("法制审核", lambda c: list(c.legal_reviews.all()), legal_review),
    Kind.DEFENCE_RECORD: Source("陈述申辩", lambda c: list(c.defences.all()), defence_record),
    Kind.REVIEW_OPINION: Source("陈述申辩", lambda c: list(c.defences.all()), review_opinion),
    Kind.HEARING_NOTICE: Source(
        "听证要求", lambda c: list(c.hearings.filter(withdrawn_on__isnull=True)), hearing_notice
    ),
    Kind.HEARING_RECORD: Source("听证", lambda c: list(c.hearings.filter(withdrawn_on__isnull=True)), hearing_record),
    Kind.HEARING_REPORT: Source("听证", lambda c: list(c.hearings.filter(withdrawn_on__isnull=True)), hearing_report),
    Kind.DISCUSSION_RECORD: Source("集体讨论", lambda c: list(c.discussions.all()), discussion_record),
    Kind.SERVICE_RECEIPT: Source("告知书或决定书的送达", _served, service_receipt),
    Kind.TRANSFER_LETTER: Source(
        "案件移送", lambda c: [c.transfer_out] if hasattr(c, "transfer_out") else [], transfer_letter
    ),
    Kind.PAYMENT_REMINDER: Source("催告", lambda c: list(c.reminders.all()), payment_reminder),
    Kind.ENFORCEMENT_APPLICATION: Source(
        "申请人民法院强制执行",
        lambda c: list(c.enforcements.filter(kind=Enforcement.Kind.COURT)),
        enforcement_application,
    ),
    Kind.CLOSING_APPROVAL: Source("结案", lambda c: [c] if c.closed_on else [], closing_approval),
    Kind.FILE_COVER: Source("立卷归档", lambda c: [c.file] if hasattr(c, "file") else [], file_cover),
    Kind.FILE_INDEX: Source("立卷归档", lambda c: [c.file] if hasattr(c, "file") else [], file_index),
    Kind.FILE_NOTE: Source("立卷归档", lambda c: [c.file] if hasattr(c, "file") else [], file_note),
}


def record_for(case: Case, kind: str, source_id: int | None = None, source_type: str = ""):
    """The record ``kind`` is composed from: the one named (by id, and type where a kind
    has records of two types), else the most recent; None when the case holds none."""
    records = SOURCES[kind].records(case)
    if source_id is not None:
        return next(
            (r for r in records if r.pk == int(source_id) and (not source_type or r._meta.label_lower == source_type)),
            None,
        )
    if kind == Kind.SERVICE_RECEIPT:
        served = [r for r in records if r.served_on]
        records = served or records
    return records[-1] if records else None


def composer_for(kind: str):
    return SOURCES[kind].composer if kind in SOURCES else compose.composer_for(kind)


def record_of(case: Case, kind: str, source_id: int | None = None, source_type: str = ""):
    """The record any kind is composed from (the notice and the decisions included); None when none."""
    if kind in SOURCES:
        return record_for(case, kind, source_id, source_type)
    if kind == Kind.PRIOR_NOTICE:
        qs = case.notices.all()
        return qs.filter(pk=source_id).first() if source_id else qs.order_by("-issued_on", "-pk").first()
    decision = getattr(case, "decision", None)
    if decision is None or _decision_kind(decision) != kind:
        return None
    return decision


def compose_kind(kind: str, record, signer) -> Composed:
    """The document of ``kind`` composed from ``record``, as ``signer`` would issue it."""
    composed = composer_for(kind)(record)
    if (
        kind == Kind.ENFORCEMENT_APPLICATION
        and getattr(signer, "role", "") == "head"
        and not getattr(record, "approved_by_id", None)
    ):
        # 行政强制法第五十五条: the head signs the application (the one issuing it), when the
        # case act records no head's signature (an application recorded before it did).
        composed.sections.append(Section("申请机关负责人（签名）", [signer.display_name]))
    return composed


def draft(case: Case, kind: str, source_id: int | None, source_type: str, user) -> Composed | None:
    """What issuing ``kind`` would compose now (a read): the Word draft an officer edits;
    None when the case holds no record for it."""
    record = record_of(case, kind, source_id, source_type)
    return compose_kind(kind, record, user) if record is not None else None
