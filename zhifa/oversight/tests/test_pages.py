"""The alert board, the cases behind an alert, consistency and ratings pages and their
API reads; a list of 5 and of 50 rows costs the same number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.models import Case
from zhifa.cases.tests.builders import clue
from zhifa.core import clock
from zhifa.oversight import services
from zhifa.testing import Api

pytestmark = pytest.mark.django_db


def clues(w, n):
    start = Case.objects.count()
    for i in range(n - start):
        Case.objects.create(
            agency=w.agency,
            source="complaint",
            received_on=clock.today() - timedelta(days=60 + i),
            summary=f"举报{i}",
            party=w.org,
            violation_item=w.item,
            created_by=w.zhang,
        )


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url)
    assert r.status_code == 200, r.content[:500]
    return len(ctx.captured_queries)


def test_the_board_counts_and_drills_down(w, client):
    clue(w)
    client.force_login(w.legal_office)
    html = client.get("/oversight/alerts/").content.decode()
    assert "逾期未决定立案" in html and "D1.4" in html and "行政处罚法第五十四条" in html
    html = client.get("/oversight/alerts/filing_late/").content.decode()
    assert "群众举报" in html or "线索" in html
    assert "督办" in html
    assert client.get("/oversight/alerts/nonsense/").status_code == 404
    assert client.get("/oversight/consistency/?by=officer").status_code == 200


def test_alert_api_counts_equal_the_rows_behind(w, client):
    clue(w)
    api = Api(client, w.legal_office)
    kinds = api.get("oversight/alerts").json()
    for k in kinds:
        body = api.get(f"oversight/alerts/{k['code']}?limit=100").json()
        assert body["count"] == k["count"] == len(body["items"]), k["code"]
    assert api.get("oversight/alerts/nonsense").status_code == 404
    assert Api(client, None).get("oversight/alerts").status_code == 401


def test_alert_cases_list_costs_the_same_for_5_and_50_rows(w, client):
    client.force_login(w.legal_office)
    api = Api(client, w.legal_office)
    clues(w, 5)
    few = queries(client, "/oversight/alerts/filing_late/?page=1")
    few_api = len_api = None
    with CaptureQueriesContext(connection) as ctx:
        api.get("oversight/alerts/filing_late?limit=100")
    few_api = len(ctx.captured_queries)
    clues(w, 50)
    assert queries(client, "/oversight/alerts/filing_late/?page=1") == few
    with CaptureQueriesContext(connection) as ctx:
        body = api.get("oversight/alerts/filing_late?limit=100").json()
    len_api = len(ctx.captured_queries)
    assert body["count"] == 50 and len_api == few_api


def test_notice_and_rating_lists_cost_the_same_for_5_and_50_rows(w, client):
    client.force_login(w.legal_office)
    case = clue(w)

    def notices(n):
        from zhifa.oversight.models import SupervisionNotice

        while SupervisionNotice.objects.count() < n:
            services.supervision_issue(
                actor=w.legal_office,
                agency=w.agency,
                case=case,
                subject="督办",
                requirement="请整改。",
                due_on=clock.today() + timedelta(days=5),
            )

    notices(5)
    few = (queries(client, "/oversight/notices/"), queries(client, "/api/v1/oversight/notices?limit=100"))
    few_r = (queries(client, "/oversight/ratings/"), queries(client, "/api/v1/oversight/ratings?limit=100"))
    notices(50)
    assert (queries(client, "/oversight/notices/"), queries(client, "/api/v1/oversight/notices?limit=100")) == few
    assert (queries(client, "/oversight/ratings/"), queries(client, "/api/v1/oversight/ratings?limit=100")) == few_r
