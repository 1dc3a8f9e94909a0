"""The verifiable audit log: append an event in the same transaction as the act.

    audit.record(actor=user, act="case.file", obj=case, changes={...}, clauses=["D3.1a"])

Each event is a leaf of an RFC 9162 Merkle tree; after each append the platform signs
a checkpoint (tree size, root hash, time) with its Ed25519 key, so any later change or
deletion of a row is found by ``zhifa audit verify`` and by anyone holding a checkpoint.

- Appending (:func:`record`) depends on ``settings.AUDIT_SEQUENCING``. ``"inline"``:
  the act's transaction locks the single :class:`AuditHead` row, so appends are
  serialised: event ``seq`` n is leaf n, and checkpoint n+1 covers leaves 0..n.
  ``"deferred"`` (production; as Trillian's sequencer does): the act inserts its event
  into a queue (:class:`PendingAuditEvent`) without locking anything, and when it commits
  :func:`integrate` locks the head, gives the queued events their seq in queue order and
  signs one checkpoint for the batch. Acts on unrelated cases no longer wait for each
  other; the log is the same single tree, verified the same way.
- Proofs (:func:`inclusion_proof`, :func:`consistency_proof`) read the perfect subtrees
  each append stored on its event (``AuditEvent.nodes``): O(log n) rows per proof.
  Anyone can check them with :mod:`zhifa.core.merkle` and the public key, without the
  database.
- :func:`verify` recomputes every leaf from the rows and the whole tree, and checks
  every checkpoint's root and signature.
- :func:`event_list` / :func:`event_get` are the scoped reads of the events' contents.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import namedtuple
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone as dj_timezone

from zhifa.core import acts, merkle
from zhifa.core import state as state_rows
from zhifa.core.clauses import validate
from zhifa.core.errors import DomainError, invalid, not_found
from zhifa.core.models import AuditEvent, AuditHead, Checkpoint, Cosignature, PendingAuditEvent


def _text(value: str) -> str:
    # PostgreSQL's jsonb cannot hold U+0000; an act must not fail over a stray NUL.
    return value.replace("\x00", "\ufffd")


def plain(value):
    """JSON-safe, deterministic form of a value recorded in ``changes`` (Decimal and
    float as text, dates ISO, model instances as id and text, sets sorted)."""
    if isinstance(value, dict):
        return {_text(str(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, models.Model):
        return {"id": value.pk, "repr": _text(str(value)[:200])}
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, (Decimal, float)):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return _text(str(value))


def _time_text(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def state_digest(state: dict) -> str:
    """SHA-256 of the canonical text of an event's state (zhifa.core.state)."""
    return hashlib.sha256(state_rows.digest_text(state).encode("utf-8")).hexdigest()


def event_bytes(event) -> bytes:
    """The canonical bytes of an event: the leaf the Merkle tree hashes."""
    doc = {
        "seq": event.seq,
        "time": _time_text(event.time),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "act": event.act,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "agency": event.agency_id,
        "changes": event.changes,
        "clauses": event.clauses,
    }
    if event.state:
        # Only the digest: the leaf stays small, and an event without state (every event
        # older than state digests) keeps the bytes it was signed with.
        doc["state"] = state_digest(event.state)
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


# --- The platform's key ---------------------------------------------------------------


@cache
def signing_key() -> Ed25519PrivateKey:
    seed = base64.b64decode(settings.AUDIT_SIGNING_KEY)
    if len(seed) != 32:
        raise ValueError("ZHIFA_AUDIT_SIGNING_KEY must be the base64 of 32 bytes")
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_key() -> Ed25519PublicKey:
    return signing_key().public_key()


def public_key_bytes() -> bytes:
    return public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id() -> str:
    return merkle.key_id_of(public_key_bytes())


def trusted_public_keys() -> dict[str, bytes]:
    """Raw public keys by key id: the current key, and the keys it replaced
    (``AUDIT_PREVIOUS_PUBLIC_KEYS``, base64), whose checkpoints stay valid."""
    keys = {key_id(): public_key_bytes()}
    for text in getattr(settings, "AUDIT_PREVIOUS_PUBLIC_KEYS", ()):
        raw = base64.b64decode(text)
        keys[merkle.key_id_of(raw)] = raw
    return keys


def public_key_info(kid: str | None = None) -> dict:
    """The public key as published: algorithm, key id, raw key (base64) and PEM."""
    raw = trusted_public_keys().get(kid or key_id(), public_key_bytes())
    pem = Ed25519PublicKey.from_public_bytes(raw).public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    return {
        "algorithm": "Ed25519",
        "key_id": merkle.key_id_of(raw),
        "public_key": base64.b64encode(raw).decode(),
        "pem": pem.decode(),
    }


def checkpoint_bytes(tree_size: int, root_hash: bytes, time: datetime) -> bytes:
    """What a checkpoint signature covers (a C2SP-style signed note body)."""
    return merkle.checkpoint_note(tree_size, root_hash, _time_text(time))


# --- Appending -----------------------------------------------------------------------


