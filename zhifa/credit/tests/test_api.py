"""The credit API: the rating line by line, objections, plans drawn and published."""

from __future__ import annotations

import pytest

from zhifa.cases.tests.builders import executing
from zhifa.credit import services
from zhifa.testing import Api, assert_api_refused, make_party

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D5.7")
def test_the_rating_and_an_objection_over_the_api(client, w):
    party = executing(w).party
    officer = Api(client, w.zhang)
    rating = officer.get(f"credit/parties/{party.pk}/rating").json()
    assert rating["score"] == 90 and rating["grade"] == "A" and rating["lines"][0]["full_points"] == 10
    key = rating["lines"][0]["key"]
    bad = officer.post(f"credit/parties/{party.pk}/objections", {"line_key": "decision:0", "reason": "不是我们"})
    assert_api_refused(bad, 422, clause="D5.7", code="objection_names_a_line")
    created = officer.post(f"credit/parties/{party.pk}/objections", {"line_key": key, "reason": "已被撤销"})
    assert created.status_code == 201
    head = Api(client, w.head)
    answered = head.post(
        f"credit/objections/{created.json()['id']}/answer", {"upheld": True, "answer": "经核实已撤销，异议成立。"}
    )
    assert answered.json()["status"] == "upheld"
    assert Api(client, w.zhang).get(f"credit/parties/{party.pk}/rating").json()["score"] == 100


def test_a_plan_drawn_and_published_over_the_api(client, w):
    item = services.item_create(actor=w.head, code="SJ-01", name="许可", kind="general", basis="食品安全法")
    services.target_add(actor=w.zhang, party=make_party())
    for o in (w.zhang_officer, w.li_officer):
        services.inspector_add(actor=w.head, officer=o)
    plan = services.plan_create(actor=w.head, title="抽查", year=2026, items=[item], target_count=1, seed="api")
    head = Api(client, w.head)
    drawn = head.post(f"credit/plans/{plan.pk}/draw").json()
    assert drawn["status"] == "drawn" and len(drawn["targets"][0]["inspector_ids"]) == 2
    assert head.post(f"credit/plans/{plan.pk}/publish").status_code == 400  # no result yet
    target = plan.targets.get()
    services.result_enter(actor=w.zhang, target=target, result="no_problem", note="正常")
    services.result_review(actor=w.head, target=target)
    assert head.post(f"credit/plans/{plan.pk}/publish").json()["status"] == "published"
    public = Api(client).get(f"credit/public/plans/{plan.pk}").json()
    assert public["seed"] == "api" and public["targets"][0]["result"] == "no_problem"
    assert Api(client, w.other_officer).get(f"credit/plans/{plan.pk}").status_code == 404
