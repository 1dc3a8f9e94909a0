"""The rules of complaints and media exposures (D6.7a–b, D3.4). Pure: facts in, a
refusal or None out."""

from __future__ import annotations

from datetime import date

from zhifa.core.rules import refuse, rule

#: The platform's choice: an answer shorter than this says nothing of what was done and why.
ANSWER_MIN_CHARS = 10
#: The platform's choice: a published media result states what was found and done.
MEDIA_RESULT_MIN_CHARS = 10


@rule("D6.7a")
def enforcement_complaint_stays_with_office(kind: str):
    """公民、法人和其他组织发现行政执法违法行为，可以向监察机关和政府法制机构举报和投诉：
    对执法行为的投诉由政府法制机构调查答复，不转交被投诉的机关自行处理。"""
    if kind == "enforcement":
        return refuse(
            "对执法行为的投诉由政府法制机构调查处理并答复，不能转交执法机关办理；请由法制机构答复。",
            field="agency",
        )
    return None


@rule("D3.4", "D6.7a", law="行政处罚法第二十二条")
def routed_to_competent_agency(*, holds_power: bool | None, covers_place: bool, field_matches: bool):
    """举报的违法行为转交有管辖权的执法机关：持有该违法行为的执法职权（权责清单），
    违法行为发生地在其辖区内（行政处罚法第二十二条）。"""
    if holds_power is False:
        return refuse("该机关的权责清单中没有处罚此违法行为的职权，请转交有管辖权的执法机关。", field="agency")
    if not covers_place:
        return refuse("违法行为发生地不在该机关的管辖区域内，请转交发生地有管辖权的执法机关。", field="agency")
    if not field_matches:
        return refuse("该机关的执法领域与举报的违法行为不符，请转交相应领域的执法机关。", field="agency")
    return None


@rule("D3.4")
def competent_agency_may_not_refuse(*, holds_power: bool | None, covers_place: bool):
    """有管辖权的执法机关不得以任何理由拒绝接受移送的线索。"""
    if holds_power and covers_place:
        return refuse(
            "本机关对举报的违法行为有管辖权（权责清单载有该职权，发生地在辖区内），不得退回，请登记为违法线索办理。",
            field="reason",
        )
    return None


@rule("D6.7a")
def answer_gives_result_and_reasons(answer: str):
    """举报投诉应当答复：写明调查核实的情况、处理结果和理由。"""
    if len((answer or "").strip()) < ANSWER_MIN_CHARS:
        return refuse(
            f"答复须写明调查核实的情况、处理结果和理由（至少{ANSWER_MIN_CHARS}个字）。",
            field="answer",
        )
    return None


@rule("D6.7a")
def late_answer_explained(*, due_on: date, on: date, late_reason: str):
    """举报投诉在期限内答复；逾期答复的，写明逾期的原因。"""
    if on > due_on and not (late_reason or "").strip():
        return refuse(
            f"答复期限已于{due_on:%Y年%m月%d日}届满，逾期答复须写明逾期的原因。",
            field="late_reason",
        )
    return None


@rule("D6.7b")
def media_result_stated(result: str):
    """各级监察机关和政府法制机构应建立健全新闻媒体曝光案件的追查制度和查处结果发布制度：
    结论须写明追查核实的情况和查处结果，并向社会发布。"""
    if len((result or "").strip()) < MEDIA_RESULT_MIN_CHARS:
        return refuse(
            f"请写明追查核实的情况和查处结果（至少{MEDIA_RESULT_MIN_CHARS}个字），结论将向社会发布。",
            field="result",
        )
    return None
