"""Case-file review (D6.2b–c): the reproducible sample, the findings pre-filled from the
record, the reviewer's scores."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from zhifa.cases.models import Decision, Defence, DefencePoint, Inspection
from zhifa.cases.tests.builders import decided, executing
from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.oversight import review as file_review
from zhifa.oversight import rules, services
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


def codes(case) -> set[str]:
    return {f.code for f in file_review.findings(case)}


def test_the_sample_is_reproducible_from_the_published_seed():
    ids = list(range(1, 101))
    a = file_review.sample(list(reversed(ids)), "2027-抽查", 10)
    assert a == file_review.sample(ids, "2027-抽查", 10)
    assert a != file_review.sample(ids, "another", 10)
    assert len(set(a)) == 10


@pytest.mark.clause("D6.2b")
def test_a_clean_file_has_no_findings_and_faults_are_found(w):
    case = executing(w)
    assert codes(case) == set()
    d = Defence.objects.create(case=case, received_on=case.decision.decided_on, form="written", made_by="当事人")
    DefencePoint.objects.create(defence=d, number=1, text="不知道已过期")
    Decision.objects.filter(case=case).update(reasons="处罚款5,000元。", defence_answers="")
    lone = Inspection.objects.create(
        case=case, kind="inquiry", on=case.filed_on, place="机关", subject="店长", record="询问"
    )
    lone.officers.add(w.zhang_officer)
    case.refresh_from_db()
    found = codes(case)
    assert {"defence_not_answered", "amount_disagrees", "one_officer"} <= found
    w.article.basis.__class__.objects.filter(pk=w.article.basis_id).update(repealed_on=case.decision.decided_on)
    assert "basis_not_in_force" in codes(case)


@pytest.mark.clause("D6.2b")
def test_a_notice_never_served_and_an_expired_certificate_are_found(w):
    case = decided(w)
    case.notices.update(served_on=None)
    w.li_officer.certificates.update(expires_on=case.filed_on)
    found = codes(case)
    assert {"missing_notice", "certificate_invalid"} <= found


@pytest.mark.clause("D6.2c")
def test_a_round_samples_the_agencys_decided_files_of_the_year(w):
    cases = [decided(w, on=clock.today() - timedelta(days=200 + 5 * i)) for i in range(3)]
    rnd = services.review_round_open(
        actor=w.legal_office, kind="spot", agency=w.agency, year=2026, sample_size=2, seed="s1"
    )
    assert rnd.population == 3 and rnd.sample_size == 2 and rnd.seed == "s1"
    expected = file_review.sample([c.pk for c in cases], "s1", 2)
    assert [r.case_id for r in rnd.reviews.order_by("position")] == expected
    with pytest.raises(DomainError) as e:
        services.review_round_open(actor=w.legal_office, kind="spot", agency=w.agency, year=2027)
    assert_refused(e, "D6.2c", code="review_of_a_year_begun")
    with pytest.raises(DomainError) as e:
        services.review_round_open(actor=w.legal_office, kind="spot", agency=w.agency, year=2024)
    assert_refused(e, "D6.2c", code="sample_not_empty")
    with pytest.raises(DomainError) as e:
        services.review_round_open(actor=w.head, kind="spot", agency=w.agency, year=2026)
    assert e.value.status == 403
    own = services.review_round_open(actor=w.head, kind="self", agency=w.agency, year=2026)
    assert own.sample_size == 3


@pytest.mark.clause("D6.2b")
def test_the_reviewer_scores_each_dimension_and_a_confirmed_fault_lowers_it(w):
    case = decided(w)
    Decision.objects.filter(case=case).update(reasons="罚款1元。")
    rnd = services.review_round_open(actor=w.legal_office, kind="spot", agency=w.agency, year=2026, seed="x")
    review = rnd.reviews.get()
    assert [f["code"] for f in review.prefilled] == ["amount_disagrees"]
    full = dict.fromkeys(("body", "procedure", "facts", "evidence", "law"), 20)
    with pytest.raises(DomainError) as e:
        services.case_review_complete(actor=w.legal_office, review=review, scores=full, confirmed=["amount_disagrees"])
    assert_refused(e, "D6.2b", code="review_scored", field="facts")
    with pytest.raises(DomainError) as e:
        services.case_review_complete(actor=w.legal_office, review=review, scores={**full, "law": None}, confirmed=[])
    assert_refused(e, "D6.2b", code="review_scored", field="law")
    with pytest.raises(DomainError) as e:
        services.case_review_complete(actor=w.head, review=review, scores=full, confirmed=[])
    assert e.value.status == 403
    done = services.case_review_complete(
        actor=w.legal_office, review=review, scores={**full, "facts": 15}, confirmed=["amount_disagrees"], added="无"
    )
    assert done.total == 95 and done.confirmed[0]["code"] == "amount_disagrees"
    assert file_review.prefilled_scores(done.confirmed)["facts"] == 15


def test_the_rule_passes_a_complete_scoring():
    assert rules.review_scored(dict.fromkeys(("body", "procedure", "facts", "evidence", "law"), 20), 20, []) is None
    assert Decimal("1") == 1
