"""Refusals that say why (issue 7): an act in a wrong state that a rule explains names the
rule and its day."""

import pytest

from zhifa.cases import periods, services
from zhifa.cases.tests.builders import D0, notified, wd
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D3.9a")
def test_deciding_before_the_defence_period_ends_names_d39a_and_the_day_it_ends(w, api):
    case = notified(w)  # served on wd(D0, 4)
    end = periods.defence_due(case.notices.get().served_on)
    res = api(w.head).post(f"cases/{case.pk}/decision", {"on": str(wd(D0, 6))})
    body = assert_api_refused(res, 409, clause="D3.9a", code="defence_period_run")
    assert f"{end.year}年{end.month}月{end.day}日" in body["message"]
    assert body["errors"][-1]["code"] == "conflict" and "已告知" in body["errors"][-1]["message"]
    # The act's page (today, the period long over) says what the case waits for.
    page = api(w.head).client.get(f"/cases/{case.pk}/acts/decide/")
    assert page.status_code == 409 and "已告知" in page.content.decode()


@pytest.mark.clause("D3.9a")
def test_once_the_period_has_run_the_wrong_state_names_no_rule(w, api):
    case = notified(w)
    res = api(w.head).post(f"cases/{case.pk}/decision", {"on": str(wd(D0, 12))})
    body = assert_api_refused(res, 409)
    assert body["code"] == "conflict" and body["clauses"] == []
    services.decision_submit(actor=w.zhang, case=case, on=wd(D0, 12))
