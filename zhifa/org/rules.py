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
    hint = f"有管辖权的机关：{'、'.join(a.name for a in proposed)}，请依法移送。" if proposed else "未找到有管辖权的机关，请报政府法制机构协调。"
    return refuse(f"{agency}对“{item.name}”没有法定职权，也没有在期限和范围内的授权或委托。{hint}", field="violation_item")


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
