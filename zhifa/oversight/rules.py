"""Rules of supervision, each citing its clause of the Decision. Pure: facts in, a
refusal or ``None`` out; :mod:`zhifa.oversight.services` gathers the facts."""

from __future__ import annotations

from datetime import date, timedelta

from zhifa.core import parameters as params
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


# --- case-file review (D6.2b–c) ----------------------------------------------------------


@rule("D6.2c")
def review_of_a_year_begun(year: int, today: date):
    """执法机关每年评查本机关案卷，政府法制机构每年抽查：评查的是已经开始的年度的案卷。"""
    if year > today.year:
        return refuse(f"{year}年度尚未开始，不能评查该年度的案卷。", field="year")
    return None


@rule("D6.2c")
def sample_not_empty(population: int, size: int):
    """抽查须从该年度的案卷中抽取至少一件。"""
    if population == 0:
        return refuse("该机关该年度没有已作出决定的案卷，无可评查。", field="year")
    if size < 1:
        return refuse("抽取件数至少为一件。", field="sample_size")
    return None


@rule("D6.2b")
def review_scored(scores: dict, maximum: int, confirmed: list[dict]):
    """案件应当做到主体合格、程序合法、事实清楚、证据确凿、适法得当：五项逐项评分；确认存在问题的一项不得给满分。"""
    labels = {
        "body": "主体合格",
        "procedure": "程序合法",
        "facts": "事实清楚",
        "evidence": "证据确凿",
        "law": "适法得当",
    }
    for dim, label in labels.items():
        score = scores.get(dim)
        if score is None or not 0 <= score <= maximum:
            return refuse(f"请为“{label}”评分（0至{maximum}分）。", field=dim)
    for f in confirmed:
        if scores.get(f["dimension"]) == maximum:
            return refuse(
                f"已确认“{f['label']}”的问题，“{labels[f['dimension']]}”一项不能给满分。", field=f["dimension"]
            )
    return None


# --- accountability (D6.3a–b) ------------------------------------------------------------


@rule("D6.3a", "D1.5")
def fault_and_officers_named(fault: str, officers):
    """对违法行政的执法人员进行过错追究：立项须写明过错事实和责任人员。"""
    if not (fault or "").strip():
        return refuse("请写明过错事实。", field="fault")
    if not officers:
        return refuse("请指明对过错负有责任的执法人员。", field="officers")
    return None


@rule("D6.3a")
def cause_and_responsibility_established(cause: str, sanction: str):
    """对行政违法案件必须查明原因、分清责任、严肃处理。"""
    if not (cause or "").strip():
        return refuse("请写明查明的过错原因。", field="cause")
    if not (sanction or "").strip():
        return refuse("请写明对责任人员的处理结果。", field="sanction")
    return None


@rule("D6.3a")
def head_accountable_for_serious_consequences(serious: bool, head_accountable: bool):
    """造成严重后果的，应当对行政首长实行问责。"""
    if serious and not head_accountable:
        return refuse("过错造成严重后果的，应当对行政首长实行问责。", field="head_accountable")
    return None


@rule("D6.3a", "D3.1c")
def revocation_by_the_office(revoke: bool, actor_is_office: bool):
    """对不适合继续从事执法工作的人员，由政府法制机构吊销行政执法证件。"""
    if revoke and not actor_is_office:
        return refuse("吊销行政执法证件由政府法制机构决定。", field="certificate_revoked")
    return None


@rule("D6.3b")
def published_after_decision(decided: bool, summary: str):
    """执法过错责任追究结果应当向社会公开：作出处理后公开，公开内容须写明。"""
    if not decided:
        return refuse("尚未作出处理，不能公开结果。", field="public_summary")
    if not (summary or "").strip():
        return refuse("请写明向社会公开的内容。", field="public_summary")
    return None


# --- reconsideration and litigation (D6.5a, D6.6) ----------------------------------------


@rule("D6.5a", law="行政复议法第二十条")
def application_within_period(known_on: date, applied_on: date, late_reason: str, accepted: bool):
    """自知道行政行为之日起六十日内申请；因不可抗力或者其他正当理由耽误的，申请期限自障碍消除之日起继续计算。"""
    due = params.period_end("reconsideration_application_period", start=known_on)
    if accepted and applied_on > due and not (late_reason or "").strip():
        return refuse(
            f"申请期限已于{_d(due)}届满（{params.describe('reconsideration_application_period', on=known_on)}），"
            "受理须写明耽误期限的正当理由。",
            field="late_reason",
        )
    return None


@rule("D6.5a", law="行政复议法第三十条")
def refusal_reasoned(accepted: bool, reason: str):
    """对符合规定的行政复议申请必须依法受理；不予受理的，须说明理由。"""
    if not accepted and not (reason or "").strip():
        return refuse("决定不予受理的，请写明理由。", field="refusal_reason")
    return None


