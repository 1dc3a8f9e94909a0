"""A published decision that is changed is withdrawn within three working days and, when it was changed or
corrected (not revoked), published anew, the new publication linked to the old (D5.6; 行政处罚法第四十八条;
令第45号第十一条、第十二条)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from zhifa.core.errors import DomainError
from zhifa.documents import services as documents
from zhifa.documents.kinds import Kind
from zhifa.oversight import services as oversight
from zhifa.portal import rules as R
from zhifa.portal import selectors, services
from zhifa.portal.models import Publication
from zhifa.portal.tests.publishing import served
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


def published(w, on=date(2026, 9, 1)):
    case = served(w, on=on)
    services.tick(on=case.decision.served_on)
    return case, Publication.objects.get(decision=case.decision)


def altered_by_reconsideration(w, case, decided_on):
    item = oversight.reconsideration_record(
        actor=w.legal_office,
        case=case,
        number="渝中府复〔2026〕7号",
        body="重庆市渝中区人民政府",
        applicant=case.party.name,
        known_on=case.decision.served_on,
        applied_on=case.decision.served_on,
    )
    oversight.reconsideration_accept(actor=w.legal_office, item=item, accepted=True, on=item.applied_on)
    return oversight.reconsideration_decide(
        actor=w.legal_office, item=item, outcome="altered", reasons="罚款数额变更为五千元。", decided_on=decided_on
    )


@pytest.mark.clause("D5.6")
def test_a_decision_altered_by_reconsideration_is_withdrawn_across_the_holiday_and_published_anew(w):
    case, old = published(w)
    # 2026-09-30 (Wednesday): the reconsideration organ alters the decision; 1–7 October is the
    # National Day holiday; 8, 9 and 10 October (a Saturday worked in lieu) are the three working days.
    altered_by_reconsideration(w, case, date(2026, 9, 30))
    report = services.tick(on=date(2026, 9, 30))
    old.refresh_from_db()
    assert report.changed and old.change_kind == "changed" and old.changed_on == date(2026, 9, 30)
    assert "渝中府复〔2026〕7号" in old.change_reason
    assert old.withdrawal_due_on == date(2026, 10, 10)
    assert old.status == "withdrawn" and old.withdrawn_on == date(2026, 9, 30)
    new = old.republication
    assert new.status == "published" and new.previous == old and new.published_on == date(2026, 9, 30)
    assert new.index_number != old.index_number and new.document_number == old.document_number
    assert "依法变更" in new.amendment and old.index_number in new.amendment
    assert new.takedown_on == old.takedown_on  # the display period runs from the first publication
    assert old.get_status_display() == "已撤下" and "依法变更" in old.withdrawal_reason
    assert list(selectors.published_list()) == [new]
    assert list(selectors.withdrawn_list()) == [old]
    # Idempotent: the next run neither withdraws the new one nor republishes again.
    services.tick(on=date(2026, 10, 8))
    new.refresh_from_db()
    assert new.status == "published" and not new.change_kind
    assert Publication.objects.filter(decision=case.decision).count() == 2
    assert not selectors.late_publications(w.legal_office, on=date(2026, 10, 12)).exists()


@pytest.mark.clause("D5.6")
def test_a_change_recorded_before_the_holiday_is_withdrawn_and_republished_by_the_tick_after_it(w):
    _case, old = published(w)
    services.decision_change_record(
        actor=w.legal_office, publication=old, kind="changed", reason="复议变更", on=date(2026, 9, 30)
    )
    call_command("tick", "--on", "2026-10-08")
    old.refresh_from_db()
    assert old.status == "withdrawn" and old.withdrawn_on == date(2026, 10, 8) <= old.withdrawal_due_on
    assert old.republication.published_on == date(2026, 10, 8)
    assert old.republication.written_on == date(2026, 9, 30)


@pytest.mark.clause("D5.6")
def test_a_new_version_of_the_decision_document_is_a_correction_published_anew(w, settings, tmp_path):
    from zhifa.documents.tests.conftest import add_profile

    settings.DOCUMENT_ROOT = tmp_path / "documents"
    add_profile(w.agency)
    type(w.org).objects.filter(pk=w.org.pk).update(address="重庆市渝中区解放碑民族路88号")
    case = served(w, on=date(2026, 9, 1))
    doc = documents.document_issue(actor=w.zhang, case=case, kind=Kind.PENALTY_DECISION, on=case.decision.decided_on)
    services.tick(on=case.decision.served_on)
    old = Publication.objects.get(decision=case.decision)
    assert old.document_version == 1
    services.tick(on=date(2026, 9, 29))  # nothing changed yet
    old.refresh_from_db()
    assert old.status == "published"
    documents.document_correct(actor=w.zhang, document=doc, reason="更正当事人名称的笔误", on=date(2026, 9, 30))
    services.tick(on=date(2026, 9, 30))
    old.refresh_from_db()
    assert old.change_kind == "corrected" and "笔误" in old.change_reason and old.status == "withdrawn"
    assert old.republication.document_version == 2 and "依法更正" in old.republication.amendment
    services.tick(on=date(2026, 10, 8))
    assert Publication.objects.filter(decision=case.decision, status="published").count() == 1


@pytest.mark.clause("D5.6")
def test_a_revoked_decision_is_withdrawn_and_not_published_anew(w):
    _case, old = published(w)
    services.decision_change_record(
        actor=w.head, publication=old, kind="revoked", reason="本机关撤销", on=date(2026, 9, 30)
    )
    services.tick(on=date(2026, 10, 8))
    old.refresh_from_db()
    assert old.status == "withdrawn" and not Publication.objects.filter(previous=old).exists()
    with pytest.raises(DomainError) as e:
        services.publication_republish(actor=w.head, publication=old, on=date(2026, 10, 8))
    assert_refused(e, "D5.6", code="republish_only_a_changed_decision")
    assert R.republish_only_a_changed_decision("changed") is None


def test_republishing_before_the_old_is_withdrawn_or_twice_is_refused(w):
    _case, old = published(w)
    services.decision_change_record(
        actor=w.head, publication=old, kind="changed", reason="复议变更", on=date(2026, 9, 30)
    )
    with pytest.raises(DomainError) as e:
        services.publication_republish(actor=w.head, publication=old, on=date(2026, 9, 30))
    assert e.value.status == 409
    services.publication_withdraw(actor=w.head, publication=old, reason="决定已变更，撤下。", on=date(2026, 9, 30))
    new = services.publication_republish(actor=w.head, publication=old, on=date(2026, 9, 30))
    assert new.previous == old
    with pytest.raises(DomainError) as e:
        services.publication_republish(actor=w.head, publication=old, on=date(2026, 9, 30))
    assert e.value.status == 409


def test_the_public_pages_link_the_old_and_the_new_publication(w, client):
    case, old = published(w)
    altered_by_reconsideration(w, case, date(2026, 9, 30))
    services.tick(on=date(2026, 9, 30))
    old.refresh_from_db()
    new = old.republication
    page = client.get(new.get_absolute_url()).content.decode()
    assert "变更情况" in page and old.get_absolute_url() in page
    page = client.get(old.get_absolute_url()).content.decode()
    assert "已撤下" in page and new.get_absolute_url() in page
    api = client.get(f"/api/v1/portal/public/publications/{new.pk}").json()
    assert api["previous_id"] == old.pk and api["amendment"]
    assert client.get(f"/api/v1/portal/public/publications/{old.pk}").json()["republication_id"] == new.pk
    exported = client.get("/publications/export.json").json()["items"]
    assert [i["previous_index_number"] for i in exported] == [old.index_number]
    assert "原公开信息索引号" in client.get("/publications/export.csv").content.decode("utf-8-sig")


def test_the_prepare_page_refuses_an_unknown_number_at_the_field(w):
    with pytest.raises(DomainError) as e:
        selectors.decision_to_publish(w.head, "不存在的文号")
    assert e.value.field == "number" and e.value.status == 400


@pytest.mark.clause("D5.6")
def test_a_decision_changed_before_it_was_first_published_is_published_as_changed(w):
    from zhifa.cases import services as case_services
    from zhifa.cases.tests.builders import D0, decided, wd

    case = decided(w)
    services.tick(on=wd(D0, 13))
    pub = Publication.objects.get(decision=case.decision)
    assert pub.status == "pending"
    services.decision_change_record(
        actor=w.head, publication=pub, kind="changed", reason="本机关依法变更", on=wd(D0, 13)
    )
    assert R.changed_decision_not_published("changed") is None
    assert R.changed_decision_not_published("revoked") is not None
    case_services.decision_serve(actor=w.wang, case=case, method="direct", served_to="当事人", on=wd(D0, 14))
    services.tick(on=wd(D0, 14))
    pub.refresh_from_db()
    assert pub.status == "published" and "本机关依法变更" in pub.amendment and "变更后的决定" in pub.amendment
    assert pub.withdrawal_due_on is None and not Publication.objects.filter(previous=pub).exists()
