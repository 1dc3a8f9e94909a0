"""Bad input gets a 4xx with the platform's error body, in Chinese, never a 500 (issue 7).

Each case here answered 500 (or an English refusal) before: integers beyond 64 bits in
``limit``, ``offset`` and ids; a multipart body without its boundary; a NUL character
(which PostgreSQL refuses to store or compare); a body that is not JSON; a write
without a CSRF token; unknown addresses. Fixed once for every operation and page
(``zhifa.api``, ``zhifa.core.inputs``, ``zhifa.core.middleware``, ``zhifa.core.error_pages``).
"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from zhifa.testing import assert_api_refused, make_agency, make_city_and_district, make_party, make_user, valid_uscc

pytestmark = pytest.mark.django_db

BIG = str(2**64)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def world():
    _city, district = make_city_and_district()
    agency = make_agency(district)
    return {"agency": agency, "officer": make_user("officer", agency=agency), "party": make_party()}


def chinese_refusal(res, status, code=None):
    body = assert_api_refused(res, status, code=code)
    assert CJK.search(body["message"]), body
    return body


def api_list_paths():
    from zhifa.api import api

    schema = api.get_openapi_schema()
    for path, item in schema["paths"].items():
        get = item.get("get")
        if get and "{" not in path and any(p["name"] == "limit" for p in get.get("parameters", [])):
            yield path


@pytest.mark.parametrize("param", ["limit", "offset"])
def test_huge_pagination_numbers_are_refused_on_every_list(client, world, param):
    client.force_login(world["officer"])
    paths = list(api_list_paths())
    assert len(paths) > 20
    for path in paths:
        for c in (client, Client()):  # an officer, and anonymously
            res = c.get(f"{path}?{param}={BIG}")
            assert res.status_code in (400, 401), (path, res.status_code)
            if res.status_code == 400:
                assert chinese_refusal(res, 400)["field"] == param


def test_huge_ids_in_paths_and_filters_are_refused(api, world):
    body = chinese_refusal(api(world["officer"]).get(f"org/agencies/{BIG}"), 400)
    assert body["field"] == "pk"
    chinese_refusal(api(world["officer"]).get(f"audit/events?from_seq={BIG}"), 400)
    chinese_refusal(api(world["officer"]).get(f"parties/{BIG}"), 400)
    res = api(world["officer"]).post(
        "parties/", {"kind": "organisation", "name": "某公司", "uscc": valid_uscc(), "government_id": int(BIG)}
    )
    assert chinese_refusal(res, 400)["field"] == "government_id"


def test_huge_ids_in_page_addresses_are_not_found(client, world):
    client.force_login(world["officer"])
    for path in (f"/org/agencies/{BIG}/", f"/parties/{BIG}/", f"/audit/{BIG}/", f"/cases/{BIG}/"):
        res = client.get(path)
        assert res.status_code in (400, 404), (path, res.status_code)
        assert "Server Error" not in res.content.decode()


def test_a_list_limit_is_bounded(api, world):
    body = chinese_refusal(api(world["officer"]).get("org/agencies?limit=501"), 400)
    assert body["field"] == "limit"
    assert api(world["officer"]).get("org/agencies?limit=500").status_code == 200


def test_a_multipart_body_without_boundary_is_refused(client, world):
    client.force_login(world["officer"])
    for path in ("/api/v1/cases/1/evidence", "/api/v1/parties/"):
        res = client.post(path, data=b"--x\r\n", content_type="multipart/form-data")
        chinese_refusal(res, 400, code="malformed_body")


def test_a_body_that_is_not_json_is_refused_in_chinese(client, world):
    client.force_login(world["officer"])
    res = client.post("/api/v1/parties/", data="kind=person", content_type="application/json")
    body = chinese_refusal(res, 400, code="malformed_body")
    assert "Cannot parse" not in body["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/org/agencies?q=%00",
        "/api/v1/org/agencies?q%00=1",
        "/api/v1/people/public/certificates/a%00b",
        "/api/v1/parties/?q=a%00b",
    ],
)
def test_a_nul_character_in_an_address_is_refused(client, world, path):
    client.force_login(world["officer"])
    body = chinese_refusal(client.get(path), 400, code="nul_character")
    assert "空字符" in body["message"]


def test_a_nul_character_in_a_page_address_is_refused_in_the_layout(client, world):
    for path in ("/org/public/agencies/?q=%00", "/people/public/certificates/a%00b/"):
        res = client.get(path)
        assert res.status_code == 400
        html = res.content.decode()
        assert "空字符" in html and 'class="site-header"' in html


def test_a_nul_character_in_a_body_is_refused_at_its_field(api, world):
    from zhifa.parties.models import Party

    res = api(world["officer"]).post("parties/", {"kind": "organisation", "name": "某\x00公司", "uscc": valid_uscc()})
    body = chinese_refusal(res, 400, code="nul_character")
    assert body["field"] == "name"
    assert not Party.objects.filter(name__contains="某").exists()


def test_a_nul_character_in_a_form_is_refused_at_its_field(client, world):
    client.force_login(world["officer"])
    res = client.post("/parties/new/", {"kind": "organisation", "name": "某\x00公司", "uscc": valid_uscc()})
    assert res.status_code == 400
    html = res.content.decode()
    assert 'id="field-name"' in html and "空字符" in html


def test_anonymous_writes_are_asked_to_log_in_in_chinese(world):
    c = Client(enforce_csrf_checks=True)
    res = c.post("/api/v1/parties/", data="{}", content_type="application/json")
    chinese_refusal(res, 401, code="not_authenticated")


def test_a_session_write_without_csrf_token_is_refused_in_chinese(world):
    from zhifa.parties.models import Party

    c = Client(enforce_csrf_checks=True)
    c.force_login(world["officer"])
    data = json.dumps({"kind": "organisation", "name": "某公司", "uscc": valid_uscc()})
    chinese_refusal(c.post("/api/v1/parties/", data=data, content_type="application/json"), 403, code="csrf_failed")
    res = c.post("/parties/new/", {"kind": "organisation", "name": "某公司", "uscc": valid_uscc()})
    assert res.status_code == 403
    html = res.content.decode()
    assert "CSRF" in html and "刷新页面" in html and 'class="site-header"' in html and "Forbidden" not in html
    assert not Party.objects.filter(name="某公司").exists()


def test_unknown_addresses_answer_in_chinese(client):
    res = client.get("/no-such-page/")
    assert res.status_code == 404 and "页面不存在" in res.content.decode() and "Not Found" not in res.content.decode()
    chinese_refusal(client.get("/api/v1/no-such-operation"), 404, code="not_found")


def test_the_server_error_page_is_chinese_and_shows_nothing_of_the_code(client, settings):
    from django.urls import path

    from zhifa import urls

    def broken(request):
        raise RuntimeError("secret detail")

    settings.ROOT_URLCONF = type(
        "U", (), {"urlpatterns": [path("boom/", broken), *urls.urlpatterns], "handler500": urls.handler500}
    )
    c = Client(raise_request_exception=False)
    res = c.get("/boom/")
    assert res.status_code == 500
    html = res.content.decode()
    assert "服务器内部错误" in html and "secret detail" not in html and "Traceback" not in html


def test_full_width_digits_are_refused_in_api_amounts(api, world):
    """An amount typed as “１００” is refused at its field, showing the half-width form to type."""
    res = api(world["officer"]).post("discretion/departures", {"chosen_amount": "１００"})
    body = assert_api_refused(res, 400)
    errors = {e["field"]: e["message"] for e in body["errors"]}
    assert "“100”" in errors["chosen_amount"] and "全角" in errors["chosen_amount"]
    res = api(world["officer"]).post("discretion/departures", {"chosen_amount": "100"})
    assert "chosen_amount" not in {e["field"] for e in res.json()["errors"]}
    schema = api().get("openapi.json").json()
    limit = next(p for p in schema["paths"]["/api/v1/org/agencies"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500


def test_full_width_digits_are_refused_in_form_amounts(client, world):
    from zhifa.discretion.forms import EvaluateForm

    form = EvaluateForm(data={"illegal_income": "１２．５", "prior_violations": "２"})
    form.is_valid()
    assert "“12.5”" in form.errors["illegal_income"][0]
    assert "“2”" in form.errors["prior_violations"][0]
    form = EvaluateForm(data={"illegal_income": "12.5", "prior_violations": "2"})
    form.is_valid()
    assert "illegal_income" not in form.errors and "prior_violations" not in form.errors
