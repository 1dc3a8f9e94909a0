"""The audit log: appends per second, `verify` time for N events, proof generation and
verification time. ``ZHIFA_BENCH_AUDIT_EVENTS`` sets N (default 5000).

    .venv/bin/python -m benchmarks audit
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zhifa .venv/bin/python -m benchmarks audit
"""

from __future__ import annotations

import os
import random
import statistics
import time

from benchmarks import throwaway_database


def _timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def _ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"mean {statistics.mean(samples) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"


def _row(label: str, value: str) -> None:
    print(f"  {label:<44} {value}", flush=True)


def _world():
    from zhifa.testing import make_agency, make_city_and_district, make_user

    _, district = make_city_and_district()
    from zhifa.core import audit

    agency = make_agency(district, name="渝中区市场监督管理局")
    user = make_user("officer", agency=agency, display_name="张三")
    audit.baseline()  # the builders' rows, made outside any act, attested once
    return agency, user


def _append(actor, agency, i: int) -> None:
    from django.db import transaction

    from zhifa.core import audit

    with transaction.atomic():
        audit.record(
            actor=actor,
            act="case.notice_issue",
            obj=agency,
            clauses=["D3.9a", "D3.8"],
            changes={
                "status": ["investigating", "notified"],
                "notice_no": f"渝中市监告〔2026〕{i}号",
                "amount": "5000.00",
                "deadline": "2026-12-08",
                "officers": [3, 7],
            },
        )


def _bench_appends(world, n: int, sequencing: str = "inline") -> None:
    from django.test import override_settings

    agency, actor = world
    started = time.perf_counter()
    with override_settings(AUDIT_SEQUENCING=sequencing):
        for i in range(n):
            _append(actor, agency, i)
    elapsed = time.perf_counter() - started
    floor = _raw_hashing(_stored_bytes()[-n:])
    _row(
        f"append {n} events, one transaction each, {sequencing}",
        f"{n / elapsed:8.0f} appends/s   ({elapsed / n * 1000:.2f} ms each)   raw SHA-256 {n / floor:8.0f}/s   "
        f"×{elapsed / floor:6.0f}",
    )


def _event_spec(actor, agency, i: int) -> dict:
    return {
        "actor": actor,
        "act": "case.notice_issue",
        "obj": agency,
        "clauses": ["D3.9a", "D3.8"],
        "changes": {
            "status": ["investigating", "notified"],
            "notice_no": f"渝中市监告〔2026〕{i}号",
            "amount": "5000.00",
        },
    }


def _bench_batch_appends(world, n: int, batch: int = 500) -> None:
    """audit.append_batch (bulk seeding): one lock and one signed checkpoint per batch,
    against the floor of hashing the same canonical bytes with SHA-256 alone."""
    import hashlib

    from django.db import transaction

    from zhifa.core import audit
    from zhifa.core.models import AuditEvent

    agency, actor = world
    started = time.perf_counter()
    for lo in range(0, n, batch):
        with transaction.atomic():
            audit.append_batch([_event_spec(actor, agency, i) for i in range(lo, min(n, lo + batch))])
    elapsed = time.perf_counter() - started
    rows = list(AuditEvent.objects.order_by("-seq")[:n])
    floor_started = time.perf_counter()
    for event in rows:
        hashlib.sha256(b"\x00" + audit.event_bytes(event)).digest()
    floor = time.perf_counter() - floor_started
    _row(
        f"append_batch {n} events, {batch} a batch",
        f"{n / elapsed:8.0f} events/s   (raw SHA-256 of the same bytes: {n / floor:.0f}/s, ratio {elapsed / floor:.1f}×)",
    )


def _bench_verify_state() -> None:
    from zhifa.core import audit

    started = time.perf_counter()
    report = audit.verify_state()
    elapsed = time.perf_counter() - started
    _row(f"verify --state over {report.rows} rows", f"{elapsed:8.2f} s        ({len(report.problems)} problems)")


