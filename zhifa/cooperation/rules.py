"""The rules of agencies working as one system, each citing its clause and article.

Pure: facts in, a refusal or ``None`` out (``zhifa.core.rules``). The services check
them; the pages and the API only show their refusals.
"""

from __future__ import annotations

from zhifa.core.rules import refuse, rule

# --- D3.4: transfers ----------------------------------------------------------------------


@rule("D3.4")
def receiver_may_not_refuse(returned: bool):
    """有管辖权的执法机关不得以任何理由拒绝接受（移送的线索和案件）。"""
    if not returned:
        return None
    return refuse(
        "接收机关不得以任何理由拒绝接受移送的线索或案件。请签收并办理；确无管辖权的，说明理由转送有管辖权的机关。",
        field="outcome",
    )


@rule("D3.4", "D3.1a", law="行政处罚法第二十二条")
def pass_on_only_without_competence(receiver, proposal):
    """接收机关对移送的事项有管辖权的，应当接收办理，不得以转送代替接受。``proposal``: the catalogue's competent agencies."""
    if not proposal.holds(receiver):
        return None
    return refuse(
        f"职权目录载明{receiver}对该违法行为在该地有管辖权，应当接收办理，不得转送。",
        field="to_agency",
    )


@rule("D3.4")
def pass_on_with_reasons(reasons: str):
    """确无管辖权而转送的，应当书面说明理由（本机关无管辖权的依据）。"""
    if reasons and reasons.strip():
        return None
    return refuse("转送须写明理由：本机关对该事项没有管辖权的依据。", field="reasons")


@rule("D3.4", law="行政处罚法第二十七条")
def crime_transfer_materials_complete(with_report: bool, with_items_list: bool, with_expert_opinion: bool, note: str):
    """违法行为涉嫌犯罪的，及时将案件移送司法机关：移送书附调查报告、涉案物品清单、检验报告或者鉴定意见。"""
    missing = []
    if not with_report:
        missing.append("调查报告")
    if not (with_items_list or note.strip()):
        missing.append("涉案物品清单")
    if not (with_expert_opinion or note.strip()):
        missing.append("检验报告或者鉴定意见")
    if not missing:
        return None
    return refuse(
        f"涉嫌犯罪案件移送书须附{'、'.join(missing)}；没有涉案物品或者无须检验鉴定的，请写明说明。",
        field="with_report" if "调查报告" in missing else "no_items_note",
    )


@rule("D3.4", "D3.1a", law="行政处罚法第二十二条")
def accept_only_with_competence(receiver, proposal):
    """经职权目录核对本机关有管辖权的，方可接收办理；确无管辖权的，说明理由转送有管辖权的机关。"""
    if proposal.holds(receiver):
        return None
    return refuse(
        f"职权目录未载明{receiver}对该违法行为在该地有管辖权，不能接收办理。请说明理由转送有管辖权的机关。"
        f"{proposal.summary()}",
        field="outcome",
    )


# --- D4.4b: assistance; D4.5a–b: information ----------------------------------------------


@rule("D4.4b", law="行政处罚法第二十六条")
def assistance_not_refused_when_complete(outcome: str, gaps: list[str], reasons: str):
    """执法机关提出协助要求，只要手续完备、程序合法，协作机关应及时无条件予以配合；协助事项属于被请求机关
    职权范围内的，应当依法予以协助。不能协助的，须说明具体理由。"""
    if outcome == "declined_incomplete" and not gaps:
        return refuse(
            "该协助请求手续完备、程序合法，应当无条件予以配合，不能以手续不完备为由不予协助。", field="outcome"
        )
    if outcome.startswith("declined") and not reasons.strip():
        return refuse("不能协助的，须书面说明具体理由（缺少哪些手续，或不属于本机关职权的依据）。", field="result")
    return None


@rule("D4.4b")
def assistance_answered_in_time(due_on, on, late_reason: str):
    """协作机关应及时予以配合：在请求的期限内答复协助结果；逾期的，写明原因。"""
    if on <= due_on or late_reason.strip():
        return None
    return refuse(f"协助请求的答复期限已于{due_on:%Y年%m月%d日}届满，逾期答复须写明原因。", field="late_reason")


