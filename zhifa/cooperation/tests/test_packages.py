"""Signed case packages (D3.4): sealed by the sender, exported as a file, imported into a
second zhifa (a second database) and countersigned there; a changed byte in any evidence
file makes verification name the file; verified by a standalone process."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from contextlib import contextmanager
from datetime import date
from io import BytesIO

import pytest
from django.db import connections

from zhifa.cases import services as case_services
from zhifa.cases.tests.builders import evidence_file, filed
from zhifa.cooperation import package_format, packages, services
from zhifa.cooperation.models import CasePackage
from zhifa.cooperation.tests.builders import D0, city_market, wd
from zhifa.core.errors import DomainError
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db(databases=["default", "other"])


@contextmanager
def platform(alias: str):
    """Everything the code does inside goes to database ``alias``: another zhifa."""
    default = connections["default"]
    connections["default"] = connections[alias]
    try:
        yield
    finally:
        connections["default"] = default


def _sealed(w):
    """A filed market case with two evidence files, transferred to the city bureau and sealed."""
    w.city_market, w.city_officer = city_market(w)
    case = filed(w)
    for n in (1, 2):
        case_services.evidence_add(
            actor=w.zhang,
            case=case,
            kind="audiovisual",
            title=f"现场照片{n}",
            source="现场拍摄",
            collected_on=wd(D0, 2),
            content=evidence_file(f"现场照片{n}：货架上的过期食品"),
            on=wd(D0, 2),
        )
    case_services.transfer_out(
        actor=w.head,
        case=case,
        to_agency=w.city_market,
        reasons="涉及全市连锁经营，由市局管辖。",
        materials="证据二件",
        on=wd(D0, 3),
    )
    case.refresh_from_db()
    return services.package_seal(actor=w.zhang, transfer=case.transfer_out, on=wd(D0, 3))


def _other_platform(w):
    """Another zhifa's registry, with its own city market bureau (the same code) and item."""
    from zhifa.cooperation.tests.builders import make_coop_world

    there = make_coop_world()
    there.item.code = w.item.code
    there.item.save(update_fields=["code"])
    there.city_market, there.city_officer = city_market(there, code=w.city_market.code)
    return there


def _tamper(data: bytes, path: str) -> bytes:
    entries = package_format.read(data)
    content = bytearray(entries[path])
    content[0] ^= 0x01
    entries[path] = bytes(content)
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, body in entries.items():
            z.writestr(name, body)
    return out.getvalue()


@pytest.mark.clause("D3.4")
def test_a_package_exported_from_one_database_verifies_when_imported_into_another(w, tmp_path):
    package = _sealed(w)
    data = packages.export(package)
    report = package_format.verify(data)
    assert report.ok, report.problems
    assert report.files_checked == 4  # letter, case record, two evidence files
    assert w.agency.name in report.sender
    with platform("other"):
        there = _other_platform(w)
        imported = services.package_import(actor=there.city_officer, data=data)
        assert imported.direction == CasePackage.Direction.IMPORTED
        assert imported.received_case.source == "transfer_in" and imported.received_case.agency == there.city_market
        assert imported.received_case.violation_item == there.item
        countersigned = services.package_countersign(actor=there.city_officer, package=imported, on=date(2026, 12, 1))
        back = packages.export(countersigned)
        assert CasePackage.objects.count() == 1
    report = package_format.verify(back, require_countersignature=True)
    assert report.ok and report.countersigned, report.problems
    assert CasePackage.objects.count() == 1  # the first platform's own package, untouched
    # a standalone process verifies the file (no database, no Django)
    path = tmp_path / "package.zip"
    path.write_bytes(back)
    done = subprocess.run(
        [sys.executable, "-m", "zhifa.cooperation.package_format", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0 and "验证通过" in done.stdout, done.stdout + done.stderr


@pytest.mark.clause("D3.4")
def test_one_changed_byte_in_any_evidence_file_makes_verification_name_it(w, tmp_path):
    data = packages.export(_sealed(w))
    for path in [p for p in package_format.read(data) if p.startswith("evidence/")]:
        report = package_format.verify(_tamper(data, path))
        assert not report.ok and any(path in p for p in report.problems), report.problems
    broken = _tamper(data, "evidence/2-photo.jpg")
    with platform("other"):
        there = _other_platform(w)
        with pytest.raises(DomainError) as e:
            services.package_import(actor=there.city_officer, data=broken)
        assert_refused(e, "D3.4", code="package_verifies")
        assert "evidence/2-photo.jpg" in str(e.value)
    (tmp_path / "bad.zip").write_bytes(broken)
    done = subprocess.run(
        [sys.executable, "-m", "zhifa.cooperation.package_format", str(tmp_path / "bad.zip")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "evidence/2-photo.jpg" in done.stdout


@pytest.mark.clause("D3.4")
def test_the_receiver_countersigns_after_the_catalogue_check_on_the_same_platform(w, api):
    package = _sealed(w)
    from zhifa.org.models import Power

    Power.objects.filter(agency=w.city_market).update(valid_to=date(2026, 6, 1))  # no power any more
    with pytest.raises(DomainError) as e:
        services.package_countersign(actor=w.city_officer, package=package, on=date(2026, 12, 1))
    assert_refused(e, "D3.4", code="accept_only_with_competence")
    Power.objects.filter(agency=w.city_market).update(valid_to=None)
    r = api(w.city_officer).post(f"cooperation/packages/{package.pk}/countersign", {})
    assert r.status_code == 200, r.content
    assert r.json()["countersigned_on"] == "2026-12-01"
    r = api(w.zhang).get(f"cooperation/packages/{package.pk}/file")
    assert r.status_code == 200 and package_format.verify(r.content).countersigned
    assert api(w.other_officer).get(f"cooperation/packages/{package.pk}").status_code == 404