@rule("D6.5a", "D1.4", law="行政复议法第六十二条")
def decided_within_period(accepted_on: date, decided_on: date, extended: bool, extension_reason: str):
    """自受理申请之日起六十日内作出行政复议决定；情况复杂的，经批准可以适当延长，延长期限最多不超过三十日。"""
    if decided_on < accepted_on:
        return refuse("复议决定日期不得早于受理日期。", field="decided_on")
    if extended and not (extension_reason or "").strip():
        return refuse("延长审理期限须写明理由。", field="extension_reason")
    due = accepted_on + timedelta(days=60 + (30 if extended else 0))
    if decided_on > due:
        return refuse(f"复议决定应当在{_d(due)}前作出（六十日，经批准延长不超过三十日）。", field="decided_on")
    return None


@rule("D6.5a")
def unlawful_act_corrected(outcome: str, correction: str):
    """坚决纠正违法、不当的行政执法行为：撤销、变更或确认违法的，机关须写明如何纠正。"""
    if outcome not in ("revoked", "altered", "unlawful"):
        return refuse("复议或裁判维持原行为的，无须纠正。", field="correction")
    if not (correction or "").strip():
        return refuse("请写明纠正违法行为的情况（撤销、重新作出或变更的决定）。", field="correction")
    return None


@rule("D6.6")
def appearance_by_the_head(role: str, agency_id: int | None, respondent_id: int):
    """行政执法机关负责人以当事人身份出庭应诉或参加行政复议公开审理。"""
    if role != "head" or agency_id != respondent_id:
        return refuse("出庭应诉的须是被诉或被申请机关的负责人。", field="head")
    return None


# --- evaluation (D6.4a–c, D2.3) ---------------------------------------------------------

#: Words that name fine or revenue figures; an indicator named with one is refused (D2.3).
REVENUE_WORDS = ("fine", "revenue", "罚款", "罚没", "收入", "创收", "amount")


@rule("D6.4b")
def party_opinions_heard(ratings_heard: int, opinions: str):
    """对行政执法机关或者行政执法人员进行评议，必须听取相关行政管理相对人的意见。"""
    if not (opinions or "").strip():
        hint = "该年度没有当事人评价，" if ratings_heard == 0 else f"除{ratings_heard}条当事人评价外，"
        return refuse(f"{hint}请写明听取行政管理相对人意见的情况（座谈、问卷、走访等）。", field="opinions")
    return None


@rule("D2.3", law="行政处罚法第七十四条")
def fine_revenue_not_a_measure(indicators: dict):
    """严禁通过罚款、收费创收：罚没款数额不得作为考核指标。"""
    bad = [k for k in indicators if any(w in str(k).lower() for w in REVENUE_WORDS)]
    if bad:
        return refuse(f"罚没款数额不得作为考核指标：{'、'.join(map(str, bad))}。", field="indicators")
    return None


@rule("D6.4a")
def evaluator_for_subject(actor_role: str, evaluates_officer: bool):
    """政府负责考核评议所属执法机关；执法机关负责考核评议所属执法人员。"""
    if evaluates_officer and actor_role not in ("head", "admin"):
        return refuse("执法人员由所在机关考核评议。", field="officer")
    if not evaluates_officer and actor_role not in ("legal_office", "admin"):
        return refuse("执法机关由本级人民政府（政府法制机构）考核评议。", field="agency")
    return None


# --- implementation of new law (D3.5), the five cleanups (D7), measures and the annual
# special inspection (D8) ----------------------------------------------------------------


@rule("D3.5")
def report_by_the_enforcing_agency(enforces: bool, grounding: bool):
    """行政执法机关必须在新法律、法规和规章实施一年后，向本级政府报告执行情况：报告的是本机关执行的法律、法规或规章。"""
    if not grounding:
        return refuse("实施情况报告针对法律、法规和规章；其他规范性文件不在此列。", field="basis")
    if not enforces:
        return refuse("本机关的执法职权没有以该依据为设定依据，不负有报告该依据执行情况的义务。", field="basis")
    return None


@rule("D3.5")
def report_after_the_first_year(effective_from: date, due_on: date, on: date):
    """新法律、法规和规章实施一年后报告执行情况：施行未满一年的，尚不能报告一年的执行情况。"""
    if on < due_on:
        return refuse(
            f"该依据{_d(effective_from)}施行，满一年（{_d(due_on)}）后才能报告执行情况。", field="reported_on"
        )
    return None


@rule("D3.5")
def report_states_implementation(content: str):
    """向本级政府报告执行情况：写明执行的情况（查处的案件、配套的制度、培训等）。"""
    if len((content or "").strip()) < 10:
        return refuse("请写明一年来执行该依据的情况（不少于10个字）。", field="content")
    return None


