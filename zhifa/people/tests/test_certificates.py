"""Certificates over HTTP: issued, verified each year, suspended and lifted, and revoked
with a reason, only by the legal affairs office (D3.1c, D6.3a)."""

from datetime import date

import pytest

from zhifa.core.models import AuditEvent
from zhifa.people.models import Certificate, CertificateVerification
from zhifa.people.standing import standing_of
from zhifa.people.tests.builders import make_bare_officer, make_qualification
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db


def issue(officer, **kw):
    return {
        "officer_id": officer.pk,
        "number": "50010320260001",
        "issued_on": "2026-04-01",
        "expires_on": "2031-03-31",
        **kw,
    }


@pytest.mark.clause("D3.1c")
def test_the_office_issues_a_certificate_in_its_own_name(api, people):
    officer = make_bare_officer(people["agency"], name="钱进")
    make_qualification(officer, obtained_on=date(2026, 3, 1))
    res = api(people["office"]).post("people/certificates", issue(officer))
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["issuer"] == "重庆市渝中区司法局" and body["status"] == "valid"
    event = AuditEvent.objects.get(act="certificate.issue", object_id=str(body["id"]))
    assert event.actor == people["office"] and event.clauses == ["D3.1c"]
    assert standing_of(officer, "penalty", date(2026, 5, 1)).ok


def test_the_administrator_issues_in_the_name_of_the_nearest_office(api, people):
    officer = make_bare_officer(people["other"])
    make_qualification(officer)
    res = api(people["admin"]).post("people/certificates", issue(officer))
    assert res.status_code == 201 and res.json()["issuer"] == "重庆市江北区司法局"


@pytest.mark.clause("D3.1b", "D3.1c")
def test_no_certificate_without_a_qualification_or_after_leaving_the_post(api, people):
    officer = make_bare_officer(people["agency"])
    res = api(people["office"]).post("people/certificates", issue(officer))
    body = assert_api_refused(res, 422, clause="D3.1b", code="certificate_requires_qualification")
    assert "没有有效的执法资格" in body["message"]
    make_qualification(officer)
    officer.active, officer.left_post_on, officer.left_post_reason = False, date(2026, 1, 1), "调任"
    officer.save()
    res = api(people["office"]).post("people/certificates", issue(officer))
    body = assert_api_refused(res, 422, clause="D3.1c", code="certificate_requires_qualification")
    assert "已调离执法岗位" in body["message"]
    assert not Certificate.objects.filter(officer=officer).exists()


@pytest.mark.parametrize("role, status", [("head", 403), ("officer_user", 403), ("supervisor", 403)])
def test_agency_staff_and_supervisors_may_not_issue(api, people, role, status):
    officer = make_bare_officer(people["agency"])
    make_qualification(officer)
    assert_api_refused(api(people[role]).post("people/certificates", issue(officer)), status, code="forbidden")


def test_a_duplicate_number_and_reversed_dates_are_refused(api, people):
    existing = people["officer"].certificates.get()
    officer = make_bare_officer(people["agency"])
    make_qualification(officer)
    res = api(people["office"]).post("people/certificates", issue(officer, number=existing.number))
    assert assert_api_refused(res, 400, code="invalid")["field"] == "number"
    res = api(people["office"]).post("people/certificates", issue(officer, expires_on="2020-01-01"))
    assert "有效期须晚于发证日期" in assert_api_refused(res, 400, code="invalid")["message"]


@pytest.mark.clause("D3.1c")
def test_annual_verification(api, people):
    cert = people["colleague"].certificates.get()
    CertificateVerification.objects.filter(certificate=cert, year=2025).delete()
    assert "未通过2025年度审验" in "；".join(standing_of(people["colleague"], "penalty", date(2026, 6, 1)).problems)
    res = api(people["office"]).post(
        f"people/certificates/{cert.pk}/verifications", {"year": 2025, "verified_on": "2026-01-15", "result": "failed"}
    )
    assert assert_api_refused(res, 422, clause="D3.1c", code="verification_lawful")["field"] == "note"
    res = api(people["office"]).post(
        f"people/certificates/{cert.pk}/verifications", {"year": 2025, "verified_on": "2024-01-15", "result": "passed"}
    )
    assert assert_api_refused(res, 422, clause="D3.1c", code="verification_lawful")["field"] == "verified_on"
    res = api(people["office"]).post(
        f"people/certificates/{cert.pk}/verifications", {"year": 2025, "verified_on": "2026-01-15", "result": "passed"}
    )
    assert res.status_code == 201
    assert standing_of(people["colleague"], "penalty", date(2026, 6, 1)).ok
    res = api(people["office"]).post(
        f"people/certificates/{cert.pk}/verifications", {"year": 2025, "verified_on": "2026-01-16", "result": "passed"}
    )
    assert_api_refused(res, 400, code="invalid")
    assert_api_refused(
        api(people["head"]).post(
            f"people/certificates/{cert.pk}/verifications",
            {"year": 2025, "verified_on": "2026-01-15", "result": "passed"},
        ),
        403,
        code="forbidden",
    )


