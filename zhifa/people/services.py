"""Acts on officers: registration and leaving the post, training, qualifications by
field (D3.1b), certificates issued, verified, suspended and revoked by the legal affairs
office (D3.1c, D6.3a), and declared conflicts of interest (D3.7). Each act checks who
may do it and its rules, writes, and appends to the audit log in one transaction.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from zhifa.accounts.access import require_agency, require_login, require_manage_agency, require_role
from zhifa.accounts.models import AGENCY_ROLES, Actor, Role, User
from zhifa.core import clock
from zhifa.core.errors import forbidden, invalid
from zhifa.core.identifiers import normalise_ric
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.org.authority import acting_office
from zhifa.org.models import Agency, Post
from zhifa.parties.models import Party
from zhifa.people import rules
from zhifa.people.models import (
    Certificate,
    CertificateVerification,
    ConflictOfInterest,
    EnforcementField,
    Officer,
    Qualification,
    Training,
)


def _only(data: dict, allowed) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")


def _require_office_for(actor, officer: Officer, action: str) -> None:
    """Only the legal affairs office over the officer's agency (or the administrator)."""
    require_role(actor, Role.LEGAL_OFFICE, action=action)
    require_agency(actor, officer.agency_id, "执法人员")


def _check_user_link(user, agency) -> None:
    if user is None:
        return
    if user.role not in AGENCY_ROLES or user.agency_id != agency.pk:
        raise invalid("登录账户须是本机关的执法人员、法制审核人员或机关负责人。", field="user")


def _no_future(on: date, field: str) -> None:
    if on > clock.today():
        raise invalid("日期不得晚于今天。", field=field)


# --- Officers --------------------------------------------------------------------------

OFFICER_FIELDS = ("name", "id_number", "agency", "post", "phone", "user")


def officer_create(
    *,
    actor: Actor,
    name: str,
    id_number: str,
    agency: Agency,
    post: Post | None = None,
    phone: str = "",
    user: User | None = None,
) -> Officer:
    """登记行政执法人员（居民身份证号码经校验）。由本机关负责人、政府法制机构或系统管理员登记。"""
    with transaction.atomic():
        require_manage_agency(actor, agency.pk, action="登记执法人员")
        _check_user_link(user, agency)
        officer = Officer(name=name, id_number=id_number, agency=agency, post=post, phone=phone, user=user)
        return save_record(actor=actor, instance=officer, act="officer.create", clauses=["D3.1b"])


def officer_update(*, actor: Actor, officer: Officer, **data: Any) -> Officer:
    """修改执法人员信息；改属他机关须同时有权管理两个机关。"""
    with transaction.atomic():
        require_manage_agency(actor, officer.agency_id, action="修改执法人员信息")
        _only(data, OFFICER_FIELDS)
        if "agency" in data and data["agency"].pk != officer.agency_id:
            require_manage_agency(actor, data["agency"].pk, action="把执法人员调入该机关")
        changes = assign(officer, data)
        _check_user_link(officer.user, officer.agency)
        return save_record(actor=actor, instance=officer, act="officer.update", changes=changes)


def officer_leave_post(*, actor: Actor, officer: Officer, on: date, reason: str) -> Officer:
    """将执法人员调离执法岗位（D6.3a：不适合继续从事执法工作的人员由所在机关调离）。
    From that day the officer may not enforce (D3.1b)."""
    with transaction.atomic():
        officer = Officer.objects.select_for_update().get(pk=officer.pk)
        require_manage_agency(actor, officer.agency_id, action="调离执法人员")
        enforce(rules.leaving_post_lawful(officer, reason))
        changes = assign(officer, {"active": False, "left_post_on": on, "left_post_reason": reason.strip()})
        return save_record(
            actor=actor, instance=officer, act="officer.leave_post", changes=changes, clauses=["D6.3a", "D3.1b"]
        )


# --- Training --------------------------------------------------------------------------

TRAINING_FIELDS = ("field", "course", "hours", "completed_on", "passed", "score")


def training_record(
    *,
    actor: Actor,
    officer: Officer,
    field: str,
    course: str,
    hours: int,
    completed_on: date,
    passed: bool,
    score: Decimal | None = None,
) -> Training:
    """登记资格培训及考试结果（D3.1b：对执法人员实行资格培训和管理）。"""
    with transaction.atomic():
        require_manage_agency(actor, officer.agency_id, action="登记资格培训")
        _no_future(completed_on, "completed_on")
        training = Training(
            officer=officer,
            field=field,
            course=course,
            hours=hours,
            completed_on=completed_on,
            passed=passed,
            score=score,
        )
        return save_record(
            actor=actor, instance=training, act="training.create", clauses=["D3.1b"], agency=officer.agency_id
        )


