"""Builders for the people tests, written directly (the world a test acts in; the acts
under test go through services)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from stdnum.cn import ric

from zhifa.core import clock

_seq = itertools.count(500)


def ric_for(birth: date = date(1998, 4, 2), serial: int | None = None) -> str:
    """A 居民身份证号码 that passes zhifa.core.identifiers.validate_ric, whose area code was
    in use in the birth year (渝中区 is 500103 from 1997, 510202 before; python-stdnum
    checks this). zhifa.testing.valid_ric's numbers often do not pass: its default
    (1985 with 500103) and its check digit (computed from the 17-digit body, which
    ric.calc_check_digit reads as a whole number with its check digit) are wrong."""
    area = "500103" if birth.year >= 1997 else "510202" if birth.year >= 1983 else "510200"
    serial = next(_seq) % 1000 if serial is None else serial
    body = f"{area}{birth:%Y%m%d}{serial:03d}"
    # calc_check_digit takes the whole number and ignores its last character.
    return body + ric.calc_check_digit(body + "0")


def fix_ric(officer, birth: date = date(1998, 4, 2)):
    """Give an officer made by zhifa.testing.make_officer an identity number that validates."""
    officer.id_number = ric_for(birth)
    officer.save(update_fields=["id_number"])
    return officer


def make_bare_officer(agency, name=None, **kw):
    """An officer with no training, qualification or certificate."""
    from zhifa.people.models import Officer

    n = next(_seq)
    return Officer.objects.create(name=name or f"人员{n}", id_number=ric_for(serial=n % 1000), agency=agency, **kw)


def make_training(officer, field="penalty", completed_on=date(2022, 6, 1), passed=True):
    from zhifa.people.models import Training

    return Training.objects.create(
        officer=officer, field=field, course=f"{field}执法资格培训", hours=40, completed_on=completed_on, passed=passed
    )


def make_qualification(officer, field="penalty", obtained_on=date(2022, 7, 1), revoked_on=None):
    from zhifa.people.models import Qualification

    return Qualification.objects.create(
        officer=officer,
        field=field,
        obtained_on=obtained_on,
        revoked_on=revoked_on,
        revocation_reason="测试撤销" if revoked_on else "",
    )


def make_certificate(officer, *, issued_on=date(2023, 1, 1), expires_on=None, verified_years=None, number=None):
    from zhifa.org.models import LegalAffairsOffice
    from zhifa.people.models import Certificate, CertificateVerification

    office = (
        LegalAffairsOffice.objects.filter(government=officer.agency.government).first()
        or LegalAffairsOffice.objects.first()
    )
    cert = Certificate.objects.create(
        officer=officer,
        number=number or f"T{next(_seq):08d}",
        issuer=office,
        issued_on=issued_on,
        expires_on=expires_on or issued_on + timedelta(days=365 * 6),
    )
    for year in verified_years if verified_years is not None else range(issued_on.year, clock.today().year):
        CertificateVerification.objects.create(
            certificate=cert, year=year, verified_on=date(year, 12, 1), result="passed"
        )
    return cert


def make_conflict(
    officer,
    *,
    party=None,
    party_name=None,
    party_identifier="",
    declared_on=date(2024, 1, 1),
    ended_on=None,
    relation="kin",
):
    from zhifa.people.models import ConflictOfInterest

    return ConflictOfInterest.objects.create(
        officer=officer,
        party=party,
        party_name=party_name or (party.name if party else "某当事人"),
        party_identifier=party_identifier,
        relation=relation,
        description="测试申报",
        declared_on=declared_on,
        ended_on=ended_on,
    )
