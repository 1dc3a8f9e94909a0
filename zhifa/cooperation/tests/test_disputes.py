"""Disputes between agencies (D4.6): negotiation, then the legal affairs office's
coordination, then the common superior's decision; each step with a deadline and a record."""

from __future__ import annotations

import pytest

from zhifa.cooperation import services
from zhifa.cooperation.models import Dispute
from zhifa.cooperation.services.disputes import common_government
from zhifa.cooperation.tests.builders import D0, wd
from zhifa.core.errors import DomainError
from zhifa.testing import assert_api_refused, assert_refused

pytestmark = pytest.mark.django_db


def _raised(w):
    return services.dispute_raise(
        actor=w.head,
        other_agencies=[w.other_agency],
        title="过期食品厂区排污的管辖",
        description="双方均认为对方有管辖权。",
        on=D0,
    )


def test_the_common_government_is_the_nearest_over_both(w):
    assert common_government([w.agency, w.other_agency]) == w.district
    assert common_government([w.agency, w.transport]) == w.city
    d = _raised(w)
    assert d.government == w.district and d.stage_due_on == wd(D0, 10)


@pytest.mark.clause("D4.6")
def test_the_steps_go_in_order_each_by_its_body_with_a_record(w):
    d = _raised(w)
    step = {"dispute": d, "settled": False, "record": "协商未达成一致。"}
    with pytest.raises(DomainError) as e:  # no skipping to the superior
        services.dispute_step(
            actor=w.legal_office, step="decision", document_number="渝中府裁〔2026〕1号", on=wd(D0, 1), **step
        )
    assert_refused(e, "D4.6", code="dispute_steps_in_order")
    with pytest.raises(DomainError) as e:  # only a party negotiates
        services.dispute_step(actor=w.t_head, step="negotiation", on=wd(D0, 1), **step)
    assert e.value.code in ("not_found", "dispute_step_by_the_right_body")
    with pytest.raises(DomainError) as e:
        services.dispute_step(actor=w.other_head, step="negotiation", on=wd(D0, 1), **{**step, "record": " "})
    assert_refused(e, "D4.6", code="dispute_step_recorded", field="record")
    d = services.dispute_step(actor=w.other_head, step="negotiation", on=wd(D0, 1), **step)
    assert d.stage == Dispute.Stage.COORDINATION and d.stage_due_on == wd(wd(D0, 1), 20)
    with pytest.raises(DomainError) as e:  # an agency head does not coordinate
        services.dispute_step(actor=w.head, step="coordination", on=wd(D0, 2), **step)
    assert_refused(e, "D4.6", code="dispute_step_by_the_right_body")
    d = services.dispute_step(
        actor=w.legal_office, step="coordination", on=wd(D0, 2), **{**step, "record": "协调未果。"}
    )
    assert d.stage == Dispute.Stage.DECISION
    with pytest.raises(DomainError) as e:
        services.dispute_step(actor=w.legal_office, step="decision", on=wd(D0, 3), **{**step, "settled": True})
    assert_refused(e, "D4.6", code="dispute_step_recorded", field="document_number")
    d = services.dispute_step(
        actor=w.legal_office,
        step="decision",
        settled=True,
        dispute=d,
        record="裁决由生态环境局管辖。",
        document_number="渝中府裁〔2026〕1号",
        on=wd(D0, 3),
    )
    assert d.stage == Dispute.Stage.RESOLVED and d.resolved_on == wd(D0, 3)
    assert [s.stage for s in d.steps.all()] == ["negotiation", "coordination", "decision"]


@pytest.mark.clause("D4.6")
def test_a_late_step_says_why(w):
    d = _raised(w)
    with pytest.raises(DomainError) as e:
        services.dispute_step(actor=w.head, dispute=d, step="negotiation", settled=True, record="一致", on=wd(D0, 11))
    assert_refused(e, "D4.6", code="dispute_step_in_time", field="late_reason")
    d = services.dispute_step(
        actor=w.head,
        dispute=d,
        step="negotiation",
        settled=True,
        record="一致",
        late_reason="负责人出差",
        on=wd(D0, 11),
    )
    assert d.stage == Dispute.Stage.RESOLVED


def test_disputes_over_http(w, api):
    r = api(w.head).post(
        "cooperation/disputes",
        {"other_agency_ids": [w.other_agency.pk], "title": "管辖争议", "description": "情况", "on": str(D0)},
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = api(w.head).post(
        f"cooperation/disputes/{pk}/steps",
        {"step": "coordination", "settled": True, "record": "x", "on": str(wd(D0, 1))},
    )
    assert_api_refused(r, 422, clause="D4.6", code="dispute_steps_in_order")
    assert api(w.other_officer).get(f"cooperation/disputes/{pk}").json()["stage"] == "机关协商"
    assert api(w.t_officer1).get(f"cooperation/disputes/{pk}").status_code == 404


def test_the_dispute_list_costs_the_same_queries_for_5_and_50(w, api):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api(w.head)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("cooperation/disputes?limit=100").status_code == 200
        return len(ctx.captured_queries)

    for _ in range(5):
        _raised(w)
    five = count()
    for _ in range(45):
        _raised(w)
    assert count() == five


def test_a_dispute_is_raised_and_negotiated_on_its_pages(w, client):
    client.force_login(w.head)
    r = client.post(
        "/cooperation/disputes/new/",
        {"other_agencies": [w.other_agency.pk], "title": "管辖争议", "description": "情况", "on": str(D0)},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    d = Dispute.objects.get()
    page = client.get(d.get_absolute_url()).content.decode()
    assert "登记机关协商" in page and w.district.name in page
    r = client.post(f"/cooperation/disputes/{d.pk}/step/", {"step": "decision", "record": "x", "on": str(wd(D0, 1))})
    assert r.status_code == 422 and "D4.6" in r.content.decode()
    r = client.post(
        f"/cooperation/disputes/{d.pk}/step/",
        {"step": "negotiation", "settled": "on", "record": "协商一致", "on": str(wd(D0, 1))},
    )
    assert r.status_code == 302
    assert "已解决" in client.get("/cooperation/disputes/").content.decode()
