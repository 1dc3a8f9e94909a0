"""Rules on enforcement bodies (D3.1a)."""

from __future__ import annotations

from zhifa.core.rules import refuse, rule


@rule("D3.1a", law=("行政处罚法第十七条", "行政处罚法第十九条", "行政处罚法第二十条"))
def agency_has_power(agency, grants, item, proposed=()):
    """行政执法由行政执法机关在其法定职权范围内实施；未经授权或者委托的组织不得行使行政执法权。

    ``grants`` are the agency's grants for ``item`` on the act's date
    (:func:`zhifa.org.competence.grants_for`); ``proposed`` the competent agencies.
    """
    if grants:
        return None
    hint = (
        f"有管辖权的机关：{'、'.join(a.name for a in proposed)}，请依法移送。"
        if proposed
        else "未找到有管辖权的机关，请报政府法制机构协调。"
    )
    return refuse(
        f"{agency}对“{item.name}”没有法定职权，也没有在期限和范围内的授权或委托。{hint}", field="violation_item"
    )


@rule("D3.1a", law="行政处罚法第三十八条")
def agency_has_standing(agency):
    """实施主体不具有行政主体资格的，行政处罚无效。"""
    if agency.standing == agency.Standing.CONFIRMED:
        return None
    return refuse(f"{agency}的执法主体资格为“{agency.get_standing_display()}”，不得实施行政执法。", field="agency")


@rule("D3.1a", law="行政处罚法第二十二条")
def place_within_jurisdiction(agency, place, area_ids):
    """行政处罚由违法行为发生地的行政机关管辖。``area_ids``: the agency's government and those under it."""
    if place is None or place.pk in area_ids:
        return None
    return refuse(f"违法行为发生地{place}不在{agency}的管辖区域内。", field="place")


# --- The catalogue of powers (D2.2, D3.1a) ---------------------------------------------


@rule("D3.1a", "D2.2", law=("行政处罚法第十六条", "行政处罚法第十七条"))
def power_has_legal_basis(basis_articles):
    """法定职权须有法律、法规、规章的依据；其他规范性文件不得设定行政处罚。

    ``basis_articles``: the articles the power rests on (with ``basis`` loaded).
    """
    if not basis_articles:
        return refuse("执法事项必须写明设定依据（法律、法规或者规章的条文）。", field="basis_articles")
    weak = [a for a in basis_articles if not a.basis.may_ground]
    if weak:
        names = "、".join(str(a) for a in weak)
        return refuse(
            f"{names}属于其他规范性文件，不得设定执法职权；请引用法律、法规或者规章的条文。", field="basis_articles"
        )
    return None


@rule("D3.1a", "D2.2", law="行政处罚法第十七条")
def power_basis_covers_items(category, basis_articles, items):
    """行政处罚由具有行政处罚权的行政机关在法定职权范围内实施：处罚事项须以设定该处罚的条文为依据。

    For a penalty power, each covered violation item's penalty articles must be among
    the power's basis articles, so the catalogue shows where the power comes from.
    """
    if category != "penalty":
        return None
    basis_ids = {a.pk for a in basis_articles}
    missing = []
    for item in items:
        penalty = list(item.penalty_articles.all())
        if penalty and not basis_ids & {a.pk for a in penalty}:
            missing.append(f"“{item.name}”（{'、'.join(str(a) for a in penalty)}）")
    if missing:
        return refuse(
            f"处罚事项的设定依据未包含以下违法行为的处罚条文：{'；'.join(missing)}。请补充依据条文或调整覆盖的违法行为。",
            field="basis_articles",
        )
    return None


# --- Authorisation and entrustment (D2.4, D3.1a) ---------------------------------------

AUTHORISING_LEVELS = ("law", "administrative_regulation", "local_regulation")


@rule("D3.1a", "D2.4", law="行政处罚法第十九条")
def authorisation_by_law_or_regulation(kind, basis_article):
    """法律、法规授权的具有管理公共事务职能的组织可以在法定授权范围内实施行政处罚：授权须有法律、法规的条文。"""
    if kind != "authorisation":
        return None
    if basis_article is None:
        return refuse("法律法规授权必须写明授权的法律或者法规条文。", field="basis_article")
    if basis_article.basis.level not in AUTHORISING_LEVELS:
        return refuse(
            f"{basis_article}属于“{basis_article.basis.get_level_display()}”，只有法律、法规可以授权组织实施行政执法；"
            "规章和行政机关的决定只能委托。",
            field="basis_article",
        )
    return None


@rule("D3.1a", "D2.4", law="行政处罚法第二十条")
def delegation_written_with_scope(kind, document_number, powers):
    """委托须书面作出，委托书载明委托的具体事项、权限、期限；授权或委托都须有明确的事项范围。"""
    if not powers:
        return refuse("请写明授权或委托的具体执法事项（范围）。", field="powers")
    if kind == "entrustment" and not (document_number or "").strip():
        return refuse("行政机关委托必须书面作出，请填写委托书文号。", field="document_number")
    return None


