"""The signed case package: its file format, and its verification without a database.

What travels with a transfer (D3.4) is one ZIP file:

    manifest.json              what the package holds: the letter, the sender and receiver,
                               and every file with its SHA-256 and size
    letter.json, case.json     the transfer letter and the case record
    evidence/<n>-<name>        every evidence file, as filed
    signatures/sender.sig      the sending agency's signature of manifest.json (ECDSA P-256, DER)
    certs/sender.pem           the sending agency's certificate, and certs/sender-ca.pem its CA
    signatures/receiver.sig    after receipt: the receiving agency's countersignature of
                               the manifest's SHA-256 and the sender's signature
    certs/receiver.pem, certs/receiver-ca.pem

This module imports nothing of Django or zhifa's database, so the package can be checked
anywhere with Python and ``cryptography``::

    python -m zhifa.cooperation.package_format PACKAGE.zip [--ca TRUSTED-CA.pem]

(the ``zhifa package verify`` command runs the same check). A changed byte in any file
makes the verification name that file.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import zipfile
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

FORMAT = "zhifa-case-package/1"
MANIFEST = "manifest.json"
SENDER_SIG, SENDER_CERT, SENDER_CA = "signatures/sender.sig", "certs/sender.pem", "certs/sender-ca.pem"
RECEIVER_SIG, RECEIVER_CERT, RECEIVER_CA = "signatures/receiver.sig", "certs/receiver.pem", "certs/receiver-ca.pem"
SIGNING_FILES = {SENDER_SIG, SENDER_CERT, SENDER_CA, RECEIVER_SIG, RECEIVER_CERT, RECEIVER_CA}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(meta: dict, files: dict[str, bytes]) -> bytes:
    """The manifest of ``files`` (path → content) with ``meta``: canonical JSON, UTF-8."""
    listing = [{"path": p, "sha256": sha256(b), "size": len(b)} for p, b in sorted(files.items())]
    return json.dumps(
        {"format": FORMAT, **meta, "files": listing}, ensure_ascii=False, sort_keys=True, indent=1
    ).encode()


def countersigned_bytes(manifest: bytes, sender_signature: bytes) -> bytes:
    """What the receiver signs: the manifest's SHA-256 and the sender's signature."""
    return b"zhifa-countersignature\n" + sha256(manifest).encode() + b"\n" + base64.b64encode(sender_signature)


def write(files: dict[str, bytes], manifest: bytes, signing: dict[str, bytes]) -> bytes:
    """The package as a ZIP file: the manifest, the files it lists, the signatures and certificates."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, manifest)
        for path, content in sorted(files.items()):
            z.writestr(path, content)
        for path, content in sorted(signing.items()):
            z.writestr(path, content)
    return out.getvalue()