def _event(*, actor, act: str, obj=None, changes=None, clauses=(), agency=None, state=None, seq: int, now, labels=None):
    acts.require(act)
    if agency is None and obj is not None:
        is_agency = getattr(getattr(obj, "_meta", None), "label_lower", "") == "org.agency"
        agency = obj.pk if is_agency else getattr(obj, "agency_id", None)
    agency_id = agency.pk if isinstance(agency, models.Model) else agency
    user = actor if getattr(actor, "is_authenticated", False) else None
    if state is not None and not isinstance(state, dict):
        state = state_rows.snapshot(state)
    label = labels.get(id(actor)) if labels is not None else None
    if label is None:
        label = _text(user.label if user else str(actor or "系统"))[:100]
        if labels is not None:
            labels[id(actor)] = label
    return AuditEvent(
        seq=seq,
        time=now,
        actor=user,
        actor_label=label,
        act=act,
        object_type=obj._meta.label_lower if isinstance(obj, models.Model) else "",
        object_id=str(obj.pk) if isinstance(obj, models.Model) else "",
        object_repr=_text(str(obj))[:200] if obj is not None else "",
        agency_id=agency_id,
        changes=plain(changes or {}),
        clauses=list(validate(clauses if isinstance(clauses, str) else tuple(clauses))),
        state=plain(state or {}),
    )


def _locked_head():
    if not connection.in_atomic_block:
        raise RuntimeError("audit.record must run inside the act's transaction (transaction.atomic)")
    # The lock that serialises appends: the next seq, the compact range and the
    # checkpoint are read and written by one transaction at a time.
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    if settings.AUDIT_SEQUENCING == "deferred":
        # An append under the lock in a deferred world (an act that needs its seq now, a
        # batch): the events already queued, this transaction's own among them, come
        # first, so the tree keeps each transaction's events in the order they were
        # recorded (the state replay depends on it).
        while _integrate_locked(head, INTEGRATE_BATCH):
            pass
    return head


def _sign(head, now, covers_from=None) -> None:
    root = merkle.compact_root([bytes.fromhex(h) for h in head.compact])
    Checkpoint.objects.create(
        tree_size=head.size,
        root_hash=root.hex(),
        time=now,
        signature=base64.b64encode(signing_key().sign(checkpoint_bytes(head.size, root, now))).decode(),
        key_id=key_id(),
        covers_from=covers_from,
    )


def record(*, actor, act: str, obj=None, changes: dict | None = None, clauses=(), agency=None, sequencing=None):
    """Append one event for ``act`` by ``actor`` on ``obj``; call inside the act's transaction.

    ``act`` is a declared act (:mod:`zhifa.core.acts`; an undeclared one raises
    ``UnknownAct``). ``agency`` (or ``obj.agency``/``obj.agency_id`` when present, or
    ``obj`` itself when it is an agency) scopes who may read it. The event carries the
    state of the rows the transaction wrote since the previous event (:mod:`zhifa.core.state`).

    ``sequencing`` (default ``settings.AUDIT_SEQUENCING``):

    - ``"deferred"``: the event is queued, nothing is locked, and it gets its place in the
      tree when the act commits (:func:`integrate`, on commit). The returned event has no
      ``seq`` yet; a rolled-back act leaves nothing.
    - ``"inline"``: the head row is locked and stays locked until the act's transaction
      commits, so every other append waits for it: call ``record`` as the act's last
      write, after the act has locked its own rows (locks are then always taken in the
      same order, domain rows first, and the wait is short). The returned event has its
      ``seq``. An act that must store its event's seq (an issued document names it)
      passes ``sequencing="inline"``.

    Raises RuntimeError outside a transaction.
    """
    acts.require(act)
    if (sequencing or _sequencing.get() or settings.AUDIT_SEQUENCING) == "deferred":
        return _queue(actor=actor, act=act, obj=obj, changes=changes, clauses=clauses, agency=agency)
    head = _locked_head()
    now = dj_timezone.now()
    event = _event(
        actor=actor,
        act=act,
        obj=obj,
        changes=changes,
        clauses=clauses,
        agency=agency,
        state=state_rows.take(),
        seq=head.size,
        now=now,
    )
    leaf = merkle.leaf_hash(event_bytes(event))
    compact, completed = merkle.compact_append_nodes([bytes.fromhex(h) for h in head.compact], head.size, leaf)
    event.leaf_hash = leaf.hex()
    event.nodes = [h.hex() for h in completed]
    event.save(force_insert=True)
    head.size += 1
    head.compact = [h.hex() for h in compact]
    head.save(update_fields=["size", "compact"])
    _sign(head, now)
    return event


# --- Deferred sequencing: queue in the act, integrate after it commits ---------------

_sequencing: ContextVar[str | None] = ContextVar("audit_sequencing", default=None)


@contextmanager
def sequenced(mode: str):
    """Record with ``mode`` ("inline" or "deferred") inside the block, whatever the setting:
    a long transaction that reads its own events back before it commits (the demo loader
    composes documents from the acts it just did) sequences them inline."""
    token = _sequencing.set(mode)
    try:
        yield
    finally:
        _sequencing.reset(token)


#: The most events one integration transaction moves into the tree (one checkpoint each).
INTEGRATE_BATCH = 5000

#: The queue's columns: an event's, without its place in the tree (seq, leaf hash, subtrees).
_QUEUED = tuple(f.attname for f in PendingAuditEvent._meta.concrete_fields if not f.primary_key)


def _queue(*, actor, act, obj, changes, clauses, agency):
    if not connection.in_atomic_block:
        raise RuntimeError("audit.record must run inside the act's transaction (transaction.atomic)")
    event = _event(
        actor=actor,
        act=act,
        obj=obj,
        changes=changes,
        clauses=clauses,
        agency=agency,
        state=state_rows.take(),
        seq=None,
        now=dj_timezone.now(),
    )
    (pk,) = _insert_many([event], model=PendingAuditEvent, columns=_QUEUED, returning=True)
    # One integration per transaction, registered with the first event (again after a
    # rolled-back savepoint dropped it). Robust: the act has committed by then, so a
    # failure (logged by Django) must not turn its answer into an error; the event waits
    # in the queue for the next integration (any later act's, or `zhifa audit integrate`).
    for _, func, _ in connection.run_on_commit:
        if isinstance(func, _Integration):
            func.ids.append(pk)
            break
    else:
        transaction.on_commit(_Integration([pk]), robust=True)
    return event


