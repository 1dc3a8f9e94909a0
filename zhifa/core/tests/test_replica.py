"""The read replica's routing (issue 13, past one machine): which requests read from it,
and that writes and reads inside a transaction never do."""

from __future__ import annotations

import pytest
from django.db import DEFAULT_DB_ALIAS, transaction
from django.test import RequestFactory

from zhifa.cases.models import Case
from zhifa.core import replica

SETTLED = [
    "/",
    "/publications/",
    "/publications/12/",
    "/publications/open-data/",
    "/org/public/agencies/",
    "/people/public/certificates/",
    "/law/public/bases/",
    "/discretion/public/",
    "/credit/public/plans/",
    "/oversight/public/cleanups/",
    "/complaints/public/media/",
    "/oversight/dashboard/",
    "/oversight/dashboard/cases/?metric=stage&key=filed",
    "/api/v1/people/public/certificates",
    "/api/v1/oversight/public/cleanups",
]

READ_BACK = [
    "/cases/",
    "/cases/12/",
    "/publications/manage/",
    "/party/",
    "/party/cases/3/",
    "/complaints/public/track/",
    "/complaints/public/new/",
    "/open311/v2/requests.json",
    "/api/v1/cases/",
    "/api/v1/party/cases",
    "/oversight/alerts/",
]


@pytest.mark.parametrize("path", SETTLED)
def test_settled_pages_may_read_from_the_replica(path):
    assert replica.eligible("GET", path)
    assert replica.eligible("HEAD", path)
    assert not replica.eligible("POST", path)


@pytest.mark.parametrize("path", READ_BACK)
def test_what_a_user_reads_back_after_acting_stays_on_the_primary(path):
    assert not replica.eligible("GET", path)


def _seen_during(monkeypatch, method: str, path: str, *, configured: bool = True):
    monkeypatch.setattr(replica, "configured", lambda: configured)
    seen = {}

    def view(request):
        seen["reading"] = replica.reading()
        seen["db"] = replica.ReplicaRouter().db_for_read(Case)
        return "response"

    middleware = replica.ReplicaMiddleware(view)
    assert middleware(getattr(RequestFactory(), method.lower())(path)) == "response"
    return seen


def test_the_middleware_marks_a_settled_request_and_the_router_sends_its_reads_to_the_replica(monkeypatch):
    assert _seen_during(monkeypatch, "GET", "/oversight/dashboard/") == {"reading": True, "db": replica.REPLICA}
    assert replica.reading() is False  # the mark ends with the request
    assert _seen_during(monkeypatch, "POST", "/oversight/dashboard/") == {"reading": False, "db": DEFAULT_DB_ALIAS}
    assert _seen_during(monkeypatch, "GET", "/cases/") == {"reading": False, "db": DEFAULT_DB_ALIAS}


def test_without_a_replica_nothing_is_routed(monkeypatch):
    assert _seen_during(monkeypatch, "GET", "/", configured=False) == {"reading": False, "db": DEFAULT_DB_ALIAS}


@pytest.mark.django_db
def test_inside_a_transaction_and_for_every_write_the_primary(monkeypatch):
    monkeypatch.setattr(replica, "configured", lambda: True)
    router = replica.ReplicaRouter()
    token = replica._reading.set(True)
    try:
        with transaction.atomic():  # an act's reads see its own writes
            assert router.db_for_read(Case) == DEFAULT_DB_ALIAS
        assert router.db_for_write(Case, instance=Case(pk=1)) == DEFAULT_DB_ALIAS
    finally:
        replica._reading.reset(token)
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "cases") is True
    assert router.allow_migrate(replica.REPLICA, "cases") is False


def test_the_session_user_is_read_from_the_primary_before_the_mark(monkeypatch):
    monkeypatch.setattr(replica, "configured", lambda: True)
    loaded = []

    class LazyUser:
        @property
        def is_authenticated(self):
            loaded.append(replica.reading())
            return True

    request = RequestFactory().get("/oversight/dashboard/")
    request.user = LazyUser()
    replica.ReplicaMiddleware(lambda r: replica.reading())(request)
    assert loaded and loaded[0] is False
