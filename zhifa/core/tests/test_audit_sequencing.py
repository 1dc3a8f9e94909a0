"""Deferred sequencing (``AUDIT_SEQUENCING = "deferred"``): an act queues its event without
locking the log's head, and the event takes its place in the tree when the act commits.
The log stays one tree, verified and proved exactly as with inline appends."""

from __future__ import annotations

import io
import itertools
import threading
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import override_settings

from zhifa.core import audit, merkle
from zhifa.core.models import AuditEvent, AuditHead, Checkpoint, PendingAuditEvent
from zhifa.testing import make_agency, make_city_and_district, make_user

deferred = override_settings(AUDIT_SEQUENCING="deferred")


@pytest.fixture
def world(transactional_db):
    _, district = make_city_and_district()
    agency = make_agency(district, name="渝中区市场监督管理局")
    return {"district": district, "agency": agency, "admin": make_user("admin", display_name="管理员甲")}


def act(world, i: int, *, actor=None):
    """One act on the district government, in its own transaction; returns its event."""
    with transaction.atomic():
        return audit.record(
            actor=actor or world["admin"],
            act="government.update",
            obj=world["district"],
            changes={"name": ["渝中区", f"渝中区{i}"], "when": date(2026, 11, i % 28 + 1)},
            clauses=["D3.8"],
            agency=world["agency"],
        )


def die_before_integrating():
    """As a process that dies right after its act commits: the act's integration never runs."""
    connection.run_on_commit = [c for c in connection.run_on_commit if not isinstance(c[1], audit._Integration)]


def run(*args) -> str:
    out = io.StringIO()
    call_command("audit", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@deferred
def test_an_acts_event_is_queued_then_integrated_when_it_commits(world):
    with transaction.atomic():
        event = audit.record(actor=world["admin"], act="government.update", obj=world["district"], clauses=["D3.8"])
        # Inside the act: queued, no seq, nothing in the tree, the head untouched.
        assert event.seq is None
        assert PendingAuditEvent.objects.count() == 1
        assert not AuditEvent.objects.exists()
        assert AuditHead.objects.filter(size__gt=0).count() == 0
    assert PendingAuditEvent.objects.count() == 0
    stored = AuditEvent.objects.get()
    assert (stored.seq, stored.act, stored.actor_label, stored.clauses) == (
        0,
        "government.update",
        world["admin"].label,
        ["D3.8"],
    )
    assert stored.object_id == str(world["district"].pk)
    checkpoint = Checkpoint.objects.get()
    assert (checkpoint.tree_size, checkpoint.covers_from) == (1, 0)
    assert audit.checkpoint_signature_valid(checkpoint)


@deferred
def test_the_events_of_one_act_keep_their_order_and_share_a_checkpoint(world):
    with transaction.atomic():
        for i in range(3):
            audit.record(actor=world["admin"], act="government.update", obj=world["district"], changes={"i": i})
    assert [e.changes["i"] for e in AuditEvent.objects.order_by("seq")] == [0, 1, 2]
    assert list(Checkpoint.objects.values_list("tree_size", "covers_from")) == [(3, 0)]


@deferred
def test_a_rolled_back_act_leaves_nothing(world):
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.record(actor=world["admin"], act="government.update", obj=world["district"])
        raise RuntimeError("the act fails after recording")
    assert not PendingAuditEvent.objects.exists()
    assert not AuditEvent.objects.exists() and not Checkpoint.objects.exists()
    # A rolled-back savepoint drops its event but not the act's others.
    with transaction.atomic():
        audit.record(actor=world["admin"], act="government.update", obj=world["district"], changes={"kept": 1})
        with pytest.raises(RuntimeError), transaction.atomic():
            audit.record(actor=world["admin"], act="government.update", obj=world["district"], changes={"kept": 0})
            raise RuntimeError
    assert [e.changes for e in AuditEvent.objects.all()] == [{"kept": 1}]
    assert not PendingAuditEvent.objects.exists()


@deferred
def test_outside_a_transaction_record_refuses(world):
    with pytest.raises(RuntimeError):
        audit.record(actor=world["admin"], act="government.update", obj=world["district"])


@deferred
def test_verify_passes_and_still_finds_tampering(world):
    for i in range(12):
        act(world, i)
    report = audit.verify()
    assert report.ok, report.as_dict()
    assert (report.events, report.tree_size, report.checkpoints, report.queued) == (12, 12, 12, 0)
    assert "审计日志完整" in run("verify")

    AuditEvent.objects.filter(seq=5).update(changes={"name": ["渝中区", "篡改"]})
    report = audit.verify()
    assert not report.ok and report.first.seq == 5 and report.first.kind == "altered"
    AuditEvent.objects.filter(seq=5).delete()
    assert audit.verify().first.kind == "missing"
    with pytest.raises(CommandError):
        run("verify")


@deferred
def test_proofs_over_integrated_events(world):
    events = [act(world, i) for i in range(9)]
    assert all(e.seq is None for e in events)
    key = audit.public_key_info()
    stored = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in stored] == list(range(9))
    leaves = [merkle.leaf_hash(audit.event_bytes(e)) for e in stored]
    assert audit.latest_checkpoint().root_hash == merkle.root(leaves).hex()
    for seq in range(9):
        merkle.verify_inclusion_proof(audit.inclusion_proof(seq), key, event=audit.event_bytes(stored[seq]))
    for first in range(1, 10):
        merkle.verify_consistency_proof(audit.consistency_proof(first), key)
    assert audit.check_event(stored[4]).ok