class _Integration:
    """Run when an act that queued events commits: integrate, unless another integration
    already took every one of its events (then their delete from the queue was committed,
    and nothing of this act is left behind). The check takes no lock, so under load most
    acts find their events sequenced by the integration that ran while they committed."""

    def __init__(self, ids: list):
        self.ids = ids

    def __call__(self) -> None:
        # On the primary, never a replica: a lagging copy without the act's rows would
        # read as "already integrated" and leave them behind.
        if PendingAuditEvent.objects.using(connection.alias).filter(id__in=self.ids).exists():
            integrate()


def integrate(*, batch: int = INTEGRATE_BATCH) -> int:
    """Move every queued event into the tree (deferred sequencing); returns how many.

    Each round is its own transaction: lock the head (blocking, so an event committed
    while another integration runs is taken by the next one and never left behind),
    read up to ``batch`` queued events in id order, give them the next seqs, store their
    leaves and subtrees exactly as :func:`append_batch` does, delete them from the queue
    and sign one checkpoint for the round (``covers_from``: ``verify`` expects none in
    between). Rounds repeat until the queue is empty. Safe to run at any time and from
    any number of processes (``zhifa audit integrate``: after a process died between an
    act's commit and its integration)."""
    total = 0
    while True:
        with transaction.atomic():
            head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
            moved = _integrate_locked(head, batch)
            if not moved:
                # Nothing written but the lock: rolled back, a commit would wait for the
                # WAL to reach the disk for nothing.
                transaction.set_rollback(True)
        total += moved
        if moved < batch:
            return total


def _integrate_locked(head, limit: int) -> int:
    """Under the head's lock: sequence up to ``limit`` queued events; returns how many."""
    rows = list(PendingAuditEvent.objects.using(connection.alias).order_by("id").values_list("id", *_QUEUED)[:limit])
    if not rows:
        return 0
    start = head.size
    compact = [bytes.fromhex(h) for h in head.compact]
    built = []
    for i, (_, *values) in enumerate(rows):
        event = AuditEvent(seq=start + i, **dict(zip(_QUEUED, values, strict=True)))
        leaf = merkle.leaf_hash(event_bytes(event))
        compact, completed = merkle.compact_append_nodes(compact, start + i, leaf)
        event.leaf_hash = leaf.hex()
        event.nodes = [h.hex() for h in completed]
        built.append(event)
    _insert_many(built)
    # By id, never by a range: a row committed after the read above is not in this batch.
    ids = [r[0] for r in rows]
    table = connection.ops.quote_name(PendingAuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        for lo in range(0, len(ids), 500):
            chunk = ids[lo : lo + 500]
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk)
    head.size = start + len(built)
    head.compact = [h.hex() for h in compact]
    head.save(update_fields=["size", "compact"])
    _sign(head, dj_timezone.now(), covers_from=start)
    return len(built)


def queued_count() -> int:
    """How many events acts recorded that are not in the tree yet (deferred sequencing)."""
    return PendingAuditEvent.objects.count()


_INSERTED = (
    "seq",
    "time",
    "actor_id",
    "actor_label",
    "act",
    "object_type",
    "object_id",
    "object_repr",
    "agency_id",
    "changes",
    "clauses",
    "leaf_hash",
    "nodes",
    "state",
)
_JSON = {"changes", "clauses", "nodes", "state"}


