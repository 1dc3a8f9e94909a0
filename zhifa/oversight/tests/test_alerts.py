"""Alerts are queries over the live records: each kind finds the case that breaks its
clause and not the one that keeps it; the counts equal the rows behind them."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from zhifa.cases import services as cs
from zhifa.cases.models import Case, CaseOfficer
from zhifa.cases.tests.builders import D0, clue, decided, executing, filed, inspect, wd
from zhifa.core import clock
from zhifa.oversight import alerts, selectors
from zhifa.testing import make_agency, make_party

pytestmark = pytest.mark.django_db


def found(code: str, on: date | None = None) -> set[int]:
    return set(alerts.BY_CODE[code].find(Case.objects.all(), on or clock.today()).values_list("pk", flat=True))


def test_last_start_is_the_latest_start_whose_deadline_has_passed():
    from zhifa.cases import periods

    on = date(2026, 12, 1)
    cut = alerts.last_start(periods.filing_due, on)
    assert periods.filing_due(cut) < on <= periods.filing_due(cut + timedelta(days=1))


@pytest.mark.clause("D1.4")
def test_a_clue_left_past_fifteen_working_days_is_late_and_a_fresh_one_is_not(w):
    old = clue(w)
    fresh = clue(w, on=clock.today() - timedelta(days=2))
    assert old.pk in found("filing_late")
    assert fresh.pk not in found("filing_late")


@pytest.mark.clause("D1.4")
def test_a_filed_case_past_its_ninety_days_is_late_and_near_shows_before(w):
    case = filed(w)
    assert case.pk in found("decision_late")
    assert case.pk not in found("decision_near")
    assert case.pk in found("decision_near", on=case.decision_due_on - timedelta(days=1))
    assert case.pk not in found("decision_late", on=case.decision_due_on)


@pytest.mark.clause("D1.4")
def test_a_decision_not_served_in_seven_working_days_is_late(w):
    case = decided(w)
    assert case.pk in found("service_late")
    assert case.pk not in found("service_late", on=case.decision.decided_on + timedelta(days=3))


@pytest.mark.clause("D3.9b")
def test_an_unpaid_fine_past_its_period_is_late_and_without_reminder_flagged(w):
    case = executing(w)
    assert case.pk in found("payment_late")
    assert case.pk in found("reminder_missing")
    assert case.pk not in found("payment_late", on=case.decision.served_on + timedelta(days=5))
    cs.payment_record(
        actor=w.wang,
        case=case,
        paid_on=case.decision.served_on + timedelta(days=3),
        amount=case.decision.money_total,
        method="bank",
        bank="工商银行",
        receipt_number="R-1",
        on=case.decision.served_on + timedelta(days=3),
    )
    assert case.pk not in found("payment_late")


@pytest.mark.clause("D1.4")
def test_court_application_window_passed_without_application(w):
    case = executing(w)
    served = case.decision.served_on
    end = alerts.court_window_end(served)
    assert case.pk in found("court_application_late", on=end + timedelta(days=1))
    assert case.pk not in found("court_application_late", on=end)


@pytest.mark.clause("D3.8")
def test_an_investigation_left_with_one_officer_is_flagged(w):
    case = filed(w)
    assert case.pk not in found("single_officer")
    CaseOfficer.objects.filter(case=case, officer=w.li_officer).update(ended_on=D0)
    assert case.pk in found("single_officer")


@pytest.mark.clause("D3.1c")
def test_a_live_investigator_with_an_expired_certificate_is_flagged(w):
    case = filed(w)
    assert case.pk not in found("certificate_invalid")
    w.li_officer.certificates.update(expires_on=clock.today() - timedelta(days=1))
    assert case.pk in found("certificate_invalid")


@pytest.mark.clause("D2.1")
def test_one_party_inspected_by_two_agencies_and_repeatedly_by_one(w):
    on = clock.today() - timedelta(days=20)
    party = make_party("organisation", name="多头检查对象有限公司", government=w.district)
    a = filed(w, on=on, party=party)
    inspect(w, a, wd(on, 2))
    assert a.pk not in found("multi_agency_inspection")
    other = make_agency(w.district, name="重庆市渝中区城市管理局", field="city", case_prefix="渝中城管")
    b = Case.objects.create(
        agency=other, source="inspection", received_on=on, summary="巡查", party=party, created_by=w.head
    )
    from zhifa.cases.models import Inspection

    Inspection.objects.create(case=b, kind="inspection", on=wd(on, 3), place="某处", subject="店长", record="检查")
    assert {a.pk, b.pk} <= found("multi_agency_inspection")
    assert b.pk in found("single_officer") and a.pk not in found("single_officer")  # b's has no officer (D3.8)
    assert a.pk not in found("repeated_inspection")
    inspect(w, a, wd(on, 4))
    inspect(w, a, wd(on, 5))
    assert a.pk in found("repeated_inspection")
    assert b.pk not in found("repeated_inspection")


@pytest.mark.clause("D5.2a")
def test_defences_never_adopted_in_a_row_by_one_officer(w):
    from zhifa.cases.models import Defence, DefencePoint

    on = clock.today() - timedelta(days=100)
    cases = [decided(w, on=on - timedelta(days=10 * i)) for i in range(3)]
    for c in cases:
        d = Defence.objects.create(case=c, received_on=c.decision.decided_on, form="written", made_by="当事人")
        DefencePoint.objects.create(defence=d, number=1, text="不知道已过期", adopted=False, review_reason="不成立")
    assert {c.pk for c in cases} <= found("defence_never_adopted")
    DefencePoint.objects.filter(defence__case=cases[0]).update(adopted=True)
    assert found("defence_never_adopted") & {c.pk for c in cases} == set()


@pytest.mark.clause("D3.6")
def test_fines_for_one_item_far_apart_between_agencies(w):
    on = clock.today() - timedelta(days=60)
    a = decided(w, on=on)
    other = make_agency(w.district, name="重庆市渝中区另一市场监管所", field="market", case_prefix="渝中所")
    b = Case.objects.get(pk=decided(w, on=on).pk)
    Case.objects.filter(pk=b.pk).update(agency=other)
    from zhifa.cases.models import Decision

    Decision.objects.filter(case=b).update(fine=Decimal("30000"))
    rows = alerts.spread(Case.objects.all(), clock.today())
    assert rows and rows[0]["ratio"] == Decimal("10.00") and rows[0]["flagged"]
    assert {a.pk, b.pk} <= found("inconsistent_fines")


@pytest.mark.clause("D1.4")
@pytest.mark.entry_clock
def test_an_act_dated_back_into_its_deadline_is_flagged_to_the_office(w):
    from zhifa.cases.tests.builders import propose

    received = date(2026, 11, 3)  # the filing deadline ends on 2026-11-24; entered on 2026-12-01
    kept = propose(w, clue(w, on=received), on=date(2026, 11, 20))
    cs.filing_approve(
        actor=w.head, case=kept, on=date(2026, 11, 24), backdated_reason="纸质审批表当日已签批，系统故障后补录。"
    )
    in_time = propose(w, clue(w, on=date(2026, 11, 27)), on=date(2026, 11, 30))
    cs.filing_approve(actor=w.head, case=in_time, on=date(2026, 11, 30))
    assert found("backdated_into_deadline") == {kept.pk}
    assert kept.pk in set(selectors.alert_cases(w.legal_office, "backdated_into_deadline").values_list("pk", flat=True))
    assert not selectors.alert_cases(w.other_head, "backdated_into_deadline").exists()


@pytest.mark.clause("D1.4")
def test_every_kind_runs_and_each_count_equals_its_rows(w):
    clue(w)
    filed(w)
    decided(w)
    counts = selectors.alert_counts(w.legal_office)
    assert len(counts) == len(alerts.KINDS) >= 20
    lateness = [c for c in counts if c.kind.group == alerts.LATENESS]
    assert len(lateness) >= 13
    for c in counts:
        assert c.count == selectors.alert_cases(w.legal_office, c.kind.code).count(), c.kind.code
    assert {c.kind.code for c in counts if c.count} >= {"filing_late", "decision_late", "service_late"}


def test_alerts_are_scoped_to_what_the_user_may_see(w):
    clue(w)
    assert selectors.alert_cases(w.legal_office, "filing_late").count() == 1
    assert selectors.alert_cases(w.other_head, "filing_late").count() == 0


@pytest.mark.clause("D3.6")
def test_a_departure_without_reasons_or_never_registered_is_flagged(w):
    from zhifa.discretion.models import Departure

    case = decided(w)
    assert case.pk not in found("departure_unexplained")
    report = case.reports.get()
    report.discretion = {**report.discretion, "departs": True}
    report.departure_reasons = ""
    report.save(update_fields=["discretion", "departure_reasons"])
    assert case.pk in found("departure_unexplained")  # departs without written reasons
    report.departure_reasons = "当事人主动消除违法后果，依法从轻。"
    report.save(update_fields=["departure_reasons"])
    assert case.pk in found("departure_unexplained")  # reasoned, but never registered with discretion
    Departure.objects.create(case_id=None, **_departure(w, case))  # another case's registration
    assert case.pk in found("departure_unexplained")
    Departure.objects.create(case_id=case.pk, **_departure(w, case))
    assert case.pk not in found("departure_unexplained")


def _departure(w, case) -> dict:
    return {
        "agency": case.agency,
        "officer_name": "张执法",
        "case_reference": case.number,
        "item_code": "X-1",
        "standard_version": "v1",
        "act_date": case.received_on,
        "decision_date": case.decision.decided_on,
        "facts": {},
        "proposed_outcome": "fine",
        "proposed_tier": "一般",
        "chosen_outcome": "fine",
        "reasons": "依法从轻。",
        "reviewer": w.reviewer,
        "recorded_by": w.zhang,
    }


@pytest.mark.clause("D3.6")
def test_fines_at_the_top_of_the_range_in_series_by_one_officer(w):
    """顶格 in series: three decisions by one lead officer within the window, each fine at its
    report's top of the range; two are not a series, nor three by different officers."""
    on = clock.today() - timedelta(days=60)
    cases = [decided(w, on=on - timedelta(days=10 * i)) for i in range(3)]

    def at_top(case):
        report = case.reports.order_by("-submitted_on", "-pk").first()
        report.discretion = {**report.discretion, "fine_max": str(case.decision.fine)}
        report.save(update_fields=["discretion"])

    for c in cases[:2]:
        at_top(c)
    assert not {c.pk for c in cases} & found("top_of_range_series")
    at_top(cases[2])
    leads = {c.lead_officer_id for c in Case.objects.filter(pk__in=[c.pk for c in cases])}
    assert len(leads) == 1 and None not in leads
    assert {c.pk for c in cases} <= found("top_of_range_series")
    (lead,) = leads
    other = w.li_officer if lead != w.li_officer.pk else w.zhang_officer
    Case.objects.filter(pk=cases[0].pk).update(lead_officer=other)  # two by one officer, one by another
    assert not {c.pk for c in cases} & found("top_of_range_series")
