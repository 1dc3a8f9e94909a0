"""Rules of the case procedure, each citing its clause of the Decision and the article
of law it enforces. Pure: facts in, a refusal or ``None`` out; the services gather the
facts and :mod:`zhifa.cases.transitions` says which act checks which rule.

Rules of other apps are reused as they are: ``agency_has_power``,
``agency_has_standing``, ``place_within_jurisdiction`` (org, D3.1a), ``officer_certified``,
``two_certified_officers``, ``no_declared_conflict`` (people, D3.1b/D3.8/D3.7),
``basis_is_law_or_rule``, ``basis_in_force`` (law, D3.10a).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zhifa.cases import periods
from zhifa.cases.models import Payment, Reminder
from zhifa.core import parameters as params
from zhifa.core.rules import refuse, rule


def _d(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# --- D1.4 / D1.5: strict and accountable enforcement: deadlines, named responsibility ----


@rule("D1.5", law="行政处罚法第四十七条")
def act_dated_truthfully(on: date, today: date, earliest: date | None):
    """行政执法须全过程记录：每一事项记载实际办理的日期，不得预填将来的日期，也不得早于案件的上一环节。"""
    if on > today:
        return refuse(f"办理日期{_d(on)}晚于今天，不能预先登记尚未发生的事项。", field="on")
    if earliest and on < earliest:
        return refuse(f"办理日期{_d(on)}早于本案已登记的上一环节（{_d(earliest)}），请核对日期。", field="on")
    return None


@rule("D1.4", law="行政处罚法第四十七条")
def backdating_reasoned(on: date, entered_on: date, deadline: str, due: date | None, reason: str):
    """行政执法全过程记录：事项的办理日期可以早于登记日期（纸质记录事后录入），但该日期决定期限是否遵守的，
    须书面说明事后登记的理由（并提示政府法制机构）。"""
    if on >= entered_on or due is None or reason.strip():
        return None
    if not (on <= due < entered_on):
        return None  # the deadline is met, or missed, whichever day counts: the date decides nothing
    return refuse(
        f"办理日期{_d(on)}早于登记日期{_d(entered_on)}，{deadline}的期限于{_d(due)}届满："
        "按办理日期在期限内，按登记日期已逾期。请写明事后登记的理由（补录理由）。",
        field="backdated_reason",
    )


@rule("D1.5")
def lead_officer_named(lead, investigators):
    """有权必有责：每件案件确定主办人，主办人须是本案承办人之一。"""
    if lead is None:
        return refuse("请指定一名主办人，对本案承担办案责任。", field="lead_officer")
    if lead.pk not in {o.pk for o in investigators}:
        return refuse(f"主办人{lead.name}须是本案的承办人员之一。", field="lead_officer")
    return None


@rule("D1.4", law="行政处罚法第五十四条")
def filing_decided_in_time(received_on: date, decided_on: date, late_reason: str):
    """符合立案标准的，应当及时立案：自发现线索之日起十五个工作日内决定是否立案；逾期的须说明原因。"""
    if late_reason.strip():
        return None
    try:
        due = periods.filing_due(received_on)
    except periods.DeadlineUnknown as e:
        # A stored clue the deadline cannot be counted from: it cannot be shown to be in
        # time, so the reason is asked for (and the clue can still be refused or filed).
        return refuse(f"决定是否立案的期限未知（{e.reason}），请写明理由。", field="late_reason")
    if decided_on <= due:
        return None
    return refuse(
        f"决定是否立案的期限已于{_d(due)}届满（{params.describe('filing_decision_period', on=received_on)}），"
        "请写明逾期的原因。",
        field="late_reason",
    )


@rule("D1.4", law="行政处罚法第六十条")
def decision_within_time_limit(due_on: date | None, decided_on: date):
    """行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定；延长须经批准并记录。"""
    if due_on is None or decided_on <= due_on:
        return None
    return refuse(
        f"作出决定的期限已于{_d(due_on)}届满，且没有经批准延长至{_d(decided_on)}；"
        "逾期不得作出决定，请依法报请延长或终止案件。",
        field="on",
    )


@rule("D1.4", law="行政处罚法第六十条")
def extension_allowed(current_due: date, approved_on: date, days: int, reason: str):
    """案情复杂，不能在期限内作出决定的，经批准可以延长；须在期限届满前批准，每次不超过规定天数，写明理由。"""
    limit = params.value("decision_extension_max", on=approved_on)
    if approved_on > current_due:
        return refuse(f"办案期限已于{_d(current_due)}届满，延长须在期限届满前批准。", field="on")
    if days < 1 or days > limit:
        return refuse(
            f"每次延长不得超过{limit}日（{params.describe('decision_extension_max', on=approved_on)}）。", field="days"
        )
    if not reason.strip():
        return refuse("请写明延长办案期限的理由。", field="reason")
    return None


@rule("D1.4", law="行政处罚法第六十一条")
def decision_served_in_time(decided_on: date, served_on: date, late_reason: str):
    """当事人不在场的，行政机关应当在七日内将行政处罚决定书送达当事人；逾期的须说明原因。"""
    if served_on < decided_on:
        return refuse(f"送达日期不得早于决定日期{_d(decided_on)}。", field="on")
    due = periods.service_due(decided_on)
    if served_on <= due or late_reason.strip():
        return None
    return refuse(f"决定书应当在{_d(due)}前送达（七个工作日），请写明逾期送达的原因。", field="late_reason")


@rule("D1.4", law="行政强制法第五十三条")
def court_application_window(served_on: date, applied_on: date):
    """当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行的，行政机关可以自期限届满之日起三个月内申请人民法院强制执行。"""
    reconsider_end = params.period_end("reconsideration_application_period", start=served_on)
    litigation_end = params.period_end("litigation_period", start=served_on)
    remedies_end = max(reconsider_end, litigation_end)
    if applied_on <= remedies_end:
        return refuse(
            f"当事人申请行政复议、提起行政诉讼的期限至{_d(remedies_end)}才届满，届满后方可申请人民法院强制执行。",
            field="on",
        )
    window_end = params.period_end("court_application_period", start=remedies_end)
    if applied_on > window_end:
        return refuse(f"申请人民法院强制执行的期限已于{_d(window_end)}届满（期限届满之日起三个月内）。", field="on")
    return None


# --- D3.1a: the body; D3.4 transfers -----------------------------------------------------


@rule("D3.4", "D3.1a", law="行政处罚法第二十二条")
def transfer_to_competent_agency(to_agency, competent):
    """对无管辖权的案件，书面移送有管辖权的执法机关。``competent``: agencies holding the item for the place."""
    if to_agency.pk in {a.pk for a in competent}:
        return None
    hint = (
        f"有管辖权的机关：{'、'.join(a.name for a in competent)}。"
        if competent
        else "未找到有管辖权的机关，请报政府法制机构协调。"
    )
    return refuse(f"{to_agency}对本案的违法行为没有管辖权，不能作为接收机关。{hint}", field="to_agency")


@rule("D3.1a", law="行政强制法第十三条")
def agency_may_compel(agency, coercion_powers):
    """行政强制执行由法律设定；法律没有规定行政机关强制执行的，应当申请人民法院强制执行。"""
    if coercion_powers:
        return None
    return refuse(f"{agency}没有法律设定的行政强制执行权，请依法申请人民法院强制执行。", field="kind")


# --- D3.1b: the officer ----------------------------------------------------------------


@rule("D3.1b", law="行政处罚法第四十二条")
def actor_is_officer(actor, officer):
    """行政处罚应当由具有行政执法资格的执法人员实施：办理人须有执法人员档案和有效证件。"""
    if officer is not None:
        return None
    return refuse(
        f"{actor}的账户没有关联行政执法人员档案，不能从事行政执法活动；请由持有有效执法证件的人员办理。", field="actor"
    )


# --- D3.3: filing, investigation, decision and execution apart --------------------------


#: Stages one person may both act in: approving filing (行政处罚法第五十四条) and deciding
#: (第五十七条) are both the agency head's acts, so an agency with one head can finish a
#: case; what D3.3 keeps apart is who investigates from who decides and who executes
#: (docs/separation-of-stages.md).
COMPATIBLE_STAGES = frozenset({frozenset({"filing", "decision"})})


@rule("D3.3", law=("行政处罚法第五十四条", "行政处罚法第五十七条"))
def stages_separated(actor, stage: str, stage_label: str, stages_done: dict[str, str]):
    """立案、调查、裁决、执行四个基本环节相互分开、相互监督：调查的人不得决定或执行，决定的人不得调查或执行；
    批准立案与作出决定同为机关负责人的职责，可由同一负责人办理。

    ``stages_done``: {stage: label} of the stages ``actor`` has already acted in on this case
    (being assigned as 承办人员 or named on an inspection record counts as investigating).
    """
    others = [
        label for s, label in stages_done.items() if s != stage and frozenset({s, stage}) not in COMPATIBLE_STAGES
    ]
    if not others:
        return None
    return refuse(
        f"{actor}已在本案{'、'.join(others)}环节办理事项，不得再办理{stage_label}环节的事项"
        "（立案、调查、决定、执行相互分开），请由其他人员办理。",
        field="actor",
    )


@rule("D3.3")
def assigned_investigator(officer, live_investigator_ids: set[int]):
    """调查取证由本案承办人员进行：未被指派或已回避、退出的人员不得调查本案。"""
    if officer is not None and officer.pk in live_investigator_ids:
        return None
    name = officer.name if officer is not None else "办理人"
    return refuse(f"{name}不是本案的承办人员，不能办理调查环节的事项；请由机关负责人指派。", field="officers")


@rule("D3.3", law="行政处罚法第五十八条")
def reviewer_not_investigator(reviewer, investigated: bool):
    """法制审核与调查相互监督：法制审核人员不得是本案的调查人员。"""
    if not investigated:
        return None
    return refuse(f"{reviewer}参与了本案调查，不得对本案进行法制审核；请由其他法制审核人员审核。", field="reviewer")


@rule("D3.3", law="行政处罚法第五十八条")
def legal_review_passed(required_grounds: list[str], review):
    """涉及重大公共利益、经过听证、案情疑难复杂或法律法规规定的，决定前应当法制审核；未经审核或审核未通过的，不得作出决定。"""
    if not required_grounds:
        return None
    if review is None or review.result != "passed":
        return refuse(f"本案{'、'.join(required_grounds)}，应当经法制审核通过后方可作出决定。", field="legal_review")
    return None


@rule("D3.3", law="行政处罚法第五十七条")
def collective_discussion_held(required: bool, discussion):
    """对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。"""
    if not required or discussion is not None:
        return None
    return refuse(
        "本案属于情节复杂或者重大违法行为，给予行政处罚应当经机关负责人集体讨论决定，请先记录集体讨论。",
        field="collective_discussion",
    )


# --- D3.7: recusal ---------------------------------------------------------------------


@rule("D3.7", law="行政处罚法第四十三条")
def recused_officer_excluded(officer, granted_recusals):
    """决定回避的执法人员，不得再参与本案。``granted_recusals``: this case's granted recusals of ``officer``."""
    if not granted_recusals:
        return None
    return refuse(f"{officer.name}已被决定回避，不得再参与本案。", field="officers")


