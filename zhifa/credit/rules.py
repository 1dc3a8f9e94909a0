"""Rules of credit and random inspections (D5.7, D3.8, D2.1). Pure."""

from __future__ import annotations

from datetime import date

from zhifa.core.rules import refuse, rule

#: The platform's choice: an answer to an objection says why in at least this many characters.
OBJECTION_ANSWER_MIN_CHARS = 10


@rule("D3.8", law="行政处罚法第四十二条")
def two_inspectors_per_target(per_target: int, registered: int):
    """执法检查中，行政执法人员不得少于两人：每个抽中的对象随机匹配至少两名检查人员。"""
    if per_target < 2:
        return refuse("每个检查对象须随机匹配至少两名执法检查人员。", field="inspectors_per_target")
    if registered < per_target:
        return refuse(
            f"执法检查人员名录只有{registered}人，不足每个对象所需的{per_target}人，请先补充名录。",
            field="inspectors_per_target",
        )
    return None


@rule("D2.1", "D5.7")
def seed_published_before_draw(seed_published_on: date, on: date):
    """随机抽取所用的种子须在抽取前公布，使抽取结果可以复现和监督（双随机、一公开）。"""
    if seed_published_on > on:
        return refuse("随机种子须在抽取之前公布。", field="seed")
    return None


@rule("D3.8")
def result_by_assigned_inspector(officer_id: int | None, inspector_ids: set[int]):
    """检查结果由抽中的检查人员录入：没有到场检查的人员不得录入结果。"""
    if officer_id not in inspector_ids:
        return refuse("只有抽中的检查人员可以录入该对象的检查结果。", field="result")
    return None


@rule("D5.7")
def objection_names_a_line(line_key: str, keys: set[str]):
    """当事人可以对信用评价中的某一项提出异议：异议须指向评价中的一项。"""
    if line_key not in keys:
        return refuse("异议须指向该当事人信用评价中的一项（行政处罚决定或抽查结果）。", field="line_key")
    return None


@rule("D5.7")
def objection_answer_gives_reasons(answer: str):
    """对信用评价异议的答复须说明理由。"""
    if len((answer or "").strip()) < OBJECTION_ANSWER_MIN_CHARS:
        return refuse(f"请写明答复的理由（至少{OBJECTION_ANSWER_MIN_CHARS}个字）。", field="answer")
    return None


@rule("D5.7")
def interview_for_poor_credit(grade: str, grade_label: str):
    """对于信用评价差的，列为重点教育对象，采取座谈会、结对帮教等方式，促使其诚信守纪、自觉守法。"""
    if grade != "C":
        return refuse(
            f"座谈会、结对帮教针对信用评价差的当事人；该当事人当前信用等级为{grade_label}，不列为重点教育对象。",
            field="party",
        )
    return None


@rule("D5.7")
def mentoring_names_its_mentor(kind: str, mentor: str):
    """结对帮教须有确定的帮教人，才能对帮教的效果负责。"""
    if kind == "mentoring" and not (mentor or "").strip():
        return refuse("结对帮教须写明帮教人（执法人员或结对的守信企业）。", field="mentor")
    return None
