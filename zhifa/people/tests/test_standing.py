"""Officer standing (D3.1b, D3.1c), two certified officers (D3.8) and declared
conflicts (D3.7): the rules the case procedure checks before an officer acts."""

from datetime import date

import pytest

from zhifa.core.errors import DomainError
from zhifa.core.rules import enforce
from zhifa.people.models import CertificateVerification
from zhifa.people.rules import no_declared_conflict, officer_certified, two_certified_officers
from zhifa.people.standing import certificate_problems, conflicts_between, standing_of, status_of
from zhifa.people.tests.builders import make_bare_officer, make_certificate, make_conflict, make_qualification
from zhifa.testing import assert_refused, make_agency, make_city_and_district, make_officer, make_party

pytestmark = pytest.mark.django_db

ON = date(2026, 6, 1)


@pytest.fixture
def agency():
    _, district = make_city_and_district()
    return make_agency(district)


def refused(violation):
    with pytest.raises(DomainError) as excinfo:
        enforce(violation)
    return excinfo


# --- D3.1b: qualification and certificate ----------------------------------------------


@pytest.mark.clause("D3.1b")
def test_a_qualified_officer_with_a_verified_certificate_may_act(agency):
    officer = make_officer(agency, fields=("penalty",))
    standing = standing_of(officer, "penalty", ON)
    assert standing.ok and standing.qualified and standing.certificate is not None
    assert officer_certified(standing) is None


@pytest.mark.clause("D3.1b")
def test_no_qualification_for_the_field_is_refused(agency):
    officer = make_officer(agency, fields=("licensing",))
    error = assert_refused(
        refused(officer_certified(standing_of(officer, "penalty", ON))),
        "D3.1b",
        code="officer_certified",
        field="officers",
    )
    assert "未取得行政处罚执法资格" in error.message and "行政处罚法》第四十二条" in error.message


@pytest.mark.clause("D3.1b")
def test_revoked_qualification_is_refused_from_the_day_of_revocation(agency):
    officer = make_bare_officer(agency)
    make_qualification(officer, obtained_on=date(2022, 1, 1), revoked_on=date(2026, 5, 1))
    make_certificate(officer)
    assert standing_of(officer, "penalty", date(2026, 4, 30)).ok
    standing = standing_of(officer, "penalty", date(2026, 5, 1))
    assert not standing.qualified
    assert_refused(refused(officer_certified(standing)), "D3.1b", code="officer_certified")


@pytest.mark.clause("D3.1b")
def test_expired_certificate_is_refused(agency):
    officer = make_officer(agency, issued_on=date(2020, 1, 1), expires_on=date(2026, 4, 30))
    error = assert_refused(
        refused(officer_certified(standing_of(officer, "penalty", ON))), "D3.1b", code="officer_certified"
    )
    assert "已于2026-04-30过期" in error.message
    assert status_of(officer.certificates.get(), ON)[0] == "expired"


@pytest.mark.clause("D3.1b")
def test_revoked_certificate_is_refused(agency):
    officer = make_officer(agency)
    cert = officer.certificates.get()
    cert.revoked_on, cert.revocation_reason = date(2026, 3, 1), "索取财物"
    cert.save()
    error = assert_refused(
        refused(officer_certified(standing_of(officer, "penalty", ON))), "D3.1b", code="officer_certified"
    )
    assert "吊销" in error.message and "索取财物" in error.message
    assert status_of(cert, ON) == ("revoked", "已吊销")


@pytest.mark.clause("D3.1b")
def test_suspended_certificate_is_refused_until_the_suspension_is_lifted(agency):
    officer = make_officer(agency)
    cert = officer.certificates.get()
    cert.suspended_on, cert.suspension_reason = date(2026, 5, 1), "涉嫌违规执法，调查中"
    cert.save()
    error = assert_refused(
        refused(officer_certified(standing_of(officer, "penalty", ON))), "D3.1b", code="officer_certified"
    )
    assert "暂扣" in error.message
    assert status_of(cert, ON)[0] == "suspended"
    cert.suspension_lifted_on = date(2026, 5, 20)
    cert.save()
    assert standing_of(officer, "penalty", ON).ok and status_of(cert, ON)[0] == "valid"


@pytest.mark.clause("D3.1b")
def test_certificate_not_verified_last_year_is_refused(agency):
    officer = make_officer(agency, issued_on=date(2023, 1, 1), verified_years=[2023, 2024])
    error = assert_refused(
        refused(officer_certified(standing_of(officer, "penalty", ON))), "D3.1b", code="officer_certified"
    )
    assert "未通过2025年度审验" in error.message
    assert status_of(officer.certificates.get(), ON) == ("unverified", "未通过年度审验")


