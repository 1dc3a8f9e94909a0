"""Reads a read replica may serve (issue 13, past one machine).

PostgreSQL stays the system of record: every write, and every read inside an act's
transaction, goes to ``default``. When ``DATABASE_REPLICA_URL`` names a streaming replica
(settings: ``DATABASES["replica"]``), the GET requests that only show what is already
settled (the public portal's pages and open data, the public registries, the supervision
dashboards; ``settings.ZHIFA_REPLICA_PATHS``) read from it, so that the public and the
dashboards do not load the database the officers act on.

Not routed: anything a user reads back right after acting (a party's own pages, a
complaint's tracking page, Open311 requests, the staff's case pages): a replica lags the
primary by a moment, and a party who has just submitted a defence must see it.

Without a replica configured the middleware and the router change nothing.
"""

from __future__ import annotations

import contextvars
import re
from functools import cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

_reading = contextvars.ContextVar("zhifa_replica_reading", default=False)


def configured() -> bool:
    return REPLICA in settings.DATABASES


@cache
def _patterns(paths: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in paths))


def eligible(method: str, path: str) -> bool:
    """Whether a request may read from the replica: a GET or HEAD of a settled page."""
    paths = tuple(getattr(settings, "ZHIFA_REPLICA_PATHS", ()))
    return method in ("GET", "HEAD") and bool(paths) and _patterns(paths).search(path) is not None


def reading() -> bool:
    """Whether this request's reads go to the replica now."""
    return _reading.get()


class ReplicaRouter:
    """``db_for_read``: the replica while a routed request runs, outside any transaction
    (reads an act makes inside its transaction see its own writes on ``default``); every
    write and every migration: ``default`` (an instance read from the replica is saved to
    the primary, not where it came from)."""

    def db_for_read(self, model, **hints):
        if _reading.get() and configured() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same database, replicated

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA


class ReplicaMiddleware:
    """Marks an eligible request so that the router sends its reads to the replica (after
    the authentication middleware: the session and the user come from the primary)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (configured() and eligible(request.method, request.path_info)):
            return self.get_response(request)
        # The session and the user are read from the primary first: one who has just logged
        # in is logged in, whatever the replica's lag.
        user = getattr(request, "user", None)
        if user is not None:
            user.is_authenticated  # noqa: B018 (evaluates the lazy user)
        token = _reading.set(True)
        try:
            return self.get_response(request)
        finally:
            _reading.reset(token)
