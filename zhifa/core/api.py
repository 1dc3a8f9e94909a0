"""The audit log over HTTP, at /api/v1/audit/.

Checkpoints, the public key and the proofs are public (no login): with them and
:mod:`zhifa.core.merkle` anyone can check that the log only grows and that an event
they were shown is in it, without access to the database. The events' contents are for
logged-in users, within their scope (:func:`zhifa.core.audit.event_list`).
"""

from datetime import date, datetime

from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.core import audit, merkle

router = Router(tags=["审计日志"])


class CheckpointOut(Schema):
    tree_size: int
    root_hash: str
    time: str
    key_id: str
    signature: str
    note: str


class PublicKeyOut(Schema):
    algorithm: str
    key_id: str
    public_key: str
    pem: str


class InclusionProofOut(Schema):
    leaf_index: int
    tree_size: int
    leaf_hash: str
    audit_path: list[str]
    root_hash: str
    checkpoint: CheckpointOut
    public_key: PublicKeyOut


class ConsistencyProofOut(Schema):
    first_size: int
    second_size: int
    first_root: str
    second_root: str
    consistency_path: list[str]
    first_checkpoint: CheckpointOut
    second_checkpoint: CheckpointOut
    public_key: PublicKeyOut


class EventOut(Schema):
    seq: int
    time: datetime
    actor_id: int | None
    actor_label: str
    act: str
    object_type: str
    object_id: str
    object_repr: str
    agency_id: int | None
    changes: dict
    clauses: list[str]
    leaf_hash: str


class EventDetailOut(EventOut):
    leaf: str
    leaf_matches: bool


@router.get("checkpoints/latest", response=CheckpointOut, auth=None, summary="最新的签名检查点")
def checkpoint_latest(request):
    return audit.checkpoint_info(audit.checkpoint_at(None))


@router.get("checkpoints/{tree_size}", response=CheckpointOut, auth=None, summary="树大小为 N 的签名检查点")
def checkpoint_get(request, tree_size: int):
    return audit.checkpoint_info(audit.checkpoint_at(tree_size))


@router.get("public-key", response=PublicKeyOut, auth=None, summary="签署检查点的 Ed25519 公钥")
def public_key(request):
    return audit.public_key_info()


@router.get(
    "proofs/inclusion/{seq}",
    response=InclusionProofOut,
    auth=None,
    summary="第 N 号事件的包含证明",
    description="RFC 6962 审计路径。tree_size 缺省时针对最新的签名检查点。",
)
def inclusion_proof(request, seq: int, tree_size: int | None = None):
    return audit.inclusion_proof(seq, tree_size)


@router.get(
    "proofs/consistency",
    response=ConsistencyProofOut,
    auth=None,
    summary="树大小 M 到 N 的一致性证明",
    description="RFC 6962 一致性证明：较晚的树只是在较早的树之后追加而成。second 缺省时为最新的签名检查点。",
)
def consistency_proof(request, first: int, second: int | None = None):
    return audit.consistency_proof(first, second)


@router.get("events", response=list[EventOut], summary="审计事件（本人可见范围）")
@paginate(LimitOffsetPagination)
def event_list(
    request,
    act: str | None = None,
    actor: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    from_seq: int | None = None,
):
    return audit.filter_events(
        audit.event_list(request.auth).order_by("seq"),
        act=act,
        actor=actor,
        object_type=object_type,
        object_id=object_id,
        since=since,
        until=until,
        from_seq=from_seq,
    )


@router.get(
    "events/{seq}",
    response=EventDetailOut,
    summary="审计事件",
    description="leaf 是事件的规范字节（UTF-8 JSON），leaf_hash = SHA-256(0x00 ‖ leaf)。",
)
def event_get(request, seq: int):
    event = audit.event_get(request.auth, seq)
    leaf = audit.event_bytes(event)
    event.leaf = leaf.decode("utf-8")
    event.leaf_matches = merkle.leaf_hash(leaf).hex() == event.leaf_hash
    return event
