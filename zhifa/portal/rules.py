"""Rules of publication (D5.6; 行政处罚法第四十八条; 市场监督管理行政处罚信息公示规定).

Pure: facts in, a refusal or ``None`` out; :mod:`zhifa.portal.services` gathers the facts.
"""

from __future__ import annotations

from datetime import date, timedelta

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
    """公开的行政处罚决定被依法撤销、确认违法或者确认无效的，应当撤回，不得再予公开；依法变更或更正的，公开的是
    变更后的决定。"""
    if change_kind and change_kind not in ("changed", "corrected"):
        return refuse("该决定已被依法撤销、确认违法或者确认无效，不得公开，应当撤回已公开的信息。")
    return None


@rule("D5.6", law=("行政处罚法第四十八条", "市场监督管理行政处罚信息公示规定第十二条"))
def republish_only_a_changed_decision(change_kind: str):
    """依法变更或更正的决定，撤下原公开信息后公开变更后的决定；被撤销、确认违法或者确认无效的决定只撤回，不再公开。"""
    if change_kind not in ("changed", "corrected"):
        return refuse("只有依法变更或更正的决定才重新公开；被撤销、确认违法或者确认无效的决定撤回后不再公开。")
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


# --- service cards and guides (D5.8) ------------------------------------------------------


@rule("D5.8a")
def service_card_complete(scope: str, manner: str, hours: str, phone: str):
    """执法服务卡告知服务范围、服务方式、服务时间、联系电话等内容。"""
    for field, value, label in (
        ("scope", scope, "服务范围"),
        ("manner", manner, "服务方式"),
        ("hours", hours, "服务时间"),
        ("phone", phone, "联系电话"),
    ):
        if not value.strip():
            return refuse(f"执法服务卡须告知{label}。", field=field)
    return None


@rule("D5.8b")
def one_window_named(licensing: bool, window: str):
    """实施行政许可和行政收费的机关，实施“一个窗口对外”制度。"""
    if licensing and not window.strip():
        return refuse("实施行政许可或收费的机关须写明对外办理的一个窗口（地址）。", field="window")
    return None


@rule("D5.8b")
def guide_complete(materials: str, procedure: str, time_limit: str, window: str):
    """制定办事指南，方便群众查询：写明申请材料、办理流程、办理时限和办理窗口。"""
    for field, value, label in (
        ("materials", materials, "申请材料"),
        ("procedure", procedure, "办理流程"),
        ("time_limit", time_limit, "办理时限"),
        ("window", window, "办理窗口"),
    ):
        if not value.strip():
            return refuse(f"办事指南须写明{label}。", field=field)
    return None


# --- licensing hearings (D5.3b) ---------------------------------------------------------------


@rule("D5.3b")
def licensing_hearing_announced_in_advance(announced_on: date, scheduled_on: date, notice_days: int):
    """应当听证的许可事项，行政机关向社会公告，并于举行听证的七日前将时间、地点通知申请人、利害关系人（行政许可法第四十八条）。"""
    if (scheduled_on - announced_on).days < notice_days:
        return refuse(
            f"听证应当在举行{notice_days}日前公告并通知申请人、利害关系人；{_d(announced_on)}公告，最早可于"
            f"{_d(announced_on + timedelta(days=notice_days))}举行。",
            field="scheduled_on",
        )
    return None


@rule("D5.3b")
def licensing_decided_on_the_record(outcome: str, record: str):
    """听证应当制作笔录；行政机关应当根据听证笔录作出行政许可决定（行政许可法第四十八条）。"""
    if not record.strip():
        return refuse("请记录听证笔录的要点。", field="record")
    if not outcome.strip():
        return refuse("请写明根据听证笔录作出的决定。", field="outcome")
    return None


# --- the officer's QR code (D3.8, D6.4b) --------------------------------------------------------


@rule("D3.8", law="行政处罚法第四十二条")
def scanned_officer_inspected(officer_in_inspection: bool):
    """扫码记录只能对应扫码的执法人员本人参加的那次检查：检查须由出示证件的执法人员进行。"""
    if not officer_in_inspection:
        return refuse("扫码的执法人员不是这次检查的执法人员，请选择其参加的检查记录。", field="inspection_id")
    return None
