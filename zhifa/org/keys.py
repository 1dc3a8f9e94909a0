"""The platform's certificate authority and each agency's signing key and certificate.

An agency signs what it issues: its documents (PAdES, zhifa.documents) and the
manifests it sends to other agencies (zhifa.cooperation). Each agency has one ECDSA
P-256 key and an X.509 certificate for it, issued by the platform's own CA, so that
anyone holding the CA's certificate can check a signature without the database::

    signature = keys.sign_bytes(agency, data)
    keys.verify_bytes(keys.certificate_pem(keys.agency_certificate(agency)), data, signature)

Keys live outside the database, under ``settings.KEY_DIR`` (``ZHIFA_KEY_DIR``, default
``VAR_DIR/keys``), as for the audit log's signing key: a copy of the database is no
copy of the keys. Each is created on first use::

    KEY_DIR/ca/key.pem, ca/cert.pem                 the platform's CA
    KEY_DIR/agencies/<code>/key.pem, cert.pem       an agency's key and current certificate
    KEY_DIR/agencies/<code>/cert-<serial>.pem       certificates it held before

An agency's certificate names it (its name, its code, its 统一社会信用代码 when it has
one). When the agency's name changes, or the CA is not the one that issued it, the next
use issues a new certificate for the same key and keeps the old one beside it: documents
signed before carry their certificate inside them and stay verifiable.

Creation is serialised between processes by a lock file, and every file is written
whole (a temporary file renamed into place), so two workers starting together never
make two keys for one agency.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier
from django.conf import settings

#: The platform's CA and the agencies' certificates cover every act date the platform
#: records, backdated acts included, so they are valid from a fixed early date rather
#: than from the moment of creation (the platform's choice; a key is replaced by
#: deleting its files, which issues a new key and certificate on next use).
VALID_FROM = datetime(2020, 1, 1, tzinfo=UTC)
CA_VALID_UNTIL = datetime(2050, 1, 1, tzinfo=UTC)
AGENCY_VALID_UNTIL = datetime(2045, 1, 1, tzinfo=UTC)

CA_NAME = "zhifa 行政执法平台根证书"
#: id-kp-documentSigning (RFC 9336): the certificate signs documents.
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")

_cache: dict[tuple, tuple] = {}


class KeyStoreError(RuntimeError):
    """The key directory cannot be read or written (a deployment problem, not a refusal)."""


def key_dir() -> Path:
    return Path(settings.KEY_DIR)


@contextmanager
def _locked():
    root = key_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        root.chmod(0o700)
        handle = open(root / ".lock", "a+")  # noqa: SIM115 (held for the block)
    except OSError as exc:
        raise KeyStoreError(f"无法使用密钥目录 {root}（设置 ZHIFA_KEY_DIR）：{exc}") from exc
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield root
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def _write(path: Path, data: bytes, *, secret: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o600 if secret else 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _key_pem(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def certificate_pem(certificate: x509.Certificate) -> bytes:
    """The certificate in PEM, as a document or a manifest carries it."""
    return certificate.public_bytes(serialization.Encoding.PEM)


def _serial(certificate: x509.Certificate) -> str:
    return format(certificate.serial_number, "x")


# --- The platform's CA -----------------------------------------------------------------


def _ca_name() -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "zhifa 行政执法平台"),
            x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME),
        ]
    )


def _make_ca(root: Path) -> None:
    key = _new_key()
    name = _ca_name()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM)
        .not_valid_after(CA_VALID_UNTIL)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    secure_dir(root / "ca")
    _write(root / "ca" / "key.pem", _key_pem(key), secret=True)
    _write(root / "ca" / "cert.pem", certificate_pem(cert), secret=False)


def secure_dir(path: Path) -> None:
    """Create a directory only its owner may read (it holds a private key)."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)


def _ca() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    root = key_dir()
    cached = _cache.get(("ca", str(root)))
    if cached:
        return cached
    with _locked():
        if not (root / "ca" / "cert.pem").exists():
            _make_ca(root)
        key = serialization.load_pem_private_key((root / "ca" / "key.pem").read_bytes(), password=None)
        cert = x509.load_pem_x509_certificate((root / "ca" / "cert.pem").read_bytes())
    _cache[("ca", str(root))] = (key, cert)
    return key, cert


