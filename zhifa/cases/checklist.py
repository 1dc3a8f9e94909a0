"""The case file checklist (D6.2a; 行政处罚法第四十七条): which records the file of this
case must hold, in the order they are bound, and whether each is there.

A case closes only when nothing required is missing; the archive binds the same items
in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhifa.cases import facts
from zhifa.cases.models import Case, Outcome, Procedure


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
    label = "行政处罚决定书及送达回证" if outcome == Outcome.PENALTY else "不予行政处罚决定书及送达回证"
    add(Item("decision", label, bool(decision and decision.served_on)))
    if decision and decision.outcome == Outcome.PENALTY:
        if decision.money_total:
            add(
                Item(
                    "payment",
                    "缴款凭证（经银行缴入国库）或强制执行结果",
                    case.payments.exists() or case.enforcements.filter(result_on__isnull=False).exists(),
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
