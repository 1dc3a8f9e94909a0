"""Who may see and change a party's personal information (D5.6, 行政处罚法第五十条).

A party's identity number, address and telephone are known to the platform because an
agency enforces against them; they serve that case and nothing else. The Decision asks
that the party's own lawful rights be protected in enforcement (D5.6), and the
Administrative Penalty Law that what is learnt of personal privacy in enforcement be kept
confidential (第五十条).
"""

from __future__ import annotations

from zhifa.core.rules import refuse, rule


@rule("D5.6", law="行政处罚法第五十条")
def party_lookup_states_purpose(purpose: str):
    """行政机关及其工作人员对实施行政处罚过程中知悉的个人隐私，应当依法予以保密：
    在本人办理的案件之外查看当事人的身份证号码、住址和电话，须说明查询事由并留痕。"""
    if not (purpose or "").strip():
        return refuse(
            "该当事人不在您所在机关办理的案件中：查看其身份证号码、住址和电话须写明查询事由（将记入审计日志）。",
            field="purpose",
        )


@rule("D5.6", law="行政处罚法第五十条")
def party_corrected_by_its_holder(*, role: str, agency_id: int | None, holder_ids: set[int]):
    """维护当事人的合法权益：当事人的登记信息只由对其立案（或登记该当事人）的执法机关更正；
    没有机关持有时，由政府法制机构更正。其他机关发现错误，应告知持有的机关。"""
    agency_staff = role in ("officer", "reviewer", "head")
    if holder_ids:
        if agency_staff and agency_id in holder_ids:
            return None
        return refuse(
            "只有对该当事人立案或登记该当事人的执法机关可以更正其信息；如发现错误，请告知该机关。",
        )
    if role == "legal_office":
        return None
    return refuse("该当事人不在任何执法机关的案件中，其信息由政府法制机构更正。")