@rule("D4.5a")
def information_free(fee):
    """对其他机关请求查询有关信息、资料、数据的，被请求的机关应及时、无偿提供。"""
    if not fee:
        return None
    return refuse("向其他行政执法机关提供信息、资料、数据应当无偿，不得收取费用。", field="fee")


@rule("D4.5a")
def information_answered_in_time(due_on, on, late_reason: str):
    """被请求的机关应及时提供：在请求的期限内答复；逾期的，写明原因。"""
    if on <= due_on or late_reason.strip():
        return None
    return refuse(f"信息查询请求的答复期限已于{due_on:%Y年%m月%d日}届满，逾期答复须写明原因。", field="late_reason")


@rule("D4.5b", "D5.6")
def lookup_scoped_to_purpose(purpose: str, case, agency_id: int, party_id: int, reason: str):
    """跨机关查询当事人的执法记录，只为写明的用途：办理本机关该当事人的案件，或安排对其的执法检查；
    每次查询写明事由。"""
    if not reason.strip():
        return refuse("请写明查询事由。", field="reason")
    if purpose == "case":
        if case is None:
            return refuse("为办理案件查询的，请选择本机关办理的案件。", field="case_id")
        if case.agency_id != agency_id or case.party_id != party_id:
            return refuse("只能为本机关办理的、以该当事人为当事人的案件查询其执法记录。", field="case_id")
    return None


# --- D4.6: disputes -------------------------------------------------------------------------

DISPUTE_STAGE_TEXT = {
    "negotiation": "机关协商",
    "coordination": "政府法制机构协调",
    "decision": "共同上一级行政机关裁决",
}


@rule("D4.6", law="行政处罚法第二十五条")
def dispute_steps_in_order(stage: str, step: str):
    """争议首先由机关互相协商解决；协商不成，由同级政府法制机构协调；协调不成，报共同上一级行政机关裁决。"""
    if stage == step:
        return None
    if stage == "resolved":
        return refuse("该争议已经解决。", field="stage")
    return refuse(
        f"该争议正处于“{DISPUTE_STAGE_TEXT.get(stage, stage)}”阶段，不能跳过进行“{DISPUTE_STAGE_TEXT.get(step, step)}”。",
        field="stage",
    )


@rule("D4.6")
def dispute_step_by_the_right_body(
    step: str, actor_role: str, actor_agency_id, actor_government_id, party_ids, government_id
):
    """协商由争议各方机关进行；协调由各方所属政府的法制机构进行；裁决由共同上一级行政机关作出（由其法制机构登记）。"""
    if step == "negotiation":
        if actor_agency_id in party_ids:
            return None
        return refuse("机关协商只能由争议一方的机关登记。", field="stage")
    if actor_role == "legal_office" and actor_government_id == government_id:
        return None
    who = "协调" if step == "coordination" else "裁决"
    return refuse(f"{who}由争议各方所属的共同政府（及其法制机构）进行，请由该政府法制机构登记。", field="stage")


@rule("D4.6")
def dispute_step_recorded(settled: bool, record: str, step: str, document_number: str):
    """每一步都有书面记录；裁决须以文书作出（写明文号）。"""
    if not record.strip():
        return refuse("请记录本步骤的情况（协商纪要、协调意见或裁决内容）。", field="record")
    if step == "decision" and (not settled or not document_number.strip()):
        return refuse("共同上一级行政机关应当作出裁决，并写明裁决文书的文号。", field="document_number")
    return None


@rule("D4.6")
def dispute_step_in_time(due_on, on, late_reason: str):
    """争议的每一步在期限内完成；逾期的，写明原因。"""
    if on <= due_on or late_reason.strip():
        return None
    return refuse(f"本阶段的期限已于{due_on:%Y年%m月%d日}届满，逾期完成须写明原因。", field="late_reason")


# --- D4.1 meetings, D4.2 campaigns, D4.3 linkage: tasks ---------------------------------------


@rule("D4.1")
def resolution_to_attendee(agency, attendee_ids: set):
    """会议议定事项以会议纪要形式送（参会的）执法机关执行。"""
    if agency.pk in attendee_ids:
        return None
    return refuse(f"{agency}未参加本次联席会议，议定事项只能交参会机关执行。", field="agency_id")


