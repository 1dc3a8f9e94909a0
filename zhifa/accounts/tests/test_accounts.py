"""Login, password hashing, throttling, API tokens and agency scope."""

import pytest
from django.conf import settings
from django.core.management import call_command

from zhifa.accounts import access, services
from zhifa.accounts.models import ApiToken, Role
from zhifa.core.errors import DomainError
from zhifa.org.models import Government
from zhifa.testing import make_agency, make_city_and_district, make_government, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    city, district = make_city_and_district()
    other_district = make_government("江北区", "district", city, code="500105")
    a = make_agency(district, name="渝中区市场监督管理局")
    b = make_agency(other_district, name="江北区市场监督管理局")
    c = make_agency(city, name="重庆市市场监督管理局")
    return {
        "city": city,
        "district": district,
        "other": other_district,
        "a": a,
        "b": b,
        "c": c,
        "officer_a": make_user("officer", agency=a, username="officer_a"),
        "office_city": make_user("legal_office", government=city, username="office_city"),
        "office_district": make_user("legal_office", government=district, username="office_district"),
        "admin": make_user("admin", username="root"),
    }


def test_users_get_argon2_hashes_outside_the_test_settings():
    from zhifa.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_password_is_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = make_user("admin", password="a-long-demo-password")
    assert user.password.startswith("argon2")
    assert user.check_password("a-long-demo-password")


def test_login_page_logs_in_and_lands_on_the_workbench(client, world):
    res = client.post("/accounts/login/", {"username": "officer_a", "password": "zhifa-test-pw"})
    assert res.status_code == 302
    assert client.get("/workbench/", follow=True).status_code == 200


def test_repeated_failed_logins_are_throttled(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        res = client.post("/accounts/login/", {"username": "officer_a", "password": "wrong"})
        assert res.status_code in (200, 429)
    res = client.post("/accounts/login/", {"username": "officer_a", "password": "zhifa-test-pw"})
    assert res.status_code == 429
    assert "暂停" in res.content.decode()


def test_a_wrong_password_says_so_in_chinese(client, world):
    res = client.post("/accounts/login/", {"username": "officer_a", "password": "wrong"})
    assert "用户名或密码不正确" in res.content.decode()


def test_token_command_issues_a_working_bearer_token(client, world, capsys):
    call_command("token", "create", "officer_a")
    token = capsys.readouterr().out.strip()
    assert token.startswith("zf_")
    row = ApiToken.objects.get(user=world["officer_a"])
    assert row.digest != token and row.digest == ApiToken.digest_of(token)
    res = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert res.status_code == 200 and res.json()["username"] == "officer_a"


def test_a_bad_or_revoked_token_is_refused(client, world):
    token = services.token_create(actor=None, user=world["officer_a"])
    services.token_revoke(actor=world["officer_a"], token=ApiToken.objects.get(user=world["officer_a"]))
    for value in (token, "zf_nonsense"):
        res = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {value}")
        assert res.status_code == 401
        assert res.json()["code"] == "not_authenticated"


def test_api_needs_authentication(client, world):
    assert client.get("/api/v1/me").status_code == 401


def test_session_api_calls_need_csrf_for_writes(world):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(world["admin"])
    res = c.post(
        "/api/v1/org/governments",
        data={"name": "x", "level": "district", "division_code": "500199"},
        content_type="application/json",
    )
    assert res.status_code in (401, 403)
    assert not Government.objects.filter(name="x").exists()


def test_openapi_schema_is_published(client):
    res = client.get("/api/v1/openapi.json")
    assert res.status_code == 200 and res.json()["info"]["title"].startswith("zhifa")


def test_agency_staff_see_their_own_agency_only(world):
    assert access.visible_agency_ids(world["officer_a"]) == {world["a"].pk}
    assert access.can_see_agency(world["officer_a"], world["a"].pk)
    assert not access.can_see_agency(world["officer_a"], world["b"].pk)
    with pytest.raises(DomainError) as exc:
        access.require_agency(world["officer_a"], world["b"].pk)
    assert exc.value.status == 404


def test_legal_affairs_office_sees_its_government_and_those_below(world):
    assert access.visible_agency_ids(world["office_city"]) == {world["a"].pk, world["b"].pk, world["c"].pk}
    assert access.visible_agency_ids(world["office_district"]) == {world["a"].pk}
    assert access.visible_agency_ids(world["admin"]) is None


def test_only_the_administrator_creates_users(world):
    with pytest.raises(DomainError) as exc:
        services.user_create(
            actor=world["officer_a"], username="x", password="long-enough-pw", role=Role.OFFICER, agency=world["a"]
        )
    assert exc.value.status == 403
    user = services.user_create(
        actor=world["admin"], username="x", password="long-enough-pw", role=Role.OFFICER, agency=world["a"]
    )
    assert user.check_password("long-enough-pw")


def test_agency_staff_must_belong_to_an_agency(world):
    with pytest.raises(DomainError) as exc:
        services.user_create(actor=world["admin"], username="y", password="long-enough-pw", role=Role.OFFICER)
    assert exc.value.status == 400 and "执法机关" in exc.value.message


def test_a_token_records_its_use_at_most_once_a_minute(client, world):
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from zhifa.core import clock
    from zhifa.testing import frozen

    token = services.token_create(actor=None, user=world["officer_a"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    start = clock.now()
    with frozen(start):
        assert client.get("/api/v1/me", **auth).status_code == 200
    assert ApiToken.objects.get(user=world["officer_a"]).last_used_at == start
    with frozen(start + timedelta(seconds=59)), CaptureQueriesContext(connection) as ctx:
        assert client.get("/api/v1/me", **auth).status_code == 200
    assert not [q for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    assert ApiToken.objects.get(user=world["officer_a"]).last_used_at == start
    with frozen(start + timedelta(minutes=1)):
        assert client.get("/api/v1/me", **auth).status_code == 200
    assert ApiToken.objects.get(user=world["officer_a"]).last_used_at == start + timedelta(minutes=1)
