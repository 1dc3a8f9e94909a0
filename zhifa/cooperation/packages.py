"""Case packages from and to the database: the files a transfer carries (the letter, the
case record, every evidence file, by SHA-256 in the evidence store), and the package file
rebuilt from a stored package. The format and its verification: :mod:`package_format`."""

from __future__ import annotations

import base64
import io
import json

from zhifa.cases import evidence_store
from zhifa.cases.models import Transfer
from zhifa.cooperation import package_format as fmt
from zhifa.cooperation.models import CasePackage


def _agency(a) -> dict:
    return {"name": a.name, "code": a.code, "uscc": a.uscc}


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, default=str).encode()


def transfer_files(transfer: Transfer) -> tuple[dict, dict[str, bytes]]:
    """The manifest's facts and the files of ``transfer``: letter.json, case.json, evidence/*."""
    case = transfer.case
    sender = case.acting_agency
    letter = {
        "letter_number": transfer.letter_number,
        "sent_on": transfer.sent_on,
        "from": _agency(sender),
        "to": _agency(transfer.to_agency),
        "reasons": transfer.reasons,
        "materials": transfer.materials,
    }
    evidence = list(case.evidence.order_by("number"))
    record = {
        "summary": case.summary,
        "source": case.source,
        "received_on": case.received_on,
        "party": None
        if case.party is None
        else {"name": case.party.name, "kind": case.party.kind, "uscc": case.party.uscc},
        "violation_item": None
        if case.violation_item is None
        else {"code": case.violation_item.code, "name": case.violation_item.name},
        "place": case.place.division_code if case.place else None,
        "place_detail": case.place_detail,
        "act_date": case.act_date,
        "filing_number": case.filing_number,
        "filed_on": case.filed_on,
        "evidence": [
            {
                "number": e.number,
                "kind": e.kind,
                "title": e.title,
                "description": e.description,
                "source": e.source,
                "collected_on": e.collected_on,
                "sha256": e.sha256,
                "file": f"evidence/{e.number}-{e.filename}",
            }
            for e in evidence
        ],
    }
    files = {"letter.json": _json(letter), "case.json": _json(record)}
    for e in evidence:
        with evidence_store.open_content(e.sha256) as f:
            files[f"evidence/{e.number}-{e.filename}"] = f.read()
    meta = {
        "letter_number": transfer.letter_number,
        "sent_on": str(transfer.sent_on),
        "from": _agency(sender),
        "to": _agency(transfer.to_agency),
    }
    return meta, files


def store_files(files: dict[str, bytes]) -> list[dict]:
    """Put every file's content in the content-addressed store; the index the package keeps."""
    index = []
    for path, content in sorted(files.items()):
        digest = fmt.sha256(content)
        try:
            known = evidence_store.path_of(digest).exists()
        except ValueError:
            known = False
        if not known:
            evidence_store.commit(evidence_store.stage(io.BytesIO(content)))
        index.append({"path": path, "sha256": digest})
    return index


def _b64(text: str) -> bytes:
    """A stored signature; one that is not Base64 (never written so) is no signature at all."""
    try:
        return base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        return b""


def export(package: CasePackage) -> bytes:
    """The package file, rebuilt from the stored manifest, files and signatures."""
    files = {}
    for item in package.files:
        try:
            with evidence_store.open_content(item["sha256"]) as f:
                files[item["path"]] = f.read()
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a file missing from the store: the verification names it
    signing = {
        fmt.SENDER_SIG: _b64(package.sender_signature),
        fmt.SENDER_CERT: package.sender_certificate.encode(),
        fmt.SENDER_CA: package.sender_ca.encode(),
    }
    if package.receiver_signature:
        signing.update(
            {
                fmt.RECEIVER_SIG: _b64(package.receiver_signature),
                fmt.RECEIVER_CERT: package.receiver_certificate.encode(),
                fmt.RECEIVER_CA: package.receiver_ca.encode(),
            }
        )
    return fmt.write(files, package.manifest.encode(), signing)
