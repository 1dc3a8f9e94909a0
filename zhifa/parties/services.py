"""Acts on the parties registry: registering and correcting a party, each audited.

A party (the regulated party, 行政管理相对人) is one shared record across agencies, so
an officer, reviewer or head of any agency, the legal affairs office and the
administrator may register and correct it. Identity numbers and credit codes are
checked with python-stdnum (zhifa.core.identifiers); a bad one is refused at its field
with a Chinese message, and a party is registered once.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from zhifa.accounts.access import require_role
from zhifa.accounts.models import Role
from zhifa.core import identifiers
from zhifa.core.errors import DomainError, invalid
from zhifa.core.records import assign, save_record
from zhifa.parties.models import Party

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
        )
        return save_record(actor=actor, instance=party, act="party.register")


def party_update(*, actor, party: Party, **data) -> Party:
    """更正当事人信息（包括号码）：更正后的号码同样校验并且不得与他人重复。"""
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    with transaction.atomic():
        require_role(actor, *WRITERS, action="更正当事人信息")
        party = Party.objects.select_for_update().get(pk=party.pk)
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
        return save_record(actor=actor, instance=party, act="party.update", changes=changes)
