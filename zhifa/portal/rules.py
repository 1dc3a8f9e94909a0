"""Rules of publication (D5.6; 行政处罚法第四十八条; 市场监督管理行政处罚信息公示规定).

Pure: facts in, a refusal or ``None`` out; :mod:`zhifa.portal.services` gathers the facts.
"""

from __future__ import annotations

from datetime import date

from zhifa.core.rules import refuse, rule


def _d(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@rule("D5.6", law=("行政处罚法第四十八条", "市场监督管理行政处罚信息公示规定第二条"))
def publication_lawful(required: bool, warning_only: bool, social_impact: bool, social_impact_reason: str):
    """仅受到警告行政处罚的不予公示；不属于应当公示的决定，只有具有一定社会影响的才依法公开，并须说明理由。"""
    if required:
        return None
    if not social_impact:
        if warning_only:
            return refuse(
                "仅受到警告行政处罚的决定不予公示。具有一定社会影响的，请勾选并说明理由。", field="social_impact"
            )
        return refuse(
            "该决定不属于应当公示的普通程序行政处罚决定；具有一定社会影响的，请勾选并说明理由。",
            field="social_impact",
        )
    if not social_impact_reason.strip():
        return refuse("依据行政处罚法第四十八条公开的，须说明该决定具有哪些社会影响。", field="social_impact_reason")
    return None


@rule("D5.6", law="市场监督管理行政处罚信息公示规定第八条")
def decision_served_before_publication(served_on: date | None):
    """送达行政处罚决定书时书面告知当事人将向社会公示：决定书送达当事人之前不公开。"""
    if served_on is None:
        return refuse("决定书尚未送达当事人，送达（并告知将予公示）后方可公开。", field="decision")
    return None


@rule("D5.6", law="行政处罚法第四十八条")
def changed_decision_not_published(change_kind: str):
    """公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，应当撤回，不得再予公开。"""
    if change_kind:
        return refuse("该决定已被依法变更、撤销、确认违法或者确认无效，不得公开，应当撤回已公开的信息。")
    return None


@rule("D5.6", law=("行政处罚法第四十八条", "市场监督管理行政处罚信息公示规定第十一条"))
def withdrawal_reason_stated(reason: str):
    """撤回行政处罚决定信息的，应当公开说明理由。"""
    if not reason.strip():
        return refuse("撤回已公开的决定信息须向社会说明理由。", field="reason")
    return None


@rule("D5.6", law=("行政处罚法第四十八条", "市场监督管理行政处罚信息公示规定第六条"))
def no_private_information(leaking_fields: list[str]):
    """公开的信息不得含自然人的身份证号码、住址、电话和当事人亲属的信息（个人信息保护法）。"""
    if leaking_fields:
        names = "、".join(leaking_fields)
        return refuse(
            f"拟公开的内容（{names}）仍含自然人身份证号码、住址、电话或当事人亲属信息，请修改公开摘要后再公开。",
            field=leaking_fields[0],
        )
    return None


# --- the party's own acts -----------------------------------------------------------------


@rule("D5.2a", law="行政处罚法第四十五条")
def defence_before_decision(decided: bool):
    """当事人有权进行陈述和申辩，行政机关必须充分听取：陈述申辩在作出处罚决定之前提出。"""
    if decided:
        return refuse("本案已作出处理决定，不能再提交陈述申辩；对决定不服的，可以申请行政复议或者提起行政诉讼。")
    return None


@rule("D5.2a", law="行政处罚法第四十四条")
def defence_after_notice(notice_served: bool):
    """行政机关在作出处罚决定之前告知拟作出的处罚内容及事实、理由、依据，并告知当事人陈述、申辩的权利。"""
    if not notice_served:
        return refuse("本案尚未向您送达事先告知书，收到告知书后可在线陈述、申辩。")
    return None


@rule("D5.6", law="行政处罚法第六十六条")
def payment_plan_for_hardship(reason: str, has_fine: bool):
    """当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳。"""
    if not has_fine:
        return refuse("本案没有需要缴纳的罚款，无须申请暂缓或分期。", field="plan_kind")
    if not reason.strip():
        return refuse("请说明确有经济困难的情况，机关据此决定是否批准。", field="reason")
    return None


@rule("D5.4")
def survey_after_decision(decided: bool):
    """作出处罚决定后，采取恰当方式对当事人的履行情况进行回访。"""
    if not decided:
        return refuse("回访问卷在作出处理决定之后填写。")
    return None


@rule("D5.5")
def opinion_on_a_penalty(is_penalty: bool):
    """在对违法当事人实施行政处罚后，听取利害关系人或受害人对整改情况的意见。"""
    if not is_penalty:
        return refuse("只能对已公开的行政处罚决定提出整改情况的意见。")
    return None