def platform_ca_certificate() -> x509.Certificate:
    """The platform's CA certificate: the trust anchor for every agency's signature."""
    return _ca()[1]


# --- The agencies' keys and certificates ------------------------------------------------


def _agency_name(agency) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, agency.name),
        x509.NameAttribute(NameOID.COMMON_NAME, agency.name),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, agency.code),
    ]
    if agency.uscc:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, agency.uscc))
    return x509.Name(attributes)


def _issue(agency, key, ca_key, ca_cert: x509.Certificate) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(_agency_name(agency))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM)
        .not_valid_after(AGENCY_VALID_UNTIL)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )


def _current(cert: x509.Certificate, agency, ca_cert: x509.Certificate) -> bool:
    return cert.subject == _agency_name(agency) and cert.issuer == ca_cert.subject and _issued_by(cert, ca_cert)


def _agency(agency) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    ca_key, ca_cert = _ca()
    root = key_dir()
    cache_key = ("agency", str(root), agency.code, agency.name, agency.uscc, _serial(ca_cert))
    cached = _cache.get(cache_key)
    if cached:
        return cached
    folder = root / "agencies" / agency.code
    with _locked():
        if not (folder / "key.pem").exists():
            secure_dir(folder)
            _write(folder / "key.pem", _key_pem(_new_key()), secret=True)
        key = serialization.load_pem_private_key((folder / "key.pem").read_bytes(), password=None)
        cert_path = folder / "cert.pem"
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes()) if cert_path.exists() else None
        if cert is None or not _current(cert, agency, ca_cert):
            if cert is not None:
                _write(folder / f"cert-{_serial(cert)}.pem", certificate_pem(cert), secret=False)
            cert = _issue(agency, key, ca_key, ca_cert)
            _write(cert_path, certificate_pem(cert), secret=False)
    _cache[cache_key] = (key, cert)
    return key, cert


def agency_private_key(agency) -> ec.EllipticCurvePrivateKey:
    """The agency's signing key (created on first use)."""
    return _agency(agency)[0]


def agency_certificate(agency) -> x509.Certificate:
    """The agency's current certificate, issued by the platform's CA (created on first use)."""
    return _agency(agency)[1]


def agency_certificates(agency) -> list[x509.Certificate]:
    """Every certificate the agency has held, the current one first."""
    current = agency_certificate(agency)
    folder = key_dir() / "agencies" / agency.code
    earlier = [x509.load_pem_x509_certificate(p.read_bytes()) for p in sorted(folder.glob("cert-*.pem"))]
    return [current, *(c for c in earlier if c.serial_number != current.serial_number)]


# --- Signing and verifying bytes --------------------------------------------------------


def sign_bytes(agency, data: bytes) -> bytes:
    """The agency's signature of ``data`` (ECDSA P-256 with SHA-256, DER)."""
    return agency_private_key(agency).sign(data, ec.ECDSA(hashes.SHA256()))


def _verify_with(public_key, data: bytes, signature: bytes, algorithm) -> bool:
    try:
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(algorithm))
        elif isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, data, padding.PKCS1v15(), algorithm)
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True


def _issued_by(cert: x509.Certificate, ca_cert: x509.Certificate) -> bool:
    if cert.issuer != ca_cert.subject or cert.signature_hash_algorithm is None:
        return False
    return _verify_with(ca_cert.public_key(), cert.tbs_certificate_bytes, cert.signature, cert.signature_hash_algorithm)


def issued_by_platform(certificate_pem_data: bytes | str) -> bool:
    """Whether the certificate was issued by this platform's CA."""
    try:
        cert = _load(certificate_pem_data)
    except ValueError:
        return False
    return _issued_by(cert, platform_ca_certificate())


def _load(certificate_pem_data: bytes | str) -> x509.Certificate:
    if isinstance(certificate_pem_data, str):
        certificate_pem_data = certificate_pem_data.encode()
    return x509.load_pem_x509_certificate(certificate_pem_data)


def verify_bytes(certificate_pem: bytes | str, data: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the signature of ``data`` by the key of the certificate,
    and the certificate was issued by this platform's CA. Never raises on bad input."""
    try:
        cert = _load(certificate_pem)
    except ValueError:
        return False
    if not _issued_by(cert, platform_ca_certificate()):
        return False
    return _verify_with(cert.public_key(), data, signature, hashes.SHA256())
