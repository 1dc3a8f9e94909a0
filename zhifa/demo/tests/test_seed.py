"""zhifa seed (issue 13): a city of cases over every stage, written in bulk, whose audit
log verifies; resumable, and the numbering continues after it."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from zhifa.cases import services
from zhifa.cases.models import Case, Decision, NumberSequence, Status
from zhifa.cases.tests.builders import D0, make_world
from zhifa.core import audit
from zhifa.demo import seed
from zhifa.org.models import Agency
from zhifa.people.models import Certificate, Officer

pytestmark = pytest.mark.django_db


def test_a_seeded_city_has_cases_at_every_stage_and_a_log_that_verifies():
    w = make_world()
    seed.seed(150, batch=60)
    cases = Case.objects.filter(source_reference__startswith=seed.SEED_MARK)
    assert cases.count() == 150
    statuses = set(cases.values_list("status", flat=True))
    assert {Status.CLUE, Status.INVESTIGATING, Status.EXECUTING, Status.ARCHIVED} <= statuses
    assert {c.received_on.year for c in cases} >= {2021, 2026}
    assert Agency.objects.count() > 2 and Officer.objects.count() >= 4 * Agency.objects.count()
    assert Certificate.objects.count() >= Officer.objects.count()
    closed = cases.filter(status=Status.ARCHIVED).first()
    assert closed.officers.count() == 2 and closed.decision.served_on and closed.payments.exists()
    # a case of past years is archived, its file listed and sealed as the archive act seals it
    from zhifa.cases import checklist

    assert not cases.filter(status=Status.CLOSED, received_on__year__lt=2025).exists()
    assert closed.file.digest == checklist.digest(closed.file.contents)
    assert [i["kind"] for i in closed.file.contents] == ["clue", "filing", "report", "notice", "decision", "payment"]
    report = audit.verify()
    assert report.ok, report.problems[:3]
    assert report.events > 150
    # every seeded row is attested by the batch that wrote it, as an act's rows are (issue 7)
    state = audit.verify_state()
    assert state.ok, state.problems[:3]
    # one signed checkpoint per batch, not one per event
    from zhifa.core.models import Checkpoint

    assert Checkpoint.objects.count() < report.events / 5
    # the services continue each agency's series after the seeded numbers
    decision = Decision.objects.filter(case__agency=w.agency).order_by("-decided_on").first()
    if decision is not None:
        year = decision.decided_on.year
        assert NumberSequence.objects.get(agency=w.agency, kind="penalty", year=year).last >= 1
    case = services.clue_register(
        actor=w.zhang, source="complaint", received_on=D0, summary="群众举报。", party=w.org, on=D0
    )
    assert case.status == Status.CLUE and audit.verify().ok


def test_seeding_leaves_statistics_for_the_planner():
    """After a bulk load the planner must know the tables' sizes (seed.analyze): without it,
    PostgreSQL planned the list's relations as the empty tables they were."""
    from django.db import connection

    make_world()
    seed.seed(40, batch=40)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Case._meta.db_table])
            assert cursor.fetchone()[0] >= 40
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [Case._meta.db_table])
            assert cursor.fetchall()


def test_seeding_again_continues_where_it_stopped(capsys):
    make_world()
    call_command("seed", cases=40, batch=25)
    first = set(Case.objects.values_list("source_reference", "received_on"))
    call_command("seed", cases=40)
    assert Case.objects.count() == 40
    call_command("seed", cases=55)
    assert Case.objects.count() == 55
    assert first <= set(Case.objects.values_list("source_reference", "received_on"))
    assert audit.verify().ok
    assert audit.verify_state().ok