def read(data: bytes) -> dict[str, bytes]:
    """Every entry of the package, path → content (ValueError when it is no ZIP file)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {name: z.read(name) for name in z.namelist() if not name.endswith("/")}
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ValueError("不是有效的案件材料包（ZIP 文件无法读取）。") from exc


def _verify_signature(cert: x509.Certificate, data: bytes, signature: bytes) -> bool:
    public_key = cert.public_key()
    try:
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True


def _issued_by(cert: x509.Certificate, ca: x509.Certificate) -> bool:
    if cert.issuer != ca.subject or cert.signature_hash_algorithm is None:
        return False
    try:
        ca.public_key().verify(cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(cert.signature_hash_algorithm))
    except (InvalidSignature, ValueError, TypeError, AttributeError):
        return False
    return True


def _common_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


@dataclass
class Report:
    """The result of verifying a package: ``ok`` only when nothing is wrong."""

    problems: list[str] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)
    files_checked: int = 0
    sender: str = ""
    receiver: str = ""
    countersigned: bool = False
    sender_ca_sha256: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        head = "验证通过" if self.ok else "验证未通过"
        out = [f"{head}：{self.manifest.get('letter_number', '')}，核对文件 {self.files_checked} 件。"]
        if self.sender:
            out.append(f"移送机关签名：{self.sender}（根证书 SHA-256 {self.sender_ca_sha256}）")
        if self.countersigned:
            out.append(f"接收机关会签：{self.receiver}")
        out += [f"问题：{p}" for p in self.problems]
        return out


def _cert(entries: dict, path: str, report: Report) -> x509.Certificate | None:
    try:
        return x509.load_pem_x509_certificate(entries[path])
    except (KeyError, ValueError):
        report.problems.append(f"缺少或无法读取证书 {path}。")
        return None


def verify(data: bytes, trusted_ca_pem: bytes | None = None, *, require_countersignature: bool = False) -> Report:
    """Check every file against the manifest, the sender's signature and its certificate
    chain, and the receiver's countersignature when there is one. ``trusted_ca_pem``: a CA
    the sender's certificate must be issued by (else the package's own CA is reported by
    its fingerprint, to compare with the sender's published one)."""
    report = Report()
    try:
        entries = read(data)
    except ValueError as exc:
        report.problems.append(str(exc))
        return report
    raw = entries.get(MANIFEST)
    try:
        report.manifest = json.loads(raw) if raw is not None else {}
    except ValueError:
        report.manifest = {}
    if raw is None or report.manifest.get("format") != FORMAT:
        report.problems.append("缺少清单 manifest.json，或清单不是本格式。")
        return report
    listed = set()
    for item in report.manifest.get("files", []):
        path = item.get("path", "")
        listed.add(path)
        content = entries.get(path)
        if content is None:
            report.problems.append(f"清单所列文件 {path} 不在材料包中。")
        elif sha256(content) != item.get("sha256") or len(content) != item.get("size"):
            report.problems.append(f"文件 {path} 的 SHA-256 与清单不符：内容已被改动。")
        else:
            report.files_checked += 1
    for path in sorted(set(entries) - listed - SIGNING_FILES - {MANIFEST}):
        report.problems.append(f"文件 {path} 不在清单中。")
    sender, sender_ca = _cert(entries, SENDER_CERT, report), _cert(entries, SENDER_CA, report)
    if sender and sender_ca:
        report.sender, report.sender_ca_sha256 = _common_name(sender), sha256(entries[SENDER_CA])
        if not _issued_by(sender, sender_ca):
            report.problems.append("移送机关的证书不是其根证书签发的。")
        if trusted_ca_pem is not None:
            try:
                trusted = x509.load_pem_x509_certificate(trusted_ca_pem)
            except ValueError:
                trusted = None
            if trusted is None or not _issued_by(sender, trusted):
                report.problems.append("移送机关的证书不是所信任的根证书签发的。")
        if SENDER_SIG not in entries or not _verify_signature(sender, raw, entries[SENDER_SIG]):
            report.problems.append("移送机关对清单的签名无效：清单已被改动或签名不符。")
    if RECEIVER_SIG in entries:
        receiver, receiver_ca = _cert(entries, RECEIVER_CERT, report), _cert(entries, RECEIVER_CA, report)
        if receiver and receiver_ca:
            report.receiver = _common_name(receiver)
            signed = countersigned_bytes(raw, entries.get(SENDER_SIG, b""))
            if not _issued_by(receiver, receiver_ca):
                report.problems.append("接收机关的证书不是其根证书签发的。")
            elif not _verify_signature(receiver, signed, entries[RECEIVER_SIG]):
                report.problems.append("接收机关的会签无效。")
            else:
                report.countersigned = True
    elif require_countersignature:
        report.problems.append("材料包尚无接收机关的会签。")
    return report


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    trusted = None
    if "--ca" in args:
        i = args.index("--ca")
        with open(args[i + 1], "rb") as f:
            trusted = f.read()
        del args[i : i + 2]
    if len(args) != 1:
        print("用法：python -m zhifa.cooperation.package_format 材料包.zip [--ca 根证书.pem]", file=sys.stderr)
        return 2
    with open(args[0], "rb") as f:
        report = verify(f.read(), trusted)
    print("\n".join(report.lines()))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
