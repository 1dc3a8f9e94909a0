"""What the hot operations cost in queries (issue 13): registering a clue at most 15, a
token's use written at most once a minute, the working days of a row counted once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.tests.builders import D0
from zhifa.testing import Api

pytestmark = pytest.mark.django_db

CLUE_QUERY_BUDGET = 15


def _clue(w):
    return {
        "source": "complaint",
        "received_on": D0,
        "on": D0,
        "summary": "群众举报：超市销售过期牛奶。",
        "party_id": w.org.pk,
        "violation_item_id": w.item.pk,
        "place_id": w.district.pk,
        "act_date": D0 - timedelta(days=2),
        "reporter_name": "市民甲",
    }


def test_registering_a_clue_takes_at_most_15_queries(client, w):
    api = Api(client, w.zhang)
    api.post("cases/", _clue(w))  # the first request warms the session and caches
    with CaptureQueriesContext(connection) as ctx:
        res = api.post("cases/", _clue(w))
    assert res.status_code == 201, res.content
    assert res.json()["status"] == "clue"
    # The test runs in a transaction, so the act's own becomes SAVEPOINT / RELEASE statements;
    # in a request its BEGIN and COMMIT are not queries. Those are not counted.
    queries = [q["sql"] for q in ctx.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(queries) <= CLUE_QUERY_BUDGET, "\n".join(q[:160] for q in queries)


def test_the_new_clue_is_answered_as_a_read_of_it_would_show_it(client, w):
    api = Api(client, w.zhang)
    created = api.post("cases/", _clue(w)).json()
    assert created == api.get(f"cases/{created['id']}").json()
