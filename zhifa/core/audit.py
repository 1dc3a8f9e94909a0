"""The verifiable audit log: append an event in the same transaction as the act.

    audit.record(actor=user, act="case.file", obj=case, changes={...}, clauses=["D3.1a"])

Each event is a leaf of an RFC 9162 Merkle tree; after each append the platform signs
a checkpoint (tree size, root hash, time) with its Ed25519 key, so any later change or
deletion of a row is found by ``zhifa audit verify`` and by anyone holding a checkpoint.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime, timezone
from decimal import Decimal
from functools import cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone as dj_timezone

from zhifa.core import merkle
from zhifa.core.clauses import validate


def _plain(value):
    """JSON-safe, deterministic form of a value recorded in ``changes``."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, models.Model):
        return {"id": value.pk, "repr": str(value)[:200]}
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (Decimal, float)):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _time_text(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


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
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


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
    return hashlib.sha256(public_key_bytes()).hexdigest()[:16]


def checkpoint_bytes(tree_size: int, root_hash: bytes, time: datetime) -> bytes:
    """What a checkpoint signature covers (a C2SP-style signed note body)."""
    return f"zhifa-audit\n{tree_size}\n{base64.b64encode(root_hash).decode()}\n{_time_text(time)}\n".encode()


def record(*, actor, act: str, obj=None, changes: dict | None = None, clauses=(), agency=None):
    """Append one event for ``act`` by ``actor`` on ``obj``; call inside the act's transaction.

    ``agency`` (or ``obj.agency``/``obj.agency_id`` when present) scopes who may read it.
    """
    from zhifa.core.models import AuditEvent, AuditHead, Checkpoint

    if not connection.in_atomic_block:
        raise RuntimeError("audit.record must run inside the act's transaction (transaction.atomic)")
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    if agency is None and obj is not None:
        agency = getattr(obj, "agency_id", None)
    agency_id = agency.pk if isinstance(agency, models.Model) else agency
    user = actor if getattr(actor, "is_authenticated", False) else None
    now = dj_timezone.now()
    event = AuditEvent(
        seq=head.size,
        time=now,
        actor=user,
        actor_label=(user.label if user else str(actor or "系统"))[:100],
        act=act,
        object_type=obj._meta.label_lower if isinstance(obj, models.Model) else "",
        object_id=str(obj.pk) if isinstance(obj, models.Model) else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        agency_id=agency_id,
        changes=_plain(changes or {}),
        clauses=list(validate(tuple(clauses))),
    )
    leaf = merkle.leaf_hash(event_bytes(event))
    event.leaf_hash = leaf.hex()
    event.save(force_insert=True)
    compact = merkle.compact_append([bytes.fromhex(h) for h in head.compact], head.size, leaf)
    head.size += 1
    head.compact = [h.hex() for h in compact]
    head.save(update_fields=["size", "compact"])
    root = merkle.compact_root(compact)
    Checkpoint.objects.create(
        tree_size=head.size,
        root_hash=root.hex(),
        time=now,
        signature=base64.b64encode(signing_key().sign(checkpoint_bytes(head.size, root, now))).decode(),
        key_id=key_id(),
    )
    return event


atomic = transaction.atomic
