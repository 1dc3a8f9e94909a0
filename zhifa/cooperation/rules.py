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
