"""督办: the office sends a notice with a deadline, the agency answers, an overdue notice escalates."""

from __future__ import annotations

from datetime import timedelta

import pytest

from zhifa.cases.tests.builders import clue
from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.oversight import selectors, services
from zhifa.testing import Api, assert_api_refused, assert_refused

pytestmark = pytest.mark.django_db


def issue(w, **kw):
    case = kw.pop("case", None) or clue(w)
    return services.supervision_issue(
        actor=w.legal_office,
        agency=w.agency,
        case=case,
        alert_code="filing_late",
        subject=f"{case.number}逾期未决定立案",
        requirement=kw.pop("requirement", "请查明原因，依法决定是否立案，并书面答复。"),
        due_on=kw.pop("due_on", clock.today() + timedelta(days=10)),
        **kw,
    )


@pytest.mark.clause("D6.1")
def test_a_notice_needs_a_requirement_and_a_later_deadline(w):
    with pytest.raises(DomainError) as e:
        issue(w, requirement="  ")
    assert_refused(e, "D6.1", code="supervision_specific", field="requirement")
    with pytest.raises(DomainError) as e:
        issue(w, due_on=clock.today())
    assert_refused(e, "D6.1", code="supervision_specific", field="due_on")


def test_only_the_legal_affairs_office_supervises_and_only_its_agencies(w):
    with pytest.raises(DomainError) as e:
        services.supervision_issue(
            actor=w.head, agency=w.agency, subject="x", requirement="y", due_on=clock.today() + timedelta(days=3)
        )
    assert e.value.status == 403


@pytest.mark.clause("D6.1")
def test_the_agency_answers_once(w):
    notice = issue(w)
    assert notice.number.startswith("督办〔2026〕")
    with pytest.raises(DomainError) as e:
        services.supervision_answer(actor=w.head, notice=notice, answer="")
    assert_refused(e, "D6.1", code="supervision_answered")
    services.supervision_answer(actor=w.head, notice=notice, answer="已于当日决定立案，并对承办人进行了批评教育。")
    notice.refresh_from_db()
    assert notice.state == "answered"
    with pytest.raises(DomainError) as e:
        services.supervision_answer(actor=w.head, notice=notice, answer="再次答复")
    assert_refused(e, "D6.1", code="supervision_answered")
    with pytest.raises(DomainError) as e:
        services.supervision_answer(actor=w.other_head, notice=notice, answer="别的机关")
    assert e.value.status == 404


@pytest.mark.clause("D6.1")
def test_an_overdue_answer_escalates_and_not_before(w):
    notice = issue(w, due_on=clock.today() + timedelta(days=2))
    with pytest.raises(DomainError) as e:
        services.supervision_escalate(actor=w.legal_office, notice=notice)
    assert_refused(e, "D6.1", code="escalation_after_due")
    later = clock.today() + timedelta(days=3)
    services.supervision_escalate(actor=w.legal_office, notice=notice, on=later)
    notice.refresh_from_db()
    assert notice.state == "escalated" and notice.escalated_on == later
    assert list(selectors.overdue_notices(w.legal_office, on=later)) == [notice]


@pytest.mark.clause("D6.1")
def test_supervision_over_http(w, client):
    case = clue(w)
    office = Api(client, w.legal_office)
    r = office.post(
        "oversight/notices",
        {
            "agency_id": w.agency.pk,
            "case_id": case.pk,
            "alert_code": "filing_late",
            "subject": "逾期未决定立案",
            "requirement": "请依法决定是否立案。",
            "due_on": str(clock.today()),
        },
    )
    assert_api_refused(r, 422, clause="D6.1", code="supervision_specific")
    r = office.post(
        "oversight/notices",
        {"agency_id": w.other_agency.pk + 999, "subject": "x", "requirement": "y", "due_on": "2026-12-31"},
    )
    assert r.status_code == 400 and r.json()["field"] == "agency_id"
    r = office.post(
        "oversight/notices",
        {
            "agency_id": w.agency.pk,
            "case_id": case.pk,
            "subject": "逾期未决定立案",
            "requirement": "请依法决定是否立案。",
            "due_on": "2026-12-11",
        },
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    head = Api(client, w.head)
    r = head.post(f"oversight/notices/{pk}/answer", {"answer": "已立案。"})
    assert r.status_code == 200 and r.json()["state"] == "answered"
    r = Api(client, w.legal_office).get(f"oversight/notices/{pk}")
    assert r.json()["answer"] == "已立案。"
    assert Api(client, w.other_head).get(f"oversight/notices/{pk}").status_code == 404


def test_supervision_pages(w, client):
    case = clue(w)
    client.force_login(w.legal_office)
    r = client.get(f"/oversight/notices/new/?case={case.pk}&alert=filing_late")
    assert r.status_code == 200 and "自发现线索之日起" in r.content.decode()
    r = client.post(
        f"/oversight/notices/new/?case={case.pk}&alert=filing_late",
        {"agency": w.agency.pk, "subject": "逾期未立案", "requirement": "  ", "due_on": "2026-12-11"},
    )
    assert r.status_code in (400, 422)
    r = client.post(
        f"/oversight/notices/new/?case={case.pk}&alert=filing_late",
        {"agency": w.agency.pk, "subject": "逾期未立案", "requirement": "请依法办理。", "due_on": "2026-12-11"},
    )
    assert r.status_code == 302
    notice = selectors.notice_list(w.legal_office).get()
    assert notice.case == case and notice.alert_code == "filing_late"
    client.force_login(w.head)
    assert "答复督办" in client.get(notice.get_absolute_url()).content.decode()
    r = client.post(f"/oversight/notices/{notice.pk}/answer/", {"answer": "已依法立案。"})
    assert r.status_code == 302
    client.force_login(w.legal_office)
    assert "已答复" in client.get("/oversight/notices/").content.decode()
