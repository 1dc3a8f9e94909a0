"""The login lockout locks a (username, client address) pair, and behind the recommended
nginx it sees each client's own address (issue 7, login lockout).

Before: every request behind nginx had nginx's address, so five bad passwords from anyone
locked the named officer out for everyone for 15 minutes.
"""

import pytest
from django.conf import settings
from django.test import RequestFactory

from zhifa.accounts.addresses import client_address
from zhifa.testing import make_agency, make_city_and_district, make_user

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


@pytest.fixture
def officer():
    _city, district = make_city_and_district()
    return make_user("officer", agency=make_agency(district), username="officer_a")


@pytest.fixture
def behind_nginx(settings):
    settings.ZHIFA_TRUSTED_PROXIES = ["10.0.0.0/24"]


def login(client, password, *, via=None, client_ip="203.0.113.7", forwarded=None, username="officer_a"):
    meta = {"REMOTE_ADDR": via or client_ip}
    if via:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded if forwarded is not None else client_ip
    return client.post("/accounts/login/", {"username": username, "password": password}, **meta)


def fail_until_locked(client, **kw):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "wrong", **kw)


def test_behind_a_trusted_proxy_an_attacker_locks_only_their_own_address(client, officer, behind_nginx):
    fail_until_locked(client, via=PROXY, client_ip="198.51.100.66")
    assert login(client, "zhifa-test-pw", via=PROXY, client_ip="198.51.100.66").status_code == 429
    client.logout()
    res = login(client, "zhifa-test-pw", via=PROXY, client_ip="203.0.113.7")  # the officer, at their desk
    assert res.status_code == 302


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, officer):
    # A client cannot dodge its lockout by naming a new address in each request.
    for n in range(settings.AXES_FAILURE_LIMIT):
        login(client, "wrong", via="198.51.100.66", forwarded=f"192.0.2.{n}")
    assert login(client, "zhifa-test-pw", via="198.51.100.66", forwarded="192.0.2.99").status_code == 429


def test_addresses_the_client_wrote_into_the_header_are_ignored(client, officer, behind_nginx):
    # nginx appends the address it saw; what the client put to its left is the client's invention.
    for n in range(settings.AXES_FAILURE_LIMIT):
        login(client, "wrong", via=PROXY, forwarded=f"192.0.2.{n}, 198.51.100.66")
    assert login(client, "zhifa-test-pw", via=PROXY, forwarded="192.0.2.99, 198.51.100.66").status_code == 429


def test_the_lock_is_per_username_and_address(client, officer, behind_nginx):
    other = make_user("officer", agency=officer.agency, username="officer_b")
    fail_until_locked(client, via=PROXY, client_ip="198.51.100.66")
    res = login(client, "zhifa-test-pw", via=PROXY, client_ip="198.51.100.66", username=other.username)
    assert res.status_code == 302


def test_the_lock_page_is_chinese_and_says_it_is_this_address_only(client, officer):
    fail_until_locked(client)
    res = login(client, "zhifa-test-pw")
    assert res.status_code == 429 and "在此地址" in res.content.decode()


@pytest.mark.parametrize(
    "remote, forwarded, expected",
    [
        ("203.0.113.7", "", "203.0.113.7"),  # direct connection
        ("203.0.113.7", "1.2.3.4", "203.0.113.7"),  # not our proxy: header ignored
        ("10.0.0.5", "1.2.3.4", "1.2.3.4"),
        ("10.0.0.5", "1.2.3.4, 10.0.0.9", "1.2.3.4"),  # two of our proxies
        ("10.0.0.5", "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # the client's own header entry ignored
        ("10.0.0.5", "garbage, 1.2.3.4", "1.2.3.4"),
        ("10.0.0.5", "1.2.3.4, garbage", "10.0.0.5"),  # malformed from the proxy's side: the proxy's view
        ("10.0.0.5", "", "10.0.0.5"),
        ("10.0.0.5", "[2001:db8::1]:443", "2001:db8::1"),
    ],
)
def test_the_client_address(settings, remote, forwarded, expected):
    settings.ZHIFA_TRUSTED_PROXIES = ["10.0.0.0/24"]
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_address(RequestFactory().get("/", **meta)) == expected


def test_no_proxy_is_trusted_by_default():
    from zhifa.settings import base

    assert base.ZHIFA_TRUSTED_PROXIES == [] or __import__("os").environ.get("ZHIFA_TRUSTED_PROXIES")
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
