"""The agency's PAdES signature on a document's PDF (pyHanko), with the certificate the
platform's CA issued it (zhifa.org.keys), and its validation against that CA."""

from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization

from zhifa.org import keys


def _asn1_certificate(cert) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def signer_for(agency):
    from pyhanko.sign import signers  # heavy; loaded only when a document is signed

    key = keys.agency_private_key(agency)
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return signers.SimpleSigner(
        signing_cert=_asn1_certificate(keys.agency_certificate(agency)),
        signing_key=asn1_keys.PrivateKeyInfo.load(der),
        cert_registry=None,
    )


def _outside_event_loop(fn, *args, **kwargs):
    """pyHanko runs its own asyncio loop; where one is already running in this thread (an
    async server, Playwright's sync API in the browser tests) it runs in a worker thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args, **kwargs).result()


def sign_pdf(agency, pdf: bytes, *, reason: str = "") -> bytes:
    """The PDF with the agency's PAdES signature (B-B level; an invisible field: the seal
    image is drawn in the page)."""
    signer = signer_for(agency)
    return _outside_event_loop(_sign, agency, signer, pdf, reason)


def _sign(agency, signer, pdf: bytes, reason: str) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name="AgencySeal",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        name=agency.name,
    )
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    signed: bool
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    signer: str = ""
    covers_whole_file: bool = False

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.valid and self.trusted and self.covers_whole_file


def check_pdf(pdf: bytes) -> SignatureCheck:
    """Validate the PDF's signature with pyHanko against the platform's CA. Never raises on
    a broken or unsigned file."""
    return _outside_event_loop(_check, pdf, _asn1_certificate(keys.platform_ca_certificate()))


def _check(pdf: bytes, ca) -> SignatureCheck:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        sigs = reader.embedded_signatures
    except Exception:  # noqa: BLE001 (any unreadable file is simply "not signed")
        return SignatureCheck(signed=False)
    if not sigs:
        return SignatureCheck(signed=False)
    context = ValidationContext(trust_roots=[ca])
    try:
        status = validate_pdf_signature(sigs[-1], context)
    except Exception:  # noqa: BLE001 (a malformed signature is an invalid one)
        return SignatureCheck(signed=True)
    coverage = getattr(status, "coverage", None)
    return SignatureCheck(
        signed=True,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        signer=status.signing_cert.subject.human_friendly if status.signing_cert else "",
        covers_whole_file=coverage is not None and coverage.name == "ENTIRE_FILE",
    )
