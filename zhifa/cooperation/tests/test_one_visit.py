"""One visit instead of many (D2.1): before inspecting a party, an officer sees other
agencies' on-site inspections of it within a window."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.tests.builders import filed, inspect
from zhifa.cooperation import selectors
from zhifa.cooperation.tests.builders import D0, wd

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D2.1")
def test_an_officer_sees_other_agencies_recent_inspections_of_the_party(w, api):
    case = filed(w)
    inspect(w, case, wd(D0, 2))
    rows = selectors.inspections_by_others(w.other_officer, w.org, on=wd(D0, 10))
    assert [(r.agency, r.on) for r in rows] == [(w.agency.name, wd(D0, 2))]
    assert not selectors.inspections_by_others(w.zhang, w.org, on=wd(D0, 10))  # its own are not "others"
    assert not selectors.inspections_by_others(w.other_officer, w.org, on=wd(D0, 10), days=3)  # outside the window
    r = api(w.other_officer).get(f"cooperation/parties/{w.org.pk}/inspections?days=3660")
    assert r.status_code == 200 and r.json()["count"] == 1 and r.json()["items"][0]["agency"] == w.agency.name
    assert api(w.other_officer).get(f"cooperation/parties/{w.org.pk}/inspections?days=0").status_code == 400


def test_the_look_costs_the_same_queries_for_5_and_50_inspections(w):
    case = filed(w)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            selectors.inspections_by_others(w.other_officer, w.org, on=wd(D0, 10))
        return len(ctx.captured_queries)

    for _ in range(5):
        inspect(w, case, wd(D0, 2))
    five = count()
    for _ in range(45):
        inspect(w, case, wd(D0, 2))
    assert count() == five


@pytest.mark.clause("D2.1")
def test_other_agencies_planned_inspections_are_shown_too_so_that_they_can_be_joined_up(w):
    from datetime import date

    from zhifa.cooperation import services

    services.inspection_plan(actor=w.zhang, party=w.org, on=date(2026, 12, 10), place="某超市", items="食品经营")
    rows = selectors.inspections_by_others(w.other_officer, w.org)
    assert [(r.agency, r.on, r.planned) for r in rows] == [(w.agency.name, date(2026, 12, 10), True)]
    assert not selectors.inspections_by_others(w.zhang, w.org)
