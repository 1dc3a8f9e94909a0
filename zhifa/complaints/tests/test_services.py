"""The acts on complaints (D6.7a, D3.4): receipt, routing by the powers catalogue,
return, clue, answer within the deadline; and media exposures (D6.7b)."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cases.models import Case, Source
from zhifa.complaints import periods, selectors, services
from zhifa.complaints.models import Status
from zhifa.complaints.tests.builders import enforcement_complaint, report
from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent
from zhifa.core.workdays import add_working_days
from zhifa.testing import assert_refused, frozen, make_user

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)


@pytest.mark.clause("D6.7a", "D3.4")
def test_a_report_gets_a_tracking_number_a_deadline_and_goes_to_the_competent_agency(w):
    c = report(w)
    assert c.tracking_number.startswith("TS20261201") and len(c.tracking_number) == 16
    assert c.status == Status.ROUTED and c.agency == w.agency
    assert c.government == w.district
    assert c.due_on == add_working_days(TODAY, 15) == periods.answer_due("violation", TODAY)
    assert [h.act for h in selectors.history(c)] == ["submit", "route"]
    event = AuditEvent.objects.get(act="complaint.submit")
    assert event.actor is None and event.actor_label == "公众（公开平台）"
    assert selectors.complaint_by_tracking(c.tracking_number.lower()) == c


def test_the_deadline_counts_working_days_across_a_holiday(w):
    # 2026-09-30 (Wednesday) before the National Day holiday: 15 working days end in late October.
    with frozen(date(2026, 9, 30)):
        c = report(w)
    assert c.due_on == add_working_days(date(2026, 9, 30), 15)
    assert (c.due_on - date(2026, 9, 30)).days > 21


def test_a_report_without_a_catalogued_agency_waits_for_the_office(w):
    c = report(w, violation_item=None, field="", description="小区里有人夜间施工扰民。")
    assert c.status == Status.RECEIVED and c.agency is None
    assert list(selectors.queue(w.legal_office)) == [c]
    assert list(selectors.queue(w.zhang)) == []


@pytest.mark.clause("D3.4", "D6.7a")
def test_the_office_routes_only_to_an_agency_holding_the_power(w):
    c = report(w, violation_item=None, field="")
    c.violation_item = w.item  # the office reads the report and names the item
    c.save()
    with pytest.raises(DomainError) as e:
        services.complaint_route(actor=w.legal_office, complaint=c, agency=w.other_agency)
    assert_refused(e, "D3.4", code="routed_to_competent_agency", field="agency")
    routed = services.complaint_route(actor=w.legal_office, complaint=c, agency=w.agency, note="请核查。")
    assert routed.status == Status.ROUTED and routed.agency == w.agency
    assert selectors.history(routed).last().note == "转交重庆市渝中区市场监督管理局办理。请核查。"


@pytest.mark.clause("D6.7a")
def test_a_complaint_about_enforcement_stays_with_the_office(w):
    c = enforcement_complaint(w)
    assert c.status == Status.RECEIVED and c.government == w.agency.government
    with pytest.raises(DomainError) as e:
        services.complaint_route(actor=w.legal_office, complaint=c, agency=w.agency)
    assert_refused(e, "D6.7a", code="enforcement_complaint_stays_with_office")
    answered = services.complaint_answer(
        actor=w.legal_office, complaint=c, answer="经调取执法记录仪视频核实，执法人员已出示证件；已提醒其文明执法。"
    )
    assert answered.status == Status.ANSWERED and answered.answered_on == TODAY


def test_only_the_office_routes(w):
    c = report(w, violation_item=None, field="")
    with pytest.raises(DomainError) as e:
        services.complaint_route(actor=w.zhang, complaint=c, agency=w.agency)
    assert e.value.status == 403


@pytest.mark.clause("D3.4")
def test_the_competent_agency_may_not_return_a_report(w):
    c = report(w)
    with pytest.raises(DomainError) as e:
        services.complaint_return(actor=w.zhang, complaint=c, reason="不归我们管")
    assert_refused(e, "D3.4", code="competent_agency_may_not_refuse", field="reason")


def test_an_agency_without_the_power_returns_a_report_and_the_office_reroutes(w):
    c = report(w, violation_item=None, field="")
    services.complaint_route(actor=w.legal_office, complaint=c, agency=w.other_agency)
    returned = services.complaint_return(actor=w.other_officer, complaint=c, reason="本局不负责食品经营的监管。")
    assert returned.status == Status.RECEIVED and returned.agency is None
    rerouted = services.complaint_route(actor=w.legal_office, complaint=returned, agency=w.agency)
    assert rerouted.agency == w.agency
    assert [h.act for h in selectors.history(c)] == ["submit", "route", "return", "route"]
    assert AuditEvent.objects.filter(act="complaint.reroute").count() == 0  # the return cleared it
    assert AuditEvent.objects.filter(act="complaint.route").count() == 2


def test_another_agency_cannot_act_on_a_complaint_routed_elsewhere(w):
    c = report(w)
    with pytest.raises(DomainError) as e:
        services.complaint_answer(actor=w.other_officer, complaint=c, answer="与本局无关，不予处理。谢谢。")
    assert e.value.status == 404
    with pytest.raises(DomainError):
        selectors.complaint_get(w.other_officer, c.pk)


def test_the_agency_takes_a_report_up_as_a_clue_and_answers(w):
    c = report(w)
    taken = services.complaint_take_up(actor=w.zhang, complaint=c)
    case = Case.objects.get(pk=taken.case_id)
    assert taken.status == Status.HANDLING
    assert case.source == Source.COMPLAINT and case.source_reference == c.tracking_number
    assert case.violation_item == w.item and case.reporter_name == "王女士"
    answered = services.complaint_answer(
        actor=w.zhang, complaint=taken, answer="经现场检查，该超市确有过期牛奶在售，已立案调查。"
    )
    assert answered.status == Status.ANSWERED
    assert selectors.history(answered).last().note.startswith("经现场检查")


def test_a_complaint_about_enforcement_cannot_become_a_clue(w):
    c = enforcement_complaint(w)
    with pytest.raises(DomainError):
        services.complaint_take_up(actor=w.zhang, complaint=c)


@pytest.mark.clause("D6.7a")
def test_an_answer_states_the_result_and_reasons(w):
    c = report(w)
    with pytest.raises(DomainError) as e:
        services.complaint_answer(actor=w.zhang, complaint=c, answer="已处理。")
    assert_refused(e, "D6.7a", code="answer_gives_result_and_reasons", field="answer")


@pytest.mark.clause("D6.7a")
def test_a_late_answer_gives_its_reason(w):
    with frozen(date(2026, 11, 2)):
        c = report(w)
    assert c.due_on < TODAY
    answer = "经现场检查，该超市已下架过期牛奶，责令改正。"
    with pytest.raises(DomainError) as e:
        services.complaint_answer(actor=w.zhang, complaint=c, answer=answer)
    assert_refused(e, "D6.7a", code="late_answer_explained", field="late_reason")
    answered = services.complaint_answer(actor=w.zhang, complaint=c, answer=answer, late_reason="抽样检验需要时间。")
    assert answered.late_reason == "抽样检验需要时间。" and selectors.is_overdue(answered)


def test_an_answer_is_given_once_and_not_dated_in_the_future(w):
    c = report(w)
    with pytest.raises(DomainError) as e:
        services.complaint_answer(actor=w.zhang, complaint=c, answer="经核查属实，已依法处理。", on=date(2026, 12, 2))
    assert e.value.code == "date_order"
    services.complaint_answer(actor=w.zhang, complaint=c, answer="经核查属实，已依法处理。")
    with pytest.raises(DomainError) as e:
        services.complaint_answer(actor=w.zhang, complaint=c, answer="经核查属实，已依法处理。")
    assert e.value.status == 409


def test_bad_input_is_refused_at_its_field_and_nothing_is_saved(w):
    for kw, field in [
        ({"description": "  "}, "description"),
        ({"description": "长" * 4001}, "description"),
        ({"lat": "91"}, "lat"),
        ({"long": "东经"}, "long"),
        ({"kind": "praise"}, "kind"),
    ]:
        with pytest.raises(DomainError) as e:
            report(w, **kw)
        assert e.value.status == 400 and e.value.first.field == field
    assert not selectors.complaint_list(w.legal_office).exists()


def test_a_staff_registration_needs_the_office_or_the_organ(w):
    with pytest.raises(DomainError) as e:
        report(w, channel="staff", actor=w.zhang)
    assert e.value.status == 403
    c = report(w, channel="staff", actor=w.legal_office)
    assert c.channel == "staff"


def test_a_revoked_client_cannot_post(w):
    client, raw = services.client_issue(actor=w.legal_office, name="渝中区12345热线")
    assert selectors.client_by_key(raw) == client and client.key_hash != raw
    c = report(w, channel="client", client=client, client_reference="12345-0001")
    assert c.client == client
    services.client_revoke(actor=w.legal_office, client=client)
    assert selectors.client_by_key(raw) is None
    client.refresh_from_db()
    with pytest.raises(DomainError) as e:
        report(w, channel="client", client=client)
    assert e.value.status == 403
    with pytest.raises(DomainError) as e:
        services.client_issue(actor=w.head, name="某系统")
    assert e.value.status == 403


@pytest.mark.clause("D6.7b")
def test_a_media_exposure_is_followed_and_its_result_published(w):
    exposure = services.media_register(
        actor=w.legal_office,
        agency=w.agency,
        outlet="重庆日报",
        title="超市过期食品举报无人理",
        reported_on=date(2026, 11, 20),
        summary="报道称群众多次举报某超市销售过期食品，执法机关未予回应。",
    )
    assert not selectors.media_published().exists()
    with pytest.raises(DomainError) as e:
        services.media_conclude(actor=w.legal_office, exposure=exposure, result="属实。")
    assert_refused(e, "D6.7b", code="media_result_stated", field="result")
    done = services.media_conclude(
        actor=w.legal_office,
        exposure=exposure,
        result="经追查，报道属实；已责令渝中区市场监管局立案查处，对承办人员启动责任追究。",
    )
    assert done.published_on == TODAY and list(selectors.media_published()) == [done]
    with pytest.raises(DomainError) as e:
        services.media_register(
            actor=w.zhang, agency=w.agency, outlet="某报", title="某题", reported_on=TODAY, summary="某事"
        )
    assert e.value.status == 403


def test_complaint_counts_for_the_dashboard(w):
    with frozen(date(2026, 11, 2)):
        late = report(w)
        waiting = report(w, violation_item=None, field="")
    answered = report(w)
    services.complaint_answer(actor=w.zhang, complaint=answered, answer="经现场检查，确有其事，已责令改正。")
    services.complaint_answer(
        actor=w.zhang, complaint=late, answer="经现场检查，确有其事，已立案调查。", late_reason="节假日检验延误。"
    )
    enforcement_complaint(w)
    counts = selectors.complaint_counts(w.legal_office, (date(2026, 11, 1), date(2026, 12, 31)))
    assert counts.total.total == 4 and counts.total.answered == 2 and counts.total.open == 2
    assert counts.total.overdue == 2  # the late answer, and the report waiting since November
    assert counts.by_kind == {"violation": 3, "enforcement": 1}
    office, agency = counts.by_handler
    assert office.agency_id is None and office.total == 2 and office.overdue == 1
    fast, slow = sorted(agency.answer_days)
    assert agency.agency_id == w.agency.pk and fast == 0 and slow > 15
    assert waiting in selectors.queue(w.legal_office)
    mine = selectors.complaint_counts(w.zhang, (date(2026, 11, 1), date(2026, 12, 31)))
    assert mine.total.total == 2
    outsider = make_user("officer", agency=w.other_agency, username="outsider")
    assert selectors.complaint_counts(outsider, (date(2026, 1, 1), date(2026, 12, 31))).total.total == 0
