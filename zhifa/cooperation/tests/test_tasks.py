"""Joint meetings (D4.1), joint campaigns (D4.2a–b) and linkage (D4.3): tasks with deadlines
and reports back; refusal or silence in a campaign is flagged to the lead and the office."""

from __future__ import annotations

import pytest

from zhifa.cooperation import selectors, services
from zhifa.cooperation.tests.builders import D0, wd
from zhifa.core.errors import DomainError
from zhifa.testing import assert_api_refused, assert_refused, make_agency

pytestmark = pytest.mark.django_db


def _meeting(w):
    return services.meeting_record(
        actor=w.head,
        title="食品安全联合执法联席会议",
        held_on=D0,
        agenda="一、通报情况；二、部署联合检查。",
        attendees=[w.other_agency],
        minutes="会议议定：生态环境局负责排污核查。",
        minutes_number="联席纪要〔2026〕1号",
    )


@pytest.mark.clause("D4.1")
def test_resolutions_go_to_attendees_with_deadlines_and_agencies_report_back(w):
    meeting = _meeting(w)
    with pytest.raises(DomainError) as e:
        services.meeting_resolution_add(
            actor=w.head, meeting=meeting, agency=w.transport, description="x", due_on=wd(D0, 5), on=D0
        )
    assert_refused(e, "D4.1", code="resolution_to_attendee")
    task = services.meeting_resolution_add(
        actor=w.head, meeting=meeting, agency=w.other_agency, description="核查排污", due_on=wd(D0, 5), on=D0
    )
    with pytest.raises(DomainError) as e:
        services.task_report(actor=w.other_officer, task=task, report="已核查", on=wd(D0, 6))
    assert_refused(e, "D4.1", code="task_reported_in_time", field="late_reason")
    task = services.task_report(actor=w.other_officer, task=task, report="已核查三家企业。", on=wd(D0, 4))
    assert task.reported_on == wd(D0, 4)
    with pytest.raises(DomainError) as e:  # only the assignee reports
        services.task_report(actor=w.zhang, task=task, report="x", on=wd(D0, 4))
    assert e.value.code == "forbidden"


@pytest.mark.clause("D4.2a")
def test_a_campaign_is_among_agencies_of_one_level(w):
    campaign = services.campaign_launch(
        actor=w.head,
        title="校园周边食品安全专项整治",
        field="食品安全",
        starts_on=D0,
        ends_on=wd(D0, 40),
        targets="整治无证经营",
    )
    with pytest.raises(DomainError) as e:
        services.campaign_task_assign(
            actor=w.head, campaign=campaign, agency=w.transport, description="x", due_on=wd(D0, 10), on=D0
        )
    assert_refused(e, "D4.2a", code="campaign_same_level")


@pytest.mark.clause("D4.2b")
def test_refusal_needs_reasons_and_refusal_or_silence_is_flagged(w):
    campaign = services.campaign_launch(
        actor=w.head, title="专项整治", field="食品安全", starts_on=D0, ends_on=wd(D0, 40), targets="目标"
    )
    refused = services.campaign_task_assign(
        actor=w.head, campaign=campaign, agency=w.other_agency, description="核查排污", due_on=wd(D0, 20), on=D0
    )
    third = make_agency(w.district, name="重庆市渝中区城市管理局", field="city", case_prefix="渝中城")
    silent = services.campaign_task_assign(
        actor=w.head, campaign=campaign, agency=third, description="清理占道", due_on=wd(D0, 20), on=D0
    )
    with pytest.raises(DomainError) as e:
        services.task_respond(actor=w.other_head, task=refused, accepted=False, on=wd(D0, 1))
    assert_refused(e, "D4.2b", code="campaign_refusal_reasoned", field="refusal_reason")
    services.task_respond(actor=w.other_head, task=refused, accepted=False, refusal_reason="人手不足", on=wd(D0, 1))
    flags = {t.pk: f for t, f in selectors.campaign_flags(w.head, on=wd(D0, 4))}
    assert flags == {refused.pk: "拒绝分工", silent.pk: "逾期未答复分工"}
    assert {t.pk: f for t, f in selectors.campaign_flags(w.legal_office, on=wd(D0, 4))} == flags
    assert not selectors.campaign_flags(w.other_head, on=wd(D0, 4))  # not the lead


