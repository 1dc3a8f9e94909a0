"""The platform's CA and the agencies' signing keys (zhifa.org.keys): created on first
use outside the database, reused after, and a signature checks only with the right
bytes, the right agency's certificate and a certificate the platform issued."""

import stat
import threading
from datetime import UTC, datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings

from zhifa.org import keys
from zhifa.testing import make_agency, make_city_and_district, valid_uscc

pytestmark = pytest.mark.django_db

DATA = "渝渝中市监罚〔2026〕12号 的清单".encode()


@pytest.fixture
def agencies(db, tmp_path, settings):
    settings.KEY_DIR = tmp_path / "keys"
    _, yuzhong = make_city_and_district()
    return (
        make_agency(yuzhong, name="重庆市渝中区市场监督管理局", uscc=valid_uscc()),
        make_agency(yuzhong, name="重庆市渝中区城市管理局"),
    )


def test_a_signature_verifies_with_the_agencys_certificate_and_only_the_same_bytes(agencies):
    agency, other = agencies
    signature = keys.sign_bytes(agency, DATA)
    pem = keys.certificate_pem(keys.agency_certificate(agency))
    assert keys.verify_bytes(pem, DATA, signature)
    assert keys.verify_bytes(pem.decode(), DATA, signature)
    changed = bytearray(DATA)
    changed[0] ^= 1
    assert not keys.verify_bytes(pem, bytes(changed), signature)
    assert not keys.verify_bytes(keys.certificate_pem(keys.agency_certificate(other)), DATA, signature)
    assert not keys.verify_bytes(b"not a certificate", DATA, signature)
    assert not keys.verify_bytes(pem, DATA, b"\x30\x00")


def test_a_certificate_the_platform_did_not_issue_is_not_trusted(agencies):
    agency, _ = agencies
    # Someone makes a certificate naming the agency, signed by a CA of their own.
    key = ec.generate_private_key(ec.SECP256R1())
    name = keys.agency_certificate(agency).subject
    forged = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(keys.platform_ca_certificate().subject)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(datetime(2020, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2040, 1, 1, tzinfo=UTC))
        .sign(key, hashes.SHA256())
    )
    signature = key.sign(DATA, ec.ECDSA(hashes.SHA256()))
    assert not keys.verify_bytes(keys.certificate_pem(forged), DATA, signature)
    assert not keys.issued_by_platform(keys.certificate_pem(forged))
    assert keys.issued_by_platform(keys.certificate_pem(keys.agency_certificate(agency)))


def test_keys_are_created_once_outside_the_database_and_reused(agencies):
    agency, _ = agencies
    first = keys.agency_certificate(agency)
    folder = settings.KEY_DIR / "agencies" / agency.code
    key_file = folder / "key.pem"
    assert key_file.exists() and (settings.KEY_DIR / "ca" / "cert.pem").exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((settings.KEY_DIR / "ca" / "key.pem").stat().st_mode) == 0o600
    keys._cache.clear()  # as a new process would
    assert keys.agency_certificate(agency).serial_number == first.serial_number
    assert keys.agency_private_key(agency).public_key().public_numbers() == first.public_key().public_numbers()


def test_the_certificate_names_the_agency_and_is_issued_by_the_platform_ca(agencies):
    agency, _ = agencies
    cert = keys.agency_certificate(agency)
    ca = keys.platform_ca_certificate()
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "重庆市渝中区市场监督管理局"
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_IDENTIFIER)[0].value == agency.uscc
    assert cert.issuer == ca.subject
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)


def test_a_renamed_agency_gets_a_new_certificate_for_the_same_key_and_keeps_the_old(agencies):
    agency, _ = agencies
    old = keys.agency_certificate(agency)
    signature = keys.sign_bytes(agency, DATA)
    agency.name = "重庆市渝中区市场监督管理局（更名）"
    agency.save()
    new = keys.agency_certificate(agency)
    assert new.serial_number != old.serial_number
    assert new.public_key().public_numbers() == old.public_key().public_numbers()
    assert [c.serial_number for c in keys.agency_certificates(agency)] == [new.serial_number, old.serial_number]
    # What was signed under the old certificate still verifies with it.
    assert keys.verify_bytes(keys.certificate_pem(old), DATA, signature)


def test_processes_starting_together_make_one_key(agencies):
    agency, _ = agencies
    results = []

    def use():
        keys._cache.clear()
        results.append(keys.agency_private_key(agency).public_key().public_numbers())

    threads = [threading.Thread(target=use) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 6 and all(r == results[0] for r in results)