def _insert_many(events, per_statement: int = 500, *, model=AuditEvent, columns=_INSERTED, returning=False) -> list:
    """Multi-row INSERTs of ``per_statement`` events, without the ORM's per-value
    preparation (half the time of a batch in bulk_create): the values are plain JSON.
    (``model``/``columns``: the queue of deferred sequencing takes the same rows without
    their place in the tree; ``returning``: return the new rows' ids.)"""
    jsonb = connection.vendor == "postgresql"
    quote = connection.ops.quote_name
    tail = f" RETURNING {quote('id')}" if returning else ""
    ids: list = []
    one = "(" + ", ".join("CAST(%s AS jsonb)" if jsonb and c in _JSON else "%s" for c in columns) + ")"
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) VALUES "
    times: dict = {}
    params: list = []
    for e in events:
        if e.time not in times:
            times[e.time] = connection.ops.adapt_datetimefield_value(e.time)
        for c in columns:
            if c in _JSON:
                params.append(json.dumps(getattr(e, c), ensure_ascii=False))
            elif c == "time":
                params.append(times[e.time])
            else:
                params.append(getattr(e, c))
    width = len(columns)
    with connection.cursor() as cursor:
        for lo in range(0, len(events), per_statement):
            chunk = params[lo * width : (lo + per_statement) * width]
            cursor.execute(head + ", ".join([one] * (len(chunk) // width)) + tail, chunk)
            if returning:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids


def append_batch(events) -> list:
    """Append many events under one lock and one signed checkpoint (bulk seeding, imports).

    ``events`` are dicts of :func:`record`'s keyword arguments, each optionally with
    ``state``: the rows the event attests (a list of saved instances, or a state dict
    from :func:`zhifa.core.state.snapshot`). Rows the transaction saved through the ORM
    and no event names are attested by the batch's last event. The events are one
    ``bulk_create``; one checkpoint signs the tree after the last of them (its
    ``covers_from`` says where the batch began, so ``verify`` expects no checkpoint
    between). Call inside a transaction; returns the events (with their ``seq``; their
    ``id`` is not read back).
    """
    events = list(events)
    if not events:
        return []
    for e in events:
        acts.require(e["act"])
    head = _locked_head()
    start = head.size
    now = dj_timezone.now()
    compact = [bytes.fromhex(h) for h in head.compact]
    pending = state_rows.take()
    labels: dict = {}
    built = []
    for i, spec in enumerate(events):
        spec = dict(spec)
        if i == len(events) - 1 and pending:
            named = spec.get("state")
            named = state_rows.snapshot(named) if named is not None and not isinstance(named, dict) else named
            spec["state"] = {**pending, **(named or {})}
        event = _event(**spec, seq=start + i, now=now, labels=labels)
        leaf = merkle.leaf_hash(event_bytes(event))
        compact, completed = merkle.compact_append_nodes(compact, start + i, leaf)
        event.leaf_hash = leaf.hex()
        event.nodes = [h.hex() for h in completed]
        built.append(event)
    _insert_many(built)
    head.size = start + len(built)
    head.compact = [h.hex() for h in compact]
    head.save(update_fields=["size", "compact"])
    _sign(head, now, covers_from=start)
    return built


# --- Checkpoints and proofs (public: no event contents) ------------------------------


def checkpoint_info(checkpoint) -> dict:
    """A checkpoint as published, with the note its signature covers."""
    return {
        "tree_size": checkpoint.tree_size,
        "root_hash": checkpoint.root_hash,
        "time": _time_text(checkpoint.time),
        "key_id": checkpoint.key_id,
        "signature": checkpoint.signature,
        "note": checkpoint_bytes(checkpoint.tree_size, bytes.fromhex(checkpoint.root_hash), checkpoint.time).decode(),
    }


def latest_checkpoint():

    return Checkpoint.objects.order_by("-tree_size").first()


def checkpoint_at(tree_size: int | None = None):
    """The checkpoint of ``tree_size`` (the latest when None); "not found" otherwise."""

    if tree_size is None:
        checkpoint = latest_checkpoint()
        if checkpoint is None:
            raise DomainError.of("not_found", "审计日志还没有事件，尚无签名检查点。")
        return checkpoint
    try:
        return Checkpoint.objects.get(tree_size=tree_size)
    except Checkpoint.DoesNotExist:
        raise DomainError.of("not_found", f"没有树大小为 {tree_size} 的签名检查点。") from None


def checkpoint_signature_valid(checkpoint) -> bool:
    raw = trusted_public_keys().get(checkpoint.key_id)
    if raw is None:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(
            base64.b64decode(checkpoint.signature),
            checkpoint_bytes(checkpoint.tree_size, bytes.fromhex(checkpoint.root_hash), checkpoint.time),
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def _broken(detail: str) -> DomainError:
    return DomainError.of(
        "audit_broken", f"审计日志数据不完整，无法生成证明（{detail}）。请运行 zhifa audit verify 检查。", status=409
    )


def _perfect_subtrees(pieces) -> dict[tuple[int, int], bytes]:
    """The stored roots of perfect subtrees ``(level, index)``: level 0 is the leaf hash
    of event ``index``; level L ≥ 1 was stored by the append that completed it, event
    ``((index + 1) << L) - 1``."""

    seq_of = {p: ((p[1] + 1) << p[0]) - 1 for p in pieces}
    rows = {
        seq: (leaf, nodes)
        for seq, leaf, nodes in AuditEvent.objects.filter(seq__in=set(seq_of.values())).values_list(
            "seq", "leaf_hash", "nodes"
        )
    }
    found = {}
    for (level, index), seq in seq_of.items():
        if seq not in rows:
            raise _broken(f"第 {seq} 号事件缺失")
        leaf, nodes = rows[seq]
        try:
            found[(level, index)] = bytes.fromhex(leaf if level == 0 else nodes[level - 1])
        except (IndexError, TypeError, ValueError):
            raise _broken(f"第 {seq} 号事件保存的子树哈希缺失或无效") from None
    return found


def _proof_hashes(ranges) -> list[bytes]:
    pieces = {p for lo, hi in ranges for p in merkle.perfect_pieces(lo, hi)}
    stored = _perfect_subtrees(pieces)
    return [merkle.range_hash(lo, hi, lambda level, index: stored[(level, index)]) for lo, hi in ranges]


def inclusion_proof(seq: int, tree_size: int | None = None) -> dict:
    """The proof that event ``seq`` is leaf ``seq`` of the signed tree of ``tree_size``
    (the latest checkpoint by default): RFC 6962 PATH, with the checkpoint and key."""

    checkpoint = checkpoint_at(tree_size)
    size = checkpoint.tree_size
    if not 0 <= seq < size:
        raise invalid(f"树大小为 {size} 的签名树只包含第 0–{size - 1} 号事件。", field="seq")
    leaf = AuditEvent.objects.filter(seq=seq).values_list("leaf_hash", flat=True).first()
    if leaf is None:
        raise _broken(f"第 {seq} 号事件缺失")
    return {
        "leaf_index": seq,
        "tree_size": size,
        "leaf_hash": leaf,
        "audit_path": [h.hex() for h in _proof_hashes(merkle.inclusion_ranges(seq, size))],
        "root_hash": checkpoint.root_hash,
        "checkpoint": checkpoint_info(checkpoint),
        "public_key": public_key_info(checkpoint.key_id),
    }


def consistency_proof(first: int, second: int | None = None) -> dict:
    """The proof that the signed tree of size ``second`` (the latest by default) extends
    the signed tree of size ``first``: RFC 6962 PROOF, with both checkpoints."""
    second_cp = checkpoint_at(second)
    if first < 1:
        raise invalid("第一棵树的大小至少为 1。", field="first")
    if first > second_cp.tree_size:
        # For whoever holds a checkpoint of `first`, this is evidence that the log shrank.
        raise invalid(f"第一棵树的大小（{first}）大于第二棵树的大小（{second_cp.tree_size}）。", field="first")
    first_cp = checkpoint_at(first)
    ranges = merkle.consistency_ranges(first, second_cp.tree_size)
    return {
        "first_size": first,
        "second_size": second_cp.tree_size,
        "first_root": first_cp.root_hash,
        "second_root": second_cp.root_hash,
        "consistency_path": [h.hex() for h in _proof_hashes(ranges)],
        "first_checkpoint": checkpoint_info(first_cp),
        "second_checkpoint": checkpoint_info(second_cp),
        "public_key": public_key_info(second_cp.key_id),
    }


@dataclass(frozen=True)
class EventCheck:
    """What the platform can say about one event: does its row still hash to its leaf,
    and does its inclusion proof lead to the latest signed checkpoint?"""

    leaf_matches: bool
    proof: dict | None
    proof_valid: bool
    signature_valid: bool
    error: str = ""
    checkpoint: models.Model | None = None

    @property
    def ok(self) -> bool:
        return self.leaf_matches and self.proof_valid and self.signature_valid


def check_event(event) -> EventCheck:
    leaf = merkle.leaf_hash(event_bytes(event))
    leaf_matches = leaf.hex() == event.leaf_hash
    try:
        proof = inclusion_proof(event.seq)
    except DomainError as error:
        return EventCheck(leaf_matches, None, False, False, error.message)
    checkpoint = checkpoint_at(proof["tree_size"])
    path = [bytes.fromhex(h) for h in proof["audit_path"]]
    proof_valid = merkle.verify_inclusion(leaf, event.seq, proof["tree_size"], path, bytes.fromhex(proof["root_hash"]))
    return EventCheck(leaf_matches, proof, proof_valid, checkpoint_signature_valid(checkpoint), checkpoint=checkpoint)


# --- Reading events (scoped) ---------------------------------------------------------


def event_list(user) -> models.QuerySet:
    """The events ``user`` may read: their agency's (agency staff), their government's
    agencies' (legal affairs office, supervisory organ), all (administrator)."""
    # accounts sits above core: the scope of a read is the accounts app's, resolved at call time.
    from zhifa.accounts.access import require_login, scope

    require_login(user)
    return scope(AuditEvent.objects.all(), user, "agency_id")


def filter_events(
    qs: models.QuerySet,
    *,
    act=None,
    actor=None,
    object_type=None,
    object_id=None,
    since: date | None = None,
    until: date | None = None,
    from_seq: int | None = None,
) -> models.QuerySet:
    """Narrow events by act, actor (part of the name), object, Beijing-time dates
    (inclusive) and position. Dates become a range on ``time`` so its index serves."""
    if act:
        qs = qs.filter(act=act)
    if actor:
        qs = qs.filter(actor_label__icontains=actor)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if since:
        qs = qs.filter(time__gte=_day_start(since))
    if until:
        qs = qs.filter(time__lt=_day_start(until + timedelta(days=1)))
    if from_seq is not None:
        qs = qs.filter(seq__gte=from_seq)
    return qs


def _day_start(day: date) -> datetime:
    return dj_timezone.make_aware(datetime.combine(day, datetime.min.time()))


def event_get(user, seq) -> models.Model:

    try:
        return event_list(user).get(seq=seq)
    except (AuditEvent.DoesNotExist, ValueError, TypeError):
        raise not_found("审计事件") from None


# --- Verifying the whole log ---------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something wrong with the log; ``seq`` is the first event it concerns."""

    seq: int | None
    kind: str  # missing · altered · tree · nodes · checkpoint · unsigned · head; state_*
    message: str
    # For a problem with the business tables (verify_state): the row and field named.
    table: str = ""
    pk: str = ""
    field: str = ""


@dataclass
class Report:
    events: int = 0
    checkpoints: int = 0
    tree_size: int = 0
    root_hash: str = ""
    problems: list[Problem] = field(default_factory=list)
    omitted: int = 0
    rows: int = 0  # business rows compared with the log's state (verify_state)
    # Events acts recorded that are queued and not yet in the tree (deferred sequencing):
    # not a problem, but not covered by any checkpoint either until `zhifa audit integrate`.
    queued: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first(self) -> Problem | None:
        return min(self.problems, key=_problem_order, default=None)

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems, key=_problem_order)

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "events": self.events,
            "checkpoints": self.checkpoints,
            "tree_size": self.tree_size,
            "root_hash": self.root_hash,
            "problems": [
                {"seq": p.seq, "kind": p.kind, "message": p.message, "table": p.table, "pk": p.pk, "field": p.field}
                for p in self.sorted_problems()
            ],
            "omitted": self.omitted,
            "rows": self.rows,
            "queued": self.queued,
        }


def _problem_order(p: Problem):
    return (p.seq is None, p.seq or 0)


def describe(event) -> str:
    """#12 case.file 渝中区市场监督管理局（org.agency:3）"""
    target = f"{event.object_repr}（{event.object_type}:{event.object_id}）" if event.object_type else event.object_repr
    return f"#{event.seq} {event.act} {target}".strip()


def _seq_range(lo: int, hi: int) -> str:
    return f"第 {lo} 号事件" if lo == hi else f"第 {lo}–{hi} 号事件"


#: The columns verify reads of each event (those event_bytes hashes, the leaf hash and subtrees).
_VerifiedRow = namedtuple("_VerifiedRow", _INSERTED)


def verify(*, chunk_size: int = 2000, max_problems: int = 1000) -> Report:
    """Recompute every leaf from its row and the whole tree; check every checkpoint's
    root and signature, the stored subtrees and the head. Read-only."""

    report = Report()
    keys = {kid: Ed25519PublicKey.from_public_bytes(raw) for kid, raw in trusted_public_keys().items()}

    def problem(seq, kind, message):
        if len(report.problems) < max_problems:
            report.problems.append(Problem(seq, kind, message))
        else:
            report.omitted += 1

    # Fix the extent first, so appends committed while we read are left out of both
    # the events and the checkpoints (each value read implies its whole append was
    # committed, and later reads see it).
    # The head is read first: whatever it says was committed, so the reads after it see
    # at least as many events and checkpoints unless rows were deleted.
    head_size = AuditHead.objects.filter(pk=1).values_list("size", flat=True).first() or 0
    last_checkpoint = Checkpoint.objects.order_by("-tree_size").values_list("tree_size", flat=True).first() or 0
    last_seq = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
    bound = max(head_size, last_checkpoint, (last_seq + 1) if last_seq is not None else 0)

    # Plain tuples, not model instances: building ~10 µs of Model per event was a fifth of
    # the time (event_bytes and describe read only these attributes).
    events = map(
        _VerifiedRow._make,
        AuditEvent.objects.filter(seq__lt=bound)
        .order_by("seq")
        .values_list(*_VerifiedRow._fields)
        .iterator(chunk_size=chunk_size),
    )
    checkpoints = Checkpoint.objects.filter(tree_size__lte=bound).order_by("tree_size").iterator(chunk_size=chunk_size)
    checkpoint = next(checkpoints, None)

    def check_signature(cp) -> bool:
        report.checkpoints += 1
        key = keys.get(cp.key_id)
        try:
            if key is None:
                raise InvalidSignature
            key.verify(
                base64.b64decode(cp.signature), checkpoint_bytes(cp.tree_size, bytes.fromhex(cp.root_hash), cp.time)
            )
            return True
        except (InvalidSignature, ValueError):
            why = "由未知的密钥签名" if key is None else "签名无效（检查点被直接改动或不是本平台签发）"
            problem(cp.tree_size - 1, "checkpoint", f"树大小为 {cp.tree_size} 的签名检查点{why}。")
            return False

    compact: list[bytes] = []
    size = 0  # leaves in the tree recomputed from the rows so far
    next_seq = 0
    previous = None
    tree_agrees = True  # until the first checkpoint whose root differs, or a gap
    unsigned_from = None  # the first of a run of events whose checkpoints are missing
    for event in events:
        if event.seq != next_seq:
            before = f"前一事件 {describe(previous)}；" if previous else ""
            problem(
                next_seq,
                "missing",
                f"{_seq_range(next_seq, event.seq - 1)}缺失：该行已被直接删除（{before}后一事件 {describe(event)}）。",
            )
            tree_agrees = False  # every later leaf is out of place
        next_seq = event.seq + 1

        recomputed = merkle.leaf_hash(event_bytes(event))
        try:
            leaf = bytes.fromhex(event.leaf_hash)
        except (TypeError, ValueError):
            leaf = b""
        if leaf != recomputed:
            problem(event.seq, "altered", f"事件 {describe(event)} 的内容与其叶哈希不符：该行在数据库中被直接修改。")
            if len(leaf) != merkle.HASH_SIZE:
                leaf = recomputed
        # The tree is built from the stored leaf hashes: a row changed without its leaf
        # hash is reported above; one changed together with it, by the checkpoint below.
        compact, completed = merkle.compact_append_nodes(compact, size, leaf)
        # Once the tree has diverged, later stored subtrees differ as a consequence.
        if tree_agrees and [h.hex() for h in completed] != list(event.nodes or []):
            problem(
                event.seq,
                "nodes",
                f"事件 {describe(event)} 保存的子树哈希与重新计算的不符（据此生成的证明将无法验证）。",
            )
        size += 1

        while checkpoint is not None and checkpoint.tree_size < size:  # only after a gap in the rows
            check_signature(checkpoint)
            checkpoint = next(checkpoints, None)
        if checkpoint is not None and checkpoint.tree_size == size:
            batch_from = checkpoint.covers_from
            if unsigned_from is not None and not (batch_from is not None and batch_from <= unsigned_from):
                problem(
                    unsigned_from,
                    "unsigned",
                    f"{_seq_range(unsigned_from, event.seq - 1)}的签名检查点缺失：检查点被直接删除。",
                )
            unsigned_from = None
            signed = check_signature(checkpoint)
            if tree_agrees and signed and checkpoint.root_hash != merkle.compact_root(compact).hex():
                problem(
                    event.seq, "tree", f"事件 {describe(event)} 与签名检查点不符：该行连同其叶哈希被直接修改或替换。"
                )
                tree_agrees = False
            checkpoint = next(checkpoints, None)
        elif unsigned_from is None:
            unsigned_from = event.seq
        previous = event

    if unsigned_from is not None:
        problem(
            unsigned_from,
            "unsigned",
            f"{_seq_range(unsigned_from, next_seq - 1)}没有任何签名检查点（检查点被直接删除），无法证明其未被改动。",
        )
    if next_seq < bound:
        last = f"最后存在的事件 {describe(previous)}；" if previous else ""
        problem(
            next_seq,
            "missing",
            f"{_seq_range(next_seq, bound - 1)}缺失：该行已被直接删除（{last}签名检查点或审计日志头记录了 {bound} 个事件）。",
        )
    while checkpoint is not None:
        check_signature(checkpoint)
        checkpoint = next(checkpoints, None)

    # The head is what the next append continues from; a wrong one would fork the tree.
    # Read again now: appends since the start only make it larger.
    head = AuditHead.objects.filter(pk=1).first()
    if bound and (head is None or head.size < bound):
        problem(
            None,
            "head",
            f"审计日志头记录的事件数（{head.size if head else 0}）少于事件表和检查点（{bound}）：日志头被直接改动。",
        )
    elif (
        head is not None
        and head.size == bound
        and not report.problems
        and list(head.compact) != [h.hex() for h in compact]
    ):
        problem(None, "head", "审计日志头保存的紧凑范围与重新计算的不符：下一次追加将生成错误的根哈希。")

    report.events = size
    report.tree_size = bound
    report.queued = queued_count()
    report.root_hash = merkle.compact_root(compact).hex()
    return report


# --- Verifying the business tables against the log ------------------------------------

_ABSENT = object()


def recorded_state(*, chunk_size: int = 2000) -> dict[str, tuple]:
    """Replay the log: for each row key, (the state the last event recording it gave, that
    event's seq, its act)."""
    expected: dict[str, tuple] = {}
    rows = AuditEvent.objects.order_by("seq").values_list("seq", "act", "state").iterator(chunk_size=chunk_size)
    for seq, act, state in rows:
        if isinstance(state, dict):
            for key, value in state.items():
                expected[key] = (value, seq, act)
    return expected


def _table_label(model) -> str:
    return f"{model._meta.db_table}（{model._meta.verbose_name}）"


def _field_label(model, name: str) -> str:
    try:
        f = model._meta.get_field(name.removesuffix("_id") if name.endswith("_id") else name)
    except Exception:  # noqa: BLE001 - a field of an older schema: name it as recorded
        return name
    return f"{name}（{f.verbose_name}）"


def _shown(value) -> str:
    return "空" if value is None else json.dumps(value, ensure_ascii=False)[:120]


def verify_state(*, chunk_size: int = 2000, max_problems: int = 1000, report: Report | None = None) -> Report:
    """Compare every business table (:func:`zhifa.core.state.tracked_models`) with the
    state the log recorded for each row: a field that differs from what the last act made
    of it, a recorded row that is gone, a deleted one that is back, and a row no act
    produced are each a problem naming the table, the row and the field. Read-only.

    Trust it together with :func:`verify`: the state is hashed into each event's leaf,
    so a change to the recorded state itself is a changed event there."""
    report = report if report is not None else Report()

    def problem(seq, kind, message, model, pk, field_name=""):
        if len(report.problems) < max_problems:
            report.problems.append(Problem(seq, kind, message, model._meta.db_table, str(pk), field_name))
        else:
            report.omitted += 1

    expected = recorded_state(chunk_size=chunk_size)
    by_table: dict[str, dict[str, tuple]] = {}
    for key, entry in expected.items():
        table, m2m, pk = state_rows.split_key(key)
        by_table.setdefault(f"{table}.{m2m}" if m2m else table, {})[pk] = entry

    def made_by(entry) -> str:
        return f"第 {entry[1]} 号事件（{acts.label(entry[2])}）"

    for model in state_rows.tracked_models():
        label = model._meta.label_lower
        mine = by_table.get(label, {})
        names = [f.attname for f in state_rows.fields_of(model)]
        rows = model._base_manager.values("pk", *names).order_by("pk").iterator(chunk_size=chunk_size)
        for row in rows:
            report.rows += 1
            pk = str(row["pk"])
            actual = plain(state_rows.canonical_row(model, row))
            entry = mine.pop(pk, None)
            where = f"表 {_table_label(model)} 第 {pk} 行"
            if entry is None:
                problem(
                    None,
                    "state_unrecorded",
                    f"{where}没有任何审计事件记录其产生：该行被直接插入数据库"
                    "（或产生于状态摘要启用之前：zhifa audit baseline 将这类行记入日志）。",
                    model,
                    pk,
                )
                continue
            recorded = entry[0]
            if recorded is None:
                problem(
                    entry[1],
                    "state_restored",
                    f"{where}在{made_by(entry)}中已删除，数据库中却仍有该行：该行被直接插入或恢复。",
                    model,
                    pk,
                )
                continue
            for name in names:
                want = recorded.get(name, _ABSENT) if isinstance(recorded, dict) else _ABSENT
                if want is _ABSENT:
                    continue  # a field added after the act: the act did not attest it
                if want != actual[name]:
                    problem(
                        entry[1],
                        "state_changed",
                        f"{where}的字段 {_field_label(model, name)} 与审计日志不符：{made_by(entry)}记录为 "
                        f"{_shown(want)}，数据库中为 {_shown(actual[name])}：该行在数据库中被直接修改。",
                        model,
                        pk,
                        name,
                    )
        for pk, entry in mine.items():
            if entry[0] is not None:
                problem(
                    entry[1],
                    "state_deleted",
                    f"表 {_table_label(model)} 第 {pk} 行已不存在，但{made_by(entry)}记录了它：该行被直接删除。",
                    model,
                    pk,
                )
        for f in model._meta.many_to_many:
            recorded_links = by_table.get(f"{label}.{f.name}", {})
            current = state_rows.m2m_ids(model, f.name, None)
            for pk in sorted(set(current) | set(recorded_links), key=lambda k: (len(k), k)):
                entry = recorded_links.get(pk)
                want = (entry[0] or {}).get("ids", []) if entry else []
                have = current.get(pk, [])
                if want != have:
                    field_name = f.name
                    problem(
                        entry[1] if entry else None,
                        "state_changed",
                        f"表 {_table_label(model)} 第 {pk} 行的 {field_name}（{f.verbose_name}）与审计日志不符："
                        f"{made_by(entry) + '记录为' if entry else '没有事件记录，应为'} {_shown(want)}，"
                        f"数据库中为 {_shown(have)}：关联表 {f.remote_field.through._meta.db_table} 被直接修改。",
                        model,
                        pk,
                        field_name,
                    )
    return report


def baseline(*, actor="系统", chunk: int = 500) -> int:
    """Record the state of every business row that no event attests yet (rows made before
    state digests, or by a bulk load), in ``audit.state_baseline`` events of ``chunk``
    rows. A row some event already recorded is never re-attested here: a change to it
    stays a problem of verify_state. Returns the number of rows recorded."""
    expected = recorded_state()
    count = 0
    with transaction.atomic():
        for model in state_rows.tracked_models():
            names = [f.attname for f in state_rows.fields_of(model)]
            batch: dict = {}
            label = model._meta.label_lower

            def flush(batch=batch, label=label):
                if batch:
                    append_batch(
                        [
                            {
                                "actor": actor,
                                "act": "audit.state_baseline",
                                "state": dict(batch),
                                "changes": {"table": label, "rows": len(batch)},
                            }
                        ]
                    )
                    batch.clear()

            for row in model._base_manager.values("pk", *names).order_by("pk").iterator(chunk_size=2000):
                key = state_rows.row_key(model, row["pk"])
                if key not in expected:
                    batch[key] = state_rows.canonical_row(model, row)
                    count += 1
                    if len(batch) >= chunk:
                        flush()
            for f in model._meta.many_to_many:
                for pk, ids in state_rows.m2m_ids(model, f.name, None).items():
                    key = state_rows.m2m_key(model, f.name, pk)
                    if key not in expected:
                        batch[key] = {"ids": ids}
                        if len(batch) >= chunk:
                            flush()
            flush()
    return count


# --- Witnesses' cosignatures ----------------------------------------------------------


def witness_keys() -> dict[str, tuple[str, bytes]]:
    """The registered witnesses (``AUDIT_WITNESSES``): key id → (name, raw public key)."""
    found = {}
    for name, text in getattr(settings, "AUDIT_WITNESSES", {}).items():
        try:
            raw = merkle.public_key_raw(text.strip())
        except merkle.ProofError:
            continue  # a malformed setting accepts nobody
        found[merkle.key_id_of(raw)] = (name.strip(), raw)
    return found


def cosignature_add(*, witness_key: str, tree_size: int, root_hash: str, timestamp: int, signature: str, **_):
    """Store a witness's cosignature of the checkpoint of ``tree_size`` once it verifies:
    the key is a registered witness's, the checkpoint exists with that root, and the
    signature covers its note. Posting the same cosignature again changes nothing."""
    try:
        raw = merkle.public_key_raw(witness_key)
    except merkle.ProofError as error:
        raise invalid(str(error), field="witness_key") from None
    kid = merkle.key_id_of(raw)
    registered = witness_keys().get(kid)
    if registered is None:
        raise invalid("该公钥不是平台登记的见证者（ZHIFA_AUDIT_WITNESSES）。", field="witness_key")
    checkpoint = checkpoint_at(tree_size)
    if checkpoint.root_hash != root_hash:
        raise DomainError.of(
            "conflict", f"树大小为 {tree_size} 的签名检查点的根哈希不是所连署的根哈希。", field="root_hash", status=409
        )
    note = checkpoint_info(checkpoint)["note"]
    try:
        merkle.verify_cosignature(note, timestamp, signature, raw)
    except merkle.ProofError as error:
        raise invalid(str(error), field="signature") from None
    cosignature, _ = Cosignature.objects.get_or_create(
        witness_key_id=kid,
        tree_size=tree_size,
        defaults={
            "witness_name": registered[0],
            "root_hash": root_hash,
            "timestamp": timestamp,
            "signature": signature,
            "received_at": dj_timezone.now(),
        },
    )
    return cosignature


def cosignature_info(c) -> dict:
    name, raw = witness_keys().get(c.witness_key_id, (c.witness_name, b""))
    return {
        "witness_name": name,
        "witness_key_id": c.witness_key_id,
        "witness_key": base64.b64encode(raw).decode() if raw else "",
        "tree_size": c.tree_size,
        "timestamp": c.timestamp,
        "signature": c.signature,
    }


def cosigned_checkpoint() -> dict:
    """The latest checkpoint that a registered witness cosigned, with every registered
    witness's cosignature of it; "not found" while there is none."""
    keys = witness_keys()
    latest = Cosignature.objects.filter(witness_key_id__in=list(keys)).order_by("-tree_size").first()
    if latest is None:
        raise DomainError.of("not_found", "还没有见证者连署的检查点。")
    checkpoint = checkpoint_at(latest.tree_size)
    cosignatures = Cosignature.objects.filter(tree_size=latest.tree_size, witness_key_id__in=list(keys))
    valid = []
    note = checkpoint_info(checkpoint)["note"]
    for c in cosignatures.order_by("witness_key_id"):
        try:
            if c.root_hash == checkpoint.root_hash:
                merkle.verify_cosignature(note, c.timestamp, c.signature, keys[c.witness_key_id][1])
                valid.append(cosignature_info(c))
        except merkle.ProofError:
            continue  # a row changed in the database: it no longer counts
    if not valid:
        raise DomainError.of("not_found", "还没有有效的见证者连署。")
    return {"checkpoint": checkpoint_info(checkpoint), "cosignatures": valid}


atomic = transaction.atomic