@pytest.mark.clause("D4.3")
def test_linkage_goes_from_a_city_agency_to_its_districts_with_defined_responsibilities(w):
    district_transport = make_agency(w.district, name="渝中区交通执法大队", field="transport", case_prefix="渝中交")
    with pytest.raises(DomainError) as e:
        services.linkage_assign(
            actor=w.t_head,
            agency=district_transport,
            description="整治挖掘公路",
            responsibilities=" ",
            due_on=wd(D0, 10),
            on=D0,
        )
    assert_refused(e, "D4.3", code="linkage_city_to_district", field="responsibilities")
    with pytest.raises(DomainError) as e:  # another field
        services.linkage_assign(
            actor=w.t_head, agency=w.agency, description="x", responsibilities="y", due_on=wd(D0, 10), on=D0
        )
    assert_refused(e, "D4.3", code="linkage_city_to_district", field="assigned_to_id")
    with pytest.raises(DomainError) as e:  # a district agency does not assign upwards
        services.linkage_assign(
            actor=w.head, agency=w.other_agency, description="x", responsibilities="y", due_on=wd(D0, 10), on=D0
        )
    assert_refused(e, "D4.3", code="linkage_city_to_district")
    task = services.linkage_assign(
        actor=w.t_head,
        agency=district_transport,
        description="整治城区道路挖掘",
        responsibilities="总队负责督导和跨区协调；大队负责日常巡查和立案查处。",
        due_on=wd(D0, 10),
        on=D0,
    )
    assert selectors.task_flag(task, wd(D0, 11)) == "逾期未报送落实情况"


def test_meetings_campaigns_and_tasks_over_http(w, api):
    r = api(w.head).post(
        "cooperation/meetings",
        {
            "title": "联席会议",
            "held_on": str(D0),
            "agenda": "议程",
            "attendee_ids": [w.other_agency.pk],
            "minutes": "纪要",
            "resolutions": [{"agency_id": w.other_agency.pk, "description": "核查", "due_on": str(wd(D0, 5))}],
        },
    )
    assert r.status_code == 201, r.content
    task_id = r.json()["tasks"][0]["id"]
    r = api(w.other_officer).post(f"cooperation/tasks/{task_id}/report", {"report": "已核查", "on": str(wd(D0, 9))})
    assert_api_refused(r, 422, clause="D4.1", code="task_reported_in_time")
    r = api(w.other_officer).post(f"cooperation/tasks/{task_id}/report", {"report": "已核查", "on": str(wd(D0, 3))})
    assert r.status_code == 200 and r.json()["reported_on"] == str(wd(D0, 3))
    r = api(w.head).post(
        "cooperation/campaigns",
        {
            "title": "专项整治",
            "field": "食品安全",
            "starts_on": str(D0),
            "ends_on": str(wd(D0, 30)),
            "targets": "目标",
            "tasks": [{"agency_id": w.other_agency.pk, "description": "核查排污", "due_on": str(wd(D0, 20))}],
        },
    )
    assert r.status_code == 201, r.content
    assert api(w.legal_office).get("cooperation/campaigns/flags").json()["count"] == 1  # silent since March
    assert api(w.t_officer1).get(f"cooperation/tasks/{task_id}").status_code == 404


def test_the_task_list_costs_the_same_queries_for_5_and_50(w, api):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = _meeting(w)
    client = api(w.other_head)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("cooperation/tasks?limit=100").status_code == 200
        return len(ctx.captured_queries)

    def add(n):
        for _ in range(n):
            services.meeting_resolution_add(
                actor=w.head, meeting=meeting, agency=w.other_agency, description="核查", due_on=wd(D0, 5), on=D0
            )

    add(5)
    five = count()
    add(45)
    assert count() == five


def test_a_meeting_and_a_campaign_on_their_pages(w, client):
    client.force_login(w.head)
    r = client.post(
        "/cooperation/meetings/new/",
        {
            "title": "联席会议",
            "held_on": str(D0),
            "agenda": "议程",
            "attendees": [w.other_agency.pk],
            "minutes": "纪要",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    from zhifa.cooperation.models import JointMeeting, Task

    meeting = JointMeeting.objects.get()
    r = client.post(
        f"/cooperation/meetings/{meeting.pk}/resolutions/",
        {"agency": w.other_agency.pk, "description": "核查排污", "due_on": str(wd(D0, 5)), "on": str(D0)},
    )
    assert r.status_code == 302, r.content.decode().split("<form")[2][:3000]
    assert "核查排污" in client.get(meeting.get_absolute_url()).content.decode()
    task = Task.objects.get()
    client.force_login(w.other_officer)
    assert "逾期未报送落实情况" in client.get("/cooperation/tasks/").content.decode()
    r = client.post(f"/cooperation/tasks/{task.pk}/report/", {"report": "已核查", "late_reason": "人手不足"})
    assert r.status_code == 302
    client.force_login(w.head)
    r = client.post(
        "/cooperation/campaigns/new/",
        {"title": "专项整治", "field": "食品安全", "starts_on": str(D0), "ends_on": str(wd(D0, 30)), "targets": "目标"},
    )
    assert r.status_code == 302
    assert client.get("/cooperation/campaigns/flags/").status_code == 200
