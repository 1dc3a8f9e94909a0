"""What a document must hold before it is issued (D3.10a, D3.10c, D3.8, D2.3): pure
predicates over the composed content (zhifa.documents.compose.Composed.checks) and the
records it was composed from. The basis articles are checked by law's rules
(``basis_is_law_or_rule``, ``basis_in_force``), as every act citing them is."""

from __future__ import annotations

from decimal import Decimal

from zhifa.core.rules import refuse, rule


@rule("D3.10a", law="行政处罚法第五十九条")
def document_cites_basis(articles):
    """行政处罚决定书应当载明行政处罚的种类和依据；执法文书以法律、法规和规章作为执法依据。"""
    if articles:
        return None
    return refuse("文书未载明所依据的法律、法规或者规章条文，请在决定或告知中引用依据条文。", field="basis_articles")


@rule("D3.10c", law="行政处罚法第五十九条")
def party_identified(party: list):
    """行政处罚决定书应当载明当事人的姓名或者名称、地址：文书不留待手工填写的空白。"""
    if not party:
        return refuse("本案尚未确定当事人，不能制作文书。", field="party")
    blank = [label for label, value in party if not (value or "").strip()]
    if not blank:
        return None
    return refuse(f"当事人的{'、'.join(blank)}没有登记，文书不能留空：请先在当事人登记中补充。", field="party")


@rule("D3.10c", law="行政处罚法第四十五条")
def defence_points_answered(points):
    """应在文书中对当事人提出的主要申辩事由作出答复和说明。"""
    open_points = [p for p in points if not p.get("reviewed")]
    if not open_points:
        return None
    listed = "；".join(p["text"] for p in open_points)
    return refuse(f"当事人提出的以下陈述、申辩事由尚未复核答复，文书不能签发：{listed}。", field="defence")


@rule("D3.10c", "D3.6")
def discretion_explained(penalty: bool, trace: dict, explanation: str):
    """应在文书中对自由裁量权的行使作出说明：裁量基准的适用、情节和档次取自裁量引擎的过程。"""
    if not penalty or not trace or trace.get("unavailable"):
        return None
    if (explanation or "").strip():
        return None
    return refuse(
        "决定书缺少自由裁量的说明：请依据裁量基准的适用过程说明情节、档次和数额。", field="discretion_explanation"
    )


def _amount(value) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value)).quantize(Decimal("0.01"))


@rule("D3.10c", "D3.6")
def amounts_agree(fine, trace: dict, reasons_amounts: list, explanation_amounts: list):
    """决定的罚款数额、裁量过程的建议数额和文书说理中的数额应当一致（内容严谨）。"""
    decided = _amount(fine)
    departs = bool(trace.get("departs"))
    recommended = _amount(trace.get("recommended"))
    problems = []
    for a in reasons_amounts:
        if _amount(a) != decided:
            problems.append(f"理由中写明罚款{_amount(a)}元，而决定的罚款为{decided if decided is not None else '无'}")
    if not departs:
        if recommended is not None and decided is not None and recommended != decided:
            problems.append(f"裁量基准建议罚款{recommended}元，而决定的罚款为{decided}元且未说明偏离理由")
        for a in explanation_amounts:
            if _amount(a) != decided:
                problems.append(
                    f"裁量说明中写明罚款{_amount(a)}元，而决定的罚款为{decided if decided is not None else '无'}"
                )
    if not problems:
        return None
    return refuse("文书中的罚款数额不一致：" + "；".join(problems) + "。请更正后再签发。", field="fine")


@rule("D3.10c", law=("行政处罚法第五十九条", "行政复议法第二十条", "行政诉讼法第四十六条"))
def remedies_named(remedies: dict, reconsideration_days: int, litigation_months: int):
    """决定书应当载明申请行政复议、提起行政诉讼的途径和期限：复议机关和人民法院写明名称。"""
    problems = []
    if remedies.get("reconsideration_days") != reconsideration_days:
        problems.append(f"申请行政复议的期限应为{reconsideration_days}日")
    if remedies.get("litigation_months") != litigation_months:
        problems.append(f"提起行政诉讼的期限应为{litigation_months}个月")
    if not (remedies.get("body") or "").strip():
        problems.append("未写明行政复议机关的名称")
    if not (remedies.get("court") or "").strip():
        problems.append("未写明管辖的人民法院的名称")
    if not problems:
        return None
    return refuse(
        "决定书的救济途径不完整：" + "；".join(problems) + "。请在本机关的文书信息中登记复议机关和人民法院。",
        field="remedies",
    )


