"""Supervision: the time of every alert query and dashboard aggregate over N cases, each
printed next to the SQL it issues. ``ZHIFA_BENCH_OVERSIGHT_CASES`` sets N (default
20,000, so that ``make bench`` stays short; the issue's figure is 1,000,000, run on
PostgreSQL):

    .venv/bin/python -m benchmarks oversight
    ZHIFA_BENCH_OVERSIGHT_CASES=1000000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/zhifa \\
        .venv/bin/python -m benchmarks oversight

Each figure is the median of ``ZHIFA_BENCH_REPEAT`` (default 5) runs, next to its floor: the
SQL it issued, replayed on a bare cursor; then every statement with its own time. With
``ZHIFA_BENCH_KEEP=<suffix>`` the populated database is kept and measured again; pointed at
the database a cases benchmark seeded (the same suffix), it measures the seeded city
(``zhifa seed``) instead, with inspections added to it.
"""

from __future__ import annotations

import os
import random
import time
from datetime import timedelta
from decimal import Decimal

from benchmarks import Recorder, median_ms, raw_sql_floor, throwaway_database

BATCH = 5000


def _populate(n: int):
    from zhifa.cases.models import Case, Decision, Inspection, Status
    from zhifa.cases.tests.builders import make_world
    from zhifa.core import clock

    w = make_world()
    rng = random.Random(2026)
    today = clock.today()
    statuses = list(Status.values)
    officers = [w.zhang_officer, w.li_officer, w.wang_officer]
    made = 0
    while made < n:
        batch = []
        for i in range(min(BATCH, n - made)):
            k = made + i
            received = today - timedelta(days=rng.randint(0, 720))
            status = rng.choice(statuses)
            filed = received + timedelta(days=3) if status not in ("clue", "filing_pending", "not_filed") else None
            batch.append(
                Case(
                    agency=w.agency if k % 3 else w.other_agency,
                    status=status,
                    status_since=received + timedelta(days=10),
                    source="complaint",
                    received_on=received,
                    summary="举报",
                    party=w.org if k % 2 else w.person,
                    violation_item=w.item,
                    filed_on=filed,
                    decision_due_on=filed + timedelta(days=90) if filed else None,
                    filing_number=f"B{k}" if filed else "",
                    lead_officer=rng.choice(officers),
                    created_by=w.zhang,
                )
            )
        cases = Case.objects.bulk_create(batch)
        decided = [c for c in cases if c.status in ("decided", "executing", "executed", "closed", "archived")]
        Decision.objects.bulk_create(
            [
                Decision(
                    case=c,
                    number=f"决{c.pk}",
                    outcome="penalty",
                    decided_on=c.received_on + timedelta(days=40),
                    facts="事实",
                    reasons="理由",
                    remedies="六十日内申请复议",
                    fine=Decimal(rng.choice([3000, 5000, 50000, 100000])),
                    served_on=c.received_on + timedelta(days=45) if c.status != "decided" else None,
                )
                for c in decided
            ]
        )
        Inspection.objects.bulk_create(
            [
                Inspection(
                    case=c,
                    kind="inspection",
                    on=c.received_on + timedelta(days=5),
                    place="某处",
                    subject="店长",
                    record="检查",
                )
                for c in cases[::4]
            ]
        )
        made += len(batch)
        print(f"  … {made} cases", flush=True)
    return w


def _inspections_for_the_seeded_city() -> int:
    """The seeder writes no inspections (issue 13's city has cases, records, documents and
    events): on a seeded database, one in four filed cases (by id) gets an inspection two days
    after filing by its first two investigators, one in twenty of those by one (so that the
    inspection alerts of D2.1 and D3.8 have rows to find). Only cases without one yet, so a
    city grown since is completed. Written in bulk, outside the audit log: a benchmark
    database, not one to verify."""
    from django.db.models import F

    from zhifa.cases.models import Case, CaseOfficer, Inspection

    wanted = (
        Case.objects.filter(source_reference__startswith="SEED-", filed_on__isnull=False)
        .annotate(quarter=F("pk") % 4)
        .filter(quarter=0)
        .exclude(pk__in=Inspection.objects.values("case_id"))
    )
    rows = list(wanted.order_by("pk").values_list("pk", "filed_on"))
    if not rows:
        return 0
    officers: dict[int, list[int]] = {}
    lo_pk, hi_pk = rows[0][0], rows[-1][0]
    for case_id, officer_id in (
        CaseOfficer.objects.filter(case_id__gte=lo_pk, case_id__lte=hi_pk)
        .order_by("case_id", "pk")
        .values_list("case_id", "officer_id")
    ):
        officers.setdefault(case_id, []).append(officer_id)
    through = Inspection.officers.through
    made = 0
    for lo in range(0, len(rows), BATCH):
        chunk = [r for r in rows[lo : lo + BATCH] if r[0] in officers]
        made_now = Inspection.objects.bulk_create(
            [
                Inspection(
                    case_id=pk,
                    kind="inspection",
                    on=filed + timedelta(days=2),
                    place="经营场所",
                    subject="负责人",
                    record="现场检查",
                    certificates_shown=True,
                )
                for pk, filed in chunk
            ]
        )
        links = []
        for inspection, (pk, _filed) in zip(made_now, chunk, strict=True):
            for officer_id in officers[pk][: 1 if pk % 80 == 0 else 2]:
                links.append(through(inspection_id=inspection.pk, officer_id=officer_id))
        through.objects.bulk_create(links)
        made += len(made_now)
    return made