@rule("D7")
def cleanup_by_a_city_agency(government_level: str):
    """市级行政执法机关完成本行政执法系统的“五项清理”工作。"""
    if government_level != "city":
        return refuse(
            "“五项清理”由市级行政执法机关就本系统组织，区县机关的清理结果由市级机关汇总报送。", field="agency"
        )
    return None


@rule("D7", "D3.2b")
def cleanup_of_bases_recorded(subject: str, law_cleanup_agency_id: int | None, agency_id: int, completed: bool):
    """清理执法依据的，以依据库中本机关已完成的清理记录为准（确认、修改或废止的每一件文件）。"""
    if subject != "bases":
        return None
    if law_cleanup_agency_id is None:
        return refuse("清理执法依据的，请指明依据库中本机关的清理记录。", field="law_cleanup")
    if law_cleanup_agency_id != agency_id:
        return refuse("所指的清理记录不是本机关组织的。", field="law_cleanup")
    if not completed:
        return refuse("所指的清理记录尚未完成，完成后才能报送审核。", field="law_cleanup")
    return None


@rule("D7")
def cleanup_submitted_once(pending_or_done: bool):
    """同一年度同一事项的清理结果报送一次；退回补正的，重新报送。"""
    if pending_or_done:
        return refuse("本年度该事项的清理结果已经报送（待审核、已通过或已公示），不能重复报送。", field="subject")
    return None


@rule("D7")
def cleanup_reviewed_by_the_office(state: str, approve: bool, opinion: str):
    """报本级政府法制机构审核：审核一次，退回的须说明理由。"""
    if state != "submitted":
        return refuse("该清理结果不在待审核状态。", field="approve")
    if not approve and not (opinion or "").strip():
        return refuse("退回补正的，请写明审核意见：哪些内容需要补正。", field="review_opinion")
    return None


@rule("D7")
def cleanup_published_after_review(state: str, summary: str):
    """经法制机构审核后向社会公示：未审核通过的不公示；公示须写明清理结果。"""
    if state != "approved":
        return refuse("清理结果经政府法制机构审核通过后才能向社会公示。", field="public_summary")
    if not (summary or "").strip():
        return refuse("请写明向社会公示的清理结果。", field="public_summary")
    return None


@rule("D8")
def measure_by_a_district_or_city_department(maker: str, level: str):
    """各区县（自治县、市）人民政府、市人民政府各部门制定贯彻本决定的实施办法，报市人民政府备案：
    ``maker`` is "agency" (a department, at the government ``level`` it belongs to) or
    "government" (a government of ``level``)."""
    if maker == "agency" and level != "city":
        return refuse(
            "区县政府部门不单独向市人民政府备案实施办法：由所在区县人民政府制定，经区县司法局报送备案。",
            field="agency",
        )
    if maker == "government" and level == "city":
        return refuse("实施办法报市人民政府备案；报送的应是区县人民政府。", field="government")
    return None


@rule("D8")
def measure_filed_with_the_city(reviewer_level: str | None):
    """报市人民政府备案：备案审查由市人民政府的法制机构办理，区县法制机构不审查。"""
    if reviewer_level != "city":
        return refuse("实施办法报市人民政府备案，由市人民政府法制机构审查。", field="accept")
    return None


@rule("D8")
def measure_filed_after_adoption(adopted_on: date, filed_on: date, today: date):
    """制定贯彻本决定的实施办法，报市人民政府备案：先印发，后备案。"""
    if adopted_on > today:
        return refuse("印发日期不得晚于今天。", field="adopted_on")
    if filed_on < adopted_on:
        return refuse(f"报送备案日期不得早于印发日期{_d(adopted_on)}。", field="filed_on")
    return None


@rule("D8")
def measure_review_reasoned(state: str, accept: bool, opinion: str):
    """备案审查：审查一次；退回修改的须说明理由。"""
    if state != "filed":
        return refuse("该实施办法不在待审查状态。", field="accept")
    if not accept and not (opinion or "").strip():
        return refuse("退回修改的，请写明审查意见。", field="review_opinion")
    return None


@rule("D8")
def special_inspection_once_a_year(year: int, today: date, exists: bool):
    """市人民政府按年度对贯彻本决定的情况进行专项执法检查：每年一次，检查已经开始的年度。"""
    if year > today.year:
        return refuse(f"{year}年度尚未开始。", field="year")
    if exists:
        return refuse(f"本级政府{year}年度的专项执法检查已经开展，请在该次检查中登记发现。", field="year")
    return None


@rule("D8", "D6.3a")
def finding_referred_with_case(fault: bool, case_id: int | None, referred: bool):
    """检查结果纳入年终目标考核；发现执法过错的，移送责任追究（须指明涉及的案件）。"""
    if referred:
        return refuse("该发现已经移送责任追究。", field="finding")
    if not fault:
        return refuse("该发现未认定执法过错，不移送责任追究。", field="fault")
    if case_id is None:
        return refuse("移送责任追究须指明涉及的案件。", field="case_id")
    return None