@rule("D3.7", law="行政处罚法第四十三条")
def recusal_decision_reasoned(granted: bool, reason: str):
    """当事人认为执法人员与案件有直接利害关系的，有权申请回避；回避决定由行政机关负责人作出，不予回避的须说明理由。"""
    if granted or reason.strip():
        return None
    return refuse("决定不予回避的，应当写明理由。", field="reason")


# --- D3.8: two certified officers -------------------------------------------------------


@rule("D3.8", law="行政处罚法第四十二条")
def two_investigators_assigned(investigators):
    """执法人员不得少于两人：立案时至少指派两名承办人员。"""
    if len({o.pk for o in investigators}) >= 2:
        return None
    return refuse("立案时应当指派至少两名持证执法人员承办本案。", field="investigators")


# --- D3.9a: prior notice ----------------------------------------------------------------


@rule("D3.9a", law="行政处罚法第四十四条")
def notice_complete(facts: str, reasons: str, basis_articles, has_penalty: bool, states_defence_right: bool):
    """作出行政处罚决定前，告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知陈述、申辩等权利。"""
    if not facts.strip():
        return refuse("告知书应当写明违法事实。", field="facts")
    if not reasons.strip():
        return refuse("告知书应当写明拟作出行政处罚的理由。", field="reasons")
    if not basis_articles:
        return refuse("告知书应当写明拟作出行政处罚的依据条文。", field="basis_articles")
    if not has_penalty:
        return refuse("告知书应当写明拟作出的行政处罚内容。", field="fine")
    if not states_defence_right:
        return refuse("告知书应当告知当事人享有陈述、申辩的权利。", field="states_defence_right")
    return None


