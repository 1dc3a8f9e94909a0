"""Signed case packages (D3.4): the sender seals what it hands over (the letter, the case
record, every evidence file, a manifest of SHA-256 hashes signed with its key); the
receiver countersigns on receipt, after zhifa has verified every file and checked its
competence in the powers catalogue; a package file made on another zhifa is imported
(verified, its files stored, its clue registered at the receiving agency)."""

from __future__ import annotations

import base64
import json
from datetime import date

from django.db import transaction

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.cases import services as case_services
from zhifa.cases.inputs import bad_input
from zhifa.cases.models import Source, Transfer
from zhifa.cooperation import competence, packages
from zhifa.cooperation import package_format as fmt
from zhifa.cooperation import rules as R
from zhifa.cooperation.models import CasePackage
from zhifa.cooperation.services._common import act_date
from zhifa.core import audit
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import conflict, forbidden
from zhifa.core.records import save_record
from zhifa.core.rules import enforce
from zhifa.law.models import ViolationItem
from zhifa.org import keys
from zhifa.org.models import Agency, Government


def _pem(cert) -> str:
    return keys.certificate_pem(cert).decode()


def package_seal(*, actor: User, transfer: Transfer, on: date | None = None) -> CasePackage:
    """移送机关制作案件材料包并签名：移送函、案件记录、每一件证据及其 SHA-256 清单（D3.4）。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="制作案件材料包")
        transfer = (
            Transfer.objects.select_for_update(of=("self",)).select_related("case", "to_agency").get(pk=transfer.pk)
        )
        sender = transfer.case.acting_agency
        require_agency(actor, transfer.case.agency_id, "移送函")
        if actor.agency_id != transfer.case.agency_id and actor.role != Role.ADMIN:
            raise forbidden("只有移送机关可以制作案件材料包。")
        if CasePackage.objects.filter(transfer=transfer).exists():
            raise conflict("该移送函已经制作了案件材料包。")
        on = act_date(on, earliest=transfer.sent_on)
        meta, files = packages.transfer_files(transfer)
        manifest = fmt.manifest_bytes(meta, files)
        package = CasePackage(
            direction=CasePackage.Direction.SENT,
            transfer=transfer,
            sender_agency=sender,
            receiver_agency=transfer.to_agency,
            received_case=transfer.received_case,
            letter_number=transfer.letter_number,
            manifest=manifest.decode(),
            manifest_sha256=fmt.sha256(manifest),
            files=packages.store_files(files),
            sender_signature=base64.b64encode(keys.sign_bytes(sender, manifest)).decode(),
            sender_certificate=_pem(keys.agency_certificate(sender)),
            sender_ca=_pem(keys.platform_ca_certificate()),
            sealed_on=on,
        )
        return save_record(
            actor=actor,
            instance=package,
            act="package.seal",
            agency=sender,
            clauses=["D3.4"],
            changes={"letter_number": package.letter_number, "manifest_sha256": package.manifest_sha256},
        )


def _proposal_for_package(package: CasePackage, on: date) -> competence.Proposal:
    case = package.received_case
    return competence.propose(case.violation_item if case else None, case.place if case else None, on)


def package_countersign(*, actor: User, package: CasePackage, on: date | None = None) -> CasePackage:
    """接收机关签收材料包并会签：逐件核对 SHA-256、验证移送机关的签名，并经职权目录核对本机关有管辖权（D3.4）。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="会签案件材料包")
        require_agency(actor, package.receiver_agency_id, "案件材料包")
        package = (
            CasePackage.objects.select_for_update(of=("self",))
            .select_related("receiver_agency", "received_case")
            .get(pk=package.pk)
        )
        if package.receiver_signature:
            raise conflict("该材料包已经会签。")
        on = act_date(on, earliest=package.sealed_on)
        report = fmt.verify(packages.export(package))
        enforce(
            R.package_verifies(report.problems),
            R.accept_only_with_competence(package.receiver_agency, _proposal_for_package(package, on)),
        )
        receiver = package.receiver_agency
        signed = fmt.countersigned_bytes(package.manifest.encode(), base64.b64decode(package.sender_signature))
        package.receiver_signature = base64.b64encode(keys.sign_bytes(receiver, signed)).decode()
        package.receiver_certificate = _pem(keys.agency_certificate(receiver))
        package.receiver_ca = _pem(keys.platform_ca_certificate())
        package.countersigned_on, package.countersigned_by = on, actor
        package.save(
            update_fields=[
                "receiver_signature",
                "receiver_certificate",
                "receiver_ca",
                "countersigned_on",
                "countersigned_by",
            ]
        )
        audit.record(
            actor=actor,
            act="package.countersign",
            obj=package,
            agency=receiver,
            changes={"manifest_sha256": package.manifest_sha256, "on": on},
            clauses=["D3.4", "D3.1a"],
        )
        return package


def package_import(*, actor: User, data: bytes) -> CasePackage:
    """导入其他平台制作的案件材料包：验证每一件文件和移送机关的签名；材料存入本平台，并在接收机关
    登记一条“其他机关移送”的线索（D3.4）。接收机关须是导入人所在的机关。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="导入案件材料包")
        report = fmt.verify(data)
        enforce(R.package_verifies(report.problems))
        entries = fmt.read(data)
        manifest = report.manifest
        to = manifest.get("to", {})
        receiver = actor.agency
        named = receiver is not None and (
            to.get("code") == receiver.code or bool(to.get("uscc") and to.get("uscc") == receiver.uscc)
        )
        if not named:
            raise bad_input(ErrorCode.NOT_IN_CASE, "材料包的接收机关不是您所在的机关。", field="file")
        if CasePackage.objects.filter(
            letter_number=manifest["letter_number"], manifest_sha256=fmt.sha256(entries[fmt.MANIFEST])
        ).exists():
            raise conflict("该材料包已经导入。")
        record = json.loads(entries.get("case.json", b"{}"))
        item_code = (record.get("violation_item") or {}).get("code")
        place_code = record.get("place")
        clue = case_services.clue_register(
            actor=actor,
            source=Source.TRANSFER_IN,
            received_on=act_date(None),
            summary=f"{manifest.get('from', {}).get('name', '')}移送（{manifest['letter_number']}）：{record.get('summary', '')}",
            violation_item=ViolationItem.objects.filter(code=item_code).first() if item_code else None,
            place=Government.objects.filter(division_code=place_code).first() if place_code else None,
            place_detail=record.get("place_detail", ""),
            source_reference=manifest["letter_number"],
        )
        files = {p: c for p, c in entries.items() if p not in fmt.SIGNING_FILES and p != fmt.MANIFEST}
        sender = Agency.objects.filter(code=manifest.get("from", {}).get("code")).first()
        package = CasePackage(
            direction=CasePackage.Direction.IMPORTED,
            sender_agency=sender,
            receiver_agency=receiver,
            received_case=clue,
            letter_number=manifest["letter_number"],
            manifest=entries[fmt.MANIFEST].decode(),
            manifest_sha256=fmt.sha256(entries[fmt.MANIFEST]),
            files=packages.store_files(files),
            sender_signature=base64.b64encode(entries[fmt.SENDER_SIG]).decode(),
            sender_certificate=entries[fmt.SENDER_CERT].decode(),
            sender_ca=entries[fmt.SENDER_CA].decode(),
            sealed_on=act_date(None),
        )
        return save_record(
            actor=actor,
            instance=package,
            act="package.import",
            agency=receiver,
            clauses=["D3.4"],
            changes={"letter_number": package.letter_number, "manifest_sha256": package.manifest_sha256},
        )
