"""Tampering with the business tables is noticed: each event carries the state of the rows
its act wrote (zhifa.core.state), and ``zhifa audit verify --state`` names every row
(table, id, field) that differs from what the acts made of it.

One world is walked through the services (a case to execution with a payment, a revoked
certificate); then each business table that holds a row is edited directly, one at a
time inside a savepoint that is rolled back. Runs on SQLite and on PostgreSQL
(``DATABASE_URL=postgres://… pytest zhifa/core/tests/test_tamper.py``).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, models, transaction

from zhifa.accounts.models import User
from zhifa.cases import services
from zhifa.cases.models import Case, Decision, Evidence, Payment
from zhifa.cases.tests import builders as b
from zhifa.core import audit
from zhifa.core import state as state_rows
from zhifa.core.models import AuditEvent, Checkpoint
from zhifa.parties.models import Party
from zhifa.people import services as people_services
from zhifa.people.models import Certificate
from zhifa.testing import make_user, valid_uscc


def _world():
    w = b.make_world()
    case = b.executing(w)
    services.payment_record(
        actor=w.wang,
        case=case,
        paid_on=b.wd(b.D0, 15),
        amount="3240",
        method="bank",
        bank="工商银行",
        receipt_number="TAMPER-1",
        on=b.wd(b.D0, 15),
    )
    office = make_user("legal_office", government=w.district)
    certificate = Certificate.objects.filter(officer=w.wang_officer).first()
    people_services.certificate_revoke(
        actor=office, certificate=certificate, reason="在执法检查中索取财物，经查属实", on=b.wd(b.D0, 16)
    )
    return w, Case.objects.get(pk=case.pk)


def _names(report) -> set[tuple[str, str, str]]:
    return {(p.table, p.pk, p.field) for p in report.problems}


def _tampered(model, pk, **values) -> audit.Report:
    """Edit a row with QuerySet.update (no signals, no audit) and verify the state."""
    with transaction.atomic():
        model.objects.filter(pk=pk).update(**values)
        report = audit.verify_state()
        transaction.set_rollback(True)
    return report


@pytest.fixture
def world(db):
    w, case = _world()
    report = audit.verify()
    assert report.ok, report.as_dict()
    state = audit.verify_state()
    assert state.ok, [p.message for p in state.problems]
    return w, case


def test_the_acts_leave_a_state_that_matches_every_table(world):
    """No false alarms: every row the walk wrote is attested by the event of its act."""
    _w, case = world
    event = AuditEvent.objects.filter(act="case.payment_record").get()
    payment = Payment.objects.get(case=case)
    assert event.state[f"cases.payment:{payment.pk}"]["amount"] == "3240.00"
    assert event.state[f"cases.case:{case.pk}"]["status"] == case.status
    assert "state" in json.loads(audit.event_bytes(event))


@pytest.mark.parametrize(
    ("what", "model", "field", "value"),
    [
        ("a case's status", Case, "status", "closed"),
        ("a decision's fine", Decision, "fine", Decimal("1")),
        ("a payment's amount", Payment, "amount", Decimal("999999999")),
        ("a user's role", User, "role", "admin"),
        ("a revoked certificate", Certificate, "revoked_on", None),
        ("an evidence row's hash", Evidence, "sha256", "0" * 64),
    ],
)
def test_an_insider_edit_of_the_issue_is_named(world, what, model, field, value):
    w, case = world
    row = {
        Case: lambda: case,
        Decision: lambda: case.decision,
        Payment: lambda: Payment.objects.get(case=case),
        User: lambda: w.zhang,
        Certificate: lambda: Certificate.objects.get(officer=w.wang_officer, revoked_on__isnull=False),
        Evidence: lambda: Evidence.objects.filter(case=case).first(),
    }[model]()
    attname = model._meta.get_field(field).attname
    report = _tampered(model, row.pk, **{field: value})
    assert (model._meta.db_table, str(row.pk), attname) in _names(report), what
    assert all(p.kind == "state_changed" for p in report.problems)
    assert len(report.problems) == 1, [p.message for p in report.problems]


def _changed_value(field, current):
    """A value of ``field``'s type that differs from ``current`` (None when there is none to try)."""
    if isinstance(field, (models.AutoField, models.ForeignKey)) or field.primary_key:
        return None
    if isinstance(field, models.BooleanField):
        return not current
    if isinstance(field, models.DecimalField):
        return (current or Decimal("0")) + Decimal("1")
    if isinstance(field, (models.IntegerField, models.FloatField)):
        return (current or 0) + 1
    if isinstance(field, models.DateTimeField):
        return (current or dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) + dt.timedelta(days=1)
    if isinstance(field, models.DateField):
        return (current or dt.date(2026, 1, 1)) + dt.timedelta(days=1)
    if isinstance(field, models.JSONField):
        return {"tampered": True}
    if isinstance(field, (models.CharField, models.TextField)):
        text = current or ""
        limit = field.max_length or 1000
        return (text[: limit - 1] + "改") if text else "改"
    return None