@rule("D3.9a", law="行政处罚法第六十二条")
def prior_notice_served(outcome: str, notice):
    """未向当事人告知拟作出的行政处罚内容及事实、理由、依据的，不得作出行政处罚决定。"""
    if outcome != "penalty":
        return None
    if notice is None:
        return refuse("作出行政处罚决定前，应当制作并送达行政处罚事先告知书。", field="notice")
    if notice.served_on is None:
        return refuse(f"事先告知书{notice.number}尚未送达当事人，不得作出行政处罚决定。", field="notice")
    return None


@rule("D3.9a", law="行政处罚法第六十二条")
def defence_period_run(outcome: str, notice, on: date, waiver, hearing_right: bool):
    """陈述、申辩的期限（及要求听证的期限）届满前不得作出决定，当事人书面明确放弃的除外。"""
    if outcome != "penalty" or notice is None or notice.served_on is None:
        return None
    due = periods.defence_due(notice.served_on)
    if hearing_right:
        due = max(due, periods.hearing_request_due(notice.served_on))
    if on > due:
        return None
    waived = (
        waiver is not None
        and waiver.in_writing
        and waiver.waives_defence
        and (waiver.waives_hearing or not hearing_right)
    )
    if waived:
        return None
    what = "陈述、申辩和要求听证" if hearing_right else "陈述、申辩"
    return refuse(f"当事人{what}的期限至{_d(due)}届满，期限届满前不得作出决定（当事人书面放弃的除外）。", field="on")


