"""The dashboard: every chart's number equals the count of the rows its drill-down lists,
on the page, in the API and in the Excel export."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from zhifa.cases.tests.builders import clue, decided, executing, filed
from zhifa.core import clock
from zhifa.oversight import dashboard, services
from zhifa.testing import Api

pytestmark = pytest.mark.django_db


def world_of_records(w):
    clue(w)
    filed(w)
    case = executing(w)
    decided(w)
    item = services.reconsideration_record(
        actor=w.legal_office,
        case=case,
        number="复1",
        body="区政府",
        applicant="甲",
        known_on=case.decision.served_on,
        applied_on=case.decision.served_on + timedelta(days=2),
    )
    services.reconsideration_accept(actor=w.legal_office, item=item, accepted=True, on=item.applied_on)
    rnd = services.review_round_open(actor=w.legal_office, kind="spot", agency=w.agency, year=2026, seed="d")
    r = rnd.reviews.first()
    services.case_review_complete(
        actor=w.legal_office,
        review=r,
        scores={"body": 20, "procedure": 10, "facts": 20, "evidence": 20, "law": 15},
        confirmed=[],
    )


def test_every_number_equals_its_drill_down(w, client):
    world_of_records(w)
    on = clock.today()
    charts = dashboard.charts(w.legal_office, on)
    assert {c.metric for c in charts} == {
        "stage",
        "agency",
        "alert",
        "departures",
        "review",
        "reconsideration",
        "lawsuit",
    }
    api = Api(client, w.legal_office)
    data = api.get("oversight/dashboard").json()
    assert data == dashboard.as_data(charts)
    nonzero = 0
    for c in data:
        for b in c["bars"]:
            drilled = api.get(f"oversight/dashboard/cases?metric={c['metric']}&key={b['key']}&limit=100").json()
            assert drilled["count"] == b["count"] == len(drilled["items"]), (c["metric"], b["key"])
            nonzero += bool(b["count"])
    assert nonzero >= 8
    review = next(c for c in charts if c.metric == "review")
    assert [b.count for b in review.bars] == [0, 0, 1, 0]
    remedy = next(c for c in charts if c.metric == "reconsideration")
    assert next(b for b in remedy.bars if b.key == "pending").count == 1


def test_the_page_draws_from_a_json_block_and_exports_to_excel(w, client):
    world_of_records(w)
    client.force_login(w.legal_office)
    html = client.get("/oversight/dashboard/").content.decode()
    assert 'id="dashboard-data" type="application/json"' in html
    assert "echarts-5.6.0.min.js" in html and "<script>" not in html
    r = client.get("/oversight/dashboard/?format=xlsx")
    wb = load_workbook(io.BytesIO(r.content))
    assert "案件：按办理阶段" in wb.sheetnames
    page = client.get("/oversight/dashboard/cases/?metric=stage&key=clue")
    assert page.status_code == 200
    r = client.get("/oversight/dashboard/cases/?metric=stage&key=clue&format=xlsx")
    rows = list(load_workbook(io.BytesIO(r.content)).active.values)
    assert rows[0][0] == "案号" and len(rows) == 1 + 1
    assert client.get("/oversight/dashboard/cases/?metric=nonsense&key=x").status_code == 404
