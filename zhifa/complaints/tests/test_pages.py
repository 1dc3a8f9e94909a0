"""The complaint pages: the office's and the agency's queues, the complaint with its
history and acts, the public's complaint and its tracking, clients, media."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.complaints import selectors, services
from zhifa.complaints.models import Complaint, Status
from zhifa.complaints.tests.builders import enforcement_complaint, report

pytestmark = pytest.mark.django_db


def test_the_public_complains_without_login_and_follows_by_tracking_number(client, w):
    form = client.get("/complaints/public/new/")
    assert form.status_code == 200 and "举报投诉" in form.content.decode()
    response = client.post(
        "/complaints/public/new/",
        {
            "kind": "violation",
            "description": "解放碑某超市货架上有过期牛奶在售。",
            "violation_item": w.item.pk,
            "place": w.district.pk,
            "address": "民族路100号",
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.channel == "portal" and complaint.status == Status.ROUTED
    assert response.url.endswith(f"?number={complaint.tracking_number}")
    page = client.get(response.url, follow=True).content.decode()
    assert complaint.tracking_number in page and w.agency.name in page and "按权责清单转交" in page
    assert "解放碑" not in page  # the public sees the progress, not the report
    missing = client.get("/complaints/public/track/", {"number": "TS00000000AAAAAA"})
    assert missing.status_code == 404 and "没有这个查询码" in missing.content.decode()


def test_a_public_complaint_with_errors_is_shown_at_the_field(client, w):
    response = client.post("/complaints/public/new/", {"kind": "violation", "description": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="field-description"' in page and 'has-error" id="field-description"' in page
    assert not Complaint.objects.exists()


def test_the_office_routes_from_its_queue_and_the_agency_answers(client, w):
    c = report(w, violation_item=None, field="", description="小区里有人销售过期食品。")
    Complaint.objects.filter(pk=c.pk).update(violation_item=w.item)  # the office names the item it reads
    client.force_login(w.legal_office)
    queue = client.get("/complaints/queue/").content.decode()
    assert c.tracking_number in queue
    detail = client.get(f"/complaints/{c.pk}/").content.decode()
    assert "转交执法机关" in detail and "受理" in detail
    refused = client.post(f"/complaints/{c.pk}/route/", {"agency": w.other_agency.pk})
    assert refused.status_code == 422 and "D3.4" in refused.content.decode()  # no such power in its catalogue
    routed = client.post(f"/complaints/{c.pk}/route/", {"agency": w.agency.pk, "note": "请核查。"})
    assert routed.status_code == 302
    client.force_login(w.zhang)
    assert c.tracking_number in client.get("/complaints/queue/").content.decode()
    short = client.post(f"/complaints/{c.pk}/answer/", {"answer": "已处理。"})
    assert short.status_code == 422 and "D6.7a" in short.content.decode()
    done = client.post(f"/complaints/{c.pk}/answer/", {"answer": "经现场检查，确有过期食品在售，已立案调查。"})
    assert done.status_code == 302
    c.refresh_from_db()
    assert c.status == Status.ANSWERED
    page = client.get(f"/complaints/{c.pk}/").content.decode()
    assert "经现场检查" in page and "转交重庆市渝中区市场监督管理局办理。请核查。" in page


def test_the_agency_takes_up_a_report_as_a_clue_from_its_page(client, w):
    c = report(w)
    client.force_login(w.zhang)
    assert "登记为违法线索" in client.get(f"/complaints/{c.pk}/").content.decode()
    assert client.post(f"/complaints/{c.pk}/take-up/", {}).status_code == 302
    c.refresh_from_db()
    assert c.status == Status.HANDLING and c.case_id
    assert f"/cases/{c.case_id}/" in client.get(f"/complaints/{c.pk}/").content.decode()


def test_another_agency_sees_nothing(client, w):
    c = report(w)
    client.force_login(w.other_officer)
    assert client.get(f"/complaints/{c.pk}/").status_code == 404
    assert c.tracking_number not in client.get("/complaints/").content.decode()


def test_the_list_filters_by_status_and_overdue(client, w):
    from zhifa.testing import frozen

    with frozen(date(2026, 11, 2)):
        late = report(w)
    fresh = enforcement_complaint(w)
    client.force_login(w.legal_office)
    overdue = client.get("/complaints/", {"overdue": "true"}).content.decode()
    assert late.tracking_number in overdue and fresh.tracking_number not in overdue
    received = client.get("/complaints/", {"status": "received"}).content.decode()
    assert fresh.tracking_number in received and late.tracking_number not in received


def test_the_office_registers_a_letter(client, w):
    client.force_login(w.legal_office)
    response = client.post(
        "/complaints/new/",
        {"kind": "enforcement", "description": "来信反映执法人员未出示证件。", "subject_agency": w.agency.pk},
    )
    assert response.status_code == 302
    assert Complaint.objects.get().channel == "staff"


def test_the_office_issues_a_key_shown_once_and_revokes_it(client, w):
    client.force_login(w.legal_office)
    issued = client.post("/complaints/clients/new/", {"name": "渝中区12345热线"})
    assert issued.status_code == 201
    key = issued.content.decode().split('<code class="sha">')[1].split("<")[0]
    assert selectors.client_by_key(key) is not None
    listing = client.get("/complaints/clients/").content.decode()
    assert "渝中区12345热线" in listing and key not in listing
    pk = selectors.client_by_key(key).pk
    assert client.post(f"/complaints/clients/{pk}/revoke/", {}).status_code == 302
    assert selectors.client_by_key(key) is None
    client.force_login(w.zhang)
    assert client.get("/complaints/clients/").status_code == 403


def test_media_exposure_pages(client, w):
    client.force_login(w.legal_office)
    created = client.post(
        "/complaints/media/new/",
        {
            "agency": w.agency.pk,
            "outlet": "重庆日报",
            "title": "过期食品举报无人理",
            "reported_on": "2026-11-20",
            "summary": "报道称群众多次举报，执法机关未回应。",
        },
    )
    assert created.status_code == 302
    exposure = selectors.media_list(w.legal_office).get()
    assert client.get("/complaints/public/media/").content.decode().count("过期食品举报无人理") == 0
    concluded = client.post(
        f"/complaints/media/{exposure.pk}/conclude/", {"result": "经追查报道属实，已责令立案查处并追究承办人员责任。"}
    )
    assert concluded.status_code == 302
    client.logout()
    assert "过期食品举报无人理" in client.get("/complaints/public/media/").content.decode()
    assert "追究承办人员责任" in client.get(f"/complaints/public/media/{exposure.pk}/").content.decode()


@pytest.mark.parametrize("url", ["/complaints/", "/complaints/queue/"])
def test_the_lists_issue_the_same_queries_for_5_and_50(client, w, url):
    for _ in range(5):
        report(w)
    client.force_login(w.legal_office)
    client.get(url)  # warm the caches of the first request
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    for _ in range(45):
        report(w)
    with CaptureQueriesContext(connection) as fifty:
        assert client.get(url, {"page": 2}).status_code == 200
    assert len(fifty.captured_queries) == len(five.captured_queries)


def test_the_media_lists_issue_the_same_queries_for_5_and_50(client, w):
    def expose(n):
        for i in range(n):
            e = services.media_register(
                actor=w.legal_office,
                agency=w.agency,
                outlet="重庆日报",
                title=f"报道{i}",
                reported_on=date(2026, 11, 1),
                summary="某问题",
            )
            services.media_conclude(actor=w.legal_office, exposure=e, result="经追查属实，已责令整改并通报。")

    expose(5)
    client.force_login(w.legal_office)
    client.get("/complaints/media/")
    with CaptureQueriesContext(connection) as five:
        client.get("/complaints/media/")
        client.get("/complaints/public/media/")
    expose(45)
    with CaptureQueriesContext(connection) as fifty:
        client.get("/complaints/media/")
        client.get("/complaints/public/media/")
    assert len(fifty.captured_queries) == len(five.captured_queries)