@rule("D3.9a", law="行政处罚法第六十二条")
def waiver_in_writing(in_writing: bool, statement: str):
    """当事人放弃陈述、申辩或听证权利的，须明确并以书面形式作出。"""
    if in_writing and statement.strip():
        return None
    return refuse("放弃陈述、申辩或听证权利须由当事人书面明确表示，请记录书面声明的内容。", field="in_writing")


# --- D5.2a: statements and defences ------------------------------------------------------


@rule("D5.2a", law="行政处罚法第四十五条")
def defence_points_recorded(points):
    """对当事人提出的事实、理由和证据，应当认真作好记录：逐项记录。"""
    if points and all(str(p).strip() for p in points):
        return None
    return refuse("请逐项记录当事人提出的事实、理由和证据（每项一条，不能为空）。", field="points")


@rule("D5.2a", law="行政处罚法第四十五条")
def review_reasoned(adopted: bool | None, reason: str):
    """对当事人提出的事实、理由和证据应当进行复核，采纳与否均说明理由。"""
    if adopted is None:
        return refuse("请写明复核结论：采纳或者不采纳。", field="adopted")
    if not reason.strip():
        return refuse("复核结论须写明理由。", field="reason")
    return None


#: How many unreviewed points a refusal names (a message, not a limit of the law).
LISTED_AT_MOST = 8


@rule("D5.2a", law="行政处罚法第四十五条")
def defence_points_reviewed(unreviewed):
    """当事人提出的每一项事实、理由和证据，均须复核后方可作出决定。``unreviewed``: points without a review."""
    if not unreviewed:
        return None
    numbers = "、".join(f"第{p.number}项" for p in unreviewed[:LISTED_AT_MOST])
    return refuse(f"当事人陈述申辩中的{numbers}尚未复核，请逐项复核后再提交决定。", field="defences")


@rule("D5.2a", law="行政处罚法第四十五条")
def no_heavier_than_notified(outcome: str, notice, decision_terms):
    """行政机关不得因当事人陈述、申辩而给予更重的处罚：决定不得重于告知书拟作出的处罚（须加重的，应重新告知）。"""
    if outcome != "penalty" or notice is None:
        return None
    heavier = []
    for field in decision_terms.TERM_FIELDS:
        new, old = getattr(decision_terms, field), getattr(notice, field)
        label = str(decision_terms._meta.get_field(field).verbose_name).replace("（元）", "")
        if isinstance(new, Decimal) or isinstance(old, Decimal):
            if (new or Decimal(0)) > (old or Decimal(0)):
                heavier.append(f"{label}{new}元高于告知的{old or 0}元")
        elif new and not old:
            heavier.append(f"增加了告知书没有的{label}")
    if not heavier:
        return None
    return refuse(
        f"决定重于事先告知的处罚（{'；'.join(heavier)}）。不得因当事人陈述、申辩而加重处罚；"
        "确因新的事实须加重的，应当重新告知。",
        field="fine",
    )


# --- D5.3a: hearings --------------------------------------------------------------------


def hearing_grounds(terms, party_is_person: bool, on: date) -> list[str]:
    """Why the proposed ``terms`` give the party a right to a hearing (行政处罚法第六十三条, 渝府令第354号)."""
    grounds = []
    key = "hearing_large_fine_citizen" if party_is_person else "hearing_large_fine_organisation"
    threshold = params.value(key, on=on)
    if terms.fine and terms.fine >= threshold:
        grounds.append(f"罚款{terms.fine:,.2f}元达到较大数额（{threshold:,}元）")
    if terms.confiscation and terms.confiscation >= threshold:
        grounds.append(f"没收{terms.confiscation:,.2f}元达到较大数额（{threshold:,}元）")
    for field in terms.HEARING_KINDS:
        if getattr(terms, field):
            grounds.append(str(terms._meta.get_field(field).verbose_name))
    return grounds


@rule("D5.3a", law="行政处罚法第六十三条")
def notice_states_hearing_right(grounds: list[str], states_hearing_right: bool):
    """拟作出较大数额罚款、没收，降低资质等级、吊销许可证件，责令停产停业、责令关闭、限制从业等处罚的，应当告知听证权利。"""
    if not grounds or states_hearing_right:
        return None
    return refuse(f"拟作出的处罚（{'、'.join(grounds)}）应当告知当事人有要求听证的权利。", field="states_hearing_right")


