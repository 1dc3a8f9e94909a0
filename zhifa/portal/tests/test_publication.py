"""Publication of enforcement decisions on time, redacted, withdrawn and taken down
(D5.6; 行政处罚法第四十八条; 市场监督管理行政处罚信息公示规定)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from zhifa.cases.tests.builders import D0, wd
from zhifa.core.errors import DomainError
from zhifa.portal import redaction, selectors, services
from zhifa.portal import rules as R
from zhifa.portal.models import Publication
from zhifa.portal.tests.publishing import PERSON_ADDRESS, PERSON_ID, PERSON_PHONE, RELATIVE, leaky_person_case, served
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D5.6")
def test_tick_publishes_a_served_penalty_decision_within_seven_working_days_with_its_index(w):
    case = served(w)
    decision = case.decision
    report = services.tick(on=wd(D0, 14))
    pub = Publication.objects.get(decision=decision)
    assert report.published == [str(pub)]
    assert pub.status == "published" and pub.published_on == wd(D0, 14)
    assert pub.due_on == wd(decision.decided_on, 7) and pub.published_on <= pub.due_on
    assert pub.index_number == f"{w.agency.code}/2026-00001"
    assert pub.document_number == decision.number and pub.written_on == decision.decided_on
    assert pub.category == "市场监管"
    # the 公开摘要 collected at decision is what the public reads
    assert pub.summary == "某超市销售过期食品被处罚。"
    assert pub.party_name == w.org.name and pub.party_code == w.org.uscc
    assert "罚款3,000.00元" in pub.penalty
    assert pub.display == "long" and pub.takedown_on == date(2029, pub.published_on.month, pub.published_on.day)
    assert not selectors.late_publications(w.head, on=wd(D0, 14)).exists()


def test_tick_is_idempotent(w):
    served(w)
    services.tick(on=wd(D0, 14))
    again = services.tick(on=wd(D0, 14))
    assert again.prepared == again.published == again.withdrawn == again.taken_down == []
    assert Publication.objects.count() == 1


def test_the_tick_command_prints_what_it_did(w, capsys):
    served(w)
    call_command("tick", on=wd(D0, 14).isoformat())
    out = capsys.readouterr().out
    assert "公开 1 件" in out


def test_a_decision_not_yet_served_waits_and_becomes_late_after_seven_working_days(w):
    from zhifa.cases.tests.builders import decided

    case = decided(w)
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get(decision=case.decision)
    assert pub.status == "pending"
    assert not selectors.late_publications(w.head, on=pub.due_on).exists()
    late_day = wd(pub.due_on, 1)
    assert list(selectors.late_publications(w.head, on=late_day)) == [pub]
    assert list(selectors.late_publications(w.legal_office, on=late_day)) == [pub]
    assert not selectors.late_publications(w.other_head, on=late_day).exists()  # another agency: out of scope


@pytest.mark.clause("D5.6")
def test_publishing_before_service_is_refused(w):
    from zhifa.cases.tests.builders import decided

    case = decided(w)
    pub = services.publication_prepare(actor=w.head, decision=case.decision, on=wd(D0, 13))
    with pytest.raises(DomainError) as e:
        services.publication_publish(actor=w.head, publication=pub, on=wd(D0, 13))
    assert_refused(e, "D5.6", code="decision_served_before_publication")


@pytest.mark.clause("D5.6")
def test_a_warning_alone_is_not_published_unless_it_has_a_social_impact_stated(w):
    case = served(w, terms={"warning": True})
    services.tick(on=wd(D0, 14))
    assert not Publication.objects.exists()
    with pytest.raises(DomainError) as e:
        services.publication_prepare(actor=w.head, decision=case.decision, on=wd(D0, 14))
    assert_refused(e, "D5.6", code="publication_lawful", field="social_impact")
    with pytest.raises(DomainError) as e:
        services.publication_prepare(actor=w.head, decision=case.decision, social_impact=True, on=wd(D0, 14))
    assert_refused(e, "D5.6", code="publication_lawful", field="social_impact_reason")
    pub = services.publication_prepare(
        actor=w.head,
        decision=case.decision,
        social_impact=True,
        social_impact_reason="涉及学校周边食品安全，社会关注度高。",
        on=wd(D0, 14),
    )
    assert pub.grounds == "social_impact"
    services.tick(on=wd(D0, 14))
    pub.refresh_from_db()
    assert pub.status == "published"


def test_an_officer_of_another_agency_cannot_publish(w):
    case = served(w)
    with pytest.raises(DomainError) as e:
        services.publication_prepare(actor=w.other_head, decision=case.decision, on=wd(D0, 14))
    assert e.value.status == 404


@pytest.mark.clause("D5.6")
def test_a_changed_decision_is_withdrawn_within_three_working_days_across_the_national_day_holiday(w):
    case = served(w, on=date(2026, 9, 1))
    services.tick(on=case.decision.served_on)
    pub = Publication.objects.get(decision=case.decision)
    assert pub.status == "published"
    # 2026-09-30 (Wednesday): the reconsideration organ changes the decision; 1–7 October is the holiday,
    # 8, 9 and 10 October (a Saturday worked in lieu) are the three working days.
    services.decision_change_record(
        actor=w.legal_office,
        publication=pub,
        kind="changed",
        reason="渝中区人民政府复议决定书（渝中府复〔2026〕5号）",
        on=date(2026, 9, 30),
    )
    pub.refresh_from_db()
    assert pub.withdrawal_due_on == date(2026, 10, 10)
    services.tick(on=date(2026, 10, 8))
    pub.refresh_from_db()
    assert pub.status == "withdrawn" and pub.withdrawn_on == date(2026, 10, 8) <= pub.withdrawal_due_on
    assert "依法变更" in pub.withdrawal_reason and "渝中府复" in pub.withdrawal_reason
    assert pub not in selectors.published_list()
    assert pub in selectors.withdrawn_list()
    assert not selectors.late_publications(w.head, on=date(2026, 10, 12)).exists()


def test_a_withdrawal_after_the_third_working_day_is_late_for_oversight(w):
    case = served(w, on=date(2026, 9, 1))
    services.tick(on=case.decision.served_on)
    pub = Publication.objects.get(decision=case.decision)
    services.decision_change_record(
        actor=w.head, publication=pub, kind="revoked", reason="本机关自行撤销", on=date(2026, 9, 30)
    )
    assert not selectors.late_publications(w.legal_office, on=date(2026, 10, 10)).exists()
    assert list(selectors.late_publications(w.legal_office, on=date(2026, 10, 12))) == [pub]
    services.tick(on=date(2026, 10, 12))
    pub.refresh_from_db()
    assert pub.status == "withdrawn"
    assert list(selectors.late_publications(w.legal_office, on=date(2026, 10, 12))) == [pub]


@pytest.mark.clause("D5.6")
def test_a_withdrawal_without_a_reason_is_refused(w):
    case = served(w)
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get(decision=case.decision)
    with pytest.raises(DomainError) as e:
        services.publication_withdraw(actor=w.head, publication=pub, reason="  ", on=wd(D0, 15))
    assert_refused(e, "D5.6", code="withdrawal_reason_stated", field="reason")


@pytest.mark.clause("D5.6")
def test_a_decision_changed_before_publication_is_never_published(w):
    from zhifa.cases.tests.builders import decided

    case = decided(w)
    pub = services.publication_prepare(actor=w.head, decision=case.decision, on=wd(D0, 13))
    services.decision_change_record(actor=w.head, publication=pub, kind="void", reason="确认无效判决", on=wd(D0, 13))
    with pytest.raises(DomainError) as e:
        services.publication_publish(actor=w.head, publication=pub, on=wd(D0, 14))
    assert_refused(e, "D5.6", code="changed_decision_not_published")


def test_a_publication_is_taken_down_when_its_display_period_ends(w):
    case = served(w, terms={"fine": "3000", "confiscation": "240"})
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get(decision=case.decision)
    assert pub.display == "long"  # confiscation: three years
    services.tick(on=date(2026, 11, 30))
    pub.refresh_from_db()
    assert pub.status == "published"


def test_a_lower_fine_alone_is_shown_three_months_then_taken_down(w):
    case = served(w, terms={"fine": "3000"})
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get(decision=case.decision)
    assert pub.display == "short"
    services.tick(on=pub.takedown_on)
    pub.refresh_from_db()
    assert pub.status == "expired"
    assert pub not in selectors.published_list()
    with pytest.raises(DomainError):
        selectors.public_get(pub.pk)


# --- redaction --------------------------------------------------------------------------


def test_every_published_field_of_a_private_persons_decision_is_redacted(w):
    case = leaky_person_case(w)
    services.tick(on=wd(D0, 14))
    pub = Publication.objects.get(decision=case.decision)
    assert pub.status == "published"
    fields = {name: getattr(pub, name) for name in services.contents(case.decision)}
    assert set(fields) >= {
        "title",
        "party_name",
        "party_code",
        "legal_representative",
        "violation",
        "summary",
        "facts",
        "basis",
        "penalty",
        "agency_name",
    }
    for name, value in fields.items():
        for secret in (PERSON_ID, PERSON_ADDRESS, PERSON_PHONE, RELATIVE):
            assert secret not in value, (name, secret)
    assert redaction.ADDRESS_MASK in pub.summary and redaction.PHONE_MASK in pub.summary
    assert redaction.ID_MASK in pub.facts and redaction.RELATIVE_MASK in pub.facts
    assert pub.party_name == case.party.name and pub.party_code == ""


def test_redact_masks_any_valid_identity_number_and_mobile_number_but_not_other_numbers():
    terms = redaction.PrivateTerms()
    other_ric = "11010519491231002X"
    text = f"证人身份证{other_ric}，电话13800001111，凭证号123456789012345678，信用代码91500103MA5U7HBN3K。"
    out = redaction.redact(text, terms)
    assert other_ric not in out and "13800001111" not in out
    assert "123456789012345678" in out and "91500103MA5U7HBN3K" in out


@pytest.mark.clause("D5.6")
def test_a_private_value_left_in_a_field_refuses_the_publication():
    terms = redaction.PrivateTerms(addresses={PERSON_ADDRESS})
    fields = {"summary": f"住{PERSON_ADDRESS}", "facts": "无"}
    assert redaction.leaks(fields, terms) == ["summary"]
    violation = R.no_private_information(redaction.leaks(fields, terms))
    assert violation is not None and violation.code == "no_private_information" and violation.field == "summary"
    assert R.no_private_information(redaction.leaks(redaction.redact_fields(fields, terms), terms)) is None
