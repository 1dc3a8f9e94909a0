"""The officer's QR code scanned by the party (D3.8, D6.4b): the scan checks the certificate and
starts a record of the inspection with its place and time; the record's token lets the party
rate the visit afterwards and complain."""

from __future__ import annotations

import secrets

from django.db import transaction

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Role
from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.oversight import services as oversight
from zhifa.people.selectors import public_certificate_get
from zhifa.portal import rules as R
from zhifa.portal.models import Visit
from zhifa.portal.services.party import PartyActor

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


def visit_link(*, actor, visit: Visit, inspection) -> Visit:
    """把扫码记录对应到案件中的检查记录，当事人据此评价这次检查（D3.8、D6.4b）。"""
    with transaction.atomic():
        visit = Visit.objects.select_for_update().get(pk=visit.pk)
        require_role(actor, Role.OFFICER, Role.HEAD, action="对应扫码记录和检查记录")
        require_agency(actor, visit.agency_id, "扫码检查记录")
        if inspection.case.agency_id != visit.agency_id:
            raise DomainError.of(
                ErrorCode.NOT_IN_CASE, "请选择本机关案件中的检查记录。", field="inspection_id", status=400
            )
        enforce(R.scanned_officer_inspected(inspection.officers.filter(pk=visit.officer_id).exists()))
        changes = assign(visit, {"inspection": inspection})
        return save_record(
            actor=actor, instance=visit, act="visit.link", changes=changes, clauses=["D3.8"], agency=visit.agency_id
        )


def visit_rate(*, party, visit: Visit, score: int, comment: str = "") -> Visit:
    """当事人评价这次检查（oversight 的 rating_submit，考核评议时听取，D6.4b）。"""
    with transaction.atomic():
        visit = Visit.objects.select_for_update(of=("self",)).select_related("inspection__case").get(pk=visit.pk)
        if visit.inspection is None:
            raise DomainError.of(
                ErrorCode.NOTHING_PENDING, "执法机关尚未把这次检查登记到案件中，登记后即可评价。", status=409
            )
        if visit.rated_at:
            raise DomainError.of(ErrorCode.DUPLICATE, "您已评价过这次检查。", status=409)
        rating = oversight.rating_submit(
            actor=PartyActor(party),
            party=party,
            case=visit.inspection.case,
            kind="inspection",
            score=score,
            comment=comment,
            inspection=visit.inspection,
        )
        changes = assign(visit, {"rated_at": clock.now(), "rating_reference": f"rating:{rating.pk}"})
        return save_record(
            actor=PartyActor(party),
            instance=visit,
            act="visit.rate",
            changes=changes,
            clauses=["D6.4b"],
            agency=visit.agency_id,
        )