@rule("D5.3a", law="行政处罚法第六十三条")
def hearing_within_scope(hearing_right_stated: bool):
    """拟作出的处罚属于听证范围、告知书告知了听证权利的，当事人方可要求听证；不属于的，当事人可以陈述、申辩。"""
    if hearing_right_stated:
        return None
    return refuse("本案拟作出的处罚不属于听证范围，告知书未告知听证权利；当事人可以陈述、申辩。", field="on")


@rule("D5.3a", law="行政处罚法第六十四条")
def hearing_requested_in_time(served_on: date, requested_on: date):
    """当事人要求听证的，应当在行政机关告知后五日内提出。"""
    due = periods.hearing_request_due(served_on)
    if requested_on < served_on:
        return refuse("要求听证的日期不得早于告知书送达日期。", field="on")
    if requested_on <= due:
        return None
    return refuse(f"要求听证的期限已于{_d(due)}届满（告知后五个工作日内），不再组织听证。", field="on")


@rule("D5.3a", law="行政处罚法第六十四条")
def hearing_notified_in_time(notified_on: date, hearing_day: date):
    """行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点。"""
    earliest = params.period_end("hearing_notice_period", start=notified_on)
    if hearing_day >= earliest:
        return None
    return refuse(
        f"{_d(notified_on)}通知的听证最早可在{_d(earliest)}举行（举行听证的七个工作日前通知当事人）。",
        field="scheduled_at",
    )


@rule("D5.3a", "D3.3", law="行政处罚法第六十四条")
def hearing_chair_not_investigator(chair, investigator_ids: set[int]):
    """听证由行政机关指定的非本案调查人员主持。"""
    if chair.pk not in investigator_ids:
        return None
    return refuse(f"{chair.name}是本案调查人员，不得主持听证；请指定非本案调查人员主持。", field="chair")


@rule("D5.3a", law="行政处罚法第六十五条")
def hearing_held_before_decision(hearings):
    """当事人要求听证的，听证结束后根据听证笔录作出决定。``hearings``: this case's hearings on the current notice."""
    open_ones = [h for h in hearings if not h.concluded]
    if not open_ones:
        return None
    return refuse("当事人已要求听证，听证结束（或当事人撤回要求）前不得作出决定。", field="hearing")


# --- D1.4: 先行登记保存证据 (行政处罚法第五十六条) ------------------------------------------------


@rule("D1.4", law="行政处罚法第五十六条")
def preservation_approved_by_head(approver, approved_on: date | None, agency_id: int, on: date, reasons: str):
    """在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存。"""
    if not reasons.strip():
        return refuse("请写明证据可能灭失或者以后难以取得的情况（先行登记保存的理由）。", field="reasons")
    if approver is None:
        return refuse("先行登记保存证据须经本机关负责人批准：请记录批准的机关负责人。", field="approved_by")
    if not is_agency_head(approver, agency_id):
        return refuse(f"{approver}不是本机关负责人，不能批准先行登记保存。", field="approved_by")
    if approved_on is None:
        return refuse("请记录机关负责人批准的日期。", field="approved_on")
    if approved_on > on:
        return refuse(
            f"机关负责人于{_d(approved_on)}批准，先行登记保存不得早于批准（先批准，后保存）。", field="approved_on"
        )
    return None


@rule("D1.4", law=("行政处罚法第五十六条", "行政处罚法第八十五条"))
def preservation_decided_in_time(decide_by: date, decided_on: date, late_reason: str):
    """先行登记保存的，应当在七日内（工作日）及时作出处理决定；逾期的须写明原因（处理决定仍须作出）。"""
    if decided_on <= decide_by or late_reason.strip():
        return None
    return refuse(
        f"先行登记保存的处理决定应于{_d(decide_by)}前作出（七个工作日内），已经逾期：请写明逾期的原因。",
        field="late_reason",
    )


# --- D2.1: one visit instead of many (国办发〔2024〕54号) ---------------------------------------


@rule("D2.1")
def recorded_inspection_within_cap(count_before: int, cap: int | None, approvals: int):
    """切实解决多头执法、重复执法的问题；国办发〔2024〕54号《关于严格规范涉企行政检查的意见》：同一行政执法
    主体对同一企业的年度现场检查不超过公布的频次上限，超出的须经机关负责人书面批准。案件中记录的现场检查同样计数：
    ``count_before``: 本机关本年度此前对该企业的现场检查（含已计划尚未记录的）；``cap``: 公布的上限（None: 未公布）；
    ``approvals``: 机关负责人本年度书面批准的超频次检查次数。"""
    if cap is None or count_before < cap + approvals:
        return None
    return refuse(
        f"本机关本年度已对该企业现场检查{count_before}次，达到公布的年度检查频次上限{cap}次"
        + (f"及机关负责人书面批准的{approvals}次超频次检查" if approvals else "")
        + "（国办发〔2024〕54号）。再次现场检查须先经机关负责人书面批准并写明理由（执法协作—超频次检查的书面批准）。",
        field="on",
    )


