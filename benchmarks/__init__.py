"""Benchmarks that print numbers: ``python -m benchmarks`` (or ``make bench``) runs the
``main()`` of every module in this package; ``python -m benchmarks audit`` runs one.

They measure; they assert nothing and are not tests. Each builds its own throwaway
database (SQLite in memory, or a ``*_bench`` database beside ``DATABASE_URL``'s).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import time


@contextlib.contextmanager
def throwaway_database():
    """Django set up on a fresh, migrated database that is dropped afterwards: SQLite in
    memory by default, or with ``DATABASE_URL`` a PostgreSQL database named after it
    with ``_bench`` appended (so a benchmark never touches real data or the tests').

    ``ZHIFA_BENCH_KEEP=<suffix>`` keeps it instead: the database ``<name>_bench_<suffix>``
    is reused if it exists (migrated forward) and left in place afterwards, so a city
    seeded to a million cases (an hour's work) is grown once and measured again, and a
    benchmark that stops half-way resumes its seeding where it stopped."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhifa.settings.test")
    import django
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    django.setup()
    db = settings.DATABASES["default"]
    keep = os.environ.get("ZHIFA_BENCH_KEEP", "")
    if "sqlite" not in db["ENGINE"]:
        db.setdefault("TEST", {})["NAME"] = f"{db['NAME']}_bench" + (f"_{keep}" if keep else "")
    elif keep:
        db.setdefault("TEST", {})["NAME"] = f"var/bench-{keep}.sqlite3"
    # serialized_aliases=(): no copy of the database's contents for TransactionTestCase (a kept
    # city of a million cases would be read whole into memory before anything is measured).
    old = setup_databases(verbosity=0, interactive=False, keepdb=bool(keep), serialized_aliases=())
    try:
        yield
    finally:
        if not keep:
            teardown_databases(old, verbosity=0)


def median_ms(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


class Recorder:
    """The queries a request issues, with their parameters, to replay on a bare cursor."""

    def __init__(self):
        self.queries: list[tuple[str, object]] = []

    def __call__(self, execute, sql, params, many, context):
        self.queries.append((sql, params))
        return execute(sql, params, many, context)


def raw_sql_floor(queries, repeat: int) -> float:
    from django.db import connection

    reads = [(sql, p) for sql, p in queries if sql.lstrip().upper().startswith(("SELECT", "WITH"))]

    def replay():
        with connection.cursor() as cursor:
            for sql, params in reads:
                cursor.execute(sql, params)
                cursor.fetchall()

    return median_ms(replay, repeat)
