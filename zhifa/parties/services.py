"""Acts on the parties registry: registering, looking up and correcting a party, each audited.

A party (the regulated party, 行政管理相对人) is one record shared across agencies: an
officer, reviewer or head of any agency, or the legal affairs office, may register it
(once: a registered identifier is refused with the existing party's name). Its personal
information serves the cases on it (zhifa.parties.selectors): anyone else states a
purpose first (:func:`party_lookup`), and only the agencies that hold it correct it, with
a reason (:func:`party_correct`, rule ``party_corrected_by_its_holder``, D5.6).
Identity numbers and credit codes are checked in zhifa.core.identifiers.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from zhifa.accounts.access import require_login, require_role
from zhifa.accounts.models import AGENCY_ROLES, Role
from zhifa.core import identifiers
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, invalid
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.parties import rules, selectors
from zhifa.parties.models import Party, PartyCorrection, PartyLookup

WRITERS = (Role.OFFICER, Role.REVIEWER, Role.HEAD, Role.LEGAL_OFFICE)
FIELDS = ("kind", "name", "id_number", "uscc", "legal_representative", "address", "phone", "government")

_RIC_CHARS = re.compile(r"^\d{17}[\dX]$")
_USCC_CHARS = re.compile(r"^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$")


def check_identifier(kind: str, id_number: str, uscc: str) -> tuple[str, str]:
    """The normalised (id_number, uscc) for ``kind``, or a refusal at the field."""
    id_number = identifiers.normalise_ric(id_number)
    uscc = identifiers.normalise_uscc(uscc)
    if kind == Party.Kind.PERSON:
        if uscc:
            raise invalid("自然人不填写统一社会信用代码；个体工商户等组织请选择“法人或者其他组织”。", field="uscc")
        if not id_number:
            raise invalid("请填写居民身份证号码。", field="id_number")
        if len(id_number) == 18 and not _RIC_CHARS.match(id_number):
            raise invalid("居民身份证号码只能由数字组成，最后一位可以是X。", field="id_number")
        _validate(identifiers.validate_ric, id_number, "id_number")
    elif kind == Party.Kind.ORGANISATION:
        if id_number:
            raise invalid("组织不填写居民身份证号码，请填写统一社会信用代码。", field="id_number")
        if not uscc:
            raise invalid("请填写统一社会信用代码。", field="uscc")
        if len(uscc) == 18 and not _USCC_CHARS.match(uscc):
            raise invalid("统一社会信用代码含有无效字符：只能使用数字和大写字母（不使用I、O、Z、S、V）。", field="uscc")
        _validate(identifiers.validate_uscc, uscc, "uscc")
    else:
        raise invalid("请选择当事人类别。", field="kind")
    return id_number, uscc


def _validate(validator, value: str, field: str) -> None:
    try:
        validator(value)
    except ValidationError as exc:
        raise invalid(exc.messages[0], field=field) from None


def _refuse_duplicate(id_number: str, uscc: str, exclude_pk=None) -> None:
    if id_number:
        other = Party.objects.filter(id_number=id_number).exclude(pk=exclude_pk).first()
        if other:
            raise DomainError.of(
                "conflict",
                f"该居民身份证号码已登记为当事人“{other.name}”，请直接选用该记录或更正它。",
                field="id_number",
            )
    if uscc:
        other = Party.objects.filter(uscc=uscc).exclude(pk=exclude_pk).first()
        if other:
            raise DomainError.of(
                "conflict", f"该统一社会信用代码已登记为当事人“{other.name}”，请直接选用该记录或更正它。", field="uscc"
            )


def party_register(
    *,
    actor,
    kind: str,
    name: str,
    id_number: str = "",
    uscc: str = "",
    legal_representative: str = "",
    address: str = "",
    phone: str = "",
    government=None,
) -> Party:
    """登记当事人（自然人以居民身份证号码、组织以统一社会信用代码识别）。"""
    with transaction.atomic():
        require_role(actor, *WRITERS, action="登记当事人")
        id_number, uscc = check_identifier(kind, id_number, uscc)
        _refuse_duplicate(id_number, uscc)
        party = Party(
            kind=kind,
            name=name.strip(),
            id_number=id_number,
            uscc=uscc,
            legal_representative=legal_representative.strip(),
            address=address.strip(),
            phone=phone.strip(),
            government=government,
            registered_by_agency_id=actor.agency_id if actor.role in AGENCY_ROLES else None,
        )
        return save_record(actor=actor, instance=party, act="party.register")


def party_lookup(*, actor, party: Party, purpose: str) -> PartyLookup:
    """查询当事人信息：在本机关案件之外查看当事人的身份证号码、住址和电话，写明事由并记入审计日志（D5.6）。"""
    with transaction.atomic():
        require_login(actor)
        enforce(rules.party_lookup_states_purpose(purpose))
        lookup = PartyLookup(
            party=party,
            user=actor,
            agency_id=actor.agency_id,
            purpose=purpose.strip(),
        )
        return save_record(actor=actor, instance=lookup, act="party.lookup", clauses=["D5.6"], agency=actor.agency_id)


def party_correct(*, actor, party: Party, reason: str, **data) -> Party:
    """更正当事人信息（包括号码）：由持有该当事人的执法机关写明理由更正（D5.6）；
    更正后的号码同样校验并且不得与他人重复。"""
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    with transaction.atomic():
        require_login(actor)
        party = Party.objects.select_for_update().get(pk=party.pk)
        enforce(
            rules.party_corrected_by_its_holder(
                role=actor.role, agency_id=actor.agency_id, holder_ids=selectors.holder_ids(party)
            ),
            status=403,
        )
        reason = (reason or "").strip()
        if not reason:
            raise DomainError.of(ErrorCode.REQUIRED, "请写明更正理由。", field="reason", status=400)
        kind = data.get("kind", party.kind)
        id_number, uscc = check_identifier(kind, data.get("id_number", party.id_number), data.get("uscc", party.uscc))
        _refuse_duplicate(id_number, uscc, exclude_pk=party.pk)
        data.update(id_number=id_number, uscc=uscc)
        for key in ("name", "legal_representative", "address", "phone"):
            if isinstance(data.get(key), str):
                data[key] = data[key].strip()
        changes = assign(party, data)
        if not changes:
            return party
        save_record(actor=actor, instance=party, act="party.correct", changes=changes, clauses=["D5.6"])
        save_record(
            actor=actor,
            instance=PartyCorrection(
                party=party,
                user=actor,
                agency_id=actor.agency_id,
                reason=reason,
                changes={k: [str(v[0]), str(v[1])] for k, v in changes.items()},
            ),
            act="party.correction",
            clauses=["D5.6"],
            agency=actor.agency_id,
        )
        return party
