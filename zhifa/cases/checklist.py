"""The case file checklist (D6.2a; 行政处罚法第四十七条): which records the file of this
case must hold, in the order they are bound, and whether each is there.

A case closes only when nothing required is missing; the archive binds the same items
in the same order (:func:`file_contents`, each with the SHA-256 of its content).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from zhifa.cases import facts
from zhifa.cases.models import Case, Outcome, PaymentPlan, Procedure
from zhifa.core.audit import plain
from zhifa.core.records import snapshot


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    present: bool
    required: bool = True

    @property
    def missing(self) -> bool:
        return self.required and not self.present


def legal_review_grounds(case: Case) -> list[str]:
    """Why the case needs legal review before its decision (行政处罚法第五十八条)."""
    grounds = []
    if case.major_public_interest:
        grounds.append("涉及重大公共利益")
    if any(h.held_on for h in case.hearings.all()):
        grounds.append("经过听证程序")
    if case.complex_case:
        grounds.append("案情疑难复杂、涉及多个法律关系")
    if case.law_requires_review:
        grounds.append("法律、法规规定应当进行法制审核")
    report = facts.latest_report(case)
    if report is not None and report.discretion.get("departs"):
        grounds.append("处理意见偏离裁量基准的建议档次")
    return grounds


def latest(qs):
    items = list(qs)
    return items[-1] if items else None


def items(case: Case) -> list[Item]:
    decision = getattr(case, "decision", None)
    result: list[Item] = []
    add = result.append
    if case.procedure == Procedure.SIMPLE:
        add(Item("decision", "当场行政处罚决定书（当场交付）", bool(decision and decision.served_on)))
        if decision and decision.money_total:
            add(Item("payment", "缴款凭证或专用票据", case.payments.exists()))
            on_spot = [p for p in case.payments.all() if p.method == "on_spot"]
            if on_spot:
                add(Item("handover", "当场收缴罚款交至机关的记录", all(p.handed_over_on for p in on_spot)))
        add(Item("executed", "执行完毕", case.status in ("executed", "closed", "archived")))
        return result

    add(Item("clue", "线索登记", True))
    if case.filed_on is None:
        if hasattr(case, "transfer_out"):
            t = case.transfer_out
            add(Item("transfer_letter", f"案件移送函（{t.letter_number}）及材料清单", True))
            add(Item("transfer_answer", "接收机关书面函告的处理结果", bool(t.answered_on)))
        return result
    add(Item("filing", f"立案审批（{case.filing_number}）", bool(case.filing_number)))

    if hasattr(case, "transfer_out"):
        t = case.transfer_out
        add(Item("inspections", "检查、询问笔录", case.inspections.exists(), required=False))
        add(Item("transfer_letter", f"案件移送函（{t.letter_number}）及材料清单", True))
        add(Item("transfer_answer", "接收机关书面函告的处理结果", bool(t.answered_on)))
        return result
    if case.status == "terminated" or (
        case.ended_on and case.end_reason and not decision and case.status != "transferred_judiciary"
    ):
        add(Item("inspections", "检查、询问笔录", case.inspections.exists(), required=False))
        add(Item("termination", "终止调查的决定及理由", bool(case.ended_on and case.end_reason)))
        return result

    report = latest(case.reports.all())
    outcome = decision.outcome if decision else (report.outcome if report else None)
    add(Item("inspections", "检查、询问笔录", case.inspections.exists()))
    add(Item("evidence", "证据材料", case.evidence.exists(), required=outcome == Outcome.PENALTY))
    add(Item("report", "调查终结报告", report is not None))

    if case.status == "transferred_judiciary":
        add(Item("judiciary", "移送司法机关的决定", bool(case.ended_on and case.end_reason)))
        return result

    notices = [n for n in case.notices.all() if not n.superseded]
    if outcome == Outcome.PENALTY:
        add(Item("notice", "行政处罚事先告知书及送达回证", any(n.served_on for n in notices)))
        defences = list(case.defences.all())
        points = [p for d in defences for p in d.points.all()]
        add(Item("defences", "陈述申辩记录及逐项复核意见", all(p.reviewed for p in points), required=bool(points)))
        hearings = list(case.hearings.all())
        add(Item("hearing", "听证通知及听证笔录", all(h.concluded for h in hearings), required=bool(hearings)))
    grounds = legal_review_grounds(case)
    review = latest(case.legal_reviews.all())
    add(Item("legal_review", "法制审核意见", bool(review and review.result == "passed"), required=bool(grounds)))
    add(Item("discussion", "集体讨论记录", case.discussions.exists(), required=case.major_violation))
    add(Item("extensions", "延长办案期限审批", True, required=case.extensions.exists()))
    if outcome == Outcome.PENALTY:
        label = "行政处罚决定书及送达回证"
    elif outcome:
        label = "不予行政处罚决定书及送达回证"
    else:  # no report yet: which decision is not known
        label = "处理决定书及送达回证"
    add(Item("decision", label, bool(decision and decision.served_on)))
    if decision and decision.outcome == Outcome.PENALTY:
        if decision.money_total:
            add(
                Item(
                    "payment",
                    "缴款凭证（经银行缴入国库）或强制执行结果",
                    case.payments.exists() or any(e.result_on for e in case.enforcements.all()),
                )
            )
        if case.reminders.exists() or case.enforcements.exists():
            add(Item("reminders", "催告记录", case.reminders.exists()))
            add(Item("enforcement", "强制执行决定或申请及结果", all(e.result_on for e in case.enforcements.all())))
        add(Item("executed", "执行完毕", case.status in ("executed", "closed", "archived")))
        add(Item("followup", "回访记录", case.followups.exists()))
    return result


def missing(case: Case) -> list[str]:
    return [i.label for i in items(case) if i.missing]


def digest(obj) -> str:
    """The SHA-256 of a record's canonical JSON form (how the file lists and seals its items)."""
    return hashlib.sha256(json.dumps(plain(obj), ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def entry(n: int, kind: str, title: str, on, obj=None, sha: str | None = None) -> dict:
    """The ``n``-th item of a bound file: a record (or a text) with its date and SHA-256."""
    content = snapshot(obj) if hasattr(obj, "_meta") else (obj if obj is not None else title)
    return {"n": n, "kind": kind, "title": title, "date": on, "sha256": sha or digest(content)}


def file_contents(case: Case) -> list[dict]:
    """The bound file in order: each record with its date and the SHA-256 of its content."""

    entries = []

    def add(kind, title, on, obj=None, sha=None):
        entries.append(entry(len(entries) + 1, kind, title, on, obj, sha))

    add("clue", f"线索登记：{case.summary[:40]}", case.received_on, case)
    if case.filing_number:
        add("filing", f"立案审批表（{case.filing_number}）", case.filed_on, case)
    for r in case.recusals.all():
        add("recusal", f"回避申请及决定（{r.officer}）", r.applied_on, r)
    for i in case.inspections.all():
        add("inspection", str(i), i.on, i)
    for e in case.evidence.all():
        add("evidence", f"证据{e.number}：{e.get_kind_display()}·{e.title}", e.collected_on, sha=e.sha256)
    for r in case.reports.all():
        add("report", str(r), r.submitted_on, r)
    for n in case.notices.all():
        add("notice", f"行政处罚事先告知书（{n.number}）{'及送达回证' if n.served_on else ''}", n.issued_on, n)
    for w in case.waivers.all():
        add("waiver", "放弃陈述申辩（听证）权利的书面声明", w.on, w)
    for d in case.defences.all():
        add(
            "defence",
            f"{d}及复核意见",
            d.received_on,
            {"defence": snapshot(d), "points": [snapshot(p) for p in d.points.all()]},
        )
    for h in case.hearings.all():
        add("hearing", f"听证要求、通知及笔录（{h.requested_on}）", h.requested_on, h)
    for lr in case.legal_reviews.all():
        add(
            "legal_review",
            f"法制审核意见（{lr.get_result_display() or '待审核'}）",
            lr.reviewed_on or lr.submitted_on,
            lr,
        )
    for x in case.extensions.all():
        add("extension", f"延长办案期限审批（{x.days}日）", x.approved_on, x)
    for c in case.discussions.all():
        add("discussion", "集体讨论记录", c.held_on, c)
    decision = getattr(case, "decision", None)
    if decision is not None:
        add(
            "decision",
            f"{decision.get_outcome_display()}决定书（{decision.number}）及送达回证",
            decision.decided_on,
            decision,
        )
    if hasattr(case, "transfer_out"):
        t = case.transfer_out
        add("transfer", f"案件移送函（{t.letter_number}）及接收机关函告", t.sent_on, t)
    for p in case.payment_plans.exclude(kind=PaymentPlan.Kind.STANDARD):
        add("payment_plan", f"{p.get_kind_display()}审批", p.approved_on, p)
    for p in case.payments.all():
        add("payment", f"缴款凭证（{p.receipt_number}）", p.paid_on, p)
    for r in case.reminders.all():
        add("reminder", f"催告记录（{r.get_method_display()}）", r.served_on, r)
    for e in case.enforcements.all():
        add("enforcement", f"{e.get_kind_display()}及结果", e.on, e)
    for f in case.followups.all():
        add("followup", f"回访记录（{f.get_method_display()}）", f.on, f)
    if case.ended_on and case.end_reason and not hasattr(case, "transfer_out"):
        add("ending", f"{case.get_status_display()}：{case.end_reason[:40]}", case.ended_on, case.end_reason)
    return plain(entries)
