"""The case pages and operations against their floors (issue 13), at growing sizes of a
seeded city (``zhifa seed``): each figure is printed with the floor measured in the same
run and the ratio, so a busy machine moves both and the ratio stays readable.

- the case list, searches and the workbenches vs **the raw SQL they issue** (captured from
  the request and replayed on a bare cursor: what the database alone costs);
- the case detail API vs **a bare Django JSON endpoint** on the same server (one raw
  query, ``JsonResponse``: what Django alone costs);
- clue → filing → investigation → report → notice → decision through the services
  (cases/s and acts/s) vs the raw SQL the walk issues.

    .venv/bin/python -m benchmarks cases                                   # 10,000 cases, SQLite in memory
    ZHIFA_BENCH_CASES=10000,100000 .venv/bin/python -m benchmarks cases    # grows one database through the sizes
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zhifa .venv/bin/python -m benchmarks cases

``ZHIFA_BENCH_REPEAT`` (default 15) sets the repetitions of each request. At each size the
supervision benchmark (``benchmarks/oversight.py``: every alert, aggregate and page) runs on
the same city too, unless ``ZHIFA_BENCH_OVERSIGHT=0``.
"""

from __future__ import annotations

import os
import time

from benchmarks import Recorder, median_ms, raw_sql_floor, throwaway_database

OFFICER = "yz-scj-officer1"
HEAD = "yz-scj-head"
LEGAL_OFFICE = "yz-sfj"


def _row(label: str, value: str) -> None:
    print(f"  {label:<46} {value}", flush=True)


def _compare(client, label: str, url: str, repeat: int) -> None:
    from django.db import connection

    response = client.get(url)
    if response.status_code != 200:
        _row(label, f"HTTP {response.status_code}")
        return
    recorder = Recorder()
    with connection.execute_wrapper(recorder):
        client.get(url)
    took = median_ms(lambda: client.get(url), repeat)
    floor = raw_sql_floor(recorder.queries, repeat)
    _row(
        label,
        f"{took:8.1f} ms   raw SQL {floor:7.1f} ms   ×{took / floor:5.1f}   ({len(recorder.queries)} queries)",
    )


def _pages(size: int, repeat: int) -> None:
    from django.test import Client

    from zhifa.accounts.models import User
    from zhifa.cases.models import Case, Status

    officer = User.objects.get(username=OFFICER)
    mine = Case.objects.filter(agency=officer.agency)
    sample = mine.exclude(filing_number="").select_related("party").order_by("-pk").first()
    print(f"  -- {size} cases; {mine.count()} in the officer's agency --", flush=True)
    client = Client()
    client.force_login(officer)
    _compare(client, "case list page (20 of the agency's)", "/cases/", repeat)
    _compare(client, "case list API, 100 rows", "/api/v1/cases/?limit=100", repeat)
    _compare(client, "search by party name", f"/api/v1/cases/?q={sample.party.name}", repeat)
    _compare(client, "search by filing number", f"/api/v1/cases/?q={sample.filing_number}", repeat)
    _compare(client, "search by status (executing)", f"/api/v1/cases/?status={Status.EXECUTING}", repeat)
    _compare(client, "search a summary word (超市)", "/api/v1/cases/?q=超市", repeat)
    _compare(client, "officer's workbench page", "/cases/workbench/", repeat)
    head = User.objects.get(username=HEAD)
    client.force_login(head)
    _compare(client, "head's workbench API", "/api/v1/cases/workbench", repeat)
    _boards(head, repeat)
    client.force_login(User.objects.get(username=LEGAL_OFFICE))
    _compare(client, "legal office: its district's case list", "/cases/", repeat)
    client.force_login(officer)
    _detail(client, sample.pk, repeat)


def _boards(head, repeat: int) -> None:
    """The head's board as it is (the most urgent of each queue in full, the deadlines of all)
    and as it was (every case of each queue in full), in the same run."""
    from zhifa.cases import selectors
    from zhifa.core import clock

    on = clock.today()
    queues = [selectors.my_cases(head), selectors.approvals(head)]

    def before():
        return [selectors.rows(selectors._prefetched(q), on) for q in queues]

    shown = sum(len(r) for r in before())
    now = median_ms(lambda: selectors.workbench(head, today=on), repeat)
    was = median_ms(before, repeat)
    _row("head's board: every row in full (before)", f"{was:8.1f} ms   ({shown} rows)")
    _row("head's board: the most urgent in full (now)", f"{now:8.1f} ms   ×{was / now:5.1f} faster")