def _timed(label: str, fn, repeat: int) -> None:
    """``fn``'s median time next to the raw SQL it issues (captured, then replayed on a bare
    cursor: the floor), the ratio, and each statement with its own time."""
    from django.db import connection

    recorder = Recorder()
    with connection.execute_wrapper(recorder):
        result = fn()
    took = median_ms(fn, repeat)
    floor = raw_sql_floor(recorder.queries, repeat)
    print(
        f"-- {label}: {took:9.1f} ms   raw SQL {floor:9.1f} ms   ×{took / max(floor, 1e-6):5.2f}   "
        f"({len(recorder.queries)} queries, result {result})",
        flush=True,
    )
    for sql, params in recorder.queries:
        one = raw_sql_floor([(sql, params)], max(1, repeat // 2))
        print(f"   [{one:8.1f} ms] {sql}   {list(params or ())}", flush=True)


def _page(client, label: str, url: str, repeat: int) -> None:
    """A page over HTTP (the test client) against the SQL it issues."""
    from django.db import connection

    recorder = Recorder()
    with connection.execute_wrapper(recorder):
        status = client.get(url).status_code
    took = median_ms(lambda: client.get(url), repeat)
    floor = raw_sql_floor(recorder.queries, repeat)
    print(
        f"-- page {label} ({url}): HTTP {status}, {took:9.1f} ms   raw SQL {floor:9.1f} ms   "
        f"×{took / max(floor, 1e-6):5.2f}   ({len(recorder.queries)} queries)",
        flush=True,
    )


def measure(office, repeat: int) -> None:
    """Every alert, the dashboard's aggregates and the supervision pages, as ``office`` sees them."""
    from django.test import Client

    from zhifa.cases.models import Case
    from zhifa.core import clock
    from zhifa.oversight import alerts, dashboard, implementation

    on = clock.today()
    everything = Case.objects.all()
    for kind in alerts.KINDS:
        _timed(f"alert {kind.code}", lambda kind=kind: kind.find(everything, on).count(), repeat)
    _timed("dashboard charts (all)", lambda: sum(len(c.bars) for c in dashboard.charts(office, on)), repeat)
    _timed("consistency spread", lambda: len(alerts.spread(everything, on)), repeat)
    _timed(
        "complaint and media charts",
        lambda: sum(len(c.bars) for c in dashboard.complaint_charts(office, on)),
        repeat,
    )
    _timed("implementation reports overdue (D3.5)", lambda: len(implementation.overdue(office, on)), repeat)
    client = Client()
    client.force_login(office)
    _page(client, "the dashboard", "/oversight/dashboard/", repeat)
    _page(client, "the alert board", "/oversight/alerts/", repeat)
    first = alerts.KINDS[0].code
    _page(client, f"the cases of one alert ({first})", f"/oversight/alerts/{first}/", repeat)


def measure_seeded(repeat: int) -> None:
    """:func:`measure` on a seeded city (``zhifa seed``), as the city's legal affairs office."""
    from zhifa.accounts.models import User
    from zhifa.cases.models import Case

    started = time.perf_counter()
    added = _inspections_for_the_seeded_city()
    print(
        f"  -- supervision over {Case.objects.count()} cases ({added} inspections added in "
        f"{time.perf_counter() - started:.1f} s) --",
        flush=True,
    )
    office = User.objects.filter(username="cq-sfj").first() or User.objects.filter(role="legal_office").first()
    measure(office, repeat)


def main() -> None:
    n = int(os.environ.get("ZHIFA_BENCH_OVERSIGHT_CASES", "20000"))
    repeat = int(os.environ.get("ZHIFA_BENCH_REPEAT", "5"))
    with throwaway_database():
        from django.test.utils import setup_test_environment

        from zhifa.cases.models import Case

        setup_test_environment()  # the test client's host is allowed, as in the suite
        if Case.objects.exists():  # ZHIFA_BENCH_KEEP: populated or seeded by an earlier run
            measure_seeded(repeat)
            return
        started = time.perf_counter()
        office = _populate(n).legal_office
        print(f"  {n} cases in {time.perf_counter() - started:.1f} s", flush=True)
        measure(office, repeat)


if __name__ == "__main__":
    main()