# --- D3.9b: reminder before compulsory execution -----------------------------------------


@rule("D3.9b", law="行政强制法第三十五条")
def reminder_recorded(method: str, content: str, record: str, due: date, served_on: date):
    """强制执行前以电话、书面、走访等方式再次告知当事人履行义务及不履行的法律后果，并记录。"""
    if method not in Reminder.Method.values:
        return refuse("催告方式应为电话、书面或走访。", field="method")
    if not content.strip():
        return refuse("请写明催告的内容：履行的义务、期限、方式、金额，不履行的法律后果和陈述申辩权。", field="content")
    if not record.strip():
        return refuse("请记录催告的经过（通话记录、送达回证或走访记录）。", field="record")
    if due <= served_on:
        return refuse("催告书应当载明晚于催告日期的履行期限。", field="performance_due_on")
    return None


@rule("D3.9b", law="行政强制法第五十四条")
def reminder_after_default(payment_due: date | None, served_on: date):
    """当事人逾期不履行的，方可催告。"""
    if payment_due is None or served_on > payment_due:
        return None
    return refuse(f"缴纳期限至{_d(payment_due)}届满，当事人尚未逾期，不能催告。", field="on")


@rule("D3.9b", law=("行政强制法第三十五条", "行政强制法第三十七条", "行政强制法第五十四条"))
def reminder_before_compulsion(kind: str, reminders, on: date):
    """行政强制执行或申请人民法院强制执行前，应当催告当事人履行义务；催告期间届满（申请法院的，催告书送达十日后）仍不履行的，方可执行。
    催告应当以书面形式作出（行政强制法第三十五条）：电话、走访是《决定》要求的再次告知，记录在案，但不是催告，
    不能代替催告书。"""
    written = [r for r in reminders if r.method == Reminder.Method.LETTER]
    if not written:
        if reminders:
            return refuse(
                "已记录的电话或走访告知不是催告：催告应当以书面形式作出（行政强制法第三十五条），"
                "请先向当事人送达催告书。",
                field="reminder",
            )
        return refuse("强制执行前应当以书面形式催告当事人履行义务（催告书），请先记录催告。", field="reminder")
    last = max(written, key=lambda r: r.served_on)
    if kind == "court":
        ready = periods.court_ready(last.served_on)
        if on <= ready:
            return refuse(
                f"催告书于{_d(last.served_on)}送达，须满十日（{_d(ready)}后）当事人仍未履行，方可申请人民法院强制执行。",
                field="on",
            )
    elif on <= last.performance_due_on:
        return refuse(
            f"催告的履行期限至{_d(last.performance_due_on)}届满，期限届满后当事人仍不履行的，方可强制执行。", field="on"
        )
    return None


@rule("D1.5", "D1.4", law="行政强制法第五十五条")
def court_application_signed_by_head(actor, approver, approved_on: date | None, agency_id: int, on: date):
    """行政机关向人民法院申请强制执行，强制执行申请书应当由行政机关负责人签名，加盖行政机关的印章，并注明日期。
    机关负责人自己提出申请的，即是其签名；执法人员办理的，须记录签发申请书的本机关负责人及签发日期。"""
    if is_agency_head(actor, agency_id):
        return None
    if approver is None:
        return refuse(
            "强制执行申请书应当由本机关负责人签名（行政强制法第五十五条）：请记录签发申请书的机关负责人。",
            field="approved_by",
        )
    if not is_agency_head(approver, agency_id):
        return refuse(f"{approver}不是本机关负责人，不能签发强制执行申请书。", field="approved_by")
    if approved_on is None:
        return refuse("请记录机关负责人签发强制执行申请书的日期。", field="approved_on")
    if approved_on > on:
        return refuse(f"机关负责人于{_d(approved_on)}签发，申请日期不得早于签发日期。", field="approved_on")
    return None


def is_agency_head(user, agency_id: int) -> bool:
    return getattr(user, "role", None) == "head" and getattr(user, "agency_id", None) == agency_id


# --- D2.3: fines paid through the bank --------------------------------------------------