@deferred
def test_a_queue_left_by_a_crashed_process_is_drained_by_the_command(world):
    act(world, 0)
    # A process that committed its acts and died before integrating them: the queue holds their events.
    with transaction.atomic():
        for i in range(1, 4):
            audit.record(actor=world["admin"], act="government.update", obj=world["district"], changes={"i": i})
        die_before_integrating()
    assert PendingAuditEvent.objects.count() == 3

    report = audit.verify()
    assert report.ok and report.queued == 3 and report.tree_size == 1
    out = run("verify")
    assert "3 个审计事件已提交、尚待排入日志树" in out and "zhifa audit integrate" in out
    assert audit.verify().as_dict()["queued"] == 3

    assert "已将 3 个待排序的审计事件排入日志树" in run("integrate")
    assert not PendingAuditEvent.objects.exists()
    assert [e.changes.get("i") for e in AuditEvent.objects.order_by("seq")] == [None, 1, 2, 3]
    assert list(Checkpoint.objects.values_list("tree_size", "covers_from")) == [(1, 0), (4, 1)]
    report = audit.verify()
    assert report.ok and report.queued == 0 and report.tree_size == 4
    assert "已将 0 个" in run("integrate")


@deferred
def test_integration_runs_in_bounded_batches_one_checkpoint_each(world):
    with transaction.atomic():
        for i in range(7):
            audit.record(actor=world["admin"], act="government.update", obj=world["district"], changes={"i": i})
        die_before_integrating()
    assert audit.integrate(batch=3) == 7
    assert list(Checkpoint.objects.values_list("tree_size", "covers_from")) == [(3, 0), (6, 3), (7, 6)]
    assert audit.verify().ok


@deferred
def test_an_act_that_needs_its_seq_is_sequenced_after_its_own_queued_events(world):
    with transaction.atomic():
        audit.record(actor=world["admin"], act="government.update", obj=world["district"], changes={"i": 0})
        event = audit.record(
            actor=world["admin"], act="government.update", obj=world["district"], changes={"i": 1}, sequencing="inline"
        )
        # The queued event went into the tree first, under the same lock.
        assert event.seq == 1 and not PendingAuditEvent.objects.exists()
    assert [e.changes["i"] for e in AuditEvent.objects.order_by("seq")] == [0, 1]
    assert audit.verify().ok


