"""Rules of supervision, each citing its clause of the Decision. Pure: facts in, a
refusal or ``None`` out; :mod:`zhifa.oversight.services` gathers the facts."""

from __future__ import annotations

from datetime import date

from zhifa.core.rules import refuse, rule


def _d(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# --- 督办 (D6.1: the legal affairs office supervises and inspects) ------------------------


@rule("D6.1")
def supervision_specific(requirement: str, issued_on: date, due_on: date):
    """政府法制机构对行政执法责任制工作加强监督检查：督办须写明整改要求，并给出答复期限。"""
    if not (requirement or "").strip():
        return refuse("请写明督办的整改要求：发现了什么问题、机关应当做什么。", field="requirement")
    if due_on <= issued_on:
        return refuse(f"答复期限须晚于督办日期{_d(issued_on)}。", field="due_on")
    return None


@rule("D6.1", "D1.5")
def supervision_answered(answer: str, answered: bool):
    """被督办机关应当书面答复整改情况；已答复的督办不再重复答复。"""
    if answered:
        return refuse("该督办已经答复，不能重复答复。", field="answer")
    if not (answer or "").strip():
        return refuse("请写明整改情况和结果。", field="answer")
    return None


@rule("D6.1", "D1.4")
def escalation_after_due(answered: bool, escalated: bool, due_on: date, on: date):
    """督办逾期未答复的，升级督办；在期限内或已答复的，不得升级。"""
    if answered:
        return refuse("被督办机关已经答复，无须升级督办。", field="on")
    if escalated:
        return refuse("该督办已经升级。", field="on")
    if on <= due_on:
        return refuse(f"答复期限至{_d(due_on)}，期限届满后仍未答复的才能升级督办。", field="on")
    return None


# --- the regulated parties' opinions (D6.4b) --------------------------------------------


@rule("D6.4b")
def rating_by_the_party(case_party_id: int | None, party_id: int):
    """评议须听取相关行政管理相对人的意见：只有案件的当事人可以评价该案的检查和决定。"""
    if case_party_id is None or case_party_id != party_id:
        return refuse("只有本案的当事人可以评价本案的执法检查和处理决定。", field="party")
    return None


@rule("D6.4b")
def rating_after_the_act(kind: str, act_on: date | None, on: date):
    """当事人在执法检查之后、处理决定送达之后评价；尚未发生的行为不能评价。"""
    what = "执法检查" if kind == "inspection" else "处理决定"
    if act_on is None:
        return refuse(f"{what}尚未作出或尚未送达，不能评价。", field="kind")
    if on < act_on:
        return refuse(f"评价日期不得早于{what}的日期{_d(act_on)}。", field="on")
    return None