@rule("D2.3", law="行政处罚法第六十七条")
def payment_within_owed(amount: Decimal, outstanding: Decimal):
    """罚缴分离：缴款凭证记载的是当事人依决定应缴的罚没款（及加处罚款）。登记的缴款不得超过尚欠的数额；
    多缴的款项不是罚款，由收缴机构按国库退库的规定退还当事人，不在本案中登记为缴款。"""
    if amount <= outstanding:
        return None
    return refuse(
        f"缴款{amount:,.2f}元超过当事人尚欠的{outstanding:,.2f}元。请按缴款凭证核对金额；"
        "当事人多缴的款项由收缴机构退还，不登记为罚款。",
        field="amount",
    )


@rule("D2.3", law="行政处罚法第六十七条")
def payment_through_bank(method: str, bank: str, receipt_number: str, on_spot_allowed: bool):
    """罚缴分离：当事人到指定的银行或者通过电子支付系统缴纳罚款，以缴款凭证记录；执法人员不得自行收缴。"""
    if method == Payment.Method.ON_SPOT and not on_spot_allowed:
        return refuse(
            "除依法当场收缴的情形外，行政机关及其执法人员不得自行收缴罚款；请当事人到指定银行或通过电子支付系统缴纳。",
            field="method",
        )
    if method in (Payment.Method.BANK, Payment.Method.ELECTRONIC) and not bank.strip():
        return refuse("请记录收款的银行或电子支付系统。", field="bank")
    if not receipt_number.strip():
        return refuse("请记录缴款凭证号（当场收缴的，记录财政部门统一制发的专用票据号）。", field="receipt_number")
    return None


@rule("D2.3", law=("行政处罚法第六十八条", "行政处罚法第六十九条"))
def on_spot_collection_allowed(fine: Decimal, on: date, hard_to_collect_later: bool, remote_area: bool):
    """当场收缴罚款仅限：依法给予一百元以下罚款的；不当场收缴事后难以执行的；边远、水上、交通不便地区当事人申请的。"""
    cap = params.value("on_spot_collection_cap", on=on)
    if fine <= cap or hard_to_collect_later or remote_area:
        return None
    return refuse(
        f"罚款{fine:,.2f}元超过当场收缴的数额（{cap}元以下），且不属于事后难以执行或边远地区的情形，不得当场收缴。",
        field="collect_on_spot",
    )


@rule("D2.3", law="行政处罚法第七十一条")
def on_spot_handover_in_time(collected_on: date, handed_over_on: date, late_reason: str):
    """执法人员当场收缴的罚款，应当自收缴之日起二日内交至行政机关。"""
    if handed_over_on < collected_on:
        return refuse("交付日期不得早于收缴日期。", field="on")
    due = periods.handover_due(collected_on)
    if handed_over_on <= due or late_reason.strip():
        return None
    return refuse(
        f"当场收缴的罚款应当在{_d(due)}前交至行政机关（二个工作日内），逾期的须写明原因并接受核查。",
        field="late_reason",
    )


# --- D3.10a: the legal basis and limitation ---------------------------------------------


@rule("D3.10a", law="行政处罚法第五十九条")
def basis_cited(outcome: str, articles):
    """行政处罚决定书应当载明行政处罚的依据：至少一条法律、法规或者规章的条文。"""
    if outcome in ("no_penalty_unfounded", "transfer_judiciary") or articles:
        return None
    return refuse("请选择作出决定所依据的法律、法规或者规章的条文。", field="basis_articles")


@rule("D3.10a", law="行政处罚法第三十七条")
def lenient_new_law_reasoned(lenient: bool, reason: str):
    """适用违法行为发生时的规定；作出决定时规定已修改或废止且新规定处罚较轻的，适用新规定，并说明理由。"""
    if not lenient or reason.strip():
        return None
    return refuse("适用作出决定时处罚较轻的新规定的，请说明新旧规定的比较。", field="lenient_reason")


@rule("D3.10a", law="行政处罚法第三十六条")
def within_limitation(start: date | None, discovered_on: date, extended: bool):
    """违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，期限延长至五年。"""
    if start is None:
        return refuse("请填写违法行为发生（或连续、继续状态终了）的日期，以确定追责期限。", field="act_date")
    key = "limitation_period_extended" if extended else "limitation_period"
    end = params.period_end(key, start=start, on=discovered_on)
    if discovered_on <= end:
        return None
    years = params.value(key, on=discovered_on)
    return refuse(
        f"违法行为自{_d(start)}起{years}年内未被发现（{_d(discovered_on)}才发现），已超过追责期限，不再给予行政处罚。",
        field="act_date",
    )


# --- PL Art. 51: the simple procedure ----------------------------------------------------


@rule("D3.8", law="行政处罚法第五十二条")
def certificates_shown_on_the_spot(certificates_shown: bool):
    """执法人员当场作出行政处罚决定的，应当向当事人出示执法证件，填写预定格式、编有号码的行政处罚决定书，并当场交付当事人。"""
    if certificates_shown:
        return None
    return refuse("当场作出行政处罚决定，应当向当事人出示执法证件。", field="certificates_shown")