def test_every_business_table_with_a_row_notices_a_direct_edit(world):
    """A tamper test per business table: the first row of each table that holds one is
    edited (the first field that accepts a different value), and verify --state names it."""
    tested, missed = [], []
    for model in state_rows.tracked_models():
        row = model._base_manager.order_by("pk").first()
        if row is None:
            continue
        for field in state_rows.fields_of(model):
            value = _changed_value(field, getattr(row, field.attname))
            if value is None:
                continue
            try:
                with transaction.atomic():
                    model._base_manager.filter(pk=row.pk).update(**{field.attname: value})
                    report = audit.verify_state()
                    transaction.set_rollback(True)
            except IntegrityError:
                continue  # a constraint refused the value: try the next field
            if (model._meta.db_table, str(row.pk), field.attname) in _names(report):
                tested.append(model._meta.label_lower)
            else:
                missed.append(f"{model._meta.label_lower}.{field.attname}")
            break
    assert not missed, missed
    for label in (
        "cases.case",
        "cases.decision",
        "cases.payment",
        "cases.evidence",
        "cases.caseofficer",
        "cases.notice",
        "accounts.user",
        "people.certificate",
        "people.officer",
        "org.agency",
        "org.government",
        "org.power",
        "law.legalbasis",
        "law.article",
        "parties.party",
    ):
        assert label in tested, f"no row of {label} in the world: the check did not cover it"


def test_raw_sql_edits_deletions_and_insertions_are_named(world):
    w, case = world
    payment = Payment.objects.get(case=case)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {Payment._meta.db_table} SET amount = %s WHERE id = %s", ["1.00", payment.pk])
        report = audit.verify_state()
        transaction.set_rollback(True)
    assert _names(report) == {(Payment._meta.db_table, str(payment.pk), "amount")}

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {Payment._meta.db_table} WHERE id = %s", [payment.pk])
        report = audit.verify_state()
        transaction.set_rollback(True)
    assert [(p.kind, p.table, p.pk) for p in report.problems] == [
        ("state_deleted", Payment._meta.db_table, str(payment.pk))
    ]

    with transaction.atomic():
        # bulk_create sends no signal: a row written behind the acts' back.
        Party.objects.bulk_create(
            [Party(kind=w.org.kind, name="幽灵公司", uscc=valid_uscc(9001), government=w.district)]
        )
        report = audit.verify_state()
        transaction.set_rollback(True)
    assert [(p.kind, p.table) for p in report.problems] == [("state_unrecorded", Party._meta.db_table)]


def test_many_to_many_links_are_covered(world):
    _w, case = world
    decision = case.decision
    through = Decision.basis_articles.through
    with transaction.atomic():
        through.objects.filter(decision=decision).delete()
        report = audit.verify_state()
        transaction.set_rollback(True)
    assert (Decision._meta.db_table, str(decision.pk), "basis_articles") in _names(report)


def test_the_command_names_the_row_and_exits_non_zero(world):
    _w, case = world
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(status="closed")
        with pytest.raises(CommandError, match=r"cases_case.*第 \d+ 行的字段 status"):
            call_command("audit", "verify", "--state")
        transaction.set_rollback(True)


def test_old_events_without_state_stay_verifiable_and_a_baseline_attests_old_rows(world):
    """An event without state hashes exactly as before state digests existed (no "state"
    key in its canonical bytes); rows older than state digests are attested by a
    baseline, after which an edit of them is named too."""
    w, _case = world
    old = AuditEvent(
        seq=1, time=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), actor_label="系统", act="agency.update", state={}
    )
    assert "state" not in json.loads(audit.event_bytes(old))

    (legacy,) = Party.objects.bulk_create(
        [Party(kind=w.org.kind, name="既有公司", uscc=valid_uscc(9002), government=w.district)]
    )
    assert [p.kind for p in audit.verify_state().problems] == ["state_unrecorded"]
    assert audit.baseline() == 1
    assert audit.verify().ok and audit.verify_state().ok
    assert AuditEvent.objects.filter(act="audit.state_baseline").count() == 1
    report = _tampered(Party, legacy.pk, name="改名公司")
    assert _names(report) == {(Party._meta.db_table, str(legacy.pk), "name")}
    assert audit.baseline() == 0  # nothing left to attest; a changed row is never re-attested


def test_a_batch_is_signed_once_and_verifies(world):
    w, _case = world
    size = audit.latest_checkpoint().tree_size
    with transaction.atomic():
        events = audit.append_batch(
            [{"actor": w.admin if hasattr(w, "admin") else "系统", "act": "agency.update", "obj": w.agency}] * 3
        )
    assert [e.seq for e in events] == [size, size + 1, size + 2]
    assert Checkpoint.objects.filter(tree_size__gt=size).count() == 1
    assert audit.verify().ok
    Checkpoint.objects.filter(tree_size=size + 3).delete()
    problems = audit.verify().problems
    assert [p.kind for p in problems] == ["unsigned"]


def test_a_rolled_back_savepoint_leaves_nothing_in_the_state(db):
    """Notes ride on the transaction: what a refused (rolled-back) step wrote is not attested."""
    from zhifa.testing import make_city_and_district, make_party

    _city, district = make_city_and_district()
    admin = make_user("admin")
    with transaction.atomic():
        kept = make_party(name="留下的公司")
        try:
            with transaction.atomic():
                gone = make_party(name="回滚的公司")
                raise RuntimeError("refused")
        except RuntimeError:
            pass
        event = audit.record(actor=admin, act="government.update", obj=district)
    assert f"parties.party:{kept.pk}" in event.state
    assert f"parties.party:{gone.pk}" not in event.state
    with transaction.atomic():
        assert audit.record(actor=admin, act="government.update", obj=district).state == {}  # taken once
