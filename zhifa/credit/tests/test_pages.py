"""The credit and random-inspection pages, walked as the head and the drawn inspectors would."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.tests.builders import executing
from zhifa.credit import selectors, services
from zhifa.credit.models import CreditObjection, InspectionPlan
from zhifa.testing import make_party

pytestmark = pytest.mark.django_db


def test_a_plan_over_the_pages_from_the_seed_to_the_public_results(client, w):
    client.force_login(w.head)
    assert (
        client.post(
            "/credit/items/new/", {"code": "SJ-01", "name": "食品经营许可", "kind": "key", "basis": "食品安全法"}
        ).status_code
        == 302
    )
    for _ in range(3):
        assert client.post("/credit/targets/new/", {"party": make_party().pk}).status_code == 302
    for o in (w.zhang_officer, w.li_officer):
        assert client.post("/credit/inspectors/new/", {"officer": o.pk}).status_code == 302
    item = selectors.item_list(w.head).get()
    created = client.post(
        "/credit/plans/new/",
        {
            "title": "2026年食品双随机抽查",
            "year": 2026,
            "items": [item.pk],
            "target_count": 2,
            "inspectors_per_target": 2,
            "seed": "S-01",
        },
    )
    assert created.status_code == 302
    plan = InspectionPlan.objects.get()
    assert "S-01" in client.get(f"/credit/plans/{plan.pk}/").content.decode()
    assert client.post(f"/credit/plans/{plan.pk}/draw/", {}).status_code == 302
    targets = list(plan.targets.all())
    assert len(targets) == 2
    client.force_login(w.zhang)
    for t in targets:
        assert (
            client.post(f"/credit/drawn/{t.pk}/result/", {"result": "no_problem", "note": "证照齐全"}).status_code
            == 302
        )
    client.force_login(w.head)
    for t in targets:
        assert client.post(f"/credit/drawn/{t.pk}/review/", {}).status_code == 302
    assert client.post(f"/credit/plans/{plan.pk}/publish/", {}).status_code == 302
    client.logout()
    public = client.get(f"/credit/public/plans/{plan.pk}/").content.decode()
    assert "S-01" in public and "未发现问题" in public and targets[0].party.name in public
    assert "2026年食品双随机抽查" in client.get("/credit/public/plans/").content.decode()


def test_a_drawn_result_by_someone_not_drawn_is_refused_at_the_field(client, w):
    item = services.item_create(actor=w.head, code="SJ-02", name="标签标识", kind="general", basis="食品安全法")
    services.target_add(actor=w.zhang, party=make_party())
    for o in (w.zhang_officer, w.li_officer):
        services.inspector_add(actor=w.head, officer=o)
    plan = services.plan_draw(
        actor=w.head,
        plan=services.plan_create(actor=w.head, title="抽查", year=2026, items=[item], target_count=1, seed="x"),
    )
    client.force_login(w.wang)
    response = client.post(f"/credit/drawn/{plan.targets.get().pk}/result/", {"result": "corrected"})
    assert response.status_code == 422 and "D3.8" in response.content.decode()


def test_the_rating_page_explains_each_line_and_takes_an_objection(client, w):
    party = executing(w).party
    client.force_login(w.zhang)
    page = client.get(f"/credit/parties/{party.pk}/").content.decode()
    assert "90" in page and "罚款或没收" in page and "令第45号" in page
    key = f"decision:{party.cases.get().decision.pk}"
    assert (
        client.post(f"/credit/parties/{party.pk}/objections/new/", {"line_key": key, "reason": "已被撤销"}).status_code
        == 302
    )
    objection = CreditObjection.objects.get()
    client.force_login(w.head)
    assert objection.line_label in client.get("/credit/objections/").content.decode()
    answered = client.post(
        f"/credit/objections/{objection.pk}/answer/", {"upheld": "0", "answer": "经核实决定仍然有效，异议不成立。"}
    )
    assert answered.status_code == 302
    objection.refresh_from_db()
    assert objection.status == "rejected"


def test_the_plan_lists_issue_the_same_queries_for_5_and_50(client, w):
    item = services.item_create(actor=w.head, code="SJ-03", name="台账", kind="general", basis="食品安全法")

    def plans(n):
        for i in range(n):
            p = services.plan_create(actor=w.head, title=f"抽查{i}", year=2026, items=[item], target_count=1)
            InspectionPlan.objects.filter(pk=p.pk).update(status="published", published_on=p.seed_published_on)

    plans(5)
    client.force_login(w.head)
    client.get("/credit/plans/")
    with CaptureQueriesContext(connection) as five:
        client.get("/credit/plans/")
        client.get("/credit/public/plans/")
    plans(45)
    with CaptureQueriesContext(connection) as fifty:
        client.get("/credit/plans/")
        client.get("/credit/public/plans/")
    assert len(fifty.captured_queries) == len(five.captured_queries)
