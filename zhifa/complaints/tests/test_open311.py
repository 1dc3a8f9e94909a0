"""Open311 GeoReport v2 at /open311/v2/, every answer validated against the GeoReport v2
JSON Schemas (../shared/reference/open311-georeport-v2/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from referencing import Registry
from referencing.jsonschema import DRAFT7

from zhifa.complaints import selectors, services
from zhifa.complaints.models import Status
from zhifa.complaints.tests.builders import report

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "open311-georeport-v2"
BASE = "/open311/v2"


def _schema_resource(name):
    return DRAFT7.create_resource(json.loads((SCHEMAS / name).read_text()))


REGISTRY = Registry().with_resources(
    (n, _schema_resource(n))
    for n in ("request.json", "requests.json", "service.json", "services.json", "service-definition.json")
)


def valid(data, schema: str):
    validator = Draft7Validator(json.loads((SCHEMAS / schema).read_text()), registry=REGISTRY)
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, [e.message for e in errors]
    return data


@pytest.fixture
def hotline(w):
    client, key = services.client_issue(actor=w.legal_office, name="渝中区12345政务服务便民热线")
    return client, key


def test_services_and_their_definitions_conform(client, w):
    services_ = valid(client.get(f"{BASE}/services.json").json(), "services.json")
    codes = [s["service_code"] for s in services_]
    assert codes[0] == "enforcement" and "violation-market" in codes
    for code in ("enforcement", "violation-market"):
        definition = valid(client.get(f"{BASE}/services/{code}.json").json(), "service-definition.json")
        assert definition["service_code"] == code
        district = definition["attributes"][0]
        assert (
            district["code"] == "district"
            and {"key": w.district.division_code, "name": w.district.name} in district["values"]
        )
    missing = client.get(f"{BASE}/services/parking.json")
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404


@pytest.mark.clause("D6.7a", "D3.4")
def test_scenario_a_hotline_posts_finds_it_by_id_it_is_routed_and_answered(client, w, hotline):
    """The Open311 scenario of issue 10: posted by a client, found by its id, routed,
    answered; the answer visible to the client."""
    _client, key = hotline
    posted = client.post(
        f"{BASE}/requests.json",
        {
            "api_key": key,
            "service_code": "violation-market",
            "description": "市民来电：民族路某超市销售过期牛奶。",
            "address_string": "渝中区民族路100号",
            "lat": "29.557",
            "long": "106.577",
            "attribute[district]": w.district.division_code,
            "attribute[violation_item]": w.item.code,
            "attribute[client_reference]": "12345-20261201-0007",
            "first_name": "女士",
            "last_name": "王",
            "phone": "13800000000",
        },
    )
    assert posted.status_code == 200, posted.content
    body = posted.json()
    assert body[0]["service_request_id"].startswith("TS20261201")
    request_id = body[0]["service_request_id"]

    found = valid(client.get(f"{BASE}/requests/{request_id}.json", {"api_key": key}).json(), "requests.json")
    one = valid(found[0], "request.json")
    assert one["status"] == "open" and one["agency_responsible"] == w.agency.name  # routed by the catalogue
    assert one["status_notes"] == f"按权责清单转交{w.agency.name}办理。"
    assert one["description"] == "市民来电：民族路某超市销售过期牛奶。" and one["lat"] == 29.557

    complaint = selectors.complaint_by_tracking(request_id)
    assert complaint.client_reference == "12345-20261201-0007" and complaint.complainant_name == "王女士"
    services.complaint_take_up(actor=w.zhang, complaint=complaint)
    services.complaint_answer(
        actor=w.zhang, complaint=complaint, answer="经现场检查，该超市确有过期牛奶在售，已立案调查并下架。"
    )
    after = valid(client.get(f"{BASE}/requests/{request_id}.json", {"api_key": key}).json(), "requests.json")[0]
    assert after["status"] == "closed"
    assert after["status_notes"] == "经现场检查，该超市确有过期牛奶在售，已立案调查并下架。"
    closed = valid(client.get(f"{BASE}/requests.json", {"status": "closed", "api_key": key}).json(), "requests.json")
    assert [r["service_request_id"] for r in closed] == [request_id]


def test_posting_needs_a_valid_key(client, w, hotline):
    _client, key = hotline
    data = {"service_code": "violation-market", "description": "有人销售过期食品。"}
    anonymous = client.post(f"{BASE}/requests.json", data)
    assert anonymous.status_code == 401 and anonymous.json()[0]["code"] == 401
    wrong = client.post(f"{BASE}/requests.json", {**data, "api_key": "zk_wrong"})
    assert wrong.status_code == 403
    services.client_revoke(actor=w.legal_office, client=_client)
    revoked = client.post(f"{BASE}/requests.json", {**data, "api_key": key})
    assert revoked.status_code == 403
    assert not selectors.complaint_list(w.legal_office).exists()


def test_bad_posts_answer_in_open311_errors(client, w, hotline):
    _client, key = hotline
    for data in [
        {"service_code": "parking", "description": "乱停车"},
        {"service_code": "violation-market", "description": ""},
        {"service_code": "violation-market", "description": "过期食品", "lat": "99"},
        {"service_code": "violation-market", "description": "过期食品", "attribute[district]": "999999"},
        {"service_code": "violation-market", "description": "过期\x00食品"},
        {"service_code": "violation-market", "description": "长" * 4001},
    ]:
        response = client.post(f"{BASE}/requests.json", {**data, "api_key": key})
        assert response.status_code == 400, (data, response.content)
        error = response.json()
        assert isinstance(error, list) and error[0]["code"] == 400 and error[0]["description"]
    assert not selectors.complaint_list(w.legal_office).exists()


def test_the_public_reads_status_and_notes_but_not_the_description(client, w, hotline):
    c = report(w)
    public = valid(client.get(f"{BASE}/requests/{c.tracking_number}.json").json(), "requests.json")[0]
    assert public["status"] == "open" and public["status_notes"]
    assert public["description"] is None and public["address"] is None
    _client, key = hotline  # another client's key shows no more
    assert client.get(f"{BASE}/requests/{c.tracking_number}.json", {"api_key": key}).json()[0]["description"] is None
    assert client.get(f"{BASE}/requests/TS00000000XXXXXX.json").status_code == 404


def test_requests_search_by_status_code_and_date(client, w):
    from datetime import date

    from zhifa.testing import frozen

    with frozen(date(2026, 10, 10)):
        old = report(w)
    new = report(w, violation_item=None, field="", description="夜间施工扰民。")
    answered = report(w)
    services.complaint_answer(actor=w.zhang, complaint=answered, answer="经核查属实，已责令改正并立案调查。")
    ids = lambda r: {x["service_request_id"] for x in valid(r.json(), "requests.json")}  # noqa: E731
    assert ids(client.get(f"{BASE}/requests.json")) == {
        old.tracking_number,
        new.tracking_number,
        answered.tracking_number,
    }
    assert ids(client.get(f"{BASE}/requests.json", {"status": "open"})) == {old.tracking_number, new.tracking_number}
    assert ids(client.get(f"{BASE}/requests.json", {"service_code": "violation-other"})) == {new.tracking_number}
    assert ids(client.get(f"{BASE}/requests.json", {"start_date": "2026-11-01T00:00:00+08:00"})) == {
        new.tracking_number,
        answered.tracking_number,
    }
    assert ids(client.get(f"{BASE}/requests.json", {"service_request_id": f"{old.tracking_number},X"})) == {
        old.tracking_number
    }
    for params in [{"status": "pending"}, {"start_date": "yesterday"}, {"start_date": "2026-01-01T00:00:00"}]:
        response = client.get(f"{BASE}/requests.json", params)
        assert response.status_code == 400 and response.json()[0]["code"] == 400
    assert new.status == Status.RECEIVED


def test_the_request_list_issues_the_same_queries_for_5_and_50(client, w, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(5):
        report(w)
    with CaptureQueriesContext(connection) as five:
        assert len(client.get(f"{BASE}/requests.json").json()) == 5
    for _ in range(45):
        report(w)
    with CaptureQueriesContext(connection) as fifty:
        assert len(client.get(f"{BASE}/requests.json").json()) == 50
    assert len(fifty.captured_queries) == len(five.captured_queries)


def test_the_schemas_are_really_checked():
    bad = [{"service_request_id": "TS1", "status": "pending", "service_code": "x", "requested_datetime": "2026"}]
    with pytest.raises(AssertionError):
        valid(bad, "requests.json")
