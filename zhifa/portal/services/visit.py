"""The officer's QR code scanned by the party (D3.8, D6.4b): the scan checks the certificate and
starts a record of the inspection with its place and time; the record's token lets the party
rate the visit afterwards and complain."""

from __future__ import annotations

import secrets

from django.db import transaction

from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.core.records import save_record
from zhifa.people.selectors import public_certificate_get
from zhifa.portal.models import Visit

SCANNER = "扫码人（在线）"


def visit_start(*, certificate_number: str, place: str, party_name: str = "") -> Visit:
    """扫码核验执法证件并登记检查开始的地点和时间（D3.8：执法人员出示证件，不出示的可以拒绝检查）。"""
    with transaction.atomic():
        certificate = public_certificate_get(certificate_number, clock.today())
        if not place.strip():
            raise DomainError.of(ErrorCode.REQUIRED, "请填写检查地点。", field="place", status=400)
        visit = Visit(
            certificate=certificate,
            officer=certificate.officer,
            agency=certificate.officer.agency,
            token=secrets.token_urlsafe(18),
            started_at=clock.now(),
            place=place.strip(),
            party_name=party_name.strip(),
            certificate_status=certificate.status,
        )
        return save_record(
            actor=SCANNER,
            instance=visit,
            act="visit.start",
            changes={"certificate": certificate.number, "place": visit.place, "status": certificate.status},
            clauses=["D3.8"],
            agency=visit.agency_id,
        )
