"""Rules on officers: qualification and certificate (D3.1b), two certified officers
(D3.8), conflicts of interest (D3.7)."""

from __future__ import annotations

from zhifa.core.rules import refuse, rule
from zhifa.people.models import EnforcementField


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


# --- The lifecycle of qualifications and certificates (D3.1b, D3.1c, D6.3a) -------------


@rule("D3.1b")
def training_grounds_the_qualification(officer, field: str, training):
    """执法资格经该领域的资格培训并考试合格取得：所依据的培训须是本人在该领域考试合格的培训。"""
    if training is None or (training.officer_id == officer.pk and training.field == field and training.passed):
        return None
    return refuse("依据的培训须是本人在该领域考试合格的培训。", field="training")


@rule("D3.1b")
def qualification_not_yet_held(officer, field: str, held: bool):
    """对行政执法人员实行资格管理：同一领域的执法资格只有一项有效记录，撤销后方可重新取得。"""
    if not held:
        return None
    label = dict(EnforcementField.choices)[field]
    return refuse(f"{officer.name}已取得{label}执法资格。", field="field")


@rule("D3.1b")
def qualification_revocation_lawful(qualification, reason: str, on):
    """撤销执法资格须写明理由，撤销之日起该领域不得从事执法活动：已撤销的不再撤销，撤销不早于取得。"""
    if qualification.revoked_on:
        return refuse(f"该执法资格已于{qualification.revoked_on}撤销。")
    if not (reason or "").strip():
        return refuse("请写明撤销的理由。", field="reason")
    if on < qualification.obtained_on:
        return refuse("撤销日期不得早于取得日期。", field="on")
    return None


@rule("D3.1c")
def certificate_issued_by_an_office(issuer):
    """政府法制机构审验、发放执法证件：发证须以该机关所属政府或其上级政府的法制机构的名义。"""
    if issuer is not None:
        return None
    return refuse("该机关所属政府及其上级政府都没有登记政府法制机构，无法发证。")


@rule("D3.1c")
def verification_lawful(certificate, year: int, verified_on, result: str, note: str, this_year: int):
    """定期审验执法证件：按年度审验，年度不早于发证、不晚于本年，在该年度或次年办理；不合格须写明原因；已吊销的不再审验。"""
    if certificate.revoked_on:
        return refuse("已吊销的证件不再审验。")
    if year < certificate.issued_on.year:
        return refuse(f"证件于{certificate.issued_on.year}年发放，不能审验此前年度。", field="year")
    if year > this_year:
        return refuse("不能审验尚未开始的年度。", field="year")
    if verified_on.year not in (year, year + 1) or verified_on < certificate.issued_on:
        return refuse(f"{year}年度的审验应在{year}年内或次年办理。", field="verified_on")
    if result == "failed" and not (note or "").strip():
        return refuse("审验不合格须写明原因。", field="note")
    return None


@rule("D3.1c")
def suspension_lawful(certificate, reason: str, on):
    """暂扣执法证件须写明理由，暂扣期间不得从事执法活动：已吊销或已暂扣的不再暂扣，暂扣不早于发证。"""
    if certificate.revoked_on:
        return refuse("证件已吊销。")
    if certificate.is_suspended(on):
        return refuse(f"证件已于{certificate.suspended_on}暂扣。")
    if not (reason or "").strip():
        return refuse("请写明暂扣的理由。", field="reason")
    if on < certificate.issued_on:
        return refuse("暂扣日期不得早于发证日期。", field="on")
    return None


@rule("D3.1c")
def suspension_liftable(certificate, on):
    """解除暂扣，恢复使用执法证件：只对暂扣中、未吊销的证件，恢复不早于暂扣。"""
    if certificate.revoked_on:
        return refuse("证件已吊销，不能恢复。")
    if not certificate.suspended_on or certificate.suspension_lifted_on:
        return refuse("证件未被暂扣。")
    if on < certificate.suspended_on:
        return refuse("恢复日期不得早于暂扣日期。", field="on")
    return None


@rule("D6.3a", "D3.1c")
def certificate_revocation_lawful(certificate, reason: str, on):
    """对不适合继续从事执法工作的人员，由政府法制机构吊销行政执法证件：须写明理由，不早于发证，已吊销的不再吊销。"""
    if certificate.revoked_on:
        return refuse(f"证件已于{certificate.revoked_on}吊销。")
    if not (reason or "").strip():
        return refuse("请写明吊销的理由。", field="reason")
    if on < certificate.issued_on:
        return refuse("吊销日期不得早于发证日期。", field="on")
    return None


@rule("D6.3a", "D3.1b")
def leaving_post_lawful(officer, reason: str):
    """不适合继续从事执法工作的人员由所在机关调离执法岗位：须写明理由，已调离的不再调离。"""
    if not officer.active:
        return refuse(f"{officer.name}已于{officer.left_post_on}调离执法岗位。")
    if not (reason or "").strip():
        return refuse("请写明调离的理由。", field="reason")
    return None


@rule("D3.7", law="行政处罚法第四十三条")
def conflict_end_lawful(conflict, on):
    """申报的利害关系终止之日起不再据此回避：已终止的不再终止，终止不早于申报。"""
    if conflict.ended_on:
        return refuse(f"该利害关系已于{conflict.ended_on}终止。")
    if on < conflict.declared_on:
        return refuse("终止日期不得早于申报日期。", field="on")
    return None
