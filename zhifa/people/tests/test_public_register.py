"""The public register of officers and certificates (D3.1c; SCENARIOS §7): anyone looks
up a certificate by its number and sees the holder's name, agency and status; never an
identity number or a conflict."""

from datetime import date, timedelta

import pytest

from zhifa.core import clock
from zhifa.people.models import Certificate, CertificateVerification
from zhifa.people.selectors import public_certificate_list, with_status
from zhifa.people.standing import status_of
from zhifa.people.tests.builders import make_bare_officer, make_certificate, make_conflict, make_qualification

pytestmark = [pytest.mark.django_db, pytest.mark.clause("D3.1c")]


@pytest.fixture
def register(people):
    today = clock.today()
    make_conflict(people["officer"], party_name="某关联公司", party_identifier="")

    def holder(name, **kw):
        officer = make_bare_officer(people["agency"], name=name)
        make_qualification(officer, obtained_on=date(2019, 1, 1))
        return make_certificate(officer, **kw)

    expired = holder(
        "过期者", issued_on=date(2019, 1, 1), expires_on=today.replace(day=1) - timedelta(days=1), number="EXPIRED01"
    )
    suspended = holder("暂扣者", number="SUSPEND01")
    suspended.suspended_on, suspended.suspension_reason = today - timedelta(days=3), "调查中"
    suspended.save()
    revoked = holder("吊销者", number="REVOKED01")
    revoked.revoked_on, revoked.revocation_reason = today - timedelta(days=10), "索取财物"
    revoked.save()
    unverified = holder(
        "未审验者", issued_on=date(today.year - 3, 1, 1), verified_years=[today.year - 3], number="UNVERIF01"
    )
    return {
        **people,
        "valid": people["officer"].certificates.get(),
        "expired": expired,
        "suspended": suspended,
        "revoked": revoked,
        "unverified": unverified,
    }


def test_anyone_looks_up_a_certificate_by_number_and_sees_it_is_valid(client, register):
    number = register["valid"].number
    page = client.get(f"/people/public/certificates/?number={number}")
    text = page.content.decode()
    assert page.status_code == 200 and "张明" in text and "有效" in text and "重庆市渝中区市场监督管理局" in text
    assert "过期者" not in text
    detail = client.get(f"/people/public/certificates/{number}/")
    text = detail.content.decode()
    assert detail.status_code == 200 and "该证件有效" in text and "张明" in text
    assert register["officer"].id_number not in text and "某关联公司" not in text


@pytest.mark.parametrize(
    "key, label",
    [("expired", "已过期"), ("suspended", "暂扣"), ("revoked", "已吊销"), ("unverified", "未通过年度审验")],
)
def test_a_certificate_that_cannot_be_used_says_so(client, api, register, key, label):
    cert = register[key]
    text = client.get(f"/people/public/certificates/{cert.number}/").content.decode()
    assert label in text and "不能用于行政执法" in text
    assert "索取财物" not in text and "调查中" not in text  # reasons are not published here
    body = api().get(f"people/public/certificates/{cert.number}").json()
    assert body["status"] == key and body["status_label"] == label


def test_the_public_api_shows_no_identity_numbers_or_conflicts(api, register):
    res = api().get("people/public/certificates", query_params={"name": "张"})
    assert res.status_code == 200
    items = res.json()["items"]
    assert [i["officer_name"] for i in items] == ["张明"]
    assert set(items[0]) == {
        "number",
        "officer_name",
        "agency",
        "agency_id",
        "issuer",
        "issued_on",
        "expires_on",
        "status",
        "status_label",
    }
    assert register["officer"].id_number not in res.content.decode()
    assert api().get("people/public/certificates", query_params={"status": "revoked"}).json()["count"] == 1
    assert api().get("people/public/certificates/NOPE").status_code == 404


def test_the_public_page_filters_by_status_and_unknown_numbers_are_not_found(client, register):
    text = client.get("/people/public/certificates/?status=suspended").content.decode()
    assert "暂扣者" in text and "张明" not in text
    assert client.get("/people/public/certificates/NOPE/").status_code == 404
    assert "没有找到" in client.get("/people/public/certificates/?number=NOPE").content.decode()


def test_the_status_in_lists_agrees_with_status_of(register):
    today = clock.today()
    for cert in with_status(Certificate.objects.all(), today):
        assert cert.status == status_of(Certificate.objects.get(pk=cert.pk), today)[0], cert.number
    # A failed verification counts as not verified, in both.
    cert = register["valid"]
    CertificateVerification.objects.filter(certificate=cert, year=today.year - 1).update(result="failed")
    assert public_certificate_list().get(pk=cert.pk).status == "unverified" == status_of(cert, today)[0]
