"""Evaluation (D6.4a–c): indicators from the records, the parties' opinions heard, fine
revenue never a measure (D2.3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhifa.cases.tests.builders import executing
from zhifa.core.errors import DomainError
from zhifa.oversight import evaluation, services
from zhifa.testing import Api, assert_api_refused, assert_refused

pytestmark = pytest.mark.django_db


def record(w, **kw):
    defaults = {
        "actor": w.legal_office,
        "year": 2026,
        "agency": w.agency,
        "score": Decimal("88"),
        "conclusion": "competent",
        "opinions": "召开企业座谈会两次，听取意见二十条。",
    }
    return services.evaluation_record(**{**defaults, **kw})


@pytest.mark.clause("D6.4b")
def test_an_evaluation_hears_the_parties(w):
    with pytest.raises(DomainError) as e:
        record(w, opinions="")
    assert_refused(e, "D6.4b", code="party_opinions_heard", field="opinions")
    case = executing(w)
    services.rating_submit(actor=w.zhang, party=case.party, case=case, kind="decision", score=4)
    ev = record(w)
    assert ev.ratings_heard == 1 and ev.indicators["rating_average"] == 4.0
    assert ev.indicators["decisions"] == 1


@pytest.mark.clause("D2.3")
def test_fine_revenue_is_never_a_measure(w):
    with pytest.raises(DomainError) as e:
        record(w, extra_indicators={"罚没款收入": 120000})
    assert_refused(e, "D2.3", code="fine_revenue_not_a_measure")
    assert not any("fine" in k or "amount" in k for k in evaluation.indicators(w.agency.pk, 2026))


@pytest.mark.clause("D6.4a")
def test_governments_evaluate_agencies_and_agencies_their_officers(w):
    with pytest.raises(DomainError) as e:
        record(w, actor=w.head)
    assert_refused(e, "D6.4a", code="evaluator_for_subject", field="agency")
    with pytest.raises(DomainError) as e:
        record(w, officer=w.zhang_officer)
    assert_refused(e, "D6.4a", code="evaluator_for_subject", field="officer")
    ev = record(w, actor=w.head, officer=w.zhang_officer, conclusion="excellent")
    assert ev.officer == w.zhang_officer and ev.indicators["supervision_overdue"] is None


@pytest.mark.clause("D2.3")
def test_evaluation_over_http_and_its_page(w, client):
    api = Api(client, w.legal_office)
    body = {
        "year": 2026,
        "agency_id": w.agency.pk,
        "score": "90",
        "conclusion": "excellent",
        "opinions": "问卷调查三百份。",
    }
    r = api.post("oversight/evaluations", {**body, "extra_indicators": {"fine_total": 1}})
    assert_api_refused(r, 422, clause="D2.3", code="fine_revenue_not_a_measure")
    r = api.post("oversight/evaluations", body)
    assert r.status_code == 201 and r.json()["indicators"]["reviews"] == 0
    r = api.get(f"oversight/evaluations/indicators?agency_id={w.agency.pk}&year=2026")
    assert r.status_code == 200 and r.json()["ratings"] == 0
    client.force_login(w.legal_office)
    assert "问卷" not in client.get("/oversight/evaluations/").content.decode()
    assert "优秀" in client.get("/oversight/evaluations/").content.decode()
    assert client.get("/oversight/evaluations/new/").status_code == 200
