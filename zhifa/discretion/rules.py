"""Rules of discretion: pure predicates citing the Decision and the law.

The engine (:mod:`zhifa.discretion.engine`) applies them when it proposes an outcome
(it never proposes what a rule forbids); :func:`zhifa.discretion.services.decision_check`
applies them to the outcome an officer chooses, and the departure service applies
:func:`departure_reasoned`. Each returns ``refuse(...)`` or ``None``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zhifa.core.rules import refuse, rule

# What an officer may record about a party and the act: only what the law or the
# benchmark lists as a factor of discretion (D1.2). Anything else is refused, and
# these names, which people reach for, are refused with a pointed message.
FORBIDDEN_ATTRIBUTES = {
    "region": "地区",
    "district": "地区",
    "area_code": "地区",
    "hukou": "户籍",
    "residence": "户籍",
    "ethnicity": "民族",
    "nationality": "国籍",
    "occupation": "职业",
    "profession": "职业",
    "ownership": "所有制",
    "enterprise_type": "所有制",
    "state_owned": "所有制",
    "private": "所有制",
    "foreign_invested": "所有制",
    "office": "职务",
    "position": "职务",
    "rank": "职务",
    "title": "职务",
    "connections": "关系",
    "relationship": "关系",
    "relatives": "关系",
    "guanxi": "关系",
    "attitude": "态度",
    "party_name": "当事人名称",
    "name": "当事人名称",
    "wealth": "财产状况",
    "income_level": "财产状况",
    "gender": "性别",
    "sex": "性别",
    "religion": "宗教信仰",
}


@rule("D1.2", law="行政处罚法第五条")
def only_listed_factors(keys, allowed) -> None:
    """对不同区域、不同职业、不同所有制的当事人，应当平等对待，不得歧视；行使自由裁量权……不受当事人职务、关系、态度的干扰。

    The engine takes only the facts the law and the benchmark list; a region,
    occupation, ownership, office, connection or attitude is refused, not ignored.
    """
    extra = [k for k in keys if k not in allowed]
    if not extra:
        return None
    named = sorted({FORBIDDEN_ATTRIBUTES[k] for k in extra if k in FORBIDDEN_ATTRIBUTES})
    if named:
        return refuse(
            f"裁量不得考虑当事人的{'、'.join(named)}（{'、'.join(sorted(extra))}）；"
            "只能记录法律和裁量基准列明的情节，请删除这些内容。",
            field=sorted(extra)[0],
        )
    return refuse(
        f"裁量基准不认识这些情节：{'、'.join(sorted(extra))}；只能记录法律和裁量基准列明的情节。",
        field=sorted(extra)[0],
    )


@rule("D3.6")
def standard_in_force(item_code: str, act_date: date, decision_date: date, versions_found: int) -> None:
    """按照基本标准行使自由裁量权：违法行为发生时施行的裁量基准（或其后至决定时施行的版本）须收录该事项。"""
    if decision_date < act_date:
        return refuse("作出处罚决定的日期不能早于违法行为发生的日期。", field="decision_date")
    if versions_found == 0:
        return refuse(
            f"违法行为发生时（{act_date:%Y-%m-%d}）至作出决定时（{decision_date:%Y-%m-%d}）没有施行中的裁量基准收录事项"
            f"“{item_code}”，请核对违法行为事项或先导入相应的裁量基准。",
            field="item_code",
        )
    return None


@rule("D3.6", law="行政处罚法第三十七条")
def most_lenient_version(chosen_key, candidate_keys) -> None:
    """实施行政处罚，适用违法行为发生时的规定；作出决定时新的规定处罚较轻的，适用新的规定。

    Every version of the benchmark in force from the act to the decision is computed;
    the outcome most favourable to the party is applied.
    """
    if candidate_keys and chosen_key > min(candidate_keys):
        return refuse("违法行为发生后裁量基准已修订，新的版本处罚较轻的，应当适用处罚较轻的版本。", field="version")
    return None


@rule("D5.1a", law=("行政处罚法第三十三条", "行政处罚法第三十条", "行政处罚法第三十一条"))
def no_penalty_when_the_law_excuses(excuse: str | None, outcome: str) -> None:
    """违法程度显著轻微并及时纠正，没有造成危害后果的，应当以教育为主，不予行政处罚；
    不满十四周岁的未成年人、不能辨认或者控制自己行为的精神病人、智力残疾人，以及有证据足以证明没有主观过错的，不予行政处罚。"""
    if excuse and outcome != "no_penalty":
        return refuse(f"{excuse}，依法不予行政处罚，应当对当事人进行教育。", field="outcome")
    return None


@rule("D5.1b")
def warning_for_vulnerable_first_minor(
    vulnerable: bool, outcome: str, fine: Decimal | None, confiscation: bool
) -> None:
    """对残疾人、下岗职工和进城务工农民等当事人初次违法且违法程度与危害后果显著轻微并能及时纠正的，
    应当依法给予警告处罚，原则上不予罚款或没收财物。"""
    if not vulnerable:
        return None
    if (fine or Decimal(0)) > 0 or confiscation:
        return refuse(
            "当事人为残疾人、下岗职工或进城务工农民，初次违法且情节与后果显著轻微并及时纠正，"
            "应当给予警告，原则上不予罚款或没收财物。",
            field="amount",
        )
    if outcome not in ("warning", "no_penalty"):
        return refuse("此情形应当依法给予警告处罚。", field="outcome")
    return None


@rule("D5.1c", law="行政处罚法第五条")
def no_aggravation_without_listed_factor(aggravated: bool, factors) -> None:
    """确需给予罚款以上行政处罚的，应当体现过罚相当，不得以任何不正当理由加重处罚。

    Heavier than the ordinary tier only with a factor the law or the benchmark lists.
    """
    if aggravated and not factors:
        return refuse("没有法律或裁量基准列明的从重情节，不得从重处罚；请选择一般或较轻的档次。", field="tier")
    return None


@rule("D5.1c", law="行政处罚法第四条")
def within_statutory_maximum(amount: Decimal | None, maximum: Decimal | None) -> None:
    """罚款不得超过法律、法规、规章规定的最高限额。"""
    if amount is not None and maximum is not None and amount > maximum:
        return refuse(f"罚款 {amount} 元超过了法定最高限额 {maximum} 元。", field="amount")
    return None


@rule("D5.1c", law="行政处罚法第三十二条")
def below_minimum_only_when_reduced(amount: Decimal | None, minimum: Decimal | None, reduction_basis) -> None:
    """低于法定最低限额处罚（减轻处罚）须有法定的减轻情节（行政处罚法第三十条、第三十二条）。"""
    if amount is not None and minimum is not None and 0 < amount < minimum and not reduction_basis:
        return refuse(f"罚款 {amount} 元低于法定最低限额 {minimum} 元，没有法定减轻情节不得减轻处罚。", field="amount")
    return None


@rule("D5.1c", law=("行政处罚法第三十二条", "行政处罚法第三十条"))
def mandatory_mitigation_applied(mandatory, tier_rank: int, ordinary_rank: int) -> None:
    """当事人有法定应当从轻或者减轻情节的（主动消除或减轻危害后果、受胁迫或诱骗、主动供述、立功、已满十四周岁不满十八周岁），应当从轻或者减轻处罚。"""
    if mandatory and tier_rank >= ordinary_rank:
        return refuse(
            f"当事人有{'、'.join(mandatory)}的情节，应当从轻或者减轻处罚，不能适用一般或从重档次。", field="tier"
        )
    return None


@rule("D5.9")
def aggravate_intentional_serious(reasons, aggravated: bool) -> None:
    """对有主观故意且违法程度与危害后果严重的，或者违法情节恶劣的，要从重处罚。"""
    if reasons and not aggravated:
        return refuse(f"当事人{'、'.join(reasons)}，应当从重处罚。", field="tier")
    return None


@rule("D5.1c", law="行政处罚法第二十九条")
def one_fine_per_act(fines: int) -> None:
    """对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚；违反多个法律规范的，按照罚款数额高的规定处罚。"""
    if fines > 1:
        return refuse("同一个违法行为只能给予一次罚款，应按罚款数额高的规定处罚。", field="item_codes")
    return None


#: The shortest written reasons for a departure that the platform accepts: the Decision asks
#: for reasons, not a length; ten characters is the platform's own floor against "同意" or "见卷".
MIN_DEPARTURE_REASONS = 10


@rule("D3.6", "D3.10c")
def departure_reasoned(departs: bool, reasons: str, reviewer, officer_user) -> None:
    """按照基本标准行使自由裁量权；文书应当对自由裁量权的行使作出说明。

    An amount or outcome outside the proposed tier needs written reasons and a legal
    reviewer (法制审核人员) other than the officer.
    """
    if not departs:
        return None
    if len((reasons or "").strip()) < MIN_DEPARTURE_REASONS:
        return refuse(
            f"偏离裁量基准建议的档次，必须书面说明理由（不少于{MIN_DEPARTURE_REASONS}个字）。", field="reasons"
        )
    if reviewer is None:
        return refuse("偏离裁量基准建议的档次，须经法制审核人员审核。", field="reviewer")
    if getattr(reviewer, "role", None) not in ("reviewer", "admin"):
        return refuse("审核人必须是法制审核人员。", field="reviewer")
    if officer_user is not None and reviewer.pk == getattr(officer_user, "pk", None):
        return refuse("执法人员不能审核自己的偏离裁量。", field="reviewer")
    return None


@rule("D3.6")
def departure_leaves_the_proposal(departs: bool):
    """按照基本标准行使自由裁量权：只有离开建议档次的决定才作为偏离登记（在档次之内的无需登记）。"""
    if departs:
        return None
    return refuse("所选结果在建议档次之内，不属于偏离，无需登记。", field="chosen_amount")


@rule("D3.6", "D3.10c")
def departure_reviewed_in_the_agency(reviewer, agency):
    """偏离裁量基准建议的档次须经法制审核：审核人须为作出决定的机关的法制审核人员（系统管理员除外）。"""
    if reviewer is None or getattr(reviewer, "role", None) == "admin" or reviewer.agency_id == agency.pk:
        return None
    return refuse("审核人须为本机关的法制审核人员。", field="reviewer")
