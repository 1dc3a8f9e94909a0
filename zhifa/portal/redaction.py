"""The one redaction every published field passes through (D5.6; 个人信息保护法;
市场监督管理行政处罚信息公示规定第六条).

What never appears in a publication: a private person's identity number (the party's, and
any valid 居民身份证号 written into a text), a private person's address and telephone
number, and the party's relatives (D5.6: relatives are treated apart from the party).
An organisation's name, 统一社会信用代码, legal representative and registered address are
published as the rules require (令第45号第四条: 当事人基本情况).

:func:`private_terms` gathers the exact values to remove from the records; :func:`redact`
removes them and any identity number or mobile number found by pattern;
:func:`redact_fields` does both for every field of a publication. The rule
``no_private_information`` (zhifa.portal.rules) checks the result again before it is
stored, so a value this module misses refuses the publication instead of leaking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from zhifa.core.identifiers import validate_ric

ID_MASK = "［身份证号码已隐去］"
ADDRESS_MASK = "［住址已隐去］"
RELATIVE_MASK = "［亲属信息已隐去］"
PHONE_MASK = "［电话号码已隐去］"

#: 18-character candidates for a 居民身份证号 (checked with the checksum before masking,
#: so an organisation's all-digit code or a receipt number is left alone unless it is one).
_RIC_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
#: Mainland mobile numbers (a private person's contact; agencies publish landlines).
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@dataclass
class PrivateTerms:
    """Exact values that must not be published, by kind."""

    identity_numbers: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)
    relatives: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)

    def all(self) -> list[tuple[str, str]]:
        """(value, mask) pairs, longest first so that a longer value is masked whole."""
        pairs = [(v, ID_MASK) for v in self.identity_numbers]
        pairs += [(v, ADDRESS_MASK) for v in self.addresses]
        pairs += [(v, RELATIVE_MASK) for v in self.relatives]
        pairs += [(v, PHONE_MASK) for v in self.phones]
        return sorted(((v.strip(), m) for v, m in pairs if v and v.strip()), key=lambda p: -len(p[0]))


def private_terms(case) -> PrivateTerms:
    """What must not be published about ``case``'s party and its relatives."""
    terms = PrivateTerms()
    party = case.party
    if party is not None and party.is_person:
        terms.identity_numbers.add(party.id_number)
        terms.addresses.add(party.address)
        terms.phones.add(party.phone)
    for relative in case.relatives.all():
        terms.relatives.add(relative.name)
    return terms


def _is_ric(text: str) -> bool:
    try:
        validate_ric(text)
    except ValidationError:
        return False
    return True


def redact(text: str, terms: PrivateTerms) -> str:
    """``text`` with every private value in ``terms``, every valid identity number and every
    mobile number replaced by a mask saying what was removed."""
    if not text:
        return text or ""
    for value, mask in terms.all():
        text = text.replace(value, mask)
    text = _RIC_CANDIDATE.sub(lambda m: ID_MASK if _is_ric(m.group(0)) else m.group(0), text)
    return _MOBILE.sub(PHONE_MASK, text)


def redact_fields(fields: dict[str, str], terms: PrivateTerms) -> dict[str, str]:
    """Every field of a publication, redacted."""
    return {name: redact(value, terms) for name, value in fields.items()}


def leaks(fields: dict[str, str], terms: PrivateTerms) -> list[str]:
    """The names of the fields in which a private value still appears."""
    found = []
    for name, value in fields.items():
        value = value or ""
        if (
            any(v in value for v, _m in terms.all())
            or _MOBILE.search(value)
            or any(_is_ric(m.group(0)) for m in _RIC_CANDIDATE.finditer(value))
        ):
            found.append(name)
    return found