def _detail(client, pk: int, repeat: int) -> None:
    from django.test import override_settings

    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        detail = median_ms(lambda: client.get(f"/api/v1/cases/{pk}"), repeat)
        bare = median_ms(lambda: client.get(f"/bench/bare/{pk}"), repeat)
    _row("case detail API", f"{detail:8.1f} ms   bare JSON {bare:7.1f} ms   ×{detail / bare:5.1f}")


def _walks(n: int) -> None:
    """Cases taken from the clue to the decision through the services, as the acts run: in
    the test builders' small world, inside one transaction rolled back afterwards (its city
    would clash with the seeded one), so each act commits a savepoint, not a transaction."""
    from django.db import connection, transaction

    if n <= 0:  # ZHIFA_BENCH_WALKS=0: a kept database holds the demo city, which the builders' world clashes with
        return
    with transaction.atomic():
        _walk(n, connection)
        transaction.set_rollback(True)


def _walk(n: int, connection) -> None:
    from datetime import date
    from unittest import mock

    from zhifa.cases import acting

    # The builders date a case's acts months before today and mean each as entered on its
    # day, as the suite does (conftest.py): without this every act would be backdated.
    with mock.patch.object(acting, "entry_day", lambda: date.min):
        _walk_entered(n, connection)


def _walk_entered(n: int, connection) -> None:
    from zhifa.cases.tests import builders
    from zhifa.core.models import AuditEvent

    w = builders.make_world()
    builders.decided(w)  # warm the caches (calendar tables, parameters, templates)
    recorder = Recorder()
    before = AuditEvent.objects.count()
    with connection.execute_wrapper(recorder):
        builders.decided(w)
    acts = AuditEvent.objects.count() - before  # one audit event per act
    started = time.perf_counter()
    for _ in range(n):
        builders.decided(w)
    took = time.perf_counter() - started
    floor = raw_sql_floor(recorder.queries, 3) / 1000
    writes = sum(not sql.lstrip().upper().startswith(("SELECT", "WITH")) for sql, _p in recorder.queries)
    _row(
        f"clue → decision through the services ×{n}",
        f"{n / took:6.1f} cases/s ({n * acts / took:5.0f} acts/s)   reads alone {1 / floor:6.1f} cases/s   "
        f"({len(recorder.queries)} queries a case, {writes} writes)",
    )


def _progress(started: float):
    """A line every 50,000 cases seeded: a million takes the better part of an hour."""

    first: list[int] = []

    def report(progress) -> None:
        first[:] = first or [progress.done]
        if progress.done % 50_000 == 0 or progress.done == progress.total:
            rate = (progress.done - first[0]) / max(time.perf_counter() - started, 1e-9)
            print(f"    seeded {progress.done:>9,} of {progress.total:,} ({rate:,.0f} cases/s overall)", flush=True)

    return report


def sizes() -> list[int]:
    return [int(s) for s in os.environ.get("ZHIFA_BENCH_CASES", "10000").split(",") if s.strip()]


def main() -> None:
    repeat = int(os.environ.get("ZHIFA_BENCH_REPEAT", "15"))
    with throwaway_database():
        from django.db import connection
        from django.test.utils import setup_test_environment

        from zhifa.demo import seed
        from zhifa.testing import SUITE_NOW, frozen

        setup_test_environment()  # the test client's host is allowed, as in the suite

        print(f"  database: {connection.vendor}", flush=True)
        # The seeded city and the walks are dated before the suite's day: freeze there, so
        # the figures do not change with the day the benchmark runs.
        with frozen(SUITE_NOW, tick=True):
            _walks(int(os.environ.get("ZHIFA_BENCH_WALKS", "10")))
            for size in sizes():
                started = time.perf_counter()
                seed.seed(size, on_progress=_progress(started))
                _row(f"seed to {size} cases", f"{time.perf_counter() - started:8.1f} s")
                _pages(size, repeat)
                if os.environ.get("ZHIFA_BENCH_OVERSIGHT", "1") != "0":
                    from benchmarks import oversight

                    oversight.measure_seeded(repeat)


if __name__ == "__main__":
    main()