@rule("D1.4", law="行政处罚法第五十一条")
def simple_procedure_within_cap(terms, party_is_person: bool, on: date):
    """违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出决定。"""
    key = "simple_procedure_fine_cap_citizen" if party_is_person else "simple_procedure_fine_cap_organisation"
    cap = params.value(key, on=on)
    other = [f for f in terms.TERM_FIELDS if f not in ("warning", "fine") and getattr(terms, f)]
    if other:
        return refuse("当场处罚只能是警告或者罚款，其他处罚应当适用普通程序。", field="fine")
    if not terms.warning and not terms.fine:
        return refuse("请写明当场作出的处罚：警告或者罚款。", field="fine")
    if terms.fine and terms.fine > cap:
        who = "公民" if party_is_person else "法人或者其他组织"
        return refuse(f"对{who}当场罚款不得超过{cap}元（罚款{terms.fine:,.2f}元应当适用普通程序）。", field="fine")
    return None


# --- D5.6: relatives --------------------------------------------------------------------


@rule("D5.6")
def relative_apart_from_party(name: str, party):
    """将违法当事人与其亲属区别对待：亲属单独记录，不得作为当事人。"""
    if party is not None and name.strip() == party.name:
        return refuse(f"{name}是本案当事人，不能登记为当事人的亲属。", field="name")
    return None


@rule("D5.6", law="行政处罚法第五十条")
def publication_excludes_relatives(text: str, relatives, person_ids):
    """依法公开的内容不得出现当事人亲属的信息，也不得出现自然人的身份证号码。"""
    leaked = [r.name for r in relatives if r.name and r.name in text]
    if leaked:
        return refuse(
            f"公开摘要中出现了当事人亲属（{'、'.join(leaked)}）的信息，亲属信息一律不公开。", field="public_summary"
        )
    if any(pid and pid in text for pid in person_ids):
        return refuse("公开摘要中不得出现自然人的身份证号码。", field="public_summary")
    return None


# --- D5.4: follow-up visits -------------------------------------------------------------


@rule("D5.4")
def followup_answers_problems(problems: str, response: str):
    """认真对待当事人反映的问题和困难，能解决的帮助解决，暂时不能解决或无法解决的做好解释工作。"""
    if not problems.strip() or response.strip():
        return None
    return refuse("当事人反映了问题或困难的，请写明解决或解释的情况。", field="response")


# --- D6.2a: the file -------------------------------------------------------------------


@rule("D6.2a", law="行政处罚法第四十七条")
def file_checklist_complete(missing: list[str]):
    """执法检查记录、证据材料、执法文书等材料应当立卷归档：卷内材料齐全方可结案。"""
    if not missing:
        return None
    return refuse(f"案卷材料不齐全，不能结案：缺少{'、'.join(missing)}。", field="checklist")


# --- D3.6, D3.10c: discretion and reasoned documents ------------------------------------

#: The shortest written reason for leaving the benchmark's tier that is accepted. The law
#: asks for written reasons (行政处罚法第三十四条) and sets no length: this floor is the
#: platform's own choice, to refuse a placeholder ("无"、"同意"); the discretion app's
#: ``departure_reasoned`` applies the same floor at the decision.
DEPARTURE_REASONS_MIN_CHARS = 10


@rule("D3.6", "D3.10c", law="行政处罚法第三十四条")
def departure_explained(departs: bool, proposal_text: str, reasons: str):
    """按照基本标准行使自由裁量权；处理意见偏离裁量基准建议的档次的，应当书面说明理由（并经法制审核）。"""
    if not departs or len((reasons or "").strip()) >= DEPARTURE_REASONS_MIN_CHARS:
        return None
    return refuse(
        f"处理意见偏离裁量基准的建议（{proposal_text}），请在“偏离裁量基准的理由”中书面说明理由"
        f"（不少于{DEPARTURE_REASONS_MIN_CHARS}个字），该案将送法制审核。",
        field="departure_reasons",
    )


@rule("D3.10c", law="行政处罚法第五十九条")
def terms_match_outcome(outcome: str, terms: dict):
    """行政处罚决定书应当载明行政处罚的种类和依据：给予行政处罚的，写明处罚的种类和数额；不予行政处罚的，不写处罚。"""
    has = any(bool(v) for v in terms.values())
    if outcome == "penalty" and not has:
        return refuse("给予行政处罚的，请写明处罚的种类和数额。", field="fine")
    if outcome != "penalty" and has:
        return refuse("不予行政处罚或移送司法机关的，不能同时写明处罚。", field="outcome")
    return None
