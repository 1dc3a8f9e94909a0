"""Accountability (D6.3a–b): a matter opened from a fault, its result, published."""

from __future__ import annotations

import pytest

from zhifa.cases.tests.builders import decided
from zhifa.core.errors import DomainError
from zhifa.oversight import selectors, services
from zhifa.people.standing import current_certificate
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


def opened(w, **kw):
    case = kw.pop("case", None) or decided(w)
    return services.matter_open(
        actor=w.legal_office,
        origin="review",
        case=case,
        fault=kw.pop("fault", "决定未答复当事人的陈述申辩。"),
        officers=kw.pop("officers", [w.zhang_officer]),
    )


@pytest.mark.clause("D6.3a")
def test_a_matter_names_the_fault_and_the_officers(w):
    with pytest.raises(DomainError) as e:
        opened(w, officers=[])
    assert_refused(e, "D6.3a", code="fault_and_officers_named", field="officers")
    with pytest.raises(DomainError) as e:
        opened(w, fault=" ")
    assert_refused(e, "D6.3a", code="fault_and_officers_named", field="fault")
    m = opened(w)
    assert m.number.startswith("追责〔2026〕") and m.agency_id == w.agency.pk


@pytest.mark.clause("D6.3a")
def test_the_result_needs_a_cause_and_heads_answer_for_serious_consequences(w):
    m = opened(w)
    with pytest.raises(DomainError) as e:
        services.matter_decide(actor=w.legal_office, matter=m, cause="", sanction="批评教育")
    assert_refused(e, "D6.3a", code="cause_and_responsibility_established", field="cause")
    with pytest.raises(DomainError) as e:
        services.matter_decide(
            actor=w.legal_office, matter=m, cause="疏忽", sanction="批评教育", serious_consequences=True
        )
    assert_refused(e, "D6.3a", code="head_accountable_for_serious_consequences")


@pytest.mark.clause("D6.3a")
def test_only_the_office_revokes_certificates_and_it_does_so_through_people(w):
    m = opened(w)
    with pytest.raises(DomainError) as e:
        services.matter_decide(
            actor=w.users["legal_office"].__class__.objects.create(
                username="jw-x", role="supervisor", government=w.district
            ),
            matter=m,
            cause="故意",
            sanction="吊销证件",
            certificate_revoked=True,
        )
    assert_refused(e, "D6.3a", code="revocation_by_the_office")
    services.matter_decide(
        actor=w.legal_office, matter=m, cause="故意不听取申辩", sanction="吊销证件", certificate_revoked=True
    )
    cert = current_certificate(w.zhang_officer, m.opened_on)
    cert.refresh_from_db()
    assert cert.revoked_on == m.opened_on and "追责" in cert.revocation_reason


@pytest.mark.clause("D6.3b")
def test_the_result_is_published_after_the_decision(w):
    m = opened(w)
    with pytest.raises(DomainError) as e:
        services.matter_publish(actor=w.legal_office, matter=m, public_summary="结果")
    assert_refused(e, "D6.3b", code="published_after_decision")
    services.matter_decide(actor=w.legal_office, matter=m, cause="疏忽", sanction="批评教育")
    with pytest.raises(DomainError) as e:
        services.matter_publish(actor=w.legal_office, matter=m, public_summary="")
    assert_refused(e, "D6.3b", code="published_after_decision")
    services.matter_publish(actor=w.legal_office, matter=m, public_summary="某局执法人员张执法未答复申辩，批评教育。")
    assert list(selectors.published_matters()) == [m]