@rule("D4.2a")
def campaign_same_level(lead, agencies):
    """同层级的行政执法机关针对突出的违法行为进行专项整治的，实施联合执法。"""
    others = [a for a in agencies if a.government_id != lead.government_id]
    if not others:
        return None
    names = "、".join(a.name for a in others)
    return refuse(f"联合执法由同层级的行政执法机关实施：{names}不属于{lead.government}。", field="agency_id")


@rule("D4.2b")
def campaign_refusal_reasoned(accepted: bool, reason: str):
    """有关机关应当积极配合，不得各行其是，不得互相推诿：不接受分工的，须书面说明理由（并报牵头机关和政府法制机构）。"""
    if accepted or reason.strip():
        return None
    return refuse("不接受联合执法分工的，须书面说明理由；理由将报送牵头机关和政府法制机构。", field="refusal_reason")


@rule("D4.3")
def linkage_city_to_district(assigner, assignee, responsibilities: str):
    """市级执法主管机关与区县执法机关建立上下联动执法制度；上下联动执法应依法界定双方权责。"""
    if assigner.government.level != "city" or assignee.government.parent_id != assigner.government_id:
        return refuse("上下联动任务由市级执法机关交办其所辖区县的执法机关。", field="assigned_to_id")
    if assigner.field != assignee.field:
        return refuse(f"{assignee}与{assigner}不属于同一执法领域，不是其上下联动的对象。", field="assigned_to_id")
    if not responsibilities.strip():
        return refuse("上下联动执法应依法界定双方权责，请写明。", field="responsibilities")
    return None


@rule("D4.1", "D4.2b", "D4.3")
def task_reported_in_time(kind: str, due_on, on, late_reason: str):
    """各执法机关要定期报送落实情况：在期限内报送；逾期的，写明原因。"""
    if on <= due_on or late_reason.strip():
        return None
    clause = {"resolution": "D4.1", "campaign": "D4.2b", "linkage": "D4.3"}[kind]
    return refuse(
        f"任务的期限已于{due_on:%Y年%m月%d日}届满，逾期报送须写明原因。", field="late_reason", clauses=(clause,)
    )


# --- D3.4: the signed case package ------------------------------------------------------------


@rule("D3.4")
def package_verifies(problems: list[str]):
    """移送的材料须完整、未被改动：清单所列每一件文件的 SHA-256 相符，移送机关的签名有效，方可签收、会签或导入。"""
    if not problems:
        return None
    return refuse(f"案件材料包验证未通过：{'；'.join(problems)}", field="file")


# --- D2.1: one visit instead of many (国办发〔2024〕54号) ------------------------------------------


@rule("D2.1")
def inspection_within_annual_cap(count_before: int, cap: int | None, approval):
    """切实解决多头执法、重复执法的问题；国办发〔2024〕54号《关于严格规范涉企行政检查的意见》：同一行政执法
    主体对同一企业的年度现场检查不超过公布的频次上限，超出的须经机关负责人书面批准。
    ``count_before``: the agency's on-site inspections of the enterprise that year before this one;
    ``cap``: the published cap in force (None: none in force); ``approval``: the head's written approval."""
    if cap is None or count_before < cap or approval is not None:
        return None
    return refuse(
        f"本机关本年度已对该企业现场检查{count_before}次，达到公布的年度检查频次上限{cap}次"
        "（国办发〔2024〕54号）。再次检查须经机关负责人书面批准并写明理由；也可以加入其他机关的综合查一次。",
        field="on",
    )


@rule("D2.1")
def cap_approval_reasoned(reasons: str):
    """超出年度检查频次上限的检查，由机关负责人书面批准，写明必须再次检查的理由（国办发〔2024〕54号）。"""
    if reasons and reasons.strip():
        return None
    return refuse("超出年度检查频次上限的检查须写明批准的理由（为何必须再次现场检查）。", field="reasons")


@rule("D2.1", "D3.8")
def joint_part_by_own_officers(agency, officers):
    """综合查一次中，各参加机关由本机关的执法人员检查、记录本机关的事项（每个机关不少于两名持证执法人员）。"""
    others = [o for o in officers if o.agency_id != agency.pk]
    if not others:
        return None
    names = "、".join(o.name for o in others)
    return refuse(f"{names}不是{agency}的执法人员；各机关的检查由本机关的执法人员进行并记录。", field="officers")
