"""The regulated party's rating of an inspection or a decision (D6.4b)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from zhifa.cases.tests.builders import decided, executing, filed, inspect, wd
from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.oversight import selectors
from zhifa.oversight.services import rating_submit
from zhifa.testing import make_party

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D6.4b")
def test_the_party_rates_an_inspection_and_a_served_decision(w):
    case = executing(w)
    inspection = case.inspections.first()
    r1 = rating_submit(actor=w.zhang, party=case.party, case=case, kind="inspection", inspection=inspection, score=4)
    r2 = rating_submit(actor=w.zhang, party=case.party, case=case, kind="decision", score=2, comment="罚款偏重")
    assert r1.agency_id == r2.agency_id == case.agency_id
    summary = selectors.rating_summary(w.legal_office)
    assert summary[0]["count"] == 2 and summary[0]["average"] == 3
    with pytest.raises(DomainError) as e:
        rating_submit(actor=w.zhang, party=case.party, case=case, kind="decision", score=5)
    assert e.value.status == 400  # one rating of a decision per party


@pytest.mark.clause("D6.4b")
def test_only_the_case_party_rates(w):
    case = executing(w)
    stranger = make_party("person", name="路人甲", government=w.district)
    with pytest.raises(DomainError) as e:
        rating_submit(actor=w.zhang, party=stranger, case=case, kind="decision", score=1)
    assert e.value.code == "rating_by_the_party"


@pytest.mark.clause("D6.4b")
def test_a_decision_not_yet_served_cannot_be_rated(w):
    case = decided(w)
    with pytest.raises(DomainError) as e:
        rating_submit(actor=w.zhang, party=case.party, case=case, kind="decision", score=3)
    assert e.value.code == "rating_after_the_act"


@pytest.mark.clause("D6.4b")
def test_an_inspection_is_rated_after_it_and_scores_are_one_to_five(w):
    case = filed(w)
    inspection = inspect(w, case, wd(case.filed_on, 1))
    with pytest.raises(DomainError) as e:
        rating_submit(
            actor=w.zhang,
            party=case.party,
            case=case,
            kind="inspection",
            inspection=inspection,
            score=3,
            on=inspection.on - timedelta(days=1),
        )
    assert e.value.code == "rating_after_the_act"
    for bad in (0, 6, "5"):
        with pytest.raises(DomainError) as e:
            rating_submit(
                actor=w.zhang, party=case.party, case=case, kind="inspection", inspection=inspection, score=bad
            )
        assert e.value.field == "score"
    assert clock.today() >= inspection.on