@pytest.mark.parametrize("sequencing", ["inline", "deferred"])
def test_a_case_walked_through_its_acts_verifies_with_its_state(transactional_db, sequencing):
    """A case from filing to payment (documents issued on the way, a certificate revoked),
    each act committed on its own and, when deferred, sequenced after it commits: the log
    verifies and every business table matches the state it recorded (`verify --state`)."""
    from zhifa.cases import services
    from zhifa.cases.tests import builders as b
    from zhifa.documents import services as documents
    from zhifa.documents.kinds import Kind
    from zhifa.documents.models import Document
    from zhifa.documents.tests.conftest import make_documents_world

    with override_settings(AUDIT_SEQUENCING=sequencing):
        w = make_documents_world()  # the builders' rows, made outside any act, attested once
        audit.baseline()
        case = b.executing(w)
        # Issued in a transaction that also queues other events (deferred): its event
        # takes its seq at once, after theirs.
        documents.document_issue(actor=w.zhang, case=case, kind=Kind.PENALTY_DECISION)
        services.payment_record(
            actor=w.wang,
            case=case,
            paid_on=b.wd(b.D0, 15),
            amount="3240",
            method="bank",
            bank="工商银行",
            receipt_number="SEQ-1",
            on=b.wd(b.D0, 15),
        )
    assert not PendingAuditEvent.objects.exists()
    report = audit.verify()
    assert report.ok, report.as_dict()
    assert AuditEvent.objects.filter(act="case.payment_record").exists()
    state = audit.verify_state()
    assert state.ok, [p.message for p in state.problems]
    assert "业务数据与审计日志相符" in run("verify", "--state")
    # Every document names the seq of the event that issued it.
    documents = list(Document.objects.all())
    assert documents
    for document in documents:
        event = AuditEvent.objects.get(seq=document.audit_seq)
        assert (event.object_type, event.object_id) == ("documents.document", str(document.pk))


@pytest.mark.postgres
@deferred
def test_concurrent_acts_all_reach_the_tree_once_with_a_checkpoint_per_batch(world):
    writers, appends = 8, 25
    users = [make_user("officer", agency=world["agency"]) for _ in range(writers)]
    start = threading.Barrier(writers)
    errors: list[BaseException] = []

    def writer(user):
        try:
            start.wait()
            for i in range(appends):
                with transaction.atomic():
                    audit.record(
                        actor=user,
                        act="agency.update",
                        obj=world["agency"],
                        changes={"writer": user.pk, "i": i},
                        clauses=["D3.1a"],
                    )
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors

    total = writers * appends
    assert not PendingAuditEvent.objects.exists()
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == list(range(total))  # no gap, no duplicate
    for user in users:  # each writer's acts keep their order
        assert [e.changes["i"] for e in events if e.changes["writer"] == user.pk] == list(range(appends))
    # One checkpoint per integrated batch, the batches tiling the tree end to end.
    batches = list(Checkpoint.objects.order_by("tree_size").values_list("covers_from", "tree_size"))
    assert batches[0][0] == 0 and batches[-1][1] == total
    assert all(a[1] == b[0] for a, b in itertools.pairwise(batches))
    assert all(lo < hi for lo, hi in batches)
    assert AuditHead.objects.get().size == total

    report = audit.verify()
    assert report.ok, [p.message for p in report.problems]
    assert report.checkpoints == len(batches)
    key = audit.public_key_info()
    for seq in (0, total // 2, total - 1):
        merkle.verify_inclusion_proof(audit.inclusion_proof(seq), key, event=audit.event_bytes(events[seq]))
    for lo, _hi in batches[1:]:
        merkle.verify_consistency_proof(audit.consistency_proof(lo), key)


@deferred
def test_the_audit_page_lists_integrated_events_and_counts_the_queued(world, client):
    act(world, 0)
    with transaction.atomic():
        audit.record(actor=world["admin"], act="government.update", obj=world["district"], changes={"late": 1})
        die_before_integrating()
    client.force_login(world["admin"])
    html = client.get("/audit/").content.decode()
    assert "待排序事件" in html and "1 个已提交的行为事件尚待排入日志树" in html


@deferred
def test_a_block_can_sequence_inline_whatever_the_setting(world):
    """The demo loader's one long transaction composes documents from the acts it just did."""
    with audit.sequenced("inline"), transaction.atomic():
        event = audit.record(actor=world["admin"], act="government.update", obj=world["district"])
        assert event.seq == 0 and AuditEvent.objects.filter(seq=0).exists()
    assert act(world, 1).seq is None  # outside the block: deferred again
    assert AuditEvent.objects.count() == 2 and audit.verify().ok