@pytest.mark.clause("D3.1c", "D6.3a")
def test_suspend_lift_and_revoke_with_reasons(api, people):
    cert = people["colleague"].certificates.get()
    url = f"people/certificates/{cert.pk}"
    assert (
        assert_api_refused(
            api(people["office"]).post(f"{url}/suspend", {"reason": "", "on": "2026-05-01"}),
            422,
            clause="D3.1c",
            code="suspension_lawful",
        )["field"]
        == "reason"
    )
    res = api(people["office"]).post(f"{url}/suspend", {"reason": "涉嫌违规执法，调查核实中", "on": "2026-05-01"})
    assert res.status_code == 200 and res.json()["suspension_reason"] == "涉嫌违规执法，调查核实中"
    assert not standing_of(people["colleague"], "penalty", date(2026, 5, 2)).ok
    assert_api_refused(
        api(people["office"]).post(f"{url}/suspend", {"reason": "again", "on": "2026-05-03"}),
        422,
        clause="D3.1c",
        code="suspension_lawful",
    )
    res = api(people["office"]).post(f"{url}/lift-suspension", {"on": "2026-05-20"})
    assert res.status_code == 200
    assert standing_of(people["colleague"], "penalty", date(2026, 5, 21)).ok
    assert_api_refused(
        api(people["office"]).post(f"{url}/lift-suspension", {"on": "2026-05-21"}),
        422,
        clause="D3.1c",
        code="suspension_liftable",
    )
    assert_api_refused(
        api(people["head"]).post(f"{url}/revoke", {"reason": "x", "on": "2026-06-01"}), 403, code="forbidden"
    )
    assert_api_refused(
        api(people["jb_office"]).post(f"{url}/revoke", {"reason": "x", "on": "2026-06-01"}), 404, code="not_found"
    )
    assert (
        assert_api_refused(
            api(people["office"]).post(f"{url}/revoke", {"reason": " ", "on": "2026-06-01"}),
            422,
            clause="D6.3a",
            code="certificate_revocation_lawful",
        )["field"]
        == "reason"
    )
    res = api(people["office"]).post(f"{url}/revoke", {"reason": "在执法检查中索取财物，经查属实", "on": "2026-06-01"})
    assert res.status_code == 200 and res.json()["status"] == "revoked"
    event = AuditEvent.objects.get(act="certificate.revoke", object_id=str(cert.pk))
    assert (
        event.clauses == ["D6.3a", "D3.1c"]
        and event.changes["revocation_reason"][1] == "在执法检查中索取财物，经查属实"
    )
    problems = "；".join(standing_of(people["colleague"], "penalty", date(2026, 6, 2)).problems)
    assert "吊销" in problems and "索取财物" in problems
    assert_api_refused(
        api(people["office"]).post(f"{url}/suspend", {"reason": "x", "on": "2026-06-03"}),
        422,
        clause="D3.1c",
        code="suspension_lawful",
    )
    assert_api_refused(
        api(people["office"]).post(f"{url}/revoke", {"reason": "x", "on": "2026-06-03"}),
        422,
        clause="D6.3a",
        code="certificate_revocation_lawful",
    )


def test_certificates_are_scoped(api, people):
    cert = people["officer"].certificates.get()
    assert api(people["officer_user"]).get(f"people/certificates/{cert.pk}").status_code == 200
    assert_api_refused(api(people["other_officer"]).get(f"people/certificates/{cert.pk}"), 404, code="not_found")
    numbers = {c["number"] for c in api(people["office"]).get("people/certificates").json()["items"]}
    assert cert.number in numbers and people["foreign"].certificates.get().number not in numbers
    assert api(people["office"]).get("people/certificates", query_params={"status": "valid"}).json()["count"] == 2


def test_certificate_pages(client, people):
    officer = make_bare_officer(people["agency"], name="孙悦")
    make_qualification(officer)
    client.force_login(people["office"])
    res = client.post(
        f"/people/officers/{officer.pk}/certificates/new/",
        {"number": "50010320260099", "issued_on": "2026-04-01", "expires_on": "2031-03-31"},
    )
    assert res.status_code == 302, res.content.decode()[:2000]
    cert = Certificate.objects.get(number="50010320260099")
    detail = client.get(cert.get_absolute_url()).content.decode()
    assert "年度审验" in detail and "暂扣" in detail and "吊销" in detail
    assert "50010320260099" in client.get("/people/certificates/?status=valid").content.decode()
    assert (
        client.post(f"/people/certificates/{cert.pk}/suspend/", {"reason": "调查中", "on": "2026-05-01"}).status_code
        == 302
    )
    assert "解除暂扣" in client.get(cert.get_absolute_url()).content.decode()
    assert client.post(f"/people/certificates/{cert.pk}/lift/", {"on": "2026-05-10"}).status_code == 302
    res = client.post(
        f"/people/certificates/{cert.pk}/verify/",
        {"year": 2026, "verified_on": "2026-05-11", "result": "failed", "note": ""},
    )
    assert res.status_code == 422 and 'id="field-note"' in res.content.decode()
    assert (
        client.post(
            f"/people/certificates/{cert.pk}/revoke/", {"reason": "不适合继续从事执法工作", "on": "2026-06-01"}
        ).status_code
        == 302
    )
    assert Certificate.objects.get(pk=cert.pk).revocation_reason == "不适合继续从事执法工作"
    client.force_login(people["head"])
    assert "吊销</a>" not in client.get(people["officer"].certificates.get().get_absolute_url()).content.decode()
    assert (
        client.post(
            f"/people/officers/{officer.pk}/certificates/new/",
            {"number": "X1", "issued_on": "2026-04-01", "expires_on": "2031-03-31"},
        ).status_code
        == 403
    )