def training_update(*, actor: Actor, training: Training, **data: Any) -> Training:
    with transaction.atomic():
        require_manage_agency(actor, training.officer.agency_id, action="修改资格培训记录")
        _only(data, TRAINING_FIELDS)
        changes = assign(training, data)
        _no_future(training.completed_on, "completed_on")
        return save_record(
            actor=actor,
            instance=training,
            act="training.update",
            changes=changes,
            clauses=["D3.1b"],
            agency=training.officer.agency_id,
        )


# --- Qualifications --------------------------------------------------------------------


def qualification_grant(
    *, actor: Actor, officer: Officer, field: str, obtained_on: date, training: Training | None = None
) -> Qualification:
    """授予某一领域（行政许可、行政处罚、行政听证、行政复议）的执法资格（D3.1b）。

    Refused without a passed training in that field on or before the date, or when the
    officer already holds the qualification.
    """
    with transaction.atomic():
        _require_office_for(actor, officer, "授予执法资格")
        if field not in EnforcementField.values:
            raise invalid("请选择执法领域。", field="field")
        _no_future(obtained_on, "obtained_on")
        trainings = list(officer.trainings.all())
        enforce(
            rules.training_grounds_the_qualification(officer, field, training),
            rules.qualification_after_training(field, trainings, obtained_on),
        )
        if training is None:
            eligible = [t for t in trainings if t.field == field and t.passed and t.completed_on <= obtained_on]
            training = max(eligible, key=lambda t: t.completed_on)
        held = officer.qualifications.filter(field=field, revoked_on__isnull=True).exists()
        enforce(rules.qualification_not_yet_held(officer, field, held))
        qualification = Qualification(officer=officer, field=field, training=training, obtained_on=obtained_on)
        return save_record(
            actor=actor, instance=qualification, act="qualification.grant", clauses=["D3.1b"], agency=officer.agency_id
        )


def qualification_revoke(*, actor: Actor, qualification: Qualification, reason: str, on: date) -> Qualification:
    """撤销执法资格，写明理由；撤销之日起该领域不得从事执法活动（D3.1b）。"""
    with transaction.atomic():
        qualification = (
            Qualification.objects.select_for_update(of=("self",)).select_related("officer").get(pk=qualification.pk)
        )
        _require_office_for(actor, qualification.officer, "撤销执法资格")
        enforce(rules.qualification_revocation_lawful(qualification, reason, on))
        changes = assign(qualification, {"revoked_on": on, "revocation_reason": reason.strip()})
        return save_record(
            actor=actor,
            instance=qualification,
            act="qualification.revoke",
            changes=changes,
            clauses=["D3.1b"],
            agency=qualification.officer.agency_id,
        )


# --- Certificates ----------------------------------------------------------------------


def certificate_issue(*, actor: Actor, officer: Officer, number: str, issued_on: date, expires_on: date) -> Certificate:
    """政府法制机构发放行政执法证件（编号、发证日期、有效期），只发给取得执法资格、在岗的人员（D3.1b, D3.1c）。"""
    with transaction.atomic():
        _require_office_for(actor, officer, "发放行政执法证件")
        _no_future(issued_on, "issued_on")
        enforce(rules.certificate_requires_qualification(officer, list(officer.qualifications.all()), issued_on))
        issuer = acting_office(actor, officer.agency.government)
        enforce(rules.certificate_issued_by_an_office(issuer))
        certificate = Certificate(
            officer=officer, number=(number or "").strip(), issuer=issuer, issued_on=issued_on, expires_on=expires_on
        )
        return save_record(
            actor=actor, instance=certificate, act="certificate.issue", clauses=["D3.1c"], agency=officer.agency_id
        )


def certificate_verify(
    *, actor: Actor, certificate: Certificate, year: int, verified_on: date, result: str, note: str = ""
) -> CertificateVerification:
    """年度审验执法证件（D3.1c：定期审验执法资格及执法证件）。未通过上一年度审验的证件本年度不得使用。"""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",)).select_related("officer").get(pk=certificate.pk)
        )
        _require_office_for(actor, certificate.officer, "审验行政执法证件")
        enforce(rules.verification_lawful(certificate, year, verified_on, result, note, clock.today().year))
        _no_future(verified_on, "verified_on")
        verification = CertificateVerification(
            certificate=certificate, year=year, verified_on=verified_on, result=result, note=note
        )
        return save_record(
            actor=actor,
            instance=verification,
            act="certificate.verify",
            clauses=["D3.1c"],
            agency=certificate.officer.agency_id,
        )


