"""One visit instead of many (D2.1; 国办发〔2024〕54号): the annual cap on one agency's on-site
inspections of one enterprise, the head's written approval beyond it, and the joint
inspection (综合查一次) with one joint record, two certified officers per agency present."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.tests.builders import filed, inspect
from zhifa.cooperation import periods, selectors, services
from zhifa.cooperation.tests.builders import D0, wd
from zhifa.core import parameters as params
from zhifa.core.errors import DomainError
from zhifa.people.models import Officer
from zhifa.testing import assert_api_refused, assert_refused

pytestmark = pytest.mark.django_db

SOON = date(2026, 12, 3)  # the suite's today is 2026-12-01


def at_cap(w):
    """The market bureau has inspected the enterprise on site twice this year (the cap)."""
    case = filed(w)
    inspect(w, case, wd(D0, 2))
    inspect(w, case, wd(D0, 3))
    return case


def plan(w, user=None, on=SOON, **kw):
    return services.inspection_plan(
        actor=user or w.zhang, party=w.org, on=on, place="渝中区解放碑某超市", items="食品经营许可、进货查验", **kw
    )


def other_officers(w):
    return list(Officer.objects.filter(agency=w.other_agency).order_by("pk"))


def test_the_cap_is_a_dated_parameter_with_its_source():
    assert periods.annual_inspection_cap(date(2025, 6, 30)) is None
    assert periods.annual_inspection_cap(date(2025, 7, 1)) == 2
    assert "国办发〔2024〕54号" in params.version("inspection_annual_cap_per_agency", on=date(2026, 1, 1)).source


@pytest.mark.clause("D2.1")
def test_an_inspection_beyond_the_annual_cap_needs_the_heads_written_approval(w):
    at_cap(w)
    with pytest.raises(DomainError) as e:
        plan(w)
    assert_refused(e, "D2.1", code="inspection_within_annual_cap", field="on")
    assert "2次" in str(e.value) and "国办发〔2024〕54号" in str(e.value)
    # the head approves in writing, with reasons; an approval without reasons is refused
    with pytest.raises(DomainError) as e:
        services.inspection_cap_approve(actor=w.head, party=w.org, year=2026, reasons=" ")
    assert_refused(e, "D2.1", code="cap_approval_reasoned", field="reasons")
    with pytest.raises(DomainError) as e:  # an officer may not approve
        services.inspection_cap_approve(actor=w.zhang, party=w.org, year=2026, reasons="群众再次举报")
    assert e.value.code == "forbidden"
    approval = services.inspection_cap_approve(
        actor=w.head,
        party=w.org,
        year=2026,
        reasons="群众再次举报销售过期食品，须现场核查",
        document_number="审批〔2026〕3号",
    )
    p = plan(w)
    assert p.approval == approval and p.ordinal == 3
    # the approval serves one inspection only
    with pytest.raises(DomainError) as e:
        plan(w, on=date(2026, 12, 4))
    assert_refused(e, "D2.1", code="inspection_within_annual_cap")
    # another agency's count is its own
    assert plan(w, user=w.other_officer).ordinal == 1


@pytest.mark.clause("D2.1")
def test_inspections_beyond_the_cap_without_approval_are_listed_for_the_agency_and_its_office(w):
    case = at_cap(w)
    assert selectors.inspections_beyond_cap(w.head) == []
    inspect(w, case, wd(D0, 4))  # the case procedure records a third, no plan, no approval
    rows = selectors.inspections_beyond_cap(w.head)
    assert [(r.agency, r.party, r.count, r.cap, r.unapproved) for r in rows] == [(w.agency, w.org, 3, 2, 1)]
    assert selectors.inspections_beyond_cap(w.legal_office)[0].agency == w.agency
    assert selectors.inspections_beyond_cap(w.other_officer) == []
    services.inspection_cap_approve(actor=w.head, party=w.org, year=2026, reasons="事后补办：投诉核查")
    assert selectors.inspections_beyond_cap(w.head) == []


def test_the_alert_costs_the_same_queries_for_many_enterprises(w):
    from zhifa.testing import make_party

    def count():
        with CaptureQueriesContext(connection) as ctx:
            selectors.inspections_beyond_cap(w.head)
        return len(ctx.captured_queries)

    for _ in range(2):
        at_cap(w)
    few = count()
    for i in range(3):
        w.org = make_party("organisation", name=f"企业{i}", government=w.district)
        at_cap(w)
        at_cap(w)
    assert len(selectors.inspections_beyond_cap(w.head)) == 4
    assert count() == few


@pytest.mark.clause("D2.1")
def test_a_planned_inspection_becomes_a_joint_inspection_with_one_record(w):
    case = filed(w)
    inspect(w, case, wd(D0, 2))
    # the ecology bureau plans a visit and sees the market bureau was there
    own = plan(w, user=w.other_officer)
    seen = selectors.inspections_by_others(w.other_officer, w.org, on=SOON, days=365)
    assert [r.agency for r in seen] == [w.agency.name]
    joint = services.joint_inspection_create(actor=w.other_officer, plan=own, invited=[w.agency], note="综合查一次")
    assert joint.lead == w.other_agency and list(joint.parts.all()) == [own]
    with pytest.raises(DomainError) as e:
        services.joint_inspection_create(actor=w.other_officer, plan=own, invited=[w.agency])
    assert e.value.code == "conflict"
    # the market bureau joins through its own officer; it counts against its own cap
    part = services.joint_inspection_join(actor=w.zhang, joint=joint, items="进货查验记录")
    assert part.agency == w.agency and part.ordinal == 2
    with pytest.raises(DomainError) as e:
        services.joint_inspection_join(actor=w.li, joint=joint, items="again")
    assert e.value.code == "conflict"
    with pytest.raises(DomainError) as e:  # an agency not invited
        services.joint_inspection_join(actor=w.t_officer1, joint=joint, items="x")
    assert e.value.code in ("forbidden", "not_found")
    with pytest.raises(DomainError):  # not yet the day of the inspection
        services.joint_part_record(
            actor=w.zhang,
            joint=joint,
            officers=[w.zhang_officer, w.li_officer],
            certificates_shown=True,
            findings="x",
        )


@pytest.mark.clause("D3.8")
def test_each_agency_present_records_its_part_with_two_certified_officers_of_its_own(w):
    from zhifa.testing import frozen

    own = plan(w, user=w.other_officer)
    joint = services.joint_inspection_create(actor=w.other_officer, plan=own, invited=[w.agency])
    services.joint_inspection_join(actor=w.zhang, joint=joint, items="进货查验记录")
    with frozen(date(2026, 12, 3)):
        with pytest.raises(DomainError) as e:
            services.joint_part_record(
                actor=w.zhang, joint=joint, officers=[w.zhang_officer], certificates_shown=True, findings="未发现问题"
            )
        assert_refused(e, "D3.8", code="two_certified_officers", field="officers")
        with pytest.raises(DomainError) as e:  # the other agency's officer does not count for this one
            services.joint_part_record(
                actor=w.zhang,
                joint=joint,
                officers=[w.zhang_officer, other_officers(w)[0]],
                certificates_shown=True,
                findings="未发现问题",
            )
        assert_refused(e, "D3.8", code="joint_part_by_own_officers", field="officers")
        mine = services.joint_part_record(
            actor=w.zhang,
            joint=joint,
            officers=[w.zhang_officer, w.li_officer],
            certificates_shown=True,
            findings="进货查验记录齐全。",
        )
        theirs = services.joint_part_record(
            actor=w.other_officer,
            joint=joint,
            officers=other_officers(w),
            certificates_shown=True,
            findings="排污设施未见异常。",
        )
    joint = selectors.joint_get(w.zhang, joint.pk)
    assert {p.agency for p in joint.parts.all()} == {w.agency, w.other_agency}
    assert mine.recorded_on == theirs.recorded_on == date(2026, 12, 3)
    # the market bureau's part links to the case it files afterwards
    case = filed(w)
    with pytest.raises(DomainError) as e:
        services.inspection_plan_link(actor=w.other_officer, plan=mine, case=case)
    assert e.value.code in ("forbidden", "not_found")
    linked = services.inspection_plan_link(actor=w.zhang, plan=mine, case=case)
    assert linked.case == case


def test_the_joint_inspection_over_http(w, api):
    at = api(w.other_officer)
    r = at.post(
        "cooperation/inspections/plans",
        {"party_id": w.org.pk, "on": "2026-12-03", "place": "渝中区某超市", "items": "排污许可"},
    )
    assert r.status_code == 201, r.content
    pid = r.json()["id"]
    assert r.json()["cap"] == 2 and r.json()["ordinal"] == 1
    assert at.post(f"cooperation/inspections/plans/{pid}/joint", {"invited_ids": []}).status_code == 400
    r = at.post(f"cooperation/inspections/plans/{pid}/joint", {"invited_ids": [w.agency.pk]})
    assert r.status_code == 201, r.content
    jid = r.json()["id"]
    r = api(w.zhang).post(f"cooperation/inspections/joint/{jid}/join", {"items": "进货查验"})
    assert r.status_code == 201, r.content
    r = api(w.zhang).get(f"cooperation/inspections/joint/{jid}")
    assert r.status_code == 200 and len(r.json()["parts"]) == 2
    assert api(w.t_officer1).get(f"cooperation/inspections/joint/{jid}").status_code == 404
    assert api(w.zhang).get("cooperation/inspections/joint").json()["count"] == 1
    from zhifa.testing import frozen

    with frozen(date(2026, 12, 3)):
        body = {"officer_ids": [w.zhang_officer.pk], "certificates_shown": True, "findings": "未见异常"}
        r = api(w.zhang).post(f"cooperation/inspections/joint/{jid}/record", body)
        refused = assert_api_refused(r, 422, clause="D3.8", code="two_certified_officers")
        assert refused["field"] == "officer_ids"  # the body's field, not the service's "officers"
        assert all(e["field"] == "officer_ids" for e in refused["errors"] if e["code"] == "two_certified_officers")
        body["officer_ids"] = [w.zhang_officer.pk, w.li_officer.pk]
        assert (
            api(w.zhang).post(f"cooperation/inspections/joint/{jid}/record", {**body, "officer_ids": [0]}).status_code
            == 400
        )
        r = api(w.zhang).post(f"cooperation/inspections/joint/{jid}/record", body)
        assert r.status_code == 200, r.content
        mine = next(p for p in r.json()["parts"] if p["agency_id"] == w.agency.pk)
        assert mine["officers"] == ["张执法", "李执法"] and mine["findings"] == "未见异常"
    case = filed(w)
    other_case = filed(w)
    other_case.party = w.person
    other_case.save(update_fields=["party"])
    r = api(w.zhang).post(f"cooperation/inspections/plans/{mine['id']}/case", {"case_id": other_case.pk})
    assert r.status_code == 400 and r.json()["field"] == "case_id"
    r = api(w.zhang).post(f"cooperation/inspections/plans/{mine['id']}/case", {"case_id": case.pk})
    assert r.status_code == 200 and r.json()["case_id"] == case.pk
    assert (
        api(w.other_officer).post(f"cooperation/inspections/plans/{mine['id']}/case", {"case_id": case.pk}).status_code
        == 404
    )


@pytest.mark.clause("D2.1")
def test_the_cap_over_http(w, api):
    at_cap(w)
    body = {"party_id": w.org.pk, "on": "2026-12-03", "place": "渝中区某超市", "items": "食品经营"}
    assert_api_refused(
        api(w.zhang).post("cooperation/inspections/plans", body),
        422,
        clause="D2.1",
        code="inspection_within_annual_cap",
    )
    r = api(w.head).post(
        "cooperation/inspections/approvals", {"party_id": w.org.pk, "year": 2026, "reasons": "投诉核查"}
    )
    assert r.status_code == 201, r.content
    assert api(w.zhang).post("cooperation/inspections/plans", body).status_code == 201
    assert api(w.head).get("cooperation/inspections/approvals").json()["count"] == 1
    assert api(w.head).get("cooperation/inspections/beyond-cap").json()["count"] == 0
    assert api(w.head).get("cooperation/inspections/beyond-cap?year=99999").status_code == 400


@pytest.mark.clause("D2.1")
def test_the_pages_plan_join_up_record_and_link(w, client):
    from zhifa.cooperation.models import InspectionPlan, JointInspection
    from zhifa.testing import frozen

    case = filed(w)
    inspect(w, case, date(2026, 11, 20))  # within the 90 days before the planned visit
    client.force_login(w.other_officer)
    assert "计划对其的现场检查" in client.get(f"/cooperation/parties/{w.org.pk}/inspections/").content.decode()
    r = client.get(f"/cooperation/inspections/plans/new/?party={w.org.pk}")
    assert r.status_code == 200
    r = client.post(
        "/cooperation/inspections/plans/new/",
        {"party": w.org.pk, "on": "2026-12-03", "place": "渝中区某超市", "items": "排污许可"},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    plan_ = InspectionPlan.objects.get()
    page = client.get(f"/cooperation/inspections/plans/{plan_.pk}/").content.decode()
    assert w.agency.name in page and "转为综合查一次" in page  # the market bureau's inspection is shown
    assert client.post(f"/cooperation/inspections/plans/{plan_.pk}/joint/", {}).status_code == 400
    r = client.post(f"/cooperation/inspections/plans/{plan_.pk}/joint/", {"invited": [w.agency.pk]})
    assert r.status_code == 302
    joint = JointInspection.objects.get()
    client.force_login(w.zhang)
    page = client.get(f"/cooperation/inspections/joint/{joint.pk}/").content.decode()
    assert "本机关加入" in page
    assert client.post(f"/cooperation/inspections/joint/{joint.pk}/join/", {"items": "进货查验"}).status_code == 302
    with frozen(date(2026, 12, 3)):
        r = client.post(
            f"/cooperation/inspections/joint/{joint.pk}/record/",
            {"officers": [w.zhang_officer.pk], "certificates_shown": "on", "findings": "未见异常"},
        )
        assert r.status_code == 422 and "D3.8" in r.content.decode()
        r = client.post(
            f"/cooperation/inspections/joint/{joint.pk}/record/",
            {"officers": [w.zhang_officer.pk, w.li_officer.pk], "certificates_shown": "on", "findings": "未见异常"},
        )
        assert r.status_code == 302, r.content.decode()[:2000]
    part = InspectionPlan.objects.get(agency=w.agency)
    r = client.post(f"/cooperation/inspections/plans/{part.pk}/case/", {"case": case.pk})
    assert r.status_code == 302, r.content.decode()[:2000]
    page = client.get(f"/cooperation/inspections/joint/{joint.pk}/").content.decode()
    assert "未见异常" in page and str(case) in page and "张执法" in page
    assert str(w.org.name) in client.get("/cooperation/inspections/joint/").content.decode()
    assert "综合查一次" in client.get("/cooperation/inspections/plans/?joint=1").content.decode()


@pytest.mark.clause("D2.1")
def test_the_cap_pages(w, client):
    case = at_cap(w)
    client.force_login(w.zhang)
    r = client.post(
        "/cooperation/inspections/plans/new/",
        {"party": w.org.pk, "on": "2026-12-03", "place": "渝中区某超市", "items": "食品经营"},
    )
    assert r.status_code == 422 and "D2.1" in r.content.decode() and "书面批准" in r.content.decode()
    inspect(w, case, wd(D0, 4))
    client.force_login(w.head)
    page = client.get("/cooperation/inspections/beyond-cap/").content.decode()
    assert w.org.name in page and "3次" in page
    assert client.get("/cooperation/inspections/beyond-cap/?year=abc").status_code == 200
    r = client.post("/cooperation/inspections/approvals/new/", {"party": w.org.pk, "year": 2026, "reasons": ""})
    assert r.status_code == 400
    r = client.post(
        "/cooperation/inspections/approvals/new/", {"party": w.org.pk, "year": 2026, "reasons": "投诉核查，事后补办"}
    )
    assert r.status_code == 302
    assert "投诉核查" in client.get("/cooperation/inspections/approvals/?year=2026").content.decode()
    assert w.org.name not in client.get("/cooperation/inspections/beyond-cap/").content.decode()


# --- The cap in the case procedure: inspection_record counts too (cases.visits.INSPECTION_CAP) ----


def _record(w, case, on, kind="inspection"):
    from zhifa.cases import services as case_services

    return case_services.inspection_record(
        actor=w.zhang,
        case=case,
        kind=kind,
        place="渝中区解放碑某超市",
        subject="店长王某",
        officers=[w.zhang_officer, w.li_officer],
        certificates_shown=True,
        record="再次检查货架。",
        on=on,
    )


@pytest.mark.clause("D2.1")
def test_an_on_site_inspection_recorded_in_a_case_beyond_the_cap_is_refused_without_the_heads_approval(w, api):
    case = at_cap(w)
    with pytest.raises(DomainError) as e:
        _record(w, case, wd(D0, 4))
    assert_refused(e, "D2.1", code="recorded_inspection_within_cap", field="on")
    assert "2次" in str(e.value) and "国办发〔2024〕54号" in str(e.value)
    assert case.inspections.count() == 2
    # over the API too, a 422 naming D2.1
    r = api(w.zhang).post(
        f"cases/{case.pk}/inspections",
        {
            "kind": "inspection",
            "place": "某超市",
            "subject": "店长",
            "officer_ids": [w.zhang_officer.pk, w.li_officer.pk],
            "certificates_shown": True,
            "record": "再次检查。",
            "on": str(wd(D0, 4)),
        },
    )
    assert_api_refused(r, 422, clause="D2.1", code="recorded_inspection_within_cap")
    # the head approves in writing: one more inspection, then the cap holds again
    services.inspection_cap_approve(actor=w.head, party=w.org, year=2026, reasons="群众再次举报，须现场核查")
    assert _record(w, case, wd(D0, 4)).pk
    with pytest.raises(DomainError) as e:
        _record(w, case, wd(D0, 5))
    assert_refused(e, "D2.1", code="recorded_inspection_within_cap")
    # the approval the case's inspection used is not left for a plan: one approval, one inspection
    with pytest.raises(DomainError) as e:
        plan(w)
    assert_refused(e, "D2.1", code="inspection_within_annual_cap")


@pytest.mark.clause("D2.1")
def test_only_on_site_inspections_of_an_organisation_count_against_the_cap(w):
    case = at_cap(w)
    assert _record(w, case, wd(D0, 4), kind="inquiry").pk  # an inquiry is not an on-site inspection
    person_case = filed(w, party=w.person)  # a natural person is not an enterprise
    for n in (2, 3, 4):
        assert _record(w, person_case, wd(D0, n)).pk
    # another year: the count starts again
    later = filed(w, on=date(2026, 11, 2))
    assert later.inspections.count() == 0


@pytest.mark.clause("D2.1")
def test_an_inspection_planned_within_the_cap_is_recorded_in_the_case_without_counting_twice(w):
    case = filed(w)
    inspect(w, case, wd(D0, 2))
    p = plan(w)  # the second inspection of the year, planned (within the cap)
    assert p.ordinal == 2
    with pytest.raises(DomainError):
        _record(w, case, date(2026, 11, 30))  # not the planned day: a third visit, beyond the cap
    from datetime import datetime

    from zhifa.testing import frozen

    with frozen(datetime(2026, 12, 3, 2, 0)):
        assert _record(w, case, SOON).pk  # the planned visit itself: counted when it was planned
    assert case.inspections.count() == 2
