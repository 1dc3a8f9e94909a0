"""Rules on officers: qualification and certificate (D3.1b), two certified officers
(D3.8), conflicts of interest (D3.7)."""

from __future__ import annotations

from zhifa.core.rules import refuse, rule


@rule("D3.1b", law="行政处罚法第四十二条")
def officer_certified(standing):
    """没有取得行政执法人员资格的，一律不得从事行政执法活动。

    ``standing``: :func:`zhifa.people.standing.standing_of` for the act's field and date.
    """
    if standing.ok:
        return None
    return refuse(
        f"执法人员{standing.officer.name}在{standing.on}不能从事该执法活动：{'；'.join(standing.problems)}。",
        field="officers",
    )


@rule("D3.8", law="行政处罚法第四十二条")
def two_certified_officers(standings, certificates_shown: bool):
    """在调查取证或执法检查中，行政执法人员不得少于两人，并向当事人或者有关人员出示行政执法证件。"""
    officers = {s.officer.pk for s in standings}
    if len(officers) < 2:
        return refuse("调查取证或执法检查的执法人员不得少于两人，请再添加一名持证执法人员。", field="officers")
    if not certificates_shown:
        return refuse(
            "执法人员应当向当事人或者有关人员出示行政执法证件，请确认已出示并记录。", field="certificates_shown"
        )
    return None


@rule("D3.7", law="行政处罚法第四十三条")
def no_declared_conflict(officer, party, conflicts):
    """行政执法人员与当事人存在直接利害关系的，应当回避。``conflicts``: live declarations with the party."""
    if not conflicts:
        return None
    relation = "、".join(c.get_relation_display() for c in conflicts)
    return refuse(
        f"执法人员{officer.name}已申报与当事人{party.name}存在利害关系（{relation}），应当回避，不得指派办理本案。",
        field="officers",
    )


@rule("D3.1b", law="行政处罚法第四十二条")
def qualification_after_training(field, trainings, obtained_on):
    """对从事行政许可、行政处罚、行政听证、行政复议的行政执法人员实行资格培训和管理：执法资格经该领域的资格培训并考试合格取得。

    ``trainings``: the officer's training records.
    """
    from zhifa.people.models import EnforcementField

    if any(t.field == field and t.passed and t.completed_on <= obtained_on for t in trainings):
        return None
    label = EnforcementField(field).label
    return refuse(
        f"取得{label}执法资格须先参加{label}资格培训并考试合格；没有{obtained_on}以前合格的{label}培训记录，请先登记培训。",
        field="field",
    )


@rule("D3.1b", "D3.1c", law="行政处罚法第四十二条")
def certificate_requires_qualification(officer, qualifications, on):
    """没有取得行政执法人员资格的，一律不得从事行政执法活动：执法证件只发给取得执法资格、在执法岗位的人员。

    ``qualifications``: the officer's qualification records; ``on``: the date of issue.
    """
    if not officer.active or (officer.left_post_on and officer.left_post_on <= on):
        return refuse(f"{officer.name}已调离执法岗位，不能发放行政执法证件。", field="officer")
    if any(q.held_on(on) for q in qualifications):
        return None
    return refuse(
        f"{officer.name}在{on}没有有效的执法资格，不能发放行政执法证件；请先办理执法资格。", field="issued_on"
    )