@rule("D3.1a", "D2.4", law="行政处罚法第二十条")
def entrusts_own_powers(kind, delegator, powers):
    """行政机关在其法定权限内委托；受委托组织不得再委托。委托的事项须是委托机关本机关的法定职权。"""
    if kind != "entrustment":
        return None
    foreign = [p for p in powers if p.agency_id != delegator.pk]
    if foreign:
        names = "、".join(f"{p.name}（{p.agency}）" for p in foreign)
        return refuse(
            f"{delegator}只能委托本机关的法定职权，以下事项不属于本机关（受委托取得的职权也不得再委托）：{names}。",
            field="powers",
        )
    return None


@rule("D3.1a", "D3.1b", law="行政处罚法第二十一条")
def entrusted_org_has_qualified_staff(kind, recipient, qualified_officers: int):
    """受委托组织必须有熟悉有关法律、法规、规章和业务并取得行政执法资格的工作人员。

    ``qualified_officers``: the recipient's serving officers holding a qualification.
    """
    if kind != "entrustment" or qualified_officers > 0:
        return None
    return refuse(
        f"{recipient}没有取得行政执法资格的工作人员，不符合受委托组织的条件；请先为其执法人员办理资格。",
        field="recipient",
    )


# --- Posts (D2.5) -----------------------------------------------------------------------


@rule("D2.5", law="行政处罚法第十七条")
def post_powers_within_agency(agency, powers, held_power_ids):
    """各级行政执法机关确定本机关各类执法岗位的具体执法责任：岗位承担的事项须是本机关的职权（本机关的或者受托、被授权的）。"""
    foreign = [p for p in powers if p.pk not in held_power_ids]
    if foreign:
        names = "、".join(p.name for p in foreign)
        return refuse(f"以下事项不是{agency}的职权，不能列入本机关岗位的职责：{names}。", field="powers")
    return None


@rule("D2.4", "D3.1a", law=("行政处罚法第十九条", "行政处罚法第二十条"))
def delegator_fits_the_kind(kind, delegator):
    """法律、法规授权的组织在法定授权范围内实施（授权来自法律法规，不由行政机关作出）；
    行政机关依照法律、法规、规章的规定委托（委托须有委托机关）。"""
    if kind == "authorisation" and delegator is not None:
        return refuse("法律法规授权不由行政机关作出，委托机关应为空。", field="delegator")
    if kind == "entrustment" and delegator is None:
        return refuse("委托必须写明委托机关。", field="delegator")
    return None


@rule("D2.4", "D3.1a", law="行政处罚法第二十条")
def delegation_not_revoked(delegation):
    """委托机关撤回委托后，受委托组织不得再以此实施行政处罚：已撤回的授权或委托不再修改或撤回。"""
    if delegation.revoked_on:
        return refuse(f"该{delegation.get_kind_display()}已撤回（{delegation.revoked_on}），不能修改或再次撤回。")
    return None


@rule("D2.4", "D3.1a", law="行政处罚法第二十条")
def delegation_revocation_reasoned(reason: str):
    """委托书载明委托的事项、权限、期限，并向社会公布：撤回同样须写明理由，以便公布。"""
    if not (reason or "").strip():
        return refuse("请写明撤回的理由。", field="reason")
    return None


# --- Standing and terms (D3.1c, D3.2c) ----------------------------------------------------

#: From which standing each decision may be taken. Confirming a confirmed agency is the
#: periodic re-confirmation (定期清理、确认); a revoked agency is re-registered, not revived.
STANDING_FROM = {
    "confirmed": {"pending", "confirmed", "suspended"},
    "suspended": {"confirmed"},
    "revoked": {"pending", "confirmed", "suspended"},
}


@rule("D3.1c")
def standing_decision_follows(agency, standing: str):
    """定期清理、确认并向社会公告各类行政执法机构主体资格：确认、暂停、撤销须从当前的主体资格出发
    （只有已确认的主体可以暂停；已撤销的主体不能再确认，应重新登记）。"""
    if agency.standing in STANDING_FROM.get(standing, ()):
        return None
    label = dict(agency.Standing.choices)[standing]
    return refuse(f"{agency}的主体资格为“{agency.get_standing_display()}”，不能{label}。", field="standing")


@rule("D3.1c")
def standing_decision_reasoned(reason: str):
    """主体资格的确认、暂停或者撤销向社会公告：须写明理由。"""
    if not (reason or "").strip():
        return refuse("请写明确认、暂停或者撤销的理由。", field="reason")
    return None


@rule("D3.2c")
def terms_do_not_overlap(term, overlapping):
    """政府每届任期内至少全面清理一次规章和规范性文件：一级政府的各届任期首尾相接、互不重叠，
    清理才能按届计算。``overlapping``: another term of the same government that overlaps, or None."""
    if overlapping is None:
        return None
    return refuse(f"与{overlapping}的任期重叠。", field="starts_on")