def _bench_concurrent_appends(world, n: int, workers: int = 8, sequencing: str = "inline") -> None:
    """Appends from separate processes, as from several web workers (threads would measure
    the GIL). Inline, they serialise on the AuditHead row for the whole of each act's
    transaction; deferred, each act only queues its event and the integrations after the
    commits take the queue in batches (one checkpoint each); "queued": deferred with the
    integration left to one integrate() after the acts (a background sequencer's
    ceiling). Timed until every event is in the tree."""
    import multiprocessing

    from django.db import connections
    from django.test import override_settings

    from zhifa.core import audit
    from zhifa.core.models import Checkpoint

    agency, actor = world
    per = n // workers
    checkpoints_before = Checkpoint.objects.count()
    connections.close_all()  # each forked worker opens its own connection
    ctx = multiprocessing.get_context("fork")
    gate = ctx.Barrier(workers + 1)

    def work():
        if sequencing == "queued":
            # The ceiling of deferred sequencing with a background sequencer: the acts only
            # queue (their on-commit integration is switched off in this worker), and one
            # integrate() after them sequences the lot; its time is counted.
            audit._Integration.__call__ = lambda self: None
        gate.wait()
        with override_settings(AUDIT_SEQUENCING="inline" if sequencing == "inline" else "deferred"):
            for i in range(per):
                _append(actor, agency, i)
        connections.close_all()

    processes = [ctx.Process(target=work) for _ in range(workers)]
    for p in processes:
        p.start()
    gate.wait()
    started = time.perf_counter()
    for p in processes:
        p.join()
    left = audit.integrate()  # nothing, unless a worker died between commit and integration (or "queued")
    elapsed = time.perf_counter() - started
    failed = sum(p.exitcode != 0 for p in processes)
    checkpoints = Checkpoint.objects.count() - checkpoints_before
    _row(
        f"append {per * workers} events from {workers} processes, {sequencing}",
        f"{per * workers / elapsed:8.0f} events/s   {checkpoints} checkpoints"
        + (f"   ({left} integrated after the workers)" if left else "")
        + (f"   ({failed} workers failed)" if failed else ""),
    )


def _raw_hashing(events: list[bytes]) -> float:
    """The floor: SHA-256 over the same bytes (the leaves, and the inner nodes of a tree
    of that size: 2n hashes), nothing read, nothing parsed, nothing signed."""
    import hashlib

    started = time.perf_counter()
    for data in events:
        hashlib.sha256(b"\x00" + data).digest()
        hashlib.sha256(b"\x01" + data[:64]).digest()
    return time.perf_counter() - started


def _stored_bytes() -> list[bytes]:
    from zhifa.core import audit
    from zhifa.core.models import AuditEvent

    return [audit.event_bytes(e) for e in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000)]


def _bench_verify() -> None:
    from zhifa.core import audit

    started = time.perf_counter()
    report = audit.verify()
    elapsed = time.perf_counter() - started
    status = "ok" if report.ok else f"{len(report.problems)} problems"
    floor = _raw_hashing(_stored_bytes())
    _row(
        f"verify {report.events} events, {report.checkpoints} checkpoints",
        f"{elapsed:8.2f} s        ({report.events / elapsed:.0f} events/s, {status})   "
        f"raw SHA-256 {floor:6.3f} s   ×{elapsed / floor:6.1f}",
    )


def _bench_proofs(samples: int = 300) -> None:
    from zhifa.core import audit, merkle

    size = audit.latest_checkpoint().tree_size
    rng = random.Random(1)
    key = audit.public_key_info()
    seqs = [rng.randrange(size) for _ in range(samples)]
    proofs = []
    times = _timed(lambda: proofs.append(audit.inclusion_proof(seqs[len(proofs)])), samples)
    _row(f"inclusion proof in a tree of {size}", _ms(times))
    it = iter(proofs)
    _row(
        "  verify it (outsider: signature + path)",
        _ms(_timed(lambda: merkle.verify_inclusion_proof(next(it), key), samples)),
    )
    from zhifa.core.models import Checkpoint

    signed = list(Checkpoint.objects.values_list("tree_size", flat=True))  # a batch is signed once
    pairs = [(rng.choice(signed), size) for _ in range(samples)]
    proofs = []
    times = _timed(lambda: proofs.append(audit.consistency_proof(*pairs[len(proofs)])), samples)
    _row(f"consistency proof m → {size}", _ms(times))
    it = iter(proofs)
    _row(
        "  verify it (outsider: 2 signatures + path)",
        _ms(_timed(lambda: merkle.verify_consistency_proof(next(it), key), samples)),
    )


def _bench_merkle(n: int = 100_000) -> None:
    from zhifa.core import merkle

    leaves = [merkle.leaf_hash(i.to_bytes(8, "big")) for i in range(n)]
    _row(f"pure Python: root of {n} leaves", f"{min(_timed(lambda: merkle.root(leaves), 3)):8.3f} s")
    path = merkle.inclusion_proof(leaves, n // 3)
    root = merkle.root(leaves)
    _row(
        "pure Python: verify an inclusion path",
        _ms(_timed(lambda: merkle.verify_inclusion(leaves[n // 3], n // 3, n, path, root), 1000)),
    )


def main() -> None:
    n = int(os.environ.get("ZHIFA_BENCH_AUDIT_EVENTS", "5000"))
    with throwaway_database():
        from django.db import connection

        print(f"  database: {connection.vendor}, N = {n}", flush=True)
        world = _world()
        for sequencing in ("inline", "deferred"):
            _bench_appends(world, n, sequencing)
        if connection.vendor == "postgresql":  # SQLite in memory lives in one connection
            for sequencing in ("inline", "deferred", "queued"):
                _bench_concurrent_appends(world, n // 5, sequencing=sequencing)
        _bench_batch_appends(world, n)
        _bench_verify()
        _bench_verify_state()
        _bench_proofs()
    _bench_merkle()


if __name__ == "__main__":
    main()
