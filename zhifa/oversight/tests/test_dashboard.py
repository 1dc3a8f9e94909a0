"""The dashboard: every chart's number equals the count of the rows its drill-down lists,
on the page, in the API and in the Excel export."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from zhifa.cases.tests.builders import clue, decided, executing, filed
from zhifa.complaints import services as complaint_services
from zhifa.complaints.models import Complaint
from zhifa.complaints.tests import builders as complaint_builders
from zhifa.core import clock
from zhifa.oversight import dashboard, services
from zhifa.testing import Api

pytestmark = pytest.mark.django_db


def world_of_records(w):
    clue(w)
    filed(w)
    case = executing(w)
    decided(w)
    item = services.reconsideration_record(
        actor=w.legal_office,
        case=case,
        number="复1",
        body="区政府",
        applicant="甲",
        known_on=case.decision.served_on,
        applied_on=case.decision.served_on + timedelta(days=2),
    )
    services.reconsideration_accept(actor=w.legal_office, item=item, accepted=True, on=item.applied_on)
    rnd = services.review_round_open(actor=w.legal_office, kind="spot", agency=w.agency, year=2026, seed="d")
    r = rnd.reviews.first()
    services.case_review_complete(
        actor=w.legal_office,
        review=r,
        scores={"body": 20, "procedure": 10, "facts": 20, "evidence": 20, "law": 15},
        confirmed=[],
    )
    complaints_and_media(w)


def complaints_and_media(w):
    """Three complaints (one answered, one open past its deadline, one unrouted) and two
    media exposures (one followed, one concluded)."""
    answered = complaint_builders.report(w)
    complaint_services.complaint_take_up(actor=w.head, complaint=answered)
    complaint_services.complaint_answer(
        actor=w.head, complaint=answered, answer="经核查情况属实，已立案查处并责令下架。"
    )
    late = complaint_builders.report(w)
    Complaint.objects.filter(pk=late.pk).update(due_on=clock.today() - timedelta(days=3))
    complaint_builders.enforcement_complaint(w)
    complaint_services.media_register(
        actor=w.legal_office,
        agency=w.agency,
        outlet="重庆日报",
        title="过期食品仍在售",
        reported_on=clock.today(),
        summary="超市销售过期食品。",
    )
    done = complaint_services.media_register(
        actor=w.legal_office,
        agency=w.agency,
        outlet="华龙网",
        title="执法不规范",
        reported_on=clock.today(),
        summary="执法人员未出示证件。",
    )
    complaint_services.media_conclude(actor=w.legal_office, exposure=done, result="已责令整改，对执法人员批评教育。")


def test_every_number_equals_its_drill_down(w, client):
    world_of_records(w)
    on = clock.today()
    charts = dashboard.charts(w.legal_office, on)
    assert {c.metric for c in charts} == {
        "stage",
        "agency",
        "alert",
        "departures",
        "review",
        "reconsideration",
        "lawsuit",
        *dashboard.COMPLAINT_METRICS[:3],
        "complaint_overdue",
        *dashboard.MEDIA_METRICS,
    } - {"complaint_answered"}
    api = Api(client, w.legal_office)
    data = api.get("oversight/dashboard").json()
    assert data == dashboard.as_data(charts)
    nonzero = 0
    for c in data:
        rows = (
            "complaints"
            if c["metric"] in dashboard.COMPLAINT_METRICS
            else "media"
            if c["metric"] in dashboard.MEDIA_METRICS
            else "cases"
        )
        for b in c["bars"]:
            drilled = api.get(f"oversight/dashboard/{rows}?metric={c['metric']}&key={b['key']}&limit=100").json()
            assert drilled["count"] == b["count"] == len(drilled["items"]), (c["metric"], b["key"])
            nonzero += bool(b["count"])
    assert nonzero >= 16
    review = next(c for c in charts if c.metric == "review")
    assert [b.count for b in review.bars] == [0, 0, 1, 0]
    remedy = next(c for c in charts if c.metric == "reconsideration")
    assert next(b for b in remedy.bars if b.key == "pending").count == 1


def test_the_page_draws_from_a_json_block_and_exports_to_excel(w, client):
    world_of_records(w)
    client.force_login(w.legal_office)
    html = client.get("/oversight/dashboard/").content.decode()
    assert 'id="dashboard-data" type="application/json"' in html
    assert "echarts-5.6.0.min.js" in html and "<script>" not in html
    r = client.get("/oversight/dashboard/?format=xlsx")
    wb = load_workbook(io.BytesIO(r.content))
    assert "案件：按办理阶段" in wb.sheetnames
    page = client.get("/oversight/dashboard/cases/?metric=stage&key=clue")
    assert page.status_code == 200
    r = client.get("/oversight/dashboard/cases/?metric=stage&key=clue&format=xlsx")
    rows = list(load_workbook(io.BytesIO(r.content)).active.values)
    assert rows[0][0] == "案号" and len(rows) == 1 + 2  # the clue and the report taken up as a clue
    assert client.get("/oversight/dashboard/cases/?metric=nonsense&key=x").status_code == 404


def test_complaints_by_handler_their_answer_times_and_media_followed(w, client):
    complaints_and_media(w)
    on = clock.today()
    counts = dashboard.complaint_counts(w.legal_office, on)
    market = next(h for h in counts.by_handler if h.agency_id == w.agency.pk)
    assert (market.total, market.answered, market.overdue) == (2, 1, 1)
    assert market.median_answer_days is not None
    for metric, n in (("complaint_agency", 2), ("complaint_answered", 1), ("complaint_overdue", 1)):
        assert dashboard.complaint_drill(w.legal_office, metric, str(w.agency.pk), on).count() == n
    assert dashboard.complaint_drill(w.legal_office, "complaint_agency", "office", on).count() == 1
    status = {
        b.key: b.count for b in next(c for c in dashboard.charts(w.legal_office, on) if c.metric == "media_status").bars
    }
    assert status == {"following": 1, "concluded": 1}
    client.force_login(w.legal_office)
    html = client.get("/oversight/dashboard/").content.decode()
    assert "举报投诉答复用时" in html and "中位数" in html and "媒体曝光：按追查状态" in html
    html = client.get(f"/oversight/dashboard/cases/?metric=complaint_overdue&key={w.agency.pk}").content.decode()
    assert "逾期未答复" in html
    html = client.get("/oversight/dashboard/cases/?metric=media_status&key=following").content.decode()
    assert "过期食品仍在售" in html and "执法不规范" not in html
    r = client.get("/oversight/dashboard/cases/?metric=complaint_agency&key=office&format=xlsx")
    sheet = load_workbook(io.BytesIO(r.content)).active
    assert sheet.max_row == 2 and sheet["A1"].value == "查询码"
    r = client.get("/oversight/dashboard/?format=xlsx")
    assert "举报投诉答复用时" in load_workbook(io.BytesIO(r.content)).sheetnames
    assert client.get("/oversight/dashboard/cases/?metric=complaint_status&key=nonsense").status_code == 404
