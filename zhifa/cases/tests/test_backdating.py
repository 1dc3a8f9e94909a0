"""Dates that defeat the deadlines (issue 7): an act's legal date may be earlier than the day
it is entered, but the entry time is kept beside it and shown, a written reason is needed when
the earlier date is what meets a deadline (D1.4), the legal affairs office sees every such
act; no act is dated before the case's previous act; future dates are refused everywhere."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases import selectors, services
from zhifa.cases.models import BackdatedAct, Case, Status
from zhifa.cases.tests.builders import D0, clue, filed, propose, wd
from zhifa.core.errors import DomainError
from zhifa.testing import assert_api_refused, assert_refused, frozen

pytestmark = pytest.mark.django_db

RECEIVED = date(2026, 11, 3)  # the filing deadline (15 working days) ends on 2026-11-24; today is 2026-12-01


@pytest.mark.clause("D1.4")
@pytest.mark.entry_clock
def test_approving_filing_dated_back_into_the_deadline_needs_a_reason_and_is_flagged(w, client):
    case = propose(w, clue(w, on=RECEIVED), on=date(2026, 11, 20))
    with pytest.raises(DomainError) as e:
        services.filing_approve(actor=w.head, case=case, on=date(2026, 11, 24))
    assert_refused(e, "D1.4", code="backdating_reasoned", field="backdated_reason")
    assert "2026年11月24日" in str(e.value)
    assert Case.objects.get(pk=case.pk).status == Status.FILING_PENDING
    reason = "11月24日已在纸质立案审批表上签批，系统当日故障，12月1日补录。"
    services.filing_approve(actor=w.head, case=case, on=date(2026, 11, 24), backdated_reason=reason)
    act = BackdatedAct.objects.get(case=case, act="filing_approve")
    assert act.on == date(2026, 11, 24) and act.entered_on == date(2026, 12, 1) and act.reason == reason
    assert act.deadline == "决定是否立案" and act.due == date(2026, 11, 24) and act.decides_deadline
    # The clue and the proposal were typed in later too: kept, with no deadline at stake.
    assert set(BackdatedAct.objects.filter(case=case).values_list("act", flat=True)) == {
        "clue_register",
        "filing_propose",
        "filing_approve",
    }
    # The legal affairs office is told (the selector the oversight alert reads, and its page).
    assert act in selectors.backdated_acts(w.legal_office)
    assert not selectors.backdated_acts(w.other_head).exists()
    client.force_login(w.legal_office)
    page = client.get("/cases/backdated/?deadline=1").content.decode()
    assert reason in page and "按办理日期才在期限内" in page and "批准立案" in page
    # The case page shows the entry beside the legal date.
    client.force_login(w.head)
    assert "补录：办理日期早于登记日期2026-12-01" in client.get(f"/cases/{case.pk}/").content.decode()


@pytest.mark.clause("D1.4")
@pytest.mark.entry_clock
def test_a_backdated_act_whose_date_decides_no_deadline_needs_no_reason(w):
    # Dated 11-26, after the filing deadline of 11-24: late whichever day counts (the late
    # reason is asked for by filing_decided_in_time), so the earlier date decides nothing.
    case = propose(w, clue(w, on=RECEIVED), on=date(2026, 11, 5))
    services.filing_approve(actor=w.head, case=case, on=date(2026, 11, 26), late_reason="案情核实耗时")
    act = BackdatedAct.objects.get(case=case, act="filing_approve")
    assert act.reason == "" and act.due == date(2026, 11, 24) and not act.decides_deadline


@pytest.mark.clause("D1.4")
@pytest.mark.entry_clock
def test_an_act_entered_the_day_it_is_dated_is_not_flagged(w):
    today = date(2026, 12, 1)
    case = propose(w, clue(w, on=today), on=today)
    services.filing_approve(actor=w.head, case=case, on=today)
    assert not BackdatedAct.objects.filter(case=case).exists()


@pytest.mark.clause("D1.5")
def test_no_act_is_dated_before_the_cases_previous_act(w):
    case = filed(w)  # approved on wd(D0, 1)
    services.recusal_apply(
        actor=w.zhang, case=case, officer=w.li_officer, applicant="party", grounds="亲属关系", on=wd(D0, 5)
    )
    with pytest.raises(DomainError) as e:
        services.recusal_apply(
            actor=w.zhang, case=case, officer=w.zhang_officer, applicant="party", grounds="同学", on=wd(D0, 3)
        )
    assert_refused(e, "D1.5", code="act_dated_truthfully", field="on")


@pytest.mark.clause("D1.5")
def test_future_dates_are_refused_everywhere(w, api):
    res = api(w.zhang).post(
        "cases/",
        {"source": "complaint", "received_on": "2026-11-30", "summary": "群众举报", "act_date": "2099-01-01"},
    )
    assert_api_refused(res, 400, code="future_date")
    assert res.json()["field"] == "act_date"
    res = api(w.zhang).post("cases/", {"source": "complaint", "received_on": "2099-01-01", "summary": "群众举报"})
    assert_api_refused(res, 422, clause="D1.5", code="act_dated_truthfully")


@pytest.mark.entry_clock
def test_the_backdated_list_issues_the_same_queries_for_5_and_50_rows(w, client):
    client.force_login(w.legal_office)

    def count(n):
        while BackdatedAct.objects.count() < n:
            clue(w, on=RECEIVED)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/cases/backdated/").status_code == 200
        return len(ctx.captured_queries)

    assert count(5) == count(50)


@pytest.mark.entry_clock
@pytest.mark.clause("D1.4")
def test_handing_over_cash_dated_back_into_its_two_days_needs_a_reason(w):
    with frozen(date(2026, 11, 23)):
        case = services.simple_penalty(
            actor=w.zhang,
            party=w.person,
            violation_item=w.item,
            place=w.district,
            place_detail="解放碑",
            act_date=date(2026, 11, 23),
            facts="当场发现销售过期食品。",
            terms={"fine": "50"},
            basis_articles=[w.article],
            certificates_shown=True,
            collect_on_spot=True,
            ticket_number="渝财罚0001",
        )
    with pytest.raises(DomainError) as e:
        services.on_spot_handover(actor=w.zhang, case=case, on=date(2026, 11, 24))
    assert_refused(e, "D1.4", code="backdating_reasoned", field="backdated_reason")
    services.on_spot_handover(actor=w.zhang, case=case, on=date(2026, 11, 24), backdated_reason="纸质交款单补录")
    assert BackdatedAct.objects.get(case=case, act="on_spot_handover").decides_deadline