def certificate_suspend(*, actor: Actor, certificate: Certificate, reason: str, on: date) -> Certificate:
    """暂扣行政执法证件，写明理由；暂扣期间不得从事执法活动（D3.1c, D3.8）。"""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",)).select_related("officer").get(pk=certificate.pk)
        )
        _require_office_for(actor, certificate.officer, "暂扣行政执法证件")
        enforce(rules.suspension_lawful(certificate, reason, on))
        changes = assign(
            certificate, {"suspended_on": on, "suspension_reason": reason.strip(), "suspension_lifted_on": None}
        )
        return save_record(
            actor=actor,
            instance=certificate,
            act="certificate.suspend",
            changes=changes,
            clauses=["D3.1c"],
            agency=certificate.officer.agency_id,
        )


def certificate_lift_suspension(*, actor: Actor, certificate: Certificate, on: date) -> Certificate:
    """解除暂扣，恢复使用行政执法证件。"""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",)).select_related("officer").get(pk=certificate.pk)
        )
        _require_office_for(actor, certificate.officer, "解除暂扣")
        enforce(rules.suspension_liftable(certificate, on))
        changes = assign(certificate, {"suspension_lifted_on": on})
        return save_record(
            actor=actor,
            instance=certificate,
            act="certificate.lift_suspension",
            changes=changes,
            clauses=["D3.1c"],
            agency=certificate.officer.agency_id,
        )


def certificate_revoke(*, actor: Actor, certificate: Certificate, reason: str, on: date) -> Certificate:
    """对不适合继续从事执法工作的人员，由政府法制机构吊销行政执法证件，写明理由（D6.3a）。"""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",)).select_related("officer").get(pk=certificate.pk)
        )
        _require_office_for(actor, certificate.officer, "吊销行政执法证件")
        enforce(rules.certificate_revocation_lawful(certificate, reason, on))
        changes = assign(certificate, {"revoked_on": on, "revocation_reason": reason.strip()})
        return save_record(
            actor=actor,
            instance=certificate,
            act="certificate.revoke",
            changes=changes,
            clauses=["D6.3a", "D3.1c"],
            agency=certificate.officer.agency_id,
        )


# --- Conflicts of interest -------------------------------------------------------------


def _require_declarer(actor, officer: Officer, action: str) -> None:
    """The officer (through the linked login), the agency's head, or the administrator."""
    require_login(actor)
    require_agency(actor, officer.agency_id, "执法人员")
    if actor.role == Role.ADMIN or (actor.role == Role.HEAD and actor.agency_id == officer.agency_id):
        return
    if officer.user_id and officer.user_id == actor.pk:
        return
    raise forbidden(f"只有执法人员本人或本机关负责人可以{action}。")


def _party_by_identifier(identifier: str):
    """The registered party with this identity number or credit code, if any."""
    from django.db.models import Q

    value = normalise_ric(identifier)
    return Party.objects.filter(Q(id_number=value) | Q(uscc=value)).first()


def conflict_declare(
    *,
    actor: Actor,
    officer: Officer,
    relation: str,
    description: str,
    declared_on: date,
    party: Party | None = None,
    party_name: str = "",
    party_identifier: str = "",
) -> ConflictOfInterest:
    """执法人员申报与当事人的利害关系；申报后不得指派其办理该当事人的案件（D3.7，行政处罚法第四十三条）。

    The party is named by its record, or by name and identity number / credit code when
    not yet registered.
    """
    with transaction.atomic():
        _require_declarer(actor, officer, "申报利害关系")
        _no_future(declared_on, "declared_on")
        if party is None and not (party_name or "").strip():
            raise invalid("请选择当事人或者填写当事人名称。", field="party_name")
        if party is None and (party_identifier or "").strip():
            party = _party_by_identifier(party_identifier)
        if party is not None:
            party_name = party_name or party.name
            party_identifier = party_identifier or party.identifier
        conflict = ConflictOfInterest(
            officer=officer,
            party=party,
            party_name=(party_name or "").strip(),
            party_identifier=(party_identifier or "").strip(),
            relation=relation,
            description=description,
            declared_on=declared_on,
        )
        return save_record(
            actor=actor, instance=conflict, act="conflict.declare", clauses=["D3.7"], agency=officer.agency_id
        )


def conflict_end(*, actor: Actor, conflict: ConflictOfInterest, on: date, note: str = "") -> ConflictOfInterest:
    """申报的利害关系终止（如离职、解除经济往来）；终止之日起不再据此回避（D3.7）。"""
    with transaction.atomic():
        conflict = (
            ConflictOfInterest.objects.select_for_update(of=("self",)).select_related("officer").get(pk=conflict.pk)
        )
        _require_declarer(actor, conflict.officer, "申报利害关系终止")
        _no_future(on, "on")
        enforce(rules.conflict_end_lawful(conflict, on))
        changes = assign(conflict, {"ended_on": on, "end_note": (note or "").strip()})
        return save_record(
            actor=actor,
            instance=conflict,
            act="conflict.end",
            changes=changes,
            clauses=["D3.7"],
            agency=conflict.officer.agency_id,
        )