@rule("D2.3", law="行政处罚法第六十七条")
def payment_channel_named(payment_due: bool, profile_registered: bool):
    """罚缴分离：决定书写明当事人缴纳罚款的银行或者渠道、户名、账号和期限。"""
    if not payment_due or profile_registered:
        return None
    return refuse(
        "决定书须写明缴纳罚没款的银行或渠道、户名和账号：请先在本机关的文书信息中登记缴款渠道。", field="payment"
    )


@rule("D3.10c")
def amounts_in_figures_and_capitals(money: list, text: str):
    """文书格式规范：金额以阿拉伯数字和中文大写同时写明。"""
    from_text = text or ""
    missing = [
        f"{label}{figures}" for label, figures, caps in money if figures not in from_text or caps not in from_text
    ]
    if not missing:
        return None
    return refuse("以下金额未同时以数字和大写写明：" + "、".join(missing) + "。", field="money")


@rule("D3.8", law="行政处罚法第五十二条")
def officers_as_recorded(listed: list, recorded: list):
    """文书载明的执法人员姓名和执法证件编号，是该行为记录的执法人员及其当日有效的证件。"""
    listed_set = {tuple(x) for x in listed}
    recorded_set = {tuple(x) for x in recorded}
    problems = []
    if listed_set != recorded_set:
        problems.append("文书载明的执法人员与该行为记录的执法人员不一致")
    without = [name for name, number in recorded if not number]
    if without:
        problems.append(f"{'、'.join(without)}在该日没有有效的行政执法证件")
    if not problems:
        return None
    return refuse("；".join(problems) + "。", field="officers")


@rule("D3.10b")
def record_on_file(label: str, what: str, found: bool, missing: list):
    """制作式文书由本案自己的记录制作，不留待手工填写的空白：本案没有文书所依据的记录，
    或者记录缺少文书须载明的内容的，文书不能制作。"""
    if not found:
        return refuse(f"本案没有{what}的记录，不能制作{label}。", field="kind")
    if not missing:
        return None
    return refuse(
        f"本案的记录缺少{label}须载明的内容：{'、'.join(missing)}。文书不留空白，请先办理或登记后再制作。",
        field="kind",
    )


@rule("D3.9b", law="行政强制法第三十五条")
def reminder_states_what_the_law_lists(served_on, due, outstanding, money_stated: bool, defence_right: bool):
    """催告应当以书面形式作出，并载明：履行义务的期限；履行义务的方式；涉及金钱给付的，
    应当有明确的金额和给付方式；当事人依法享有的陈述权和申辩权。"""
    problems = []
    if due is None or (served_on is not None and due <= served_on):
        problems.append("晚于催告日期的履行期限")
    if outstanding and not money_stated:
        problems.append("明确的金额和给付方式（请在本机关的文书信息中登记缴款渠道）")
    if not defence_right:
        problems.append("当事人依法享有的陈述权和申辩权")
    if not problems:
        return None
    return refuse("催告书未载明：" + "；".join(problems) + "。", field="reminder")


@rule("D3.9b", law="行政强制法第五十五条")
def court_application_signed_by_head(issuer_is_head: bool):
    """强制执行申请书应当由行政机关负责人签名，加盖行政机关的印章，并注明日期。"""
    if issuer_is_head:
        return None
    return refuse("强制执行申请书应当由机关负责人签名：请由本机关负责人签发。", field="kind")


@rule("D3.10c", law="行政处罚法第五十九条")
def edited_text_keeps_what_the_law_requires(missing: list):
    """修改后的文书仍须载明本案记录中的当事人、文号、依据条文、金额（数字和大写）、
    救济途径和期限：编辑不得删去或改动法定内容。"""
    if not missing:
        return None
    return refuse(
        "修改后的文书缺少或改动了以下法定内容，不能签发：" + "、".join(missing) + "。请按本案记录恢复后再上传。",
        field="docx",
    )
