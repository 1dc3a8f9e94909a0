"""Concurrent appends on PostgreSQL serialise on the AuditHead row: however the
transactions interleave, the log is one tree with no gap, every checkpoint signed and
consistent with the next, and readers get proofs that verify while writers append."""

from __future__ import annotations

import itertools
import random
import threading

import pytest
from django.db import connection, transaction

from zhifa.core import audit, merkle
from zhifa.core.models import AuditEvent, AuditHead, Checkpoint
from zhifa.testing import make_agency, make_city_and_district, make_user

WRITERS = 8
APPENDS = 25


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_yield_one_consistent_verifiable_tree():
    _, district = make_city_and_district()
    agency = make_agency(district)
    users = [make_user("officer", agency=agency) for _ in range(WRITERS)]
    key = audit.public_key_info()
    start = threading.Barrier(WRITERS + 1)
    writing = threading.Event()
    errors: list[BaseException] = []
    verified = {"inclusion": 0, "consistency": 0}

    def writer(user):
        try:
            start.wait()
            for i in range(APPENDS):
                with transaction.atomic():
                    audit.record(
                        actor=user,
                        act="agency.update",
                        obj=agency,
                        changes={"writer": user.pk, "i": i},
                        clauses=["D3.1a"],
                    )
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            connection.close()

    def reader():
        """Holds a checkpoint and, while the writers append, checks that each newer one
        extends it and that a random event is in it."""
        try:
            start.wait()
            held = None
            rng = random.Random(7)
            while writing.is_set():
                latest = audit.latest_checkpoint()
                if latest is None:
                    continue
                if held is not None:
                    merkle.verify_consistency_proof(
                        audit.consistency_proof(held["tree_size"], latest.tree_size), key, known_checkpoint=held
                    )
                    verified["consistency"] += 1
                merkle.verify_inclusion_proof(
                    audit.inclusion_proof(rng.randrange(latest.tree_size), latest.tree_size), key
                )
                verified["inclusion"] += 1
                held = audit.checkpoint_info(latest)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    writing.set()
    threads = [threading.Thread(target=writer, args=(u,)) for u in users]
    watcher = threading.Thread(target=reader)
    for t in [*threads, watcher]:
        t.start()
    for t in threads:
        t.join(timeout=120)
    writing.clear()
    watcher.join(timeout=60)
    assert not errors, errors
    assert verified["inclusion"] > 0

    total = WRITERS * APPENDS
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == list(range(total))
    # Each writer's appends keep their order within the one sequence.
    for user in users:
        assert [e.changes["i"] for e in events if e.changes["writer"] == user.pk] == list(range(APPENDS))
    # Times follow the order in which the head was locked.
    assert all(a.time <= b.time for a, b in itertools.pairwise(events))
    assert list(Checkpoint.objects.order_by("tree_size").values_list("tree_size", flat=True)) == list(
        range(1, total + 1)
    )
    assert AuditHead.objects.get().size == total

    report = audit.verify()
    assert report.ok, [p.message for p in report.problems]
    assert report.tree_size == total and report.checkpoints == total

    leaves = [merkle.leaf_hash(audit.event_bytes(e)) for e in events]
    assert audit.latest_checkpoint().root_hash == merkle.root(leaves).hex()
    for seq in (0, 1, total // 2, total - 1):
        merkle.verify_inclusion_proof(audit.inclusion_proof(seq), key, event=audit.event_bytes(events[seq]))
    for first in range(1, total + 1, 13):
        merkle.verify_consistency_proof(audit.consistency_proof(first), key)
