"""One record can take down an agency (issue 7): a date outside the period the platform's
dated parameters cover is refused at input, and a record already stored with such a date
(or any date a deadline cannot be computed from) never makes a read fail: the deadline
shows as 未知 with the reason."""

from datetime import date

import pytest

from zhifa.cases import selectors, services
from zhifa.cases.models import Case, Status
from zhifa.cases.periods import COVERED_FROM
from zhifa.cases.tests.builders import D0, clue, filed
from zhifa.core.errors import DomainError
from zhifa.testing import assert_refused, make_user

pytestmark = pytest.mark.django_db


def test_the_platform_covers_dates_from_the_revised_penalty_law():
    assert date(2021, 7, 15) == COVERED_FROM


def test_a_clue_received_before_the_covered_period_is_refused_at_input(w, api):
    before = Case.objects.count()
    res = api(w.zhang).post(
        "cases/", {"source": "complaint", "received_on": "2000-01-01", "summary": "群众举报：某超市销售过期食品。"}
    )
    assert res.status_code == 400, res.content
    body = res.json()
    assert body["field"] == "received_on" and body["code"] == "date_not_covered"
    assert "2021-07-15" in body["message"]
    assert Case.objects.count() == before  # nothing half-saved, so a retry adds nothing


def test_the_clue_form_refuses_it_at_the_field(client, w):
    client.force_login(w.zhang)
    res = client.post(
        "/cases/new/",
        {"source": "complaint", "received_on": "2000-01-01", "summary": "群众举报：某超市销售过期食品。"},
    )
    assert res.status_code == 400
    assert "2021-07-15" in res.content.decode()
    assert not Case.objects.filter(received_on=date(2000, 1, 1)).exists()


@pytest.mark.parametrize("stored", [date(2000, 1, 1), date(9999, 12, 31)])
def test_a_stored_clue_whose_deadline_cannot_be_computed_breaks_no_read(client, w, api, stored):
    bad = clue(w)
    Case.objects.filter(pk=bad.pk).update(received_on=stored)  # as an insider or an old import would
    good = filed(w)
    supervisor = make_user("supervisor", government=w.district, username="jw-stored")
    readers = [w.zhang, w.head, w.reviewer, w.legal_office, supervisor]
    for user in readers:
        client.force_login(user)
        for url in ("/cases/workbench/", "/cases/", f"/cases/{bad.pk}/", "/cases/approvals/"):
            res = client.get(url)
            assert res.status_code in (200, 403), (user.role, url, res.status_code)
        assert client.get(f"/cases/{bad.pk}/").content.decode().count("未知") >= 1
        res = api(user).get("cases/")
        assert res.status_code == 200, (user.role, res.content[:300])
        rows = {r["id"]: r for r in res.json()["items"]}
        assert rows[bad.pk]["deadline"]["level"] == "unknown"
        assert rows[bad.pk]["deadline"]["due"] is None and rows[bad.pk]["deadline"]["reason"]
        assert rows[good.pk]["deadline"]["level"] in ("red", "yellow", "green")
        res = api(user).get(f"cases/{bad.pk}")
        assert res.status_code == 200 and res.json()["deadline"]["level_label"] == "未知"
    board = selectors.workbench(w.zhang)
    assert any(r.case.pk == bad.pk and r.level == "unknown" for r in board["rows"])


def test_the_head_can_refuse_filing_a_clue_whose_deadline_is_unknown(w):
    bad = clue(w)
    Case.objects.filter(pk=bad.pk).update(received_on=date(2000, 1, 1))
    bad.refresh_from_db()
    with pytest.raises(DomainError) as e:
        services.filing_refuse(actor=w.head, case=bad, reason="重复登记")
    assert_refused(e, "D1.4", code="filing_decided_in_time", field="late_reason")
    assert "未知" in str(e.value) or "无法计算" in str(e.value)
    services.filing_refuse(actor=w.head, case=bad, reason="重复登记", late_reason="系统迁移前的旧线索，日期有误")
    bad.refresh_from_db()
    assert bad.status == Status.NOT_FILED


def test_acts_dated_before_the_covered_period_are_refused(w):
    with pytest.raises(DomainError) as e:
        services.clue_register(
            actor=w.zhang, source="complaint", received_on=date(2021, 7, 14), summary="线索", on=date(2021, 7, 14)
        )
    assert e.value.code == "date_not_covered"
    assert clue(w, on=D0).pk