@pytest.mark.clause("D3.1b")
def test_failed_verification_counts_as_not_verified(agency):
    officer = make_officer(agency, issued_on=date(2023, 1, 1), verified_years=[2023, 2024])
    CertificateVerification.objects.create(
        certificate=officer.certificates.get(),
        year=2025,
        verified_on=date(2025, 12, 1),
        result="failed",
        note="年度考核不合格",
    )
    assert_refused(refused(officer_certified(standing_of(officer, "penalty", ON))), "D3.1b", code="officer_certified")


@pytest.mark.clause("D3.1b")
def test_a_certificate_issued_this_year_needs_no_verification_yet(agency):
    officer = make_officer(agency, issued_on=date(2026, 2, 1), verified_years=[])
    assert standing_of(officer, "penalty", ON).ok
    assert certificate_problems(officer.certificates.get(), date(2026, 1, 31))  # not yet issued


@pytest.mark.clause("D3.1b")
def test_no_certificate_is_refused(agency):
    officer = make_officer(agency, certificate=False)
    error = assert_refused(
        refused(officer_certified(standing_of(officer, "penalty", ON))), "D3.1b", code="officer_certified"
    )
    assert "没有行政执法证件" in error.message


@pytest.mark.clause("D3.1b")
def test_an_officer_who_left_the_post_is_refused(agency):
    officer = make_officer(agency)
    officer.active, officer.left_post_on, officer.left_post_reason = False, date(2026, 5, 1), "调任非执法岗位"
    officer.save()
    error = assert_refused(
        refused(officer_certified(standing_of(officer, "penalty", ON))), "D3.1b", code="officer_certified"
    )
    assert "已调离执法岗位" in error.message


# --- D3.8: two certified officers, certificates shown ----------------------------------


@pytest.mark.clause("D3.8")
def test_one_officer_is_refused(agency):
    officer = make_officer(agency)
    standings = [standing_of(officer, "penalty", ON)] * 2  # the same officer twice is still one
    error = assert_refused(
        refused(two_certified_officers(standings, True)), "D3.8", code="two_certified_officers", field="officers"
    )
    assert "不得少于两人" in error.message


@pytest.mark.clause("D3.8")
def test_certificates_not_shown_are_refused(agency):
    standings = [standing_of(make_officer(agency), "penalty", ON) for _ in range(2)]
    error = assert_refused(
        refused(two_certified_officers(standings, False)),
        "D3.8",
        code="two_certified_officers",
        field="certificates_shown",
    )
    assert "出示" in error.message


@pytest.mark.clause("D3.8")
def test_two_officers_showing_certificates_pass(agency):
    standings = [standing_of(make_officer(agency), "penalty", ON) for _ in range(2)]
    assert two_certified_officers(standings, True) is None


# --- D3.7: declared conflicts ----------------------------------------------------------


@pytest.mark.clause("D3.7")
def test_conflict_declared_by_record_is_refused(agency):
    officer, party = make_officer(agency), make_party()
    make_conflict(officer, party=party, relation="financial")
    found = conflicts_between(officer, party, ON)
    assert len(found) == 1
    error = assert_refused(
        refused(no_declared_conflict(officer, party, found)), "D3.7", code="no_declared_conflict", field="officers"
    )
    assert "经济利益" in error.message and "回避" in error.message and "第四十三条" in error.message


@pytest.mark.clause("D3.7")
def test_conflict_declared_by_identifier_is_refused(agency):
    officer, party = make_officer(agency), make_party("person", name="张某")
    make_conflict(officer, party_name="张某某（曾用名）", party_identifier=party.id_number)
    found = conflicts_between(officer, party, ON)
    assert len(found) == 1
    assert_refused(refused(no_declared_conflict(officer, party, found)), "D3.7", code="no_declared_conflict")


@pytest.mark.clause("D3.7")
def test_conflict_declared_by_name_is_refused(agency):
    officer, party = make_officer(agency), make_party(name="重庆某某餐饮有限公司")
    make_conflict(officer, party_name="重庆某某餐饮有限公司", relation="former_employer")
    found = conflicts_between(officer, party, ON)
    assert len(found) == 1
    assert_refused(refused(no_declared_conflict(officer, party, found)), "D3.7", code="no_declared_conflict")


@pytest.mark.clause("D3.7")
def test_ended_conflict_does_not_count(agency):
    officer, party = make_officer(agency), make_party()
    make_conflict(officer, party=party, declared_on=date(2024, 1, 1), ended_on=date(2026, 1, 1))
    assert len(conflicts_between(officer, party, date(2025, 12, 31))) == 1
    found = conflicts_between(officer, party, ON)
    assert found == []
    assert no_declared_conflict(officer, party, found) is None


@pytest.mark.clause("D3.7")
def test_someone_elses_conflict_does_not_count(agency):
    officer, colleague, party = make_officer(agency), make_officer(agency), make_party()
    make_conflict(colleague, party=party)
    assert conflicts_between(officer, party, ON) == []
    assert conflicts_between(make_officer(agency), make_party(), ON) == []
